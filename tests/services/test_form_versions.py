"""A final assessment is rescored with the versions it was finalised with, years and releases
later; a draft stays on its versions until the user has seen what updating changes and agreed.

The release here is made as a real one is: hainan-2025 1.1.0 is kept in archive/1.1.0/ and the
current rule set becomes 1.2.0, in which 基础级 needs maturity level 3 instead of 1. The example
factory (S = 2.24, level 2, 基础级 under 1.1.0; computed by hand in tests/scoring) then reaches
no tier under 1.2.0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.locate import forms_root
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import VersionState, open_service
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers

BASIC = 'id = "basic"\nrank = 1\nzh = "基础级"\nen = "Basic"\nmin_level = 1'


def release_1_2_0(forms: Path) -> None:
    package = forms / "hainan-2025"
    (package / "archive" / "1.1.0").mkdir(parents=True)
    shutil.copy(package / "manifest.toml", package / "archive" / "1.1.0" / "manifest.toml")
    text = (package / "manifest.toml").read_text(encoding="utf-8")
    assert BASIC in text
    text = text.replace('version = "1.1.0"', 'version = "1.2.0"', 1).replace(
        BASIC, BASIC[:-1] + "3"
    )
    (package / "manifest.toml").write_text(text, encoding="utf-8")


@pytest.fixture
def forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "forms"
    shutil.copytree(forms_root(), target)
    monkeypatch.setenv("FACTORY_GRADER_FORMS", str(target))
    return target


def test_final_keeps_its_versions_and_a_draft_updates_only_when_asked(
    forms: Path, tmp_path: Path, capsys
) -> None:
    url = f"sqlite:///{tmp_path / 'g.db'}"
    before = FormLibrary.load(forms)
    service, db = open_service(url, before, actor="王工")
    example = read_answers_file(example_answers_path(), before)
    final = service.finalise(service.import_answers(example).id)
    draft = service.import_answers(example)
    assert (final.rules_version, draft.rules_version) == ("1.1.0", "1.1.0")
    db.close()

    release_1_2_0(forms)
    after = FormLibrary.load(forms)  # the app after the update
    service, db = open_service(url, after, actor="王工")
    try:
        # the final one: scored with hainan-2025 1.1.0, as finalised; nothing to report
        summary = service.summary(final.id)
        answers = service.answers(final.id)
        assert after.rules_for(answers).version == "1.1.0"
        result = score_answers(after, answers)
        assert (result.maturity.score_hundredths, result.maturity.level) == (224, 2)
        assert result.tier.tier == "basic"
        assert service.verdict_drift(summary) == []

        # the draft: still on 1.1.0 (基础级), told that 1.2.0 exists, shown what it changes
        notes = service.version_notes(service.summary(draft.id))
        assert [(n.what, n.version, n.used, n.state) for n in notes] == [
            ("rules", "1.1.0", "1.2.0", VersionState.OLDER)
        ]
        assert score_answers(after, service.answers(draft.id)).tier.tier == "basic"
        update = service.preview_update(draft.id)
        assert (update.was.rules_version, update.now.rules_version) == ("1.1.0", "1.2.0")
        assert update.verdict_was == (224, 2, "basic")
        assert update.verdict_now == (224, 2, None)  # 基础级 now needs level 3
        assert update.added == () and update.reworded == ()
        assert service.summary(draft.id).rules_version == "1.1.0"  # a preview changes nothing

        service.update_to_current(draft.id)
        moved = service.summary(draft.id)
        assert (moved.rules_version, moved.rules_digest) == (
            "1.2.0",
            after.rules("hainan-2025").digest,
        )
        assert score_answers(after, service.answers(draft.id)).tier.tier is None
        assert service.version_notes(moved) == []
    finally:
        db.close()

    # the command line, in a new process as it were: the final verdict without warnings
    assert main(["--db", url, "score", "--assessment", str(final.id)]) == 0
    out, err = capsys.readouterr()
    assert (
        "定稿结论: S = 2.24，二级（规范级），基础级（cmmm-2020 1.1.0 / hainan-2025 1.1.0）" in out
    )
    assert "梯度等级: 基础级" in out and err == ""


def test_update_on_the_command_line_previews_then_applies(
    forms: Path, tmp_path: Path, capsys
) -> None:
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["--db", db, "assessments", "import", str(example_answers_path())]) == 0
    release_1_2_0(forms)
    capsys.readouterr()
    assert main(["--db", db, "assessments", "update", "1"]) == 0
    out = capsys.readouterr().out
    assert "梯度规则：1.1.0 → 1.2.0" in out
    assert "结论：S = 2.24，二级（规范级），基础级 → S = 2.24，二级（规范级），未达基础级" in out
    assert "用 --apply 执行更新。" in out
    assert main(["--db", db, "assessments", "update", "1", "--apply", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] is True and data["now"]["rules_version"] == "1.2.0"
    assert main(["--db", db, "assessments", "update", "1"]) == 0
    assert "已是当前版本，无需更新。" in capsys.readouterr().out


def test_a_final_assessment_is_not_updated(forms: Path, tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["--db", db, "assessments", "import", str(example_answers_path())]) == 0
    assert main(["--db", db, "assessments", "finalise", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "assessments", "update", "1", "--apply"]) == 2
    assert "is final: it keeps the versions it was finalised with" in capsys.readouterr().err


def test_a_workbook_made_before_the_release_still_verifies_with_its_versions(
    forms: Path, tmp_path: Path, capsys
) -> None:
    book = tmp_path / "申报.xlsx"
    assert main(["export", str(example_answers_path()), "--out", str(book)]) == 0
    release_1_2_0(forms)
    capsys.readouterr()
    assert main(["verify", str(book), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "ok"
    assert data["tier"] == "basic"  # rescored with hainan-2025 1.1.0, as exported


def test_a_draft_from_a_version_the_app_no_longer_has_is_updated_for_real(
    tmp_path: Path, capsys
) -> None:
    """schema-0001.db holds drafts made with questionnaire 1.0.0 (no longer shipped) and no
    recorded rule-set version: update shows 1.0.0 → 1.1.0 and the reworded answered statements
    (changes.toml), and --apply records the current versions."""
    from tests.storage.test_upgrades import FIXTURES

    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "db" / "schema-0001.db", db)
    url = f"sqlite:///{db}"
    assert main(["--db", url, "assessments", "update", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["was"]["form_version"] == "1.0.0" and data["now"]["form_version"] == "1.1.0"
    assert data["was"]["rules_version"] == "" and data["now"]["rules_version"] == "1.1.0"
    assert "data.L2.01" in data["reworded"]  # answered, and its statement changed in 1.1.0
    assert "energy-management.L4.04" in data["added"]  # new in 1.1.0: unanswered after
    assert data["applied"] is False
    assert main(["--db", url, "assessments", "update", "2", "--apply"]) == 0
    assert "问卷：1.0.0 → 1.1.0" in capsys.readouterr().out
    assert main(["--db", url, "assessments", "update", "2"]) == 0
    assert "已是当前版本，无需更新。" in capsys.readouterr().out
    assert main(["--db", url, "score", "--assessment", "2"]) == 0
    assert capsys.readouterr().err == ""  # nothing left to say about its data


def test_another_rule_set_is_judged_at_its_own_current_version(forms: Path, tmp_path: Path) -> None:
    """score --assessment ID --rules OTHER: the other rule set at its current version, not at the
    version number the assessment's own rule set happens to have."""
    from factory_grader.services.scoring_service import under_rules

    url = f"sqlite:///{tmp_path / 'g.db'}"
    library = FormLibrary.load(forms)
    service, db = open_service(url, library)
    try:
        ident = service.import_answers(read_answers_file(example_answers_path(), library)).id
        answers = service.answers(ident)
    finally:
        db.close()
    package = forms / "national-2025"
    (package / "archive" / "1.1.0").mkdir(parents=True)
    shutil.copy(package / "manifest.toml", package / "archive" / "1.1.0" / "manifest.toml")
    text = (package / "manifest.toml").read_text(encoding="utf-8")
    (package / "manifest.toml").write_text(
        text.replace('version = "1.1.0"', 'version = "1.2.0"', 1), encoding="utf-8"
    )
    after = FormLibrary.load(forms)
    judged = under_rules(after, answers, "national-2025")
    assert after.rules_for(judged).version == "1.2.0"
    assert after.rules_for(under_rules(after, answers, "hainan-2025")).version == "1.1.0"


def test_finalising_on_data_changed_in_place_is_refused(
    forms: Path, tmp_path: Path, capsys
) -> None:
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["--db", db, "assessments", "import", str(example_answers_path())]) == 0
    rules = forms / "hainan-2025" / "manifest.toml"
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace(BASIC, BASIC[:-1] + "3"), encoding="utf-8")  # same version
    capsys.readouterr()
    assert main(["--db", db, "score", "--assessment", "1"]) == 0
    assert "梯度规则 hainan-2025 1.1.0 的内容与评估时记录的不一致" in capsys.readouterr().err
    assert main(["--db", db, "assessments", "finalise", "1"]) == 2
    assert "differs from what was recorded (changed in place)" in capsys.readouterr().err
    assert main(["--db", db, "assessments", "update", "1"]) == 0
    assert "梯度规则：1.1.0（内容与记录不同，按现在的内容）" in capsys.readouterr().out
    assert main(["--db", db, "assessments", "update", "1", "--apply"]) == 0
    assert main(["--db", db, "assessments", "finalise", "1"]) == 0  # after looking: allowed


def test_a_machine_sheet_naming_an_id_of_another_kind_is_invalid(tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "a.xlsx"
    assert main(["export", str(example_answers_path()), "--out", str(book)]) == 0
    wb = load_workbook(book)
    for row in wb["fg_data"].iter_rows(min_row=2):
        if row[0].value == "meta" and row[1].value == "form_id":
            row[2].value = "scenarios-2025"  # a catalogue's id where the form's belongs
    wb.save(book)
    capsys.readouterr()
    code = main(["verify", str(book)])
    out = capsys.readouterr()
    assert code != 0 and "Traceback" not in out.err
    assert "invalid" in (out.out + out.err).lower() and "scenarios-2025" in out.out + out.err
