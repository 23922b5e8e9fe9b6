"""Fixed answer sets for the workbook tests, and a real LibreOffice for round trips."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factory_grader.domain.answers import PROFILE_FIELDS, Answers, ScenarioAnswer
from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import RequirementNote
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.submission import build_submission, export_workbook
from factory_grader.workbook.submission import Evidence

EXPORTED_AT = datetime(2026, 11, 1, 8, 30, tzinfo=UTC)
GOLDEN_VERSION = "0.0.0-golden"  # so golden files do not change with each release

#: Text a spreadsheet would take for a formula, or that needs care to come back exactly.
TRICKY = [
    '=HYPERLINK("http://x","点我")',
    "+86 898 6600 0000",
    "-1",
    "@SUM(A1)",
    "\tindented",
    "\rreturn first",
    "line one\r\nline two\rline three",
    "outside the BMP: 𠀀 😀",  # astral characters (UTF-16 surrogate pairs elsewhere)
]


def example(library: FormLibrary) -> Answers:
    return read_answers_file(example_answers_path(), library)


def tricky(library: FormLibrary) -> Answers:
    """Everything answered at the top, with formula-like and control-character text."""
    form = library.maturity("cmmm-2020")
    rules = library.rules("national-2025")
    catalogue = library.catalogue(rules.scenarios_id)
    texts = [k for k in PROFILE_FIELDS if k != "city_code"]  # free text in every text field
    profile = {k: TRICKY[i % len(TRICKY)] for i, k in enumerate(texts)}
    profile["credit_code"] = "91460100MA5T1R2K7J"
    return Answers(
        form.id,
        rules.id,
        IndustryType.PROCESS,
        profile,
        {r.id: Grade.FULL if i % 7 else Grade.NA for i, r in enumerate(form.requirements)},
        {
            s.id: ScenarioAnswer(True, i % 2 == 0, TRICKY[i % len(TRICKY)])
            for i, s in enumerate(catalogue.scenarios)
        },
        {c.id: True for c in rules.conditions},
        {
            r.id: RequirementNote(TRICKY[i % len(TRICKY)], review=i % 3 == 0)
            for i, r in enumerate(form.requirements[:24])
        },
    )


def empty(library: FormLibrary) -> Answers:
    return Answers("cmmm-2020", "hainan-2025", IndustryType.DISCRETE)


EVIDENCE = (
    Evidence("org-strategy.L1.01", "规划.pdf", 1024, "a" * 64),
    Evidence("org-strategy.L1.01", "=evil().docx", 2048, "b" * 64),
)

CASES = {
    "example-zh": (example, {"lang": "zh", "claimed_tier": "basic"}),
    "example-en": (
        example,
        {"lang": "en", "claimed_tier": "advanced", "assessment_id": 7, "revision": 2},
    ),
    "tricky": (tricky, {"lang": "zh", "claimed_tier": "leading", "evidence": EVIDENCE}),
    "empty": (empty, {"lang": "zh", "claimed_tier": None}),
}


def export_case(library: FormLibrary, name: str, target: Path) -> Path:
    make, options = CASES[name]
    answers = make(library)
    submission = build_submission(
        library, answers, exported_at=EXPORTED_AT, app_version=GOLDEN_VERSION, **options
    )
    export_workbook(submission, target)
    return target


@pytest.fixture(scope="session")
def example_workbook(tmp_path_factory: pytest.TempPathFactory, library: FormLibrary) -> Path:
    return export_case(library, "example-zh", tmp_path_factory.mktemp("wb") / "example.xlsx")


def libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.fail("LibreOffice is needed (./dev test installs libreoffice-calc-nogui)")
    return found


def libreoffice_convert(source: Path, out_dir: Path, to: str) -> Path:
    """Open `source` in a real headless LibreOffice and save it as `to` (xlsx or pdf)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / ".lo-profile"
    env = {**os.environ, "HOME": str(out_dir)}
    subprocess.run(
        [
            libreoffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=env,
    )
    result = out_dir / f"{source.stem}.{to.split(':')[0]}"
    assert result.exists(), f"LibreOffice wrote no {result}"
    return result
