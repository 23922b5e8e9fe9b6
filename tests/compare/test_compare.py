"""compare on a folder with known contents: every column, the duplicate rule, the integrity
statuses, and the summary workbook read back with openpyxl."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.domain.comparison import Entry
from factory_grader.forms.library import FormLibrary
from factory_grader.services.compare import (
    Cancelled,
    compare_files,
    write_summary,
)
from factory_grader.services.file_lists import expand_paths
from factory_grader.services.scoring_service import score_answers
from factory_grader.workbook.summary_book import SUMMARY_COLUMNS
from factory_grader.workbook.summary_rows import SUMMARY_SHEET
from tests.submission_folder import Folder

INVALID = {
    "foreign.xlsx": "not a factory-grader submission",
    "truncated.xlsx": "damaged",
    "bomb.xlsx": "decompression bomb",
    "password.xlsx": "password-protected",
    "text.xlsx": "not an Excel workbook",
    "notes.txt": "not an Excel workbook",
}


def by_name(entries: list[Entry], root: Path) -> dict[str, Entry]:
    return {str(Path(e.file).relative_to(root)): e for e in entries}


@pytest.fixture(scope="module")
def compared(known_folder: Folder) -> dict[str, Entry]:
    entries = compare_files(expand_paths([known_folder.root]), workers=2)
    return by_name(entries, known_folder.root)


def test_every_file_is_listed_once_hidden_and_lock_files_skipped(
    compared: dict[str, Entry], known_folder: Folder
) -> None:
    assert set(compared) == set(known_folder.answers) | set(INVALID)


def test_columns_come_from_rescoring_the_answers(
    compared: dict[str, Entry], known_folder: Folder, library: FormLibrary
) -> None:
    for name, answers in known_folder.answers.items():
        e = compared[name]
        result = score_answers(library, answers)
        p = answers.profile
        assert (e.city, e.name, e.credit_code, e.industry, e.industry_code, e.size) == (
            p["city"],
            p["name"],
            p["credit_code"],
            p["industry"],
            p["industry_code"],
            p["size"],
        ), name
        if name == "machine-edited.xlsx":
            continue  # its answers were changed inside the file: scored as they are now
        assert e.score_hundredths == result.maturity.score_hundredths, name
        assert e.level == result.maturity.level
        assert e.tier == (result.tier.tier or "")
        assert e.claimed_tier == (known_folder.claimed[name] or "")
        assert e.links == result.tier.covered_links
        assert (e.built, e.ai) == (result.tier.built_count, result.tier.ai_count)
        assert e.ai_share == pytest.approx(result.tier.ai_count / result.tier.built_count)


def test_newest_revision_counts_the_older_is_superseded(compared: dict[str, Entry]) -> None:
    old, new = compared["haikou-r1.xlsx"], compared["haikou-r2.xlsx"]
    assert old.superseded_by == new.file and not old.counts
    assert new.counts and new.revision == 2
    assert new.score_hundredths > old.score_hundredths


def test_integrity_statuses_and_reasons(compared: dict[str, Entry]) -> None:
    assert compared["haikou-r2.xlsx"].status == "ok"
    assert compared["三亚/sanya.xlsx"].status == "ok"
    edited = compared["三亚/deeper/sanya-edited.xlsx"]
    assert edited.status == "edited"
    assert edited.reason == "评估结果!B5: expected 2.24, found 4.9"
    machine = compared["machine-edited.xlsx"]
    assert machine.status == "edited" and "SHA-256" in machine.reason
    for name, words in INVALID.items():
        assert compared[name].status == "invalid", name
        assert words in compared[name].reason, (name, compared[name].reason)
        assert not compared[name].counts


def test_parallel_and_sequential_agree(known_folder: Folder, compared: dict[str, Entry]) -> None:
    one = compare_files(expand_paths([known_folder.root]), workers=1)
    assert by_name(one, known_folder.root) == compared


def test_cancel_stops_the_comparison(known_folder: Folder) -> None:
    cancel = threading.Event()
    seen: list[int] = []

    def progress(batch: list[Entry], done: int) -> None:
        seen.append(done)
        cancel.set()

    with pytest.raises(Cancelled):
        compare_files(
            expand_paths([known_folder.root]), workers=1, on_entries=progress, cancel=cancel
        )
    assert seen == [1]


def test_summary_workbook(
    compared: dict[str, Entry], known_folder: Folder, library: FormLibrary, tmp_path: Path
) -> None:
    entries = list(compared.values())
    out = tmp_path / "汇总.xlsx"
    write_summary(entries, library, out, sources=len(entries))
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总表", "问题文件", "图表", "图表数据", SUMMARY_SHEET]
    assert wb["图表数据"].sheet_state == "hidden"  # the tables behind the charts do not print
    assert wb[SUMMARY_SHEET].sheet_state == "veryHidden"
    ws = wb["汇总表"]
    header = [c.value for c in ws[4]]
    assert header == [zh for _, zh, _ in SUMMARY_COLUMNS]
    assert header[0] == "序号"
    everything = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    rows = [r for r in everything if r[0] is not None]  # factories (subtotals have no number)
    subtotals = [r for r in everything if r[0] is None]
    listed = [e for e in entries if e.counts]
    assert [r[0] for r in rows] == list(range(1, len(listed) + 1))
    assert sorted(r[3] for r in rows) == sorted(e.credit_code for e in listed)
    # by city: each city's factories together, then its subtotal; a total at the end
    cities = [r[1] for r in subtotals]
    assert cities[-1] == "合计" and len(cities) == len({e.city_key for e in listed}) + 1
    assert all(c.endswith(" 小计") for c in cities[:-1])
    assert subtotals[-1][2] == f"{len(listed)} 家"
    scores = [e.score_hundredths for e in listed]
    assert subtotals[-1][6] == round(sum(scores) / len(scores)) / 100  # mean S
    assert everything[-1] == subtotals[-1]
    new = next(r for r in rows if r[3] == compared["haikou-r2.xlsx"].credit_code)
    assert new[6] == compared["haikou-r2.xlsx"].score_hundredths / 100
    tiers = {t.id: t.name.zh for t in library.rules("hainan-2025").tiers}
    r2 = compared["haikou-r2.xlsx"]
    assert new[8] == "先进级" and new[9] == tiers.get(r2.tier, "未达基础级")
    assert new[10] == ("是" if r2.tier == "advanced" else "否")
    assert new[15] == "正常"
    edited = next(r for r in rows if r[2] == "三亚示例食品有限公司" and r[15] != "正常")
    assert edited[15] == "导出后被修改"
    problems = [[c.value for c in r] for r in wb["问题文件"].iter_rows(min_row=5)]
    problem_files = {Path(r[1]).name for r in problems}
    assert problem_files == {Path(n).name for n in INVALID} | {
        "haikou-r1.xlsx",
        "sanya-edited.xlsx",
        "machine-edited.xlsx",
    }
    assert len(wb["图表"]._charts) == 4
    assert wb["图表"].max_row < 10  # only the title: the charts float over it, no tables
    radar = next(c for c in wb["图表"]._charts if type(c).__name__ == "RadarChart")
    assert radar.y_axis.scaling.max < 5  # the scale follows the averages (1–2 here), not 0–5
    machine = list(wb[SUMMARY_SHEET].iter_rows(values_only=True))
    assert machine[0][:2] == ("schema", "factory-grader-summary/2")
    assert len(machine) == 2 + len(entries)
    assert machine[1][:3] == ("file", "entry", "answers")
    # every readable workbook's row carries its answers (to be recomputed by the province)
    carried = {Path(r[0]).name: r[2] for r in machine[2:]}
    assert carried["haikou-r2.xlsx"] and '"versions":' in carried["haikou-r2.xlsx"]
    assert carried["truncated.xlsx"] is None


def test_a_province_combines_city_summaries(
    known_folder: Folder, compared: dict[str, Entry], library: FormLibrary, tmp_path: Path
) -> None:
    city = tmp_path / "city-summary.xlsx"
    write_summary(list(compared.values()), library, city, sources=len(compared))
    province = compare_files([city, known_folder.root / "haikou-r1.xlsx"], workers=1)
    from_city = [e for e in province if e.file.startswith(str(city))]
    assert len(from_city) == len(compared)
    # The same r1 read directly is still superseded by r2 (which came in through the summary).
    direct = next(e for e in province if e.file == str(known_folder.root / "haikou-r1.xlsx"))
    assert direct.superseded_by.endswith("haikou-r2.xlsx")
    assert sum(e.counts for e in province) == sum(e.counts for e in compared.values())


def test_cli_compare_json_and_summary(known_folder: Folder, tmp_path: Path, capsys) -> None:
    out = tmp_path / "summary.xlsx"
    assert main(["compare", str(known_folder.root), "--out", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == len(known_folder.answers) + len(INVALID)
    assert report["invalid"] == len(INVALID)
    assert report["edited"] == 2 and report["superseded"] == 1
    assert report["listed"] == 4
    assert out.exists()
    # The summary written into the compared folder is not read as input next time.
    inside = known_folder.root / "summary.xlsx"
    try:
        assert main(["compare", str(known_folder.root), "--out", str(inside), "--json"]) == 0
        again = json.loads(capsys.readouterr().out)
        assert again["files"] == report["files"]
    finally:
        inside.unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "/nonexistent-folder"], "no such file or folder"),
        (["compare", ".", "--out", "summary.csv"], ".xlsx"),
    ],
)
def test_cli_compare_bad_arguments(args: list[str], message: str, capsys) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_an_edit_on_any_visible_sheet_shows_in_the_comparison(
    known_folder: Folder, tmp_path: Path
) -> None:
    """compare checks every sheet as verify does, not only 封面 and 评估结果: one file per sheet,
    each with one text cell of that sheet changed, every one of them `edited` naming the sheet."""
    good = known_folder.root / "haikou-r2.xlsx"
    sheets = load_workbook(good).sheetnames
    visible = [s for s in sheets if not s.startswith("fg_")]
    assert visible == [
        "封面",
        "评估结果",
        "答题明细",
        "典型场景",
        "要素条件",
        "差距分析",
        "真实性承诺",
    ]
    edited: dict[str, str] = {}  # file -> the cell changed
    for i, name in enumerate(visible):
        wb = load_workbook(good)
        ws = wb[name]
        cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str))
        cell.value = cell.value + "（改）"
        target = tmp_path / f"edited-{i}.xlsx"
        wb.save(target)
        edited[target.name] = f"{name}!{cell.coordinate}"
    entries = by_name(compare_files(expand_paths([tmp_path]), workers=1), tmp_path)
    assert set(entries) == set(edited)
    for file, where in edited.items():
        assert entries[file].status == "edited", (file, entries[file])
        assert entries[file].reason.startswith(where), (where, entries[file].reason)
        assert where in entries[file].reason_zh or where.split("!")[0] in entries[file].reason_zh
