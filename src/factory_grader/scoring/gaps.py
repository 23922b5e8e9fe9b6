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
from fractions import Fraction

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
    scaled_total,
)
from factory_grader.scoring.rounding import reaches_scaled, shown_scaled
from factory_grader.scoring.tier import ai_conversions_needed


def _step_index(grade: Grade | None) -> int:
    return 0 if grade is None else SCORED_GRADES.index(grade)


def blocking_level(
    raws: Sequence[int], pass_mark: int, target_level: int | None, scale: int
) -> int | None:
    """The first of levels 1 … target_level whose score (raws / scale) is under the pass mark
    (None: none)."""
    if target_level is None:
        return None
    for level in range(1, target_level + 1):
        if not reaches_scaled(raws[level - 1], pass_mark, scale):
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
    values, scale = terms.step_values, terms.scale
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
    edges = [b.min_hundredths for b in form.bands]
    base_raw, stop = scaled_total(raws, pass_mark, scale)
    base_shown = shown_scaled(base_raw, scale, edges)
    blocker = blocking_level(raws, pass_mark, target_level, scale)
    stop_level = stop or len(LEVELS)
    level_shown = [shown_scaled(raw, scale, (pass_mark,)) for raw in raws]
    found: list[tuple[int, Fraction, int, int, Improvement]] = []
    for order, req in enumerate(form.requirements):
        if req.id not in terms.values or req.level > stop_level:
            continue  # 不适用 / other industry type, or above the stop level: adds nothing to S
        current = grades.get(req.id)
        start = _step_index(current)
        coef = terms.coefficients[req.level - 1][req.id]
        best: tuple[Fraction, int, int, int] | None = None  # per step, gain, target, shown
        for target in range(start + 1, len(SCORED_GRADES)):
            delta = coef * (values[target] - values[start])
            if req.level < stop_level:  # a passing level stays passing: S rises by delta
                after_raw = base_raw + delta
            else:  # at the stop level a raise may pass it and unlock the levels above
                trial = list(raws)
                trial[req.level - 1] += delta
                after_raw = scaled_total(trial, pass_mark, scale)[0]
            gain, steps = after_raw - base_raw, target - start
            per_step = Fraction(gain, steps)
            if gain <= 0 or (best is not None and per_step <= best[0]):
                continue
            after_shown = shown_scaled(after_raw, scale, edges)
            if after_shown == base_shown and (
                shown_scaled(raws[req.level - 1] + delta, scale, (pass_mark,))
                == level_shown[req.level - 1]
            ):
                continue  # changes nothing a reader can see
            best = (per_step, gain, target, after_shown)
        if best:
            per_step, gain, target, after_shown = best
            item = Improvement(
                req.id,
                req.subdomain_id,
                req.level,
                current,
                SCORED_GRADES[target],
                target - start,
                gain / scale,
                float(per_step / scale),
                after_shown,
            )
            group = 0 if req.level == blocker else 1
            found.append((group, -per_step, -gain, order, item))
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
    values, scale = terms.step_values, terms.scale
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
    if target_level is None:
        target_level = next(
            (b.level for b in form.bands if b.min_hundredths == target_hundredths), None
        )
    position = {rid: _step_index(grades.get(rid)) for rid in terms.values}
    order = {r.id: i for i, r in enumerate(form.requirements)}
    # One heap per level of (−level-score raise of the next step, form order, requirement id).
    heaps: list[list[tuple[int, int, str]]] = [[] for _ in LEVELS]
    for rid, pos in position.items():
        if pos + 1 < len(values):
            delta = terms.coefficients[terms.levels[rid] - 1][rid] * (values[pos + 1] - values[pos])
            heaps[terms.levels[rid] - 1].append((-delta, order[rid], rid))
    for heap in heaps:
        heapq.heapify(heap)

    sequence: list[str] = []
    start_pos = dict(position)
    total_raw, stop = scaled_total(raws, pass_mark, scale)
    while not reaches_scaled(total_raw, target_hundredths, scale):
        blocker = blocking_level(raws, pass_mark, target_level, scale)
        candidates = [blocker - 1] if blocker else range(stop or len(LEVELS))
        best: tuple[int, int, int] | None = None  # (gain, -order, level index)
        for index in candidates:
            if not heaps[index]:
                continue
            neg_delta, rank, _ = heaps[index][0]
            trial = list(raws)
            trial[index] -= neg_delta
            gain = scaled_total(trial, pass_mark, scale)[0] - total_raw
            if gain > 0 and (best is None or (gain, -rank) > best[:2]):
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
        total_raw, stop = scaled_total(raws, pass_mark, scale)
    return _merge(form, terms, grades, start_pos, position, sequence), True


def _merge(
    form: MaturityForm,
    terms: MaturityTerms,
    grades: Grades,
    start: dict[str, int],
    end: dict[str, int],
    sequence: list[str],
) -> tuple[Improvement, ...]:
    values, scale = terms.step_values, terms.scale
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
    edges = [b.min_hundredths for b in form.bands]
    items: list[Improvement] = []
    for rid in sequence:
        before_raw, _ = scaled_total(raws, pass_mark, scale)
        level = terms.levels[rid]
        coef = terms.coefficients[level - 1][rid]
        raws[level - 1] += coef * (values[end[rid]] - values[start[rid]])
        after_raw, _ = scaled_total(raws, pass_mark, scale)
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
                gain / scale,
                gain / scale / steps,
                shown_scaled(after_raw, scale, edges),
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
            level_hundredths(form, before.exact(before.level_raw(level))),
            level_hundredths(form, after.exact(after.level_raw(level))),
        )
        for level in raised
    )


def _links_to_cover(
    catalogue: ScenarioCatalogue, answers: Answers, subjects: Sequence[str], per_link: int
) -> tuple[LinkGap, ...]:
    return tuple(
        LinkGap(
            link,
            tuple(
                s.id
                for s in catalogue.scenarios
                if catalogue.link_of(s) == link and not answers.scenario(s.id).built
            ),
            max(0, per_link - _built_in(catalogue, answers, link)),
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
    links = _links_to_cover(catalogue, answers, coverage, next_rule.min_scenarios_per_link)
    ai_needed = 0
    if next_rule.ai_share_min_percent:
        # Scenarios built to cover a 环节 count in the share too (as built without AI).
        new_built = sum(gap.needed for gap in links)
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
