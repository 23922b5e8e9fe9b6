"""Every storage test runs on a real SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from factory_grader.forms.library import FormLibrary
from factory_grader.services.assessments import AssessmentService
from factory_grader.storage.assessment_store import AssessmentStore
from factory_grader.storage.database import Database, open_database
from tests.pg_server import create_database, drop_database, postgres_server

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


class Clock:
    """An injected clock: each reading is one second after the last, from a fixed start."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'grader.db'}"
        return
    server = request.getfixturevalue("pg_server")
    name = f"fg_test_{next(_names)}"
    yield create_database(server, name)
    drop_database(server, name)


@pytest.fixture
def db(db_url: str, clock: Clock) -> Iterator[Database]:
    database = open_database(db_url, clock)
    yield database
    database.close()


def make_service(db: Database, library: FormLibrary, clock: Clock, actor: str, home: Path):
    return AssessmentService(AssessmentStore(db), library, actor, clock, home / "attachments")


@pytest.fixture
def service(db: Database, library: FormLibrary, clock: Clock, tmp_path: Path) -> AssessmentService:
    return make_service(db, library, clock, "王工", tmp_path)
