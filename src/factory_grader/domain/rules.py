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


class Basis(StrEnum):
    """Where a rule comes from, in the words a manager is shown (BASIS_LABELS)."""

    HAINAN_NOTICE = "hainan-notice"  # the Hainan 2025 call (申报通知)
    HAINAN_PLAN = "hainan-plan"  # the Hainan 2025–2027 work plan (工作方案)
    NATIONAL_TEXT = "national-text"  # an official national text seen in full
    NATIONAL_TRANSCRIPTION = "national-transcription"  # public transcriptions of the 要素条件
    OUR_READING = "our-reading"  # this software's reading; no source states it


BASIS_LABELS: dict[Basis, Text] = {
    Basis.HAINAN_NOTICE: Text("依据：海南省通知", "Source: Hainan notice"),
    Basis.HAINAN_PLAN: Text("依据：海南省工作方案", "Source: Hainan work plan"),
    Basis.NATIONAL_TEXT: Text("依据：国家文件", "Source: national document"),
    Basis.NATIONAL_TRANSCRIPTION: Text(
        "依据：国家要素条件（公开转载）", "Source: national conditions (public transcriptions)"
    ),
    Basis.OUR_READING: Text("本软件的理解", "This software's reading"),
}


@dataclass(frozen=True, slots=True)
class Provenance:
    confidence: Confidence
    source: str  # the source in detail (for the curious and for reviewers)
    basis: Basis = Basis.OUR_READING

    @property
    def label(self) -> Text:
        return BASIS_LABELS[self.basis]


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
    #: The 环节 a 建设内容 item belongs to; None for eligibility, results and tier-wide items.
    link: str | None = None


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
    #: This tier's own items (建设内容 of every 环节, and results); eligibility is added for
    #: every tier. Only required_condition_ids are checked; the rest are optional.
    condition_ids: tuple[str, ...]


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
    #: why a tier requires only the 建设内容 items of the 环节 it must cover
    content_links_provenance: Provenance
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

    def required_condition_ids(self, tier: TierRule) -> tuple[str, ...]:
        """The tier's items it requires: those of the 环节 it must cover, its results item and
        any tier-wide item (no 环节). Items of other 环节 are optional, never blockers."""
        return tuple(
            cid
            for cid in tier.condition_ids
            if (link := self.condition(cid).link) is None or link in tier.required_links
        )

    def optional_condition_ids(self, tier: TierRule) -> tuple[str, ...]:
        required = set(self.required_condition_ids(tier))
        return tuple(cid for cid in tier.condition_ids if cid not in required)
