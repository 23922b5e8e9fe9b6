"""What is stored about factories and assessments, beyond the answers themselves."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # answer_values imports this module
    from factory_grader.domain.answer_values import AnswerValue


class AssessmentStatus(StrEnum):
    DRAFT = "draft"  # saved on every change
    FINAL = "final"  # frozen; reopening makes a new revision


@dataclass(frozen=True, slots=True)
class Factory:
    id: int
    name: str
    credit_code: str | None


@dataclass(frozen=True, slots=True)
class AssessmentSummary:
    id: int
    factory_id: int
    factory_name: str
    credit_code: str | None
    series_id: int  # the first revision's id: all revisions of one assessment share it
    revision: int
    status: AssessmentStatus
    form_id: str
    form_version: str
    form_digest: str
    rules_id: str
    industry_type: str
    created_at: datetime
    updated_at: datetime
    finalised_at: datetime | None
    created_by: str
    #: what was concluded when it was finalised (None: a draft, or finalised before schema 0003)
    final_verdict: FinalVerdict | None = None
    #: versions and digests of the rule set and catalogue (None: not recorded, before 0004)
    rules_version: str | None = None
    rules_digest: str | None = None
    catalogue_version: str | None = None
    catalogue_digest: str | None = None
    #: counts every stored change that can change the verdict (answers, profile, versions;
    #: schema 0006): a stored verdict belongs to one value of it
    answers_rev: int = 0
    #: the last verdict computed and stored (None: none stored, e.g. before schema 0006); it
    #: holds only while its answers_rev and basis are this row's (services.verdicts)
    stored_verdict: StoredVerdict | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a list shows of an assessment: S in hundredths, the maturity level, the tier reached
    (None: no tier)."""

    score_hundredths: int
    level: int
    tier: str | None


@dataclass(frozen=True, slots=True)
class StoredVerdict:
    """A verdict as stored with an assessment, with what it was computed from: the answers'
    revision (AssessmentSummary.answers_rev) and the basis, a digest of the versions and digests
    of the form, rule set and catalogue used and of the app version that scored them."""

    verdict: Verdict
    answers_rev: int
    basis: str


@dataclass(frozen=True, slots=True)
class FinalVerdict:
    """The verdict of a final assessment as it was reached, with the data that reached it: a
    final verdict never changes by itself, and any later difference is reported."""

    score_hundredths: int
    level: int
    tier: str | None
    form_id: str
    form_version: str
    form_digest: str
    rules_id: str
    rules_version: str
    rules_digest: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @staticmethod
    def from_json(data: dict[str, object]) -> FinalVerdict:
        return FinalVerdict(**data)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class RequirementNote:
    comment: str = ""
    review: bool = False  # "mark for review"


@dataclass(frozen=True, slots=True)
class Attachment:
    id: int
    requirement_id: str
    file_name: str
    size: int
    sha256: str
    stored_as: str  # path relative to the attachments folder
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class Versioned:
    """An answer as loaded, with the version to send back when saving it (no lost update)."""

    value: object
    version: int
    by: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class Conflict:
    id: int
    assessment_id: int
    item: str  # requirement:<id> | scenario:<id> | condition:<id>
    yours: AnswerValue  # the value that was not saved
    theirs: AnswerValue  # the value stored when the conflict happened
    by: str
    at: datetime


@dataclass(frozen=True)
class DataVersions:
    """The versions and digests of the form, rule set and catalogue an assessment is scored with."""

    form_version: str
    form_digest: str
    rules_version: str
    rules_digest: str
    catalogue_version: str
    catalogue_digest: str

    def columns(self) -> dict[str, str]:
        return {
            "form_version": self.form_version,
            "form_digest": self.form_digest,
            "rules_version": self.rules_version,
            "rules_digest": self.rules_digest,
            "catalogue_version": self.catalogue_version,
            "catalogue_digest": self.catalogue_digest,
        }
