"""Where the app keeps what it writes. FACTORY_GRADER_HOME relocates all of it (tests); a
portable copy (a consultant's USB stick: the marker file portable.txt beside the app) keeps it in
its own data/ folder; otherwise the OS's user data folder (platformdirs)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import platformdirs

ENV_HOME = "FACTORY_GRADER_HOME"
ENV_DB = "FACTORY_GRADER_DB"
ENV_USER = "FACTORY_GRADER_USER"
#: set by the Windows launchers (packaging/windows/launcher.c) to the folder they are in
ENV_APPDIR = "FACTORY_GRADER_APPDIR"
#: beside the app: keep the data in the app's own data/ folder (the portable build)
PORTABLE_MARKER = "portable.txt"
DB_FILE = "factory-grader.db"


#: in the base folder: the folder the data was moved to (设置 → 数据文件夹), one line
LOCATION_FILE = "data-location.txt"


def base_home() -> Path:
    """Where the app looks first: FACTORY_GRADER_HOME, else a portable copy's data/ folder,
    else the OS's user data folder."""
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override).expanduser()
    portable = portable_home()
    if portable is not None:
        return portable
    return platformdirs.user_data_path("factory-grader", appauthor=False)


def app_dir() -> Path | None:
    """The folder the installed app runs from: the Windows launchers name it, a PyInstaller
    bundle is where its executable is; a development install has none."""
    named = os.environ.get(ENV_APPDIR)
    if named:
        return Path(named)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_home() -> Path | None:
    """<app>/data when the marker file is beside the app and the data can be kept there, else
    None. A portable copy unpacked where the user cannot write (C:\\Program Files) keeps its
    data in the user's folder instead of failing to start."""
    folder = app_dir()
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    data = folder / "data"
    if data.is_dir() or _can_create_in(folder):
        return data
    logging.getLogger(__name__).warning(
        "portable marker found but %s is not writable: the data goes to the user's folder", folder
    )
    return None


def _can_create_in(folder: Path) -> bool:
    """Asked of the file system itself (on Windows, os.access ignores the folder's ACL); the
    probe file is gone again at once."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def data_home() -> Path:
    """The data folder: the base folder, or where the user moved the data to from there."""
    base = base_home()
    try:
        moved = (base / LOCATION_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:  # the usual case: the data was never moved
        return base
    except OSError as exc:  # unreadable: said in the log, and the base folder is used
        logging.getLogger(__name__).warning("cannot read %s: %s", base / LOCATION_FILE, exc)
        return base
    return Path(moved) if moved else base


def missing_data_folder() -> Path | None:
    """The folder the data was moved to, when it is not there now (an unplugged USB stick, a
    renamed folder): the app must say so, never start an empty database somewhere else."""
    home = data_home()
    return home if home != base_home() and not home.is_dir() else None


def attachments_dir() -> Path:
    return data_home() / "attachments"


def settings_home() -> Path:
    """Where the log and preferences go: the data folder, or the default one while a moved data
    folder is missing (writing there would create the folder, and then an empty database)."""
    return base_home() if missing_data_folder() is not None else data_home()


def log_dir() -> Path:
    return settings_home() / "logs"


def database_url(explicit: str | None = None) -> str:
    """--db wins, then FACTORY_GRADER_DB, then the SQLite file in the data folder."""
    return explicit or os.environ.get(ENV_DB) or f"sqlite:///{data_home() / DB_FILE}"


def current_user() -> str:
    """Who answers: recorded on every answer. FACTORY_GRADER_USER overrides the login name."""
    name = os.environ.get(ENV_USER)
    if name:
        return name
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def resources_root() -> Path:
    """Where the app's resources (font, translations, help, icon) are: inside a wheel or a
    bundle (_resources, placed there by the build) or in the checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    packaged = package_dir / "_resources"
    if packaged.is_dir():
        return packaged
    return package_dir.parent.parent / "resources"
