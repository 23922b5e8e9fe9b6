"""Importing a workbook that is no submission, or one edited after export, tells the user why in
the UI's language (issue 12 §3: no English reason inside the Chinese UI)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from factory_grader.services.submission import build_submission, export_workbook
from tests.bad_files import make_bad
from tests.ui.conftest import answer_next_dialog, on_next_dialog, wait_idle
from tests.workbook.conftest import example


def _exported(library, target: Path) -> Path:
    export_workbook(build_submission(library, example(library)), target)
    return target


def _import(qtbot, window, path: Path, monkeypatch) -> list[str]:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
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


def test_several_files_are_imported_and_each_one_is_accounted_for(
    qtbot, open_window, library, tmp_path: Path, monkeypatch
) -> None:
    """A good workbook, a damaged one and an edited one chosen together: two new drafts, and a
    summary in Chinese with one line per file; the damaged one does not stop the others."""
    window = open_window("zh")
    good = _exported(library, tmp_path / "好的.xlsx")
    bad = make_bad("truncated", good, tmp_path)
    edited = tmp_path / "改过.xlsx"
    wb = load_workbook(good)
    wb["评估结果"]["B5"] = 4.9
    wb.save(edited)
    before = len(window.ctx.service.list_assessments())
    chosen = [str(good), str(bad), str(edited)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    seen: list[tuple[str, str]] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.detailedText()))
        box.button(QMessageBox.StandardButton.Ok).click()

    # the summary, not the progress dialog that may show before it
    on_next_dialog(QMessageBox, read_and_close)
    window.import_file()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    wait_idle(qtbot, window)
    ((text, details),) = seen
    assert "3 个文件中 2 个已导入为新的草稿" in text
    assert "其中 1 个导出后被修改过" in text
    assert "1 个无法导入" in text
    lines = details.splitlines()
    assert lines[0] == "好的.xlsx：已导入"
    assert lines[1] == "truncated.xlsx：未导入：工作簿已损坏或不完整"
    assert lines[2].startswith("改过.xlsx：已导入；导出后被修改过：评估结果!B5")
    assert len(window.ctx.service.list_assessments()) == before + 2
