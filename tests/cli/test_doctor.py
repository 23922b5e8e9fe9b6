"""`factory-grader doctor` tells a support call what it needs, in the user's language, and
exits non-zero naming what is wrong (issue 13: everywhere)."""

from __future__ import annotations

import os
from pathlib import Path

from factory_grader.cli import main


def _doctor(capsys, *extra: str, db: str | None = None) -> tuple[int, list[str]]:
    code = main([*(["--db", db] if db else []), "doctor", *extra])
    return code, capsys.readouterr().out.splitlines()


def test_all_well_in_chinese(capsys) -> None:
    home = Path(os.environ["FACTORY_GRADER_HOME"])
    code, lines = _doctor(capsys)
    assert code == 0, lines
    assert lines[0] == "智能工厂梯度评估 诊断信息"
    assert f"[正常] 数据文件夹 {home}：可写入" in lines
    assert f"[正常] 数据库 {home / 'factory-grader.db'}：尚未创建（首次使用时创建）" in lines
    assert any(line.startswith("[正常] 数据 cmmm-2020 ") for line in lines)
    assert any(line.startswith("[正常] Qt ") and "平台 offscreen" in line for line in lines)
    assert any(line.startswith("[正常] 中文字体：") for line in lines)
    assert not any(line.startswith("[问题]") for line in lines)


def test_a_current_database_in_english(capsys, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert main(["--db", f"sqlite:///{db}", "assessments", "list"]) == 0  # created, migrated
    capsys.readouterr()
    code, lines = _doctor(capsys, "--lang", "en", db=f"sqlite:///{db}")
    assert code == 0, lines
    assert any(line.startswith(f"[ok] database {db}: schema ") for line in lines), lines
    assert any(line.endswith("(current)") for line in lines)


def test_a_file_that_is_no_database(capsys, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("not a database", encoding="utf-8")
    code, lines = _doctor(capsys, db=f"sqlite:///{db}")
    assert code == 1
    assert f"[问题] 数据库无法使用：{db}：该文件不是数据库。" in lines
    assert db.read_text(encoding="utf-8") == "not a database"  # looked at, not changed


def test_a_data_folder_moved_to_a_missing_stick(capsys, tmp_path: Path) -> None:
    home = Path(os.environ["FACTORY_GRADER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    gone = tmp_path / "U盘" / "factory-grader"
    (home / "data-location.txt").write_text(str(gone), encoding="utf-8")
    code, lines = _doctor(capsys)
    assert code == 1
    assert f"[问题] 数据文件夹 {gone} 不存在（数据曾移到此处；U 盘未插入？）" in lines
    assert not gone.exists()


def test_a_qt_that_cannot_start_is_a_line_not_a_crash(capsys, monkeypatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # no display here: Qt cannot start
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    code, lines = _doctor(capsys)
    assert code == 1
    assert any(
        line.startswith("[问题] 此电脑上桌面程序无法启动 Qt（图形界面）：") for line in lines
    )
    assert any(line.startswith("[正常] 数据 cmmm-2020 ") for line in lines)  # the rest still said


def test_an_unreachable_server(capsys) -> None:
    """Nothing listens on port 1: said at once, in Chinese, without a traceback."""
    code, lines = _doctor(capsys, db="postgresql+psycopg://fg@127.0.0.1:1/fg")
    assert code == 1
    assert (
        "[问题] 数据库无法使用：postgresql+psycopg://fg@127.0.0.1:1/fg：无法连接数据库服务器。"
        "请检查网络和服务器。"
    ) in lines


def test_looking_changes_nothing(capsys, monkeypatch, tmp_path: Path) -> None:
    """No data folder, log, database or -wal/-shm file appears; the schema is not upgraded."""
    import shutil

    home = tmp_path / "never-used"
    monkeypatch.setenv("FACTORY_GRADER_HOME", str(home))
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema-0005.db"
    db = tmp_path / "wal" / "old.db"
    db.parent.mkdir()
    shutil.copy(fixture, db)
    before = sorted(p.name for p in db.parent.iterdir()), db.read_bytes()
    _, lines = _doctor(capsys, db=f"sqlite:///{db}")
    assert any(line.startswith(f"[正常] 数据库 {db}：结构版本 ") for line in lines), lines
    assert (sorted(p.name for p in db.parent.iterdir()), db.read_bytes()) == before
    _doctor(capsys)  # the default database, in the data folder that does not exist
    assert not home.exists()


def test_a_database_this_app_cannot_use_is_a_line(capsys) -> None:
    code, lines = _doctor(capsys, db="mysql://u:p@127.0.0.1/x")
    assert code == 1
    assert (
        "[问题] 数据库无法使用：mysql://u:***@127.0.0.1/x："
        "本软件不能使用这种数据库（支持 SQLite 和 PostgreSQL）。"
    ) in lines
