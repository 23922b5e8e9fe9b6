"""The management report of a stored assessment (issue 16): gathers what the PDF shows — the
result, the workshop's participants and disagreements, the trend over the assessment's
revisions — and has factory_grader.pdf write it."""

from __future__ import annotations

import logging
from pathlib import Path

from factory_grader.domain.text import Lang
from factory_grader.services.app_paths import resources_root
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.workshop import WorkshopService, not_writable_said
from factory_grader.wording import agreed_words, grade_name, requirement_number

log = logging.getLogger(__name__)
FONT = "fonts/wqy-microhei.ttc"


def write_management_report(
    service: AssessmentService, assessment_id: int, out: Path, lang: Lang = "zh"
) -> Path:
    from factory_grader.pdf.report import Disagreement, ReportInput, TrendPoint, write_report

    summary = service.summary(assessment_id)
    answers, result = service.score(assessment_id)
    lib = service.library
    board = WorkshopService(service).board(assessment_id)
    trend = []
    previous = None
    for s in sorted(
        (s for s in service.list_assessments() if s.series_id == summary.series_id),
        key=lambda s: s.revision,
    ):
        if s.revision > summary.revision:
            continue
        if s.revision < summary.revision:
            previous = s.id  # the last one before this
        found = (
            result if s.id == assessment_id else score_answers(lib, service.answers(s.id), False)
        )
        trend.append(
            TrendPoint(
                s.revision,
                s.finalised_at or s.updated_at,
                found.maturity.score_hundredths,
                found.maturity.level,
                found.tier.tier,
                s.finalised_at is not None,
            )
        )
    form = lib.form_for(answers)
    closed: list[str] = []
    opened: list[str] = []
    if previous is not None:
        from factory_grader.services.revision_diff import diff_revisions

        before = service.answers(previous)
        closed, opened = diff_revisions(lib, before, answers, lang).gap_changes(
            lib, before, answers, lang
        )
    data = ReportInput(
        answers=answers,
        result=result,
        form=form,
        rules=lib.rules_for(answers),
        catalogue=lib.catalogue_for(answers),
        company=answers.profile.get("name", "") or summary.factory_name,
        assessment_id=assessment_id,
        revision=summary.revision,
        final=summary.finalised_at is not None,
        written_at=service.clock(),
        font=resources_root() / FONT,
        participants=tuple(
            (p.name, p.department, p.role, p.returned_at is not None) for p in board.participants
        ),
        disagreements=tuple(
            Disagreement(
                requirement_number(form, i.requirement.id, lang),
                # one person a line: a name never parts from its grade
                "\n".join(
                    f"{v.participant} {grade_name(v.grade, lang)}" for v in i.consensus.votes
                ),
                grade_name(i.consensus.proposed, lang),
                agreed_words(i.agreement, i.answer, lang),
                i.agreement.rationale if i.agreement else "",
            )
            for i in board.items  # what needed discussion, and whatever was agreed
            if i.consensus.needs_discussion or i.agreement is not None
        ),
        trend=tuple(trend),
        closed_gaps=tuple(closed),
        opened_gaps=tuple(opened),
        lang=lang,
    )
    with not_writable_said(out):
        write_report(out, data)
    log.info("management report of assessment %s written to %s", assessment_id, out)
    return out
