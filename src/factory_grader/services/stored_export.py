"""Exporting a stored assessment: its answers, evidence list, id and revision."""

from __future__ import annotations

from pathlib import Path

from factory_grader.domain.text import Lang
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.submission import COMPUTED, build_submission, export_workbook
from factory_grader.workbook.submission import Evidence, Submission


def export_stored(
    service: AssessmentService,
    assessment_id: int,
    target: Path,
    *,
    lang: Lang = "zh",
    claim: str | None = COMPUTED,
) -> Submission:
    answers = service.answers(assessment_id)
    summary = service.summary(assessment_id)
    evidence = [
        Evidence(a.requirement_id, a.file_name, a.size, a.sha256)
        for a in service.attachments(assessment_id)
    ]
    submission = build_submission(
        service.library,
        answers,
        lang=lang,
        claimed_tier=claim,
        evidence=evidence,
        assessment_id=summary.id,
        revision=summary.revision,
        exported_at=service.clock(),
    )
    export_workbook(submission, target)
    return submission
