"""The maturity questionnaire: GB/T 39116 elements, domains, sub-domains, requirements, bands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from factory_grader.domain.text import Text

LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)


class IndustryType(StrEnum):
    DISCRETE = "discrete"  # 离散型
    PROCESS = "process"  # 流程型


class Grade(StrEnum):
    """How far a requirement is met. NA (不适用) is left out of scoring."""

    FULL = "full"  # 全部满足
    MOST = "most"  # 大部分满足
    PARTIAL = "partial"  # 部分满足
    NONE = "none"  # 不满足
    NA = "na"  # 不适用


#: Grades that carry a value, from worst to best: the order in which an answer improves.
SCORED_GRADES: tuple[Grade, ...] = (Grade.NONE, Grade.PARTIAL, Grade.MOST, Grade.FULL)

Weights = Mapping[IndustryType, float]


@dataclass(frozen=True, slots=True)
class Element:
    """A group of domains, for display only: it adds no weighting of its own."""

    id: str
    name: Text


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    name: Text
    element_id: str
    weights: Weights


@dataclass(frozen=True, slots=True)
class SubDomain:
    id: str
    name: Text
    domain_id: str
    weights: Weights


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    subdomain_id: str
    level: int
    text: Text
    evidence: Text
    applies_to: frozenset[IndustryType]


@dataclass(frozen=True, slots=True)
class WeightSet:
    """A named alternative to the form's domain weights (an estimate, like the default), chosen
    per assessment. Domains it does not name keep the form's weight."""

    id: str
    name: Text
    note: Text
    domain_weights: Mapping[str, Weights]

    def weight(self, domain: Domain, industry: IndustryType) -> float:
        own = self.domain_weights.get(domain.id)
        return own[industry] if own is not None else domain.weights[industry]


#: The id of the form's own weights (every domain as the form says: equal by default).
DEFAULT_WEIGHTS = "default"
DEFAULT_WEIGHTS_NAME = Text(
    "各能力域等权（默认，估计值）", "Every domain weighs the same (default; an estimate)"
)


@dataclass(frozen=True, slots=True)
class LevelBand:
    """S in [min, max) gives this level; scores are integer hundredths (see scoring.rounding)."""

    level: int  # 0 = below level 1 (未达一级)
    name: Text
    min_hundredths: int
    max_hundredths: int  # exclusive, except the top band which includes 5.00


@dataclass(frozen=True, eq=False)
class MaturityForm:
    id: str
    version: str
    name: Text
    digest: str
    weights_note: Text
    disclaimer: Text
    elements: tuple[Element, ...]
    domains: tuple[Domain, ...]
    subdomains: tuple[SubDomain, ...]
    requirements: tuple[Requirement, ...]
    grade_values: Mapping[Grade, float]
    #: A level counts as achieved when its score is at least this (0.80 → 80).
    pass_mark_hundredths: int
    bands: tuple[LevelBand, ...]
    #: Named alternatives to the default weights, selectable per assessment (off by default).
    weight_sets: tuple[WeightSet, ...] = ()
    _by_id: dict[str, Requirement] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r.id: r for r in self.requirements})

    def requirement(self, requirement_id: str) -> Requirement | None:
        return self._by_id.get(requirement_id)

    def band_for_level(self, level: int) -> LevelBand:
        return next(b for b in self.bands if b.level == level)

    def subdomain(self, subdomain_id: str) -> SubDomain:
        return next(s for s in self.subdomains if s.id == subdomain_id)

    def weights_note_for(self, weights_id: str | None) -> Text:
        """What to say about the weights in use: the chosen set's note, or the form's."""
        chosen = self.weight_set(weights_id)
        return chosen.note if chosen else self.weights_note

    def weights_name(self, weights_id: str | None) -> Text:
        """What the weights in use are called, for every screen, report and sheet."""
        chosen = self.weight_set(weights_id)
        return chosen.name if chosen else DEFAULT_WEIGHTS_NAME

    def weight_set(self, weights_id: str | None) -> WeightSet | None:
        """The named set, or None for the form's own weights (DEFAULT_WEIGHTS or None)."""
        if weights_id in (None, DEFAULT_WEIGHTS):
            return None
        return next((w for w in self.weight_sets if w.id == weights_id), None)
