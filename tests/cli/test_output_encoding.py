"""Output to a file or pipe is UTF-8 even where the system's code page cannot hold Chinese (an
English Windows: cp1252). Seen under Wine: `factory-grader example > out.txt` raised
UnicodeEncodeError before this."""

from __future__ import annotations

import os
import subprocess
import sys

# stdout and stderr as Windows sets them up for a redirected program on an English system
AS_ON_WINDOWS = (
    "import io, os, sys\n"
    "errors = os.environ.get('TEST_ERRORS', 'strict')\n"
    "sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='cp1252', errors=errors)\n"
    "sys.stderr = io.TextIOWrapper(sys.stderr.buffer, encoding='cp1252', errors=errors)\n"
    "from factory_grader.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    return subprocess.run(
        [sys.executable, "-c", AS_ON_WINDOWS, *args],
        capture_output=True,
        env={**base, **env},
    )


def test_chinese_report_reaches_a_file_as_utf8() -> None:
    done = _run("example", "--lang", "zh")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")  # raises if it is not UTF-8
    assert "成熟度得分" in text
    assert "基础级" in text


def test_chinese_error_message_reaches_stderr_as_utf8() -> None:
    done = _run("score", "no-such-answers-file.json", "--lang", "zh")
    assert done.returncode == 2
    message = done.stderr.decode("utf-8")
    assert "no-such-answers-file.json" in message
    assert "Traceback" not in message


def test_an_encoding_the_user_asked_for_is_kept() -> None:
    # as Python sets up the streams for PYTHONIOENCODING=cp1252:replace
    done = _run("example", "--lang", "zh", PYTHONIOENCODING="cp1252:replace", TEST_ERRORS="replace")
    assert done.returncode == 0
    assert "成熟度得分".encode() not in done.stdout
    assert b"?" in done.stdout
