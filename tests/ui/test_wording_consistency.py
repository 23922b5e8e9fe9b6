"""The CLI, the results page and the workbook say the same thing about a result (issue 14 §1):
every kind of unmet check, the rule for S, the tier, the plan, the improvements and every grade,
in both languages, all from factory_grader.wording.

The factory: the example, moved so that its next tier (卓越级) fails in every way a tier can —
maturity (二级 < 三级), two 环节 without a built scenario, no AI at all, a 建设内容 answered no,
one left unanswered, and the 建设成效 answered no."""

from __future__ import annotations

import json
import math
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QRadioButton

from factory_grader.cli import main
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.results import CheckKind
from factory_grader.forms.library import shared_library
from factory_grader.services.answers_file import answers_from_data
from factory_grader.services.examples import example_answers_path
from factory_grader.services.importing import import_file
from factory_grader.services.scoring_service import score_answers
from factory_grader.ui.main_window import QUESTIONNAIRE, RESULTS
from factory_grader.wording import (
    GRADE_NAMES,
    check_sentence,
    improvement_sentence,
    plan_sentences,
    rule_sentence,
    sentence_case,
)
from tests.ui.conftest import wait_idle

UNCOVERED = ("factory-construction", "rd-design")
#: One requirement answered with each grade (and one left unanswered), for the answers column:
#: at level 5, which S does not count here (A3 < 0.80), so the verdict stays the example's.
GRADED = {
    "org-strategy.L5.01": "full",
    "org-strategy.L5.02": "most",
    "org-strategy.L5.03": "partial",
    "personnel-skills.L5.01": "none",
    "personnel-skills.L5.02": "na",
    "personnel-skills.L5.03": None,
}


def _factory(tmp_path: Path) -> tuple[Path, dict]:
    library = shared_library()
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    catalogue = library.catalogue_for(answers_from_data(data, "example", library))
    rules = library.rules(data["rules"])
    data["conditions"] = {c.id: True for c in rules.conditions}
    data["conditions"].update(
        {
            "excellent.factory-modelling": False,
            "excellent.collaborative-rd": None,
            "excellent.results": False,
        }
    )
    for scenario in catalogue.scenarios:
        answer = data["scenarios"].setdefault(scenario.id, {"built": False, "instance": ""})
        answer["ai"] = False
        if catalogue.link_of(scenario) in UNCOVERED:
            answer["built"] = False
    data["scenarios"]["smart-business-decisions"]["built"] = True  # 运营管理: 先进级 holds
    for rid, grade in GRADED.items():
        if grade is None:
            data["requirements"].pop(rid, None)
        else:
            data["requirements"][rid] = grade
    path = tmp_path / "every-kind.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, data


def _by_hand(lang: str, data: dict) -> list[str]:
    """The unmet checks of 卓越级 that are not condition texts (those are data, checked against
    the rule set), written out by hand; S is the example's, the built count is read off."""
    built = sum(1 for a in data["scenarios"].values() if a["built"])
    more = math.ceil(built * 20 / 100)  # AI in at least 20 % of the built scenarios
    if lang == "zh":
        return [
            "成熟度需达到三级（集成级），当前 S = {s}",
            "“工厂建设”环节尚无已建成的典型场景",
            "“研发设计”环节尚无已建成的典型场景",
            f"应用 AI 的场景占已建场景比例需 ≥ 20%（当前 0/{built}），还需 {more} 个",
        ]
    return [
        "maturity must reach Level 3 (Integrated); S is now {s}",
        "no built scenario covers the Factory construction stage",
        "no built scenario covers the R&D and design stage",
        f"AI share of built scenarios must be ≥ 20% (now 0/{built}); {more} more",
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_results_page_and_workbook_say_the_same(
    qtbot, open_window, capsys, tmp_path: Path, lang: str
) -> None:
    path, data = _factory(tmp_path)
    library = shared_library()
    answers = answers_from_data(data, str(path), library)
    result = score_answers(library, answers)
    form, rules = library.form_for(answers), library.rules_for(answers)
    catalogue = library.catalogue_for(answers)
    assert (result.tier.tier, result.tier.next_tier) == ("advanced", "excellent")
    kinds = {c.kind for c in result.gaps.unmet}
    assert kinds == set(CheckKind) - {CheckKind.ELIGIBILITY}  # eligibility holds, or no tier
    s = f"{result.maturity.score_hundredths / 100:.2f}"
    checks = [check_sentence(c, form, rules, catalogue, lang) for c in result.gaps.unmet]
    for sentence in _by_hand(lang, data):  # the catalogue says what a person would write
        assert sentence.format(s=s) in checks, sentence
    modelling = rules.condition("excellent.factory-modelling").text.get(lang)
    unanswered = rules.condition("excellent.collaborative-rd").text.get(lang)
    assert modelling in checks
    assert (f"{unanswered}（未作答）" if lang == "zh" else f"{unanswered} (unanswered)") in checks
    rule = rule_sentence(result.maturity, lang)
    plan = plan_sentences(result.gaps, rules, catalogue, lang)
    statements = {r.id: r.text.get(lang) for r in form.requirements}
    improvements = [
        improvement_sentence(i, statements[i.requirement_id], lang)
        for i in result.gaps.improvements
    ]
    tier = rules.tier("advanced").name.get(lang)

    # the CLI
    assert main(["--lang", lang, "score", str(path)]) == 0
    cli = capsys.readouterr().out
    for sentence in [*checks, rule, *plan, *improvements[:10]]:
        assert sentence in cli, sentence
    assert f": {tier}\n" in cli

    # the workbook
    book = tmp_path / f"every-kind-{lang}.xlsx"
    assert main(["export", str(path), "--out", str(book), "--lang", lang]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(book)
    sheets = wb.sheetnames
    gaps_cells = {c.value for row in wb[sheets[5]].iter_rows() for c in row if c.value}
    result_cells = {c.value for row in wb[sheets[1]].iter_rows() for c in row if c.value}
    for sentence in [*checks, *plan]:
        assert sentence in gaps_cells, sentence
    assert rule in result_cells and tier in result_cells
    answers_sheet = wb[sheets[2]]
    shown: dict[str, str] = {}
    for row in answers_sheet.iter_rows(min_row=5):
        shown.setdefault(row[0].value, row[6].value)  # (a comment's continuation rows follow)
    for rid, grade in GRADED.items():
        assert shown[rid] == GRADE_NAMES[grade].get(lang), rid
    # an improvement row: its grades in the 当前 / 提升至 columns, as the sentence names them
    first = result.gaps.improvements[0]
    rows = [
        [c.value for c in row]
        for row in wb[sheets[5]].iter_rows()
        if row[1].value == first.requirement_id
    ]
    current = GRADE_NAMES[first.current.value if first.current else None].get(lang)
    target = GRADE_NAMES[first.target.value].get(lang)
    assert any(r[5] == current and r[6] == target for r in rows)
    assert f"{current} → {target}" in improvements[0]

    # the results page
    window = open_window(lang)
    done = import_file(window.ctx.service, path)
    assert done.assessment is not None
    window.open_assessment(done.assessment.id)
    qtbot.waitUntil(lambda: window.ctx.result is not None, timeout=20000)
    wait_idle(qtbot, window)
    window.go(RESULTS)
    page = window.stack.currentWidget()
    # the ladder's rung of the next tier lists each unmet check as the CLI and workbook do
    rung = next(
        page.ladder.topLevelItem(i)
        for i in range(page.ladder.topLevelItemCount())
        if page.ladder.topLevelItem(i).isExpanded()
    )
    unmet = [rung.child(i).text(0) for i in range(rung.childCount())]
    for sentence in checks:
        assert f"✗ {sentence_case(sentence)}" in unmet, sentence
    # the path's headings: the questionnaire's part of the plan, each 环节 and the AI share
    headings = [page.path.topLevelItem(i).text(0) for i in range(page.path.topLevelItemCount())]
    assert plan[0] in headings
    # each raise names the requirement's statement and the grade change the CLI names
    # (a raise in the plan is listed once, as the plan has it; the others as ranked)
    steps = [item.text(0) for item in page.path.step_items()]
    planned = {i.requirement_id for i in result.gaps.plan}
    raises = [
        improvement_sentence(i, statements[i.requirement_id], lang, False) for i in result.gaps.plan
    ]
    raises += [
        s
        for i, s in zip(result.gaps.improvements, improvements, strict=True)
        if i.requirement_id not in planned
    ]
    assert len(steps) >= len(raises) > 10
    for sentence in raises:
        change = sentence.split("]", 1)[1].split("  (S")[0].strip()  # "statement: a → b"
        statement, grades = change.rsplit(": ", 1)
        assert any(statement in s and grades in s for s in steps), sentence
    shown = QTextDocument()
    shown.setHtml(page.scores.text())  # as displayed: "<" is written &lt; in the markup
    assert rule in shown.toPlainText() and tier in page.headline.text()

    # the questionnaire's choices are the grades' names, in the order offered
    window.go(QUESTIONNAIRE)
    labels = [
        b.accessibleName()
        for b in window.stack.currentWidget().findChildren(QRadioButton)
        if b.accessibleName()
    ][:5]
    assert labels == [GRADE_NAMES[g.value].get(lang) for g in Grade]
