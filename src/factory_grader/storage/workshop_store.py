"""A workshop's people and votes in the database (schema 0007): participants of an assessment,
the grades each returned, and the rationale of each agreed answer. Each method is one short
transaction. Votes never touch the assessment's answers: agreeing an answer is a save of that
answer (AssessmentStore.save_requirement) plus the rationale recorded here."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from factory_grader.domain.errors import AssessmentFrozen, NotFound
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import AssessmentStatus
from factory_grader.domain.workshop import (
    Agreement,
    NewParticipant,
    Participant,
    Returned,
    ReturnedVote,
)
from factory_grader.storage.database import Database
from factory_grader.storage.schema import AgreementRow, AssessmentRow, ParticipantRow, VoteRow


def new_token() -> str:
    """Unguessable, so a file is only ever taken for the participant it was written for."""
    return secrets.token_hex(16)


class WorkshopStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- participants ----------------------------------------------------------------------

    def set_participants(
        self,
        assessment_id: int,
        people: Iterable[NewParticipant],
        now: datetime,
        removed: tuple[int, ...] = (),
    ) -> list[Participant]:
        """Adds each person, or updates one of the same name (department, role, sub-domains),
        keeping their token: a fill-in workbook written before still reads back. `removed`:
        participants (ids) taken out first, with their grades — in the same transaction."""
        with self.db.transaction() as s:
            _draft(s, assessment_id)
            for pid in removed:
                gone = s.get(ParticipantRow, pid)
                if gone is None or gone.assessment_id != assessment_id:
                    raise NotFound(f"assessment {assessment_id} has no participant {pid}")
                s.execute(delete(VoteRow).where(VoteRow.participant_id == pid))
                s.delete(gone)
            s.flush()
            rows = {
                r.name: r
                for r in s.scalars(
                    select(ParticipantRow).where(ParticipantRow.assessment_id == assessment_id)
                )
            }
            for p in people:
                row = rows.get(p.name)
                if row is None:
                    row = rows[p.name] = ParticipantRow(
                        assessment_id=assessment_id,
                        name=p.name,
                        token=new_token(),
                        created_at=now,
                    )
                    s.add(row)
                row.department, row.role = p.department, p.role
                row.subdomains = None if p.subdomains is None else json.dumps(list(p.subdomains))
            s.flush()
            return [_participant(r) for r in sorted(rows.values(), key=lambda r: r.id)]

    def participants(self, assessment_id: int) -> list[Participant]:
        with self.db.transaction() as s:
            query = (
                select(ParticipantRow)
                .where(ParticipantRow.assessment_id == assessment_id)
                .order_by(ParticipantRow.id)
            )
            return [_participant(r) for r in s.scalars(query)]

    def remove_participant(self, participant_id: int) -> Participant:
        """The participant and every vote they returned."""
        with self.db.transaction() as s:
            row = s.get(ParticipantRow, participant_id)
            if row is None:
                raise NotFound(f"no participant with id {participant_id}")
            _draft(s, row.assessment_id)
            gone = _participant(row)
            s.execute(delete(VoteRow).where(VoteRow.participant_id == participant_id))
            s.delete(row)
            return gone

    def participant(self, participant_id: int) -> Participant | None:
        with self.db.transaction() as s:
            row = s.get(ParticipantRow, participant_id)
            return None if row is None else _participant(row)

    def by_token(self, token: str) -> Participant | None:
        with self.db.transaction() as s:
            row = s.scalars(
                select(ParticipantRow).where(ParticipantRow.token == token)
            ).one_or_none()
            return None if row is None else _participant(row)

    # --- votes -----------------------------------------------------------------------------

    def store_return(
        self,
        participant_id: int,
        votes: Mapping[str, tuple[Grade | None, str]],
        source: str,
        now: datetime,
    ) -> Returned:
        """One participant's returned file: replaces whatever they returned before."""
        with self.db.transaction() as s:
            row = s.get(ParticipantRow, participant_id)
            if row is None:
                raise NotFound(f"no participant with id {participant_id}")
            _draft(s, row.assessment_id)
            earlier_at = row.returned_at
            earlier = s.scalar(select(func.count()).where(VoteRow.participant_id == participant_id))
            row.returned_at = now
            s.execute(delete(VoteRow).where(VoteRow.participant_id == participant_id))
            for requirement_id, (grade, comment) in votes.items():
                if grade is None and not comment:
                    continue  # left blank: nothing said
                s.add(
                    VoteRow(
                        participant_id=participant_id,
                        requirement_id=requirement_id,
                        grade=None if grade is None else grade.value,
                        comment=comment,
                        returned_at=now,
                        source=source[:255],
                    )
                )
            s.flush()
            return Returned(
                _participant(row),
                sum(g is not None for g, _ in votes.values()),
                int(earlier or 0),
                earlier_at,
            )

    def set_vote(
        self,
        participant_id: int,
        requirement_id: str,
        grade: Grade | None,
        comment: str,
        source: str,
        now: datetime,
    ) -> None:
        """One grade said in the room and entered in the app (None and no comment: removed)."""
        with self.db.transaction() as s:
            row = s.get(ParticipantRow, participant_id)
            if row is None:
                raise NotFound(f"no participant with id {participant_id}")
            _draft(s, row.assessment_id)
            vote = s.get(VoteRow, (participant_id, requirement_id))
            if grade is None and not comment:
                if vote is not None:
                    s.delete(vote)
                return
            if vote is None:
                vote = VoteRow(participant_id=participant_id, requirement_id=requirement_id)
                s.add(vote)
            vote.grade = None if grade is None else grade.value
            vote.comment, vote.returned_at, vote.source = comment, now, source

    def votes(self, assessment_id: int) -> list[ReturnedVote]:
        with self.db.transaction() as s:
            query = (
                select(VoteRow)
                .join(ParticipantRow, ParticipantRow.id == VoteRow.participant_id)
                .where(ParticipantRow.assessment_id == assessment_id)
                .order_by(ParticipantRow.id, VoteRow.requirement_id)
            )
            return [
                ReturnedVote(
                    v.participant_id,
                    v.requirement_id,
                    None if v.grade is None else Grade(v.grade),
                    v.comment,
                    v.returned_at,
                    v.source,
                )
                for v in s.scalars(query)
            ]

    # --- agreements ------------------------------------------------------------------------

    def record_agreement(self, assessment_id: int, agreement: Agreement) -> None:
        with self.db.transaction() as s:
            _draft(s, assessment_id)
            row = s.get(AgreementRow, (assessment_id, agreement.requirement_id))
            if row is None:
                row = AgreementRow(
                    assessment_id=assessment_id, requirement_id=agreement.requirement_id
                )
                s.add(row)
            row.grade = None if agreement.grade is None else agreement.grade.value
            row.rationale = agreement.rationale
            row.agreed_by, row.agreed_at = agreement.agreed_by, agreement.agreed_at

    def agreements(self, assessment_id: int) -> dict[str, Agreement]:
        with self.db.transaction() as s:
            rows = s.scalars(
                select(AgreementRow).where(AgreementRow.assessment_id == assessment_id)
            )
            return {
                r.requirement_id: Agreement(
                    r.requirement_id,
                    None if r.grade is None else Grade(r.grade),
                    r.rationale,
                    r.agreed_by,
                    r.agreed_at,
                )
                for r in rows
            }


def _draft(s: Session, assessment_id: int) -> None:
    row = s.get(AssessmentRow, assessment_id)
    if row is None:
        raise NotFound(f"no assessment with id {assessment_id}")
    if row.status != AssessmentStatus.DRAFT.value:
        raise AssessmentFrozen(
            f"assessment {assessment_id} is final (revision {row.revision});"
            " reopen it as a new revision to hold a workshop on it"
        )


def _participant(r: Any) -> Participant:
    return Participant(
        r.id,
        r.assessment_id,
        r.name,
        r.department,
        r.role,
        None if r.subdomains is None else tuple(json.loads(r.subdomains)),
        r.token,
        r.created_at,
        r.returned_at,
    )
