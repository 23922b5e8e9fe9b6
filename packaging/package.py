"""./dev package: every release artefact into dist/ — the wheel, the Windows installer and
portable zip, the Linux .deb and .tar.gz — then SHA256SUMS, and a table of sizes and the time
each took. The smoke tests (packaging/tests) run after it, from these artefacts.

    python packaging/package.py [--only wheel|linux|windows]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from common import DIST, build_wheel, sha256, version


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=("wheel", "linux", "windows"))
    args = parser.parse_args()
    timings: dict[str, float] = {}
    notes: list[str] = []

    def timed(name: str, step: Callable[[], dict[str, object]]) -> dict[str, object]:
        print(f"[package] {name} …", file=sys.stderr, flush=True)
        start = time.perf_counter()
        out = step()
        timings[name] = time.perf_counter() - start
        return out

    wheel = timed("wheel", lambda: {"wheel": build_wheel()})["wheel"]
    assert isinstance(wheel, Path)
    if args.only in (None, "linux"):
        import linux_bundle

        linux = timed("linux", lambda: linux_bundle.build(wheel))
        notes.append(
            f"glibc floor of the Linux build: {linux['glibc']} (GLIBC_{linux['glibc']} needed"
            f" by {linux['glibc_file']}; the highest over every ELF file in the bundle)"
        )
    if args.only in (None, "windows"):
        import windows_bundle

        timed("windows", lambda: windows_bundle.build(wheel))
    # this version's artefacts only: dist/ may still hold an older release's
    v = version()
    artefacts = sorted(
        p
        for p in DIST.iterdir()
        if p.is_file() and (f"-{v}-" in p.name or f"_{v}_" in p.name or f"-{v}." in p.name)
    )
    (DIST / "SHA256SUMS").write_text(
        "".join(f"{sha256(p)}  {p.name}\n" for p in artefacts), encoding="utf-8"
    )
    print(f"\nfactory-grader {version()} → {DIST}")
    for path in artefacts:
        print(f"  {path.name:<48} {path.stat().st_size / 1e6:8.1f} MB")
    print("  SHA256SUMS")
    print("time taken: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
