"""Start page: first launch offers the example; open, new revision, delete with confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from factory_grader.ui.app import build
from factory_grader.ui.main_window import QUESTIONNAIRE, RESULTS, START
from tests.ui.conftest import answer_next_dialog, load_example, wait_idle


def cell(start, row: int, column: int) -> str:
    """The text a row of the list shows, as sorted and filtered on screen."""
    return start.proxy.index(row, column).data()


def test_first_launch_offers_the_example(qtbot, open_window) -> None:
    window = open_window()
    assert "智能工厂" in window.windowTitle()
    start = window.start
    assert start.empty.isVisible() and not start.table.isVisible()
    assert start.example_button.isEnabled()
    assert not window.nav_item(QUESTIONNAIRE).flags() & Qt.ItemFlag.ItemIsEnabled
    load_example(qtbot, window)
    assert window.current_page is QUESTIONNAIRE  # opened where the answering starts
    window.go(START)  # the list refreshes when it is on screen
    qtbot.waitUntil(lambda: start.proxy.rowCount() == 1, timeout=20000)
    assert cell(start, 0, 0).startswith("海口示例")
    assert cell(start, 0, 6) == "基础级"
    assert window.panel.score.text() == "S = 2.24"
    assert window.nav_item(RESULTS).flags() & Qt.ItemFlag.ItemIsEnabled


def test_delete_asks_first(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    start = window.start
    window.go(START)
    qtbot.waitUntil(lambda: start.proxy.rowCount() == 1, timeout=20000)
    start.table.selectRow(0)
    answer_next_dialog(QMessageBox.StandardButton.Cancel)
    start.delete_button.click()
    wait_idle(qtbot, window)
    assert len(window.ctx.service.list_assessments()) == 1  # cancelled: nothing deleted
    answer_next_dialog()
    start.delete_button.click()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.ctx.service.list_assessments() == [], timeout=20000)
    qtbot.waitUntil(lambda: start.proxy.rowCount() == 0, timeout=20000)


def test_search_filters_rows(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(START)
    qtbot.waitUntil(lambda: window.start.proxy.rowCount() == 1, timeout=20000)
    window.start.search.setText("91460100")
    assert window.start.proxy.rowCount() == 1
    window.start.search.setText("不存在的工厂")
    assert window.start.proxy.rowCount() == 0


def test_reopens_the_last_assessment_and_geometry(qtbot, open_window, tmp_path) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.resize(1000, 640)  # the offscreen screen is 800 px wide: Qt clamps widths on restore
    window.go(RESULTS)
    window.close()
    # the saved size, as the window is built (what a page then asks for is issue 15's: a page
    # that grows the window on a small screen)
    built = build(f"sqlite:///{tmp_path / 'gui.db'}", QApplication.instance())
    assert built.height() == 640
    built.deleteLater()
    again = open_window()
    qtbot.waitUntil(lambda: again.ctx.session is not None, timeout=20000)
    assert again.ctx.session.summary.factory_name.startswith("海口示例")
    qtbot.waitUntil(lambda: again.current_page is RESULTS, timeout=20000)


def test_duplicate_a_draft_as_a_new_revision(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    first = window.ctx.session.assessment_id
    window.go(START)
    qtbot.waitUntil(lambda: window.start.proxy.rowCount() == 1, timeout=20000)
    window.start.table.selectRow(0)
    assert window.start.revision_button.isEnabled()
    window.start.revision_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.assessment_id != first, timeout=20000)
    wait_idle(qtbot, window)
    new = window.ctx.session.summary
    assert (new.revision, new.series_id) == (2, first)
    service = window.ctx.service
    assert service.answers(new.id) == service.answers(first)  # a full copy; the old one stays
    assert service.summary(first).status.value == "draft"


def test_loading_the_example_twice_opens_the_same_one(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    first = window.ctx.session.assessment_id
    window.controller.open_assessment(first)  # (as if another had been open meanwhile)
    window.start.example_button.click()
    wait_idle(qtbot, window)
    assert window.ctx.session.assessment_id == first
    assert [a.id for a in window.ctx.service.list_assessments()] == [first]  # no second copy
