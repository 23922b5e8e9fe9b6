"""Each screen, on the example factory, saving through the real service to a real database."""

from __future__ import annotations

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
    page = window.stack.currentWidget()
    assert "权重: 按 2024 修订草案领域占比折算（估计）" in page.scores.text()
    assert f"S = {format_hundredths(expected)}" in page.headline.text()


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
    offers: list[str] = []
    answer_next_dialog()
    answer_next_dialog(texts=offers, label="以后再说")  # the export offered after finalising
    page.finalise_button.click()
    qtbot.waitUntil(
        lambda: window.ctx.session.summary.status is AssessmentStatus.FINAL, timeout=20000
    )
    qtbot.waitUntil(lambda: len(offers) == 1, timeout=20000)
    assert offers[0].startswith("第 1 版已定稿。现在导出申报工作簿吗？")
    assert page.reopen_button.isEnabled() and not page.finalise_button.isEnabled()
    asked: list[str] = []
    answer_next_dialog(texts=asked)
    page.reopen_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.summary.revision == 2, timeout=20000)
    assert window.ctx.session.editable
    assert asked[0].startswith("重新打开会新建第 2 版") and "第 1 版保持定稿不变" in asked[0]


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
    answer_next_dialog(label="以后再说")  # the export offered after finalising
    window.stack.currentWidget().finalise_button.click()
    qtbot.waitUntil(
        lambda: window.ctx.session.summary.status is AssessmentStatus.FINAL, timeout=20000
    )
    wait_idle(qtbot, window)
    window.go(RESULTS)
    banner = window.stack.currentWidget().final_banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=20000)
    assert "定稿结论" in banner.text() and "S = 2.24" in banner.text() and "基础级" in banner.text()
    # the read-only banner of the editing pages follows a language switch
    window.go(QUESTIONNAIRE)
    assert window.final_banner.text().startswith("第 1 版已定稿")
    window.ctx.languages.switch("en")
    qtbot.waitUntil(lambda: window.final_banner.text().startswith("Revision 1 is final"))
    assert "⚠" not in banner.text()  # nothing changed since
