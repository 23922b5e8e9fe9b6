"""A throwaway PostgreSQL server on loopback for the test session (real server, no mocks).

FACTORY_GRADER_TEST_PG=postgresql+psycopg://user@host:port/db uses an existing server instead.
Otherwise the Debian package's binaries start a private cluster in a temporary folder; as root
they run as the `postgres` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg

ENV = "FACTORY_GRADER_TEST_PG"


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed: the storage tests run against a real server."
            " `./dev test` installs it (Debian package postgresql)."
        )
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Yields a SQLAlchemy URL (postgresql+psycopg://…/postgres) with superuser rights."""
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    bindir = _binaries()
    root = Path(tempfile.mkdtemp(prefix="fg-pg-"))
    data = root / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        root.chmod(0o700)
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True)  # noqa: E731
    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
        )
        options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}"
        options += " -c fsync=off -c full_page_writes=off"  # test data only: speed over safety
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        _wait(port)
        yield url
    finally:
        if data.exists():
            subprocess.run(
                [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
            )
        shutil.rmtree(root, ignore_errors=True)


def _wait(port: int) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres"):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _admin(server_url: str) -> psycopg.Connection:
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    return psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        autocommit=True,
    )


def create_database(server_url: str, name: str) -> str:
    """A fresh, empty database on the server; returns its URL."""
    from sqlalchemy.engine import make_url

    with _admin(server_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, name: str) -> None:
    with _admin(server_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
