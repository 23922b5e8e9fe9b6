"""An assessment open for editing: answers held in memory, each change persisted on its own.

The GUI changes the in-memory answers at once (so it can rescore on every click) and hands the
returned persist callable to its single background writer, which saves changes in order. Every
save names the version it was loaded at, so a change made meanwhile by someone else on a shared
server is refused (AnswerConflict) instead of overwritten. Qt-free; tested without a GUI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.errors import AnswerConflict
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import AssessmentSummary, RequirementNote, Status
from factory_grader.domain.results import AssessmentResult
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.scoring_service import score_answers

Persist = Callable[[], None]


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

    @property
    def editable(self) -> bool:
        return self.summary.status is Status.DRAFT

    def score(self) -> AssessmentResult:
        return score_answers(self.service.library, self.answers)

    # --- changes: update memory now, return the save to run on the writer thread ------------

    def set_requirement(
        self, requirement_id: str, grade: Grade | None, note: RequirementNote | None = None
    ) -> Persist:
        with self._lock:
            note = note if note is not None else self.note(requirement_id)
            notes = dict(self.answers.notes)
            if note == RequirementNote():
                notes.pop(requirement_id, None)
            else:
                notes[requirement_id] = note
            self.answers = replace(
                self.answers,
                requirements={**self.answers.requirements, requirement_id: grade},
                notes=notes,
            )
        return lambda: self._persist_requirement(requirement_id)

    def set_note(self, requirement_id: str, note: RequirementNote) -> Persist:
        return self.set_requirement(requirement_id, self.answers.grade(requirement_id), note)

    def set_scenario(self, scenario_id: str, answer: ScenarioAnswer) -> Persist:
        with self._lock:
            scenarios = {**self.answers.scenarios, scenario_id: answer}
            self.answers = replace(self.answers, scenarios=scenarios)
        return lambda: self._persist("scenario", scenario_id)

    def set_condition(self, condition_id: str, value: bool | None) -> Persist:
        with self._lock:
            conditions = {**self.answers.conditions, condition_id: value}
            self.answers = replace(self.answers, conditions=conditions)
        return lambda: self._persist("condition", condition_id)

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
            )

        def persist() -> None:
            self.summary = self.service.save_profile(
                self.assessment_id, dict(profile), industry_type, rules_id, weights_id
            )
            with self._lock:  # conditions new to this rule set now have rows at version 0
                for condition in self.service.library.rules(rules_id).conditions:
                    self._versions.setdefault(("condition", condition.id), 0)

        return persist

    def note(self, requirement_id: str) -> RequirementNote:
        return self.answers.notes.get(requirement_id, RequirementNote())

    # --- run on the writer thread ------------------------------------------------------------

    def _persist_requirement(self, requirement_id: str) -> None:
        with self._lock:
            grade = self.answers.grade(requirement_id)
            note = self.note(requirement_id)
            version = self._versions[("requirement", requirement_id)]
        try:
            new = self.service.save_requirement(
                self.assessment_id, requirement_id, grade, note, version
            )
        except AnswerConflict:
            self._reload()
            raise
        with self._lock:
            self._versions[("requirement", requirement_id)] = new

    def _persist(self, kind: str, key: str) -> None:
        with self._lock:
            version = self._versions[(kind, key)]
            if kind == "scenario":
                answer = self.answers.scenario(key)
            else:
                value = self.answers.conditions.get(key)
        try:
            if kind == "scenario":
                new = self.service.save_scenario(self.assessment_id, key, answer, version)
            else:
                new = self.service.save_condition(self.assessment_id, key, value, version)
        except AnswerConflict:
            self._reload()
            raise
        with self._lock:
            self._versions[(kind, key)] = new

    def _reload(self) -> None:
        """After a conflict: take the stored answers (theirs) and versions; ours is kept as an
        open conflict in the database."""
        fresh = EditSession(self.service, self.assessment_id)
        with self._lock:
            self.answers, self._versions = fresh.answers, fresh._versions
