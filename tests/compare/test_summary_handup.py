"""The summary a city hands up names files from the folder the official gave (never a home
path), and a superseded row says which enterprise it is."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from factory_grader.services.compare import compare_files, write_summary
from factory_grader.services.file_lists import expand_paths


def test_files_are_named_from_the_folder_given(known_folder, library, tmp_path: Path) -> None:
    entries = compare_files(expand_paths([known_folder.root]), workers=1)
    target = tmp_path / "汇总表.xlsx"
    write_summary(entries, library, target, sources=len(entries))
    wb = load_workbook(target)
    texts = [
        str(c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]
    root = str(known_folder.root)
    assert not any(root in t or str(Path.home()) in t for t in texts)  # no absolute paths
    problems = wb["问题文件"]
    rows = {r[1].value: r for r in problems.iter_rows(min_row=4) if r[1].value}
    assert "三亚/deeper/sanya-edited.xlsx" in rows  # the folder below the one given
    superseded = rows["haikou-r1.xlsx"]
    assert superseded[3].value == "海口示例智能装备有限公司（示例企业）：被替代为 haikou-r2.xlsx"


def test_problem_reasons_are_chinese_sentences(known_folder, library, tmp_path: Path) -> None:
    """An edited file's reason reads as a sentence in the summary's language (no English)."""
    import re

    entries = compare_files(expand_paths([known_folder.root]), workers=1)
    edited = [e for e in entries if e.status == "edited"]
    assert edited and all(e.reason_zh for e in edited)
    target = tmp_path / "汇总表.xlsx"
    write_summary(entries, library, target, sources=len(entries))
    problems = load_workbook(target)["问题文件"]
    reasons = {
        r[1].value: r[3].value
        for r in problems.iter_rows(min_row=4)
        if r[2].value == "导出后被修改"
    }
    assert reasons, "no edited rows"
    english = re.compile(r"[A-Za-z]*[a-z][A-Za-z]{2,}")  # a word of English prose
    for file, reason in reasons.items():
        words = [w for w in english.findall(reason) if w not in ("fg_data",)]
        assert words == [], (file, reason)
    assert "三亚/deeper/sanya-edited.xlsx" in reasons
    assert "应为" in reasons["三亚/deeper/sanya-edited.xlsx"]  # a cell: expected and found
