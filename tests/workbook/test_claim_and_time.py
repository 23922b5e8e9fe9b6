"""An honest submission (issue 15 §5): a tier applied for above the one the answers reach is
marked so on the cover and warned about before writing (what it lacks, named); the cover's
export time is Beijing time and says so. Expectations by hand: the example factory reaches
基础级; 先进级 lacks its 5 conditions and the 运营管理 环节; 卓越级 adds its own 6 conditions
and maturity 三级 (运营管理 is the same 环节: named once)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.domain.results import CheckKind
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.tier import claim_gaps
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers
from factory_grader.services.submission import build_submission, export_workbook
from factory_grader.workbook.sheets.cover import beijing_time


@pytest.mark.parametrize(
    ("utc", "beijing"),
    [
        ("2026-11-01T08:30:00Z", "2026-11-01 16:30:00"),
        ("2026-12-31T20:00:00Z", "2027-01-01 04:00:00"),  # the next day, and year, in Beijing
        ("2024-02-28T16:00:00Z", "2024-02-29 00:00:00"),  # a leap day
    ],
)
def test_beijing_time_is_utc_plus_eight(utc: str, beijing: str) -> None:
    assert beijing_time(utc) == beijing


def test_the_claim_gaps_of_each_tier(library: FormLibrary) -> None:
    answers = read_answers_file(example_answers_path(), library)
    tiers = score_answers(library, answers).tier
    assert tiers.tier == "basic"
    assert claim_gaps(tiers, "basic") == () and claim_gaps(tiers, None) == ()
    advanced = claim_gaps(tiers, "advanced")
    assert [c.kind for c in advanced].count(CheckKind.CONTENT) + [c.kind for c in advanced].count(
        CheckKind.RESULTS
    ) == 5
    assert [(c.kind, c.subject) for c in advanced if c.kind is CheckKind.COVERAGE] == [
        (CheckKind.COVERAGE, "operations-management")
    ]
    assert len(advanced) == 6
    excellent = claim_gaps(tiers, "excellent")
    assert len(excellent) == 5 + 1 + 6 + 1
    [maturity] = [c for c in excellent if c.kind is CheckKind.MATURITY]
    assert maturity.required_level == 3  # type: ignore[attr-defined]


def test_the_cover_marks_a_claim_above_and_shows_beijing_time(
    library: FormLibrary, tmp_path: Path
) -> None:
    answers = read_answers_file(example_answers_path(), library)
    when = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    for claim, shown in (
        ("advanced", "先进级（高于自评梯度：基础级）"),
        ("basic", "基础级"),  # the tier reached: nothing to mark
        (None, "（未填写）"),
    ):
        book = tmp_path / f"{claim}.xlsx"
        export_workbook(
            build_submission(library, answers, claimed_tier=claim, exported_at=when), book
        )
        cover = {r[0].value: r[1].value for r in load_workbook(book)["封面"].iter_rows()}
        assert cover["申报等级"] == shown
        assert cover["导出时间（北京时间）"] == "2027-01-01 04:00:00"
        assert main(["verify", str(book)]) == 0


def test_the_cli_warns_of_a_claim_above_and_names_what_it_lacks(tmp_path: Path, capsys) -> None:
    out = tmp_path / "claim.xlsx"
    example = str(example_answers_path())
    assert main(["export", example, "--claim", "advanced", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "申报梯度“先进级”高于自评梯度“基础级”，以下条件尚未满足：" in err
    assert "  - “运营管理”环节尚无已建成的典型场景" in err
    assert "  - 经营管理数据与生产数据集成贯通（未作答）" in err
    assert err.count("\n  - ") == 6
    assert main(["export", example, "--claim", "basic", "--out", str(out)]) == 0
    assert "高于自评梯度" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("label", "column", "forged"),
    [
        ("申报等级", "B", "先进级"),  # the mark taken off the claim (as /3 wrote it)
        ("导出时间（北京时间）", "A", "导出时间（UTC）"),  # Beijing time called UTC: 8 hours off
        ("导出时间（北京时间）", "B", "2026-12-31T20:00:00Z"),  # UTC under the Beijing label
    ],
)
def test_a_new_export_cannot_be_made_to_look_like_an_earlier_one(
    library: FormLibrary, tmp_path: Path, capsys, label: str, column: str, forged: str
) -> None:
    """Since /4 the cover is rendered one way; an earlier schema's texts are its own (the
    schema is under the answers' hash) and are not accepted in a /4 workbook."""
    answers = read_answers_file(example_answers_path(), library)
    when = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    book = tmp_path / "new.xlsx"
    export_workbook(
        build_submission(library, answers, claimed_tier="advanced", exported_at=when), book
    )
    wb = load_workbook(book)
    [row] = [c.row for c in wb["封面"]["A"] if c.value == label]
    cell = f"{column}{row}"
    wb["封面"][cell] = forged
    wb.save(tmp_path / "forged.xlsx")
    assert main(["verify", str(tmp_path / "forged.xlsx")]) == 1
    assert f"封面!{cell}" in capsys.readouterr().out


def test_the_cli_warns_of_a_size_the_numbers_contradict(tmp_path: Path, capsys) -> None:
    import json

    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"].update({"size": "大型", "employees": "50", "revenue": "2.8亿"})
    path = tmp_path / "size.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["export", str(path), "--out", str(tmp_path / "size.xlsx")]) == 0
    err = capsys.readouterr().err
    assert "上年度营业收入“2.8亿”不是以万元为单位的数" in err
    data["profile"]["revenue"] = "100"  # 50 people, 100 万元: micro by the rule
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["export", str(path), "--out", str(tmp_path / "size.xlsx")]) == 0
    assert "企业规模“大型”与按规则判定的“微型”不同，且未说明理由" in capsys.readouterr().err
