"""The start list with 1,000 stored assessments: from the main window's first paint to all 1,000
rows on screen, on SQLite and on PostgreSQL (issue 14 §2).

Every run is a fresh process started as a user starts the app (real main window, offscreen unless
DISPLAY is set; a new data folder each time, so no assessment is reopened). It notes the window's
first paint, then loads as the app does, and notes when the database is open and when the start
list's table has painted with all rows in it. Three cases per database:

  warm      every assessment has its stored verdict (as after any save since schema 0006)
  cold      none has (as right after the upgrade to 0006): the rows show at once with a
            placeholder, and the time until the last verdict is filled in is noted too
  empty     no assessment at all: the baseline, measured in the same run (what start-up costs
            before any list: imports, the forms, opening the database, building the pages)

The 1,000 assessments are demo factories (services/demo.py) imported through the service. The
SQLite file is kept in .cache/ for the next run; the PostgreSQL server is a throwaway one on
loopback (tests/pg_server.py, fsync off). Target (issue 14 §2): the list within 0.5 s of the
first paint. Before schema 0006 the list appeared only after every assessment was rescored
(20 s for 1,000 on the machine of platform-notes): that is the cold case's "all verdicts".

    .venv/bin/python benchmarks/start_page.py [--runs N] [--count N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.pg_server
TARGET_S = 0.5
CHILD_TIMEOUT_S = 300


# --- one run: a fresh process ------------------------------------------------------------------


def child(url: str, count: int) -> None:
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from factory_grader.ui.app import build

    window = build(url, app)
    marks: dict[str, float] = {}

    spawned = float(os.environ["FG_BENCH_SPAWNED"])  # the parent's clock when it started us
    walls: dict[str, float] = {}

    def mark(name: str) -> None:
        marks.setdefault(name, time.perf_counter())
        walls.setdefault(name, time.time())

    def finish() -> None:
        out = {k: v - marks["paint"] for k, v in marks.items()}
        out["start_to_paint"] = walls["paint"] - spawned  # the process started -> first paint
        print(json.dumps(out), flush=True)
        app.quit()

    def check_verdicts() -> None:
        if "verdicts" in marks:
            return
        if "rows" in marks and "open" in marks and not window.start.model.pending():
            mark("verdicts")
            QTimer.singleShot(0, finish)

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                if watched is window and "paint" not in marks:
                    mark("paint")
                    QTimer.singleShot(0, start)
                elif (
                    watched is not window
                    and "rows" not in marks
                    and window.start.model.rowCount() == count
                ):  # the list painted with every row in it (or the page saying there is none)
                    mark("rows")
                    QTimer.singleShot(0, check_verdicts)
            return False

    listening: list[bool] = []

    def watch_list() -> None:
        if listening:
            return
        listening.append(True)
        table = window.start.table
        (table if count == 0 else table.viewport()).installEventFilter(watch)
        if count == 0:  # nothing to paint in a table: the page says so
            window.start.empty.installEventFilter(watch)
        # each batch of verdicts filled in (rescoring is a read: it shows no "saving")
        window.start.model.dataChanged.connect(lambda *_: QTimer.singleShot(0, check_verdicts))

    def start() -> None:
        window.start_loading()  # builds the start page, then loads
        watch_list()
        shown_early = window.start.show_early

        def show_early(listed: list) -> None:  # the rows read, straight from the database
            mark("read")
            shown_early(listed)

        window.start.show_early = show_early  # type: ignore[method-assign]

    loaded = window._loaded

    def opened(result: object) -> None:
        mark("open")
        watch_list()
        loaded(result)
        check_verdicts()  # (the list may have shown, complete, before the database was open)

    window._loaded = opened  # type: ignore[method-assign]
    watch = Watch()
    window.installEventFilter(watch)
    window.show()
    QTimer.singleShot(CHILD_TIMEOUT_S * 1000, app.quit)
    app.exec()


def run_once(url: str, count: int) -> dict[str, float]:
    env = dict(os.environ)
    env["FACTORY_GRADER_HOME"] = tempfile.mkdtemp(prefix="fg-bench-home-")
    env["FG_BENCH_SPAWNED"] = repr(time.time())
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", url, str(count)],
            env=env,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S + 30,
        )
    finally:
        shutil.rmtree(env["FACTORY_GRADER_HOME"], ignore_errors=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"a run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    found: dict[str, float] = json.loads(lines[-1])
    if "rows" not in found:
        raise SystemExit(f"the list never showed {count} rows:\n{done.stderr[-3000:]}")
    return found


# --- the databases -----------------------------------------------------------------------------


def fill(url: str, count: int, seed: int) -> None:
    from factory_grader.forms.library import FormLibrary
    from factory_grader.services.assessments import open_service
    from factory_grader.services.demo import demo_answers

    library = FormLibrary.load()
    service, db = open_service(url, library, actor="bench")
    try:
        rng = random.Random(seed)
        start = time.perf_counter()
        for i in range(count):
            service.import_answers(demo_answers(library, rng))
            if (i + 1) % 100 == 0:
                rate = (i + 1) / (time.perf_counter() - start)
                print(f"\r  filling: {i + 1}/{count} ({rate:.0f}/s)", end="", file=sys.stderr)
        print(file=sys.stderr)
    finally:
        db.close()


def forget_verdicts(url: str) -> None:
    """As a database just upgraded to schema 0006: no stored verdict."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE assessment SET verdict_hundredths = NULL, verdict_level = NULL,"
                    " verdict_tier = NULL, verdict_rev = NULL, verdict_basis = NULL"
                )
            )
    finally:
        engine.dispose()


def sqlite_database(folder: Path, count: int, seed: int) -> str:
    from factory_grader.storage import migrate

    cached = ROOT / ".cache" / f"bench-start-{count}-seed{seed}-{migrate.head_revision()}.db"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        print(f"making {cached.name} (kept for the next run)", file=sys.stderr)
        fill(f"sqlite:///{partial}", count, seed)
        partial.replace(cached)
    target = folder / "grader.db"
    shutil.copy(cached, target)
    return f"sqlite:///{target}"


# --- the measurement ---------------------------------------------------------------------------


def measure(url: str, empty_url: str, count: int, runs: int) -> dict[str, dict[str, float]]:
    run_once(url, count)  # warms the file cache (and makes the day's backup copy of the file)
    run_once(empty_url, 0)
    warm, empty = [], []
    for _ in range(runs):  # alternated, so the machine's noise hits both alike
        warm.append(run_once(url, count))
        empty.append(run_once(empty_url, 0))
    cold = []
    for _ in range(max(1, runs // 2)):
        forget_verdicts(url)
        cold.append(run_once(url, count))
    return {"warm": medians(warm), "empty": medians(empty), "cold": medians(cold)}


def medians(samples: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def report(name: str, f: dict[str, dict[str, float]], count: int, runs: int) -> None:
    warm, cold, empty = f["warm"], f["cold"], f["empty"]
    list_part = warm["rows"] - warm["open"]
    fixed = empty["rows"]
    print(
        f"{name} ({count} assessments; medians of {runs} fresh processes, cold of {runs // 2 or 1})"
    )
    print(f"  process start -> first paint             {warm['start_to_paint']:6.2f} s")
    print(f"  first paint -> database open             {warm['open']:6.2f} s")
    print(
        f"  first paint -> all {count} rows shown       {warm['rows']:6.2f} s"
        f"  target <= {TARGET_S} s: {'met' if warm['rows'] <= TARGET_S else 'MISSED'}"
    )
    if "read" in warm:  # read early, straight from the database (storage/early_list.py)
        print(f"    rows read (first paint -> read)        {warm['read']:6.2f} s")
        print(f"    rows drawn (read -> shown)             {warm['rows'] - warm['read']:6.2f} s")
        print(f"    the database open for work {warm['open'] - warm['rows']:6.2f} s after that")
    else:
        print(f"    the list itself (open -> rows shown)   {list_part:6.2f} s")
    print(
        f"  baseline, empty database: paint -> list  {fixed:6.2f} s"
        f"  (1,000 rows cost x{warm['rows'] / fixed:.2f} of it, +{warm['rows'] - fixed:.2f} s)"
    )
    print(
        f"  cold, no stored verdict: rows shown      {cold['rows']:6.2f} s,"
        f" every verdict filled in {cold['verdicts']:6.2f} s"
        f" (x{cold['verdicts'] / warm['rows']:.0f} the warm list)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("URL", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    platform = "offscreen" if not os.environ.get("DISPLAY") else f"DISPLAY={os.environ['DISPLAY']}"
    print(f"platform: {platform}; target: the list within {TARGET_S} s of the first paint")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = sqlite_database(folder, args.count, args.seed)
        figures = measure(url, f"sqlite:///{folder / 'empty.db'}", args.count, args.runs)
        report("SQLite (WAL, synchronous=FULL)", figures, args.count, args.runs)
    if args.no_postgres:
        return
    from tests.pg_server import create_database, postgres_server

    with postgres_server() as server:
        url, empty_url = create_database(server, "fg_bench"), create_database(server, "fg_empty")
        print("filling PostgreSQL…", file=sys.stderr)
        fill(url, args.count, args.seed)
        figures = measure(url, empty_url, args.count, args.runs)
        report("PostgreSQL (loopback test server, fsync off)", figures, args.count, args.runs)


if __name__ == "__main__":
    main()
