"""How fast storage is: saving one answer (autosave) and loading a complete assessment.

Each figure sits next to a baseline measured in the same run on the same file with the same
settings (WAL, synchronous=FULL): a bare sqlite3 UPDATE + COMMIT of one row, and a bare sqlite3
SELECT of the assessment's answer rows. Targets (issue 3): save < 5 ms, load < 50 ms on SQLite.

    .venv/bin/python benchmarks/storage.py [--repeat N] [--postgres]

--postgres also measures a throwaway PostgreSQL server on loopback (tests/pg_server.py).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.pg_server

from factory_grader.domain.maturity_model import SCORED_GRADES
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.examples import example_answers_path


def timed(fn: Callable[[int], object], repeat: int) -> tuple[float, float]:
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def measure(url: str, repeat: int, library: FormLibrary) -> dict[str, tuple[float, float]]:
    service, db = open_service(url, library, actor="bench")
    try:
        answers = read_answers_file(example_answers_path(), library)
        aid = service.import_answers(answers).id
        ids = [r.id for r in library.maturity("cmmm-2020").requirements]
        versions = {rid: v.version for rid, v in service.sheet(aid).requirements.items()}

        def save(i: int) -> None:
            rid = ids[i % len(ids)]
            grade = SCORED_GRADES[i % len(SCORED_GRADES)]
            versions[rid] = service.save_requirement(
                aid, rid, grade, RequirementNote(f"n{i}"), versions[rid]
            )

        return {
            "save one answer": timed(save, repeat),
            "load a complete assessment": timed(lambda _: service.sheet(aid), max(repeat // 5, 20)),
        }
    finally:
        db.close()


def sqlite_baseline(path: Path, repeat: int) -> dict[str, tuple[float, float]]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    ids = [r[0] for r in conn.execute("SELECT requirement_id FROM requirement_answer")]

    def update(i: int) -> None:
        conn.execute("BEGIN")
        conn.execute(
            "UPDATE requirement_answer SET comment = ?, version = version + 1"
            " WHERE assessment_id = 1 AND requirement_id = ?",
            (f"b{i}", ids[i % len(ids)]),
        )
        conn.execute("COMMIT")

    def select(_: int) -> None:
        for table in ("requirement_answer", "scenario_answer", "condition_answer"):
            conn.execute(f"SELECT * FROM {table} WHERE assessment_id = 1").fetchall()

    try:
        return {
            "save one answer": timed(update, repeat),
            "load a complete assessment": timed(select, max(repeat // 5, 20)),
        }
    finally:
        conn.close()


def report(title: str, figures: dict, baseline: dict | None, targets: dict) -> None:
    print(title)
    for name, (median, p90) in figures.items():
        line = f"  {name:<28} median {median:8.3f} ms  p90 {p90:8.3f} ms"
        if baseline:
            line += (
                f"  x{median / baseline[name][0]:6.1f} bare sqlite3 ({baseline[name][0]:.3f} ms)"
            )
        if name in targets:
            line += (
                f"  target < {targets[name]} ms: {'met' if median < targets[name] else 'MISSED'}"
            )
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=500)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    library = FormLibrary.load()
    targets = {"save one answer": 5, "load a complete assessment": 50}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        figures = measure(f"sqlite:///{path}", args.repeat, library)
        baseline = sqlite_baseline(path, args.repeat)
        report("SQLite (WAL, synchronous=FULL):", figures, baseline, targets)
    if args.postgres:
        from tests.pg_server import create_database, postgres_server

        with postgres_server() as server:
            url = create_database(server, "fg_bench")
            title = "PostgreSQL (loopback test server, fsync off: not a durability figure):"
            report(title, measure(url, args.repeat, library), None, {})


if __name__ == "__main__":
    main()
