"""The summary a city hands up names files from the folder the official gave (never a home
path), and a superseded row says which enterprise it is."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from factory_grader.services.compare import compare_files, expand_paths, write_summary


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
