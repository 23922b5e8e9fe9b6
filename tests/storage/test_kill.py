"""SIGKILL a process that keeps saving answers, at random moments, many times: every save it
reported is in the database afterwards and the file passes PRAGMA integrity_check."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factory_grader.domain.maturity_model import SCORED_GRADES
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.examples import example_answers_path

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50  # the issue asks for at least 50


def stored(db: Path) -> dict[str, tuple[int, str | None]]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute(
            "SELECT requirement_id, comment, grade FROM requirement_answer"
            " WHERE assessment_id = 1 AND comment LIKE 'seq %'"
        ).fetchall()
    conn.close()
    return {rid: (int(comment.split()[1]), grade) for rid, comment, grade in rows}


@pytest.mark.slow
def test_every_reported_save_survives_sigkill(tmp_path: Path, library: FormLibrary) -> None:
    db = tmp_path / "grader.db"
    url = f"sqlite:///{db}"
    service, handle = open_service(url, library, actor="setup")
    assessment = service.import_answers(read_answers_file(example_answers_path(), library))
    handle.close()
    assert assessment.id == 1

    rnd = random.Random(20261126)
    seq, reported, total_saves = 0, {}, 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_no in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.kill_writer", url, "1", str(seq)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        if round_no % 10 == 9:
            time.sleep(rnd.uniform(0, 0.5))  # sometimes while it is still opening the database
        else:
            assert child.stdout is not None
            first = child.stdout.readline()
            assert first == "ready\n", child.stderr.read() if child.stderr else first
            time.sleep(rnd.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        lines = [line.split() for line in out.splitlines() if line and line != "ready"]
        for seq_text, rid in lines:
            reported[rid] = int(seq_text)
            seq = int(seq_text) + 2  # skip one: a save may have committed but not been reported
        total_saves += len(lines)

        db_state = stored(db)  # also runs integrity_check
        for rid, last in reported.items():
            have, grade = db_state[rid]
            assert have >= last, f"round {round_no}: {rid} reported seq {last}, found {have}"
            assert grade == SCORED_GRADES[have % len(SCORED_GRADES)].value  # row not torn
    assert total_saves > KILLS  # the writer really was writing when killed
    # and the app still opens the file normally afterwards
    service, handle = open_service(url, library)
    assert service.answers(1).requirements
    handle.close()
