"""Gap analysis: what blocks the next tier, and the plan that reaches it.

Every price is exact: a grade change moves one level score by coefficient × value difference
(see MaturityTerms), and S is recomputed from the five level scores with the real stop rule, so a
step that lifts a level over the pass mark is credited with the levels it unlocks.

What reaches a maturity level L: S ≥ the band's lower edge, which needs A₁ … A_L all at the pass
mark (a level under it stops S below the edge). So the level that blocks is the first of A₁ … A_L
under the pass mark: steps there come first, in the plan and in the ranking; a step that cannot
change the level or tier (above the stop level, or below the blocking level while it blocks) is
never ranked above one that can.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from factory_grader.domain.answers import Answers
from factory_grader.domain.maturity_model import (
    LEVELS,
    SCORED_GRADES,
    Grade,
    IndustryType,
    MaturityForm,
)
from factory_grader.domain.results import (
    CheckKind,
    GapReport,
    Improvement,
    LevelRaise,
    LinkGap,
    MaturityResult,
    TierResult,
)
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.scoring.maturity import (
    Grades,
    MaturityTerms,
    level_hundredths,
    maturity_terms,
    score_hundredths,
    total_from_levels,
)
from factory_grader.scoring.rounding import reaches
from factory_grader.scoring.tier import ai_conversions_needed

_MIN_GAIN = 1e-12


def _step_index(grade: Grade | None) -> int:
    return 0 if grade is None else SCORED_GRADES.index(grade)


def blocking_level(raws: Sequence[float], pass_mark: int, target_level: int | None) -> int | None:
    """The first of levels 1 … target_level whose score is under the pass mark (None: none)."""
    if target_level is None:
        return None
    for level in range(1, target_level + 1):
        if not reaches(raws[level - 1], pass_mark):
            return level
    return None


def rank_improvements(
    form: MaturityForm,
    industry: IndustryType,
    grades: Grades,
    limit: int | None = None,
    target_level: int | None = None,
    weights_id: str | None = None,
) -> tuple[Improvement, ...]:
    """Each requirement's best raise (by gain per grade step), best first: raises at the level
    that blocks target_level first, then the rest. A raise is listed only when it changes a
    shown figure (S, or the score of its level); one that changes nothing visible is no help
    to show."""
    terms = maturity_terms(form, industry, grades, weights_id)
    values = [form.grade_values[g] for g in SCORED_GRADES]
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
    base_raw, stop = total_from_levels(raws, pass_mark)
    base_shown = score_hundredths(form, base_raw)
    blocker = blocking_level(raws, pass_mark, target_level)
    stop_level = stop or len(LEVELS)
    found: list[tuple[int, float, float, int, Improvement]] = []
    for order, req in enumerate(form.requirements):
        if req.id not in terms.values or req.level > stop_level:
            continue  # 不适用 / other industry type, or above the stop level: adds nothing to S
        current = grades.get(req.id)
        start = _step_index(current)
        coef = terms.coefficients[req.level - 1][req.id]
        level_shown = level_hundredths(form, raws[req.level - 1])
        best: Improvement | None = None
        for target in range(start + 1, len(SCORED_GRADES)):
            delta = coef * (values[target] - values[start])
            trial = list(raws)
            trial[req.level - 1] += delta
            after_raw, _ = total_from_levels(trial, pass_mark)
            after_shown = score_hundredths(form, after_raw)
            visible = after_shown != base_shown or (
                level_hundredths(form, trial[req.level - 1]) != level_shown
            )
            gain = after_raw - base_raw
            steps = target - start
            if not visible or gain <= _MIN_GAIN:
                continue
            if best and gain / steps <= best.gain_per_step:
                continue
            best = Improvement(
                req.id,
                req.subdomain_id,
                req.level,
                current,
                SCORED_GRADES[target],
                steps,
                gain,
                gain / steps,
                after_shown,
            )
        if best:
            group = 0 if req.level == blocker else 1
            found.append((group, -best.gain_per_step, -best.gain, order, best))
    found.sort(key=lambda item: item[:4])
    ranked = tuple(item[4] for item in found)
    return ranked if limit is None else ranked[:limit]


def plan_to_target(
    form: MaturityForm,
    industry: IndustryType,
    grades: Grades,
    target_hundredths: int,
    target_level: int | None = None,
    weights_id: str | None = None,
) -> tuple[tuple[Improvement, ...], bool]:
    """One-grade steps until S reaches the target: while a level up to target_level is under the
    pass mark, the biggest steps at the first such level (per requirement the steps shrink, so
    this takes the fewest steps that lift that level); after that, the best gain to S.

    Steps on the same requirement are merged into one to-do item; each item's score_after is S
    once it and every item before it are done. Returns (items, reached).
    """
    terms = maturity_terms(form, industry, grades, weights_id)
    values = [form.grade_values[g] for g in SCORED_GRADES]
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
    if target_level is None:
        target_level = next(
            (b.level for b in form.bands if b.min_hundredths == target_hundredths), None
        )
    position = {rid: _step_index(grades.get(rid)) for rid in terms.values}
    order = {r.id: i for i, r in enumerate(form.requirements)}
    # One heap per level of (−level-score raise of the next step, form order, requirement id).
    heaps: list[list[tuple[float, int, str]]] = [[] for _ in LEVELS]
    for rid, pos in position.items():
        if pos + 1 < len(values):
            delta = terms.coefficients[terms.levels[rid] - 1][rid] * (values[pos + 1] - values[pos])
            heaps[terms.levels[rid] - 1].append((-delta, order[rid], rid))
    for heap in heaps:
        heapq.heapify(heap)

    sequence: list[str] = []
    start_pos = dict(position)
    total_raw, stop = total_from_levels(raws, pass_mark)
    while not reaches(total_raw, target_hundredths):
        blocker = blocking_level(raws, pass_mark, target_level)
        candidates = [blocker - 1] if blocker else range(stop or len(LEVELS))
        best: tuple[float, int, int] | None = None  # (gain, -order, level index)
        for index in candidates:
            if not heaps[index]:
                continue
            neg_delta, rank, _ = heaps[index][0]
            trial = list(raws)
            trial[index] -= neg_delta
            gain = total_from_levels(trial, pass_mark)[0] - total_raw
            if gain > _MIN_GAIN and (best is None or (gain, -rank) > best[:2]):
                best = (gain, -rank, index)
        if best is None:
            return _merge(form, terms, grades, start_pos, position, sequence), False
        neg_delta, _, rid = heapq.heappop(heaps[best[2]])
        raws[best[2]] -= neg_delta
        position[rid] += 1
        if rid not in sequence:
            sequence.append(rid)
        pos = position[rid]
        if pos + 1 < len(values):
            delta = terms.coefficients[best[2]][rid] * (values[pos + 1] - values[pos])
            heapq.heappush(heaps[best[2]], (-delta, order[rid], rid))
        total_raw, stop = total_from_levels(raws, pass_mark)
    return _merge(form, terms, grades, start_pos, position, sequence), True


def _merge(
    form: MaturityForm,
    terms: MaturityTerms,
    grades: Grades,
    start: dict[str, int],
    end: dict[str, int],
    sequence: list[str],
) -> tuple[Improvement, ...]:
    values = [form.grade_values[g] for g in SCORED_GRADES]
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
    items: list[Improvement] = []
    for rid in sequence:
        before_raw, _ = total_from_levels(raws, pass_mark)
        level = terms.levels[rid]
        coef = terms.coefficients[level - 1][rid]
        raws[level - 1] += coef * (values[end[rid]] - values[start[rid]])
        after_raw, _ = total_from_levels(raws, pass_mark)
        steps = end[rid] - start[rid]
        gain = after_raw - before_raw
        req = form.requirement(rid)
        assert req is not None  # sequence holds ids taken from the form
        items.append(
            Improvement(
                rid,
                req.subdomain_id,
                level,
                grades.get(rid),
                SCORED_GRADES[end[rid]],
                steps,
                gain,
                gain / steps,
                score_hundredths(form, after_raw),
            )
        )
    return tuple(items)


def _level_raises(
    form: MaturityForm,
    industry: IndustryType,
    grades: Grades,
    plan: Sequence[Improvement],
    weights_id: str | None,
) -> tuple[LevelRaise, ...]:
    """The level scores the plan changes, as shown before and after it."""
    before = maturity_terms(form, industry, grades, weights_id)
    planned = {**grades, **{i.requirement_id: i.target for i in plan}}
    after = maturity_terms(form, industry, planned, weights_id)
    raised = sorted({i.level for i in plan})
    return tuple(
        LevelRaise(
            level,
            level_hundredths(form, before.level_raw(level)),
            level_hundredths(form, after.level_raw(level)),
        )
        for level in raised
    )


def _links_to_cover(
    catalogue: ScenarioCatalogue, answers: Answers, subjects: Sequence[str]
) -> tuple[LinkGap, ...]:
    return tuple(
        LinkGap(
            link,
            tuple(
                s.id
                for s in catalogue.scenarios
                if catalogue.link_of(s) == link and not answers.scenario(s.id).built
            ),
        )
        for link in subjects
    )


def analyse_gaps(
    form: MaturityForm,
    rules: RuleSet,
    catalogue: ScenarioCatalogue,
    answers: Answers,
    maturity: MaturityResult,
    tier: TierResult,
    limit: int = 20,
) -> GapReport:
    """limit=0: only what blocks the next tier, no improvements or plan (a summary's needs)."""
    industry, grades, weights = answers.industry_type, answers.requirements, answers.weights_id
    next_rule = rules.tier(tier.next_tier) if tier.next_tier else None
    tier_check = next((t for t in tier.tiers if t.tier_id == tier.next_tier), None)
    unmet = tuple(c for c in tier_check.checks if not c.met) if tier_check else ()
    maturity_unmet = any(c.kind is CheckKind.MATURITY for c in unmet)
    target_level = next_rule.min_level if next_rule and maturity_unmet else None
    improvements = (
        rank_improvements(form, industry, grades, limit, target_level, weights) if limit else ()
    )
    if next_rule is None:
        return GapReport(None, (), None, improvements, (), True)
    target: int | None = None
    plan: tuple[Improvement, ...] = ()
    reached = True
    raises: tuple[LevelRaise, ...] = ()
    if target_level is not None:
        target = form.band_for_level(target_level).min_hundredths
        if limit:
            plan, reached = plan_to_target(form, industry, grades, target, target_level, weights)
            raises = _level_raises(form, industry, grades, plan, weights)
    coverage = [c.subject for c in unmet if c.kind is CheckKind.COVERAGE]
    links = _links_to_cover(catalogue, answers, coverage)
    ai_needed = 0
    if next_rule.ai_share_min_percent:
        # Scenarios built to cover a 环节 count in the share too (as built without AI).
        new_built = sum(
            max(0, next_rule.min_scenarios_per_link - _built_in(catalogue, answers, link))
            for link in coverage
        )
        ai_needed = ai_conversions_needed(
            tier.ai_count, max(1, tier.built_count + new_built), next_rule.ai_share_min_percent
        )
    conditions = tuple(
        c.subject
        for c in unmet
        if c.kind in (CheckKind.ELIGIBILITY, CheckKind.CONTENT, CheckKind.RESULTS)
    )
    return GapReport(
        tier.next_tier,
        unmet,
        target,
        improvements,
        plan,
        reached,
        plan_levels=raises,
        plan_score_after_hundredths=plan[-1].score_after_hundredths if plan else None,
        links_to_cover=links,
        ai_needed=ai_needed,
        conditions_to_meet=conditions,
    )


def _built_in(catalogue: ScenarioCatalogue, answers: Answers, link: str) -> int:
    return sum(
        1
        for s in catalogue.scenarios
        if catalogue.link_of(s) == link and answers.scenario(s.id).built
    )
