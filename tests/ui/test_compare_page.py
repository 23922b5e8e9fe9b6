"""The 汇总对比 workspace on the real window: rows arrive while reading, filters, cancel, drops,
the read-only result, charts saved as PNG, and the summary workbook."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from factory_grader.ui.entry_dialog import EntryDialog
from factory_grader.ui.main_window import COMPARE
from tests.ui import conftest
from tests.ui.conftest import wait_idle

FILES = 11  # known_folder: 5 submissions and 6 files that are none


def compare_page(qtbot, open_window):
    window = open_window()
    assert window.nav_item(COMPARE).flags() & Qt.ItemFlag.ItemIsEnabled  # no assessment needed
    window.go(COMPARE)
    page = window.stack.currentWidget()
    return window, page


def wait_done(qtbot, page) -> None:
    """Until the last rows are marked and shown (the finished signal handled, not only the
    reading thread ended: under load that signal arrives a while later)."""
    qtbot.waitUntil(lambda: not page.runner.running and not page.loading, timeout=60000)


def test_rows_arrive_while_reading_and_filters_work(qtbot, open_window, known_folder) -> None:
    _window, page = compare_page(qtbot, open_window)
    counts: list[int] = []
    page.runner.batch.connect(lambda _: counts.append(page.model.rowCount()))
    page.add_paths([known_folder.root])
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    wait_done(qtbot, page)
    assert len(counts) >= 2 and counts[0] < FILES  # rows appeared before the end
    assert page.model.rowCount() == FILES
    assert not page.progress.isVisible()
    assert "列入汇总 4" in page.counts.text() and "无效 6" in page.counts.text()
    page.status.setCurrentIndex(page.status.findData("invalid"))
    assert page.proxy.rowCount() == 6
    page.status.setCurrentIndex(0)
    page.city.setCurrentIndex(page.city.findText("三亚市"))
    assert page.city.currentData() == "460200"  # filtered by 行政区划代码
    assert page.proxy.rowCount() == 2
    page.city.setCurrentIndex(0)
    page.search.setText("haikou-r1")
    assert page.proxy.rowCount() == 1
    row = page.proxy.index(0, 12).data()
    assert row == "已被替代"
    page.search.clear()
    # Sorting by S puts the best first when descending; empty scores go last.
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    scores = [page.proxy.index(r, 5).data() for r in range(page.proxy.rowCount())]
    numbers = [float(s) for s in scores if s]
    assert numbers == sorted(numbers, reverse=True) and scores[-1] == ""
    # Text sorts in pinyin order (海口 before 三亚), blanks (invalid files) last either way.
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        page.table.sortByColumn(0, order)
        cities = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
        assert cities[-6:] == [""] * 6 and "" not in cities[:-6]
        named = [c for c in cities if c]
        assert named.index("海口市") < named.index("三亚市") if order.value == 0 else True
    # An invalid file has no enterprise name: the row names the file instead.
    invalid_names = {
        page.proxy.index(r, 1).data()
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data() == ""
    }
    assert "notes.txt" in invalid_names


def test_cancel_keeps_what_was_read(qtbot, open_window, known_folder) -> None:
    _window, page = compare_page(qtbot, open_window)
    page.add_paths([known_folder.root])
    page.cancel_button.click()
    wait_done(qtbot, page)
    assert page.model.rowCount() < FILES
    assert page.add_files_button.isEnabled()


def test_drop_a_folder_then_open_a_row_and_export(
    qtbot, open_window, known_folder, tmp_path: Path, monkeypatch
) -> None:
    window, page = compare_page(qtbot, open_window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(known_folder.root / "三亚"))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(drop)
    wait_done(qtbot, page)
    assert page.model.rowCount() == 2
    # Double-click: the full result, read-only.
    conftest.expect_dialogs(1)
    edited = next(r for r in range(2) if page.proxy.index(r, 12).data() == "导出后被修改")
    page._open_entry(page.proxy.index(edited, 0))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, EntryDialog))
    qtbot.waitUntil(lambda: "成熟度得分" in dialog.text.toPlainText(), timeout=20000)
    text = dialog.text.toPlainText()
    assert "导出后被修改" in text and "评估结果!B5" in text
    assert dialog.text.isReadOnly()
    dialog.reject()
    conftest.expect_dialogs(-1)
    # Export the summary workbook.
    out = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    texts: list[str] = []
    conftest.expect_dialogs(1)
    alive = conftest.alive_check()

    def answer() -> None:  # past the progress dialog, to the message at the end
        if not alive():
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            texts.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()
            return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(texts), timeout=20000)
    conftest.expect_dialogs(-1)
    wait_idle(qtbot, window)
    assert str(out) in texts[0]
    assert load_workbook(out).sheetnames[:3] == ["汇总表", "问题文件", "图表"]


def test_charts_tab_draws_four_charts_and_saves_png(
    qtbot, open_window, known_folder, tmp_path: Path
) -> None:
    _window, page = compare_page(qtbot, open_window)
    page.add_paths([known_folder.root])
    wait_done(qtbot, page)
    page.tabs.setCurrentIndex(1)
    charts = page.charts
    assert charts is not None and len(charts.figures) == 4
    saved = charts.save(charts.figures[0], "tiers", tmp_path / "tiers.png")
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(charts.save_buttons) == 4
