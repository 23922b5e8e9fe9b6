"""Who sees what (issue 15 §8): 汇总对比 is for officials — not in a factory user's navigation
unless turned on in 设置, and open from 文件 for anyone; 修订对比 shows two revisions of an
assessment side by side."""

from __future__ import annotations

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote
from factory_grader.services.editing import EditSession
from factory_grader.ui.page_names import PAGES, PageName
from factory_grader.ui.revision_dialog import RevisionDialog
from factory_grader.ui.settings_dialog import SettingsDialog
from tests.ui import conftest
from tests.ui.conftest import load_example, wait_idle


def _compare_listed(window) -> bool:
    return not window.nav.item(PAGES.index(PageName.COMPARE)).isHidden()


def test_compare_is_for_officials_and_opens_from_the_file_menu(qtbot, open_window) -> None:
    window = open_window("zh")
    qtbot.waitUntil(lambda: PageName.COMPARE in window.pages, timeout=20000)
    assert not window.ctx.preferences.officials_view
    assert not _compare_listed(window)
    assert window.compare_action.text() == "汇总对比（主管部门）(&C)…"
    window.compare_action.trigger()
    assert window.current_page is PageName.COMPARE and _compare_listed(window)  # while open
    window.go(PageName.START)
    assert not _compare_listed(window)

    def turn_on(dialog: SettingsDialog) -> None:
        dialog.officials.setChecked(True)
        dialog.apply()

    conftest.on_next_dialog(SettingsDialog, turn_on)  # type: ignore[arg-type]
    window.settings_action.trigger()
    assert window.ctx.preferences.officials_view and _compare_listed(window)
    window.retranslate()  # the navigation is rebuilt on a language change: still listed
    assert _compare_listed(window)


def test_two_revisions_side_by_side(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    service = window.ctx.service
    first = window.ctx.session.assessment_id
    second = service.new_revision(first).id
    note = service.answers(second).notes.get("data.L1.01") or RequirementNote()
    EditSession(service, second).set_requirement("data.L1.01", Grade.NONE, note)()
    window.ctx.events.assessments_changed.emit()
    start = window.start
    window.go(PageName.START)
    qtbot.waitUntil(lambda: start.model.rowCount() == 2, timeout=20000)
    start.table.selectRow(0)
    assert start.compare_revisions_button.isEnabled()
    seen: list[tuple[str, list[list[str]]]] = []

    def read(dialog: RevisionDialog) -> None:
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=20000)
        rows = [
            [dialog.table.item(r, c).text() for c in range(3)]
            for r in range(dialog.table.rowCount())
        ]
        seen.append((dialog.verdict.text(), rows))
        dialog.reject()

    conftest.on_next_dialog(RevisionDialog, read)  # type: ignore[arg-type]
    start.compare_revisions_button.click()
    wait_idle(qtbot, window)
    verdict, rows = seen[0]
    # by hand (tests/services/test_revision_diff.py): one 数据 L1 answer 0.8 → 0 lowers S by 1/45
    assert "S：2.24 → 2.22" in verdict and "梯度：基础级 → 基础级" in verdict
    assert "1 项答案不同" in verdict
    assert len(rows) == 1 and rows[0][0].startswith("数据 1.1 ")
    assert rows[0][1:] == ["大部分满足", "不满足"]
