"""Files that are no (readable) submission: exit 2, a message naming the problem, nothing
written to the database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factory_grader.cli import main
from factory_grader.forms.library import FormLibrary
from factory_grader.services.submission import FileStatus, verify_workbook
from factory_grader.workbook.xlsx_reader import Limits
from tests.bad_files import make_bad

EXPECTED = {
    "text": "not an Excel workbook",
    "empty": "empty",
    "truncated": "damaged or truncated",
    "password": "password-protected",
    "foreign": "not a factory-grader submission",
    "plain-zip": "not an Excel workbook",
    "newer-schema": "factory-grader-submission/9",
    "unknown-form": "cannot be checked",
    "bomb": "decompression bomb",
    "lying-bomb": "damaged or truncated",
    "bad-xml": "damaged XML",
    "entity-xml": "unsafe XML",
    "folder": "is a folder",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_bad_file_is_invalid_with_a_reason(
    kind: str, example_workbook: Path, library: FormLibrary, tmp_path: Path, capsys
) -> None:
    bad = make_bad(kind, example_workbook, tmp_path)
    code = main(["verify", str(bad), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert (code, report["status"]) == (2, "invalid")
    (reason,) = report["reasons"]
    assert EXPECTED[kind] in reason["message"]
    assert str(bad) in reason["message"]


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_import_of_a_bad_file_changes_nothing(
    kind: str, example_workbook: Path, tmp_path: Path, capsys
) -> None:
    assert main(["assessments", "import", str(example_workbook)]) == 0
    assert main(["assessments", "list", "--json"]) == 0
    before = capsys.readouterr().out
    bad = make_bad(kind, example_workbook, tmp_path)
    assert main(["assessments", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    # import takes folders: one named like a workbook is searched, and found to hold none
    expected = "其中没有答题文件或申报工作簿" if kind == "folder" else EXPECTED[kind]
    assert expected in err and "Traceback" not in err
    assert main(["assessments", "list", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after == json.loads(before.split("\n", 1)[1])  # the import's own line dropped
    assert len(after) == 1


def test_bomb_is_refused_before_inflating(example_workbook: Path, library, tmp_path) -> None:
    bomb = make_bad("bomb", example_workbook, tmp_path)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    small = Limits(part_bytes=1024 * 1024)
    verdict = verify_workbook(example_workbook, library, limits=small)
    assert verdict.status is FileStatus.OK  # a real submission stays well under a 1 MB part
    verdict = verify_workbook(bomb, library, limits=small)
    assert verdict.status is FileStatus.INVALID
    assert "1,048,576-byte limit" in verdict.findings[0].message


#: what the Chinese reason says for each kind (hand-written from the cases, not the code)
EXPECTED_ZH = {
    "text": "不是 Excel 工作簿（.xlsx）：不是 zip 包",
    "empty": "文件为空",
    "truncated": "工作簿已损坏或不完整",
    "password": "工作簿设有密码（已加密）",
    "foreign": "不是本软件导出的申报表（没有 fg_data 工作表）",
    "plain-zip": "是 zip 文件，但不是 Excel 工作簿（.xlsx）",
    "newer-schema": "申报表格式“factory-grader-submission/9”",
    "unknown-form": "但与本软件的同版本内容不同，无法核对得分",
    "bomb": "（疑似压缩炸弹），未读取",
    "lying-bomb": "文件已损坏或不完整",
    "bad-xml": "的 XML 已损坏",
    "entity-xml": "含有不安全的 XML（文档类型声明或实体），拒绝读取",
    "folder": "这是文件夹，不是工作簿",
}
#: technical words a Chinese sentence may carry: formats, a sheet, a part, a form id
TECHNICAL = re.compile(
    r"Excel|xlsx?|zip|XML|OLE|fg_data|factory-grader-submission|[\w/]+\.xml|[a-z]+-[0-9]{4}"
)


@pytest.mark.parametrize("kind", sorted(EXPECTED_ZH))
def test_the_comparison_says_why_in_chinese(kind: str, example_workbook: Path, tmp_path) -> None:
    """问题文件 and the Chinese compare page show why a file is unreadable as a sentence: no
    English prose behind a Chinese prefix (issue 12 §3, §5)."""
    from factory_grader.services.compare import read_entries

    bad = make_bad(kind, example_workbook, tmp_path)
    (entry,) = read_entries(str(bad))
    assert entry.status == "invalid"
    assert entry.reason_zh.startswith("无法作为申报表读取：")
    assert EXPECTED_ZH[kind] in entry.reason_zh, entry.reason_zh
    prose = re.findall(r"[A-Za-z]{3,}", TECHNICAL.sub("", entry.reason_zh))
    assert prose == [], entry.reason_zh
