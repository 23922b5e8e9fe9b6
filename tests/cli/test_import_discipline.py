"""Each command imports only the heavy packages it needs (start-up time: SQLAlchemy alone is
~0.45 s, Qt and matplotlib more). A command that reads an answers file needs no database; only
the ones that write or read workbooks need openpyxl; only the GUI needs Qt and matplotlib."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factory_grader.services.examples import example_answers_path

HEAVY = ("sqlalchemy", "PySide6", "matplotlib", "openpyxl")
PROBE = (
    "import json, sys\n"
    "from factory_grader.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "except SystemExit as stop:\n"
    "    code = stop.code\n"
    f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
    "print(json.dumps([code, heavy]), file=sys.stderr)\n"
)


def imported(*args: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    code, heavy = json.loads(done.stderr.strip().splitlines()[-1])
    return code, set(heavy)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("books") / "example.xlsx"
    code, _ = imported("export", str(example_answers_path()), "--out", str(out))
    assert code == 0
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["--version"], set()),
        (["forms", "list"], set()),
        (["template"], set()),
        (["example"], set()),
        (["score", "EXAMPLE"], set()),
        (["verify", "BOOK"], set()),
        (["compare", "BOOK", "--workers", "1"], set()),
        (["export", "EXAMPLE", "--out", "OUT"], {"openpyxl"}),
        (["compare", "BOOK", "--workers", "1", "--out", "OUT"], {"openpyxl"}),
        (["assessments", "list"], {"sqlalchemy"}),
        (["doctor"], {"sqlalchemy"}),  # the database's status; Qt is asked in a child process
    ],
)
def test_a_command_imports_only_what_it_needs(
    words: list[str], expected: set[str], workbook: Path, tmp_path: Path
) -> None:
    given = {"EXAMPLE": str(example_answers_path()), "BOOK": str(workbook)}
    given["OUT"] = str(tmp_path / "out.xlsx")
    code, heavy = imported(*[given.get(w, w) for w in words])
    assert code in (0, 1), words  # doctor may find something to report offscreen
    assert heavy == expected, words


FIRST_FRAME = """
import enum, json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
made = []
create = enum.EnumType._create_

def noting(cls, name, *args, **kwargs):  # PySide6 makes each class's Python enums on first use
    made.append(name)
    return create(cls, name, *args, **kwargs)

enum.EnumType._create_ = noting
from factory_grader.cli import main
try:
    main(["gui", "--exit-when-ready"])
except SystemExit:
    pass
heavy = sorted(m for m in ("sqlalchemy", "matplotlib", "openpyxl", "factory_grader.wording")
               if m in sys.modules)
print(json.dumps([made, heavy]), file=sys.stderr)
"""


@pytest.mark.slow
def test_the_first_frame_needs_neither_qts_own_enums_nor_the_domain(tmp_path: Path) -> None:
    """Issue 14 §5: the window's first paint within 1.5x a bare PySide6 window. The first use
    of the Qt namespace makes all its 124 Python enums (60 ms here), the wording catalogue
    brings the domain (80 ms): both wait until after the first frame
    (benchmarks/startup.py measures the time itself)."""
    env = dict(os.environ, FACTORY_GRADER_HOME=str(tmp_path / "home"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )
    made, heavy = json.loads(done.stderr.strip().splitlines()[-1])
    assert "AlignmentFlag" not in made and "GlobalColor" not in made, made  # (Qt namespace)
    assert heavy == []
