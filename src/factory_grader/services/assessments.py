"""Assessment use cases over the store: import, list, load, answer, attach evidence, finalise.

Why a service and not the store itself (issue 14 §3): what it adds is the app's rules — who and
when (actor, clock) on every write, the form and rule versions and profile codes an import
records, the profile's validation, evidence files copied and hashed into the data folder, the
verdict a finalise stores, version notes, drift and updates. Reads it only hands on (summaries,
answers, conflicts, attachments) stay here so that the GUI and the CLI know one interface, never
the store's."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from factory_grader.domain.answers import Answers, ScenarioAnswer
from factory_grader.domain.credit_code import credit_code_problem
from factory_grader.domain.errors import AnswersError, DatabaseError, DataChanged, InputError
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import (
    AssessmentSummary,
    Attachment,
    Conflict,
    DataVersions,
    FinalVerdict,
    RequirementNote,
    StoredVerdict,
    Verdict,
)
from factory_grader.domain.results import AssessmentResult
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.reference import shared_profile_lists
from factory_grader.services import app_paths
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.verdicts import score_for_storing
from factory_grader.services.versions import Drift, VersionNote, VersionState, VersionUpdate
from factory_grader.storage.assessment_store import (
    AnswerSheet,
    AssessmentStore,
    NewAssessment,
)
from factory_grader.storage.database import Database, open_database

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


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
        answers = replace(answers, profile=self._by_code(answers.profile))
        return self.store.create(
            answers, self._meta(answers), self.actor, self.clock(), self._scorer
        )

    def _scorer(self, answers: Answers) -> tuple[Verdict, str] | None:
        """Given to every write of answers: the verdict stored with them (services.verdicts)."""
        return score_for_storing(self.library, answers)

    def _by_code(self, profile: Mapping[str, str]) -> dict[str, str]:
        """City and industry stored by code, whatever language they were typed in; text that
        matches no code is kept as typed (and shows as unrecognised)."""
        clean, unrecognised = shared_profile_lists().normalised(profile)
        for field in unrecognised:
            log.info("profile %s %r matches no code: kept as free text", field, clean[field])
        return clean

    def _meta(self, answers: Answers) -> NewAssessment:
        """The versions the answers are scored with and the items those versions hold."""
        form = self.library.form_for(answers)
        rules = self.library.rules_for(answers)
        catalogue = self.library.catalogue_for(answers)
        return NewAssessment(
            DataVersions(
                form.version,
                form.digest,
                rules.version,
                rules.digest,
                catalogue.version,
                catalogue.digest,
            ),
            tuple(r.id for r in form.requirements),
            tuple(s.id for s in catalogue.scenarios),
            tuple(c.id for c in rules.conditions),
        )

    def list_assessments(self) -> list[AssessmentSummary]:
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
        summary = self.summary(assessment_id)
        # the same rule set stays at its version; another one is taken at its current version
        kept = rules_id == summary.rules_id
        lib = self.library
        rules = lib.rules(
            rules_id, lib.known_version(rules_id, summary.rules_version if kept else None)
        )
        if rules.form_id != summary.form_id:
            raise InputError(f"rule set {rules_id} is for another questionnaire")
        clean = self._by_code({k: v.strip() for k, v in profile.items() if v and v.strip()})
        conditions = tuple(c.id for c in rules.conditions)
        form = lib.maturity(
            summary.form_id, lib.known_version(summary.form_id, summary.form_version)
        )
        if weights_id is not None and form.weight_set(weights_id) is None:
            raise InputError(f"weights: '{weights_id}' is not a weight set of form {form.id}")
        return self.store.save_profile(
            assessment_id,
            clean,
            industry_type,
            rules_id,
            conditions,
            self.clock(),
            weight_set.id if (weight_set := form.weight_set(weights_id)) else None,
            None if kept else (rules.version, rules.digest),
            self._scorer,
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

    # verdict: the verdict of the answers the save leaves, where the caller knows them (an edit
    # session, services.editing); stored with the answer in one transaction if nobody else saved
    # meanwhile. Without it the stored verdict no longer holds and is computed again when listed.

    def save_requirement(
        self,
        assessment_id: int,
        requirement_id: str,
        grade: Grade | None,
        note: RequirementNote,
        expected_version: int,
        verdict: StoredVerdict | None = None,
    ) -> int:
        return self.store.save_requirement(
            assessment_id,
            requirement_id,
            grade,
            note,
            expected_version,
            self.actor,
            self.clock(),
            verdict,
        )

    def save_scenario(
        self,
        assessment_id: int,
        scenario_id: str,
        answer: ScenarioAnswer,
        expected_version: int,
        verdict: StoredVerdict | None = None,
    ) -> int:
        return self.store.save_scenario(
            assessment_id, scenario_id, answer, expected_version, self.actor, self.clock(), verdict
        )

    def save_condition(
        self,
        assessment_id: int,
        condition_id: str,
        value: bool | None,
        expected_version: int,
        verdict: StoredVerdict | None = None,
    ) -> int:
        return self.store.save_condition(
            assessment_id, condition_id, value, expected_version, self.actor, self.clock(), verdict
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
        changed = [
            n
            for n in self.version_notes(self.summary(assessment_id))
            if n.state is VersionState.CHANGED
        ]
        if changed:  # a digest mismatch is said, never taken over silently by finalising
            what = ", ".join(f"{n.id} {n.version}" for n in changed)
            raise DataChanged(
                f"assessment {assessment_id}: the data of {what} differs from what was recorded"
                " (changed in place); see what changes with 'assessments update'"
                " (GUI: 查看变化并更新…) and update first"
            )
        answers = self.answers(assessment_id)
        meta = self._meta(answers)
        result = score_answers(self.library, answers, improvements=False)
        v = meta.versions
        verdict = FinalVerdict(
            result.maturity.score_hundredths,
            result.maturity.level,
            result.tier.tier,
            answers.form_id,
            v.form_version,
            v.form_digest,
            answers.rules_id,
            v.rules_version,
            v.rules_digest,
        )
        done = self.store.finalise(assessment_id, v, self.clock(), verdict)
        log.info("assessment %s finalised by %s", assessment_id, self.actor)
        return done

    @staticmethod
    def _stored_versions(summary: AssessmentSummary) -> DataVersions:
        return DataVersions(
            summary.form_version,
            summary.form_digest,
            summary.rules_version or "",
            summary.rules_digest or "",
            summary.catalogue_version or "",
            summary.catalogue_digest or "",
        )

    def version_notes(self, summary: AssessmentSummary) -> list[VersionNote]:
        """How the data an assessment is scored with stands against what this app has: a
        version not recorded, no longer here, or changed in place (a digest that differs)."""
        notes: list[VersionNote] = []
        catalogue_id = self.library.rules(summary.rules_id).scenarios_id
        for what, ident, version, digest in (
            ("form", summary.form_id, summary.form_version, summary.form_digest),
            ("rules", summary.rules_id, summary.rules_version, summary.rules_digest),
            ("catalogue", catalogue_id, summary.catalogue_version, summary.catalogue_digest),
        ):
            current = self.library.current_version(ident)
            if not version:
                notes.append(VersionNote(what, ident, "", current, VersionState.NOT_RECORDED))
            elif not self.library.has(ident, version):
                notes.append(VersionNote(what, ident, version, current, VersionState.MISSING))
            elif digest and self.library.any_by_id(ident, version).digest != digest:
                notes.append(VersionNote(what, ident, version, version, VersionState.CHANGED))
            elif version != current:
                notes.append(VersionNote(what, ident, version, current, VersionState.OLDER))
        return notes

    def verdict_drift(self, summary: AssessmentSummary) -> list[Drift]:
        """How a final assessment's stored verdict differs from what its own versions of the
        data give now (empty: nothing changed). A final assessment is rescored with the versions
        it was finalised with; a difference can only come from data changed in place or a version
        this app no longer has, and is never silently accepted: front doors show the stored
        verdict and these differences."""
        stored = summary.final_verdict
        if stored is None:
            return []
        drift = [
            Drift(f"{n.what}_{n.state.value}", n.version or "-", n.used, note=n)
            for n in self.version_notes(summary)
            if n.state is not VersionState.OLDER
        ]
        result = score_answers(self.library, self.answers(summary.id), improvements=False)
        now_verdict = (result.maturity.score_hundredths, result.maturity.level, result.tier.tier)
        was_verdict = (stored.score_hundredths, stored.level, stored.tier)
        if now_verdict != was_verdict:
            drift.append(
                Drift(
                    "verdict",
                    str(was_verdict),
                    str(now_verdict),
                    verdicts=(was_verdict, now_verdict),
                )
            )
        return drift

    def preview_update(self, assessment_id: int) -> VersionUpdate:
        """What moving a draft to the current versions of its form, rule set and catalogue would
        change: the versions, the verdict, and the answers given to reworded statements."""
        answers = self.answers(assessment_id)
        current = replace(answers, form_version=None, rules_version=None, catalogue_version=None)
        before = score_answers(self.library, answers, improvements=False)
        after = score_answers(self.library, current, improvements=False)
        # as stored (a version this app lacks, or none recorded, stays visible as such)
        was, now = self._stored_versions(self.summary(assessment_id)), self._meta(current).versions
        form = self.library.form_for(current)
        old_ids = set(self.sheet(assessment_id).requirements)  # the items it has rows for
        between = self.library.reworded_between(answers.form_id, was.form_version, now.form_version)
        reworded = tuple(rid for rid in between if answers.requirements.get(rid) is not None)
        return VersionUpdate(
            answers.form_id,
            answers.rules_id,
            was,
            now,
            (before.maturity.score_hundredths, before.maturity.level, before.tier.tier),
            (after.maturity.score_hundredths, after.maturity.level, after.tier.tier),
            tuple(r.id for r in form.requirements if r.id not in old_ids),
            reworded,
        )

    def update_to_current(self, assessment_id: int) -> AssessmentSummary:
        """Move a draft to the current versions (after the user has seen preview_update)."""
        answers = self.answers(assessment_id)
        current = replace(answers, form_version=None, rules_version=None, catalogue_version=None)
        done = self.store.move_to_versions(
            assessment_id, self._meta(current), self.clock(), self._scorer
        )
        log.info(
            "assessment %s moved to the current form versions by %s", assessment_id, self.actor
        )
        return done

    def reopen(self, assessment_id: int) -> AssessmentSummary:
        return self.store.reopen(assessment_id, self.actor, self.clock())

    def next_revision(self, assessment_id: int) -> int:
        """The revision number reopening this one would create (to say so before)."""
        return self.store.next_revision(assessment_id)

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
    missing = app_paths.missing_data_folder()
    if missing is not None and db_url is None and not os.environ.get(app_paths.ENV_DB):
        raise DatabaseError(
            f"{missing}: the data folder is not there (is the USB stick or disk plugged in?);"
            " nothing was created in its place",
            "data-folder-missing",
            missing,
        )
    db = open_database(app_paths.database_url(db_url), clock)
    service = AssessmentService(
        AssessmentStore(db),
        library,
        actor or app_paths.current_user(),
        clock,
        app_paths.attachments_dir(),
    )
    return service, db
