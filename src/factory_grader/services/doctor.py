"""`factory-grader doctor` and 帮助 → 诊断信息: what a support call needs to know, in the user's
language: the version, the data folder (writable? local?), the database and its schema, the
forms and their digests, Qt and the Chinese font, free disk. Nothing is changed by looking: no
folder, log, database or side file is created, no schema migrated."""

from __future__ import annotations

import os
import platform
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from factory_grader import __version__
from factory_grader.domain.errors import DatabaseError
from factory_grader.domain.text import Lang
from factory_grader.forms.library import FormLibrary
from factory_grader.services import app_paths
from factory_grader.services.network_paths import on_network
from factory_grader.storage.database import database_status

LOW_DISK_BYTES = 200 * 1024 * 1024  # backups and exports need room; less is a problem


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the report: what was looked at, whether it is well, in both languages."""

    key: str
    ok: bool
    en: str
    zh: str

    def text(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


def run_checks(
    db_url: str | None,
    library: FormLibrary,
    qt: Callable[[], list[Check]] | None = None,
) -> list[Check]:
    """Every check; `qt` adds the GUI's (a probe the caller knows how to run)."""
    checks = [_version(), *_data_folder(), _database(db_url), *_forms(library), _disk()]
    if qt is not None:
        checks += qt()
    return checks


def report(checks: Iterable[Check], lang: Lang) -> str:
    title = "智能工厂梯度评估 诊断信息" if lang == "zh" else "factory-grader diagnostics"
    mark = {True: "正常" if lang == "zh" else "ok", False: "问题" if lang == "zh" else "PROBLEM"}
    lines = [title, ""]
    lines += [f"[{mark[c.ok]}] {c.text(lang)}" for c in checks]
    return "\n".join(lines)


# --- the checks ---------------------------------------------------------------------------------


def _version() -> Check:
    where = f"Python {platform.python_version()}, {platform.platform()}"
    frozen = " (packaged)" if getattr(sys, "frozen", False) else ""
    return Check(
        "version",
        True,
        f"factory-grader {__version__}{frozen}; {where}",
        f"版本 {__version__}{'（安装版）' if frozen else ''}；{where}",
    )


def _data_folder() -> list[Check]:
    home = app_paths.data_home()
    missing = app_paths.missing_data_folder()
    if missing is not None:
        return [
            Check(
                "data-folder",
                False,
                f"data folder {missing} is missing (moved there; a USB stick unplugged?)",
                f"数据文件夹 {missing} 不存在（数据曾移到此处；U 盘未插入？）",
            )
        ]
    writable = _can_write(home)
    network = on_network(home)
    portable = app_paths.portable_home() is not None and home == app_paths.base_home()
    out = [
        Check(
            "data-folder",
            writable,
            f"data folder {home}: "
            + ("writable" if writable else "NOT writable")
            + (" (portable: beside the app)" if portable else ""),
            f"数据文件夹 {home}："
            + ("可写入" if writable else "无法写入")
            + ("（便携版：在程序文件夹中）" if portable else ""),
        )
    ]
    if network:
        out.append(
            Check(
                "data-folder-network",
                False,
                f"{home} is on a network share: SQLite there can lose data; keep it local",
                f"{home} 位于网络共享上：SQLite 数据库放在那里可能丢失数据，请放在本机",
            )
        )
    return out


def _can_write(folder: Path) -> bool:
    """Asked of the system, not tried (doctor writes nothing); a folder made on first use:
    its nearest existing parent decides. A read-only disk answers no even to an administrator."""
    return os.access(_existing(folder), os.W_OK)


def _existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def _database(db_url: str | None) -> Check:
    url = app_paths.database_url(db_url)
    try:
        status = database_status(url)
    except DatabaseError as exc:
        return Check("database", False, f"database: {exc}", f"数据库无法使用：{exc.said('zh')}")
    except Exception as exc:  # whatever it is, the rest of the report still comes
        return Check(
            "database", False, f"database: {type(exc).__name__}: {exc}", "数据库无法使用：无法检查"
        )
    if not status.exists:
        return Check(
            "database",
            True,
            f"database {status.where}: not created yet (made on first use)",
            f"数据库 {status.where}：尚未创建（首次使用时创建）",
        )
    if status.revision == status.head:
        return Check(
            "database",
            True,
            f"database {status.where}: schema {status.revision} (current)",
            f"数据库 {status.where}：结构版本 {status.revision}（最新）",
        )
    return Check(
        "database",
        True,
        f"database {status.where}: schema {status.revision or 'empty'}, upgraded to"
        f" {status.head} when the app next opens it (a copy is kept first)",
        f"数据库 {status.where}：结构版本 {status.revision or '空'}，下次打开时升级到"
        f" {status.head}（升级前自动备份）",
    )


def _forms(library: FormLibrary) -> list[Check]:
    out = []
    for info in library.entries():
        out.append(
            Check(
                f"forms:{info.id}",
                True,
                f"{info.kind} {info.id} {info.version}: digest {info.digest[:16]}",
                f"数据 {info.id} {info.version}：摘要 {info.digest[:16]}",
            )
        )
    return out


def _disk() -> Check:
    folder = _existing(app_paths.data_home())
    free = shutil.disk_usage(folder).free
    ok = free >= LOW_DISK_BYTES
    mb = free // (1024 * 1024)
    return Check(
        "disk",
        ok,
        f"free disk space at {folder}: {mb:,} MB" + ("" if ok else " (too little)"),
        f"{folder} 所在磁盘剩余 {mb:,} MB" + ("" if ok else "（空间不足）"),
    )
