"""The files a command or a dialog was given: files as named, and every file under folders
named (recursively), sorted, each once. compare and import both take folders of 500 files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from factory_grader.domain.errors import InputError

SKIPPED_NAMES = ("~$", ".")  # Office lock files, hidden files (and our own .part files)


def expand_paths(
    paths: Iterable[Path],
    exclude: Path | None = None,
    suffixes: tuple[str, ...] | None = None,
) -> list[Path]:
    """Files given, and every file under folders given (recursively), sorted; hidden files and
    Office lock files are left out, and so is `exclude` (the summary being written). In folders,
    only names ending in one of `suffixes` (any case) when given; a file named is always kept."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [
                p
                for p in path.rglob("*")
                if p.is_file()
                and not p.name.startswith(SKIPPED_NAMES)
                and (suffixes is None or p.suffix.lower() in suffixes)
            ]
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    skip = _resolved(exclude) if exclude else None
    unique = {_resolved(p): p for p in found if _resolved(p) != skip}
    return sorted(unique.values())


def _resolved(path: Path) -> Path:
    """The real path (two names for one file count once); a symlink loop stays as named and is
    reported when the file is read, like any other unreadable file."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
