"""City and industry are compared by code, not by the words a UI happened to use: "Haikou"
typed in the English UI and "海口市" in the Chinese one are one city (行政区划代码 460100)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.domain.errors import AnswersError
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.summary_stats import tiers_by_city
from factory_grader.services.answers_file import parse_answers, read_answers_file
from factory_grader.services.compare import compare_files, write_summary
from factory_grader.services.examples import example_answers_path
from factory_grader.services.submission import build_submission, export_workbook


def _profile(answers, **fields):
    profile = {k: v for k, v in answers.profile.items() if k not in ("city_code", "industry_code")}
    return replace(answers, profile={**profile, **fields})


def test_haikou_and_haikou_are_one_city(library: FormLibrary, tmp_path: Path) -> None:
    example = read_answers_file(example_answers_path(), library)
    zh = _profile(example, credit_code="", name="甲厂", city="海口市", city_code="460100")
    # as the English UI stored it before codes: names in English, no city code
    en = _profile(
        example, credit_code="", name="乙厂", city="Haikou", industry="Food manufacturing"
    )
    free = _profile(example, credit_code="", name="丙厂", city="洋浦保税港区")
    for name, answers, lang in (("zh", zh, "zh"), ("en", en, "en"), ("free", free, "zh")):
        export_workbook(build_submission(library, answers, lang=lang), tmp_path / f"{name}.xlsx")
    entries = compare_files(sorted(tmp_path.glob("*.xlsx")), workers=1)
    by_name = {e.name: e for e in entries}
    assert (by_name["甲厂"].city_code, by_name["乙厂"].city_code) == ("460100", "460100")
    assert by_name["乙厂"].industry_code == "C14" and by_name["乙厂"].industry == "食品制造业"
    assert (by_name["丙厂"].city_code, by_name["丙厂"].city) == ("", "洋浦保税港区")
    table = tiers_by_city(entries)
    assert set(table) == {"460100", "洋浦保税港区"}
    assert sum(table["460100"].values()) == 2

    for lang, haikou in (("zh", "海口市"), ("en", "Haikou")):
        summary = tmp_path / f"summary-{lang}.xlsx"
        write_summary(entries, library, summary, lang=lang, sources=3)
        sheet = load_workbook(summary).worksheets[0]
        cities = [row[1] for row in sheet.iter_rows(values_only=True) if row[2] in ("甲厂", "乙厂")]
        assert cities == [haikou, haikou]


def test_a_code_that_contradicts_its_name_is_refused(library: FormLibrary) -> None:
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"]["city"] = "三亚市"  # the code still says 460100 (海口市)
    with pytest.raises(AnswersError) as info:
        parse_answers(json.dumps(data), "a.json", library)
    assert "a.json: profile.city: '三亚市' is not 460100 (海口市 / Haikou)" in str(info.value)


def test_import_stores_codes_whatever_the_language(tmp_path: Path, capsys) -> None:
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"].update(city="Sanya", city_code=None, industry="Food manufacturing")
    data["profile"]["industry_code"] = None
    source = tmp_path / "en.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["--db", db, "assessments", "import", str(source)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "assessments", "show", "1", "--json"]) == 0
    profile = json.loads(capsys.readouterr().out)["profile"]
    assert (profile["city"], profile["city_code"]) == ("三亚市", "460200")
    assert (profile["industry"], profile["industry_code"]) == ("食品制造业", "C14")


def test_a_code_with_spaces_is_still_checked_against_its_name(library: FormLibrary) -> None:
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"].update(city=" 三亚市", city_code=" 460100 ")
    with pytest.raises(AnswersError) as info:
        parse_answers(json.dumps(data), "a.json", library)
    assert "profile.city" in str(info.value) and "460100" in str(info.value)
