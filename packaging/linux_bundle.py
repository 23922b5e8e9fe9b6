"""The Linux build: a PyInstaller one-folder bundle made from the wheel (installed into a
throw-away environment, so the bundle holds what a user's install would, not the checkout), then
the same bundle as a .tar.gz and as a .deb that installs under /opt/apps/<app-id>/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

from common import (
    APP_ID,
    BUILD,
    DIST,
    ROOT,
    constraints,
    fresh_dir,
    run,
    uv,
    version,
)

HERE = Path(__file__).resolve().parent / "linux"
#: shared libraries a Qt app takes from the system, not the bundle: the OpenGL ones belong to
#: the graphics driver (PyInstaller leaves them out on purpose), the rest are what the xcb
#: platform plugin and fontconfig find there. Measured in a clean Debian root (packaging/tests).
DEB_DEPENDS = (
    "libc6 (>= {glibc})",
    "libgl1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
)
#: what PyInstaller need not follow: test and developer tooling that some package mentions
EXCLUDED_MODULES = ("tkinter", "PyQt5", "PyQt6", "IPython", "pytest", "setuptools", "pip")


def build_env(wheel: Path) -> Path:
    """A fresh environment with the wheel and PyInstaller; returns its python."""
    env = BUILD / "linux-env"
    python = ROOT / ".venv" / "bin" / "python"
    base = Path(os.path.realpath(python))
    run(uv(), "venv", "--quiet", "--clear", "--python", base, env)
    pins = constraints()
    pyinstaller = _pinned(
        ROOT / "uv.lock", ("pyinstaller", "pyinstaller-hooks-contrib", "altgraph")
    )
    run(
        uv(), "pip", "install", "--quiet", "--python", env / "bin" / "python",
        "-c", pins, wheel, *pyinstaller,
    )  # fmt: skip
    return env / "bin" / "python"


def _pinned(lock: Path, names: tuple[str, ...]) -> list[str]:
    """name==version for each package as uv.lock pins it."""
    text = lock.read_text(encoding="utf-8")
    pins = []
    for name in names:
        match = re.search(rf'\[\[package\]\]\nname = "{name}"\nversion = "([^"]+)"', text)
        if match:
            pins.append(f"{name}=={match.group(1)}")
    return pins


def distributions(python: Path) -> list[str]:
    """Every distribution installed beside the app: their metadata goes into the bundle, where
    帮助 → 关于 → 第三方软件许可 reads each one's licence."""
    script = (
        "import importlib.metadata as m\n"
        "skip = {'pyinstaller', 'pyinstaller-hooks-contrib', 'altgraph', 'pip', 'setuptools',"
        " 'packaging', 'wheel'}\n"
        "names = {d.metadata['Name'] for d in m.distributions()}\n"
        "print('\\n'.join(sorted(n for n in names if n.lower() not in skip)))\n"
    )
    out = subprocess.run([python, "-c", script], capture_output=True, text=True, check=True)
    names = [n for n in out.stdout.split() if n]
    names.append("packaging")  # matplotlib needs it at run time, so it is ours to declare too
    return names


def bundle(python: Path) -> Path:
    """PyInstaller's one-folder bundle: build/package/linux/factory-grader/."""
    work = fresh_dir(BUILD / "linux")
    entry = work / "factory_grader_main.py"
    entry.write_text(
        "import sys\n\nfrom factory_grader.cli import main\n\nsys.exit(main())\n", encoding="utf-8"
    )
    python_licence = subprocess.run(
        [python, "-c", "import os, sysconfig; print(os.path.join(sysconfig.get_path('stdlib'),"
         " 'LICENSE.txt'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    site = Path(
        subprocess.run(
            [python, "-c", "import factory_grader as f, os; print(os.path.dirname(f.__file__))"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    args: list[str | Path] = [
        python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--onedir", "--name", "factory-grader", "--contents-directory", "_internal",
        "--distpath", work / "dist", "--workpath", work / "work", "--specpath", work,
        "--collect-data", "factory_grader",
        # Alembic reads the migrations as source files from their folder
        "--add-data", f"{site / 'storage' / 'migrations'}:factory_grader/storage/migrations",
        "--collect-submodules", "factory_grader",
        # Python's own licence, where the licences page looks for it (sys.base_prefix)
        "--add-data", f"{python_licence}:.",
        "--hidden-import", "alembic.runtime.migration",
        "--hidden-import", "alembic.ddl.sqlite",
        "--hidden-import", "alembic.ddl.postgresql",
        # the report draws matplotlib's charts as SVG: a backend chosen by name at run time
        "--hidden-import", "matplotlib.backends.backend_svg",
    ]  # fmt: skip
    for name in EXCLUDED_MODULES:
        args += ["--exclude-module", name]
    for name in distributions(python):
        args += ["--copy-metadata", name]
    args.append(entry)
    run(*args, cwd=work)
    return work / "dist" / "factory-grader"


def glibc_floor(folder: Path) -> tuple[str, str]:
    """The highest GLIBC_ symbol version any ELF file in folder needs, and one file needing it:
    the oldest glibc (so the oldest distribution) the bundle runs on."""
    best, who = (0, 0), ""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, errors="replace"
        ).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            if (int(major), int(minor)) > best:
                best, who = (int(major), int(minor)), str(path.relative_to(folder))
    return f"{best[0]}.{best[1]}", who


def stage(bundle_dir: Path, into: Path) -> None:
    """The bundle plus what a desktop needs (entry, icons), as one folder."""
    shutil.copytree(bundle_dir, into, symlinks=True)
    import icons  # packaging/icons.py

    icons.write_hicolor(into / "share" / "icons")
    (into / "share" / "applications").mkdir(parents=True)
    (into / "share" / "applications" / "factory-grader.desktop").write_text(
        desktop_entry("factory-grader"), encoding="utf-8"
    )
    (into / "README.txt").write_text((HERE / "README.txt").read_text(encoding="utf-8"), "utf-8")


def desktop_entry(command: str) -> str:
    text = (ROOT / "packaging" / "factory-grader.desktop").read_text(encoding="utf-8")
    return text.replace("Exec=factory-grader", f"Exec={command}")


def make_tarball(staged: Path) -> Path:
    name = f"factory-grader-{version()}-linux-x86_64"
    out = DIST / f"{name}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(staged, arcname=name, filter=_owned_by_root)
    return out


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_deb(staged: Path, glibc: str) -> Path:
    """/opt/apps/<app-id>/files is the bundle (UOS's layout); the desktop entry and icons live in
    /opt/apps/<app-id>/entries and are linked into /usr/share so that every desktop (Kylin,
    Debian, UOS) finds them; /usr/bin/factory-grader is the command."""
    root = fresh_dir(BUILD / "deb-root")
    app = root / "opt" / "apps" / APP_ID
    files = app / "files"
    shutil.copytree(staged, files, symlinks=True, ignore=shutil.ignore_patterns("share"))
    entries = app / "entries"
    shutil.copytree(staged / "share" / "icons", entries / "icons")
    (entries / "applications").mkdir(parents=True)
    (entries / "applications" / "factory-grader.desktop").write_text(
        desktop_entry("factory-grader"), encoding="utf-8"
    )
    info = {"appid": APP_ID, "name": "factory-grader", "version": version(), "arch": ["amd64"]}
    (app / "info").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / "factory-grader").symlink_to(f"/opt/apps/{APP_ID}/files/factory-grader")
    (usr / "share" / "applications").mkdir(parents=True)
    (usr / "share" / "applications" / "factory-grader.desktop").symlink_to(
        f"/opt/apps/{APP_ID}/entries/applications/factory-grader.desktop"
    )
    for icon in sorted((entries / "icons").rglob("factory-grader.*")):
        link = usr / "share" / "icons" / icon.relative_to(entries / "icons")
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(f"/opt/apps/{APP_ID}/entries/icons/{icon.relative_to(entries / 'icons')}")
    size_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        "\n".join(
            [
                "Package: factory-grader",
                f"Version: {version()}",
                "Architecture: amd64",
                "Maintainer: factory-grader team <factory-grader@localhost>",
                f"Installed-Size: {size_kib // 1024}",
                "Depends: " + ", ".join(d.format(glibc=glibc) for d in DEB_DEPENDS),
                "Section: misc",
                "Priority: optional",
                "Description: 智能工厂梯度评估 smart-factory tier self-assessment (offline)",
                " Places a factory in the four smart-factory tiers",
                " (基础级, 先进级, 卓越级, 领航级) from its GB/T 39116 maturity answers,",
                " says what blocks the next tier, and",
                " writes the provincial submission workbook. A self-assessment: the official",
                " assessment happens on the national public platform.",
                "",
            ]
        ),
        encoding="utf-8",
    )
    (control / "postinst").write_text(_REFRESH, encoding="utf-8")
    (control / "postrm").write_text(_REFRESH, encoding="utf-8")
    for script in ("postinst", "postrm"):
        (control / script).chmod(0o755)
    for path in root.rglob("*"):  # a root-owned package whatever the build's umask was
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = DIST / f"factory-grader_{version()}_amd64.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", root, out)
    return out


_REFRESH = """#!/bin/sh
# The desktop's menu and icon caches learn of the app (or forget it); missing tools are fine.
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
"""


def build(wheel: Path) -> dict[str, object]:
    """Every Linux artefact into dist/; returns what the summary prints."""
    python = build_env(wheel)
    bundle_dir = bundle(python)
    staged = fresh_dir(BUILD / "linux-stage") / f"factory-grader-{version()}"
    stage(bundle_dir, staged)
    glibc, needing = glibc_floor(staged)
    return {
        "tarball": make_tarball(staged),
        "deb": make_deb(staged, glibc),
        "glibc": glibc,
        "glibc_file": needing,
        "bundle": staged,
    }
