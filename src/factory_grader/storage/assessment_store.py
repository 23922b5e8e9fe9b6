"""Assessments in the database: create, list, load, change one answer at a time, finalise, reopen.

Every method is one short transaction. Every answer row carries a version: a save names the
version it was loaded at, and a save against a newer version is refused (no lost update) and kept
as an open conflict with both values.

Every write that can change the verdict (an answer, the profile's rule set, weights or industry
type, the versions) adds one to the assessment's answers_rev, and stores the verdict of the
answers it leaves in the same transaction where it can: create, save_profile and
move_to_versions score the answers as they now stand (with the service's scorer); an answer save
takes the verdict its caller computed for the answers it leaves and keeps it only if nobody else
saved in between. store_verdicts (the list's rescoring) keeps a verdict only if answers_rev has
not moved since its answers were read. So a stored verdict is always the verdict of the answers
at its verdict_rev; whether those are still the current answers and data is for the reader to
decide (services.verdicts).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from factory_grader.domain.answer_values import (
    AnswerValue,
    ConditionValue,
    ItemKind,
    RequirementValue,
    split_item,
    value_columns,
    value_from_columns,
)
from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.errors import AnswerConflict, AssessmentFrozen, NotFound, OpenConflicts
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import (
    AssessmentStatus,
    AssessmentSummary,
    Attachment,
    Conflict,
    DataVersions,
    Factory,
    FinalVerdict,
    RequirementNote,
    StoredVerdict,
    Verdict,
    Versioned,
)
from factory_grader.storage.database import Database
from factory_grader.storage.schema import (
    AgreementRow,
    AssessmentRow,
    AttachmentRow,
    ConditionAnswerRow,
    ConflictRow,
    FactoryRow,
    ParticipantRow,
    RequirementAnswerRow,
    ScenarioAnswerRow,
    VoteRow,
)
from factory_grader.storage.summary_rows import summary_of

log = logging.getLogger(__name__)

#: Scores answers as stored: (verdict, basis), or None when it cannot (the write goes on without
#: a verdict, which is then computed again when asked for). Given by the service: storage does
#: not know the forms.
Scorer = Callable[[Answers], tuple[Verdict, str] | None]


@dataclass(frozen=True)
class NewAssessment:
    """What the form says an assessment must hold: a row for each of these, answered or not."""

    versions: DataVersions
    requirement_ids: tuple[str, ...]
    scenario_ids: tuple[str, ...]
    condition_ids: tuple[str, ...]


@dataclass(frozen=True)
class AnswerSheet:
    """An assessment as loaded for editing: each answer with the version to save against."""

    answers: Answers
    requirements: dict[str, Versioned]  # value: (grade, RequirementNote)
    scenarios: dict[str, Versioned]  # value: ScenarioAnswer
    conditions: dict[str, Versioned]  # value: bool | None
    #: the assessment's answers_rev, read before the answers (see load_for_scoring)
    answers_rev: int = 0


class AssessmentStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- factories and assessments -------------------------------------------------------

    def create(
        self,
        answers: Answers,
        meta: NewAssessment,
        actor: str,
        now: datetime,
        scorer: Scorer | None = None,
    ) -> AssessmentSummary:
        with self.db.transaction() as s:
            factory = _find_or_create_factory(s, answers.profile, now)
            row = AssessmentRow(
                factory_id=factory.id,
                series_id=0,
                revision=1,
                status=AssessmentStatus.DRAFT.value,
                form_id=answers.form_id,
                rules_id=answers.rules_id,
                **meta.versions.columns(),
                weights_id=answers.weights_id,
                industry_type=answers.industry_type.value,
                profile_json=json.dumps(dict(answers.profile), ensure_ascii=False),
                created_by=actor,
                created_at=now,
                updated_at=now,
                finalised_at=None,
            )
            s.add(row)
            s.flush()
            row.series_id = row.id
            _insert_answers(s, row.id, answers, meta, actor, now)
            s.flush()
            if scorer is not None:
                _store_current_verdict(s, row.id, scorer)
                s.refresh(row)
            return summary_of(row, factory)

    def summaries(self) -> list[AssessmentSummary]:
        """Every assessment, oldest first. Plain rows, not ORM objects: a list of a thousand
        is read in a quarter of the time."""
        a, f = AssessmentRow.__table__, FactoryRow.__table__
        query = (
            select(a, f.c.name.label("f_name"), f.c.credit_code.label("f_code"))
            .join_from(a, f, f.c.id == a.c.factory_id)
            .order_by(a.c.id)
        )
        with self.db.transaction() as s:
            rows = s.execute(query).all()
        return [summary_of(r, Factory(r.factory_id, r.f_name, r.f_code)) for r in rows]

    def summary(self, assessment_id: int) -> AssessmentSummary:
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            return summary_of(a, s.get_one(FactoryRow, a.factory_id))

    def load(self, assessment_id: int) -> Answers:
        return self.load_sheet(assessment_id).answers

    def load_sheet(self, assessment_id: int) -> AnswerSheet:
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            reqs = s.scalars(
                select(RequirementAnswerRow).where(
                    RequirementAnswerRow.assessment_id == assessment_id
                )
            ).all()
            scens = s.scalars(
                select(ScenarioAnswerRow).where(ScenarioAnswerRow.assessment_id == assessment_id)
            ).all()
            conds = s.scalars(
                select(ConditionAnswerRow).where(ConditionAnswerRow.assessment_id == assessment_id)
            ).all()
        answers = _answers(a, reqs, scens, conds)
        return AnswerSheet(
            answers,
            {
                r.requirement_id: Versioned(
                    (_grade(r.grade), RequirementNote(r.comment, r.review)),
                    r.version,
                    r.answered_by,
                    r.answered_at,
                )
                for r in reqs
            },
            {
                r.scenario_id: Versioned(
                    ScenarioAnswer(r.built, r.ai, r.instance),
                    r.version,
                    r.answered_by,
                    r.answered_at,
                )
                for r in scens
            },
            {
                r.condition_id: Versioned(r.value, r.version, r.answered_by, r.answered_at)
                for r in conds
            },
            a.answers_rev,
        )

    # --- one answer at a time ----------------------------------------------------------------

    def save_requirement(
        self,
        assessment_id: int,
        requirement_id: str,
        grade: Grade | None,
        note: RequirementNote,
        expected_version: int,
        actor: str,
        now: datetime,
        verdict: StoredVerdict | None = None,
    ) -> int:
        values = value_columns(RequirementValue(grade, note))
        return self._save(
            RequirementAnswerRow,
            RequirementAnswerRow.requirement_id,
            assessment_id,
            requirement_id,
            values,
            expected_version,
            actor,
            now,
            f"requirement:{requirement_id}",
            verdict,
        )

    def save_scenario(
        self,
        assessment_id: int,
        scenario_id: str,
        answer: ScenarioAnswer,
        expected_version: int,
        actor: str,
        now: datetime,
        verdict: StoredVerdict | None = None,
    ) -> int:
        values = value_columns(answer)
        return self._save(
            ScenarioAnswerRow,
            ScenarioAnswerRow.scenario_id,
            assessment_id,
            scenario_id,
            values,
            expected_version,
            actor,
            now,
            f"scenario:{scenario_id}",
            verdict,
        )

    def save_condition(
        self,
        assessment_id: int,
        condition_id: str,
        value: bool | None,
        expected_version: int,
        actor: str,
        now: datetime,
        verdict: StoredVerdict | None = None,
    ) -> int:
        return self._save(
            ConditionAnswerRow,
            ConditionAnswerRow.condition_id,
            assessment_id,
            condition_id,
            value_columns(ConditionValue(value)),
            expected_version,
            actor,
            now,
            f"condition:{condition_id}",
            verdict,
        )

    def _save(
        self,
        table: Any,
        key_column: Any,
        assessment_id: int,
        key: str,
        values: dict[str, Any],
        expected_version: int,
        actor: str,
        now: datetime,
        item: str,
        verdict: StoredVerdict | None,
    ) -> int:
        """verdict: the verdict of the answers this save leaves, computed by a caller who knows
        them (an edit session: the answers it loaded at answers_rev n, with its own saves since),
        claimed for answers_rev n + 1. Stored in the same statement that moves answers_rev, and
        only if answers_rev was n: after anyone else's save it is not, and nothing is stored."""
        draft = select(AssessmentRow.id).where(
            AssessmentRow.id == assessment_id, AssessmentRow.status == AssessmentStatus.DRAFT.value
        )
        with self.db.transaction() as s:
            result = s.execute(
                update(table)
                .where(
                    table.assessment_id == assessment_id,
                    key_column == key,
                    table.version == expected_version,
                    table.assessment_id.in_(draft.scalar_subquery()),
                )
                .values(**values, version=table.version + 1, answered_by=actor, answered_at=now)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                changes: dict[str, Any] = {"answers_rev": AssessmentRow.answers_rev + 1}
                if verdict is not None:  # (SET expressions all read the row as it was)
                    holds = AssessmentRow.answers_rev == verdict.answers_rev - 1
                    for column, value in _verdict_columns(verdict).items():
                        changes[column] = case(
                            (holds, literal(value, AssessmentRow.__table__.c[column].type)),
                            else_=getattr(AssessmentRow, column),
                        )
                s.execute(
                    update(AssessmentRow)
                    .where(AssessmentRow.id == assessment_id)
                    .values(updated_at=now, **changes)
                    .execution_options(synchronize_session=False)
                )
                return expected_version + 1
            # Refused: say why. A conflict is recorded before raising so both values survive.
            a = _assessment(s, assessment_id)
            if a.status != AssessmentStatus.DRAFT.value:
                raise AssessmentFrozen(
                    f"assessment {assessment_id} is final (revision {a.revision});"
                    " reopen it as a new revision to change answers"
                )
            current = s.execute(
                select(table).where(table.assessment_id == assessment_id, key_column == key)
            ).scalar_one_or_none()
            if current is None:
                raise NotFound(f"assessment {assessment_id} has no {item}")
            theirs = {k: getattr(current, k) for k in values}
            conflict = ConflictRow(
                assessment_id=assessment_id,
                item=item,
                yours=json.dumps(values, ensure_ascii=False),
                theirs=json.dumps(theirs, ensure_ascii=False),
                by=actor,
                at=now,
            )
            s.add(conflict)
            s.flush()
            log.info(
                "conflict %s kept on %s of assessment %s (%s)",
                conflict.id,
                item,
                assessment_id,
                actor,
            )
            kind = split_item(item)[0]
            error = AnswerConflict(
                item,
                value_from_columns(kind, values),
                value_from_columns(kind, theirs),
                current.answered_by,
                current.answered_at.isoformat() if current.answered_at else "",
                current.version,
                conflict.id,
            )
        raise error  # after the commit: the conflict record is kept

    # --- life cycle --------------------------------------------------------------------------

    def finalise(
        self,
        assessment_id: int,
        versions: DataVersions,
        now: datetime,
        verdict: FinalVerdict | None = None,
    ) -> AssessmentSummary:
        """Freeze a draft, recording the versions and digests its verdict was reached with."""
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id, for_update=True)
            if a.status == AssessmentStatus.FINAL.value:
                raise AssessmentFrozen(f"assessment {assessment_id} is already final")
            open_items = s.scalars(
                select(ConflictRow.item).where(
                    ConflictRow.assessment_id == assessment_id, ConflictRow.resolved_at.is_(None)
                )
            ).all()
            if open_items:
                raise OpenConflicts(
                    f"assessment {assessment_id} has {len(open_items)} open conflict(s)"
                    f" ({', '.join(open_items)}): choose the final values first"
                )
            a.status, a.finalised_at, a.updated_at = AssessmentStatus.FINAL.value, now, now
            for column, value in versions.columns().items():
                setattr(a, column, value)
            if verdict is not None:
                a.final_verdict = json.dumps(verdict.to_json(), ensure_ascii=False)
            s.flush()
            return summary_of(a, s.get_one(FactoryRow, a.factory_id))

    def next_revision(self, assessment_id: int) -> int:
        """The number reopening (or duplicating) this revision would give the new one."""
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            latest = s.scalar(
                select(func.max(AssessmentRow.revision)).where(
                    AssessmentRow.series_id == a.series_id
                )
            )
            return (latest or 0) + 1

    def reopen(
        self, assessment_id: int, actor: str, now: datetime, from_draft: bool = False
    ) -> AssessmentSummary:
        """A new draft revision carrying this one's answers; this one stays as it is. Normally
        from a final revision; from_draft duplicates a draft (a snapshot before experimenting)."""
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            if a.status != AssessmentStatus.FINAL.value and not from_draft:
                raise AssessmentFrozen(f"assessment {assessment_id} is a draft: edit it directly")
            latest = s.scalar(
                select(func.max(AssessmentRow.revision)).where(
                    AssessmentRow.series_id == a.series_id
                )
            )
            # Everything as in the copied revision, but a new draft: new columns come along too.
            fields = {c.key: getattr(a, c.key) for c in AssessmentRow.__table__.columns}
            del fields["id"]
            fields.update(
                revision=(latest or 0) + 1,
                status=AssessmentStatus.DRAFT.value,
                created_by=actor,
                created_at=now,
                updated_at=now,
                finalised_at=None,
                final_verdict=None,  # a new draft has no verdict yet
                # the answers are copied below, after this row was read: a colleague's save in
                # between would make a copied verdict wrong; the list scores the copy anew
                verdict_rev=None,
            )
            new = AssessmentRow(**fields)
            s.add(new)
            s.flush()
            for table in (
                RequirementAnswerRow,
                ScenarioAnswerRow,
                ConditionAnswerRow,
                AttachmentRow,
            ):
                rows = s.scalars(select(table).where(table.assessment_id == a.id)).all()
                copies = [_copy_row(r, new.id) for r in rows]
                if copies:
                    s.execute(insert(table), copies)
            _copy_workshop(s, a.id, new.id)
            return summary_of(new, s.get_one(FactoryRow, a.factory_id))

    def save_profile(
        self,
        assessment_id: int,
        profile: dict[str, str],
        industry_type: IndustryType,
        rules_id: str,
        condition_ids: tuple[str, ...],
        now: datetime,
        weights_id: str | None = None,
        rules_pin: tuple[str, str] | None = None,
        scorer: Scorer | None = None,
    ) -> AssessmentSummary:
        """Profile, industry type and rule set of a draft (last write wins: these are not answers
        two people work on). The factory is re-linked by its credit code / name; conditions the
        (new) rule set has and the assessment lacks get unanswered rows. rules_pin: the version
        and digest of a newly chosen rule set."""
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id, for_update=True)
            if a.status != AssessmentStatus.DRAFT.value:
                raise AssessmentFrozen(f"assessment {assessment_id} is final: reopen it first")
            factory = _find_or_create_factory(s, profile, now)
            a.factory_id, a.updated_at = factory.id, now
            a.profile_json = json.dumps(profile, ensure_ascii=False)
            a.industry_type, a.rules_id = industry_type.value, rules_id
            a.weights_id = weights_id
            if rules_pin is not None:
                a.rules_version, a.rules_digest = rules_pin
            a.answers_rev = AssessmentRow.answers_rev + 1  # in SQL: never from a stale read
            _add_unanswered(s, assessment_id, (), (), condition_ids)
            s.flush()
            if scorer is not None:
                _store_current_verdict(s, assessment_id, scorer)
                s.refresh(a)
            return summary_of(a, s.get_one(FactoryRow, factory.id))

    def move_to_versions(
        self,
        assessment_id: int,
        meta: NewAssessment,
        now: datetime,
        scorer: Scorer | None = None,
    ) -> AssessmentSummary:
        """A draft moves to other versions of its form, rule set and catalogue ("update to the
        current rules"): answers stay as they are, items new in those versions get unanswered
        rows."""
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id, for_update=True)
            if a.status != AssessmentStatus.DRAFT.value:
                raise AssessmentFrozen(f"assessment {assessment_id} is final: reopen it first")
            for column, value in meta.versions.columns().items():
                setattr(a, column, value)
            a.updated_at = now
            a.answers_rev = AssessmentRow.answers_rev + 1  # in SQL: never from a stale read
            _add_unanswered(
                s, assessment_id, meta.requirement_ids, meta.scenario_ids, meta.condition_ids
            )
            s.flush()
            if scorer is not None:
                _store_current_verdict(s, assessment_id, scorer)
                s.refresh(a)
            return summary_of(a, s.get_one(FactoryRow, a.factory_id))

    def delete(self, assessment_id: int) -> AssessmentSummary:
        """Remove one assessment revision with its answers (the caller asks for confirmation)."""
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            gone = summary_of(a, s.get_one(FactoryRow, a.factory_id))
            for table in (
                RequirementAnswerRow,
                ScenarioAnswerRow,
                ConditionAnswerRow,
                AttachmentRow,
                ConflictRow,
            ):  # explicit, so it does not depend on the database enforcing ON DELETE CASCADE
                s.execute(delete(table).where(table.assessment_id == assessment_id))
            s.delete(a)
            return gone

    # --- stored verdicts ----------------------------------------------------------------------

    def load_for_scoring(self, assessment_ids: Sequence[int]) -> dict[int, tuple[int, Answers]]:
        """The answers of several assessments at once, each with the answers_rev they are at;
        an id that is not there is left out. answers_rev is read before the answers: on a server
        that reads each statement at its own moment (PostgreSQL's READ COMMITTED), answers
        changed in between can only be newer than their answers_rev, and store_verdicts then
        refuses the verdict instead of storing it under a revision it does not belong to."""
        if not assessment_ids:
            return {}
        with self.db.transaction() as s:
            heads = s.execute(
                select(*_ANSWER_HEAD).where(AssessmentRow.id.in_(assessment_ids))
            ).all()
            return {
                head.id: (head.answers_rev, answers)
                for head, answers in zip(heads, _answers_of(s, heads), strict=True)
            }

    def store_verdicts(self, verdicts: Mapping[int, StoredVerdict]) -> set[int]:
        """Store verdicts computed from answers read earlier (load_for_scoring); each only if
        its assessment's answers_rev is still the one it was computed at. Returns the ids
        stored. Changes nothing else (updated_at stays: this is no change of the assessment)."""
        stored: set[int] = set()
        if not verdicts:
            return stored
        with self.db.transaction() as s:
            # in id order: two instances storing verdicts on one server never lock each other's
            # rows in opposite orders (a deadlock on PostgreSQL)
            for assessment_id, found in sorted(verdicts.items()):
                result = s.execute(
                    update(AssessmentRow)
                    .where(
                        AssessmentRow.id == assessment_id,
                        AssessmentRow.answers_rev == found.answers_rev,
                    )
                    .values(**_verdict_columns(found))
                    .execution_options(synchronize_session=False)
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    stored.add(assessment_id)
        return stored

    # --- evidence attachments ----------------------------------------------------------------

    def add_attachment(
        self,
        assessment_id: int,
        requirement_id: str,
        file_name: str,
        size: int,
        sha256: str,
        stored_as: str,
        actor: str,
        now: datetime,
    ) -> Attachment:
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            if a.status != AssessmentStatus.DRAFT.value:
                raise AssessmentFrozen(f"assessment {assessment_id} is final: reopen it first")
            row = AttachmentRow(
                assessment_id=assessment_id,
                requirement_id=requirement_id,
                file_name=file_name,
                size=size,
                sha256=sha256,
                stored_as=stored_as,
                added_by=actor,
                added_at=now,
            )
            s.add(row)
            a.updated_at = now
            s.flush()
            return _attachment(row)

    def attachments(self, assessment_id: int) -> list[Attachment]:
        with self.db.transaction() as s:
            _assessment(s, assessment_id)
            rows = s.scalars(
                select(AttachmentRow)
                .where(AttachmentRow.assessment_id == assessment_id)
                .order_by(AttachmentRow.id)
            )
            return [_attachment(r) for r in rows]

    def remove_attachment(self, attachment_id: int, now: datetime) -> Attachment:
        with self.db.transaction() as s:
            row = s.get(AttachmentRow, attachment_id)
            if row is None:
                raise NotFound(f"no attachment {attachment_id}")
            a = _assessment(s, row.assessment_id)
            if a.status != AssessmentStatus.DRAFT.value:
                raise AssessmentFrozen(f"assessment {a.id} is final: reopen it first")
            found = _attachment(row)
            s.delete(row)
            a.updated_at = now
            return found

    # --- conflicts ---------------------------------------------------------------------------

    def conflicts(self, assessment_id: int, open_only: bool = True) -> list[Conflict]:
        with self.db.transaction() as s:
            query = select(ConflictRow).where(ConflictRow.assessment_id == assessment_id)
            if open_only:
                query = query.where(ConflictRow.resolved_at.is_(None))
            return [
                Conflict(
                    r.id,
                    r.assessment_id,
                    r.item,
                    _kept_value(kind, r.yours),
                    _kept_value(kind, r.theirs),
                    r.by,
                    r.at,
                )
                for r in s.scalars(query.order_by(ConflictRow.id))
                if (kind := _known_kind(r.item)) is not None
            ]

    def resolve_conflict(self, conflict_id: int, now: datetime) -> None:
        with self.db.transaction() as s:
            row = s.get(ConflictRow, conflict_id)
            if row is None:
                raise NotFound(f"no conflict {conflict_id}")
            row.resolved_at = now


# --- helpers -------------------------------------------------------------------------------


def _kept_value(kind: ItemKind, text: str) -> AnswerValue:
    """A conflict's value as kept (the columns as JSON); unreadable JSON reads as not answered."""
    try:
        columns = json.loads(text)
    except ValueError:
        columns = None
    return value_from_columns(kind, columns if isinstance(columns, dict) else {})


def _known_kind(item: str) -> ItemKind | None:
    """The kind of a conflict's item; None for one this app never writes (left out, logged)."""
    try:
        return split_item(item)[0]
    except ValueError:
        log.warning("a kept conflict on %r: not an item this app knows; left out", item)
        return None


def _grade(value: str | None) -> Grade | None:
    return Grade(value) if value else None


def _answers(a: Any, reqs: Iterable[Any], scens: Iterable[Any], conds: Iterable[Any]) -> Answers:
    """An answer set from an assessment row and its answer rows (ORM objects or plain rows with
    the same column names)."""
    reqs = list(reqs)
    return Answers(
        form_id=a.form_id,
        rules_id=a.rules_id,
        weights_id=a.weights_id,
        industry_type=IndustryType(a.industry_type),
        form_version=a.form_version,
        rules_version=a.rules_version,
        catalogue_version=a.catalogue_version,
        profile=json.loads(a.profile_json),
        requirements={r.requirement_id: _grade(r.grade) for r in reqs},
        scenarios={r.scenario_id: ScenarioAnswer(r.built, r.ai, r.instance) for r in scens},
        conditions={r.condition_id: r.value for r in conds},
        notes={
            r.requirement_id: RequirementNote(r.comment, r.review)
            for r in reqs
            if r.comment or r.review
        },
    )


#: what _answers needs of an assessment row, and its answers_rev
_ANSWER_HEAD = (
    AssessmentRow.id,
    AssessmentRow.answers_rev,
    AssessmentRow.form_id,
    AssessmentRow.rules_id,
    AssessmentRow.weights_id,
    AssessmentRow.industry_type,
    AssessmentRow.form_version,
    AssessmentRow.rules_version,
    AssessmentRow.catalogue_version,
    AssessmentRow.profile_json,
)


def _answers_of(s: Session, heads: Sequence[Any]) -> list[Answers]:
    """The answers of the assessments `heads` (rows of _ANSWER_HEAD), three queries in all:
    plain rows, not ORM objects (a sixth of the time for a few hundred answers each)."""
    ids = [h.id for h in heads]
    by_id: dict[int, tuple[list[Any], list[Any], list[Any]]] = {i: ([], [], []) for i in ids}
    R, S, C = RequirementAnswerRow, ScenarioAnswerRow, ConditionAnswerRow
    for slot, table, columns in (
        (0, R, (R.requirement_id, R.grade, R.comment, R.review)),
        (1, S, (S.scenario_id, S.built, S.ai, S.instance)),
        (2, C, (C.condition_id, C.value)),
    ):
        query = select(table.assessment_id, *columns).where(table.assessment_id.in_(ids))
        for row in s.execute(query):
            by_id[row.assessment_id][slot].append(row)
    return [_answers(h, *by_id[h.id]) for h in heads]


def _store_current_verdict(s: Session, assessment_id: int, scorer: Scorer) -> None:
    """Within a write that has just moved answers_rev: score the answers as they now stand and
    store the verdict with that answers_rev. The assessment row is already written (locked) in
    this transaction, so no other write can move answers_rev before this one commits."""
    head = s.execute(select(*_ANSWER_HEAD).where(AssessmentRow.id == assessment_id)).one()
    (answers,) = _answers_of(s, [head])
    found = scorer(answers)
    if found is None:
        return
    verdict, basis = found
    s.execute(
        update(AssessmentRow)
        .where(AssessmentRow.id == assessment_id)
        .values(**_verdict_columns(StoredVerdict(verdict, head.answers_rev, basis)))
        .execution_options(synchronize_session=False)
    )


def _verdict_columns(found: StoredVerdict) -> dict[str, Any]:
    return {
        "verdict_hundredths": found.verdict.score_hundredths,
        "verdict_level": found.verdict.level,
        "verdict_tier": found.verdict.tier,
        "verdict_rev": found.answers_rev,
        "verdict_basis": found.basis,
    }


def _assessment(s: Session, assessment_id: int, for_update: bool = False) -> AssessmentRow:
    query = select(AssessmentRow).where(AssessmentRow.id == assessment_id)
    row = s.scalars(query.with_for_update() if for_update else query).one_or_none()
    if row is None:
        raise NotFound(f"no assessment with id {assessment_id}")
    return row


def _find_or_create_factory(s: Session, profile: Any, now: datetime) -> Factory:
    """The same 统一社会信用代码 is the same factory; without one, the same name is."""
    code = (profile.get("credit_code") or "").strip().upper() or None
    name = (profile.get("name") or "").strip() or "未命名工厂"
    if code:
        row = s.scalars(select(FactoryRow).where(FactoryRow.credit_code == code)).one_or_none()
    else:
        row = s.scalars(
            select(FactoryRow).where(FactoryRow.name == name, FactoryRow.credit_code.is_(None))
        ).first()
    if row is None:
        row = FactoryRow(name=name, credit_code=code, created_at=now, updated_at=now)
        s.add(row)
        s.flush()
    elif row.name != name:
        row.name, row.updated_at = name, now  # the newest profile names the factory
    return Factory(row.id, row.name, row.credit_code)


def _insert_answers(
    s: Session, assessment_id: int, answers: Answers, meta: NewAssessment, actor: str, now: datetime
) -> None:
    def who(answered: bool) -> dict[str, Any]:
        return {"answered_by": actor if answered else "", "answered_at": now if answered else None}

    req_rows = []
    for rid in meta.requirement_ids:
        grade = answers.requirements.get(rid)
        note = answers.notes.get(rid, RequirementNote())
        req_rows.append(
            {
                "assessment_id": assessment_id,
                "requirement_id": rid,
                "grade": grade.value if grade else None,
                "comment": note.comment,
                "review": note.review,
                "version": 0,
                **who(grade is not None or note.comment != ""),
            }
        )
    scen_rows = []
    for sid in meta.scenario_ids:
        a = answers.scenario(sid)
        scen_rows.append(
            {
                "assessment_id": assessment_id,
                "scenario_id": sid,
                "built": a.built,
                "ai": a.ai,
                "instance": a.instance,
                "version": 0,
                **who(sid in answers.scenarios),
            }
        )
    cond_rows = [
        {
            "assessment_id": assessment_id,
            "condition_id": cid,
            "value": answers.conditions.get(cid),
            "version": 0,
            **who(answers.conditions.get(cid) is not None),
        }
        for cid in meta.condition_ids
    ]
    for table, rows in (
        (RequirementAnswerRow, req_rows),
        (ScenarioAnswerRow, scen_rows),
        (ConditionAnswerRow, cond_rows),
    ):
        if rows:
            s.execute(insert(table), rows)


def _add_unanswered(
    s: Session,
    assessment_id: int,
    requirement_ids: tuple[str, ...],
    scenario_ids: tuple[str, ...],
    condition_ids: tuple[str, ...],
) -> None:
    """Unanswered rows for the items the assessment has no row for yet."""
    blank: dict[str, Any] = {"version": 0, "answered_by": "", "answered_at": None}
    for table, column, ids, empty in (
        (RequirementAnswerRow, RequirementAnswerRow.requirement_id, requirement_ids, {}),
        (ScenarioAnswerRow, ScenarioAnswerRow.scenario_id, scenario_ids, {}),
        (ConditionAnswerRow, ConditionAnswerRow.condition_id, condition_ids, {"value": None}),
    ):
        have = set(s.scalars(select(column).where(table.assessment_id == assessment_id)))
        missing = [
            {"assessment_id": assessment_id, column.key: ident, **blank, **empty}
            for ident in ids
            if ident not in have
        ]
        if missing:
            s.execute(insert(table), missing)


def _copy_workshop(s: Session, old_id: int, new_id: int) -> None:
    """The workshop comes along with the answers it led to: the participants (with new tokens:
    a pack of the earlier revision belongs to it), what each said, and why each answer was
    agreed."""
    from factory_grader.storage.workshop_store import new_token

    for p in s.scalars(select(ParticipantRow).where(ParticipantRow.assessment_id == old_id)):
        copy = ParticipantRow(
            **{**_columns(p, exclude={"id"}), "assessment_id": new_id, "token": new_token()}
        )
        s.add(copy)
        s.flush()
        votes = s.scalars(select(VoteRow).where(VoteRow.participant_id == p.id)).all()
        s.add_all(VoteRow(**{**_columns(v), "participant_id": copy.id}) for v in votes)
    rows = s.scalars(select(AgreementRow).where(AgreementRow.assessment_id == old_id)).all()
    copies = [_copy_row(r, new_id) for r in rows]
    if copies:
        s.execute(insert(AgreementRow), copies)


def _columns(row: Any, exclude: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    """A row's column values by name (to copy it)."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in exclude}


def _copy_row(row: Any, new_assessment_id: int) -> dict[str, Any]:
    data = _columns(row)
    data["assessment_id"] = new_assessment_id
    if isinstance(row, AttachmentRow):
        del data["id"]  # a new row pointing at the same stored file
    return data


def _attachment(r: AttachmentRow) -> Attachment:
    return Attachment(
        r.id, r.requirement_id, r.file_name, r.size, r.sha256, r.stored_as, r.added_by, r.added_at
    )
