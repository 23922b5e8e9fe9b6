"""Assessment use cases over the store: import, list, load, answer, attach evidence, finalise."""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.credit_code import credit_code_problem
from factory_grader.domain.errors import AnswersError, InputError
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import (
    AssessmentSummary,
    Attachment,
    Conflict,
    FinalVerdict,
    RequirementNote,
)
from factory_grader.domain.results import AssessmentResult
from factory_grader.forms.library import FormLibrary
from factory_grader.services import app_paths
from factory_grader.services.scoring_service import score_answers
from factory_grader.storage.assessment_store import AnswerSheet, AssessmentStore, NewAssessment
from factory_grader.storage.database import Database, open_database

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Drift:
    """One difference between a final verdict as reached and what the data gives now."""

    what: str  # form_version | form_digest | rules_version | rules_digest | verdict
    was: str
    now: str


@dataclass
class AssessmentService:
    store: AssessmentStore
    library: FormLibrary
    actor: str
    clock: Callable[[], datetime]
    attachments_dir: Path

    # --- create and read -----------------------------------------------------------------

    def import_answers(self, answers: Answers) -> AssessmentSummary:
        code = answers.profile.get("credit_code")
        if code and (problem := credit_code_problem(code)):
            raise AnswersError(f"profile.credit_code: {code!r} {problem}")
        form = self.library.maturity(answers.form_id)
        rules = self.library.rules(answers.rules_id)
        catalogue = self.library.catalogue(rules.scenarios_id)
        meta = NewAssessment(
            form.version,
            form.digest,
            tuple(r.id for r in form.requirements),
            tuple(s.id for s in catalogue.scenarios),
            tuple(c.id for c in rules.conditions),
        )
        return self.store.create(answers, meta, self.actor, self.clock())

    def list(self) -> list[AssessmentSummary]:
        return self.store.summaries()

    def summary(self, assessment_id: int) -> AssessmentSummary:
        return self.store.summary(assessment_id)

    def answers(self, assessment_id: int) -> Answers:
        return self.store.load(assessment_id)

    def sheet(self, assessment_id: int) -> AnswerSheet:
        return self.store.load_sheet(assessment_id)

    def score(self, assessment_id: int) -> tuple[Answers, AssessmentResult]:
        answers = self.answers(assessment_id)
        return answers, score_answers(self.library, answers)

    def save_profile(
        self,
        assessment_id: int,
        profile: dict[str, str],
        industry_type: IndustryType,
        rules_id: str,
        weights_id: str | None = None,
    ) -> AssessmentSummary:
        code = profile.get("credit_code")
        if code and (problem := credit_code_problem(code)):
            raise AnswersError(f"profile.credit_code: {code!r} {problem}")
        rules = self.library.rules(rules_id)
        if rules.form_id != self.summary(assessment_id).form_id:
            raise InputError(f"rule set {rules_id} is for another questionnaire")
        clean = {k: v.strip() for k, v in profile.items() if v and v.strip()}
        conditions = tuple(c.id for c in rules.conditions)
        form = self.library.maturity(rules.form_id)
        if weights_id is not None and form.weight_set(weights_id) is None:
            raise InputError(f"weights: '{weights_id}' is not a weight set of form {form.id}")
        return self.store.save_profile(
            assessment_id,
            clean,
            industry_type,
            rules_id,
            conditions,
            self.clock(),
            form.weight_set(weights_id).id if form.weight_set(weights_id) else None,
        )

    def delete(self, assessment_id: int) -> AssessmentSummary:
        return self.store.delete(assessment_id)

    def create_blank(
        self, profile: dict[str, str], industry_type: IndustryType, rules_id: str | None = None
    ) -> AssessmentSummary:
        rules = self.library.rules(rules_id or self.library.default_rules_id)
        blank = Answers(rules.form_id, rules.id, industry_type, profile)
        return self.import_answers(blank)

    # --- change one answer (autosave) ----------------------------------------------------

    def save_requirement(
        self,
        assessment_id: int,
        requirement_id: str,
        grade: Grade | None,
        note: RequirementNote,
        expected_version: int,
    ) -> int:
        return self.store.save_requirement(
            assessment_id, requirement_id, grade, note, expected_version, self.actor, self.clock()
        )

    def save_scenario(
        self, assessment_id: int, scenario_id: str, answer: ScenarioAnswer, expected_version: int
    ) -> int:
        return self.store.save_scenario(
            assessment_id, scenario_id, answer, expected_version, self.actor, self.clock()
        )

    def save_condition(
        self, assessment_id: int, condition_id: str, value: bool | None, expected_version: int
    ) -> int:
        return self.store.save_condition(
            assessment_id, condition_id, value, expected_version, self.actor, self.clock()
        )

    def conflicts(self, assessment_id: int) -> list[Conflict]:
        return self.store.conflicts(assessment_id)

    def resolve_conflict(self, conflict_id: int) -> None:
        self.store.resolve_conflict(conflict_id, self.clock())

    # --- evidence --------------------------------------------------------------------------

    def attach(self, assessment_id: int, requirement_id: str, source: Path) -> Attachment:
        """Copy the file into the data folder (content-addressed, so a copy stays valid even if
        the original moves or changes) and record name, size and SHA-256."""
        if (
            self.library.maturity(self.summary(assessment_id).form_id).requirement(requirement_id)
            is None
        ):
            raise InputError(f"unknown requirement id {requirement_id!r}")
        try:
            digest, size = _sha256(source)
        except OSError as exc:
            raise InputError(f"{source}: cannot be read: {exc.strerror}") from None
        stored_as = f"{digest[:2]}/{digest}"
        target = self.attachments_dir / stored_as
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".partial")
            shutil.copyfile(source, partial)
            partial.replace(target)  # never a half-copied file under the final name
        return self.store.add_attachment(
            assessment_id,
            requirement_id,
            source.name,
            size,
            digest,
            stored_as,
            self.actor,
            self.clock(),
        )

    def attachments(self, assessment_id: int) -> list[Attachment]:
        return self.store.attachments(assessment_id)

    def attachment_path(self, attachment: Attachment) -> Path:
        return self.attachments_dir / attachment.stored_as

    def remove_attachment(self, attachment_id: int) -> Attachment:
        # The stored file stays: other revisions may point at it, and nothing is lost.
        return self.store.remove_attachment(attachment_id, self.clock())

    # --- life cycle --------------------------------------------------------------------------

    def finalise(self, assessment_id: int) -> AssessmentSummary:
        answers = self.answers(assessment_id)
        form, rules = self.library.maturity(answers.form_id), self.library.rules(answers.rules_id)
        result = score_answers(self.library, answers, improvements=False)
        verdict = FinalVerdict(
            result.maturity.score_hundredths,
            result.maturity.level,
            result.tier.tier,
            form.id,
            form.version,
            form.digest,
            rules.id,
            rules.version,
            rules.digest,
        )
        done = self.store.finalise(assessment_id, form.digest, self.clock(), verdict)
        log.info("assessment %s finalised by %s", assessment_id, self.actor)
        return done

    def verdict_drift(self, summary: AssessmentSummary) -> list[Drift]:
        """How a final assessment's stored verdict and the data that reached it differ from what
        the forms give now (empty: nothing changed). Never silently accepted: front doors show
        the stored verdict and these differences."""
        stored = summary.final_verdict
        if stored is None:
            return []
        answers = self.answers(summary.id)
        form, rules = self.library.maturity(stored.form_id), self.library.rules(stored.rules_id)
        drift = [
            Drift(what, was, now)
            for what, was, now in (
                ("form_version", stored.form_version, form.version),
                ("form_digest", stored.form_digest, form.digest),
                ("rules_version", stored.rules_version, rules.version),
                ("rules_digest", stored.rules_digest, rules.digest),
            )
            if was != now
        ]
        result = score_answers(self.library, answers, improvements=False)
        now_verdict = (result.maturity.score_hundredths, result.maturity.level, result.tier.tier)
        was_verdict = (stored.score_hundredths, stored.level, stored.tier)
        if now_verdict != was_verdict:
            drift.append(Drift("verdict", str(was_verdict), str(now_verdict)))
        return drift

    def reopen(self, assessment_id: int) -> AssessmentSummary:
        return self.store.reopen(assessment_id, self.actor, self.clock())

    def new_revision(self, assessment_id: int) -> AssessmentSummary:
        """Duplicate any revision, final or draft, as the series' next draft revision."""
        return self.store.reopen(assessment_id, self.actor, self.clock(), from_draft=True)


def _sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def open_service(
    db_url: str | None,
    library: FormLibrary,
    clock: Callable[[], datetime] = utc_now,
    actor: str | None = None,
) -> tuple[AssessmentService, Database]:
    """Open (creating or migrating as needed) the database the user chose, and the service on it."""
    db = open_database(app_paths.database_url(db_url), clock)
    service = AssessmentService(
        AssessmentStore(db),
        library,
        actor or app_paths.current_user(),
        clock,
        app_paths.attachments_dir(),
    )
    return service, db
