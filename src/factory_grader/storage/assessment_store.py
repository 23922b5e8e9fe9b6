"""Assessments in the database: create, list, load, change one answer at a time, finalise, reopen.

Every method is one short transaction. Every answer row carries a version: a save names the
version it was loaded at, and a save against a newer version is refused (no lost update) and kept
as an open conflict with both values.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from factory_grader.domain.answer_values import (
    AnswerValue,
    ConditionValue,
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
    Versioned,
)
from factory_grader.storage.database import Database
from factory_grader.storage.schema import (
    AssessmentRow,
    AttachmentRow,
    ConditionAnswerRow,
    ConflictRow,
    FactoryRow,
    RequirementAnswerRow,
    ScenarioAnswerRow,
)

log = logging.getLogger(__name__)


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


class AssessmentStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- factories and assessments -------------------------------------------------------

    def create(
        self, answers: Answers, meta: NewAssessment, actor: str, now: datetime
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
            return _summary(row, factory)

    def summaries(self) -> list[AssessmentSummary]:
        with self.db.transaction() as s:
            rows = s.execute(
                select(AssessmentRow, FactoryRow)
                .join(FactoryRow, FactoryRow.id == AssessmentRow.factory_id)
                .order_by(AssessmentRow.id)
            ).all()
            return [_summary(a, f) for a, f in rows]

    def summary(self, assessment_id: int) -> AssessmentSummary:
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            return _summary(a, s.get_one(FactoryRow, a.factory_id))

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
        answers = Answers(
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
        )

    def save_scenario(
        self,
        assessment_id: int,
        scenario_id: str,
        answer: ScenarioAnswer,
        expected_version: int,
        actor: str,
        now: datetime,
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
        )

    def save_condition(
        self,
        assessment_id: int,
        condition_id: str,
        value: bool | None,
        expected_version: int,
        actor: str,
        now: datetime,
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
    ) -> int:
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
                s.execute(
                    update(AssessmentRow)
                    .where(AssessmentRow.id == assessment_id)
                    .values(updated_at=now)
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
            return _summary(a, s.get_one(FactoryRow, a.factory_id))

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
            return _summary(new, s.get_one(FactoryRow, a.factory_id))

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
            _add_unanswered(s, assessment_id, (), (), condition_ids)
            s.flush()
            return _summary(a, s.get_one(FactoryRow, factory.id))

    def move_to_versions(
        self, assessment_id: int, meta: NewAssessment, now: datetime
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
            _add_unanswered(
                s, assessment_id, meta.requirement_ids, meta.scenario_ids, meta.condition_ids
            )
            s.flush()
            return _summary(a, s.get_one(FactoryRow, a.factory_id))

    def delete(self, assessment_id: int) -> AssessmentSummary:
        """Remove one assessment revision with its answers (the caller asks for confirmation)."""
        with self.db.transaction() as s:
            a = _assessment(s, assessment_id)
            gone = _summary(a, s.get_one(FactoryRow, a.factory_id))
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
                    _kept_value(r.item, r.yours),
                    _kept_value(r.item, r.theirs),
                    r.by,
                    r.at,
                )
                for r in s.scalars(query.order_by(ConflictRow.id))
            ]

    def resolve_conflict(self, conflict_id: int, now: datetime) -> None:
        with self.db.transaction() as s:
            row = s.get(ConflictRow, conflict_id)
            if row is None:
                raise NotFound(f"no conflict {conflict_id}")
            row.resolved_at = now


# --- helpers -------------------------------------------------------------------------------


def _kept_value(item: str, text: str) -> AnswerValue:
    """A conflict's value as kept (the columns as JSON); unreadable JSON reads as not answered."""
    try:
        columns = json.loads(text)
    except ValueError:
        columns = None
    return value_from_columns(split_item(item)[0], columns if isinstance(columns, dict) else {})


def _grade(value: str | None) -> Grade | None:
    return Grade(value) if value else None


def _assessment(s: Session, assessment_id: int, for_update: bool = False) -> AssessmentRow:
    query = select(AssessmentRow).where(AssessmentRow.id == assessment_id)
    row = s.scalars(query.with_for_update() if for_update else query).one_or_none()
    if row is None:
        raise NotFound(f"no assessment with id {assessment_id}")
    return row


def _summary(a: AssessmentRow, f: FactoryRow | Factory) -> AssessmentSummary:
    return AssessmentSummary(
        id=a.id,
        factory_id=f.id,
        factory_name=f.name,
        credit_code=f.credit_code,
        series_id=a.series_id,
        revision=a.revision,
        status=AssessmentStatus(a.status),
        form_id=a.form_id,
        form_version=a.form_version,
        form_digest=a.form_digest,
        rules_id=a.rules_id,
        industry_type=a.industry_type,
        created_at=a.created_at,
        updated_at=a.updated_at,
        finalised_at=a.finalised_at,
        created_by=a.created_by,
        final_verdict=(
            FinalVerdict.from_json(json.loads(a.final_verdict)) if a.final_verdict else None
        ),
        rules_version=a.rules_version,
        rules_digest=a.rules_digest,
        catalogue_version=a.catalogue_version,
        catalogue_digest=a.catalogue_digest,
    )


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


def _copy_row(row: Any, new_assessment_id: int) -> dict[str, Any]:
    data = {c.key: getattr(row, c.key) for c in row.__table__.columns}
    data["assessment_id"] = new_assessment_id
    if isinstance(row, AttachmentRow):
        del data["id"]  # a new row pointing at the same stored file
    return data


def _attachment(r: AttachmentRow) -> Attachment:
    return Attachment(
        r.id, r.requirement_id, r.file_name, r.size, r.sha256, r.stored_as, r.added_by, r.added_at
    )
