"""File → Export submission workbook (with progress) and File → Import of a workbook, on the
real window and a real database."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from factory_grader.services.answers_file import answers_to_json, read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.submission import FileStatus, verify_workbook
from factory_grader.ui.export_dialog import ExportDialog
from tests.ui import conftest
from tests.ui.conftest import load_example, wait_idle


def _drive_export(
    qtbot, window, target: Path, language: str = "zh", press: str | None = None
) -> list[str]:
    """Fill the export dialog, let the progress run, read the final message; close it with OK,
    or with the button whose text is `press`."""
    seen: list[str] = []
    conftest.expect_dialogs(1)
    alive = conftest.alive_check()

    def handle() -> None:
        if not alive():
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportDialog):
            seen.append(f"claim={dialog.claim.currentData()}")
            dialog.language.setCurrentIndex(dialog.language.findData(language))
            dialog.path.setText(str(target))
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        elif isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            seen.append(" | ".join(b.text() for b in dialog.buttons()))
            chosen = next((b for b in dialog.buttons() if b.text() == press), None)
            (chosen or dialog.button(QMessageBox.StandardButton.Ok)).click()
            return
        QTimer.singleShot(20, handle)

    QTimer.singleShot(0, handle)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=30000)
    conftest.expect_dialogs(-1)
    return seen


def test_export_writes_a_verified_workbook_of_the_open_assessment(
    open_window, qtbot, tmp_path: Path
) -> None:
    window = open_window()
    assert not window.export_action.isEnabled()  # nothing open yet
    load_example(qtbot, window)
    assert window.export_action.isEnabled()
    target = tmp_path / "海口示例.xlsx"
    seen = _drive_export(qtbot, window, target, language="en")
    assert seen[0] == "claim=basic"  # the tier reached is offered as the tier applied for
    assert str(target) in seen[1]
    verdict = verify_workbook(target, window.ctx.library)
    assert verdict.status is FileStatus.OK, verdict.findings
    assert verdict.meta["assessment_id"] == str(window.ctx.session.assessment_id)
    assert verdict.meta["lang"] == "en"
    assert load_workbook(target).sheetnames[0] == "Cover"
    assert window.ctx.preferences.export_folder == str(tmp_path)


def test_import_workbook_makes_a_rescored_draft(
    open_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window()
    load_example(qtbot, window)
    target = tmp_path / "submission.xlsx"
    _drive_export(qtbot, window, target)
    first = window.ctx.session.assessment_id
    # The OS file chooser is not ours to test: it hands back the path a user would pick.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(target)], ""))
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.ctx.session.assessment_id != first, timeout=20000)
    wait_idle(qtbot, window)
    example = read_answers_file(example_answers_path(), window.ctx.library)
    lib = window.ctx.library
    assert answers_to_json(window.ctx.session.answers, lib) == answers_to_json(example, lib)
    assert window.ctx.result.maturity.score_hundredths == 224


def test_import_of_an_edited_workbook_warns(
    open_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window()
    load_example(qtbot, window)
    target = tmp_path / "submission.xlsx"
    _drive_export(qtbot, window, target)
    wb = load_workbook(target)
    wb["评估结果"]["B6"] = 4.9
    wb.save(tmp_path / "edited.xlsx")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "edited.xlsx")], "")
    )
    texts: list[str] = []
    conftest.answer_next_dialog(QMessageBox.StandardButton.Ok, texts)
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(texts), timeout=20000)
    assert "评估结果!B6" in texts[0]


def test_the_export_done_message_opens_the_folder_or_the_file(
    open_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """打开文件 / 打开所在文件夹 (issue 15 §4). What the desktop then opens is the system's: the
    URL handed to it is checked."""
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window = open_window()
    load_example(qtbot, window)
    assert "海口示例智能装备有限公司（示例企业） · 第 1 版" in window.windowTitle()
    target = tmp_path / "申报.xlsx"
    seen = _drive_export(qtbot, window, target, press="打开所在文件夹")
    assert "打开文件" in seen[2] and "打开所在文件夹" in seen[2]
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened == [str(tmp_path)]
    other = tmp_path / "申报-2.xlsx"
    _drive_export(qtbot, window, other, press="打开文件")
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=10000)
    assert opened[1] == str(other)


def test_a_claim_above_the_computed_tier_is_warned_about_first(
    open_window, qtbot, tmp_path: Path
) -> None:
    """The example reaches 基础级. Claiming 先进级: a warning names what it lacks (by hand: its 5
    conditions and the 运营管理 环节); "change the claim" goes back to the dialog, nothing
    written; "export anyway" writes it, the cover marking the claim."""
    window = open_window()
    load_example(qtbot, window)
    target = tmp_path / "claim.xlsx"
    seen: list[str] = []
    steps = ["back", "anyway"]
    conftest.expect_dialogs(1)
    alive = conftest.alive_check()

    def handle() -> None:
        if not alive():
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportDialog) and steps:
            dialog.claim.setCurrentIndex(dialog.claim.findData("advanced"))
            dialog.path.setText(str(target))
            QTimer.singleShot(20, handle)  # Save opens the warning (modal) before returning
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
            return
        if isinstance(dialog, QMessageBox):
            seen.append(dialog.text() + "\n" + dialog.informativeText())
            if steps:
                step = steps.pop(0)
                label = "修改申报梯度" if step == "back" else "仍然导出"
                next(b for b in dialog.buttons() if b.text() == label).click()
            else:  # the done message
                dialog.button(QMessageBox.StandardButton.Ok).click()
                return
        QTimer.singleShot(20, handle)

    QTimer.singleShot(0, handle)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=30000)
    conftest.expect_dialogs(-1)
    warning = seen[0]
    assert warning.startswith("申报梯度“先进级”高于自评梯度“基础级”，以下条件尚未满足：")
    assert "• “运营管理”环节尚无已建成的典型场景" in warning
    assert warning.count("• ") == 6
    assert seen[1] == warning  # asked again after going back and saving again
    assert str(target) in seen[2]
    cover = {r[0].value: r[1].value for r in load_workbook(target)["封面"].iter_rows()}
    assert cover["申报等级"] == "先进级（高于自评梯度：基础级）"
    assert verify_workbook(target, window.ctx.library).status is FileStatus.OK
