"""Draft -> final -> reopened revision; one answer per transaction; evidence files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.errors import AssessmentFrozen, InputError, NotFound
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import AssessmentStatus, RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.examples import example_answers_path


@pytest.fixture
def draft(service: AssessmentService, library: FormLibrary) -> int:
    return service.import_answers(read_answers_file(example_answers_path(), library)).id


def test_each_change_is_saved_with_who_and_when(service: AssessmentService, draft: int) -> None:
    sheet = service.sheet(draft)
    before = sheet.requirements["data.L1.01"]
    new_version = service.save_requirement(
        draft, "data.L1.01", Grade.PARTIAL, RequirementNote("台账迁移中", True), before.version
    )
    assert new_version == before.version + 1
    after = service.sheet(draft).requirements["data.L1.01"]
    assert after.value == (Grade.PARTIAL, RequirementNote("台账迁移中", True))
    assert after.by == "王工" and after.at is not None and after.at.tzinfo is not None
    v = service.sheet(draft).scenarios["mass-customisation"].version
    service.save_scenario(draft, "mass-customisation", ScenarioAnswer(True, True, "C2M"), v)
    v = service.sheet(draft).conditions["advanced.simulation"].version
    service.save_condition(draft, "advanced.simulation", False, v)
    answers = service.answers(draft)
    assert answers.scenarios["mass-customisation"] == ScenarioAnswer(True, True, "C2M")
    assert answers.conditions["advanced.simulation"] is False
    assert service.summary(draft).updated_at > service.summary(draft).created_at


def test_finalise_freezes_and_reopen_makes_a_new_revision(
    service: AssessmentService, draft: int
) -> None:
    final = service.finalise(draft)
    assert final.status is AssessmentStatus.FINAL and final.finalised_at is not None
    version = service.sheet(draft).requirements["data.L1.01"].version
    with pytest.raises(AssessmentFrozen, match="reopen it as a new revision"):
        service.save_requirement(draft, "data.L1.01", Grade.NONE, RequirementNote(), version)
    with pytest.raises(AssessmentFrozen):
        service.finalise(draft)
    frozen_answers = service.answers(draft)

    reopened = service.reopen(draft)
    assert (reopened.revision, reopened.series_id, reopened.status) == (
        2,
        draft,
        AssessmentStatus.DRAFT,
    )
    assert service.answers(reopened.id) == frozen_answers
    v = service.sheet(reopened.id).requirements["data.L1.01"].version
    service.save_requirement(reopened.id, "data.L1.01", Grade.NONE, RequirementNote(), v)
    assert service.answers(draft) == frozen_answers  # the earlier revision stays as it was
    assert service.answers(reopened.id).requirements["data.L1.01"] is Grade.NONE
    with pytest.raises(AssessmentFrozen, match="is a draft"):
        service.reopen(reopened.id)
    service.finalise(reopened.id)
    assert service.reopen(draft).revision == 3  # reopening an old one continues the series


def test_unknown_ids(service: AssessmentService, draft: int) -> None:
    with pytest.raises(NotFound, match="no assessment with id 999"):
        service.answers(999)
    with pytest.raises(NotFound, match="has no requirement:nope"):
        service.save_requirement(draft, "nope", Grade.FULL, RequirementNote(), 0)


def test_attachments_are_copied_with_their_hash(
    service: AssessmentService, draft: int, tmp_path: Path
) -> None:
    evidence = tmp_path / "等保测评报告.pdf"
    evidence.write_bytes(b"%PDF-1.4 report" * 1000)
    added = service.attach(draft, "info-security.L3.02", evidence)
    assert added.file_name == "等保测评报告.pdf" and added.size == evidence.stat().st_size
    assert added.sha256 == hashlib.sha256(evidence.read_bytes()).hexdigest()
    stored = service.attachment_path(added)
    evidence.write_bytes(b"changed later")  # the copy is what was attached
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == added.sha256
    assert service.attachments(draft) == [added]
    service.finalise(draft)
    with pytest.raises(AssessmentFrozen):
        service.remove_attachment(added.id)
    reopened = service.reopen(draft)
    [carried] = service.attachments(reopened.id)
    assert carried.sha256 == added.sha256 and carried.id != added.id
    service.remove_attachment(carried.id)
    assert service.attachments(reopened.id) == [] and service.attachments(draft) == [added]
    assert stored.exists()  # still referenced by the final revision
    with pytest.raises(InputError, match="cannot be read"):
        service.attach(reopened.id, "data.L1.01", tmp_path / "missing.pdf")
    with pytest.raises(InputError, match="unknown requirement id"):
        service.attach(reopened.id, "nope", stored)


def test_invalid_credit_code_is_refused(service: AssessmentService, library: FormLibrary) -> None:
    from dataclasses import replace

    answers = read_answers_file(example_answers_path(), library)
    bad = replace(answers, profile={**answers.profile, "credit_code": "91460100MA5T1R2K7X"})
    with pytest.raises(InputError, match=r"profile\.credit_code: .* check character is X"):
        service.import_answers(bad)
    assert service.list_assessments() == []
