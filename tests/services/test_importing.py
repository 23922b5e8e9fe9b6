"""Importing many files at once (issue 14 §3): each file's own outcome, a bad file never stops
the rest, nothing of a refused file is stored, a stop keeps what was done."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.examples import example_answers_path
from factory_grader.services.importing import (
    ImportOutcome,
    import_files,
    importable_files,
)
from factory_grader.services.submission import build_submission, export_workbook
from tests.bad_files import make_bad


@pytest.fixture
def folder(tmp_path: Path, library) -> Path:
    """What a city office gets from its factories, and what else lies in such a folder."""
    sent = tmp_path / "sent"
    (sent / "海口").mkdir(parents=True)
    shutil.copy(example_answers_path(), sent / "a-answers.json")
    good = sent / "海口" / "b-good.xlsx"
    export_workbook(
        build_submission(library, read_answers_file(example_answers_path(), library)), good
    )
    edited = sent / "c-edited.xlsx"
    book = load_workbook(good)
    book["评估结果"]["B5"] = 4.9
    book.save(edited)
    shutil.move(make_bad("truncated", good, tmp_path), sent / "d-damaged.xlsx")
    (sent / "e-broken.json").write_text("{not json", encoding="utf-8")
    (sent / "notes.txt").write_text("not for import", encoding="utf-8")  # not offered
    (sent / "~$b-good.xlsx").write_bytes(b"lock")  # an Office lock file: not offered
    return sent


def test_a_folder_offers_its_answers_files_and_workbooks_only(folder: Path) -> None:
    names = [p.name for p in importable_files([folder])]
    assert names == [
        "a-answers.json",
        "c-edited.xlsx",
        "d-damaged.xlsx",
        "e-broken.json",
        "b-good.xlsx",
    ]  # fmt: skip  (sorted by full path: 海口/ comes after the files beside it)


def test_each_file_gets_its_outcome_and_bad_ones_do_not_stop_the_rest(
    folder: Path, library, tmp_path: Path
) -> None:
    service, db = open_service(f"sqlite:///{tmp_path / 'x.db'}", library)
    try:
        results = import_files(service, importable_files([folder]))
        outcomes = {r.path.name: r.outcome for r in results}
        assert outcomes == {
            "a-answers.json": ImportOutcome.IMPORTED,
            "b-good.xlsx": ImportOutcome.IMPORTED,
            "c-edited.xlsx": ImportOutcome.EDITED,
            "d-damaged.xlsx": ImportOutcome.REFUSED,
            "e-broken.json": ImportOutcome.REFUSED,
        }
        by_name = {r.path.name: r for r in results}
        assert by_name["d-damaged.xlsx"].reason("zh") == "工作簿已损坏或不完整"
        assert by_name["e-broken.json"].reason("en").startswith("line 1, column 2: not valid JSON")
        assert "评估结果!B5" in by_name["c-edited.xlsx"].reason("zh")
        stored = service.list_assessments()
        assert len(stored) == 3  # the refused ones left nothing behind
        assert {a.id for a in stored} == {r.assessment.id for r in results if r.assessment}
    finally:
        db.close()


def test_stopping_keeps_what_was_imported(folder: Path, library, tmp_path: Path) -> None:
    service, db = open_service(f"sqlite:///{tmp_path / 'x.db'}", library)
    seen: list[int] = []
    try:
        results = import_files(
            service,
            importable_files([folder]),
            progress=lambda _r, done, _total: seen.append(done),
            stop=lambda: len(seen) >= 2,
        )
        assert [r.path.name for r in results] == ["a-answers.json", "c-edited.xlsx"]
        assert len(service.list_assessments()) == 2
    finally:
        db.close()


def test_cli_imports_a_folder_one_line_per_file(folder: Path, tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--db", db, "assessments", "import", str(folder), "--lang", "zh"]) == 2
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 3 and all(line.split("\t")[2] == "draft" for line in lines)
    assert [Path(line.split("\t")[3]).name for line in lines] == [
        "a-answers.json", "c-edited.xlsx", "b-good.xlsx"
    ]  # fmt: skip
    assert "d-damaged.xlsx: 工作簿已损坏或不完整" in err
    assert f"{folder / 'e-broken.json'}: line 1, column 2: not valid JSON" in err  # path once
    assert "警告：" in err and "c-edited.xlsx 导出后被修改过" in err
    assert "warning" not in err  # no English in the Chinese output, file names aside
    assert "3 个文件已导入，2 个文件无法导入" in err
    assert main(["--db", db, "assessments", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_cli_json_lists_every_file(folder: Path, tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--db", db, "assessments", "import", str(folder), "--json"]) == 2
    rows = {Path(r["file"]).name: r for r in json.loads(capsys.readouterr().out)}
    assert rows["b-good.xlsx"]["outcome"] == "imported"
    assert rows["b-good.xlsx"]["workbook_status"] == "ok"
    assert rows["c-edited.xlsx"]["workbook_status"] == "edited"
    assert rows["a-answers.json"]["workbook_status"] is None
    assert rows["d-damaged.xlsx"]["id"] is None
    assert rows["d-damaged.xlsx"]["reason_zh"] == "工作簿已损坏或不完整"


def test_cli_all_good_files_exit_0(folder: Path, tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    files = [str(folder / "a-answers.json"), str(folder / "海口" / "b-good.xlsx")]
    assert main(["--db", db, "assessments", "import", *files]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2


def test_cli_one_bad_file_is_an_error_as_before(folder: Path, tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--db", db, "assessments", "import", str(folder / "e-broken.json")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "e-broken.json" in err and err.count("\n") == 1


def test_cli_a_folder_with_nothing_to_import_says_so(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("x", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'e.db'}"
    assert main(["--db", db, "assessments", "import", str(empty), "--lang", "en"]) == 2
    assert "no answers files or workbooks" in capsys.readouterr().err
    assert main(["--db", db, "assessments", "import", str(empty), "--lang", "zh"]) == 2
    assert "其中没有答题文件或申报工作簿" in capsys.readouterr().err


def test_a_file_no_check_foresaw_is_refused_and_the_rest_go_on(
    folder: Path, library, tmp_path: Path
) -> None:
    """An integer of 5,000 digits (beyond Python's limit for int()), a symlink loop: each is
    that file's problem only."""
    (folder / "f-huge-number.json").write_text('{"format": ' + "9" * 5000 + "}", encoding="utf-8")
    (folder / "g-loop.json").symlink_to(folder / "g-loop.json")
    service, db = open_service(f"sqlite:///{tmp_path / 'x.db'}", library)
    try:
        results = import_files(service, importable_files([folder, folder / "g-loop.json"]))
        outcomes = {r.path.name: r.outcome for r in results}
        assert outcomes["f-huge-number.json"] is ImportOutcome.REFUSED
        assert outcomes["g-loop.json"] is ImportOutcome.REFUSED
        assert sum(o is not ImportOutcome.REFUSED for o in outcomes.values()) == 3
    finally:
        db.close()


def test_a_database_failing_mid_batch_still_says_what_was_stored(
    folder: Path, library, tmp_path: Path
) -> None:
    from factory_grader.domain.errors import DatabaseError
    from factory_grader.services.importing import ImportInterrupted

    service, db = open_service(f"sqlite:///{tmp_path / 'x.db'}", library)
    real = service.import_answers
    calls = []

    def fails_third_time(answers):  # the database going away after two drafts
        calls.append(1)
        if len(calls) == 3:
            raise DatabaseError("the server went away")
        return real(answers)

    service.import_answers = fails_third_time  # type: ignore[method-assign]
    try:
        with pytest.raises(ImportInterrupted) as stop:
            import_files(service, importable_files([folder]))
        assert [r.path.name for r in stop.value.done if r.assessment] == [
            "a-answers.json", "c-edited.xlsx"
        ]  # fmt: skip
        assert isinstance(stop.value.cause, DatabaseError)
    finally:
        db.close()
