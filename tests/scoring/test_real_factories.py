"""Hand-computed verdicts for the cases common among Hainan's factories (issue 10): a wholly
不适用 domain or sub-domain, band edges reached by sums of non-round level scores, process vs
discrete, 基础级 without 研发设计, 先进级 boundaries, and a gap plan that reaches the next tier.

Every expected number is worked out by hand in the comment beside it, never taken from the code.
Weights: 12 domains weigh 1/12 each (equal estimate); a domain's score is the mean of its scorable
sub-domains; Aᵢ is the mean of the domains that have something scorable at level i.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.maturity_model import SCORED_GRADES, Grade, IndustryType
from factory_grader.domain.results import CheckKind
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.maturity import level_hundredths, score_hundredths, score_maturity
from factory_grader.services.scoring_service import score_answers
from tests.conftest import F, M, N, P, grades_for_means, small_form
from tests.helpers import answers_at

D, PR = IndustryType.DISCRETE, IndustryType.PROCESS
MANUFACTURING = ("design", "production", "logistics", "sales", "service")


def _grades(library: FormLibrary, pick) -> dict[str, Grade]:
    """pick(requirement, domain id) -> grade, over every requirement of cmmm-2020."""
    form = library.maturity("cmmm-2020")
    domain_of = {s.id: s.domain_id for s in form.subdomains}
    return {r.id: pick(r, domain_of[r.subdomain_id]) for r in form.requirements}


# --- weighting: a wholly 不适用 domain or sub-domain ------------------------------------------


def test_design_not_applicable_leaves_eleven_equal_domains(library: FormLibrary) -> None:
    """The issue's case. Level 1 all met; level 2: 设计 不适用, the other four 制造 domains
    部分满足 (0.5), the seven 人员/技术/资源 domains met (1).
    A2 = (7 × 1 + 4 × 0.5) / 11 = 9/11 = 0.8181… ≥ 0.80, so S = 1 + 9/11 + A3 (0) = 1.82, 二级.
    (Re-weighting inside the element, 2:3:2:5, gave A2 = (7 + 5 × 0.5)/12 = 0.79 and 一级.)"""

    def pick(r, dom):
        if r.level == 1:
            return Grade.FULL
        if r.level > 2:
            return Grade.NONE
        if dom == "design":
            return Grade.NA
        return Grade.PARTIAL if dom in MANUFACTURING else Grade.FULL

    form = library.maturity("cmmm-2020")
    m = score_maturity(form, D, _grades(library, pick))
    assert m.level_scores[1].raw == pytest.approx(9 / 11)
    assert m.level_scores[1].hundredths == 82
    assert m.score_raw == pytest.approx(1 + 9 / 11)
    assert (m.score_hundredths, m.level, m.stop_level) == (182, 2, 3)
    assert m.subdomain_weights["product-design"][1] is None
    assert m.subdomain_weights["procurement"][1] == pytest.approx(1 / 77)  # 1/11 over 7
    assert m.subdomain_weights["network"][1] == pytest.approx(1 / 11)


def test_outsourced_logistics_and_na_sub_domains_at_several_levels(library: FormLibrary) -> None:
    """物流 outsourced (不适用 at every level); at level 1 also 产品设计 不适用 (process plant),
    so 设计 is 工艺设计 alone; at level 3 安全环保 and 能源管理 不适用, so 生产 is the mean of its
    other five sub-domains.
    Level 1: 工艺设计 0.5, everything else met: 11 domains, A1 = (10 + 0.5)/11 = 21/22 = 0.9545.
    Level 2: everything met: A2 = 1.
    Level 3: 采购 1, 计划与调度 1, 生产作业 0.5, 设备管理 0.5, 仓储配送 0 → 生产 = 3/5 = 0.6;
    every other domain 0.8 (大部分满足) → A3 = (10 × 0.8 + 0.6)/11 = 8.6/11 = 0.7818 < 0.80.
    S = 21/22 + 1 + 8.6/11 = 2.7363… → shown 2.74, 二级, stop at 3."""
    production_l3 = {
        "procurement": Grade.FULL,
        "planning-scheduling": Grade.FULL,
        "production-operation": Grade.PARTIAL,
        "equipment-management": Grade.PARTIAL,
        "warehousing-distribution": Grade.NONE,
        "safety-environment": Grade.NA,
        "energy-management": Grade.NA,
    }

    def pick(r, dom):
        if dom == "logistics":
            return Grade.NA
        if r.level == 1:
            if r.subdomain_id == "product-design":
                return Grade.NA
            return Grade.PARTIAL if r.subdomain_id == "process-design" else Grade.FULL
        if r.level == 2:
            return Grade.FULL
        if r.level == 3:
            return production_l3[r.subdomain_id] if dom == "production" else Grade.MOST
        return Grade.NONE

    m = score_maturity(library.maturity("cmmm-2020"), PR, _grades(library, pick))
    a1, a3 = 21 / 22, 8.6 / 11
    assert [ls.raw for ls in m.level_scores[:3]] == pytest.approx([a1, 1.0, a3])
    assert [ls.hundredths for ls in m.level_scores[:3]] == [95, 100, 78]
    assert m.score_raw == pytest.approx(a1 + 1 + a3)
    assert (m.score_hundredths, m.level, m.stop_level) == (274, 2, 3)
    assert m.subdomain_weights["process-design"][0] == pytest.approx(1 / 11)  # all of 设计
    assert m.subdomain_weights["procurement"][2] == pytest.approx(1 / 55)  # 1/11 over 5
    assert m.subdomain_weights["logistics"] == (None,) * 5


def test_process_and_discrete_see_their_own_requirements(library: FormLibrary) -> None:
    """装备 level 2 has L2.01 (数控, discrete only), L2.02, L2.03 (both) and L2.04 (在线分析仪表,
    process only). Everything at levels 1–2 met except L2.04 not met: a discrete plant does not
    see L2.04 (A2 = 1); for a process plant 装备 scores 2/3 at level 2 and
    A2 = (11 + 2/3)/12 = 35/36 = 0.9722 → 0.97. S = 1 + A2 + 0."""

    def pick(r, dom):
        if r.id == "equipment.L2.04":
            return Grade.NONE
        return Grade.FULL if r.level <= 2 else Grade.NONE

    form = library.maturity("cmmm-2020")
    grades = _grades(library, pick)
    discrete, process = score_maturity(form, D, grades), score_maturity(form, PR, grades)
    assert discrete.level_scores[1].raw == pytest.approx(1.0)
    assert discrete.subdomain_scores["equipment"][1] == pytest.approx(1.0)
    assert process.subdomain_scores["equipment"][1] == pytest.approx(2 / 3)
    assert process.level_scores[1].raw == pytest.approx(35 / 36)
    assert (discrete.score_hundredths, process.score_hundredths) == (200, 197)


# --- band edges reached by sums of non-round level scores --------------------------------------

# small_form(per_level=36): one sub-domain, 36 requirements per level, a level's score = sum/36.
A1_179 = [F] * 35 + [M]  # (35 + 0.8)/36 = 35.8/36 = 179/180 = 0.99444…
A2_145 = [F] * 29 + [N] * 7  # 29/36 = 145/180 = 0.80555…
NONE36 = [N] * 36


def test_179_plus_145_over_180_is_exactly_1_80_and_level_2() -> None:
    """A1 = 179/180, A2 = 145/180: S = 324/180 = 1.80 exactly, 二级. Shown half-up: A1 0.99,
    A2 0.81, S 1.80 (truncating each gave 0.99 + 0.80 = 1.79, 一级)."""
    m = score_maturity(small_form(per_level=36), D, grades_for_means(A1_179, A2_145, NONE36))
    assert m.score_raw == pytest.approx(1.8)
    assert (m.level, m.stop_level, m.score_hundredths) == (2, 3, 180)
    assert [ls.hundredths for ls in m.level_scores[:2]] == [99, 81]


def test_a_level_a_hair_under_the_pass_mark_is_never_shown_as_passing() -> None:
    """A1 = A2 = 1, A3 = (28 + 3 × 0.8 + 3 × 0.5)/40 = 31.9/40 = 0.7975: fails 0.80, so S stops at
    level 3: S = 2.7975, 二级. Half-up would show A3 0.80 and S 2.80 (三级's edge): both are held
    under the threshold they do not reach: A3 0.79, S 2.79."""
    a3 = [F] * 28 + [M] * 3 + [P] * 3 + [N] * 6
    form = small_form(per_level=40)
    m = score_maturity(form, D, grades_for_means([F] * 40, [F] * 40, a3, [F] * 40))
    assert m.level_scores[2].raw == pytest.approx(0.7975)
    assert (m.level, m.stop_level) == (2, 3)
    assert (m.level_scores[2].hundredths, m.score_hundredths) == (79, 279)
    assert not m.level_scores[3].counted


@pytest.mark.parametrize(
    ("raw", "shown_a"),
    [(0.8, 80), (0.79999999999, 80), (0.7996, 79), (0.8049, 80), (0.8051, 81)],
)
def test_level_score_display(raw: float, shown_a: int) -> None:
    assert level_hundredths(small_form(), raw) == shown_a


@pytest.mark.parametrize(
    ("raw", "shown_s"),
    [(1.7996, 179), (1.8, 180), (2.7951, 279), (2.805, 281), (4.7999, 479), (0.7951, 79)],
)
def test_score_display_stays_in_its_band(raw: float, shown_s: int) -> None:
    assert score_hundredths(small_form(), raw) == shown_s


# --- tiers: 建设内容 by 环节 ------------------------------------------------------------------


def _without_design(library: FormLibrary, rules: str, level: int) -> Answers:
    """A contract manufacturer: no design function (设计 不适用), no 研发设计 scenario built, the
    design 建设内容 items answered 'no'; every requirement of other domains met up to `level`."""
    form = library.maturity("cmmm-2020")
    answers = answers_at(
        library,
        level,
        rules,
        built=("online-smart-inspection", "workshop-smart-scheduling", "smart-business-decisions"),
    )
    domain_of = {s.id: s.domain_id for s in form.subdomains}
    grades = {
        r.id: Grade.NA if domain_of[r.subdomain_id] == "design" else g
        for r in form.requirements
        for g in [answers.requirements[r.id]]
    }
    design_items = {c.id: False for c in library.rules(rules).conditions if c.link == "rd-design"}
    return replace(answers, requirements=grades, conditions={**answers.conditions, **design_items})


@pytest.mark.parametrize(("rules", "level"), [("hainan-2025", 1), ("national-2025", 2)])
def test_basic_tier_without_design(library: FormLibrary, rules: str, level: int) -> None:
    """基础级 needs at least 生产作业 (plus tier-wide items and results): the 研发设计 item
    basic.digital-design is optional, so a factory without design reaches 基础级 — at 一级 in
    Hainan, at 二级 nationally."""
    answers = _without_design(library, rules, level)
    result = score_answers(library, answers)
    assert result.tier.tier is not None and result.tier.tier in ("basic", "advanced")
    basic = next(t for t in result.tier.tiers if t.tier_id == "basic")
    subjects = {c.subject for c in basic.checks}
    assert "basic.digital-design" not in subjects  # optional: never a check, never a blocker
    assert {"basic.key-equipment", "basic.core-data-realtime", "basic.results"} <= subjects
    rule_set = library.rules(rules)
    assert "basic.digital-design" in rule_set.optional_condition_ids(rule_set.tier("basic"))
    # the same factory one level lower does not reach basic (maturity alone blocks)
    lower = score_answers(library, _without_design(library, rules, level - 1))
    assert lower.tier.tier is None
    assert [c.kind for c in lower.tier.decided_by] == [CheckKind.MATURITY]


def test_basic_tier_needs_its_tier_wide_item(library: FormLibrary) -> None:
    """核心数据实时采集 belongs to no 环节: every basic factory needs it, in both rule sets."""
    for rules in ("hainan-2025", "national-2025"):
        answers = _without_design(library, rules, 2)
        answers = replace(
            answers, conditions={**answers.conditions, "basic.core-data-realtime": False}
        )
        result = score_answers(library, answers)
        assert result.tier.tier is None
        assert [c.subject for c in result.tier.decided_by] == ["basic.core-data-realtime"]


THREE_LINKS = ("online-smart-inspection", "workshop-smart-scheduling", "smart-business-decisions")


@pytest.mark.parametrize(
    ("built", "level2", "shown_s", "level", "expected"),
    [
        # A2 = (0.8 + 0.8 + 0.8)/3 = 0.80 exactly: S = 1.80, 二级, the three 环节 covered
        (THREE_LINKS, (M, M, M), 180, 2, "advanced"),
        # A2 = (1 + 1 + 0.5)/3 = 0.8333: S = 1.83
        (THREE_LINKS, (F, F, P), 183, 2, "advanced"),
        # A2 = (1 + 0.8 + 0.5)/3 = 0.7667 < 0.80: S = 1.77, 一级 → basic (Hainan basic: 一级)
        (THREE_LINKS, (F, M, P), 177, 1, "basic"),
        # 运营管理 not covered: basic even at S 1.80
        (THREE_LINKS[:2], (M, M, M), 180, 2, "basic"),
    ],
)
def test_advanced_boundaries(
    library: FormLibrary, built, level2, shown_s: int, level: int, expected: str
) -> None:
    """Hainan 先进级 = 二级 + 生产作业, 生产管理 and 运营管理 covered + its items of those 环节.
    Only 组织战略 is scorable (everything else 不适用), so Aᵢ is its mean of three items:
    A1 = 1 and A2 as given."""
    form = library.maturity("cmmm-2020")
    grades = {r.id: Grade.NA for r in form.requirements}
    for lv, picks in ((1, (F, F, F)), (2, level2)):
        ids = [
            r.id for r in form.requirements if r.subdomain_id == "org-strategy" and r.level == lv
        ]
        grades.update(dict(zip(ids, picks, strict=True)))
    answers = replace(answers_at(library, 2, "hainan-2025", built=built), requirements=grades)
    result = score_answers(library, answers)
    assert (result.maturity.score_hundredths, result.maturity.level) == (shown_s, level)
    assert result.tier.tier == expected


# --- the gap plan -----------------------------------------------------------------------------


def _level3_blocked(library: FormLibrary) -> Answers:
    """Levels 1–2 met, level 3 half-way (every level-3 item 部分满足, A3 = 0.5), levels 4–5
    partly (部分满足): S = 1 + 1 + 0.5 = 2.50, 二级; Hainan 先进级 reached, 卓越级 needs 三级
    (S ≥ 2.80), which needs A3 ≥ 0.80 first."""
    answers = answers_at(library, 2, "hainan-2025", ai=("online-smart-inspection",))
    form = library.maturity("cmmm-2020")
    grades = {r.id: Grade.FULL if r.level <= 2 else Grade.PARTIAL for r in form.requirements}
    return replace(answers, requirements=grades)


def test_plan_starts_at_the_blocking_level_and_reaches_the_next_tier(library: FormLibrary) -> None:
    answers = _level3_blocked(library)
    result = score_answers(library, answers)
    m, g = result.maturity, result.gaps
    assert (m.score_hundredths, m.level) == (250, 2)
    assert (result.tier.tier, g.next_tier) == ("advanced", "excellent")
    assert g.target_hundredths == 280
    # every ranked improvement at level 3 comes before any other level; levels 1–2 are full,
    # levels 4–5 are above the stop: so all of them are at level 3 here
    assert g.improvements and all(i.level == 3 for i in g.improvements)
    # the questionnaire plan: only level-3 steps until A3 passes, then S reaches 2.80
    assert g.plan and g.plan[0].level == 3 and g.plan_reaches_target
    assert g.plan_levels[0].level == 3
    assert g.plan_levels[0].before_hundredths == 50 and g.plan_levels[0].after_hundredths >= 80
    # scenarios: 卓越级 needs all five 环节; built are the ten of answers_at, all covered, and an
    # AI share of 20 %: 1 of 10 built uses AI, so 1 more (ceil(0.2 × 10) − 1 = 1)
    assert g.links_to_cover == ()
    assert g.ai_needed == 1
    # conditions: every excellent item was answered True by answers_at
    assert g.conditions_to_meet == ()
    # carry the whole plan out: the next tier is reached
    done = answers.with_grades({i.requirement_id: i.target for i in g.plan})
    scenarios = dict(done.scenarios)
    converted = 0
    for sid, s in scenarios.items():
        if s.built and not s.ai and converted < g.ai_needed:
            scenarios[sid] = ScenarioAnswer(True, True, s.instance)
            converted += 1
    after = score_answers(library, replace(done, scenarios=scenarios))
    assert after.maturity.level == 3
    assert after.tier.tier == "excellent"


def test_plan_covers_links_ai_and_conditions(library: FormLibrary) -> None:
    """The same factory with no 工厂建设 scenario and one excellent item unmet: the plan names the
    工厂建设 scenarios not yet built, counts the new scenario in the AI share (11 built, 1 AI:
    ceil(0.2 × 11) − 1 = 2), and lists the unmet item; doing all of it reaches 卓越级."""
    answers = _level3_blocked(library)
    scenarios = {k: v for k, v in answers.scenarios.items() if k != "factory-digital-planning"}
    conditions = {**answers.conditions, "excellent.supply-chain": False}
    answers = replace(answers, scenarios=scenarios, conditions=conditions)
    # the 工厂建设 scenario removed: 9 built, 1 AI
    g = score_answers(library, answers).gaps
    [link] = g.links_to_cover
    catalogue = library.catalogue("scenarios-2025")
    expected = tuple(
        s.id for s in catalogue.scenarios if catalogue.link_of(s) == "factory-construction"
    )
    assert link.link_id == "factory-construction" and link.candidates == expected
    assert g.ai_needed == 1  # 9 + 1 new = 10 built: ceil(0.2 × 10) − 1 = 1
    assert g.conditions_to_meet == ("excellent.supply-chain",)
    done = answers.with_grades({i.requirement_id: i.target for i in g.plan})
    new = dict(done.scenarios)
    new[link.candidates[0]] = ScenarioAnswer(True, False)
    first_plain = next(k for k, v in new.items() if v.built and not v.ai)
    new[first_plain] = ScenarioAnswer(True, True)
    done = replace(
        done, scenarios=new, conditions={**done.conditions, "excellent.supply-chain": True}
    )
    assert score_answers(library, done).tier.tier == "excellent"


def test_no_listed_improvement_leaves_every_shown_figure_unchanged(library: FormLibrary) -> None:
    """An improvement is listed only when it changes the shown S or the shown score of its
    level (the old list had "+0.0083, S → 2.23" for an S of 2.23)."""
    from factory_grader.services.answers_file import read_answers_file
    from factory_grader.services.examples import example_answers_path

    for answers in (read_answers_file(example_answers_path(), library), _level3_blocked(library)):
        result = score_answers(library, answers)
        before = result.maturity
        for item in result.gaps.improvements:
            after = score_answers(
                library, answers.with_grades({item.requirement_id: item.target})
            ).maturity
            assert after.score_hundredths == item.score_after_hundredths
            assert (
                after.score_hundredths != before.score_hundredths
                or after.level_scores[item.level - 1].hundredths
                != before.level_scores[item.level - 1].hundredths
            ), item
            steps = SCORED_GRADES.index(item.target) - SCORED_GRADES.index(
                item.current or Grade.NONE
            )
            assert steps == item.steps


def _independent_level_score(library: FormLibrary, grades, industry, weights_id, level):
    """Aᵢ re-derived here with Fractions straight from the rule in the docstring above (domain
    means weighted by the set's weights), not through the scoring module."""
    from fractions import Fraction

    form = library.maturity("cmmm-2020")
    weight_set = form.weight_set(weights_id)
    value = {Grade.FULL: Fraction(1), Grade.MOST: Fraction(4, 5), Grade.PARTIAL: Fraction(1, 2)}
    num = den = Fraction(0)
    for d in form.domains:
        subs = []
        for s in (s for s in form.subdomains if s.domain_id == d.id):
            ids = [
                r.id
                for r in form.requirements
                if (r.subdomain_id, r.level) == (s.id, level)
                and industry in r.applies_to
                and grades.get(r.id) is not Grade.NA
            ]
            if ids:
                subs.append(sum(value.get(grades.get(i), Fraction(0)) for i in ids) / len(ids))
        if subs:
            w = Fraction(
                repr(weight_set.weight(d, industry) if weight_set else d.weights[industry])
            )
            num += w * sum(subs) / len(subs)
            den += w
    return num / den


def test_a_score_a_billionth_under_a_band_edge_is_the_band_below(library: FormLibrary) -> None:
    """Found in review: with the draft weight set (weights adding up to 3000) a process plant
    with 54 不适用 answers has S = 2508317009/1393509450 = 1.79999999928…, under 二级's 1.80.
    A float comparison with a 1e-9 tolerance called it 二级; exact arithmetic says 一级."""
    import json
    from fractions import Fraction
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "fixtures" / "band_edge_draft_weights.json"
    grades = {k: Grade(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    a = [_independent_level_score(library, grades, PR, "draft-2024-shares", lv) for lv in (1, 2, 3)]
    assert a[0] >= Fraction(4, 5) and a[1] >= Fraction(4, 5) and a[2] < Fraction(4, 5)
    assert sum(a) == Fraction(2508317009, 1393509450) < Fraction(9, 5)
    m = score_maturity(library.maturity("cmmm-2020"), PR, grades, "draft-2024-shares")
    assert [ls.exact for ls in m.level_scores[:3]] == a
    assert m.score_exact == sum(a)
    assert (m.level, m.score_hundredths, m.stop_level) == (1, 179, 3)


def test_a_plan_that_cannot_reach_the_target_says_so(library: FormLibrary) -> None:
    """Everything 不适用: no raise can lift any level, so the plan's questionnaire part says that
    raising answers alone does not reach the target (and lists no requirement)."""
    from factory_grader.wording import plan_sentences

    answers = answers_at(library, 2, "hainan-2025")
    answers = replace(answers, requirements={rid: Grade.NA for rid in answers.requirements})
    result = score_answers(library, answers)
    assert result.tier.next_tier == "basic" and result.gaps.plan == ()
    assert not result.gaps.plan_reaches_target
    rules, catalogue = library.rules_for(answers), library.catalogue_for(answers)
    assert (
        plan_sentences(result.gaps, rules, catalogue, "zh")[0]
        == "问卷：仅靠提升问卷得分达不到目标 S"
    )
