"""An assessment open for editing: answers held in memory, each change persisted on its own.

Every change is an Edit captured when the user acts: the item, its value before and after. The
GUI applies it to the in-memory answers at once (so it can rescore on every click) and hands the
returned persist callable to its single background writer, which saves edits in order. A save
writes the value of ITS edit (never whatever memory holds when it runs) and names the version
the session has for that item, so a change made meanwhile by someone else on a shared server is
refused (AnswerConflict) instead of overwritten; both values are kept as an open conflict. After
a conflict only that item is reloaded, and every edit of that item clicked before the conflict
became known is refused the same way (it was made against the old value); other edits are
unaffected. Undo and redo are edits too, so undoing a change a colleague has since changed is a
conflict, not an overwrite. Qt-free; tested without a GUI.

The writer also keeps the answers as stored (loaded, plus each of its saves) and their revision:
each save carries the verdict of the stored answers it leaves, stored in the same transaction
when nobody else saved in between (services.verdicts: the start list shows it without
rescoring). After a conflict the stored answers are read again.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import cast

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.errors import AnswerConflict
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import (
    AssessmentStatus,
    AssessmentSummary,
    RequirementNote,
    StoredVerdict,
)
from factory_grader.domain.results import AssessmentResult
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.verdicts import score_for_storing

#: a requirement edit's value: (grade, note)
_Requirement = tuple[Grade | None, RequirementNote]

Persist = Callable[[], None]

#: A requirement's value: its grade and its note (comment, review flag) travel together.
RequirementValue = tuple[Grade | None, RequirementNote]
#: A version no stored row has: a save with it is refused and recorded as a conflict.
_STALE = -1


@dataclass(frozen=True, slots=True)
class Edit:
    """One change as the user made it, captured at that moment."""

    kind: str  # requirement | scenario | condition
    key: str  # the item's id
    old: object  # RequirementValue | ScenarioAnswer | bool | None
    new: object
    seq: int  # click order within this session
    #: made against a value the item no longer holds (an undo/redo after a colleague's change):
    #: saved as a conflict, never over the stored value
    stale: bool = False


class EditSession:
    def __init__(self, service: AssessmentService, assessment_id: int) -> None:
        self.service = service
        self.assessment_id = assessment_id
        self.summary: AssessmentSummary = service.summary(assessment_id)
        sheet = service.sheet(assessment_id)
        self._lock = threading.Lock()
        self.answers: Answers = sheet.answers
        self._versions = {
            **{("requirement", k): v.version for k, v in sheet.requirements.items()},
            **{("scenario", k): v.version for k, v in sheet.scenarios.items()},
            **{("condition", k): v.version for k, v in sheet.conditions.items()},
        }
        self._seq = itertools.count(1)
        self._last_seq = 0
        #: item -> the last click made before a conflict on it became known
        self._stale_upto: dict[tuple[str, str], int] = {}
        #: item -> the last click on it shown in memory
        self._latest_seq: dict[tuple[str, str], int] = {}
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []
        # Writer thread only: the answers as stored and the answers_rev they are at.
        self._stored: Answers = sheet.answers
        self._stored_rev = sheet.answers_rev

    @property
    def editable(self) -> bool:
        return self.summary.status is AssessmentStatus.DRAFT

    def score(self) -> AssessmentResult:
        return score_answers(self.service.library, self.answers)

    # --- changes: update memory now, return the save to run on the writer thread ------------

    def set_requirement(
        self, requirement_id: str, grade: Grade | None, note: RequirementNote | None = None
    ) -> Persist:
        with self._lock:
            old = (self.answers.grade(requirement_id), self.note(requirement_id))
            new = (grade, note if note is not None else old[1])
        return self._apply(self._edit("requirement", requirement_id, old, new))

    def set_note(self, requirement_id: str, note: RequirementNote) -> Persist:
        return self.set_requirement(requirement_id, self.answers.grade(requirement_id), note)

    def set_scenario(self, scenario_id: str, answer: ScenarioAnswer) -> Persist:
        return self._apply(
            self._edit("scenario", scenario_id, self.answers.scenario(scenario_id), answer)
        )

    def set_condition(self, condition_id: str, value: bool | None) -> Persist:
        old = self.answers.conditions.get(condition_id)
        return self._apply(self._edit("condition", condition_id, old, value))

    # --- undo / redo: edits too ----------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> tuple[Edit, Persist] | None:
        """Put the last edit's item back as it was; None when there is nothing to undo. If the
        item no longer holds what that edit set (a colleague changed it, and the session shows
        their value), the undo is kept as a conflict instead of overwriting theirs."""
        with self._lock:
            if not self._undo:
                return None
            done = self._undo.pop()
            self._redo.append(done)
            changed = self._value(done.kind, done.key) != done.new
        back = self._edit(done.kind, done.key, done.new, done.old, stale=changed)
        return done, self._apply(back, record=False)

    def redo(self) -> tuple[Edit, Persist] | None:
        with self._lock:
            if not self._redo:
                return None
            done = self._redo.pop()
            self._undo.append(done)
            changed = self._value(done.kind, done.key) != done.old
        again = self._edit(done.kind, done.key, done.old, done.new, stale=changed)
        return done, self._apply(again, record=False)

    # --- edits ---------------------------------------------------------------------------------

    def _edit(self, kind: str, key: str, old: object, new: object, stale: bool = False) -> Edit:
        with self._lock:
            seq = next(self._seq)
            self._last_seq = seq
        return Edit(kind, key, old, new, seq, stale)

    def _value(self, kind: str, key: str) -> object:
        """An item's value in memory, in the shape edits carry."""
        if kind == "requirement":
            return (self.answers.grade(key), self.note(key))
        if kind == "scenario":
            return self.answers.scenario(key)
        return self.answers.conditions.get(key)

    def _apply(self, edit: Edit, record: bool = True) -> Persist:
        """Show the edit in memory now; return its save (for the writer thread)."""
        with self._lock:
            self._set_value(edit.kind, edit.key, edit.new)
            self._latest_seq[(edit.kind, edit.key)] = edit.seq
            if record:
                self._undo.append(edit)
                self._redo.clear()
        return lambda: self._persist_edit(edit)

    def _set_value(self, kind: str, key: str, value: object) -> None:
        self.answers = _with_value(self.answers, kind, key, value)

    def set_profile(
        self,
        profile: dict[str, str],
        industry_type: IndustryType,
        rules_id: str,
        weights_id: str | None = None,
    ) -> Persist:
        """Profile, industry type, rule set and weight set (the last three change the score)."""
        with self._lock:
            self.answers = replace(
                self.answers,
                profile=dict(profile),
                industry_type=industry_type,
                rules_id=rules_id,
                weights_id=weights_id,
                # another rule set is taken at its current version (as the service stores it)
                rules_version=(
                    self.answers.rules_version if rules_id == self.answers.rules_id else None
                ),
            )

        def persist() -> None:
            self.summary = self.service.save_profile(
                self.assessment_id, dict(profile), industry_type, rules_id, weights_id
            )
            with self._lock:  # conditions new to this rule set now have rows at version 0
                for condition in self.service.library.rules(rules_id).conditions:
                    self._versions.setdefault(("condition", condition.id), 0)
            # (the service stored this verdict itself); the answers as stored from here
            sheet = self.service.sheet(self.assessment_id)
            self._stored, self._stored_rev = sheet.answers, sheet.answers_rev

        return persist

    def note(self, requirement_id: str) -> RequirementNote:
        return self.answers.notes.get(requirement_id, RequirementNote())

    # --- run on the writer thread ------------------------------------------------------------

    def _persist_edit(self, edit: Edit) -> None:
        item = (edit.kind, edit.key)
        with self._lock:
            # Clicked before a conflict on this item was known: made against the old value.
            stale = edit.stale or edit.seq <= self._stale_upto.get(item, 0)
            version = _STALE if stale else self._versions[item]
        stored = _with_value(self._stored, edit.kind, edit.key, edit.new)
        verdict = None
        if not stale and (found := score_for_storing(self.service.library, stored)):
            verdict = StoredVerdict(found[0], self._stored_rev + 1, found[1])
        try:
            new = self._save(edit, version, verdict)
        except AnswerConflict:
            with self._lock:
                if stale:  # refused as expected: show the stored value unless clicked since
                    upto = edit.seq
                else:  # a fresh conflict: every click on the item so far was made blind
                    upto = max(self._stale_upto.get(item, 0), self._last_seq)
                    self._stale_upto[item] = upto
            self._reload_item(edit.kind, edit.key, upto)
            raise
        with self._lock:
            self._versions[item] = new
        # Stored, so the answers as stored are these now, one revision on (if someone else also
        # saved, the revision is behind: the next verdict is refused until the next reload).
        self._stored, self._stored_rev = stored, self._stored_rev + 1

    def _save(self, edit: Edit, version: int, verdict: StoredVerdict | None) -> int:
        aid = self.assessment_id
        if edit.kind == "requirement":
            grade, note = cast(_Requirement, edit.new)
            return self.service.save_requirement(aid, edit.key, grade, note, version, verdict)
        if edit.kind == "scenario":
            scenario = cast(ScenarioAnswer, edit.new)
            return self.service.save_scenario(aid, edit.key, scenario, version, verdict)
        condition = cast(bool | None, edit.new)
        return self.service.save_condition(aid, edit.key, condition, version, verdict)

    def _reload_item(self, kind: str, key: str, upto: int) -> None:
        """After a conflict: this item as stored (theirs) and its version; ours is kept as an
        open conflict in the database. Every other item stays as the user left it, and so does
        this one if the user clicked it again meanwhile (that click is saved next)."""
        sheet = self.service.sheet(self.assessment_id)
        self._stored, self._stored_rev = sheet.answers, sheet.answers_rev
        table = {
            "requirement": sheet.requirements,
            "scenario": sheet.scenarios,
            "condition": sheet.conditions,
        }[kind]
        stored = table[key]
        with self._lock:
            self._versions[(kind, key)] = stored.version
            if self._latest_seq.get((kind, key), 0) <= upto:
                self._set_value(kind, key, stored.value)


def _with_value(answers: Answers, kind: str, key: str, value: object) -> Answers:
    """answers with one item set to an edit's value."""
    if kind == "requirement":
        grade, note = cast(_Requirement, value)
        notes = dict(answers.notes)
        if note == RequirementNote():
            notes.pop(key, None)
        else:
            notes[key] = note
        return replace(answers, requirements={**answers.requirements, key: grade}, notes=notes)
    if kind == "scenario":
        return replace(answers, scenarios={**answers.scenarios, key: value})  # type: ignore[dict-item]
    return replace(answers, conditions={**answers.conditions, key: value})  # type: ignore[dict-item]
