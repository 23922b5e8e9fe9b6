"""Is a folder on a network share? SQLite's write-ahead log needs a local disk: a database on a
share (UNC path, mapped drive, NFS/SMB mount) can be damaged or locked for good, so the app says
so and points to a shared PostgreSQL server instead of failing obscurely later."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path, PureWindowsPath

#: file systems that live on another machine (Linux /proc/mounts types)
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
        "fuse.davfs2",
        "fuse.gvfsd-fuse",  # shares opened in GNOME's file manager (/run/user/…/gvfs)
        "fuse.kio-fuse",  # and in KDE's
        "fuse.rclone",
        "fuse.s3fs",
        "ncpfs",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW


def is_unc(path: str) -> bool:
    r"""\\server\share\… or //server/share/… (a Windows network path)."""
    return PureWindowsPath(path).drive.startswith(("\\\\", "//")) or path.startswith(("\\\\", "//"))


def network_mount(path: Path, mounts: str) -> str | None:
    """The network file-system type of the mount holding path, from /proc/mounts text."""
    best, kind = "", None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind if kind in NETWORK_TYPES else None


def _windows_remote_drive(path: Path) -> bool:
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive:
        return False
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)  # type: ignore[attr-defined]


def database_on_network(db_url: str) -> Path | None:
    """The SQLite file of db_url when it lies on a network share (else None; a server: None)."""
    from factory_grader.domain.errors import DatabaseError
    from factory_grader.storage.backups import sqlite_path

    try:
        path = sqlite_path(db_url)
    except DatabaseError:
        return None
    return path if on_network(path) else None


def on_network(path: Path) -> bool:
    """True when path (or the folder it would be created in) is on a network share."""
    if is_unc(str(path)):
        return True
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    resolved = existing.resolve()
    if sys.platform == "win32":
        return _windows_remote_drive(resolved)
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError as exc:  # no /proc (not Linux): cannot tell; said in the log
        logging.getLogger(__name__).info("cannot read /proc/mounts: %s", exc)
        return False
    return network_mount(resolved, mounts) is not None if os.name == "posix" else False
