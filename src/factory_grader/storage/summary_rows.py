"""An assessment row as the domain's AssessmentSummary: one conversion for the store (SQLAlchemy
rows) and the start's early list (sqlite3 rows, early_list.py), so both say the same."""

from __future__ import annotations

import json
from typing import Any, Protocol

from factory_grader.domain.records import (
    AssessmentStatus,
    AssessmentSummary,
    FinalVerdict,
    StoredVerdict,
    Verdict,
)


class FactoryColumns(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def credit_code(self) -> str | None: ...


def summary_of(a: Any, f: FactoryColumns) -> AssessmentSummary:
    """a: an AssessmentRow, or a plain row of its columns (attribute access)."""
    return AssessmentSummary(
        id=a.id,
        factory_id=f.id,
        factory_name=f.name,
        credit_code=f.credit_code,
        series_id=a.series_id,
        revision=a.revision,
        status=AssessmentStatus(a.status),
        form_id=a.form_id,
        form_version=a.form_version,
        form_digest=a.form_digest,
        rules_id=a.rules_id,
        industry_type=a.industry_type,
        created_at=a.created_at,
        updated_at=a.updated_at,
        finalised_at=a.finalised_at,
        created_by=a.created_by,
        final_verdict=(
            FinalVerdict.from_json(json.loads(a.final_verdict)) if a.final_verdict else None
        ),
        rules_version=a.rules_version,
        rules_digest=a.rules_digest,
        catalogue_version=a.catalogue_version,
        catalogue_digest=a.catalogue_digest,
        answers_rev=a.answers_rev,
        stored_verdict=stored_verdict_of(a),
    )


def stored_verdict_of(a: Any) -> StoredVerdict | None:
    if a.verdict_level is None or a.verdict_hundredths is None or a.verdict_rev is None:
        return None
    verdict = Verdict(a.verdict_hundredths, a.verdict_level, a.verdict_tier)
    return StoredVerdict(verdict, a.verdict_rev, a.verdict_basis or "")
