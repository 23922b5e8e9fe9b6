"""Gap analysis: what blocks the next tier, and which requirement improvements raise S most.

Every price is exact: a grade change moves one level score by coefficient × value difference
(see MaturityTerms), and S is recomputed from the five level scores with the real stop rule, so a
step that lifts a level over the pass mark is credited with the levels it unlocks.
"""

from __future__ import annotations

import heapq

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
    MaturityResult,
    TierResult,
)
from factory_grader.domain.rules import RuleSet
from factory_grader.scoring.maturity import (
    Grades,
    MaturityTerms,
    maturity_terms,
    total_from_levels,
)

_MIN_GAIN = 1e-12


def _step_index(grade: Grade | None) -> int:
    return 0 if grade is None else SCORED_GRADES.index(grade)


def rank_improvements(
    form: MaturityForm, industry: IndustryType, grades: Grades, limit: int | None = None
) -> tuple[Improvement, ...]:
    """Each requirement's best raise (by gain per grade step) that lifts S now, best first."""
    terms = maturity_terms(form, industry, grades)
    values = [form.grade_values[g] for g in SCORED_GRADES]
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
    _, base_raw, stop = total_from_levels(raws, pass_mark)
    stop_level = stop or len(LEVELS)
    found: list[tuple[float, float, int, Improvement]] = []
    for order, req in enumerate(form.requirements):
        if req.id not in terms.values or req.level > stop_level:
            continue  # 不适用 / other industry type, or above the stop level: adds nothing to S
        current = grades.get(req.id)
        start = _step_index(current)
        coef = terms.coefficients[req.level - 1][req.id]
        best: Improvement | None = None
        for target in range(start + 1, len(SCORED_GRADES)):
            delta = coef * (values[target] - values[start])
            trial = list(raws)
            trial[req.level - 1] += delta
            after_h, after_raw, _ = total_from_levels(trial, pass_mark)
            # Below the stop level a raise adds exactly itself; at it, it may unlock higher levels.
            gain = delta if req.level < stop_level else after_raw - base_raw
            steps = target - start
            if gain <= _MIN_GAIN or (best and gain / steps <= best.gain_per_step):
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
                after_h,
            )
        if best:
            found.append((-best.gain_per_step, -best.gain, order, best))
    found.sort(key=lambda item: item[:3])
    ranked = tuple(item[3] for item in found)
    return ranked if limit is None else ranked[:limit]


def plan_to_target(
    form: MaturityForm, industry: IndustryType, grades: Grades, target_hundredths: int
) -> tuple[tuple[Improvement, ...], bool]:
    """A greedy path of one-grade steps, best gain per step first, until S reaches the target.

    Steps on the same requirement are merged into one to-do item; each item's score_after is S
    once it and every item before it are done. Returns (items, reached).
    """
    terms = maturity_terms(form, industry, grades)
    values = [form.grade_values[g] for g in SCORED_GRADES]
    raws = [terms.level_raw(level) for level in LEVELS]
    pass_mark = form.pass_mark_hundredths
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
    total_h, total_raw, stop = total_from_levels(raws, pass_mark)
    while total_h < target_hundredths:
        best: tuple[float, int, int] | None = None  # (gain, -order, level index)
        for index in range(stop or len(LEVELS)):  # above the stop level a raise adds nothing yet
            if not heaps[index]:
                continue
            neg_delta, rank, _ = heaps[index][0]
            trial = list(raws)
            trial[index] -= neg_delta
            gain = total_from_levels(trial, pass_mark)[1] - total_raw
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
        total_h, total_raw, stop = total_from_levels(raws, pass_mark)
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
        _, before_raw, _ = total_from_levels(raws, pass_mark)
        level = terms.levels[rid]
        coef = terms.coefficients[level - 1][rid]
        raws[level - 1] += coef * (values[end[rid]] - values[start[rid]])
        after_h, after_raw, _ = total_from_levels(raws, pass_mark)
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
                after_h,
            )
        )
    return tuple(items)


def analyse_gaps(
    form: MaturityForm,
    rules: RuleSet,
    industry: IndustryType,
    grades: Grades,
    maturity: MaturityResult,
    tier: TierResult,
    limit: int = 20,
) -> GapReport:
    """limit=0: only what blocks the next tier, no improvements or plan (a summary's needs)."""
    improvements = rank_improvements(form, industry, grades, limit) if limit else ()
    if tier.next_tier is None:
        return GapReport(None, (), None, improvements, (), True)
    tier_check = next(t for t in tier.tiers if t.tier_id == tier.next_tier)
    unmet = tuple(c for c in tier_check.checks if not c.met)
    target: int | None = None
    plan: tuple[Improvement, ...] = ()
    reached = True
    if any(c.kind is CheckKind.MATURITY for c in unmet):
        level = rules.tier(tier.next_tier).min_level
        target = form.band_for_level(level).min_hundredths
        if limit:
            plan, reached = plan_to_target(form, industry, grades, target)
    return GapReport(tier.next_tier, unmet, target, improvements, plan, reached)
