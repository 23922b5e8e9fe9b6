"""How fast a submission workbook is exported, next to a bare openpyxl write of the same cells.

The export starts from scored answers and ends with the .xlsx on disk: every sheet built, styled,
merged, validated, protected, set up for print, the radar chart and the machine sheet. The
baseline, measured in the same run and alternated with it, writes exactly the same cell values
with openpyxl and nothing else. Target (issue 5): export at most 1.5× the baseline.

    .venv/bin/python benchmarks/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.submission import build_submission, export_workbook
from factory_grader.workbook.plan import Value
from factory_grader.workbook.submission_plan import submission_plan

TARGET_RATIO = 1.5


def bare_write(sheets: list[tuple[str, dict[tuple[int, int], Value]]], target: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for name, cells in sheets:
        ws = wb.create_sheet(name)
        for (row, col), value in cells.items():
            ws.cell(row=row, column=col, value=value)
    wb.save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    lib = FormLibrary.load()
    answers = read_answers_file(example_answers_path(), lib)
    submission = build_submission(lib, answers, claimed_tier="basic")
    plan = submission_plan(submission)
    cells = [(s.name, {rc: c.value for rc, c in s.cells.items()}) for s in plan.sheets]
    count = sum(len(c) for _, c in cells)

    with tempfile.TemporaryDirectory() as tmp:
        ours_path, bare_path = Path(tmp) / "export.xlsx", Path(tmp) / "bare.xlsx"
        export_workbook(submission, ours_path)  # warm: imports, form caches
        bare_write(cells, bare_path)
        ours, bare = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            export_workbook(submission, ours_path)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            bare_write(cells, bare_path)
            bare.append(time.perf_counter() - start)
        size = ours_path.stat().st_size

    o, b = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    print(f"cells written: {count} in {len(cells)} sheets; export file {size / 1024:.0f} KiB")
    print(f"export (plan + styles + write): median {o:.0f} ms  (min {min(ours) * 1000:.0f})")
    print(f"bare openpyxl, same cells:      median {b:.0f} ms  (min {min(bare) * 1000:.0f})")
    verdict = "met" if o / b <= TARGET_RATIO else "NOT met"
    print(f"ratio {o / b:.2f}×  (target ≤ {TARGET_RATIO}×: {verdict})")


if __name__ == "__main__":
    main()
