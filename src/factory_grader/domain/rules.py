"""Tier rule sets: eligibility, maturity threshold, 环节 coverage, AI share, 建设内容 per tier."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from factory_grader.domain.text import Text


class Confidence(StrEnum):
    """How sure a rule is (domain-facts): nothing below OFFICIAL may be shown as official."""

    OFFICIAL = "official"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True, slots=True)
class Provenance:
    confidence: Confidence
    source: str


class ConditionGroup(StrEnum):
    ELIGIBILITY = "eligibility"  # 要素条件, shared by every tier
    CONTENT = "content"  # a tier's 建设内容 item
    RESULTS = "results"  # a tier's 建设成效


@dataclass(frozen=True, slots=True)
class Condition:
    id: str
    group: ConditionGroup
    text: Text
    hint: Text
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class TierRule:
    id: str  # basic | advanced | excellent | leading
    rank: int
    name: Text
    min_level: int
    min_level_provenance: Provenance
    required_links: tuple[str, ...]
    links_provenance: Provenance
    #: A 环节 counts as covered with at least this many built scenarios mapped to it.
    min_scenarios_per_link: int
    ai_share_min_percent: int
    ai_share_provenance: Provenance
    condition_ids: tuple[str, ...]  # this tier's own items; eligibility is added for every tier


@dataclass(frozen=True, eq=False)
class RuleSet:
    id: str
    version: str
    name: Text
    region: Text
    digest: str
    form_id: str
    scenarios_id: str
    ladder_provenance: Provenance  # why a tier needs the tiers below it
    conditions: tuple[Condition, ...]
    tiers: tuple[TierRule, ...]  # sorted by rank
    _by_id: dict[str, Condition] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {c.id: c for c in self.conditions})

    def condition(self, condition_id: str) -> Condition:
        return self._by_id[condition_id]

    @property
    def eligibility_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.conditions if c.group is ConditionGroup.ELIGIBILITY)

    def tier(self, tier_id: str) -> TierRule:
        return next(t for t in self.tiers if t.id == tier_id)
