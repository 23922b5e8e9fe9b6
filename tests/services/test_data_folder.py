"""Moving the data folder: the database, evidence files and settings are copied, the copy is
checked (every row, every evidence file's SHA-256), the app then uses the new folder, and the
old folder stays exactly as it was. A folder it must not move to is refused, changing nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.forms.library import FormLibrary
from factory_grader.services import app_paths, data_folder
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.data_folder import MoveRefused, move_data
from factory_grader.services.examples import example_answers_path
from tests.damage import wreck_a_table_page


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))  # SQLite's own, transient
    }


@pytest.fixture
def filled(isolated_home: Path, library: FormLibrary, tmp_path: Path) -> int:
    """The data folder with one assessment, one evidence file and a settings file."""
    service, db = open_service(None, library, actor="王工")
    try:
        ident = service.import_answers(read_answers_file(example_answers_path(), library)).id
        evidence = tmp_path / "设备台账.pdf"
        evidence.write_bytes(b"%PDF-1.4 ledger " * 500)
        service.attach(ident, "data.L1.01", evidence)
    finally:
        db.close()
    (isolated_home / "settings.ini").write_text("[ui]\nlanguage=zh\n", encoding="utf-8")
    return ident


def test_move_copies_checks_switches_and_keeps_the_old_folder(
    filled: int, isolated_home: Path, tmp_path: Path, capsys
) -> None:
    before = tree(isolated_home)
    target = tmp_path / "U盘" / "评估数据"
    report = move_data(target)

    assert app_paths.data_home() == target.resolve()  # the app now uses the new folder
    assert tree(isolated_home) == {
        **before,
        app_paths.LOCATION_FILE: tree(isolated_home)[app_paths.LOCATION_FILE],
    }
    moved = tree(target)
    assert moved["settings.ini"] == before["settings.ini"]
    evidence = [k for k in moved if k.startswith("attachments/")]
    assert len(evidence) == 1 and Path(evidence[0]).name == moved[evidence[0]]  # named by hash
    assert report.evidence_checked == 1
    assert report.rows["assessment"] == 1 and report.rows["attachment"] == 1
    assert report.rows["requirement_answer"] == len(
        FormLibrary.load().maturity("cmmm-2020").requirements
    )

    # the commands now read the moved database
    assert main(["assessments", "list"]) == 0
    assert "海口示例智能装备有限公司" in capsys.readouterr().out
    assert main(["score", "--assessment", str(filled)]) == 0


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        (lambda home, tmp: home, "same"),
        (lambda home, tmp: home / "inside", "inside"),
        (lambda home, tmp: tmp / "full", "not-empty"),
    ],
)
def test_refused_targets_change_nothing(
    filled: int, isolated_home: Path, tmp_path: Path, where, reason
) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "其他文件.txt").write_text("x", encoding="utf-8")
    before = tree(isolated_home)
    with pytest.raises(MoveRefused) as info:
        move_data(where(isolated_home, tmp_path))
    assert info.value.reason == reason
    assert tree(isolated_home) == before and app_paths.data_home() == isolated_home


def test_a_network_folder_is_refused_with_the_reason(
    filled: int, isolated_home: Path, tmp_path: Path, monkeypatch
) -> None:
    # This machine has no network share to mount; detection itself is tested on real
    # /proc/mounts text and UNC paths in test_network_paths.py.
    monkeypatch.setattr(data_folder, "on_network", lambda path: True)
    with pytest.raises(MoveRefused) as info:
        move_data(tmp_path / "share")
    assert info.value.reason == "network" and "SQLite needs a local disk" in str(info.value)
    assert app_paths.data_home() == isolated_home


def test_move_data_on_the_command_line(filled: int, tmp_path: Path, capsys) -> None:
    target = tmp_path / "new"
    assert main(["move-data", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"已移动到 {target.resolve()}" in out and "1 个证据文件" in out
    assert main(["--db", "sqlite:////tmp/x.db", "move-data", str(tmp_path / "again")]) == 2
    assert "nothing to move" in capsys.readouterr().err


def test_a_moved_data_folder_that_is_not_there_is_said_not_replaced(
    filled: int, tmp_path: Path, capsys
) -> None:
    """The USB stick the data was moved to is not plugged in: the app says so and creates
    nothing in its place (an empty database there would look like lost data)."""
    target = tmp_path / "stick" / "data"
    move_data(target)
    shutil.rmtree(tmp_path / "stick")  # unplugged
    capsys.readouterr()
    assert main(["assessments", "list"]) == 2
    assert capsys.readouterr().err == (
        f"factory-grader: {target.resolve()}：数据文件夹不存在。如果它在 U 盘或其他磁盘上，"
        "请插入后重新启动本软件；本软件没有在别处新建数据。\n"
    )
    assert main(["--lang", "en", "assessments", "list"]) == 2
    err = capsys.readouterr().err
    assert "the data folder is not there" in err and str(target.resolve()) in err
    assert not (tmp_path / "stick").exists()  # nothing created


def test_moving_from_a_missing_folder_or_onto_a_file_is_refused(
    filled: int, tmp_path: Path
) -> None:
    target = tmp_path / "stick"
    move_data(target)
    shutil.move(target, tmp_path / "renamed")  # the stick is gone
    with pytest.raises(MoveRefused) as info:
        move_data(tmp_path / "new")
    assert info.value.reason == "source-missing"
    assert not (tmp_path / "new").exists()
    assert app_paths.data_home() == target.resolve()  # the pointer is unchanged
    shutil.move(tmp_path / "renamed", target)  # plugged in again
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    with pytest.raises(MoveRefused) as info:
        move_data(tmp_path / "a-file")
    assert info.value.reason == "not-a-folder"


def test_moving_back_to_the_default_folder(
    filled: int, isolated_home: Path, tmp_path: Path
) -> None:
    """Out to a stick, then (once the old copy is removed) back: the pointer goes away."""
    before = tree(isolated_home)
    move_data(tmp_path / "stick")
    for child in list(isolated_home.iterdir()):  # the user removes the old copy
        if child.name != app_paths.LOCATION_FILE:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    move_data(isolated_home)
    assert app_paths.data_home() == isolated_home
    assert not (isolated_home / app_paths.LOCATION_FILE).exists()
    back = tree(isolated_home)
    assert {k for k in back if not k.startswith("logs/")} == {
        k for k in before if not k.startswith("logs/")
    }


def test_another_program_writing_holds_the_move_off(
    filled: int, isolated_home: Path, tmp_path: Path
) -> None:
    """A second program in the middle of a write: the move waits, then says the database is in
    use, and nothing is switched or left behind."""
    import sqlite3

    from factory_grader.domain.errors import DatabaseError

    other = sqlite3.connect(isolated_home / app_paths.DB_FILE, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseError) as info:
            move_data(tmp_path / "stick")
        assert info.value.meaning == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert app_paths.data_home() == isolated_home
    assert list((tmp_path / "stick").iterdir()) == []  # made for the move, left empty


def test_a_damaged_database_is_not_moved_and_the_target_is_left_empty(
    filled: int, isolated_home: Path, tmp_path: Path, capsys
) -> None:
    """SQLite copies damaged pages without complaint: the move checks the copy, says the
    database is damaged, and leaves the target empty, so a second try is not refused as
    'not empty'."""
    database = isolated_home / app_paths.DB_FILE
    wreck_a_table_page(database)
    target = tmp_path / "stick"
    target.mkdir()
    for _ in range(2):
        assert main(["move-data", str(target)]) == 2
        err = capsys.readouterr().err
        assert f"{database}：数据库已损坏。请恢复备份副本。" in err and "unexpected" not in err
        assert list(target.iterdir()) == []
    assert app_paths.data_home() == isolated_home.resolve()  # not switched
