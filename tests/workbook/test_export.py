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
    assert machine_text["revenue_3y"] == '"outside the BMP: 𠀀 😀"'
    cover_values = [c.value for c in wb["封面"]["B"]]
    assert "line one\nline two\nline three" in cover_values  # one line-break convention
    assert "outside the BMP: 𠀀 😀" in cover_values


def test_english_workbook(library: FormLibrary, tmp_path: Path) -> None:
    book = export_case(library, "example-en", tmp_path / "en.xlsx")
    wb = load_workbook(book)
    assert wb.sheetnames == [en for _, en in SHEETS.values()] + [MACHINE_SHEET]
    assert wb["Answers"]["G4"].value == "Answer"
    cover = {r[0].value: r[1].value for r in wb["Cover"].iter_rows(min_row=1)}
    assert cover["Tier applied for"] == "Advanced"
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
        for r in range(1, 40)
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
