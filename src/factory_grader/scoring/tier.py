"""Tier placement: the highest tier on the ladder whose every condition holds.

A tier is reached when its own checks hold and every tier below it is reached (the ladder; its
provenance is data in the rule set). Checks: shared eligibility, the maturity level threshold,
环节 coverage from built scenarios, the AI share of built scenarios, and the tier's required
建设内容 items: those of the 环节 it must cover plus tier-wide ones
(RuleSet.required_condition_ids). Items of other 环节 are optional and never block; each tier of
the ladder is judged this way.
"""

from __future__ import annotations

from factory_grader.domain.answers import Answers
from factory_grader.domain.results import (
    AiShareCheck,
    Check,
    CheckKind,
    ConditionCheck,
    CoverageCheck,
    MaturityCheck,
    MaturityResult,
    TierCheck,
    TierResult,
)
from factory_grader.domain.rules import ConditionGroup, RuleSet, TierRule
from factory_grader.domain.scenarios import ScenarioCatalogue

_KIND_OF_GROUP = {
    ConditionGroup.ELIGIBILITY: CheckKind.ELIGIBILITY,
    ConditionGroup.CONTENT: CheckKind.CONTENT,
    ConditionGroup.RESULTS: CheckKind.RESULTS,
}


def ai_conversions_needed(ai: int, built: int, percent: int) -> int:
    """Built scenarios that must also use AI for ai/built to reach percent (integer arithmetic,
    so exactly 20 % passes a 20 % rule)."""
    needed = -(-percent * built // 100)  # ceil
    return max(0, needed - ai)


def _tier_checks(
    rules: RuleSet,
    tier: TierRule,
    answers: Answers,
    maturity: MaturityResult,
    link_counts: dict[str, int],
    built: int,
    ai: int,
) -> tuple[Check, ...]:
    checks: list[Check] = []
    for cid in (*rules.eligibility_ids, *rules.required_condition_ids(tier)):
        value = answers.conditions.get(cid)
        kind = _KIND_OF_GROUP[rules.condition(cid).group]
        checks.append(ConditionCheck(kind, cid, met=value is True, answered=value is not None))
    checks.append(
        MaturityCheck(
            CheckKind.MATURITY,
            tier.id,
            met=maturity.level >= tier.min_level,
            level=maturity.level,
            required_level=tier.min_level,
            score_hundredths=maturity.score_hundredths,
        )
    )
    for link in tier.required_links:
        have = link_counts.get(link, 0)
        checks.append(
            CoverageCheck(
                CheckKind.COVERAGE,
                link,
                met=have >= tier.min_scenarios_per_link,
                built=have,
                required=tier.min_scenarios_per_link,
            )
        )
    if tier.ai_share_min_percent > 0:
        need = ai_conversions_needed(ai, built, tier.ai_share_min_percent)
        checks.append(
            AiShareCheck(
                CheckKind.AI_SHARE,
                tier.id,
                met=built > 0 and need == 0,
                ai=ai,
                built=built,
                required_percent=tier.ai_share_min_percent,
                convert_needed=need if built else 1,
            )
        )
    return tuple(checks)


def place_tier(
    rules: RuleSet, catalogue: ScenarioCatalogue, answers: Answers, maturity: MaturityResult
) -> TierResult:
    link_counts: dict[str, int] = {}
    built = ai = 0
    for scenario in catalogue.scenarios:
        answer = answers.scenario(scenario.id)
        if not answer.built:
            continue
        built += 1
        ai += answer.ai
        link = catalogue.link_of(scenario)
        link_counts[link] = link_counts.get(link, 0) + 1

    tier_checks = tuple(
        TierCheck(t.id, all(c.met for c in checks), checks)
        for t in rules.tiers
        for checks in [_tier_checks(rules, t, answers, maturity, link_counts, built, ai)]
    )
    reached: str | None = None
    first_failed: TierCheck | None = None
    for tc in tier_checks:
        if not tc.met:
            first_failed = tc
            break
        reached = tc.tier_id
    next_tier = first_failed.tier_id if first_failed else None
    decided_by = tuple(c for c in first_failed.checks if not c.met) if first_failed else ()
    covered = tuple(link.id for link in catalogue.links if link_counts.get(link.id, 0) > 0)
    return TierResult(reached, next_tier, tier_checks, decided_by, covered, built, ai)


def claim_gaps(tiers: TierResult, claimed: str | None) -> tuple[Check, ...]:
    """What a claimed tier above the one reached lacks: the unmet checks of every tier up to it
    on the ladder, each once (eligibility repeats on every tier). Empty when it is reached."""
    ladder = [t.tier_id for t in tiers.tiers]
    if claimed not in ladder or (
        tiers.tier is not None and ladder.index(claimed) <= ladder.index(tiers.tier)
    ):
        return ()
    found: dict[tuple[str, str], Check] = {}
    for tier_check in tiers.tiers[: ladder.index(claimed) + 1]:
        for check in tier_check.checks:
            # the maturity and AI checks name their tier: the highest one's figures count
            key = (check.kind.value, "" if check.kind in _PER_TIER else check.subject)
            if not check.met:
                found[key] = check
    return tuple(found.values())


_PER_TIER = (CheckKind.MATURITY, CheckKind.AI_SHARE)
