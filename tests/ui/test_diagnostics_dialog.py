"""帮助 → 诊断信息: the doctor's report in the UI's language, and a button that copies it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from factory_grader.ui.diagnostics_dialog import DiagnosticsDialog


def test_the_report_in_chinese_and_copied(qtbot, open_window) -> None:
    window = open_window("zh")
    dialog = DiagnosticsDialog(window.ctx, window.db_url, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.copy_button.isEnabled(), timeout=20000)
    text = dialog.text.toPlainText()
    lines = text.splitlines()
    assert lines[0] == "智能工厂梯度评估 诊断信息"
    assert any(line.startswith("[正常] 数据库 ") for line in lines), text
    assert any(line.startswith("[正常] Qt ") and "平台 offscreen" in line for line in lines)
    assert any(line.startswith("[正常] 中文字体：") for line in lines)
    assert dialog.copy_button.text() == "复制(&C)"
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == text
    assert dialog.copy_button.text() == "已复制"
