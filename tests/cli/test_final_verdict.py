"""A finalised verdict never changes by itself: it is stored with the versions and digests of
the questionnaire and rule set that reached it; when the data later differs (here: a threshold
edited in place in a copy of the forms), the stored verdict stands and the difference is
reported, never silently taken over."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from factory_grader.cli import main
from factory_grader.forms.locate import forms_root
from factory_grader.services.examples import example_answers_path


def test_the_final_verdict_stands_and_a_changed_threshold_is_reported(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_root(), forms)
    monkeypatch.setenv("FACTORY_GRADER_FORMS", str(forms))
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["--db", db, "assessments", "import", str(example_answers_path())]) == 0
    assert main(["--db", db, "assessments", "finalise", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "score", "--assessment", "1"]) == 0
    out, err = capsys.readouterr()
    final_line = "定稿结论: S = 2.24，二级（规范级），基础级（cmmm-2020 1.1.0 / hainan-2025 1.1.0）"
    assert final_line in out and err == ""
    assert "注意" not in out

    # Someone edits the rule data in place: Hainan's 基础级 now needs 三级 (same version).
    rules = forms / "hainan-2025" / "manifest.toml"
    text = rules.read_text(encoding="utf-8")
    marker = 'id = "basic"\nrank = 1\nzh = "基础级"\nen = "Basic"\nmin_level = 1'
    assert marker in text
    rules.write_text(text.replace(marker, marker[:-1] + "3"), encoding="utf-8")

    assert main(["--db", db, "score", "--assessment", "1"]) == 0  # "restart": a new process
    out, err = capsys.readouterr()
    assert final_line in out  # the verdict is unchanged …
    # … and the change is reported: the data, and the verdict it would give now
    assert "梯度规则 hainan-2025 1.1.0 的内容与评估时记录的不一致" in err
    assert "现在重新计算得到 S = 2.24，二级（规范级），未达基础级" in err
    assert "定稿所用的数据已有变化" in out and "梯度等级: 未达基础级" in out  # for reference
    assert main(["--db", db, "score", "--assessment", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["final_verdict"]["tier"] == "basic" and data["tier"] is None
    assert {d["what"] for d in data["changed_since_final"]} == {"rules_changed", "verdict"}
