"""设置 → 数据文件夹 → 移动到其他文件夹…: pick a folder, read what will happen, move; the data is
in the new folder, the old one is untouched, and the app closes to be opened again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from factory_grader.services import app_paths
from factory_grader.ui.data_folder_actions import DataFolderActions
from factory_grader.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import load_example, on_next_dialog, wait_idle


def test_settings_offer_the_move(qtbot, open_window) -> None:
    window = open_window()
    dialog = SettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    assert buttons["移动到其他文件夹…"].isEnabled()
    assert not dialog.network_warning.isVisibleTo(dialog)  # a local folder here


def test_move_from_the_gui(qtbot, open_window, isolated_home: Path, tmp_path: Path) -> None:
    window = open_window(db=isolated_home / app_paths.DB_FILE)
    load_example(qtbot, window)
    wait_idle(qtbot, window)
    target = tmp_path / "U盘"
    target.mkdir()
    seen: list[str] = []

    def done(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    def confirm(box: QMessageBox) -> None:
        seen.append(box.text())
        on_next_dialog(QMessageBox, done)  # the report that follows
        next(b for b in box.buttons() if b.text() == "移动").click()

    def pick(dialog: QFileDialog) -> None:
        on_next_dialog(QMessageBox, confirm)
        dialog.selectFile(str(target))
        dialog.accept()

    on_next_dialog(QFileDialog, pick)
    DataFolderActions(window).choose(window)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30000)
    assert "核对复制件" in seen[0] and str(target) in seen[0]
    assert f"数据现位于 {target.resolve()}" in seen[1] and "0 个证据文件" in seen[1]
    assert app_paths.data_home() == target.resolve()
    assert (target / app_paths.DB_FILE).is_file()
    assert (isolated_home / app_paths.DB_FILE).is_file()  # the old copy is kept
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
