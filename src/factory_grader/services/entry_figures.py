"""What a compared workbook's row shows that its answers give (its profile and every figure),
and the answers themselves in the compact form a summary carries to be recomputed later."""

from __future__ import annotations

import json
from typing import Any

from factory_grader.domain.answers import Answers
from factory_grader.domain.credit_code import credit_code_problem, normalise_credit_code
from factory_grader.domain.results import AssessmentResult
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.reference import shared_profile_lists
from factory_grader.scoring.subdomain_level import achieved_level
from factory_grader.services.answers_file import answers_to_json


def figures(answers: Answers, result: AssessmentResult, library: FormLibrary) -> dict[str, Any]:
    """What a summary row shows that the answers give: the profile and every figure."""
    m, t = result.maturity, result.tier
    # by code, so "Haikou" and "海口市" are one city (workbooks from before codes carry names)
    profile, _ = shared_profile_lists().normalised(answers.profile)
    form = library.form_for(answers)
    return {
        "city": profile.get("city") or "",
        "city_code": profile.get("city_code") or "",
        "name": profile.get("name") or "",
        "credit_code": normalise_credit_code(profile.get("credit_code") or ""),
        "credit_code_problem": _code_problem(profile.get("credit_code") or ""),
        "industry": profile.get("industry") or "",
        "industry_code": profile.get("industry_code") or "",
        "size": profile.get("size") or "",
        "score_hundredths": m.score_hundredths,
        "level": m.level,
        "tier": t.tier or "",
        "covered_links": ",".join(t.covered_links),
        "built": t.built_count,
        "ai": t.ai_count,
        "unanswered": len(m.unanswered),
        "rules_id": answers.rules_id,
        "form_id": answers.form_id,
        "subdomain_levels": "".join(
            str(achieved_level(m.subdomain_scores[s.id])) for s in form.subdomains
        ),
    }


def compact_answers(answers: Answers, library: FormLibrary) -> str:
    """The answers as an answers file holds them, without comments (they score nothing), and
    the versions of the forms they were made with."""
    data = answers_to_json(answers, library)
    data.pop("notes", None)
    data["versions"] = [
        library.form_for(answers).version,
        library.rules_for(answers).version,
        library.catalogue_for(answers).version,
    ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _code_problem(text: str) -> str:
    code = normalise_credit_code(text)
    return (credit_code_problem(code) or "") if code else ""
