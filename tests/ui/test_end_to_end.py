"""A factory created in the dialog, every requirement answered by keyboard, finalised; the
result on screen equals the scoring module's for what is stored in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import AssessmentStatus
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.submission import FileStatus, verify_workbook
from factory_grader.ui.export_dialog import ExportDialog
from factory_grader.ui.main_window import FINALISE, PROFILE, QUESTIONNAIRE, RESULTS
from factory_grader.ui.new_assessment_dialog import NewAssessmentDialog
from factory_grader.ui.requirement_row import CHOICES
from tests.ui import conftest
from tests.ui.conftest import answer_next_dialog, on_next_dialog, wait_idle

KEYS = [
    Qt.Key.Key_1,
    Qt.Key.Key_2,
    Qt.Key.Key_1,
    Qt.Key.Key_3,
    Qt.Key.Key_1,
    Qt.Key.Key_4,
    Qt.Key.Key_1,
    Qt.Key.Key_5,
]


def fill_new_assessment_dialog(qtbot) -> None:
    def fill(dialog: NewAssessmentDialog) -> None:
        dialog.name.insert("键盘测试机械有限公司")  # Chinese arrives via the IME, not key codes
        qtbot.keyClicks(dialog.code, "91460100MA5T1R2K7J")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    on_next_dialog(NewAssessmentDialog, fill)  # type: ignore[arg-type]


def test_create_answer_by_keyboard_finalise(qtbot, open_window, tmp_path: Path) -> None:
    window = open_window()
    ctx = window.ctx
    fill_new_assessment_dialog(qtbot)
    window.start.new_button.click()
    qtbot.waitUntil(lambda: ctx.session is not None, timeout=20000)
    wait_idle(qtbot, window)
    assert window.current_page is PROFILE  # a new assessment starts with the profile
    window.go(QUESTIONNAIRE)
    session = ctx.session
    form = ctx.library.maturity(session.answers.form_id)
    applicable = [r for r in form.requirements if session.answers.industry_type in r.applies_to]
    assert all(session.answers.grade(r.id) is None for r in applicable)

    page = window.stack.currentWidget()
    window.activateWindow()
    page.focus_first()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.rows[0], timeout=5000)
    expected: dict[str, Grade] = {}
    for index, requirement in enumerate(applicable):
        focused = QApplication.focusWidget()
        assert focused.requirement.id == requirement.id  # the keyboard walks the form in order
        key = KEYS[index % len(KEYS)]
        qtbot.keyClick(focused, key)
        expected[requirement.id] = CHOICES[key - Qt.Key.Key_1]
    wait_idle(qtbot, window)

    stored = ctx.service.answers(session.assessment_id)
    assert {r.id: stored.grade(r.id) for r in applicable} == expected
    truth = score_answers(ctx.library, stored)
    assert window.panel.score.text() == f"S = {format_hundredths(truth.maturity.score_hundredths)}"
    assert window.panel.progress.value() == window.panel.progress.maximum() == len(applicable)

    window.go(FINALISE)
    finalise = window.stack.currentWidget()
    answer_next_dialog()
    # finalising offers the export: taken, it asks where, writes, and says where it went
    target = tmp_path / "定稿后导出.xlsx"
    seen = _export_when_offered(target)
    finalise.finalise_button.click()
    qtbot.waitUntil(lambda: ctx.session.summary.status is AssessmentStatus.FINAL, timeout=20000)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30000)
    conftest.expect_dialogs(-1)
    wait_idle(qtbot, window)
    assert seen[0].startswith("第 1 版已定稿。现在导出申报工作簿吗？")
    assert str(target) in seen[1]
    verdict = verify_workbook(target, ctx.library)
    assert verdict.status is FileStatus.OK, verdict.findings
    assert verdict.meta["assessment_id"] == str(session.assessment_id)
    assert ctx.service.summary(session.assessment_id).status is AssessmentStatus.FINAL
    assert window.panel.score.text() == f"S = {format_hundredths(truth.maturity.score_hundredths)}"

    # the final revision is read-only on screen, and says so; an answer key says why
    window.go(QUESTIONNAIRE)
    questionnaire = window.page(QUESTIONNAIRE)
    assert not questionnaire.rows[0].buttons[0].isEnabled()  # frozen on screen too
    assert window.final_banner.isVisible()
    assert "第 1 版已定稿：只能查看，不能修改" in window.final_banner.text()
    before = ctx.service.answers(session.assessment_id).grade(questionnaire.rows[0].requirement.id)
    qtbot.keyClick(questionnaire.rows[0], Qt.Key.Key_4)
    assert "第 1 版已定稿，不能修改" in window.statusBar().currentMessage()
    wait_idle(qtbot, window)
    after = ctx.service.answers(session.assessment_id).grade(questionnaire.rows[0].requirement.id)
    assert after is before
    window.go(RESULTS)
    assert not window.final_banner.isVisible()  # the results page has its own verdict banner


def _export_when_offered(target: Path) -> list[str]:
    """Take the export offered after finalising: fill the export dialog with target, then
    read the done message. Returns the texts of the offer and of the done message."""
    seen: list[str] = []
    conftest.expect_dialogs(1)
    alive = conftest.alive_check()

    def handle() -> None:
        if not alive():
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportDialog):
            dialog.path.setText(str(target))
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        elif isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
            if len(seen) == 1:
                next(b for b in dialog.buttons() if b.text() == "导出工作簿…").click()
            else:
                dialog.button(QMessageBox.StandardButton.Ok).click()
                return
        QTimer.singleShot(20, handle)

    QTimer.singleShot(0, handle)
    return seen


def test_undo_and_redo_answers_from_the_edit_menu(qtbot, open_window) -> None:
    """Ctrl+Z puts an answer back (stored too), across a page switch; Ctrl+Shift+Z redoes it."""
    from tests.ui.conftest import load_example

    window = open_window()
    load_example(qtbot, window)
    ctx = window.ctx
    window.go(QUESTIONNAIRE)
    page = window.stack.currentWidget()
    window.activateWindow()
    page.focus_first()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.rows[0], timeout=5000)
    row = page.rows[0]
    rid = row.requirement.id
    before = ctx.session.answers.grade(rid)
    qtbot.keyClick(row, Qt.Key.Key_4)  # 不满足
    wait_idle(qtbot, window)
    assert ctx.service.answers(ctx.session.assessment_id).grade(rid) is Grade.NONE
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.go(RESULTS)  # undo works from any page
    window.undo_action.trigger()
    wait_idle(qtbot, window)
    assert ctx.service.answers(ctx.session.assessment_id).grade(rid) is before
    assert ctx.session.answers.grade(rid) is before
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    wait_idle(qtbot, window)
    assert ctx.service.answers(ctx.session.assessment_id).grade(rid) is Grade.NONE
    truth = score_answers(ctx.library, ctx.service.answers(ctx.session.assessment_id))
    assert window.panel.score.text() == f"S = {format_hundredths(truth.maturity.score_hundredths)}"
    assert window.edit_menu.title() == "编辑(&E)"


def colleague_sets_full(window, tmp_path, aid: int, rid: str):
    """A colleague, on another connection to the same file, answers rid 全部满足 (同事改的);
    returns that connection (the caller closes it)."""
    from factory_grader.domain.records import RequirementNote
    from factory_grader.services.assessments import AssessmentService
    from factory_grader.services.editing import EditSession
    from factory_grader.storage.assessment_store import AssessmentStore
    from factory_grader.storage.database import open_database

    ctx = window.ctx
    other_db = open_database(f"sqlite:///{tmp_path / 'shared.db'}", ctx.service.clock)
    colleague = AssessmentService(
        AssessmentStore(other_db), ctx.library, "同事", ctx.service.clock, tmp_path / "att"
    )
    EditSession(colleague, aid).set_requirement(rid, Grade.FULL, RequirementNote("同事改的"))()
    return other_db


def test_a_conflict_is_shown_kept_and_resolved_in_the_window(qtbot, open_window, tmp_path) -> None:
    """A colleague (another connection to the same file) changes an answer; the user's change of
    it conflicts: the warning says so, the status bar offers the open conflict, finalising is
    refused, and "use my value" stores the user's value and closes the conflict."""
    from factory_grader.ui.conflicts_dialog import ConflictsDialog
    from tests.ui import conftest
    from tests.ui.conftest import load_example

    window = open_window(db=tmp_path / "shared.db")
    load_example(qtbot, window)
    ctx = window.ctx
    aid = ctx.session.assessment_id
    rid = "data.L2.01"
    other_db = colleague_sets_full(window, tmp_path, aid, rid)
    try:
        warnings: list[str] = []
        answer_next_dialog(texts=warnings)
        window.persist(ctx.session.set_requirement(rid, Grade.NONE))
        qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
        wait_idle(qtbot, window)
        assert "同事" in warnings[0]
        qtbot.waitUntil(lambda: window.conflicts_button.isVisible(), timeout=20000)
        assert "1" in window.conflicts_button.text()
        assert window.conflicts_action.isEnabled()  # 编辑 → 处理冲突…, also on a small screen
        assert ctx.session.answers.grade(rid) is Grade.FULL  # the stored answer is shown

        window.go(FINALISE)
        page = window.stack.currentWidget()
        refusal: list[str] = []
        answer_next_dialog(texts=refusal)
        page.finalise_button.click()
        qtbot.waitUntil(lambda: bool(refusal), timeout=20000)
        assert "冲突" in refusal[0]
        assert ctx.service.summary(aid).status is AssessmentStatus.DRAFT

        seen: list[tuple[str, str]] = []

        def resolve(dialog: ConflictsDialog) -> None:
            qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20000)
            seen.append((dialog.table.item(0, 1).text(), dialog.table.item(0, 2).text()))
            dialog.table.selectRow(0)
            dialog.use_mine.click()
            dialog.reject()

        conftest.on_next_dialog(ConflictsDialog, resolve)  # type: ignore[arg-type]
        window.conflicts_button.click()
        wait_idle(qtbot, window)
        # the value not saved (with who and when), and what is stored now
        assert len(seen) == 1 and seen[0][0].startswith("不满足 · ")
        assert seen[0][1] == "全部满足 (同事改的)"
        assert ctx.service.answers(aid).grade(rid) is Grade.NONE  # the user's value, stored
        assert ctx.service.conflicts(aid) == []
        qtbot.waitUntil(lambda: not window.conflicts_button.isVisible(), timeout=20000)
        assert not window.conflicts_action.isEnabled()
    finally:
        other_db.close()


def test_a_conflict_resolved_with_a_third_value(qtbot, open_window, tmp_path) -> None:
    """Neither value is right: the user enters the agreed one (部分满足, with a comment)."""
    from factory_grader.domain.records import RequirementNote
    from factory_grader.ui.conflict_value_dialog import ConflictValueDialog
    from factory_grader.ui.conflicts_dialog import ConflictsDialog
    from tests.ui import conftest
    from tests.ui.conftest import load_example

    window = open_window(db=tmp_path / "shared.db")
    load_example(qtbot, window)
    ctx = window.ctx
    aid = ctx.session.assessment_id
    rid = "data.L2.01"
    other_db = colleague_sets_full(window, tmp_path, aid, rid)
    try:
        answer_next_dialog()
        window.persist(ctx.session.set_requirement(rid, Grade.NONE))
        qtbot.waitUntil(lambda: window.conflicts_button.isVisible(), timeout=20000)
        wait_idle(qtbot, window)

        def enter(value_dialog: ConflictValueDialog) -> None:
            assert value_dialog.grade.currentData() == "full"  # starts from the stored value
            value_dialog.grade.setCurrentIndex(value_dialog.grade.findData("partial"))
            value_dialog.comment.setText("会上商定")
            value_dialog.accept()

        def resolve(dialog: ConflictsDialog) -> None:
            qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=20000)
            dialog.table.selectRow(0)
            conftest.on_next_dialog(ConflictValueDialog, enter)  # type: ignore[arg-type]
            dialog.enter_other.click()
            dialog.reject()

        conftest.on_next_dialog(ConflictsDialog, resolve)  # type: ignore[arg-type]
        window.conflicts_button.click()
        wait_idle(qtbot, window)
        stored = ctx.service.sheet(aid).requirements[rid].value
        assert stored == (Grade.PARTIAL, RequirementNote("会上商定", False))
        assert ctx.service.conflicts(aid) == []
    finally:
        other_db.close()
