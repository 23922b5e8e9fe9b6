"""demo: realistic, varied, reproducible synthetic submissions."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.domain.credit_code import credit_code_problem
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.reference import load_profile_lists
from factory_grader.services.demo import demo_answers
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.submission import FileStatus, verify_workbook


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "set"
    assert main(["demo", "--count", "24", "--out", str(out), "--seed", "7"]) == 0
    return out


def test_demo_writes_verified_submissions(demo_dir: Path, library: FormLibrary) -> None:
    files = sorted(demo_dir.glob("*.xlsx"))
    assert 24 <= len(files) <= 30  # a few factories come with an older revision too
    lists = load_profile_lists()
    cities = {c.name.zh for c in lists.cities}
    codes = {i.code for i in lists.industries}
    for f in files:
        verdict = verify_workbook(f, library)
        assert verdict.status is FileStatus.OK, (f, verdict.findings)
        profile = verdict.answers.profile
        assert profile["city"] in cities
        assert profile["industry_code"] in codes
        assert credit_code_problem(profile["credit_code"]) is None


def test_same_seed_same_files(demo_dir: Path, tmp_path: Path, library: FormLibrary) -> None:
    again = tmp_path / "again"
    assert main(["demo", "--count", "24", "--out", str(again), "--seed", "7"]) == 0
    first = {
        f.name: verify_workbook(f, library).meta["answers_sha256"] for f in demo_dir.glob("*.xlsx")
    }
    second = {
        f.name: verify_workbook(f, library).meta["answers_sha256"] for f in again.glob("*.xlsx")
    }
    assert first == second


def test_levels_spread_like_the_national_statistics(library: FormLibrary) -> None:
    """domain-facts §5: ≤一级 63 %, 二级 21 %, 三级 12 %, ≥四级 4 % (2022)."""
    levels = Counter()
    unanswered = 0
    for i in range(400):
        answers = demo_answers(library, random.Random(f"spread:{i}"))
        result = score_answers(library, answers, improvements=False)
        levels[min(result.maturity.level, 4) if result.maturity.level > 1 else 1] += 1
        unanswered += bool(result.maturity.unanswered)
    share = {k: v / 400 for k, v in levels.items()}
    assert 0.53 <= share[1] <= 0.73
    assert 0.13 <= share[2] <= 0.29
    assert 0.06 <= share[3] <= 0.18
    assert 0.01 <= share[4] <= 0.09
    assert 20 <= unanswered <= 80  # some leave answers out


def test_demo_refuses_a_bad_count_or_a_file_as_folder(tmp_path: Path, capsys) -> None:
    assert main(["demo", "--count", "0", "--out", str(tmp_path / "x")]) == 2
    (tmp_path / "file").write_text("x")
    assert main(["demo", "--count", "1", "--out", str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_interrupted_compare_writes_no_summary(demo_dir: Path, tmp_path: Path) -> None:
    """Ctrl+C during a comparison: exit 130, no summary, no partial file anywhere.

    The interrupt is sent when the run reports its first file read (its first progress line), not
    after a guessed delay; 8 copies of the demo set read by one worker keep it reading for
    seconds after that, and the progress lines show it had not finished."""
    many = tmp_path / "many"
    for copy in range(8):
        (many / str(copy)).mkdir(parents=True)
        for f in demo_dir.glob("*.xlsx"):
            (many / str(copy) / f.name).hardlink_to(f)
    total = sum(1 for _ in many.rglob("*.xlsx"))
    out = tmp_path / "summary.xlsx"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factory_grader",
            "compare",
            str(many),
            "--out",
            str(out),
            "--workers",
            "1",
            "--progress",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()  # blocks until the run has read its first file
    assert first.strip() == f"1/{total}", first
    proc.send_signal(signal.SIGINT)
    _, rest = proc.communicate(timeout=60)
    err = first + rest
    assert proc.returncode == 130, err
    assert "cancelled" in err and "Traceback" not in err
    assert f"{total}/{total}" not in err  # it was interrupted while reading, not after
    assert not out.exists()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".part")]
