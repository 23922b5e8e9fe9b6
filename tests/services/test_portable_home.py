"""The portable build keeps its data beside itself only when the marker file is there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from factory_grader.services import app_paths


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An install folder as the Windows launchers name it; no FACTORY_GRADER_HOME."""
    folder = tmp_path / "factory-grader"
    folder.mkdir()
    monkeypatch.delenv(app_paths.ENV_HOME)
    monkeypatch.setenv(app_paths.ENV_APPDIR, str(folder))
    return folder


def test_with_the_marker_the_data_is_in_the_apps_own_data_folder(installed: Path) -> None:
    (installed / "portable.txt").write_text("", encoding="utf-8")
    assert app_paths.data_home() == installed / "data"
    assert app_paths.database_url() == f"sqlite:///{installed / 'data' / 'factory-grader.db'}"
    assert app_paths.log_dir() == installed / "data" / "logs"


def test_without_the_marker_the_data_is_in_the_users_data_folder(installed: Path) -> None:
    expected = platformdirs.user_data_path("factory-grader", appauthor=False)
    assert app_paths.data_home() == expected
    assert expected != installed / "data"


def test_a_folder_named_like_the_marker_is_not_the_marker(installed: Path) -> None:
    (installed / "portable.txt").mkdir()
    assert app_paths.portable_home() is None


def test_factory_grader_home_still_wins_over_the_marker(
    installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (installed / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv(app_paths.ENV_HOME, str(tmp_path / "elsewhere"))
    assert app_paths.data_home() == tmp_path / "elsewhere"


def test_a_development_install_has_no_app_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(app_paths.ENV_APPDIR, raising=False)
    assert app_paths.app_dir() is None
    assert app_paths.portable_home() is None


def test_doctor_says_the_data_is_kept_portably(installed: Path) -> None:
    (installed / "portable.txt").write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != app_paths.ENV_HOME}
    env[app_paths.ENV_APPDIR] = str(installed)
    done = subprocess.run(
        [sys.executable, "-m", "factory_grader", "doctor", "--lang", "zh"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
    )
    line = next(x for x in done.stdout.splitlines() if "数据文件夹" in x)
    assert str(installed / "data") in line
    assert "便携版" in line


def test_a_read_only_portable_folder_keeps_the_data_in_the_users_folder(
    installed: Path,
) -> None:
    (installed / "portable.txt").write_text("", encoding="utf-8")
    installed.chmod(0o555)
    try:
        if os.access(installed, os.W_OK) and os.geteuid() == 0:
            # root writes anywhere; make the folder truly unwritable the way the storage
            # tests do (chattr +i)
            subprocess.run(["chattr", "+i", str(installed)], check=True)
        assert app_paths.portable_home() is None
        assert app_paths.data_home() == platformdirs.user_data_path(
            "factory-grader", appauthor=False
        )
        assert not (installed / "data").exists()
    finally:
        subprocess.run(["chattr", "-i", str(installed)], check=False, capture_output=True)
        installed.chmod(0o755)


def test_an_existing_portable_data_folder_is_used_even_when_the_folder_is_read_only(
    installed: Path,
) -> None:
    (installed / "portable.txt").write_text("", encoding="utf-8")
    (installed / "data").mkdir()
    installed.chmod(0o555)
    try:
        assert app_paths.data_home() == installed / "data"
    finally:
        installed.chmod(0o755)
