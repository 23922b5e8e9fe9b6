"""The answers file: template, round trip, and one clear message per kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factory_grader.domain.errors import AnswersError
from factory_grader.domain.maturity_model import IndustryType
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import (
    answers_to_json,
    parse_answers,
    read_answers_file,
    template,
)
from factory_grader.services.examples import example_answers_path


def test_template_has_every_key_unanswered(library: FormLibrary) -> None:
    t = template(library, "cmmm-2020", "national-2025", IndustryType.PROCESS)
    form, rules = library.maturity("cmmm-2020"), library.rules("national-2025")
    assert t["form"] == "cmmm-2020" and t["rules"] == "national-2025"
    assert t["industry_type"] == "process"
    assert list(t["requirements"]) == [r.id for r in form.requirements]
    assert set(t["requirements"].values()) == {None}
    assert len(t["scenarios"]) == 40
    assert all(v == {"built": False, "ai": False, "instance": ""} for v in t["scenarios"].values())
    assert list(t["conditions"]) == [c.id for c in rules.conditions]
    assert set(t["conditions"].values()) == {None}


def test_example_round_trips(library: FormLibrary) -> None:
    answers = read_answers_file(example_answers_path(), library)
    again = parse_answers(json.dumps(answers_to_json(answers, library)), "x", library)
    assert again == answers
    assert answers_to_json(again, library) == json.loads(
        example_answers_path().read_text(encoding="utf-8")
    )


def base(library: FormLibrary) -> dict:
    return template(library, "cmmm-2020")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(form="cmmm-2099"), "in.json: form: unknown form 'cmmm-2099'"),
        (lambda d: d.update(rules="mars-2025"), "in.json: rules: unknown rule set 'mars-2025'"),
        (lambda d: d.update(industry_type="mixed"), 'industry_type: must be "discrete" or'),
        (lambda d: d.pop("form"), "in.json: form: missing"),
        (lambda d: d.update(extra=1), "in.json: extra: unknown key"),
        (lambda d: d.update(format="other/9"), "format: unsupported format 'other/9'"),
        (
            lambda d: d["requirements"].update({"data.L9.01": "full"}),
            "requirements.data.L9.01: unknown requirement id in form cmmm-2020",
        ),
        (
            lambda d: d["requirements"].update({"data.L1.01": "yes"}),
            "requirements.data.L1.01: invalid grade 'yes' (expected full, most, partial, none,"
            " na or null)",
        ),
        (
            lambda d: d["scenarios"].update({"teleport": {"built": True}}),
            "scenarios.teleport: unknown scenario id in scenarios-2025",
        ),
        (
            lambda d: d["scenarios"]["mass-customisation"].update(built="yes"),
            "scenarios.mass-customisation.built: must be true or false, got 'yes'",
        ),
        (
            lambda d: d["conditions"].update({"elig.scale": "true"}),
            "conditions.elig.scale: must be true, false or null, got 'true'",
        ),
        (
            lambda d: d["conditions"].update({"elig.magic": True}),
            "conditions.elig.magic: unknown condition id in rule set hainan-2025",
        ),
        (lambda d: d["profile"].update(ceo="x"), "profile.ceo: unknown field"),
        (lambda d: d.update(requirements=[]), "requirements: must be a JSON object"),
    ],
)
def test_bad_answers_name_the_key(library: FormLibrary, mutate, message: str) -> None:
    data = base(library)
    mutate(data)
    with pytest.raises(AnswersError) as info:
        parse_answers(json.dumps(data), "in.json", library)
    assert message in str(info.value)


def test_malformed_json_gives_line_and_column(library: FormLibrary) -> None:
    text = '{\n  "form": "cmmm-2020",\n  "rules": hainan\n}'
    with pytest.raises(AnswersError) as info:
        parse_answers(text, "in.json", library)
    assert "in.json: line 3, column 12: not valid JSON" in str(info.value)


def test_rules_for_another_form_are_refused(library: FormLibrary) -> None:
    # Only one form ships, so point a rule set at a form id the file does not ask for by
    # overriding with an id that exists but belongs elsewhere: the scenario catalogue.
    data = base(library)
    data["rules"] = "scenarios-2025"
    with pytest.raises(AnswersError) as info:
        parse_answers(json.dumps(data), "in.json", library)
    assert "rules: unknown rule set 'scenarios-2025'" in str(info.value)


def test_file_problems(library: FormLibrary, tmp_path: Path) -> None:
    with pytest.raises(AnswersError, match="no such file"):
        read_answers_file(tmp_path / "missing.json", library)
    with pytest.raises(AnswersError, match="is a folder"):
        read_answers_file(tmp_path, library)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"form": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(AnswersError, match="not UTF-8 text"):
        read_answers_file(latin, library)


def test_bom_is_accepted(library: FormLibrary, tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(base(library)).encode())
    assert read_answers_file(path, library).form_id == "cmmm-2020"
