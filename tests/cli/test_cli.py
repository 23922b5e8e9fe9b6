"""The command line, in-process for breadth and as a real process for the entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.services.examples import example_answers_path

SCRIPT = Path(sys.executable).parent / "factory-grader"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_forms_list_json(capsys) -> None:
    code, out, _ = run(capsys, "forms", "list", "--json")
    data = json.loads(out)
    assert code == 0
    assert {(e["kind"], e["id"]) for e in data} >= {
        ("maturity", "cmmm-2020"),
        ("rules", "hainan-2025"),
    }
    assert [e["id"] for e in data if e["default"]] == ["hainan-2025"]


def test_forms_show_questionnaire(capsys) -> None:
    code, out, _ = run(capsys, "forms", "show", "cmmm-2020", "--json")
    data = json.loads(out)
    assert code == 0 and data["kind"] == "maturity"
    assert len(data["subdomains"]) == 20 and {"id", "name"} <= set(data["subdomains"][0])
    req = data["requirements"][0]
    assert {"id", "subdomain", "level", "text", "text_en", "evidence", "applies_to"} <= set(req)


def test_forms_show_rule_set_carries_provenance(capsys) -> None:
    data = json.loads(run(capsys, "forms", "show", "hainan-2025", "--json")[1])
    basic = data["tiers"][0]
    assert basic["min_level"] == 1 and basic["min_level_provenance"]["confidence"] == "official"


def test_template_then_score(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "template", "--rules", "national-2025")
    assert code == 0
    path = tmp_path / "answers.json"
    path.write_text(out, encoding="utf-8")
    code, out, _ = run(capsys, "score", str(path), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["maturity"]["score"] == 0.0 and data["maturity"]["level"] == 0
    assert data["maturity"]["level_scores"] == [0.0] * 5
    assert data["tier"] is None and data["next_tier"] == "basic"
    assert {g["kind"] for g in data["gaps"]} >= {"eligibility", "maturity", "coverage"}
    assert sum(p["code"] == "unanswered-requirement" for p in data["problems"]) > 250


def test_score_example_json(capsys) -> None:
    code, out, _ = run(capsys, "score", str(example_answers_path()), "--json")
    data = json.loads(out)
    assert code == 0
    m = data["maturity"]
    assert m["score"] == round(sum(m["level_scores"][: m["stop_level"]]), 2)
    assert data["tier"] == "basic" and data["next_tier"] == "advanced"
    assert data["rules"]["id"] == "hainan-2025"
    assert len(data["improvements"]) == 20


def test_rules_option_overrides_the_file(capsys) -> None:
    code, out, _ = run(
        capsys, "score", str(example_answers_path()), "--rules", "national-2025", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["rules"]["id"] == "national-2025"
    # Hainan-only conditions in the file are not used under the national rules
    assert "elig.tax-clearance" not in json.dumps(data["tiers"])


def test_text_report_in_both_languages(capsys) -> None:
    zh = run(capsys, "example")[1]
    en = run(capsys, "--lang", "en", "example")[1]
    assert run(capsys, "example", "--lang", "en")[1] == en
    assert "成熟度得分 S" in zh and "基础级" in zh and "自评" in zh
    assert "Maturity score S" in en and "Basic" in en and "self-assessment" in en


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "line 1, column 2: not valid JSON"),
        ('{"form": "nope", "industry_type": "discrete"}', "form: unknown form 'nope'"),
        (
            '{"form": "cmmm-2020", "industry_type": "discrete", "requirements": {"x": "full"}}',
            "requirements.x: unknown requirement id",
        ),
        (
            '{"form": "cmmm-2020", "industry_type": "discrete",'
            ' "requirements": {"data.L1.01": "great"}}',
            "invalid grade 'great'",
        ),
    ],
)
def test_bad_input_exits_2_with_one_message(capsys, tmp_path: Path, content, message) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "score", str(path))
    assert code == 2 and out == ""
    assert message in err and err.startswith(f"factory-grader: {path}")
    assert "Traceback" not in err


def test_unknown_form_in_show_and_template(capsys) -> None:
    assert run(capsys, "forms", "show", "nope", "--json")[0] == 2
    code, _, err = run(capsys, "template", "--form", "nope")
    assert code == 2 and "unknown form 'nope'" in err


def test_real_process_entry_point(tmp_path: Path) -> None:
    """The installed console script, as a user runs it: exit codes and no traceback."""
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    ok = subprocess.run(
        [SCRIPT, "score", str(example_answers_path()), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["tier"] == "basic"
    bad = tmp_path / "bad.json"
    bad.write_text('{"form": "cmmm-2020", "industry_type": 7}', encoding="utf-8")
    fail = subprocess.run(
        [SCRIPT, "score", str(bad)], capture_output=True, text=True, env=env, timeout=60
    )
    assert fail.returncode == 2 and "industry_type" in fail.stderr
    assert "Traceback" not in fail.stderr
    usage = subprocess.run([SCRIPT, "score"], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2 and "FILE or --assessment ID" in usage.stderr


def test_gui_exit_when_ready_paints_and_exits_0(tmp_path: Path) -> None:
    """The real app, as a user starts it: a window appears (offscreen here) and it exits 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACTORY_GRADER_HOME": str(tmp_path)}
    done = subprocess.run(
        [SCRIPT, "gui", "--exit-when-ready"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
