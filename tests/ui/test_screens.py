"""Each screen, on the example factory, saving through the real service to a real database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factory_grader.domain.records import AssessmentStatus
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
from factory_grader.ui.weights_dialog import WeightsDialog
from factory_grader.wording import plan_sentences
from tests.ui import conftest
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
    # says what it should be, in the UI's language
    assert page.problems["credit_code"].text().endswith("校验位为 X，应为 J")
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
    assert page.summary.text().count("S = 2.24") == 1
    result, answers = window.ctx.result, window.ctx.session.answers
    lib = window.ctx.library
    path = plan_sentences(result.gaps, lib.rules_for(answers), lib.catalogue_for(answers), "zh")
    # next tier, its unmet checks, "path to", the path's parts (no questionnaire part here)
    assert page.gaps.count() == 1 + len(result.gaps.unmet) + 1 + len(path)
    texts = [page.gaps.item(i).text() for i in range(page.gaps.count())]
    assert "达到先进级的路径：" in texts
    assert any(t.startswith("1. 场景：“运营管理”环节还需建成 1 个典型场景") for t in texts)
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
    assert window.panel.score.text() == "S = 2.24"


def test_weight_set_is_chosen_per_assessment_and_named_on_the_results(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(PROFILE)
    page = window.stack.currentWidget()
    assert page.weights.currentData() == ""  # off by default
    page.weights.setCurrentIndex(page.weights.findData("draft-2024-shares"))
    wait_idle(qtbot, window)
    assert stored(window).weights_id == "draft-2024-shares"
    assert "2024" in page.weights_note.text()
    expected = score_answers(window.ctx.library, stored(window)).maturity.score_hundredths
    window.go(RESULTS)
    summary = window.stack.currentWidget().summary.text()
    assert "权重: 按 2024 修订草案领域占比折算（估计）" in summary
    assert f"S = {format_hundredths(expected)}" in summary


def test_results_show_the_effective_weights(qtbot, open_window) -> None:
    """Hand-computed: with nothing 不适用, one of the seven 生产 sub-domains weighs 1/84 of a
    level, a sub-domain that is a whole domain 1/12, one of the two 设计 sub-domains 1/24."""
    window = open_window()
    load_example(qtbot, window)
    window.go(RESULTS)
    page = window.stack.currentWidget()
    seen: dict[str, str] = {}

    def read(dialog: WeightsDialog) -> None:
        table = dialog.table
        for row in range(table.rowCount()):
            seen[table.verticalHeaderItem(row).text()] = table.item(row, 0).text()
        dialog.reject()

    conftest.on_next_dialog(WeightsDialog, read)  # type: ignore[arg-type]
    page.weights_button.click()
    assert seen["采购"] == "1/84" and seen["能源管理"] == "1/84"
    assert seen["组织战略"] == "1/12" and seen["产品设计"] == "1/24"


def test_finalise_then_reopen(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(FINALISE)
    page = window.stack.currentWidget()
    assert page.items.count() >= 3 + 1  # 3 unanswered, a flagged one, an open condition
    answer_next_dialog()
    page.finalise_button.click()
    qtbot.waitUntil(
        lambda: window.ctx.session.summary.status is AssessmentStatus.FINAL, timeout=20000
    )
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
    assert window.nav_item(QUESTIONNAIRE).text() == "成熟度问卷"
    window.ctx.languages.switch("en")  # Qt posts LanguageChange to every widget
    qtbot.waitUntil(lambda: window.nav_item(QUESTIONNAIRE).text() == "Questionnaire")
    assert window.panel.tier.text() == "Basic"
    row = window.page(QUESTIONNAIRE).rows[0]
    assert row.buttons[0].text() == "1 Fully met"
    window.ctx.languages.switch("zh")
    qtbot.waitUntil(lambda: window.panel.tier.text() == "基础级")


def test_a_final_assessment_shows_the_verdict_it_was_finalised_with(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(FINALISE)
    answer_next_dialog()
    window.stack.currentWidget().finalise_button.click()
    qtbot.waitUntil(
        lambda: window.ctx.session.summary.status is AssessmentStatus.FINAL, timeout=20000
    )
    wait_idle(qtbot, window)
    window.go(RESULTS)
    banner = window.stack.currentWidget().final_banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=20000)
    assert "定稿结论" in banner.text() and "S = 2.24" in banner.text() and "基础级" in banner.text()
    assert "⚠" not in banner.text()  # nothing changed since
