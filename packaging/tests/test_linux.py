"""The Linux build in a clean Debian root made during the test (debootstrap, minbase: no
Python, no Qt, no fonts): the .tar.gz runs the command line there as it is; the .deb installs
with apt (which brings the system libraries it declares) and then starts the GUI offscreen,
showing Chinese with the font the app carries."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from common import APP_ID, CACHE
from smoke import EXAMPLE, EXAMPLE_S, EXAMPLE_TIER, artefact, version

pytestmark = pytest.mark.linux
SUITE = "bookworm"


def mirror() -> str:
    """The Debian mirror this machine's apt uses."""
    for source in sorted(Path("/etc/apt/sources.list.d").glob("*.sources")):
        match = re.search(r"^URIs:\s*(\S+/debian)\s*$", source.read_text(), re.M)
        if match:
            return match.group(1)
    return "http://deb.debian.org/debian"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("clean-root") / SUITE
    cache = CACHE / "debootstrap"
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["debootstrap", "--variant=minbase", f"--cache-dir={cache}", SUITE, root, mirror()],
        check=True,
        capture_output=True,
    )
    shutil.copy("/etc/resolv.conf", root / "etc" / "resolv.conf")  # apt inside reaches Debian
    subprocess.run(["mount", "-t", "proc", "proc", root / "proc"], check=True)
    try:
        yield root
    finally:
        subprocess.run(["umount", "-l", root / "proc"], check=False)


def inside(root: Path, command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """A shell command in the clean root, with a fresh HOME and data folder."""
    clean = {
        "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
        "HOME": "/root",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        ["chroot", str(root), "/bin/sh", "-c", command],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**clean, **env},
        timeout=900,
    )


def test_the_clean_root_has_no_python_qt_or_fonts(root: Path) -> None:
    assert inside(root, "command -v python3 || command -v python").returncode != 0
    assert not (root / "usr" / "share" / "fonts").exists()
    assert not list((root / "usr" / "lib").rglob("libQt6*"))
    assert not list((root / "usr" / "lib").rglob("libGL.so*"))


@pytest.fixture(scope="module")
def tarball_app(root: Path) -> str:
    name = f"factory-grader-{version()}-linux-x86_64"
    with tarfile.open(artefact(f"{name}.tar.gz")) as tar:
        tar.extractall(root / "opt" / "tgz", filter="tar")
    return f"/opt/tgz/{name}/factory-grader"


def test_tarball_carries_the_licences_the_about_page_shows(root: Path, tarball_app: str) -> None:
    internal = root / tarball_app.lstrip("/").rsplit("/", 1)[0] / "_internal"
    assert "Python Software Foundation" in (internal / "LICENSE.txt").read_text(encoding="utf-8")
    for name in ("openpyxl", "sqlalchemy", "psycopg", "matplotlib", "pyside6_essentials"):
        assert list(internal.glob(f"{name}-*.dist-info")), name
    assert (internal / "factory_grader" / "_resources" / "licenses" / "LGPL-3.0.txt").is_file()


def test_tarball_command_line_runs_with_nothing_installed(root: Path, tarball_app: str) -> None:
    shutil.copy(EXAMPLE, root / "tmp" / "answers.json")
    env = {"FACTORY_GRADER_HOME": "/tmp/home-tgz"}
    done = inside(root, f"{tarball_app} --version", **env)
    assert done.stdout.strip() == f"factory-grader {version()}", done.stderr
    done = inside(root, f"{tarball_app} example --lang zh", **env)
    assert f"成熟度得分 S: {EXAMPLE_S}" in done.stdout, done.stderr
    assert f"梯度等级: {EXAMPLE_TIER}" in done.stdout
    done = inside(root, f"{tarball_app} export /tmp/answers.json --out /tmp/tgz.xlsx", **env)
    assert done.returncode == 0, done.stderr
    done = inside(root, f"{tarball_app} verify /tmp/tgz.xlsx", **env)
    assert done.returncode == 0 and "ok" in done.stdout, done.stdout + done.stderr
    assert openpyxl.load_workbook(root / "tmp" / "tgz.xlsx").sheetnames
    # a workshop's pack and the management report (fpdf2, the bundled font, SVG charts)
    (root / "tmp" / "p.csv").write_text("name,department,role\n张三,生产部,主任\n", "utf-8")
    done = inside(root, f"{tarball_app} assessments import /tmp/answers.json", **env)
    assert done.returncode == 0, done.stderr
    done = inside(
        root, f"{tarball_app} pack --assessment 1 --out /tmp/packs --participants /tmp/p.csv", **env
    )
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(next((root / "tmp" / "packs").glob("*.xlsx"))).sheetnames
    done = inside(root, f"{tarball_app} report --assessment 1 --out /tmp/report.pdf", **env)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", str(root / "tmp" / "report.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "智能工厂梯度评估报告" in text


def test_tarball_gui_without_the_system_libraries_says_what_is_missing(
    root: Path, tarball_app: str
) -> None:
    """Before the .deb brings libGL: a clear message in both languages, not a traceback."""
    if (root / "usr" / "lib" / "x86_64-linux-gnu" / "libGL.so.1").exists():
        pytest.fail("run before the .deb test: libGL is already in the root")
    done = inside(root, f"{tarball_app} gui --exit-when-ready", QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 1
    assert "无法打开桌面程序" in done.stderr and "libGL.so.1" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def deb_installed(root: Path, tarball_app: str) -> Path:
    deb = artefact(f"factory-grader_{version()}_amd64.deb")
    shutil.copy(deb, root / "tmp" / deb.name)
    done = inside(
        root,
        "apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/" + deb.name,
        DEBIAN_FRONTEND="noninteractive",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return root


def test_deb_installs_under_opt_apps_with_a_command_entry_and_icons(deb_installed: Path) -> None:
    root = deb_installed
    app = root / "opt" / "apps" / APP_ID
    assert (app / "files" / "factory-grader").is_file()
    assert (
        os.readlink(root / "usr" / "bin" / "factory-grader")
        == f"/opt/apps/{APP_ID}/files/factory-grader"
    )
    entry = root / "usr" / "share" / "applications" / "factory-grader.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((root / str(os.readlink(entry)).lstrip("/")).read_text(encoding="utf-8"))
    desktop = parser["Desktop Entry"]
    assert desktop["Exec"] == "factory-grader"
    assert desktop["Name[zh_CN]"] == "智能工厂梯度评估"
    assert desktop["StartupWMClass"] == "factory-grader"  # the WM_CLASS Qt gives the window
    assert desktop["Icon"] == "factory-grader"
    for size in (16, 32, 48, 128, 256):
        icon = (
            root
            / "usr"
            / "share"
            / "icons"
            / "hicolor"
            / f"{size}x{size}"
            / "apps"
            / "factory-grader.png"
        )
        assert (root / str(os.readlink(icon)).lstrip("/")).read_bytes()[:4] == b"\x89PNG"


def test_deb_command_line(deb_installed: Path) -> None:
    root = deb_installed
    shutil.copy(EXAMPLE, root / "tmp" / "answers.json")
    env = {"FACTORY_GRADER_HOME": "/tmp/home-deb"}
    done = inside(root, "factory-grader export /tmp/answers.json --out /tmp/deb.xlsx", **env)
    assert done.returncode == 0, done.stderr
    done = inside(root, "factory-grader verify /tmp/deb.xlsx", **env)
    assert done.returncode == 0 and "ok" in done.stdout, done.stdout + done.stderr


def test_deb_gui_starts_offscreen_with_the_bundled_chinese_font(deb_installed: Path) -> None:
    root = deb_installed
    env = {"FACTORY_GRADER_HOME": "/tmp/home-gui", "QT_QPA_PLATFORM": "offscreen"}
    assert not list((root / "usr" / "share" / "fonts").rglob("*[Cc][Jj][Kk]*"))
    assert not list((root / "usr" / "share" / "fonts").rglob("wqy*"))
    done = inside(root, "factory-grader gui --exit-when-ready", **env)
    assert done.returncode == 0, done.stderr
    done = inside(root, "factory-grader doctor --lang zh", **env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "中文字体：WenQuanYi Micro Hei（随软件附带）" in done.stdout
    report = inside(root, "factory-grader doctor --lang en", **env).stdout
    assert "Chinese font: WenQuanYi Micro Hei (bundled with the app)" in report


def test_deb_removal_leaves_no_program_files(deb_installed: Path) -> None:
    root = deb_installed
    done = inside(root, "apt-get remove -y -qq factory-grader", DEBIAN_FRONTEND="noninteractive")
    assert done.returncode == 0, done.stderr
    assert not (root / "opt" / "apps" / APP_ID).exists()
    assert not (root / "usr" / "bin" / "factory-grader").is_symlink()
