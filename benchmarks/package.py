"""Release artefacts: their sizes, and start-up of the packaged Linux app against the
development install, measured alternately in the same run (./dev package builds them first).

Start-up is a whole process from launch to exit: `--version` (the interpreter and the CLI's
first import) and `gui --exit-when-ready` (to the main window's first paint, offscreen unless a
DISPLAY is set). The Windows build cannot be timed here (Qt does not start under Wine).

    .venv/bin/python benchmarks/package.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import tomllib
from pathlib import Path

from startup import timed  # benchmarks/startup.py: one launch, timed to its exit

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with open(ROOT / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    print("artefact sizes (MB):")
    for path in sorted(DIST.glob("factory*")):
        print(f"  {path.name:<48} {path.stat().st_size / 1e6:8.1f}")
    linux = ROOT / "build" / "package" / "linux-stage" / f"factory-grader-{version}"
    windows = ROOT / "build" / "package" / "windows" / "factory-grader"
    for name, folder in (("Linux bundle", linux), ("Windows install folder", windows)):
        if folder.is_dir():
            print(f"  {name + ' (unpacked)':<48} {folder_size(folder) / 1e6:8.1f}")

    packaged = linux / "factory-grader"
    development = Path(sys.executable).parent / "factory-grader"
    if not packaged.is_file():
        print(f"no packaged Linux app at {packaged}: run ./dev package first")
        return
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as home:
        env["FACTORY_GRADER_HOME"] = home
        for label, words in (
            ("--version", ["--version"]),
            ("GUI to first paint", ["gui", "--exit-when-ready"]),
        ):
            timed([str(packaged), *words], env)  # warm the file cache for both
            timed([str(development), *words], env)
            ours, dev = [], []
            for _ in range(args.runs):  # alternate, so machine noise hits both alike
                ours.append(timed([str(packaged), *words], env))
                dev.append(timed([str(development), *words], env))
            p, d = statistics.median(ours), statistics.median(dev)
            print(
                f"start-up {label}: packaged {p * 1000:.0f} ms, development install"
                f" {d * 1000:.0f} ms, ratio {p / d:.2f}x (median of {args.runs})"
            )


if __name__ == "__main__":
    main()
