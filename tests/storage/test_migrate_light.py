"""Which schema revisions exist and which is the head are read without importing Alembic (it
costs 0.2 s of every start): that reading must agree with Alembic's own, with the test-only
migration folder too, and a database's revision is what Alembic says it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext

from factory_grader.storage import migrate
from factory_grader.storage.database import open_database

EXTRA = Path(__file__).parent.parent / "fixtures" / "extra_migrations"


@pytest.mark.parametrize("extra", [(), (EXTRA,)], ids=["shipped", "with-test-migration"])
def test_the_light_reading_agrees_with_alembic(extra: tuple[Path, ...]) -> None:
    script = migrate.script_directory(extra)
    assert migrate.known_revisions(extra) == {r.revision for r in script.walk_revisions()}
    assert migrate.head_revision(extra) == script.get_current_head()
    # and the line is what it should be: 0001 → 0007 shipped, the test one on top
    assert migrate.head_revision() == "0007"
    if extra:
        assert migrate.head_revision(extra) == "t9001"


def test_current_revision_is_alembics(tmp_path: Path, clock) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}", clock)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == "0007"
            assert MigrationContext.configure(conn).get_current_revision() == "0007"
    finally:
        db.close()
    with open_database(f"sqlite:///{tmp_path / 'y.db'}", clock).engine.connect() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
        assert migrate.current_revision(conn) is None


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path, clock) -> None:
    url = f"sqlite:///{tmp_path / 'z.db'}"
    open_database(url, clock).close()  # made (and migrated) here
    code = "\n".join(
        [
            "import sys, datetime",
            "from factory_grader.storage.database import open_database",
            f"open_database({url!r}, datetime.datetime.now).close()",
            "print('alembic' in sys.modules)",
        ]
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_two_lines_are_read_in_each_way_alembic_writes_them(tmp_path: Path) -> None:
    """Typed or not, either quotes, a comment after: the line of revisions is read whole."""
    (tmp_path / "a.py").write_text(
        'revision: str = "t1"\ndown_revision: str | None = "0007"  # on top of 0007\n',
        encoding="utf-8",
    )
    (tmp_path / "b.py").write_text(
        "revision = 't2'  # the newest\ndown_revision = 't1'\n", encoding="utf-8"
    )
    assert migrate.known_revisions((tmp_path,)) >= {"0007", "t1", "t2"}
    assert migrate.head_revision((tmp_path,)) == "t2"
