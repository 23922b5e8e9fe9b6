"""Every command writes to the log file in the data folder (a windowed build has no stderr)."""

from __future__ import annotations

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
