"""A city summary read by the province is checked like a submission (issue 12 §2): each row's
fields are typed and in range, and its figures are recomputed from the answers it carries. The
example factory (haikou-r1.xlsx) scores S = 2.24, 基础级 (hand-checked: tests/workbook)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.domain.comparison import Entry
from factory_grader.services.compare import compare_files, write_summary
from factory_grader.workbook.summary_rows import SUMMARY_SHEET


@pytest.fixture(scope="module")
def city_summary(known_folder, library, tmp_path_factory) -> Path:
    entries = compare_files([known_folder.root / "haikou-r1.xlsx"], workers=1)
    assert [e.score_hundredths for e in entries] == [224]
    target = tmp_path_factory.mktemp("city") / "city.xlsx"
    write_summary(entries, library, target, sources=1)
    return target


def _forged(source: Path, target: Path, change: Callable[[dict, dict], None]) -> Path:
    """The summary with its one row's fields (entry JSON) and answers changed by `change`."""
    wb = load_workbook(source)
    ws = wb[SUMMARY_SHEET]
    entry = json.loads(ws["B3"].value)
    answers = json.loads(ws["C3"].value)
    change(entry, answers)
    ws["B3"].value = json.dumps(entry, ensure_ascii=False)
    ws["C3"].value = json.dumps(answers, ensure_ascii=False)
    wb.save(target)
    return target


def _province(path: Path) -> Entry:
    (entry,) = compare_files([path], workers=1)
    return entry


def test_an_untouched_city_summary_is_recomputed_and_ok(city_summary: Path) -> None:
    entry = _province(city_summary)
    assert (entry.status, entry.score_hundredths, entry.tier) == ("ok", 224, "basic")


def _score(entry: dict, answers: dict) -> None:
    entry["score_hundredths"] = 412


def _tier(entry: dict, answers: dict) -> None:
    entry["tier"] = "excellent"


def _grades_lifted(entry: dict, answers: dict) -> None:  # the answers, not the figures
    answers["requirements"] = {k: "full" for k in answers["requirements"]}


def _name(entry: dict, answers: dict) -> None:
    entry["name"] = "另一家公司"


@pytest.mark.parametrize(
    ("change", "reason_zh"),
    [
        (_score, "汇总行的“成熟度得分（百分之一）”为 “412”，按所附答题应为 “224”"),
        (_tier, "汇总行的“梯度”为 “excellent”，按所附答题应为 “basic”"),
        (_grades_lifted, "汇总行的“成熟度得分（百分之一）”为 “224”，按所附答题应为 “500”"),
        (_name, "汇总行的“企业名称”为 “另一家公司”"),
    ],
    ids=["score", "tier", "answers", "name"],
)
def test_a_row_that_is_not_what_its_answers_give_is_edited(
    city_summary: Path, tmp_path: Path, change, reason_zh: str
) -> None:
    entry = _province(_forged(city_summary, tmp_path / "forged.xlsx", change))
    assert entry.status == "edited"
    assert entry.reason_zh.startswith(reason_zh), entry.reason_zh


def _score_as_text(entry: dict, answers: dict) -> None:
    entry["score_hundredths"] = "224"


def _unknown_status(entry: dict, answers: dict) -> None:
    entry["status"] = "verified"


def _level_out_of_range(entry: dict, answers: dict) -> None:
    entry["level"] = 9


def _more_ai_than_built(entry: dict, answers: dict) -> None:
    entry["ai"] = entry["built"] + 1


def _answers_of_no_form(entry: dict, answers: dict) -> None:
    answers["versions"] = ["9.9", "9.9", "9.9"]


def _answers_broken(entry: dict, answers: dict) -> None:
    answers["requirements"] = {"no-such-requirement": "full"}


@pytest.mark.parametrize(
    ("change", "reason_zh"),
    [
        (_score_as_text, "汇总行无效：字段“成熟度得分（百分之一）”的值 '224' 类型不符"),
        (_unknown_status, "汇总行无效：未知状态 'verified'"),
        (_level_out_of_range, "汇总行无效：成熟度等级 9 超出范围"),
        (_more_ai_than_built, "汇总行无效：AI 场景数多于已建场景数"),
        (_answers_of_no_form, "汇总行无效：所附答题无法读取"),
        (_answers_broken, "汇总行无效：所附答题无法读取"),
    ],
    ids=["text-score", "status", "level", "ai", "versions", "answers"],
)
def test_a_malformed_row_is_invalid_and_not_counted(
    city_summary: Path, tmp_path: Path, change, reason_zh: str
) -> None:
    entry = _province(_forged(city_summary, tmp_path / "forged.xlsx", change))
    assert entry.status == "invalid" and not entry.counts
    assert entry.reason_zh.startswith(reason_zh), entry.reason_zh


def test_a_summary_without_answers_is_marked_never_called_recomputed(
    city_summary: Path, library, tmp_path: Path
) -> None:
    """A summary of the first format carried no answers: its rows are listed, marked 未重新计算
    in the row and in the note, never as recomputed."""
    wb = load_workbook(city_summary)
    ws = wb[SUMMARY_SHEET]
    ws["B1"].value = "factory-grader-summary/1"
    ws["C2"].value = None
    ws["C3"].value = None
    old = tmp_path / "old-city.xlsx"
    wb.save(old)
    entry = _province(old)
    assert entry.status == "unchecked" and entry.counts
    assert entry.reason_zh == "汇总表未附答题：各项得分照录，未能重新计算"
    province = tmp_path / "province.xlsx"
    write_summary([entry], library, province, sources=1)
    sheet = load_workbook(province)["汇总表"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "未重新计算（照录）" in texts
    assert any("其中 1 家来自未附答题的汇总表，得分照录、未能重新计算" in t for t in texts)


def _claims_a_tier_of_no_rule_set(entry: dict, answers: dict) -> None:
    entry["claimed_tier"] = "bogus<>"


def _says_it_is_superseded(entry: dict, answers: dict) -> None:  # would drop it from the count
    entry["superseded_by"] = "x.xlsx"


def test_a_row_claiming_a_tier_no_rule_set_has_is_invalid(city_summary: Path, tmp_path) -> None:
    entry = _province(_forged(city_summary, tmp_path / "f.xlsx", _claims_a_tier_of_no_rule_set))
    assert entry.status == "invalid"
    assert entry.reason_zh == "汇总行无效：申报等级“bogus<>”不是规则 hainan-2025 中的梯度"


def test_which_file_counts_is_decided_again_not_read(city_summary: Path, tmp_path) -> None:
    entry = _province(_forged(city_summary, tmp_path / "f.xlsx", _says_it_is_superseded))
    assert entry.status == "ok" and entry.superseded_by == "" and entry.counts


def _catalogue_version_not_text(entry: dict, answers: dict) -> None:
    answers["versions"][2] = {}


def _industry_type_wrong(entry: dict, answers: dict) -> None:
    answers["industry_type"] = "x"


@pytest.mark.parametrize(
    ("change", "reason_zh"),
    [
        (_catalogue_version_not_text, "汇总行无效：所附答题无法读取"),
        (_industry_type_wrong, "汇总行无效：所附答题无法读取（industry_type）"),
    ],
    ids=["catalogue-version", "industry-type"],
)
def test_one_bad_row_is_invalid_the_summary_still_read(
    city_summary: Path, tmp_path: Path, change, reason_zh: str
) -> None:
    entry = _province(_forged(city_summary, tmp_path / "f.xlsx", change))
    assert entry.status == "invalid" and entry.reason_zh == reason_zh, entry.reason_zh


def test_other_answers_under_the_same_revision_are_a_conflict(
    known_folder, city_summary: Path, tmp_path: Path
) -> None:
    """A summary row with other answers than the genuine workbook of the same assessment and
    revision, claiming its answers_sha256: a conflict for the official, not a silent swap."""

    def lifted(entry: dict, answers: dict) -> None:
        answers["requirements"] = {k: "full" for k in answers["requirements"]}
        entry.update(score_hundredths=500, level=5, unanswered=0, subdomain_levels="5" * 20)
        entry["exported_at"] = "2026-12-31T00:00:00Z"

    forged = _forged(city_summary, tmp_path / "f.xlsx", lifted)
    entries = compare_files([forged, known_folder.root / "haikou-r1.xlsx"], workers=1)
    assert all(e.status == "ok" for e in entries), [(e.status, e.reason) for e in entries]
    assert all(e.conflict_with for e in entries)
