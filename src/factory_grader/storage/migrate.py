"""Run the Alembic migrations shipped in this package, programmatically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(extra_locations: Sequence[Path] = ()) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    locations = [str(MIGRATIONS / "versions"), *(str(p) for p in extra_locations)]
    config.set_main_option("version_locations", " ".join(locations))
    config.set_main_option("path_separator", "space")
    return config


def script_directory(extra_locations: Sequence[Path] = ()) -> ScriptDirectory:
    return ScriptDirectory.from_config(_config(extra_locations))


def known_revisions(extra_locations: Sequence[Path] = ()) -> set[str]:
    return {rev.revision for rev in script_directory(extra_locations).walk_revisions()}


def head_revision(extra_locations: Sequence[Path] = ()) -> str:
    head = script_directory(extra_locations).get_current_head()
    assert head is not None  # the package always ships at least the initial revision
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection, extra_locations: Sequence[Path] = ()) -> None:
    from alembic import command

    config = _config(extra_locations)
    config.attributes["connection"] = connection
    command.upgrade(config, "heads")
