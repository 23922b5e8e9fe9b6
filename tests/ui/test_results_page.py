"""The results page a manager reads: the tier ladder with each rung's checks, the "?"
explanations, the path to the next tier as a checklist whose ticks project S, level, tier and
the radar, and every problem one click from where it is fixed (the jump-to-fix tests, with the
finalise page's list).

The example factory (Hainan 2025 rules), worked out by hand from its answers file: S = 2.24,
二级, tier 基础级. 先进级 fails 6 checks: 5 conditions (4 answered 否, one unanswered:
经营管理数据与生产数据集成贯通) and the 运营管理 环节, which has no built scenario; its maturity
(二级) holds. 卓越级 fails 8: its 6 conditions, maturity 三级 and 运营管理. 领航级 fails 11: 8
conditions, maturity 四级, 运营管理 and the AI share (2 of 10 built use AI, 60 % needs 6)."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWhatsThis

from factory_grader.scoring.what_if import StepKind
from factory_grader.ui.help_dialogs import glossary
from factory_grader.ui.main_window import CONDITIONS, FINALISE, QUESTIONNAIRE, RESULTS, SCENARIOS
from factory_grader.ui.path_list import ROLE_STEP
from tests.ui.conftest import load_example, wait_idle


def stored(window):
    return window.ctx.service.answers(window.ctx.session.assessment_id)


def _results(qtbot, open_window, lang: str = "zh"):
    window = open_window(lang)
    load_example(qtbot, window)
    window.go(RESULTS)
    return window, window.stack.currentWidget()


def _rungs(page) -> list[QTreeWidgetItem]:
    return [page.ladder.topLevelItem(i) for i in range(page.ladder.topLevelItemCount())]


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(i) for i in range(item.childCount())]


def test_the_ladder_shows_where_the_factory_stands_and_each_rungs_checks(
    qtbot, open_window
) -> None:
    _, page = _results(qtbot, open_window)
    rungs = _rungs(page)
    assert [r.text(0) for r in rungs] == [
        "✓ 基础级：已达到",
        "✗ 先进级：下一梯度，还有 6 项未满足",
        "✗ 卓越级：8 项未满足",
        "✗ 领航级：11 项未满足",
    ]
    assert [r.isExpanded() for r in rungs] == [False, True, False, False]  # the next one opens
    advanced = [c.text(0) for c in _children(rungs[1])]
    assert "✓ 成熟度达到二级（规范级）（S = 2.24）" in advanced
    assert "✓ “生产作业”环节有 4 个已建成的典型场景（需 1 个）" in advanced
    assert "✗ “运营管理”环节尚无已建成的典型场景" in advanced
    assert "✗ 经营管理数据与生产数据集成贯通（未作答）" in advanced
    assert sum(t.startswith("✗") for t in advanced) == 6
    leading = [c.text(0) for c in _children(rungs[3])]
    assert "✗ 应用 AI 的场景占已建场景比例需 ≥ 60%（当前 2/10），还需 4 个" in leading
    assert "✗ 成熟度需达到四级（优化级），当前 S = 2.24" in leading
    # only an unmet check leads somewhere
    for rung in rungs:
        for child in _children(rung):
            assert (child.text(1) == "去修改 →") == child.text(0).startswith("✗")
    assert "所达梯度：<b>基础级</b>" in page.headline.text()
    assert "S = 2.24" in page.headline.text() and "二级（规范级）" in page.headline.text()


def test_the_headline_in_english_and_the_ladder_after_a_language_switch(qtbot, open_window) -> None:
    window, page = _results(qtbot, open_window, "en")
    assert [r.text(0) for r in _rungs(page)][:2] == [
        "✓ Basic: reached",
        "✗ Advanced: the next tier, 6 check(s) not met",
    ]
    assert "Tier reached: <b>Basic</b>" in page.headline.text()
    window.ctx.languages.switch("zh")
    qtbot.waitUntil(lambda: _rungs(page)[0].text(0) == "✓ 基础级：已达到")


def test_every_question_mark_explains_its_term(qtbot, open_window) -> None:
    _, page = _results(qtbot, open_window)
    terms = {t.id: t for t in glossary()}
    labels = (page.headline, page.ladder_title, page.scores)
    linked = [link for label in labels for link in re.findall(r"href='term:(\w+)'", label.text())]
    # S, A1–A5, 计入/不计入 and the S rule each have one; so do the tier and the level
    assert {"S", "A", "counted", "rule", "tier", "level"} <= set(linked)
    for term_id in linked:
        assert terms[term_id].explanation.zh and terms[term_id].explanation.en
    page.scores.linkActivated.emit("term:counted")
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if w.metaObject().className() == "QWhatsThat" and w.isVisible()
    ]
    assert len(shown) == 1  # the explanation pops up by the label
    QWhatsThis.hideText()
    assert "第一个低于 0.80 的等级" in terms["counted"].explanation.zh


def test_ticking_the_path_projects_the_tier_and_the_radar(qtbot, open_window) -> None:
    """By hand: 先进级 needs the 5 conditions and one built scenario of 运营管理; maturity holds.
    The conditions alone leave the factory at 基础级; with one such scenario it reaches 先进级."""
    window, page = _results(qtbot, open_window)
    items = page.path.step_items()
    kinds = [item.data(0, ROLE_STEP).kind for item in items]
    assert kinds.count(StepKind.CONDITION) == 5
    # 运营管理 takes the guide's 运营管理 (4), 产品服务 (3) and 供应链管理 (4): none built
    assert kinds.count(StepKind.BUILD) == 4 + 3 + 4
    assert StepKind.RAISE not in kinds  # maturity already holds: no questionnaire part
    assert page.projection.text() == "勾选上面的事项，可预览完成后的 S、等级和梯度。"
    for item, kind in zip(items, kinds, strict=True):
        if kind is StepKind.CONDITION:
            item.setCheckState(0, Qt.CheckState.Checked)
    assert "完成勾选的 5 项后：<b>基础级</b>" in page.projection.text()
    build = next(i for i, k in zip(items, kinds, strict=True) if k is StepKind.BUILD)
    assert build.text(0) == "建成“智能经营决策”（运营管理环节）"
    build.setCheckState(0, Qt.CheckState.Checked)
    assert "完成勾选的 6 项后：<b>先进级</b> · S = 2.24 · 二级（规范级）" in page.projection.text()
    assert "完成勾选事项后" in page.chart.legend.text()  # the radar shows the projection too
    # a raise outside the plan moves S: the projection follows
    more = next(i for i, k in zip(items, kinds, strict=True) if k is StepKind.MORE)
    more.setCheckState(0, Qt.CheckState.Checked)
    step = more.data(0, ROLE_STEP)
    s = f"{step.improvement.score_after_hundredths / 100:.2f}"
    assert f"S = {s}" in page.projection.text()
    # nothing is stored by ticking
    answers = stored(window)
    assert answers.conditions.get("advanced.data-integration") is None
    assert not answers.scenario("smart-business-decisions").built
    for item in items:
        item.setCheckState(0, Qt.CheckState.Unchecked)
    assert "完成勾选事项后" not in page.chart.legend.text()


def test_ticks_survive_a_language_switch(qtbot, open_window) -> None:
    window, page = _results(qtbot, open_window)
    items = page.path.step_items()
    for item in items:
        if item.data(0, ROLE_STEP).kind in (StepKind.CONDITION, StepKind.BUILD):
            item.setCheckState(0, Qt.CheckState.Checked)
    assert "<b>先进级</b>" in page.projection.text()
    window.ctx.languages.switch("en")
    qtbot.waitUntil(lambda: page.heading.text() == "Results and what to do next")
    assert len(page.path.checked_steps()) == 5 + 11
    assert "<b>Advanced</b>" in page.projection.text()
    assert "Once the ticked steps are done" in page.chart.legend.text()


def test_raises_show_a_human_number_and_keep_the_id_in_the_tooltip(qtbot, open_window) -> None:
    _, page = _results(qtbot, open_window)
    more = [i for i in page.path.step_items() if i.data(0, ROLE_STEP).kind is StepKind.MORE]
    assert more
    for item in more:
        rid = item.data(0, ROLE_STEP).subject
        assert rid not in item.text(0)  # org-strategy.L1.01 is not what a manager reads
        assert rid in item.toolTip(0)
        assert re.match(r"\S+ [1-5]\.\d+ ", item.text(0)), item.text(0)  # 人员技能 3.2 …


def _in_view(widget, scroll) -> bool:
    top = widget.mapTo(scroll.viewport(), widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= scroll.viewport().height()


def _click_fix(qtbot, tree, item: QTreeWidgetItem) -> None:
    """A real click on the row's 去修改 → (its group opened and the row scrolled into view,
    as a user would)."""
    if item.parent() is not None:
        item.parent().setExpanded(True)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    assert tree.viewport().rect().contains(rect.center()), (rect, tree.viewport().rect())
    x = tree.header().sectionPosition(1) + 5
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


def test_every_unmet_check_and_step_jumps_to_where_it_is_fixed(qtbot, open_window) -> None:
    window, page = _results(qtbot, open_window)
    window.activateWindow()
    advanced = _rungs(page)[1]
    unanswered = next(c for c in _children(advanced) if "未作答" in c.text(0))
    _click_fix(qtbot, page.ladder, unanswered)
    assert window.current_page is CONDITIONS
    conditions = window.page(CONDITIONS)
    combo = conditions.combos["advanced.data-integration"]
    assert QApplication.focusWidget() is combo
    # far down the page (under 先进级): scrolled to, not only focused
    inner = conditions.body_scroll.widget()
    qtbot.waitUntil(lambda: combo.mapTo(inner, combo.rect().topLeft()).y() > 600, timeout=5000)
    qtbot.waitUntil(lambda: _in_view(combo, conditions.body_scroll), timeout=5000)

    window.go(RESULTS)
    coverage = next(c for c in _children(advanced) if "运营管理" in c.text(0))
    _click_fix(qtbot, page.ladder, coverage)
    assert window.current_page is SCENARIOS
    scenarios = window.page(SCENARIOS)
    # the first scenario of 运营管理 in the catalogue's order
    built = scenarios.widgets["smart-business-decisions"][0]
    assert QApplication.focusWidget() is built
    qtbot.waitUntil(lambda: _in_view(built, scenarios.body_scroll), timeout=5000)

    window.go(RESULTS)
    leading = _rungs(page)[3]
    leading.setExpanded(True)
    maturity = next(c for c in _children(leading) if "成熟度" in c.text(0))
    page.ladder.setCurrentItem(maturity)
    qtbot.keyClick(page.ladder, Qt.Key.Key_Return)  # Enter does what the click does
    assert window.current_page is QUESTIONNAIRE
    # 先进级's maturity holds, so there is no plan: the raise that lifts S most comes first
    gaps = window.ctx.result.gaps
    assert gaps.plan == () and gaps.improvements
    assert QApplication.focusWidget().requirement.id == gaps.improvements[0].requirement_id

    window.go(RESULTS)
    ai_share = next(c for c in _children(leading) if "应用 AI" in c.text(0))
    _click_fix(qtbot, page.ladder, ai_share)
    assert window.current_page is SCENARIOS
    answers = window.ctx.session.answers
    catalogue = window.ctx.library.catalogue_for(answers)
    first = next(
        s.id
        for s in catalogue.scenarios
        if answers.scenario(s.id).built and not answers.scenario(s.id).ai
    )
    assert QApplication.focusWidget() is window.page(SCENARIOS).widgets[first][1]  # 应用 AI

    for kind, page_name in (
        (StepKind.BUILD, SCENARIOS),
        (StepKind.CONDITION, CONDITIONS),
        (StepKind.MORE, QUESTIONNAIRE),
    ):
        window.go(RESULTS)
        item = next(i for i in page.path.step_items() if i.data(0, ROLE_STEP).kind is kind)
        subject = item.data(0, ROLE_STEP).subject
        _click_fix(qtbot, page.path, item)
        assert window.current_page is page_name, kind
        focus = QApplication.focusWidget()
        if page_name is QUESTIONNAIRE:
            assert focus.requirement.id == subject
        elif page_name is SCENARIOS:
            assert focus is window.page(SCENARIOS).widgets[subject][0]
        else:
            assert focus is window.page(CONDITIONS).combos[subject]


def test_the_finalise_list_jumps_to_each_problem(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.activateWindow()
    window.go(FINALISE)
    page = window.stack.currentWidget()
    texts = [page.items.item(i).text() for i in range(page.items.count())]
    unanswered = [i for i, t in enumerate(texts) if t.startswith("未作答：")]
    assert len(unanswered) == 3  # the example leaves three requirements unanswered
    assert not any("." in texts[i].split()[1] and "L" in texts[i].split()[1] for i in unanswered)
    for index in unanswered:
        window.go(FINALISE)
        item = page.items.item(index)
        rid = item.toolTip().splitlines()[0]
        page.items.scrollToItem(item)
        qtbot.mouseClick(
            page.items.viewport(),
            Qt.MouseButton.LeftButton,
            pos=page.items.visualItemRect(item).center(),
        )
        assert window.current_page is QUESTIONNAIRE
        assert QApplication.focusWidget().requirement.id == rid
    window.go(FINALISE)
    condition = next(
        page.items.item(i) for i, t in enumerate(texts) if t.startswith("条件未作答：")
    )
    page.items.setCurrentItem(condition)
    qtbot.keyClick(page.items, Qt.Key.Key_Return)
    assert window.current_page is CONDITIONS
    cid = condition.toolTip().splitlines()[0]
    assert QApplication.focusWidget() is window.page(CONDITIONS).combos[cid]
    wait_idle(qtbot, window)


def test_the_top_tier_has_nothing_left_to_tick(qtbot, open_window, tmp_path) -> None:
    """Every requirement fully met, every scenario built with AI, every condition met: 领航级,
    S = 5.00; no step is left and the radar's ring is the level of the tier reached."""
    import json

    from factory_grader.forms.library import shared_library
    from factory_grader.services.examples import example_answers_path
    from factory_grader.services.importing import import_file

    library = shared_library()
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    form, rules = library.maturity(data["form"]), library.rules(data["rules"])
    data["requirements"] = {r.id: "full" for r in form.requirements}
    data["conditions"] = {c.id: True for c in rules.conditions}
    catalogue = library.catalogue(rules.scenarios_id)
    data["scenarios"] = {
        s.id: {"built": True, "ai": True, "instance": "x"} for s in catalogue.scenarios
    }
    path = tmp_path / "top.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = open_window()
    done = import_file(window.ctx.service, path)
    window.open_assessment(done.assessment.id)
    qtbot.waitUntil(lambda: window.ctx.result is not None, timeout=20000)
    wait_idle(qtbot, window)
    window.go(RESULTS)
    page = window.stack.currentWidget()
    assert window.ctx.result.tier.tier == "leading"
    assert "S = 5.00" in page.headline.text()
    assert page.path_title.text() == "已达最高梯度"
    assert page.path.step_items() == []
    assert page.path.topLevelItem(0).text(0) == "没有可再提升的要求：每条都已全部满足。"
    assert "所达梯度要求的等级" in page.chart.legend.text()
    assert [r.isExpanded() for r in _rungs(page)] == [False, False, False, True]
