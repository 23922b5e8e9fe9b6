"""Each screen, on the example factory, saving through the real service to a real database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factory_grader.domain.records import Status
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.services.scoring_service import score_answers
from factory_grader.ui.main_window import (
    CONDITIONS,
    FINALISE,
    PROFILE,
    QUESTIONNAIRE,
    RESULTS,
    SCENARIOS,
)
from tests.ui.conftest import answer_next_dialog, load_example, wait_idle


def stored(window):
    return window.ctx.service.answers(window.ctx.session.assessment_id)


def test_profile_validates_inline_and_saves(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(PROFILE)
    page = window.stack.currentWidget()
    code = page.edits["credit_code"]
    code.setText("91460100MA5T1R2K7X")  # wrong check character
    assert page.problems["credit_code"].isVisible()
    assert "J" in page.problems["credit_code"].text()  # says what it should be
    code.editingFinished.emit()
    wait_idle(qtbot, window)
    assert stored(window).profile["credit_code"] == "91460100MA5T1R2K7J"  # not saved
    code.setText("91460100MA5T1R2K7J")
    page.edits["phone"].setText("0898-1234567")
    page.edits["phone"].editingFinished.emit()
    page.process.click()
    wait_idle(qtbot, window)
    answers = stored(window)
    assert answers.profile["phone"] == "0898-1234567"
    assert answers.industry_type.value == "process"
    page.edits["email"].setText("not-an-email")
    assert page.problems["email"].isVisible()


def test_scenarios_and_conditions_save_and_rescore(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    before = window.ctx.result.tier.built_count
    window.go(SCENARIOS)
    built, ai, instance = window.stack.currentWidget().widgets["smart-business-decisions"]
    assert not ai.isEnabled()
    built.click()
    assert ai.isEnabled()
    ai.click()
    instance.setText("经营驾驶舱")
    instance.editingFinished.emit()
    wait_idle(qtbot, window)
    answer = stored(window).scenario("smart-business-decisions")
    assert (answer.built, answer.ai, answer.instance) == (True, True, "经营驾驶舱")
    assert window.ctx.result.tier.built_count == before + 1
    assert "operations-management" in window.ctx.result.tier.covered_links

    window.go(CONDITIONS)
    combo = window.stack.currentWidget().combos["advanced.data-integration"]
    combo.setCurrentIndex(1)  # met
    wait_idle(qtbot, window)
    assert stored(window).conditions["advanced.data-integration"] is True


def test_results_what_if(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(RESULTS)
    page = window.stack.currentWidget()
    assert page.summary.text().count("S = 2.23") == 1
    assert page.gaps.count() == 1 + len(window.ctx.result.gaps.unmet)
    assert page.chart is not None and page.chart.canvas is not None  # radar drawn
    assert page.projection.text() == ""
    changes = {}
    for i in range(5):
        page.plan.item(i).setCheckState(Qt.CheckState.Checked)
        rid, target = page.plan.item(i).data(Qt.ItemDataRole.UserRole)
        changes[rid] = target
    projected = score_answers(window.ctx.library, window.ctx.session.answers.with_grades(changes))
    s = format_hundredths(projected.maturity.score_hundredths)
    assert f"S = {s}" in page.projection.text() and "5" in page.projection.text()
    assert stored(window).grade("info-security.L3.02") is not None  # what-if saves nothing
    assert window.panel.score.text() == "S = 2.23"


def test_finalise_then_reopen(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(FINALISE)
    page = window.stack.currentWidget()
    assert page.items.count() >= 3 + 1  # 3 unanswered, a flagged one, an open condition
    answer_next_dialog()
    page.finalise_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.summary.status is Status.FINAL, timeout=20000)
    assert page.reopen_button.isEnabled() and not page.finalise_button.isEnabled()
    page.reopen_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.summary.revision == 2, timeout=20000)
    assert window.ctx.session.editable


def test_closing_mid_comment_loses_nothing(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(QUESTIONNAIRE)
    row = window.stack.currentWidget().rows[0]
    row.comment.setFocus()
    qtbot.keyClicks(row.comment, "typed before closing")
    aid = window.ctx.session.assessment_id
    service = window.ctx.service
    window.close()  # no editingFinished from the user: closing must still save it
    assert service.answers(aid).notes[row.requirement.id].comment == "typed before closing"


def test_language_switch_at_run_time(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    assert window.nav.item(QUESTIONNAIRE).text() == "成熟度问卷"
    window.ctx.languages.switch("en")  # Qt posts LanguageChange to every widget
    qtbot.waitUntil(lambda: window.nav.item(QUESTIONNAIRE).text() == "Questionnaire")
    assert window.panel.tier.text() == "Basic"
    row = window.stack.widget(QUESTIONNAIRE).rows[0]
    assert row.buttons[0].text() == "1 Fully met"
    window.ctx.languages.switch("zh")
    qtbot.waitUntil(lambda: window.panel.tier.text() == "基础级")
