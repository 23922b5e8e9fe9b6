"""The exported workbook as a person and a machine see it: sheets, protection, print set-up,
validation, properties, and user text that never turns into a formula."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from factory_grader.forms.library import FormLibrary
from factory_grader.workbook import machine
from factory_grader.workbook.labels import SHEETS
from factory_grader.workbook.submission import MACHINE_SHEET
from factory_grader.workbook.text_cells import FORMULA_STARTS, visible_text
from tests.workbook.conftest import TRICKY, export_case


def test_sheets_in_order_machine_sheet_very_hidden(example_workbook: Path) -> None:
    wb = load_workbook(example_workbook)
    assert wb.sheetnames == [zh for zh, _ in SHEETS.values()] + [MACHINE_SHEET]
    states = {ws.title: ws.sheet_state for ws in wb.worksheets}
    assert states.pop(MACHINE_SHEET) == "veryHidden"
    assert set(states.values()) == {"visible"}
    assert wb.active.title == "封面"
    assert wb.security.lockStructure


def test_visible_sheets_protected_and_set_up_for_a4(example_workbook: Path) -> None:
    wb = load_workbook(example_workbook)
    for ws in wb.worksheets[:-1]:
        assert ws.protection.sheet, ws.title
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert "&P" in ws.oddFooter.right.text, ws.title
    answers = wb["答题明细"]
    assert answers.freeze_panes == "B5"
    assert answers.print_title_rows == "$4:$4"
    assert answers.page_setup.orientation == "landscape"


def test_answer_cells_have_the_grade_list(example_workbook: Path, library: FormLibrary) -> None:
    ws = load_workbook(example_workbook)["答题明细"]
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list"
    assert dv.formula1 == '"全部满足,大部分满足,部分满足,不满足,不适用"'
    count = len(library.maturity("cmmm-2020").requirements)
    assert str(dv.sqref) == f"G5:G{4 + count}"
    assert ws["G4"].value == "作答"
    assert {ws.cell(row=r, column=7).value for r in range(5, 5 + count)} <= {
        "全部满足",
        "大部分满足",
        "部分满足",
        "不满足",
        "不适用",
        "未作答",
    }


def test_custom_properties_repeat_the_machine_keys(example_workbook: Path) -> None:
    wb = load_workbook(example_workbook)
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    rows = {
        r[1].value: r[2].value or ""
        for r in wb[MACHINE_SHEET].iter_rows(min_row=2)
        if r[0].value == "meta"
    }
    assert set(rows) == set(machine.META_KEYS)
    assert {k: props.get(k) or "" for k in machine.META_KEYS} == rows
    assert len(rows["answers_sha256"]) == 64


def test_user_text_is_always_text(library: FormLibrary, tmp_path: Path) -> None:
    book = export_case(library, "tricky", tmp_path / "tricky.xlsx")
    wb = load_workbook(book)
    formulas = [
        f"{ws.title}!{c.coordinate}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    cover = wb["封面"]
    shown = {cover.cell(row=r, column=2).value: cover.cell(row=r, column=2) for r in range(1, 40)}
    for text in TRICKY:
        cell = shown[visible_text(text)]
        assert cell.data_type == "s"
        assert cell.quotePrefix == visible_text(text).startswith(FORMULA_STARTS), text
    # The evidence file named like a formula is text too.
    answers = wb["答题明细"]
    assert answers["J5"].value == "=evil().docx\n规划.pdf"
    assert answers["K5"].value == "b" * 64 + "\n" + "a" * 64


def test_visible_text_is_cleaned_but_machine_text_is_exact(
    library: FormLibrary, tmp_path: Path
) -> None:
    book = export_case(library, "tricky", tmp_path / "tricky.xlsx")
    wb = load_workbook(book)
    machine_text = {
        r[1].value: r[3].value
        for r in wb[MACHINE_SHEET].iter_rows(min_row=2)
        if r[0].value == "profile"
    }
    assert machine_text["size"] == '"line one\\r\\nline two\\rline three"'  # exact
    assert machine_text["size_reason"] == '"outside the BMP: 𠀀 😀"'
    cover_values = [c.value for c in wb["封面"]["B"]]
    assert "line one\nline two\nline three" in cover_values  # one line-break convention
    assert "outside the BMP: 𠀀 😀" in cover_values


def test_english_workbook(library: FormLibrary, tmp_path: Path) -> None:
    book = export_case(library, "example-en", tmp_path / "en.xlsx")
    wb = load_workbook(book)
    assert wb.sheetnames == [en for _, en in SHEETS.values()] + [MACHINE_SHEET]
    assert wb["Answers"]["G4"].value == "Answer"
    cover = {r[0].value: r[1].value for r in wb["Cover"].iter_rows(min_row=1)}
    assert cover["Tier applied for"] == "Advanced (above the self-assessed tier: Basic)"
    assert cover["Assessment id / revision"] == "7 / r2"


def test_result_sheet_figures_agree_with_scoring(
    example_workbook: Path, library: FormLibrary
) -> None:
    from factory_grader.services.scoring_service import score_answers
    from tests.workbook.conftest import example

    result = score_answers(library, example(library))
    ws = load_workbook(example_workbook)["评估结果"]
    labels = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, 20)}
    assert labels["成熟度得分 S"] == result.maturity.score_hundredths / 100 == 2.24
    assert labels["成熟度等级"] == "二级（规范级）"
    assert labels["自评梯度等级"] == "基础级"
    scores = [
        ws.cell(row=r, column=2).value
        for r in range(1, ws.max_row + 1)
        if str(ws.cell(row=r, column=1).value).endswith("级）")
        and isinstance(ws.cell(row=r, column=2).value, float)
    ]
    assert scores == [ls.hundredths / 100 for ls in result.maturity.level_scores]
    assert len(ws._charts) == 1


def test_cli_export_claims_the_tier_reached_unless_told(tmp_path: Path, capsys) -> None:
    import json

    from factory_grader.cli import main
    from factory_grader.services.examples import example_answers_path

    claims = {}
    for name, extra in (
        ("default", []),
        ("none", ["--claim", "none"]),
        ("excellent", ["--claim", "excellent"]),
    ):
        out = tmp_path / f"{name}.xlsx"
        assert main(["export", str(example_answers_path()), "--out", str(out), *extra]) == 0
        capsys.readouterr()
        assert main(["verify", str(out), "--json"]) == 0
        claims[name] = json.loads(capsys.readouterr().out)["claimed_tier"]
    assert claims == {"default": "basic", "none": None, "excellent": "excellent"}
    assert (
        main(
            [
                "export",
                str(example_answers_path()),
                "--out",
                str(tmp_path / "x.xlsx"),
                "--claim",
                "bogus",
            ]
        )
        == 2
    )
    assert "not a tier of hainan-2025" in capsys.readouterr().err


def test_the_pledge_carries_the_notice_and_a_seal_sized_box(example_workbook: Path) -> None:
    """Every printed sheet says it is a self-assessment; a company seal (40–42 mm) fits its box:
    at least 45 mm = 127.6 points high. Fonts: 微软雅黑 with the GB2312 charset (a fallback
    hint)."""
    wb = load_workbook(example_workbook)
    pledge = wb["真实性承诺"]
    texts = [c.value for row in pledge.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("自评" in t and "智能制造评估评价公共服务平台" in t for t in texts), texts[:3]
    seal_row = next(c.row for row in pledge.iter_rows() for c in row if c.value == "企业（盖章）：")
    assert pledge.row_dimensions[seal_row].height >= 127.6
    assert pledge.column_dimensions["B"].width * 1.9 >= 45  # mm: about 1.9 mm per character
    fonts = {
        c.font.name
        for ws in wb.worksheets
        if ws.title != "fg_data"
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    }
    assert fonts == {"微软雅黑"}
    cell = wb["封面"]["A1"]
    assert cell.font.charset == 134


# --- the printed submission (issue 12 §4) ------------------------------------------------------


def _plan(library: FormLibrary, lang: str = "zh", schema: str | None = None, answers=None):
    from factory_grader.services.submission import build_submission
    from factory_grader.workbook.submission_plan import submission_plan
    from tests.workbook.conftest import EXPORTED_AT, example

    options = {"schema": schema} if schema else {}
    sub = build_submission(
        library, answers or example(library), lang=lang, exported_at=EXPORTED_AT, **options
    )
    return {s.key: s for s in submission_plan(sub).sheets}


def test_the_radar_prints_on_the_page_of_the_sub_domain_table(
    example_workbook: Path,
) -> None:
    """评估结果, rows: 1 title, 2 notice, 4 header, 5–9 S / level / tier / rule / weights,
    11–12 the table's headers, 13–32 the 20 sub-domains, 34 the chart (a row as tall as the
    chart), then a page break: A1–A5, the weights and the coverage print on the next page. The
    rows up to the chart fit one A4 page, reckoned as a spreadsheet measures them (a column
    character 5.25 points, a row without a height 15 points, the sheet shrunk to the page's
    width)."""
    ws = load_workbook(example_workbook)["评估结果"]
    (chart,) = ws._charts
    assert (chart.anchor._from.row + 1, chart.anchor._from.col) == (34, 0)  # A34
    assert [b.id for b in ws.row_breaks.brk] == [34]
    assert ws["A12"].value == "能力要素" and ws["C13"].value == "组织战略"
    assert ws["C32"].value == "产品服务" and ws["A33"].value is None
    assert chart.series[0].val.numRef.f == "'评估结果'!$I$13:$I$32"
    height_cm = chart.anchor.ext.height / 360000  # EMU
    assert ws.row_dimensions[34].height >= height_cm / 2.54 * 72
    assert height_cm >= 9  # 20 spokes stay readable
    levels = next(r for r in range(35, ws.max_row + 1) if ws.cell(r, 1).value == "各级得分")
    assert levels > 34
    width = sum(ws.column_dimensions[c].width for c in "ABCDEFGHIJ") * 5.25
    scale = min(1.0, (595.3 - 72) / width)
    rows = sum(ws.row_dimensions[r].height or 15.0 for r in range(1, 35))
    assert rows * scale <= 841.9 - 2 * 0.7 * 72  # everything up to the chart on one page


def test_a_schema_1_result_sheet_keeps_its_layout(library: FormLibrary) -> None:
    """verify re-renders /1 workbooks as they were: A1–A5 before the sub-domains, the weights
    and the coverage (its AI share beside the totals) before the chart, which follows a page
    break under a header row (the fixture made by d2beeed verifies ok: test_older_workbooks)."""
    from factory_grader.workbook.submission import SCHEMA_1

    sheet = _plan(library, schema=SCHEMA_1)["result"]
    values = sheet.values()
    assert values[(11, 1)] == "各级得分" and values[(19, 1)] == "各能力子域得分"
    assert values[(21, 3)] == "组织战略" and values[(42, 1)].startswith("各能力子域在各级得分")
    assert values[(72, 1)] == "合计" and values[(72, 4)] == "AI 场景占比"
    assert sheet.page_breaks == [73] and values[(74, 1)] == "能力子域雷达图（达到等级）"
    (chart,) = sheet.charts
    assert (chart.anchor, chart.categories, chart.title) == ("A75", "C21:C40", values[(74, 1)])


def test_answer_rows_are_as_tall_as_their_text(example_workbook: Path) -> None:
    """答题明细: each of the 312 statements fits one line (the longest has 31 CJK characters,
    59 column units: the column is 62), so a row has a height of its own only where a comment
    wraps: the example's two (18 and 16 characters in a 22-unit column: two lines, 2 × 15 + 4
    points)."""
    ws = load_workbook(example_workbook)["答题明细"]
    assert ws.column_dimensions["F"].width == 62
    tall = {
        ws.cell(r, 1).value: ws.row_dimensions[r].height
        for r in range(5, ws.max_row + 1)
        if ws.row_dimensions[r].height
    }
    assert tall == {"data.L3.01": 34.0, "info-security.L3.02": 34.0}
    # every id on one line: the longest, production-operation.L1.01, is 30 characters
    assert ws.column_dimensions["A"].width >= 30


def test_a_long_comment_continues_in_the_rows_below(library: FormLibrary, tmp_path: Path) -> None:
    """A comment too long for one row takes 8 lines of its row, then goes on in rows of at most
    20 lines spanning the comment and evidence columns (I:L); each of them names its
    requirement and says 备注（续）. The workbook verifies ok (verify renders it the same way);
    a /1 rendering keeps the whole comment in one cell."""
    from dataclasses import replace

    from factory_grader.domain.records import RequirementNote
    from factory_grader.services.submission import (
        build_submission,
        export_workbook,
        verify_workbook,
    )
    from factory_grader.workbook.submission import SCHEMA_1
    from tests.workbook.conftest import EXPORTED_AT, example

    answers = example(library)
    comment = "数据采集" * 495  # 1,980 CJK characters, no punctuation (it moves line ends)
    notes = {**answers.notes, "data.L1.01": RequirementNote(comment, review=False)}
    answers = replace(answers, notes=notes)
    book = tmp_path / "long.xlsx"
    sub = build_submission(library, answers, exported_at=EXPORTED_AT)
    export_workbook(sub, book)
    ws = load_workbook(book)["答题明细"]
    first = next(r for r in range(5, ws.max_row) if ws.cell(r, 1).value == "data.L1.01")
    rows = [first]
    while ws.cell(rows[-1] + 1, 1).value == "data.L1.01":
        rows.append(rows[-1] + 1)
    # I is 22 wide: 21 units, 11 characters of 1.9 a line, 8 lines: 88; I:L is 22 + 14 + 17 + 7
    # = 60 wide: 31 a line, 620 in 20 lines; 1,892 left: three full rows and 32 characters
    parts = [ws.cell(r, 9).value for r in rows]
    assert [len(p) for p in parts] == [88, 620, 620, 620, 32]
    assert "".join(parts) == comment
    heights = [ws.row_dimensions[r].height for r in rows]
    assert heights == [8 * 15 + 4, 20 * 15 + 4, 20 * 15 + 4, 20 * 15 + 4, 2 * 15 + 4]
    for r in rows[1:]:
        assert ws.cell(r, 6).value == "备注（续）"
        assert f"I{r}:L{r}" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.cell(rows[-1] + 1, 1).value == "data.L1.02"
    assert verify_workbook(book, library).status.value == "ok"
    legacy = _plan(library, schema=SCHEMA_1, answers=answers)["answers"]
    cells = [cell.value for (_, col), cell in legacy.cells.items() if col == 9]
    assert comment in cells and "备注（续）" not in legacy.values().values()


def test_labels_fit_their_columns_in_both_languages(library: FormLibrary) -> None:
    """Every label prints whole on one line, in bold (no "AI 场景占" / "比"), and no header or
    short Chinese text breaks inside: the columns are wide enough for them (reckoned as
    text_cells measures text). By hand: AI 场景占比 now stands in column A (16 wide), not in a
    level column (8 wide)."""
    from factory_grader.workbook.plan import Style
    from factory_grader.workbook.text_cells import DEFAULT_WIDTH, has_cjk, text_width

    for lang in ("zh", "en"):
        for sheet in _plan(library, lang).values():
            if sheet.state != "visible":
                continue
            merged = {m.split(":")[0] for m in sheet.merges}
            for (r, c), cell in sheet.cells.items():
                text = cell.value
                if not isinstance(text, str) or f"{_letter(c)}{r}" in merged:
                    continue
                width = sheet.widths.get(c, DEFAULT_WIDTH)
                where = f"{lang} {sheet.name}!{_letter(c)}{r} {text!r} in {width}"
                if cell.style is Style.LABEL or (cell.style is Style.HEADER and has_cjk(text)):
                    assert text_width(text, bold=True) <= width - 1, where
    result = _plan(library)["result"]
    share = next(rc for rc, cell in result.cells.items() if cell.value == "AI 场景占比")
    assert share[1] == 1 and result.widths[1] == 16
    assert result.cells[(share[0], 2)].value == 0.2


def _letter(col: int) -> str:
    from factory_grader.workbook.plan import column_letter

    return column_letter(col)


def test_how_text_wraps() -> None:
    """wrapped lines by hand (column units: a CJK character 1.9, Latin letters as DejaVu Sans,
    one unit of padding): a hyphen is a place to break, a word breaks only when it alone is too
    wide, a Chinese label never."""
    from factory_grader.workbook.text_cells import continued, label_width, wrap_spans

    def lines(text: str, width: float) -> list[str]:
        return [text[a:b] for a, b in wrap_spans(text, width)]

    # warehousing- 13.3 units, distribution.L1.01 16.6: 29.9 in all
    assert lines("warehousing-distribution.L1.01", 22) == ["warehousing-", "distribution.L1.01"]
    assert lines("warehousing-distribution.L1.01", 31) == ["warehousing-distribution.L1.01"]
    # Warehousing 12.6, a space 0.6, and 3.6: 16.8
    assert lines("Warehousing and distribution", 18) == ["Warehousing and ", "distribution"]
    assert lines("Warehousing and distribution", 17) == ["Warehousing ", "and distribution"]
    assert lines("a" * 30, 20) == ["a" * 15, "a" * 15]  # 1.2 a letter, 19 usable
    assert lines("行\n\n列", 10) == ["行", "", "列"]
    assert lines("AI 场景占比", 8) == ["AI 场景", "占比"]  # 2.5 + 7.6 > 7
    assert label_width(["AI 场景占比"]) == 11.5  # 2.5 × 1.13 + 7.6 + 1, to half units
    # 100 characters, 10 to a line (19 / 1.9): 10 lines
    text = "企" * 100
    assert [len(p) for p in continued(text, 20, 4)] == [40, 40, 20]
    assert [len(p) for p in continued(text, 20, 4, first_lines=2)] == [20, 40, 40]
    assert continued(text, 20, 10) == [text]
