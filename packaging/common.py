"""What every packaging step shares: where things are, the version, running a tool, and the
cache that survives fresh clones (downloads are kept in the user's cache folder, never in the
work tree, since CI builds from a new clone each time)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build" / "package"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "factory-grader-build"
APP_NAME_ZH = "智能工厂梯度评估"
APP_NAME_EN = "Factory Grader"
APP_ID = "cn.factorygrader.factory-grader"  # the deb's folder under /opt/apps (UOS convention)


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def uv() -> str:
    """The uv that ./dev pinned and put in place (on the PATH, or the bootstrap copy)."""
    bootstrap = ROOT / ".cache" / "bootstrap" / "bin" / "uv"
    if bootstrap.is_file():
        return str(bootstrap)
    found = shutil.which("uv")
    if found is None:
        raise SystemExit("package: uv not found; run ./dev setup first")
    return found


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    """Run a tool; its output shows only when it fails (a build log stays readable)."""
    words = [str(a) for a in args]
    done = subprocess.run(
        words,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-20000:])
        raise SystemExit(f"package: {' '.join(words[:3])} … failed (exit {done.returncode})")


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def constraints() -> Path:
    """The runtime packages pinned exactly as uv.lock has them, for every platform (markers
    kept): the Windows and Linux builds carry the versions the tests ran against."""
    out = BUILD / "constraints.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [uv(), "export", "--frozen", "--no-dev", "--no-hashes", "--no-emit-project", "--no-header"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    out.write_text(done.stdout, encoding="utf-8")
    return out


def build_wheel() -> Path:
    """The wheel, with its compiled translations (hatch_build.py), into dist/."""
    DIST.mkdir(exist_ok=True)
    for old in DIST.glob("factory_grader-*.whl"):
        old.unlink()
    run(uv(), "build", "--wheel", "--out-dir", DIST, cwd=ROOT)
    (wheel,) = DIST.glob(f"factory_grader-{version()}-*.whl")
    return wheel
