"""A named weight set: data in the form, chosen per assessment, off by default, and carried
through the answers file, the database and the workbook."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.maturity import score_maturity
from factory_grader.services.answers_file import answers_to_json, read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.submission import (
    FileStatus,
    build_submission,
    export_workbook,
    verify_workbook,
)

DRAFT = "draft-2024-shares"


def _only_production(library: FormLibrary, level: int = 1) -> dict[str, Grade]:
    form = library.maturity("cmmm-2020")
    domain_of = {s.id: s.domain_id for s in form.subdomains}
    return {
        r.id: Grade.FULL
        if domain_of[r.subdomain_id] == "production" and r.level == level
        else Grade.NONE
        for r in form.requirements
    }


@pytest.mark.parametrize(
    ("industry", "weights_id", "a1"),
    [
        # default: 12 equal domains, production one of them
        (IndustryType.DISCRETE, None, 1 / 12),
        (IndustryType.PROCESS, None, 1 / 12),
        # draft shares ×30: discrete production 1110 of 3000 (37 %), process 1260 of 3000 (42 %)
        (IndustryType.DISCRETE, DRAFT, 1110 / 3000),
        (IndustryType.PROCESS, DRAFT, 1260 / 3000),
    ],
)
def test_a_level_score_under_each_weight_set(
    library: FormLibrary, industry: IndustryType, weights_id: str | None, a1: float
) -> None:
    """Level 1: every 生产 requirement met, every other one not: A1 is 生产's share."""
    form = library.maturity("cmmm-2020")
    m = score_maturity(form, industry, _only_production(library), weights_id)
    assert m.level_scores[0].raw == pytest.approx(a1)
    # one of 生产's seven sub-domains: 1110/3000/7 = 37/700 (discrete)
    if weights_id == DRAFT and industry is IndustryType.DISCRETE:
        assert m.subdomain_weights["procurement"][0] == pytest.approx(37 / 700)
        assert m.subdomain_weights["org-strategy"][0] == pytest.approx(105 / 3000)


def test_off_by_default_and_named_in_the_report(library: FormLibrary) -> None:
    answers = read_answers_file(example_answers_path(), library)
    assert answers.weights_id is None
    assert "weights" not in answers_to_json(answers, library)
    from factory_grader.services.report import render_text

    text = render_text(score_answers(library, answers), answers, library)
    assert "权重: 各能力域等权（默认，估计值）" in text
    chosen = replace(answers, weights_id=DRAFT)
    text = render_text(score_answers(library, chosen), chosen, library)
    assert "权重: 按 2024 修订草案领域占比折算（估计）" in text


def test_answers_file_round_trip_and_bad_id(library: FormLibrary, tmp_path: Path) -> None:
    answers = replace(read_answers_file(example_answers_path(), library), weights_id=DRAFT)
    data = answers_to_json(answers, library)
    assert data["weights"] == DRAFT
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert read_answers_file(path, library).weights_id == DRAFT
    data["weights"] = "heavy"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    from factory_grader.domain.errors import AnswersError

    with pytest.raises(AnswersError, match=r"weights: not a weight set of form cmmm-2020"):
        read_answers_file(path, library)


def test_workbook_carries_the_weight_set_and_verifies(library: FormLibrary, tmp_path: Path) -> None:
    answers = replace(read_answers_file(example_answers_path(), library), weights_id=DRAFT)
    out = tmp_path / "w.xlsx"
    export_workbook(build_submission(library, answers), out)
    verdict = verify_workbook(out, library)
    assert verdict.status is FileStatus.OK, verdict.findings
    assert verdict.answers.weights_id == DRAFT
    expected = score_answers(library, answers).maturity.score_hundredths
    assert verdict.result.maturity.score_hundredths == expected
    from openpyxl import load_workbook

    sheet = load_workbook(out)["评估结果"]
    values = [c.value for row in sheet.iter_rows(max_row=12) for c in row]
    assert "按 2024 修订草案领域占比折算（估计）" in values


def test_stored_per_assessment(library: FormLibrary, tmp_path: Path) -> None:
    from factory_grader.services.assessments import open_service

    service, db = open_service(f"sqlite:///{tmp_path / 'w.db'}", library, actor="测试")
    try:
        answers = read_answers_file(example_answers_path(), library)
        first = service.import_answers(answers)
        second = service.import_answers(answers)
        service.save_profile(
            first.id, dict(answers.profile), answers.industry_type, answers.rules_id, DRAFT
        )
        assert service.answers(first.id).weights_id == DRAFT
        assert service.answers(second.id).weights_id is None  # per assessment
        service.save_profile(
            first.id, dict(answers.profile), answers.industry_type, answers.rules_id, None
        )
        assert service.answers(first.id).weights_id is None
        from factory_grader.domain.errors import InputError

        with pytest.raises(InputError, match="not a weight set"):
            service.save_profile(
                first.id, dict(answers.profile), answers.industry_type, answers.rules_id, "x"
            )
    finally:
        db.close()


def test_a_shown_sum_that_differs_from_s_is_explained(library: FormLibrary, tmp_path: Path) -> None:
    """The example under the draft weights shows A1 0.90 + A2 0.83 + A3 0.47 = 2.20 against
    S 2.21 (each rounded half-up on its own): the report and the workbook say why."""
    from openpyxl import load_workbook

    from factory_grader.services.report import render_text

    answers = replace(read_answers_file(example_answers_path(), library), weights_id=DRAFT)
    result = score_answers(library, answers)
    m = result.maturity
    shown = [ls.hundredths for ls in m.level_scores if ls.counted]
    assert (shown, m.score_hundredths) == ([90, 83, 47], 221)
    assert "合计与 S 可能相差 0.01" in render_text(result, answers, library)
    out = tmp_path / "w.xlsx"
    export_workbook(build_submission(library, answers), out)
    sheet = load_workbook(out)["评估结果"]
    texts = [c.value for row in sheet.iter_rows(max_row=25) for c in row if c.value]
    assert any(isinstance(t, str) and "合计与 S 可能相差 0.01" in t for t in texts)
    # and not where the shown figures do add up (the example under the default weights)
    plain = read_answers_file(example_answers_path(), library)
    assert "合计与 S" not in render_text(score_answers(library, plain), plain, library)
