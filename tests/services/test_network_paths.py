"""A data folder on a network share is recognised (SQLite needs a local disk): UNC paths, and
NFS/SMB mounts read from /proc/mounts. Detection of mapped Windows drives asks Windows itself
(GetDriveTypeW) and runs only there."""

from __future__ import annotations

from pathlib import Path

import pytest

from factory_grader.services.network_paths import is_unc, network_mount

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/质量部 /mnt/quality cifs rw,vers=3.0 0 0
nas:/export/home /home/shared nfs4 rw 0 0
/dev/sdb1 /home/shared/local\\040disk ext4 rw 0 0
//server/a\\040b /mnt/with\\040space smb3 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "unc"),
    [
        (r"\\fileserver\share\factory-grader", True),
        ("//fileserver/share/data", True),
        (r"\\?\UNC\server\share", True),
        (r"C:\Users\王工\AppData\Local\factory-grader", False),
        ("D:/数据", False),
        ("/home/user/data", False),
    ],
)
def test_unc_paths(path: str, unc: bool) -> None:
    assert is_unc(path) is unc


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/quality/评估", "cifs"),
        ("/mnt/quality", "cifs"),
        ("/home/shared/factory-grader", "nfs4"),
        ("/home/shared/local disk/data", None),  # a local disk mounted inside the share
        ("/mnt/with space/x", "smb3"),
        ("/mnt/qualityx", None),  # a sibling with the same prefix is not inside
        ("/home/user", None),
    ],
)
def test_network_mounts(path: str, kind: str | None) -> None:
    assert network_mount(Path(path), MOUNTS) == kind
