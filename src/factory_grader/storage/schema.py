"""Typed table models. Changing them means writing a migration in migrations/versions."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so batch migrations on SQLite can find and rebuild them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Stored as UTC, always read back timezone-aware (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FactoryRow(Base):
    __tablename__ = "factory"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class AssessmentRow(Base):
    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("series_id", "revision", name="uq_assessment_series_rev"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    factory_id: Mapped[int] = mapped_column(
        ForeignKey("factory.id", ondelete="CASCADE"), index=True
    )
    series_id: Mapped[int] = mapped_column(Integer, index=True)  # id of revision 1
    revision: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    form_id: Mapped[str] = mapped_column(String(40))
    form_version: Mapped[str] = mapped_column(String(20))
    form_digest: Mapped[str] = mapped_column(String(64))
    rules_id: Mapped[str] = mapped_column(String(40))
    #: the versions and digests of the rule set and scenario catalogue scored with (schema 0004);
    #: NULL: not recorded (created before 0004), the current version is used and this is said
    rules_version: Mapped[str | None] = mapped_column(String(20), nullable=True)
    rules_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    catalogue_version: Mapped[str | None] = mapped_column(String(20), nullable=True)
    catalogue_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: a named weight set of the form; NULL: the form's own weights (schema 0002)
    weights_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    industry_type: Mapped[str] = mapped_column(String(10))
    profile_json: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finalised_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    #: JSON of the FinalVerdict reached at finalising (schema 0003); NULL for drafts
    final_verdict: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: +1 with every stored change that can change the verdict: an answer, the profile's rule
    #: set, weights or industry type, the versions (schema 0006)
    answers_rev: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: the last verdict computed (S in hundredths, level, tier; NULL: none stored), the
    #: answers_rev it was computed at and the basis (data and app version) it was computed with:
    #: shown only while both are still the row's (services.verdicts) (schema 0006)
    verdict_hundredths: Mapped[int | None] = mapped_column(Integer, nullable=True)
    verdict_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    verdict_tier: Mapped[str | None] = mapped_column(String(40), nullable=True)
    verdict_rev: Mapped[int | None] = mapped_column(Integer, nullable=True)
    verdict_basis: Mapped[str | None] = mapped_column(String(64), nullable=True)


class RequirementAnswerRow(Base):
    __tablename__ = "requirement_answer"
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    requirement_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    grade: Mapped[str | None] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(Text, default="")
    review: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ScenarioAnswerRow(Base):
    __tablename__ = "scenario_answer"
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    scenario_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    built: Mapped[bool] = mapped_column(Boolean, default=False)
    ai: Mapped[bool] = mapped_column(Boolean, default=False)
    instance: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=0)
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ConditionAnswerRow(Base):
    __tablename__ = "condition_answer"
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    condition_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[bool | None] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer, default=0)
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class AttachmentRow(Base):
    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    requirement_id: Mapped[str] = mapped_column(String(80))
    file_name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    stored_as: Mapped[str] = mapped_column(String(300))
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ConflictRow(Base):
    """A write refused because the answer changed since it was loaded: both values are kept."""

    __tablename__ = "answer_conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    item: Mapped[str] = mapped_column(String(120))
    yours: Mapped[str] = mapped_column(Text)
    theirs: Mapped[str] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ParticipantRow(Base):
    """A workshop participant of one assessment (schema 0007)."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("assessment_id", "name", name="uq_participant_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(100), default="")
    #: JSON list of sub-domain ids asked about; NULL: every requirement
    subdomains: Mapped[str | None] = mapped_column(Text, nullable=True)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    #: when their fill-in workbook last came back (NULL: not yet), even one left blank
    returned_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class VoteRow(Base):
    """A participant's returned grade and comment on one requirement (schema 0007)."""

    __tablename__ = "vote"
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    requirement_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    grade: Mapped[str | None] = mapped_column(String(8), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    returned_at: Mapped[datetime] = mapped_column(UtcDateTime())
    source: Mapped[str] = mapped_column(String(255), default="")


class AgreementRow(Base):
    """Why an answer was agreed in the workshop, by whom, when (schema 0007)."""

    __tablename__ = "agreement"
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    requirement_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    grade: Mapped[str | None] = mapped_column(String(8), nullable=True)
    rationale: Mapped[str] = mapped_column(Text, default="")
    agreed_by: Mapped[str] = mapped_column(String(100))
    agreed_at: Mapped[datetime] = mapped_column(UtcDateTime())
