"""Run the Alembic migrations shipped in this package, programmatically.

Alembic itself (0.2 s to import) is loaded only when a database must be migrated: which
revisions exist and which is the head are read from the migration files' own two lines
(`revision = …`, `down_revision = …`), and a database's revision from its alembic_version table.
tests/storage/test_migrate_light.py checks that this reading agrees with Alembic's."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (SQLAlchemy too: the start list reads the head without it, early_list)
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_ASSIGNMENT = re.compile(
    r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:\"([^\"]*)\"|'([^']*)'|None)\s*(?:#.*)?$",
    re.M,
)


def _config(extra_locations: Sequence[Path] = ()) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    locations = [str(MIGRATIONS / "versions"), *(str(p) for p in extra_locations)]
    config.set_main_option("version_locations", " ".join(locations))
    config.set_main_option("path_separator", "space")
    return config


def script_directory(extra_locations: Sequence[Path] = ()) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(extra_locations))


@functools.cache
def _graph(locations: tuple[Path, ...]) -> dict[str, str | None]:
    """revision -> down_revision, from every migration file in these folders."""
    graph: dict[str, str | None] = {}
    for folder in locations:
        for path in sorted(folder.glob("*.py")):
            found = {
                m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
                for m in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8"))
            }
            if found.get("revision"):
                graph[str(found["revision"])] = found.get("down_revision")
    return graph


def _locations(extra_locations: Sequence[Path]) -> tuple[Path, ...]:
    return (MIGRATIONS / "versions", *(Path(p) for p in extra_locations))


def known_revisions(extra_locations: Sequence[Path] = ()) -> set[str]:
    return set(_graph(_locations(extra_locations)))


def head_revision(extra_locations: Sequence[Path] = ()) -> str:
    graph = _graph(_locations(extra_locations))
    heads = set(graph) - {down for down in graph.values() if down}
    assert len(heads) == 1, heads  # one line of migrations, never branches
    return heads.pop()


def current_revision(connection: Connection) -> str | None:
    """The database's schema revision (None: none yet), as Alembic keeps it."""
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(connection: Connection, extra_locations: Sequence[Path] = ()) -> None:
    from alembic import command

    config = _config(extra_locations)
    config.attributes["connection"] = connection
    command.upgrade(config, "heads")
