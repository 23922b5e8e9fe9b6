"""What scoring returns: every figure plus the reasons behind it, ready for a screen or a sheet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from factory_grader.domain.maturity_model import Grade


@dataclass(frozen=True, slots=True)
class Problem:
    """Something about the answers worth telling the user; scoring still completes."""

    code: str  # unanswered-requirement | unanswered-condition | ai-without-built | nothing-scorable
    subject: str  # the id concerned (or the level for nothing-scorable)


@dataclass(frozen=True, slots=True)
class LevelScore:
    level: int
    hundredths: int  # Aᵢ as shown (scoring.rounding): never shown passing when it fails
    raw: float  # Aᵢ as a float (for JSON and charts)
    exact: Fraction  # Aᵢ exactly: what every decision uses
    scorable: bool  # False: nothing at this level could be scored (all 不适用)
    counted: bool  # part of S: at or below the first level under the pass mark


@dataclass(frozen=True)
class MaturityResult:
    score_hundredths: int  # S as shown (scoring.rounding): never shown in a higher band
    score_raw: float  # S as a float (for JSON and charts)
    score_exact: Fraction  # S exactly: what the level and every decision use
    level: int  # 0 = 未达一级
    level_scores: tuple[LevelScore, ...]
    #: The first level whose score is under the pass mark: S stops there. None when all pass.
    stop_level: int | None
    #: sub-domain id -> its score at levels 1..5 (None where nothing there is scorable)
    subdomain_scores: Mapping[str, tuple[float | None, ...]]
    #: sub-domain id -> its effective weight in A1..A5 after rescaling (None: not scorable)
    subdomain_weights: Mapping[str, tuple[float | None, ...]]
    unanswered: tuple[str, ...]

    @property
    def score(self) -> float:
        return self.score_hundredths / 100


class CheckKind(StrEnum):
    ELIGIBILITY = "eligibility"
    MATURITY = "maturity"
    COVERAGE = "coverage"
    AI_SHARE = "ai_share"
    CONTENT = "content"
    RESULTS = "results"


@dataclass(frozen=True)
class Check:
    """One condition of one tier, evaluated. A kind with figures behind it is a subclass that
    carries them as typed fields (figures() gives them as JSON)."""

    kind: CheckKind
    subject: str  # condition id, 环节 id, or the tier id for maturity / AI share
    met: bool
    answered: bool = True

    def figures(self) -> dict[str, int]:
        """The figures behind the check, for JSON (empty for a condition)."""
        return {}


@dataclass(frozen=True)
class ConditionCheck(Check):
    """An eligibility, 建设内容 or 建设成效 condition: answered yes, no, or not at all."""


@dataclass(frozen=True, kw_only=True)
class MaturityCheck(Check):
    """The tier's maturity level: met when the level S gives reaches required_level."""

    level: int
    required_level: int
    score_hundredths: int

    def figures(self) -> dict[str, int]:
        return {
            "level": self.level,
            "required_level": self.required_level,
            "score_hundredths": self.score_hundredths,
        }


@dataclass(frozen=True, kw_only=True)
class CoverageCheck(Check):
    """A 环节 the tier needs: met when it has required built scenarios."""

    built: int
    required: int

    def figures(self) -> dict[str, int]:
        return {"built": self.built, "required": self.required}


@dataclass(frozen=True, kw_only=True)
class AiShareCheck(Check):
    """The share of built scenarios that use AI: met when at least required_percent."""

    ai: int
    built: int
    required_percent: int
    convert_needed: int  # built scenarios still to be given AI (1 when nothing is built)

    def figures(self) -> dict[str, int]:
        return {
            "ai": self.ai,
            "built": self.built,
            "required_percent": self.required_percent,
            "convert_needed": self.convert_needed,
        }


@dataclass(frozen=True)
class TierCheck:
    tier_id: str
    met: bool  # this tier's own checks all hold (the ladder is applied in TierResult.tier)
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class TierResult:
    tier: str | None  # highest tier reached on the ladder
    next_tier: str | None
    tiers: tuple[TierCheck, ...]
    #: The failing checks of the first tier not reached: the rule that decided the tier.
    decided_by: tuple[Check, ...]
    covered_links: tuple[str, ...]
    built_count: int
    ai_count: int


@dataclass(frozen=True, slots=True)
class Improvement:
    requirement_id: str
    subdomain_id: str
    level: int
    current: Grade | None
    target: Grade
    steps: int  # grade steps from current to target (none→partial→most→full)
    gain: float  # raise of S (untruncated)
    gain_per_step: float
    score_after_hundredths: int


@dataclass(frozen=True, slots=True)
class LevelRaise:
    """A level score the plan raises, as shown before and after it."""

    level: int
    before_hundredths: int
    after_hundredths: int


@dataclass(frozen=True, slots=True)
class LinkGap:
    """A 环节 the next tier needs covered, with the not-yet-built scenarios that would cover it."""

    link_id: str
    candidates: tuple[str, ...]
    needed: int = 1  # how many more built scenarios the 环节 needs


@dataclass(frozen=True)
class GapReport:
    next_tier: str | None
    unmet: tuple[Check, ...]  # every unmet check of the next tier
    #: The S the next tier needs, when its maturity check is unmet.
    target_hundredths: int | None
    #: Single-requirement improvements that change a shown figure, those at the level that
    #: blocks the next tier first, then best gain per step.
    improvements: tuple[Improvement, ...]
    #: The questionnaire part of the plan to the next tier: requirement raises, blocking level
    #: first, until S reaches target_hundredths.
    plan: tuple[Improvement, ...]
    plan_reaches_target: bool
    plan_levels: tuple[LevelRaise, ...] = ()
    plan_score_after_hundredths: int | None = None
    #: The rest of the plan to the next tier: 环节 to cover, AI scenarios, conditions.
    links_to_cover: tuple[LinkGap, ...] = ()
    ai_needed: int = 0
    conditions_to_meet: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentResult:
    maturity: MaturityResult
    tier: TierResult
    gaps: GapReport
    problems: tuple[Problem, ...]
