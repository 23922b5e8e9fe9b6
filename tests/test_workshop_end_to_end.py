"""A consultant's workshop from start to end, through the command line as a consultant runs it:
three participants from a GBK CSV, their fill-in workbooks written; one filled in with openpyxl,
one filled and then saved by a real LibreOffice, one answered in the room (entered in the app);
merged; the disagreement listed; agreed answers set; the submission workbook shows the
rationale; the management report written and read back with pdftotext.

The expectations are worked out by hand from the grades below (domain/consensus.py's rule)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from factory_grader.cli import main
from factory_grader.domain.maturity_model import Grade
from factory_grader.forms.library import FormLibrary
from factory_grader.services.assessments import open_service
from factory_grader.services.workshop import WorkshopService
from tests.workbook.conftest import libreoffice_convert

COMPANY = "海口示例智能装备有限公司（示例企业）"
R11, R12 = "org-strategy.L1.01", "org-strategy.L1.02"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fill(path: Path, grades: dict[str, str]) -> None:
    book = load_workbook(path)
    sheet = book["评分表"]
    for row in range(5, sheet.max_row + 1):
        if sheet.cell(row, 1).value in grades:
            sheet.cell(row, 6).value = grades[sheet.cell(row, 1).value]
    book.save(path)


def test_three_participants_to_the_management_report(capsys, tmp_path: Path) -> None:
    example = Path(__file__).parent.parent / "forms" / "examples" / "example-factory.json"
    code, out, _ = run(capsys, "assessments", "import", str(example), "--json")
    assert code == 0
    aid = json.loads(out)["id"]
    people = tmp_path / "参与人.csv"
    people.write_bytes(
        "姓名,部门,角色,负责子域\n张三,生产部,主任,\n李四,信息部,经理,人员\n王五,质量部,经理,\n".encode(
            "gbk"
        )
    )

    code, out, err = run(
        capsys,
        "pack",
        "--assessment",
        str(aid),
        "--out",
        str(tmp_path / "packs"),
        "--participants",
        str(people),
    )
    assert code == 0 and "3 位参与人" in err
    packs = {Path(line).name.split("-")[2]: Path(line) for line in out.split()}
    assert sorted(packs) == ["张三", "李四", "王五"]

    # 张三 fills his in with openpyxl
    fill(packs["张三"], {"组织战略 1.1": "全部满足", "组织战略 1.2": "大部分满足"})
    # 李四 fills his in, and his spreadsheet program is LibreOffice: it saves the file anew
    fill(packs["李四"], {"组织战略 1.1": "部分满足", "组织战略 1.2": "大部分满足"})
    resaved = libreoffice_convert(packs["李四"], tmp_path / "lo", "xlsx")
    kept = load_workbook(resaved)
    assert kept["评分表"].protection.sheet and kept["评分表"].data_validations.dataValidation
    assert kept["_ids"].sheet_state == "hidden"
    # 王五 says his in the room: entered in the app
    service, db = open_service(None, FormLibrary.load())
    try:
        workshop = WorkshopService(service)
        wang = next(p for p in workshop.participants(aid) if p.name == "王五")
        workshop.set_vote(wang.id, R11, Grade.NA)
        workshop.set_vote(wang.id, R12, Grade.FULL, "全部产线都有")
    finally:
        db.close()

    code, out, err = run(
        capsys, "merge", "--assessment", str(aid), str(packs["张三"]), str(resaved), "--json"
    )
    assert code == 0, err
    merged = json.loads(out)
    assert [(f["participant"], f["grades"]) for f in merged["files"]] == [("张三", 2), ("李四", 2)]
    # 组织战略 1.1: 全部满足, 部分满足 and 不适用 — two steps apart and 不适用 beside grades: to
    # discuss; proposal the lower median of 部分满足 and 全部满足 = 部分满足.
    # 组织战略 1.2: 大部分满足, 大部分满足, 全部满足 — one step: no discussion.
    (item,) = merged["disagreements"]
    assert item["number"] == "组织战略 1.1" and item["proposed"] == "partial"
    assert [(v["participant"], v["grade"]) for v in item["votes"]] == [
        ("张三", "full"),
        ("李四", "partial"),
        ("王五", "na"),
    ]
    assert (item["spread"], item["mixed_na"]) == (2, True)

    assert (
        run(
            capsys,
            "agree",
            "--assessment",
            str(aid),
            "--requirement",
            R11,
            "--grade",
            "部分满足",
            "--why",
            "仅一条产线有书面规划",
        )[0]
        == 0
    )
    assert (
        run(capsys, "agree", "--assessment", str(aid), "--requirement", R12, "--grade", "most")[0]
        == 0
    )
    # agreed again without --why: the rationale given before stays
    assert (
        run(capsys, "agree", "--assessment", str(aid), "--requirement", R11, "--grade", "partial")[
            0
        ]
        == 0
    )
    code, out, _ = run(capsys, "assessments", "show", str(aid), "--json")
    shown = json.loads(out)
    assert shown["requirements"][R11] == "partial" and shown["requirements"][R12] == "most"

    book = tmp_path / "submission.xlsx"
    assert run(capsys, "export", "--assessment", str(aid), "--out", str(book))[0] == 0
    details = load_workbook(book)["答题明细"]
    texts = [str(c.value) for row in details.iter_rows() for c in row if c.value]
    assert any("研讨结论：仅一条产线有书面规划" in t for t in texts)

    report = tmp_path / "report.pdf"
    code, out, err = run(capsys, "report", "--assessment", str(aid), "--out", str(report))
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(report), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert COMPANY in flat
    assert "自评梯度：基础级" in flat
    # the first thing 先进级 needs that the example factory lacks (a condition it answered no)
    assert "1.关键设备故障预警、关键工序在线分析、关键质量特性数字化检测" in flat
    assert "李四" in flat and "仅一条产线有书面规划" in flat
    assert "第2页/共" in flat and "国家智能制造公共服务平台" in flat
    fonts = subprocess.run(
        ["pdffonts", str(report)], capture_output=True, text=True, check=True
    ).stdout
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts.splitlines()[2:])
    images = subprocess.run(
        ["pdfimages", "-list", str(report)], capture_output=True, text=True, check=True
    ).stdout
    assert len(images.splitlines()) == 2  # a header only: the charts are vectors, not pictures
    assert shutil.which("pdftotext")
