"""Does the window stay responsive while 汇总对比 reads 1,000 workbooks?

Runs the real main window offscreen, adds the benchmark's demo folder (benchmarks/compare.py
generates it) to the comparison page, and meanwhile measures how late a 10 ms timer fires on
the GUI thread: that lateness is what a user feels as a frozen window. Prints the time to the
first row, the total time, and the timer's median / 99th percentile / worst lateness.
Target: worst lateness under 100 ms (a click answered within a tenth of a second).

    .venv/bin/python benchmarks/compare_gui.py [--folder DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
TICK_MS = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / ".cache" / "bench-demo-1000-seed1")
    args = parser.parse_args()
    if not args.folder.is_dir():
        raise SystemExit(f"{args.folder}: run benchmarks/compare.py first (it makes the files)")
    home = tempfile.mkdtemp()
    os.environ["FACTORY_GRADER_HOME"] = home
    app = QApplication(sys.argv[:1])
    from factory_grader.ui.app import build
    from factory_grader.ui.main_window import COMPARE

    window = build(f"sqlite:///{home}/bench.db", app)
    window.show()
    window.start_loading()
    while window.ctx.service is None or window.ctx.background.busy:
        app.processEvents()
    window.go(COMPARE)
    page = window.stack.currentWidget()

    lateness: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    first_row: list[float] = []
    page.runner.batch.connect(lambda _: first_row or first_row.append(time.perf_counter()))
    start = time.perf_counter()
    timer.start(TICK_MS)
    page.add_paths([args.folder])
    while page.loading:  # until the last rows are marked and shown, the end's work included
        app.processEvents()
        time.sleep(0.001)
    settle = time.perf_counter() + 0.1  # a last tick measures any stall at the very end
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.001)
    total = time.perf_counter() - start
    timer.stop()
    rows = page.model.rowCount()
    window.close()
    lateness.sort()
    p99 = lateness[int(len(lateness) * 0.99) - 1]
    print(f"{rows} rows in {total:.1f} s; first row after {first_row[0] - start:.2f} s")
    print(
        f"GUI timer lateness over {len(lateness)} ticks: median"
        f" {statistics.median(lateness):.1f} ms, p99 {p99:.1f} ms, worst {lateness[-1]:.0f} ms"
    )
    verdict = "met" if lateness[-1] < 100 else "NOT met"
    print(f"target: worst < 100 ms ({verdict})")


if __name__ == "__main__":
    main()
