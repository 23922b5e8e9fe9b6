"""Every command writes to the log file in the data folder (a windowed build has no stderr)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from factory_grader.cli import main
from factory_grader.services.examples import example_answers_path


def test_commands_and_refusals_are_logged(isolated_home: Path, tmp_path: Path, capsys) -> None:
    assert main(["score", str(example_answers_path())]) == 0
    assert main(["score", str(tmp_path / "没有这个文件.json")]) == 2
    capsys.readouterr()
    log = (isolated_home / "logs" / "factory-grader.log").read_text(encoding="utf-8")
    assert "command score" in log
    assert "refused:" in log and "没有这个文件.json: no such file" in log


def _windowed(home: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """As pythonw.exe runs the windowed build: no stdout, no stderr."""
    code = (
        "import sys; sys.stdout = None; sys.stderr = None\n"
        "from factory_grader.cli import main\n"
        f"sys.exit(main({args!r}))\n"
    )
    env = {**os.environ, "FACTORY_GRADER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


def test_a_windowed_build_without_a_console_logs_what_it_would_print(tmp_path: Path) -> None:
    bad = _windowed(tmp_path, ["--no-such-option"])
    assert bad.returncode == 2 and "Traceback" not in bad.stderr  # argparse's refusal, no crash
    good = _windowed(tmp_path, ["forms", "list"])
    assert good.returncode == 0 and good.stdout == "" and "Traceback" not in good.stderr
    log = (tmp_path / "logs" / "factory-grader.log").read_text(encoding="utf-8")
    assert "unrecognized arguments: --no-such-option" in log  # the usage message, kept
    assert "hainan-2025" in log  # what the command printed


def test_a_windowed_build_with_no_log_folder_does_not_loop(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    done = _windowed(blocker / "home", ["--no-such-option"])  # the data folder cannot exist
    assert done.returncode == 2 and "RecursionError" not in done.stderr
