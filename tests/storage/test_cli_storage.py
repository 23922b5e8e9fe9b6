"""The stored-assessment commands, on SQLite and on PostgreSQL, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.services.examples import example_answers_path

EXAMPLE = example_answers_path()
SCRIPT = Path(sys.executable).parent / "factory-grader"


def cli(capsys, db_url: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db_url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_show_score(capsys, db_url: str) -> None:
    code, out, _ = cli(capsys, db_url, "assessments", "import", str(EXAMPLE), "--json")
    assert code == 0
    aid = json.loads(out)["id"]
    listed = json.loads(cli(capsys, db_url, "assessments", "list", "--json")[1])
    assert [(a["id"], a["status"], a["revision"]) for a in listed] == [(aid, "draft", 1)]
    assert listed[0]["credit_code"] == "91460100MA5T1R2K7J"
    shown = json.loads(cli(capsys, db_url, "assessments", "show", str(aid), "--json")[1])
    assert shown == json.loads(EXAMPLE.read_text(encoding="utf-8"))  # show ∘ import = identity
    from_db = json.loads(cli(capsys, db_url, "score", "--assessment", str(aid), "--json")[1])
    from_file = json.loads(cli(capsys, db_url, "score", str(EXAMPLE), "--json")[1])
    assert from_db == from_file
    national = cli(
        capsys, db_url, "score", "--assessment", str(aid), "--rules", "national-2025", "--json"
    )[1]
    assert json.loads(national)["rules"]["id"] == "national-2025"


def test_finalise_and_reopen(capsys, db_url: str) -> None:
    aid = json.loads(cli(capsys, db_url, "assessments", "import", str(EXAMPLE), "--json")[1])["id"]
    assert cli(capsys, db_url, "assessments", "finalise", str(aid))[0] == 0
    code, _, err = cli(capsys, db_url, "assessments", "finalise", str(aid))
    assert code == 2 and "already final" in err
    new = json.loads(cli(capsys, db_url, "assessments", "reopen", str(aid), "--json")[1])
    assert new["revision"] == 2
    listed = json.loads(cli(capsys, db_url, "assessments", "list", "--json")[1])
    assert [(a["status"], a["revision"]) for a in listed] == [("final", 1), ("draft", 2)]


def test_bad_requests_exit_2(capsys, db_url: str, tmp_path: Path) -> None:
    code, _, err = cli(capsys, db_url, "assessments", "show", "42")
    assert code == 2 and "no assessment with id 42" in err
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"form": "cmmm-2020", "industry_type": "discrete", "profile": {"credit_code": "123"}}',
        encoding="utf-8",
    )
    code, _, err = cli(capsys, db_url, "assessments", "import", str(bad))
    assert code == 2 and "profile.credit_code" in err and "18 characters" in err
    assert json.loads(cli(capsys, db_url, "assessments", "list", "--json")[1]) == []
    code, _, err = cli(capsys, db_url, "score", str(EXAMPLE), "--assessment", "1")
    assert code == 2 and "one of them" in err


def test_home_relocates_the_database_and_attachments(tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "portable"
    env = {"FACTORY_GRADER_HOME": str(home), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [SCRIPT, "assessments", "import", str(EXAMPLE), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert (home / "factory-grader.db").exists()
    from factory_grader.services import app_paths

    monkeypatch.setenv("FACTORY_GRADER_HOME", str(home))
    assert app_paths.attachments_dir() == home / "attachments"
    assert app_paths.database_url() == f"sqlite:///{home / 'factory-grader.db'}"
    monkeypatch.setenv("FACTORY_GRADER_DB", "postgresql+psycopg://x@h/db")
    assert app_paths.database_url() == "postgresql+psycopg://x@h/db"
    assert app_paths.database_url("sqlite:////other.db") == "sqlite:////other.db"


def test_sqlite_runs_in_wal_with_full_sync_and_foreign_keys(tmp_path: Path, clock) -> None:
    from factory_grader.storage.database import open_database

    db = open_database(f"sqlite:///{tmp_path / 'x.db'}", clock)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_in_memory_is_refused(capsys, url: str) -> None:
    code, _, err = cli(capsys, url, "assessments", "list")
    assert code == 2 and err == "factory-grader: 内存数据库不保存任何内容，请给出文件路径。\n"
