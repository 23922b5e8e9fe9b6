"""verify: ok for untouched files (also after LibreOffice opened and saved them), edited for a
changed visible figure or a changed answer, with the sheet and cell."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.forms.library import FormLibrary
from factory_grader.services.submission import FileStatus, verify_workbook
from factory_grader.workbook.submission import MACHINE_SHEET
from tests.workbook.conftest import CASES, export_case, libreoffice_convert


def verify_cli(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(["verify", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_untouched_workbook_is_ok(example_workbook: Path, capsys) -> None:
    code, report = verify_cli(example_workbook, capsys)
    assert (code, report["status"], report["reasons"]) == (0, "ok", [])
    assert report["score"] == 2.24 and report["tier"] == "basic"
    assert report["claimed_tier"] == "basic"
    assert report["credit_code"] == "91460100MA5T1R2K7J"


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_golden_case_verifies(case: str, library: FormLibrary, tmp_path: Path) -> None:
    verdict = verify_workbook(export_case(library, case, tmp_path / "x.xlsx"), library)
    assert verdict.status is FileStatus.OK, verdict.findings


def _edit(source: Path, target: Path, sheet: str, cell: str, value: object) -> Path:
    wb = load_workbook(source)
    wb[sheet][cell] = value
    wb.save(target)
    return target


def test_a_file_only_opened_and_saved_by_openpyxl_is_still_ok(
    example_workbook: Path, library: FormLibrary, tmp_path: Path
) -> None:
    wb = load_workbook(example_workbook)
    wb.save(tmp_path / "resaved.xlsx")
    assert verify_workbook(tmp_path / "resaved.xlsx", library).status is FileStatus.OK


def test_changed_visible_score_is_edited_with_sheet_and_cell(
    example_workbook: Path, tmp_path: Path, capsys
) -> None:
    ws = load_workbook(example_workbook)["评估结果"]
    cell = next(
        c.coordinate for row in ws.iter_rows() for c in row if c.value == "成熟度得分 S"
    ).replace("A", "B")
    edited = _edit(example_workbook, tmp_path / "edited.xlsx", "评估结果", cell, 3.55)
    code, report = verify_cli(edited, capsys)
    assert (code, report["status"]) == (1, "edited")
    assert report["reasons"] == [
        {
            "message": f"评估结果!{cell}: expected 2.24, found 3.55",
            "sheet": "评估结果",
            "cell": cell,
            "expected": 2.24,
            "found": 3.55,
            "kind": "cell",
            "zh": f"评估结果!{cell}：应为 “2.24”，实为 “3.55”",
        }
    ]


def test_changed_answer_text_on_the_answers_sheet_is_edited(
    example_workbook: Path, tmp_path: Path, capsys
) -> None:
    before = load_workbook(example_workbook)["答题明细"]["G9"].value
    other = "不适用" if before != "不适用" else "全部满足"
    edited = _edit(example_workbook, tmp_path / "e.xlsx", "答题明细", "G9", other)
    code, report = verify_cli(edited, capsys)
    assert code == 1
    assert [r.get("cell") for r in report["reasons"]] == ["G9"]


def test_changed_answer_in_machine_sheet_breaks_the_hash(
    example_workbook: Path, library: FormLibrary, tmp_path: Path, capsys
) -> None:
    wb = load_workbook(example_workbook)
    ws = wb[MACHINE_SHEET]
    row = next(
        r for r in ws.iter_rows(min_row=2) if r[0].value == "requirement" and r[2].value != "full"
    )
    row[2].value = "full"
    wb.save(tmp_path / "m.xlsx")
    code, report = verify_cli(tmp_path / "m.xlsx", capsys)
    assert (code, report["status"]) == (1, "edited")
    assert "no longer match their SHA-256" in report["reasons"][0]["message"]
    # And what is recomputed comes from the (changed) machine answers, never from stored scores.
    assert report["score"] >= 2.23


def test_changed_document_property_is_edited(
    example_workbook: Path, library: FormLibrary, tmp_path: Path
) -> None:
    wb = load_workbook(example_workbook)
    prop = next(p for p in wb.custom_doc_props.props if p.name == "claimed_tier")
    prop.value = "leading"
    wb.save(tmp_path / "p.xlsx")
    verdict = verify_workbook(tmp_path / "p.xlsx", library)
    assert verdict.status is FileStatus.EDITED
    assert "claimed_tier" in verdict.findings[0].message


@pytest.mark.slow
@pytest.mark.parametrize("case", ["example-zh", "tricky"])
def test_ok_after_libreoffice_opened_and_saved_it(
    case: str, library: FormLibrary, tmp_path: Path
) -> None:
    original = export_case(library, case, tmp_path / f"{case}.xlsx")
    resaved = libreoffice_convert(original, tmp_path / "lo", "xlsx")
    assert resaved.read_bytes() != original.read_bytes()  # really rewritten by LibreOffice
    verdict = verify_workbook(resaved, library)
    assert verdict.status is FileStatus.OK, [f.message for f in verdict.findings]


@pytest.mark.slow
def test_libreoffice_resave_then_edit_is_still_caught(
    example_workbook: Path, library: FormLibrary, tmp_path: Path
) -> None:
    resaved = libreoffice_convert(example_workbook, tmp_path / "lo", "xlsx")
    edited = _edit(resaved, tmp_path / "e.xlsx", "答题明细", "H5", 0.5)
    verdict = verify_workbook(edited, library)
    assert verdict.status is FileStatus.EDITED
    assert [f.cell for f in verdict.findings] == ["H5"]


def test_verify_exit_codes_from_a_real_process(example_workbook: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    codes = []
    for path in (example_workbook, bad):
        done = subprocess.run(
            [str(Path(sys.executable).parent / "factory-grader"), "verify", str(path)],
            capture_output=True,
            text=True,
        )
        assert "Traceback" not in done.stderr
        codes.append(done.returncode)
    assert codes == [0, 2]


def test_copy_of_the_file_keeps_its_verdict(example_workbook: Path, library, tmp_path) -> None:
    copy = shutil.copy(example_workbook, tmp_path / "renamed anything.xlsx")
    assert verify_workbook(Path(copy), library).status is FileStatus.OK


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(CASES))
def test_fast_cell_reader_agrees_with_the_xml_parser(
    case: str, library: FormLibrary, tmp_path: Path
) -> None:
    """workbook/fast_cells.py must read exactly what ElementTree reads, for our own files and
    for the same files after LibreOffice rewrote them (shared strings, other attributes)."""
    from factory_grader.workbook.presentation import sheet_look
    from factory_grader.workbook.xlsx_reader import XlsxFile

    original = export_case(library, case, tmp_path / f"{case}.xlsx")
    resaved = libreoffice_convert(original, tmp_path / "lo", "xlsx")
    for book_path in (original, resaved):
        with XlsxFile(book_path) as book:
            for sheet in book.sheets:
                assert book.simple_sheet(sheet.name) is not None, sheet.name  # the quick path
                assert book.cells(sheet.name) == book.cells(sheet.name, fast=False), sheet.name
                quick = sheet_look(book, sheet.name)
                parsed = sheet_look(book, sheet.name, fast=False)
                assert (quick.cells, quick.hidden_rows, quick.hidden_columns, quick.merges) == (
                    parsed.cells,
                    parsed.hidden_rows,
                    parsed.hidden_columns,
                    parsed.merges,
                ), sheet.name
                assert quick.rich.keys() == parsed.rich.keys(), sheet.name
