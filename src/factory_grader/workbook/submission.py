"""Everything a submission workbook shows, gathered before any cell is written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from factory_grader.domain.answers import Answers
from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.results import AssessmentResult
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.domain.text import Lang

#: /3: the printed layout of issue 12 §4 (the radar on the page of the sub-domain table, a long
#: comment or 实例 continued in the rows below). /2: city and industry are named on 封面 from
#: their codes, in the workbook's language, and the profile carries the codes; /1 (before)
#: showed the profile text exactly as stored. verify re-renders each the way it was written.
SCHEMA = "factory-grader-submission/4"
SCHEMA_3 = "factory-grader-submission/3"
SCHEMA_2 = "factory-grader-submission/2"
SCHEMA_1 = "factory-grader-submission/1"
SCHEMAS_READ = (SCHEMA_1, SCHEMA_2, SCHEMA_3, SCHEMA)
#: 封面 with the claim bare and the export time in UTC (since /4: a claim above the computed tier
#: says so, the time is Beijing time)
PLAIN_COVER = frozenset({SCHEMA_1, SCHEMA_2, SCHEMA_3})
#: the layout before /3: each comment and 实例 in one cell, the radar on a page of its own
SINGLE_CELL_LAYOUT = frozenset({SCHEMA_1, SCHEMA_2})
MACHINE_SHEET = "fg_data"


@dataclass(frozen=True, slots=True)
class Evidence:
    requirement_id: str
    file_name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class ExportInfo:
    app_version: str
    exported_at: str  # ISO 8601, UTC, seconds
    lang: Lang
    claimed_tier: str | None  # 申报等级: the tier the factory applies for
    assessment_id: int | None  # None when exported from an answers file
    revision: int | None
    schema: str = SCHEMA  # an older one only to re-render an older workbook when verifying


@dataclass(frozen=True)
class Submission:
    answers: Answers
    result: AssessmentResult
    form: MaturityForm
    rules: RuleSet
    catalogue: ScenarioCatalogue
    info: ExportInfo
    evidence: tuple[Evidence, ...]
    #: Sentences for the unmet checks of the next tier (factory_grader.wording words them).
    unmet_sentences: tuple[str, ...]
    #: for each unmet sentence, what earlier versions of the app wrote instead (verify accepts)
    unmet_earlier: tuple[tuple[str, ...], ...]
    rule_sentence: str
    #: The plan to the next tier, one sentence per part (wording.plan_sentences).
    plan_sentences: tuple[str, ...] = ()
    #: profile fields stored by code (city, industry) as the workbook's language names them
    profile_shown: Mapping[str, str] = field(default_factory=dict)
