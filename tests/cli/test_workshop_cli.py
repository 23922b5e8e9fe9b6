"""The workshop's commands say what is wrong in the chosen language, with exit code 2 and no
traceback; a participant can be removed; the numbers follow --lang."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from factory_grader.cli import main

EXAMPLE = Path(__file__).parent.parent.parent / "forms" / "examples" / "example-factory.json"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _imported(capsys, tmp_path: Path) -> str:
    code, out, _ = run(capsys, "assessments", "import", str(EXAMPLE), "--json")
    assert code == 0
    people = tmp_path / "p.csv"
    people.write_text("name,department,role\n张三,生产部,主任\n李四,信息部,经理\n", "utf-8")
    code, _, err = run(
        capsys,
        "pack",
        "--assessment",
        "1",
        "--out",
        str(tmp_path / "packs"),
        "--participants",
        str(people),
    )
    assert code == 0 and err.strip() == "名单中 2 位，现有 2 位参与人"
    return str(json.loads(out)["id"])


def test_bad_input_is_said_in_chinese_with_exit_2(capsys, tmp_path: Path) -> None:
    aid = _imported(capsys, tmp_path)
    cases = {
        (
            "agree",
            "--assessment",
            aid,
            "--requirement",
            "org-strategy.L1.01",
            "--grade",
            "大概",
        ): "factory-grader: --grade “大概”：应为 全部满足、大部分满足、部分满足、不满足、不适用"
        "（或 full、most、partial、none、na）之一",
        (
            "agree",
            "--assessment",
            aid,
            "--requirement",
            "nope",
            "--grade",
            "full",
        ): f"factory-grader: 评估 {aid} 没有要求 nope",
        (
            "pack",
            "--assessment",
            aid,
            "--out",
            str(EXAMPLE),
        ): f"factory-grader: {EXAMPLE}：是一个文件，--out 应为文件夹",
        (
            "workshop",
            "--assessment",
            aid,
            "--remove",
            "王五",
        ): f"factory-grader: 评估 {aid} 没有参与人“王五”",
    }
    for argv, said in cases.items():
        code, _, err = run(capsys, *argv)
        assert (code, err.strip()) == (2, said), argv
        assert "Traceback" not in err
    assert run(capsys, "assessments", "finalise", aid)[0] == 0
    code, _, err = run(
        capsys,
        "agree",
        "--assessment",
        aid,
        "--requirement",
        "org-strategy.L1.01",
        "--grade",
        "full",
    )
    assert (code, err.strip()) == (2, f"factory-grader: 评估 {aid} 已定稿：请先重新打开为新版本")


def test_a_participant_is_removed_and_numbers_follow_the_language(capsys, tmp_path: Path) -> None:
    aid = _imported(capsys, tmp_path)
    code, out, err = run(capsys, "workshop", "--assessment", aid, "--remove", "李四", "--json")
    assert code == 0 and err.strip() == "已删除参与人“李四”及其评分"
    assert [p["name"] for p in json.loads(out)["participants"]] == ["张三"]
    (pack,) = (tmp_path / "packs").glob("*张三*")
    book = load_workbook(pack)
    book["评分表"]["F5"] = "Fully met"  # the English name is understood too
    book.save(pack)
    code, out, _ = run(capsys, "--lang", "en", "merge", "--assessment", aid, str(pack), "--json")
    assert code == 0 and json.loads(out)["disagreements"] == []
    code, out, _ = run(capsys, "--lang", "en", "workshop", "--assessment", aid, "--json")
    (item,) = json.loads(out)["items"]
    assert (item["number"], item["votes"][0]["grade"]) == ("Organisation and strategy 1.1", "full")
