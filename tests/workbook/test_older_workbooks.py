"""Workbooks exported by earlier builds stay `ok`: schema /1 (made by the build at d2beeed, kept
in tests/fixtures/workbooks) showed the profile as stored — here an industry in English beside
its code, as the English UI stored it then — and is re-rendered the same way. New exports (/2)
name city and industry from their codes and carry the codes, even from an answers file that
gives names only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.services.compare import compare_files
from factory_grader.services.examples import example_answers_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "workbooks"
OLD = FIXTURES / "schema1-d2beeed-zh.xlsx"
#: /2, made by the build at 692dbb9: a 3,007-character comment on the first requirement and a
#: long 实例 on the first scenario, each in one cell; the radar on a page of its own
OLD_2 = FIXTURES / "schema2-692dbb9-zh.xlsx"


def test_a_schema_1_workbook_still_verifies(capsys) -> None:
    assert main(["verify", str(OLD), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "ok" and data["tier"] == "basic"
    [entry] = compare_files([OLD], workers=1)
    assert entry.status == "ok" and entry.city_code == "460100"  # grouped by code all the same
    assert entry.industry_code == "C34" and entry.industry == "通用设备制造业"


def test_a_schema_2_workbook_still_verifies_in_its_own_layout(tmp_path: Path, capsys) -> None:
    assert main(["verify", str(OLD_2), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["status"], data["schema"]) == ("ok", "factory-grader-submission/2")
    answers = load_workbook(OLD_2)["答题明细"]
    comments = [c.value for row in answers.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(len(text) == 3007 for text in comments)  # whole, in one cell, as /2 wrote it
    [entry] = compare_files([OLD_2], workers=1)
    assert entry.status == "ok" and entry.revision == 2


def test_a_new_export_carries_the_codes(tmp_path: Path) -> None:
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"].update(city="Sanya", city_code=None, industry="Food manufacturing")
    data["profile"]["industry_code"] = None
    source = tmp_path / "names.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    book = tmp_path / "新.xlsx"
    assert main(["export", str(source), "--out", str(book)]) == 0
    wb = load_workbook(book)
    profile = {
        r[1].value: r[3].value
        for r in wb["fg_data"].iter_rows(min_row=2)
        if r[0].value == "profile"
    }
    assert profile["city_code"] == '"460200"' and profile["industry_code"] == '"C14"'
    cover = {r[0].value: r[1].value for r in wb["封面"].iter_rows()}
    assert cover["市县"] == "三亚市" and cover["所属行业"] == "食品制造业"
    assert main(["verify", str(book)]) == 0


#: /3 in English, made by the build at 5fd04f6: the example factory, whose uncovered 环节 was then
#: written "no built scenario covers the 环节 Operations management" (差距分析!B13); it reads
#: "… covers the Operations management stage" since the wording catalogue (wording.py)
OLD_3_EN = FIXTURES / "schema3-5fd04f6-en.xlsx"


def test_an_english_export_with_the_earlier_sentence_still_verifies(capsys) -> None:
    assert load_workbook(OLD_3_EN)["Gaps"]["B13"].value == (
        "no built scenario covers the 环节 Operations management"
    )
    assert main(["verify", str(OLD_3_EN), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "ok"
    [entry] = compare_files([OLD_3_EN], workers=1)
    assert entry.status == "ok"


def test_the_earlier_sentence_is_accepted_only_for_its_own_fact(tmp_path: Path, capsys) -> None:
    """The earlier wording of another 环节 (one that is covered) is an edit like any other."""
    wb = load_workbook(OLD_3_EN)
    wb["Gaps"]["B13"] = "no built scenario covers the 环节 Production operations"
    forged = tmp_path / "forged.xlsx"
    wb.save(forged)
    assert main(["verify", str(forged), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["reasons"]
    assert any("Gaps!B13" in f["message"] for f in findings), findings


#: /3 in Chinese, made by the build at e227294: the example factory (基础级) exported with the
#: claim 先进级, shown then as a bare "先进级" (封面!B22), and the export time in UTC
#: (封面!A30 "导出时间（UTC）", B30 "…Z"); since then the claim says it is above the self-assessed
#: tier and the time is Beijing time
OLD_CLAIM_ABOVE_ZH = FIXTURES / "schema3-e227294-claim-above-zh.xlsx"


def test_an_export_with_a_bare_claim_and_a_utc_time_still_verifies(capsys) -> None:
    cover = load_workbook(OLD_CLAIM_ABOVE_ZH)["封面"]
    assert cover["B22"].value == "先进级" and cover["A30"].value == "导出时间（UTC）"
    assert cover["B30"].value.endswith("Z")
    assert main(["verify", str(OLD_CLAIM_ABOVE_ZH), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "ok"
    [entry] = compare_files([OLD_CLAIM_ABOVE_ZH], workers=1)
    assert entry.status == "ok"


@pytest.mark.parametrize(
    ("cell", "forged"),
    [
        ("B22", "卓越级"),  # another tier than the one claimed
        ("B30", "2020-01-01T00:00:00Z"),  # another time, written the earlier way
        ("B30", "2020-01-01 08:00:00"),  # another time, written the new way
        ("A30", "导出时间（东京时间）"),
    ],
)
def test_the_earlier_texts_are_accepted_only_for_their_own_fact(
    tmp_path: Path, capsys, cell: str, forged: str
) -> None:
    wb = load_workbook(OLD_CLAIM_ABOVE_ZH)
    wb["封面"][cell] = forged
    path = tmp_path / "forged.xlsx"
    wb.save(path)
    assert main(["verify", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["reasons"]
    assert any(f"封面!{cell}" in f["message"] for f in findings), findings
