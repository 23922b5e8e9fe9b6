"""Stored verdicts: what a list of assessments shows without rescoring each one.

Every write of answers stores the verdict of the answers it leaves, in the same transaction
(storage.assessment_store), marked with the answers' revision and a basis: a digest of the
versions and digests of the form, rule set and catalogue the answers are scored with here, and of
this app's version (a new release may score differently). A stored verdict is shown as current
only while both still hold; otherwise the assessment is rescored (rescore) and the verdict stored
again, unless the answers changed meanwhile.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factory_grader import __version__
from factory_grader.domain.answers import Answers
from factory_grader.domain.errors import DatabaseError, NotFound
from factory_grader.domain.maturity_model import IndustryType
from factory_grader.domain.records import AssessmentSummary, StoredVerdict, Verdict
from factory_grader.domain.results import AssessmentResult
from factory_grader.forms.library import FormLibrary
from factory_grader.services.scoring_service import score_answers

if TYPE_CHECKING:  # the service stores verdicts through score_for_storing below
    from factory_grader.services.assessments import AssessmentService

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ListedAssessment:
    """One line of the list: the assessment and its verdict, when one is stored for exactly
    these answers and this data (None: not known yet, rescore it)."""

    summary: AssessmentSummary
    verdict: Verdict | None


def verdict_of(result: AssessmentResult) -> Verdict:
    return Verdict(result.maturity.score_hundredths, result.maturity.level, result.tier.tier)


def verdict_basis(library: FormLibrary, answers: Answers) -> str:
    """What a verdict of these answers depends on besides the answers: the form, rule set and
    catalogue they are scored with here (ids, versions, digests: data changed in place or a
    version this app no longer has gives another basis) and the app's version."""
    form = library.form_for(answers)
    rules = library.rules_for(answers)
    catalogue = library.catalogue_for(answers)
    parts = (
        __version__,
        *(form.id, form.version, form.digest),
        *(rules.id, rules.version, rules.digest),
        *(catalogue.id, catalogue.version, catalogue.digest),
    )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def list_with_verdicts(service: AssessmentService) -> list[ListedAssessment]:
    """Every stored assessment with its stored verdict where that still holds. Rescores none."""
    return with_verdicts(service.library, service.list_assessments())


def early_list(db_url: str | None, library: FormLibrary) -> list[ListedAssessment] | None:
    """The list as list_with_verdicts gives it, read before the database is opened for work
    (storage.early_list: SQLite at this app's schema only); None: wait for the open."""
    from factory_grader.services.app_paths import database_url
    from factory_grader.storage.early_list import read_summaries

    summaries = read_summaries(database_url(db_url))
    return None if summaries is None else with_verdicts(library, summaries)


def with_verdicts(
    library: FormLibrary, summaries: Sequence[AssessmentSummary]
) -> list[ListedAssessment]:
    bases: dict[tuple[str, ...], str | None] = {}
    out = []
    for summary in summaries:
        stored = summary.stored_verdict
        holds = (
            stored is not None
            and stored.answers_rev == summary.answers_rev
            and stored.basis == _basis_of(library, summary, bases)
        )
        out.append(ListedAssessment(summary, stored.verdict if stored and holds else None))
    return out


def _basis_of(
    library: FormLibrary, s: AssessmentSummary, seen: dict[tuple[str, ...], str | None]
) -> str | None:
    """The basis a verdict of this assessment's answers has today (None: its form or rule set is
    not here at all, so it cannot be scored)."""
    key = (s.form_id, s.form_version, s.rules_id, s.rules_version or "", s.catalogue_version or "")
    if key not in seen:
        probe = Answers(
            s.form_id,
            s.rules_id,
            IndustryType.DISCRETE,  # (the basis does not depend on it)
            form_version=s.form_version,
            rules_version=s.rules_version,
            catalogue_version=s.catalogue_version,
        )
        try:
            seen[key] = verdict_basis(library, probe)
        except Exception:  # rescoring says what is wrong, in the assessment's own line
            seen[key] = None
    return seen[key]


def score_for_storing(library: FormLibrary, answers: Answers) -> tuple[Verdict, str] | None:
    """The scorer an answers write stores the verdict with. None when these answers cannot be
    scored here: the write still happens (an answer is never lost to a scoring fault), the
    verdict is just not stored, and the list says why when it rescores."""
    try:
        result = score_answers(library, answers, improvements=False)
        return verdict_of(result), verdict_basis(library, answers)
    except Exception:
        log.warning("no verdict stored: the answers could not be scored", exc_info=True)
        return None


def rescore(service: AssessmentService, ids: Sequence[int]) -> dict[int, Verdict | Exception]:
    """Score these assessments from their stored answers and store each verdict (unless the
    answers changed meanwhile: then the next listing rescores them again). One result per id:
    the verdict, or the exception that kept this one from being scored (the others go on).
    A database that cannot take the verdicts (read-only, locked) still gets them shown."""
    loaded = service.store.load_for_scoring(ids)
    out: dict[int, Verdict | Exception] = {}
    found: dict[int, StoredVerdict] = {}
    for assessment_id in ids:
        if assessment_id not in loaded:
            out[assessment_id] = NotFound(f"no assessment with id {assessment_id}")
            continue
        rev, answers = loaded[assessment_id]
        try:
            result = score_answers(service.library, answers, improvements=False)
            verdict = verdict_of(result)
            found[assessment_id] = StoredVerdict(
                verdict, rev, verdict_basis(service.library, answers)
            )
        except Exception as exc:  # shown in its own line of the list
            log.warning("assessment %s cannot be scored: %s", assessment_id, exc)
            out[assessment_id] = exc
            continue
        out[assessment_id] = verdict
    if found and not service.store.db.read_only:
        try:
            service.store.store_verdicts(found)
        except DatabaseError as exc:  # shown anyway; stored at a later listing
            log.warning("verdicts not stored: %s", exc)
    return out
