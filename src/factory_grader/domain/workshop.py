"""A workshop's people and what they said (issue 16): the participants of one assessment, the
requirements each is asked about, the grades they returned in their fill-in workbooks, and the
rationale of each answer the consultant agreed. The agreed answer itself is the assessment's own
answer: only it is scored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from factory_grader.domain.errors import InputError
from factory_grader.domain.maturity_model import Grade

#: Longest name, department or role kept (a person's name in a cell, not an essay).
FIELD_LIMIT = 100
RATIONALE_LIMIT = 500


class WorkshopError(InputError):
    """A participants list, fill-in workbook or agreement that cannot be taken: the message
    names the file and the line, sheet or cell; `zh` says the same in Chinese."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh


@dataclass(frozen=True, slots=True)
class NewParticipant:
    name: str
    department: str = ""
    role: str = ""
    #: the sub-domains whose requirements this person is asked about; None: every requirement
    subdomains: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    id: int
    assessment_id: int
    name: str
    department: str
    role: str
    subdomains: tuple[str, ...] | None
    #: written into the participant's fill-in workbook; a returned file is known by it
    token: str
    created_at: datetime
    returned_at: datetime | None = None  # their file last came back (None: not yet)

    def asked(self, subdomain_id: str) -> bool:
        return self.subdomains is None or subdomain_id in self.subdomains


@dataclass(frozen=True, slots=True)
class ReturnedVote:
    """One participant's grade (None: left blank) and comment on one requirement."""

    participant_id: int
    requirement_id: str
    grade: Grade | None
    comment: str
    returned_at: datetime
    source: str  # the file's name it came in


@dataclass(frozen=True, slots=True)
class Agreement:
    """Why the consultant set a requirement's answer as agreed, who and when."""

    requirement_id: str
    grade: Grade | None
    rationale: str
    agreed_by: str
    agreed_at: datetime


@dataclass(frozen=True, slots=True)
class Returned:
    """What storing one participant's returned file did."""

    participant: Participant
    votes: int  # requirements with a grade in this file
    replaced: int  # votes of an earlier return that this one replaced (0: the first return)
    earlier_at: datetime | None  # when the replaced return came
