"""The wheel carries the forms data, and an installed copy finds it without the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_forms_and_runs_from_an_install(tmp_path: Path) -> None:
    source = tmp_path / "src-copy"  # build from a copy: the build must not touch the checkout
    shutil.copytree(  # as a fresh clone: no compiled translations (.qm), which git ignores
        # build/ and dist/ are ./dev package's output (large; a Wine prefix there links z: to /)
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".cache", ".git", "*cache*", "*.qm", "build", "dist"
        ),
    )
    hatchling = Path(sys.executable).parent / "hatchling"
    subprocess.run(
        [hatchling, "build", "-t", "wheel", "-d", tmp_path / "dist"],
        cwd=source,
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = (tmp_path / "dist").glob("factory_grader-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "factory-grader = factory_grader.cli:main" in zf.read(entry_points).decode()
        zf.extractall(tmp_path / "site")
    for expected in (
        "factory_grader/_forms/cmmm-2020/manifest.toml",
        "factory_grader/_forms/cmmm-2020/requirements/data.toml",
        "factory_grader/_forms/hainan-2025/manifest.toml",
        "factory_grader/_forms/examples/example-factory.json",
        "factory_grader/_resources/translations/factory_grader_zh_CN.qm",  # compiled by the hook
        "factory_grader/_resources/fonts/wqy-microhei.ttc",
        "factory_grader/_resources/icons/factory-grader.svg",
        "factory_grader/_resources/licenses/LGPL-3.0.txt",  # Qt and PySide6 carry none
    ):
        assert expected in names
    assert not any(n.endswith(".qm") for n in names if "_resources" not in n)

    # The installed copy's GUI speaks Chinese (a widget label from the compiled catalogue).
    gui = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from factory_grader.ui.i18n import Languages; Languages().switch('zh');"
        "from PySide6.QtCore import QCoreApplication;"
        "print(QCoreApplication.translate('ComparePage', 'Compare submissions'))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", gui],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "汇总对比"

    # Run the unpacked package (what an install puts in site-packages) from an unrelated folder.
    code = (
        "import sys, factory_grader; from factory_grader.forms.locate import forms_root;"
        "from factory_grader.cli import main; print(factory_grader.__file__); print(forms_root());"
        "sys.exit(main(sys.argv[1:]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "forms", "list", "--json"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    package_file, root, rest = proc.stdout.split("\n", 2)
    assert package_file == str(tmp_path / "site" / "factory_grader" / "__init__.py")
    assert root == str(tmp_path / "site" / "factory_grader" / "_forms")
    assert "cmmm-2020" in {e["id"] for e in json.loads(rest)}
