"""Forgeries that show a reader something the answers do not give. Each is `edited`, naming the
sheet and cell or what changed (issue 12 §1: the contract, written out). The example workbook
says S = 2.24 and 基础级 on 评估结果 (B5, B7)."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from factory_grader.forms.library import FormLibrary
from factory_grader.services.notices import finding_sentence
from factory_grader.services.submission import FileStatus, verify_workbook
from tests.workbook.conftest import libreoffice_convert

RESULT = "评估结果"


def forged(source: Path, target: Path, change: Callable) -> Path:
    shutil.copy(source, target)
    wb = load_workbook(target)
    change(wb)
    wb.save(target)
    return target


def messages(path: Path, library: FormLibrary) -> str:
    verdict = verify_workbook(path, library)
    assert verdict.status is FileStatus.EDITED, [f.message for f in verdict.findings]
    for finding in verdict.findings:  # each is also a Chinese sentence, not the English message
        assert finding.kind and finding_sentence(finding, "zh") != finding.message, finding
    return "\n".join(f.message for f in verdict.findings)


def test_control_openpyxl_resave_alone_is_ok(example_workbook: Path, library, tmp_path) -> None:
    copy = forged(example_workbook, tmp_path / "same.xlsx", lambda wb: None)
    assert verify_workbook(copy, library).status is FileStatus.OK


def _tier_shown_as(wb) -> None:  # the cell keeps 基础级; its format prints 卓越级
    wb[RESULT]["B7"].number_format = ';;;"卓越级"'


def _score_shown_rounded(wb) -> None:  # 2.24 printed as "2"
    wb[RESULT]["B5"].number_format = "0"


def _white_text(wb) -> None:
    wb[RESULT]["B7"].font = Font(name="等线", size=10, color="FFFFFF")


def _tiny_text(wb) -> None:
    wb[RESULT]["B5"].font = Font(name="等线", size=1)


def _text_the_colour_of_its_fill(wb) -> None:
    wb[RESULT]["B7"].font = Font(name="等线", size=10, color="DDEBF7")
    wb[RESULT]["B7"].fill = PatternFill("solid", fgColor="DDEBF7")


def _hidden_row(wb) -> None:
    wb[RESULT].row_dimensions[7].hidden = True


def _hidden_column(wb) -> None:
    wb[RESULT].column_dimensions["B"].hidden = True


def _unmerged(wb) -> None:
    ws = wb[RESULT]
    ws.unmerge_cells(sorted(str(r) for r in ws.merged_cells.ranges)[0])


def _conditional_format(wb) -> None:
    wb[RESULT].conditional_formatting.add(
        "B5", CellIsRule(operator="lessThan", formula=["3"], font=Font(color="FFFFFF"))
    )


def _drop_down(wb) -> None:
    dv = DataValidation(type="list", formula1='"卓越级,领航级"')
    dv.add("B7")
    wb[RESULT].add_data_validation(dv)


def _print_area(wb) -> None:  # the page with the tier does not print
    wb[RESULT].print_area = "A1:B5"


def _real_cover_hidden_behind_a_copy(wb) -> None:
    real = wb["封面"]
    real.sheet_state = "hidden"
    copy = wb.copy_worksheet(real)
    copy.title = "封面\u200b"  # looks the same on a tab
    wb.move_sheet(copy, offset=-(len(wb.sheetnames) - 1))


def _full_width_look_alike(wb) -> None:
    wb[RESULT].title = "评估结果\u3000"


def _reordered(wb) -> None:
    wb.move_sheet(wb[RESULT], offset=2)


def _extra_sheet(wb) -> None:
    wb.create_sheet("说明", 1)["A1"] = "本企业已达卓越级"


def _hidden_sheet(wb) -> None:
    wb["要素条件"].sheet_state = "hidden"


def _title(wb) -> None:
    wb.properties.title = "智能工厂梯度培育 自评申报表 — 卓越级示范企业"


def _result_row(wb) -> None:
    for row in wb["fg_data"].iter_rows(min_row=2):
        if row[0].value == "result" and row[1].value == "tier":
            row[2].value = "excellent"


def _exported_at(wb) -> None:  # both copies changed alike: the hash still tells
    for row in wb["fg_data"].iter_rows(min_row=2):
        if row[0].value == "meta" and row[1].value == "exported_at":
            row[2].value = "2027-01-01T00:00:00Z"
    wb.custom_doc_props["exported_at"].value = "2027-01-01T00:00:00Z"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (_tier_shown_as, f"{RESULT}!B7: number format ';;;\"卓越级\"'"),
        (_score_shown_rounded, f"{RESULT}!B5: number format '0'"),
        (_white_text, f"{RESULT}!B7: cannot be read (text coloured #FFFFFF on #FFFFFF)"),
        (_tiny_text, f"{RESULT}!B5: cannot be read (a font of 1 points)"),
        (_text_the_colour_of_its_fill, f"{RESULT}!B7: cannot be read (text coloured #DDEBF7"),
        (_hidden_row, f"{RESULT}: row 7 hidden"),
        (_hidden_column, f"{RESULT}: columns 2-2 hidden"),
        (_unmerged, f"{RESULT}: merged cells differ"),
        (_conditional_format, f"{RESULT}: 1 conditional format(s)"),
        (_drop_down, f"{RESULT}: drop-down lists differ"),
        (_print_area, f"{RESULT}: a print area ("),
        (_real_cover_hidden_behind_a_copy, "the sheets are 封面\u200b, 封面 (hidden)"),
        (_full_width_look_alike, "the sheets are 封面, 评估结果\u3000"),
        (_reordered, "the sheets are 封面, 答题明细, 典型场景, 评估结果"),
        (_extra_sheet, "the sheets are 封面, 说明, 评估结果"),
        (_hidden_sheet, "要素条件 (hidden)"),
        (_title, "the document title is '智能工厂梯度培育 自评申报表 — 卓越级示范企业'"),
        (_result_row, "fg_data result tier: expected 'basic', found 'excellent'"),
        (_exported_at, "no longer match their SHA-256"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else None,
)
def test_a_forgery_is_edited_and_named(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, change, said: str
) -> None:
    path = forged(example_workbook, tmp_path / "forged.xlsx", change)
    assert said in messages(path, library)


def _rewrite_part(path: Path, part: str, edit: Callable[[str], str]) -> None:
    with zipfile.ZipFile(path) as z:
        items = {i.filename: z.read(i.filename) for i in z.infolist()}
    items[part] = edit(items[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)


#: the part that holds 评估结果 (the second sheet), and 封面's
RESULT_PART = "xl/worksheets/sheet2.xml"
COVER_PART = "xl/worksheets/sheet1.xml"


def _part_forged(source: Path, target: Path, part: str, edit: Callable[[str], str]) -> Path:
    """A copy of `source` with one part of its package rewritten by `edit`."""
    shutil.copy(source, target)
    _rewrite_part(target, part, edit)
    return target


def test_a_formula_is_edited_even_with_the_right_cached_value(
    example_workbook: Path, library: FormLibrary, tmp_path: Path
) -> None:
    """=IF(…) that caches 基础级 today shows something else tomorrow: never accepted."""
    path = tmp_path / "formula.xlsx"
    shutil.copy(example_workbook, path)
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        part = next(n for n in sorted(sheets) if b'r="B7"' in z.read(n) and "sheet2" in n)

    def to_formula(xml: str) -> str:
        start = xml.index('<c r="B7"')
        end = xml.index("</c>", start) + len("</c>")
        cell = xml[start:end]
        style = cell[cell.index(' s="') : cell.index('"', cell.index(' s="') + 4) + 1]
        return (
            xml[:start] + f'<c r="B7"{style} t="str"><f>"基础级"</f><v>基础级</v></c>' + xml[end:]
        )

    _rewrite_part(path, part, to_formula)
    assert load_workbook(path)[RESULT]["B7"].value == '="基础级"'  # a formula indeed
    assert f"{RESULT}!B7: a formula" in messages(path, library)


@pytest.mark.parametrize(
    ("part_kind", "edit", "said"),
    [
        # white through the legacy palette, and through a tinted theme colour
        (
            "styles",
            lambda x: x.replace(
                '<b val="1" /><sz val="10" />',
                '<b val="1" /><color indexed="9" /><sz val="10" />',
                1,
            ),
            "cannot be read",
        ),
        # a row height of 3.2 points under 10-point text
        (
            "result",
            lambda x: x.replace('<row r="7"', '<row r="7" ht="3.2" customHeight="1"', 1),
            "row 7 hidden",
        ),
        # every row without its own height collapsed
        (
            "result",
            lambda x: (
                x.replace(
                    "<sheetData>",
                    '<sheetFormatPr defaultRowHeight="1" customHeight="1"/><sheetData>',
                    1,
                )
                if "<sheetFormatPr" not in x
                else x.replace("<sheetFormatPr ", '<sheetFormatPr zeroHeight="1" ', 1)
            ),
            "hidden",
        ),
        # a comment after the data claiming another style: the parser ignores it
        (
            "result",
            lambda x: x.replace("</sheetData>", '</sheetData><!-- <c r="B5" s="0"/> -->', 1),
            None,
        ),
        # a second <sheetData> written so the quick patterns would not see it
        (
            "result",
            lambda x: x.replace(
                "<sheetData>", '<sheetData ><row r="7" hidden="1"/></sheetData><sheetData>', 1
            ),
            "row 7 hidden",
        ),
    ],
    ids=["indexed-white", "low-row", "collapsed-rows", "comment-decoy", "second-sheet-data"],
)
def test_forgeries_in_the_xml_itself(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, part_kind, edit, said
) -> None:
    """Edits a spreadsheet program would write, made in the parts directly (fresh-eyes review)."""
    path = tmp_path / "x.xlsx"
    shutil.copy(example_workbook, path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if part_kind == "styles":
            part = "xl/styles.xml"
        else:  # the sheet that holds 评估结果 (the second sheet)
            part = next(n for n in sorted(names) if n.endswith("sheet2.xml"))
    _rewrite_part(path, part, edit)
    verdict = verify_workbook(path, library)
    if said is None:
        assert verdict.status is FileStatus.OK, [f.message for f in verdict.findings]
    else:
        assert verdict.status is FileStatus.EDITED
        assert said in "\n".join(f.message for f in verdict.findings)


# --- what a sheet shows besides its cells (drawings, comments, header and footer) ------------


def _text_box_over_the_tier(xml: str) -> str:
    """A text box saying 卓越级 placed over 评估结果!B7 (as Excel's Insert > Text Box writes it)."""
    box = (
        "<twoCellAnchor><from><col>1</col><colOff>0</colOff><row>6</row><rowOff>0</rowOff></from>"
        "<to><col>3</col><colOff>0</colOff><row>7</row><rowOff>0</rowOff></to>"
        '<sp macro="" textlink=""><nvSpPr><cNvPr id="9" name="TextBox 9"/><cNvSpPr txBox="1"/>'
        "</nvSpPr><spPr/><txBody><a:bodyPr/><a:p><a:r><a:t>卓越级</a:t></a:r></a:p></txBody></sp>"
        "<clientData/></twoCellAnchor>"
    )
    return xml.replace("</wsDr>", box + "</wsDr>")


def _chart_title(xml: str) -> str:
    return xml.replace("能力子域雷达图（达到等级）", "能力子域雷达图（卓越级）")


def _value_ranges(xml: str) -> list[str]:
    """The ranges the chart's series draw (<val>), in order: achieved, then required."""
    return re.findall(r"<val><numRef><f>([^<]+)</f>", xml)


def _chart_points_elsewhere(xml: str) -> str:  # the "achieved" series drawn from the required
    achieved, required = _value_ranges(xml)
    return xml.replace(f"<f>{achieved}</f>", f"<f>{required}</f>", 1)


def _chart_cache_forged(xml: str) -> str:
    """A cache of fives, as LibreOffice writes caches: a program may draw it, not the cells."""
    achieved = _value_ranges(xml)[0]
    points = "".join(f'<pt idx="{i}"><v>5</v></pt>' for i in range(20))
    cache = f'<numCache><formatCode>General</formatCode><ptCount val="20"/>{points}</numCache>'
    return xml.replace(f"{achieved}</f>", f"{achieved}</f>{cache}", 1)


def _chart_text_added(xml: str) -> str:  # a second title run on the chart
    return xml.replace("</a:t></a:r>", "</a:t></a:r><a:r><a:t> 卓越级</a:t></a:r>", 1)


@pytest.mark.parametrize(
    ("part", "edit", "said"),
    [
        ("drawing", _text_box_over_the_tier, f"{RESULT}: a drawing holds a shape or text box"),
        ("chart", _chart_title, f"{RESULT}: the chart shows 能力子域雷达图（卓越级）"),
        (
            "chart",
            _chart_points_elsewhere,
            f"{RESULT}: the chart shows '评估结果'!$J$",
        ),
        ("chart", _chart_cache_forged, f"{RESULT}: the chart shows 5"),
        ("chart", _chart_text_added, f"{RESULT}: the chart shows  卓越级"),
    ],
    ids=["text-box", "chart-title", "chart-range", "chart-cache", "chart-text"],
)
def test_drawings_and_charts_show_only_what_the_answers_give(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, part: str, edit, said: str
) -> None:
    path = _part_forged(example_workbook, tmp_path / "x.xlsx", f"xl/{part}s/{part}1.xml", edit)
    assert said in messages(path, library)


def _comment(wb) -> None:
    from openpyxl.comments import Comment

    wb[RESULT]["B7"].comment = Comment("实际为卓越级", "审核")


def _header(wb) -> None:
    wb[RESULT].oddHeader.center.text = "卓越级"


def _footer(wb) -> None:
    wb["封面"].oddFooter.right.text = "卓越级 &P"


def _first_page_header(wb) -> None:
    ws = wb["封面"]
    ws.HeaderFooter.differentFirst = True
    ws.firstHeader.center.text = "卓越级"


def _picture(wb) -> None:
    import io

    from openpyxl.drawing.image import Image
    from PIL import Image as Pil

    png = io.BytesIO()
    Pil.new("RGB", (40, 20), "red").save(png, format="PNG")
    wb["封面"].add_image(Image(png), "B5")


def _second_chart(wb) -> None:
    from openpyxl.chart import BarChart, Reference

    ws = wb[RESULT]
    chart = BarChart()
    chart.add_data(Reference(ws, range_string=f"'{RESULT}'!I21:I40"))
    ws.add_chart(chart, "L2")


def _hyperlink(wb) -> None:
    wb[RESULT]["B7"].hyperlink = "https://example.com/卓越级"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (_comment, f"{RESULT}: has comments"),
        (_header, f"{RESULT}: printed header or footer &L&A&R&P / &N | &C卓越级"),
        (_picture, "封面: holds <drawing>"),
        (_footer, "封面: printed header or footer"),
        (_first_page_header, "封面: printed header or footer"),
        (_second_chart, f"{RESULT}: 2 chart(s); the submission has 1"),
        (_hyperlink, f"{RESULT}: holds <hyperlinks>"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else None,
)
def test_what_a_sheet_shows_besides_its_cells(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, change, said: str
) -> None:
    path = forged(example_workbook, tmp_path / "forged.xlsx", change)
    assert said in messages(path, library)


def test_part_of_a_text_hidden_in_a_run_of_white_is_edited(
    example_workbook: Path, library: FormLibrary, tmp_path: Path
) -> None:
    """The text is the expected one, but its first characters are written white: a reader sees
    only the rest (e.g. "未达到基础级" read as "基础级"). As openpyxl writes it (inline runs),
    and as Excel and LibreOffice do (shared strings; LibreOffice also splits mixed Chinese and
    Latin text into runs of legible fonts, which stays ok)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    def white_start(wb) -> None:
        text = wb[RESULT]["B7"].value
        assert isinstance(text, str) and len(text) >= 2
        wb[RESULT]["B7"].value = CellRichText(
            TextBlock(InlineFont(color="FFFFFF"), text[0]), text[1:]
        )

    path = forged(example_workbook, tmp_path / "rich.xlsx", white_start)
    said = f"{RESULT}!B7: part of the text cannot be read (text coloured #FFFFFF on #FFFFFF)"
    assert said in messages(path, library)
    shared = libreoffice_convert(path, tmp_path / "lo", "xlsx")  # rewritten as a shared string
    with zipfile.ZipFile(shared) as z:
        assert b"<r>" in z.read("xl/sharedStrings.xml")
    assert said in messages(shared, library)


# --- the quick reader must read what a spreadsheet shows (fresh-eyes review) -----------------


def _b7_swapped_behind_a_foreign_row(xml: str) -> str:
    """B7 says 卓越级; a row in another namespace (which Excel and LibreOffice skip) carries the
    true value, so a reader that took it would see the expected text."""
    start = xml.index('<c r="B7"')
    cell = xml[start : xml.index("</c>", start) + 4]
    forged = cell.split("<t>")[0] + "<t>卓越级</t></is></c>"
    xml = xml.replace(cell, forged, 1)
    return xml.replace("</sheetData>", f'<row xmlns="urn:x" r="75">{cell}</row></sheetData>', 1)


def _data_in_a_comment(xml: str) -> str:  # the sheet shows nothing
    start, end = xml.index("<sheetData>"), xml.index("</sheetData>") + len("</sheetData>")
    return xml[:start] + "<sheetData /><!--" + xml[start:end] + "-->" + xml[end:]


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda x: x.replace('<row r="7"', '<row r="7" hidden="&#49;"', 1), "row 7 hidden"),
        (_b7_swapped_behind_a_foreign_row, f"{RESULT}!B7: expected"),
        (_data_in_a_comment, f"{RESULT}!A1: expected"),
        # XML's &#151; is U+0097, not HTML's dash (封面 shows — for an empty field)
        (lambda x: x.replace("—", "&#151;"), "expected '—', found '\\x97'"),
    ],
    ids=["hidden-by-reference", "foreign-row", "data-in-comment", "xml-not-html-reference"],
)
def test_the_quick_reader_reads_what_a_spreadsheet_shows(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, edit, said: str
) -> None:
    part = COVER_PART if "\\x97" in said else RESULT_PART
    path = _part_forged(example_workbook, tmp_path / "x.xlsx", part, edit)
    assert said in messages(path, library)


def test_a_sheet_that_is_not_xml_is_invalid(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, capsys
) -> None:
    """An attribute twice: no spreadsheet reads the sheet, so neither may verify (exit 2)."""
    from factory_grader.cli import main

    edit = lambda x: x.replace('<row r="7"', '<row r="7" hidden="1" hidden="0"', 1)  # noqa: E731
    path = _part_forged(example_workbook, tmp_path / "x.xlsx", RESULT_PART, edit)
    verdict = verify_workbook(path, library)
    assert verdict.status is FileStatus.INVALID and "damaged XML" in verdict.findings[0].message
    assert main(["verify", str(path)]) == 2


def test_a_number_of_5000_digits_is_a_difference_not_a_crash(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, capsys
) -> None:
    from factory_grader.cli import main

    edit = lambda x: re.sub(r"<v>[0-9.]+</v>", "<v>" + "9" * 5000 + "</v>", x, count=1)  # noqa: E731
    path = _part_forged(example_workbook, tmp_path / "x.xlsx", RESULT_PART, edit)
    assert "expected" in messages(path, library)
    assert main(["verify", str(path)]) == 1
    assert "unexpected error" not in capsys.readouterr().err


def _label_literal(xml: str) -> str:  # every point of the first series labelled 卓越级
    labels = (
        '<dLbls><numFmt formatCode="&quot;卓越级&quot;" sourceLinked="0"/><showLegendKey val="0"/>'
        '<showVal val="1"/><showCatName val="0"/><showSerName val="0"/><showPercent val="0"/>'
        '<showBubbleSize val="0"/></dLbls>'
    )
    return xml.replace("<cat>", labels + "<cat>", 1)


def _axis_relabelled(xml: str) -> str:  # the level-2 ring labelled 4
    return xml.replace(
        "<valAx>",
        '<valAx><numFmt formatCode="[=1]&quot;3&quot;;[=2]&quot;4&quot;;0" sourceLinked="0"/>',
        1,
    )


def _axis_stretched(xml: str) -> str:
    return re.sub(r'<max val="[0-9.]+" ?/>', '<max val="2.2" />', xml, count=1)


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (_label_literal, '"卓越级"'),
        (_axis_relabelled, '[=1]"3";[=2]"4";0'),
        (_axis_stretched, "max 2.2"),
    ],
    ids=["data-labels-literal", "axis-number-format", "axis-max"],
)
def test_a_chart_shows_its_values_as_they_are(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, edit, said: str
) -> None:
    path = _part_forged(example_workbook, tmp_path / "x.xlsx", "xl/charts/chart1.xml", edit)
    assert said in messages(path, library)


# --- the XML parser's path places cells and hides rows as a spreadsheet does (second review) --


def _force_the_parser(xml: str) -> str:
    """A cell form the quick patterns do not take (attributes in another order), so the whole
    sheet goes through the XML parser."""
    return re.sub(r'<c r="A1" s="([0-9]+)" t="inlineStr">', r'<c t="inlineStr" s="\1" r="A1">', xml)


def _decoy_reference(xml: str) -> str:
    """B7 shows 卓越级; a cell "@B7" after it (which LibreOffice drops) holds the true text."""
    xml = _force_the_parser(xml)
    start = xml.index('<c r="B7"')
    cell = xml[start : xml.index("</c>", start) + 4]
    forged = cell.split("<t>")[0] + "<t>卓越级</t></is></c>"
    return xml.replace(cell, forged + cell.replace('r="B7"', 'r="@B7"'), 1)


def _cell_in_another_row(xml: str) -> str:  # B7 written inside row 8
    xml = _force_the_parser(xml)
    start = xml.index('<c r="B7"')
    end = xml.index("</c>", start) + 4
    cell = xml[start:end]
    xml = xml[:start] + xml[end:]
    row8 = xml.index('<row r="8"')
    close = xml.index(">", row8) + 1
    return xml[:close] + cell + xml[close:]


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (_decoy_reference, "cell reference '@B7' in row 7"),
        (_cell_in_another_row, "cell reference 'B7' in row 8"),
        (lambda x: x.replace('<row r="7"', '<row r="7" hidden="on"', 1), "row 7 hidden"),
        (
            lambda x: _force_the_parser(x).replace('<row r="7"', '<row r="7" hidden="2"', 1),
            "row 7 hidden",
        ),
    ],
    ids=["decoy-reference", "cell-in-another-row", "hidden-on", "hidden-2-parsed"],
)
def test_cells_and_rows_are_placed_as_a_spreadsheet_places_them(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, edit, said: str
) -> None:
    path = _part_forged(example_workbook, tmp_path / "x.xlsx", RESULT_PART, edit)
    verdict = verify_workbook(path, library)
    assert verdict.status is not FileStatus.OK
    assert said in "\n".join(f.message for f in verdict.findings)


@pytest.mark.parametrize("digit", ["²", "٣", "３"])
def test_a_style_index_in_other_digits_is_named(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, digit: str
) -> None:
    """B7's style index written as ² (a digit to str.isdigit(), not to int()), an Arabic-Indic
    or a full-width 3: the cell's look is not the export's, said of B7, never a crash or a
    blanket 'unreadable'."""

    def restyled(xml: str) -> str:
        start = xml.index('<c r="B7"')
        cell = xml[start : xml.index(">", start)]
        return xml.replace(cell, re.sub(r' s="\d+"', f' s="{digit}"', cell), 1)

    path = _part_forged(example_workbook, tmp_path / "digit.xlsx", RESULT_PART, restyled)
    verdict = verify_workbook(path, library)
    assert verdict.status is FileStatus.EDITED
    assert any(f.sheet == RESULT and f.cell == "B7" for f in verdict.findings), verdict.findings
