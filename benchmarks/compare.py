"""How fast `factory-grader compare` reads a folder of submission workbooks, and how much memory
it needs, next to python-calamine reading the same workbooks whole, measured in the same run.

1. 1,000 demo workbooks (`factory-grader demo`, generated once into .cache/ and reused).
2. `factory-grader compare DIR --out summary.xlsx` as a real process with one worker, and with
   a worker per core: wall time, process start, every check and the summary workbook included.
   Target: one worker no slower than step 3.
3. python-calamine (Rust) reading every sheet of the same 1,000 workbooks in one process.
4. Peak memory of `compare` over 10,000 workbooks (the 1,000 hard-linked ten times into
   sub-folders, so every file is read and checked again), the sum of the resident memory of the
   process and its workers, sampled every 20 ms. Target: under 500 MB.

    .venv/bin/python benchmarks/compare.py [--count N] [--memory-copies K] [--workers W]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "factory_grader"]
TARGET_MB = 500


def demo_folder(count: int, seed: int) -> Path:
    # workbooks of another layout would all read as "edited": the cache is per version of the
    # code that lays a workbook out (the workbook package)
    import factory_grader.workbook as package

    layout = hashlib.sha256()
    for source in sorted(Path(package.__file__).parent.rglob("*.py")):
        layout.update(source.read_bytes())
    version = layout.hexdigest()[:8]
    folder = ROOT / ".cache" / f"bench-demo-{count}-seed{seed}-{version}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {count} demo workbooks in {folder} (once) …", flush=True)
        start = time.perf_counter()
        subprocess.run(
            [*CLI, "demo", "--count", str(count), "--out", str(folder), "--seed", str(seed)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        done.touch()
        print(f"  {time.perf_counter() - start:.0f} s", flush=True)
    return folder


def calamine_read_all(files: list[Path]) -> int:
    cells = 0
    for path in files:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            for row in book.get_sheet_by_name(name).to_python():
                cells += len(row)
    return cells


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        p = int(entry)
        children.setdefault(int(fields[1]), []).append(p)
        rss[p] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack += children.get(p, [])
    return total


def run_compare(folder: Path, out: Path, workers: int | None) -> tuple[float, int]:
    """(wall seconds, peak resident bytes of the process tree)."""
    extra = ["--workers", str(workers)] if workers else []
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*CLI, "compare", str(folder), "--out", str(out), *extra], stdout=subprocess.DEVNULL
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    code = proc.wait()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    if code != 0:
        raise SystemExit(f"compare exited with {code}")
    return wall, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--memory-copies", type=int, default=10)
    parser.add_argument("--workers", type=int, default=None, help="the all-cores run's workers")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = demo_folder(args.count, args.seed)
    files = sorted(folder.glob("*.xlsx"))
    print(f"{len(files)} workbooks ({args.count} factories), {os.cpu_count()} cores")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summary.xlsx"
        one: list[float] = []
        every: list[float] = []
        calamine: list[float] = []
        cells = 0
        for _ in range(2):  # alternated, best of two each: noise hits all three alike
            one.append(run_compare(folder, out, 1)[0])
            start = time.perf_counter()
            cells = calamine_read_all(files)
            calamine.append(time.perf_counter() - start)
            every.append(run_compare(folder, out, args.workers)[0])
        theirs = min(calamine)
        print(
            f"python-calamine, one process, same files read whole ({cells:,} cells):"
            f" {theirs:.1f} s  ({theirs / len(files) * 1000:.1f} ms per file)"
        )
        cores = args.workers or os.cpu_count()
        for label, times in (("one worker", one), (f"{cores} workers", every)):
            ours = min(times)
            verdict = "met" if ours <= theirs else "NOT met"
            print(
                f"compare, {label} (a process: start, every check, summary written):"
                f" {ours:.1f} s  ({ours / len(files) * 1000:.1f} ms per file);"
                f" ratio to calamine {ours / theirs:.2f}  (target ≤ 1: {verdict})"
            )

        if args.memory_copies:
            many = Path(tmp) / "many"
            for copy in range(args.memory_copies):
                sub = many / f"batch{copy:02d}"
                sub.mkdir(parents=True)
                for f in files:
                    os.link(f, sub / f.name)
            total = len(files) * args.memory_copies
            wall, peak = run_compare(many, Path(tmp) / "many.xlsx", args.workers)
            mb = peak / 1024 / 1024
            verdict = "met" if mb < TARGET_MB else "NOT met"
            print(
                f"compare over {total:,} workbooks: {wall:.0f} s, peak memory {mb:.0f} MB"
                f" (process + workers; target < {TARGET_MB} MB: {verdict})"
            )


if __name__ == "__main__":
    main()
