"""Importing a workbook that is no submission, or one edited after export, tells the user why in
the UI's language (issue 12 §3: no English reason inside the Chinese UI)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from factory_grader.services.submission import build_submission, export_workbook
from tests.bad_files import make_bad
from tests.ui.conftest import answer_next_dialog, wait_idle
from tests.workbook.conftest import example


def _exported(library, target: Path) -> Path:
    export_workbook(build_submission(library, example(library)), target)
    return target


def _import(qtbot, window, path: Path, monkeypatch) -> list[str]:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    texts: list[str] = []
    answer_next_dialog(QMessageBox.StandardButton.Ok, texts)
    window.import_file()
    qtbot.waitUntil(lambda: bool(texts), timeout=20000)
    wait_idle(qtbot, window)
    return texts


def test_a_damaged_workbook_is_refused_in_chinese(
    qtbot, open_window, library, tmp_path: Path, monkeypatch
) -> None:
    window = open_window("zh")
    bad = make_bad("truncated", _exported(library, tmp_path / "good.xlsx"), tmp_path)
    (text,) = _import(qtbot, window, bad, monkeypatch)
    assert text == "工作簿已损坏或不完整"


def test_an_edited_workbook_is_imported_with_a_chinese_warning(
    qtbot, open_window, library, tmp_path: Path, monkeypatch
) -> None:
    window = open_window("zh")
    path = _exported(library, tmp_path / "edited.xlsx")
    wb = load_workbook(path)
    wb["评估结果"]["B5"] = 4.9
    wb.save(path)
    (text,) = _import(qtbot, window, path, monkeypatch)
    assert "评估结果!B5：应为 “2.24”，实为 “4.9”" in text, text
