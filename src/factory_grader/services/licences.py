"""The third-party software inside the app and their licences, shown under 帮助 → 关于 (issue 13):
every package the app runs on (found from the installed packages' metadata, following their
requirements), Qt, Python itself, and the bundled font."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
from dataclasses import dataclass
from pathlib import Path

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*['"]([^'"]+)['"]""")
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Notice:
    name: str
    version: str
    licence: str  # the licence's name, as the package states it
    texts: tuple[tuple[str, str], ...]  # (file name, text) of each licence file


def notices(resources: Path) -> list[Notice]:
    """Every third-party part, sorted by name; `resources` holds the texts packages lack."""
    shipped = resources / "licenses"
    lgpl = (("LGPL-3.0.txt", _read(shipped / "LGPL-3.0.txt")),)
    out = [_package(d) for d in _dependencies("factory-grader") if d.metadata["Name"]]
    # a package under the LGPL without a licence file of its own (PySide6, shiboken6): the text
    out = [n if n.texts or "LGPL-3.0" not in n.licence else _with(n, lgpl) for n in out]
    out += [
        Notice(
            "Qt",
            _qt_version(),
            "LGPL-3.0-only",
            (*lgpl, ("GPL-3.0.txt", _read(shipped / "GPL-3.0.txt"))),
        ),
        _python(),
        Notice(
            "WenQuanYi Micro Hei 文泉驿微米黑",
            "0.2.0-beta",
            "Apache-2.0",
            (("Apache-2.0.txt", _read(shipped / "Apache-2.0.txt")),),
        ),
    ]
    return sorted(out, key=lambda n: n.name.casefold())


def _with(notice: Notice, texts: tuple[tuple[str, str], ...]) -> Notice:
    return Notice(notice.name, notice.version, notice.licence, texts)


def _dependencies(root: str) -> list[metadata.Distribution]:
    """The installed packages `root` runs on, following requirements (and the extras asked for);
    `root` itself left out."""
    found: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while todo:
        name, extras = todo.pop()
        key = _key(name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # (a requirement for another platform)
        found[key] = dist
        for requirement in dist.requires or []:
            spec, _, marker = requirement.partition(";")
            wanted = _EXTRA.search(marker)
            if wanted is not None and wanted.group(1) not in extras:
                continue
            match = _NAME.match(spec)
            if match is not None:
                asked = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
                todo.append((match.group(1), asked))
    found.pop(_key(root), None)
    return list(found.values())


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _package(dist: metadata.Distribution) -> Notice:
    meta = dist.metadata
    licence = _first(meta, "License-Expression")
    if not licence:
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        stated = _first(meta, "License").strip()
        licence = classifiers[0].rsplit("::", 1)[-1].strip() if classifiers else stated[:80]
    texts = []
    for file in dist.files or []:
        if _LICENCE_FILE.search(file.name) and ".dist-info" in str(file):
            try:
                text = _read(Path(str(dist.locate_file(file))))
            except OSError:  # listed in RECORD, missing on disk
                continue
            if text.strip():
                texts.append((file.name, text))
    return Notice(meta["Name"], dist.version, licence or "—", tuple(texts))


def _first(meta: metadata.PackageMetadata, field: str) -> str:
    """A metadata field's value, or "" when the package does not state it."""
    return str((meta.get_all(field) or [""])[0])


def _python() -> Notice:
    base = Path(sys.base_prefix)
    version = ".".join(map(str, sys.version_info[:3]))
    candidates = [
        base / "LICENSE.txt",  # Windows, the embeddable Python
        base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt",
        Path(sys.executable).parent / "LICENSE.txt",
    ]
    found = next((c for c in candidates if c.is_file()), None)
    texts = (("LICENSE.txt", _read(found)),) if found else ()
    return Notice("Python", version, "PSF-2.0", texts)


def _qt_version() -> str:
    try:
        return metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        return "—"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:  # a build without the file: the list still shows, without the text
        return ""
