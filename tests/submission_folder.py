"""A folder of submissions with known contents: good ones, a newer revision, edited ones, and
files that are no submission at all."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from factory_grader.domain.answers import Answers
from factory_grader.domain.maturity_model import Grade
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.submission import build_submission, export_workbook
from factory_grader.workbook.submission import MACHINE_SHEET
from tests.bad_files import make_bad


@dataclass
class Folder:
    root: Path
    answers: dict[str, Answers]  # file name -> the answers it was exported from
    claimed: dict[str, str | None]


def _export(
    lib: FormLibrary, answers: Answers, path: Path, claim: str | None, revision: int, day: int
) -> None:
    sub = build_submission(
        lib,
        answers,
        claimed_tier=claim,
        assessment_id=1,
        revision=revision,
        exported_at=datetime(2026, 10, day, 9, tzinfo=UTC),
    )
    export_workbook(sub, path)


def build_known_folder(root: Path, library: FormLibrary) -> Folder:
    (root / "三亚").mkdir()
    (root / "三亚" / "deeper").mkdir()
    example = read_answers_file(example_answers_path(), library)
    better = example.with_grades({r: Grade.FULL for r in list(example.requirements)[:40]})
    sanya = replace(
        example,
        profile={
            **example.profile,
            "name": "三亚示例食品有限公司",
            "city": "三亚市",
            "city_code": "460200",
            "credit_code": "91460200MA5T1R2K75",
            "industry": "食品制造业",
            "industry_code": "C14",
        },
    )
    files = {
        "haikou-r1.xlsx": (example, "basic", 1, 1),
        "haikou-r2.xlsx": (better, "advanced", 2, 5),
        "三亚/sanya.xlsx": (sanya, "basic", 1, 3),
        "三亚/deeper/sanya-edited.xlsx": (
            replace(sanya, profile={**sanya.profile, "credit_code": "91460200MA5T1R2L64"}),
            None,
            1,
            3,
        ),
        "machine-edited.xlsx": (
            replace(example, profile={**example.profile, "credit_code": "91460100MA5T1R2L5B"}),
            "basic",
            1,
            2,
        ),
    }
    for name, (answers, claim, revision, day) in files.items():
        _export(library, answers, root / name, claim, revision, day)
    # Hand edits after export.
    wb = load_workbook(root / "三亚/deeper/sanya-edited.xlsx")
    wb["评估结果"]["B5"] = 4.9
    wb.save(root / "三亚/deeper/sanya-edited.xlsx")
    wb = load_workbook(root / "machine-edited.xlsx")
    for row in wb[MACHINE_SHEET].iter_rows(min_row=2):
        if row[0].value == "requirement" and row[2].value == "none":
            row[2].value = "full"
            break
    wb.save(root / "machine-edited.xlsx")
    # Files that are no submission.
    foreign = Workbook()
    foreign.active["A1"] = "企业名称"
    foreign.save(root / "foreign.xlsx")
    good = root / "haikou-r1.xlsx"
    bad = root / "bad"
    bad.mkdir()
    for kind in ("truncated", "bomb", "password", "text"):
        made = make_bad(kind, good, bad)
        made.rename(root / f"{kind}.xlsx")
    bad.rmdir()
    (root / "notes.txt").write_text("收件记录", encoding="utf-8")
    (root / ".hidden.xlsx").write_bytes(good.read_bytes())
    (root / "~$haikou-r1.xlsx").write_bytes(b"lock")
    claimed = {name: claim for name, (_, claim, _, _) in files.items()}
    return Folder(root, {n: a for n, (a, *_) in files.items()}, claimed)
