"""A consultant's clients (issue 16): each factory with its assessments over time and the
verdict of each (S, level, tier), oldest first — T0, T1, … — for the trend and for 修订对比."""

from __future__ import annotations

from dataclasses import dataclass

from factory_grader.domain.records import AssessmentSummary, Verdict
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.verdicts import list_with_verdicts, rescore


@dataclass(frozen=True)
class Client:
    factory_id: int
    name: str
    credit_code: str | None
    #: every assessment of the factory, revisions included, oldest first, with its verdict
    timeline: tuple[tuple[AssessmentSummary, Verdict], ...]


def clients(service: AssessmentService) -> list[Client]:
    """Every factory with at least one assessment, the most recently changed first. Verdicts
    no longer stored are computed (and stored) once."""
    listed = list_with_verdicts(service)
    missing = [x.summary.id for x in listed if x.verdict is None]
    found = rescore(service, missing) if missing else {}
    by_factory: dict[int, list[tuple[AssessmentSummary, Verdict]]] = {}
    for x in listed:
        verdict = x.verdict or found.get(x.summary.id)
        if isinstance(verdict, Verdict):  # (one that cannot be scored is left out)
            by_factory.setdefault(x.summary.factory_id, []).append((x.summary, verdict))
    out = []
    for fid, rows in by_factory.items():
        rows.sort(key=lambda r: (r[0].created_at, r[0].revision))
        latest = max(rows, key=lambda r: r[0].updated_at)[0]
        out.append(Client(fid, latest.factory_name, latest.credit_code, tuple(rows)))
    return sorted(out, key=lambda c: max(s.updated_at for s, _ in c.timeline), reverse=True)
