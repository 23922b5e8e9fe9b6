"""Golden workbooks: each fixed answer set exports to exactly the content reviewed in
tests/golden/*.json (values, formats, fonts, fills, merges, validations, protection, sheet states,
print settings). After a deliberate change: pytest --regen-golden, then review the diff."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factory_grader.forms.library import FormLibrary
from tests.workbook.conftest import CASES, export_case
from tests.workbook.content import describe_workbook

GOLDEN = Path(__file__).parent.parent / "golden"


@pytest.mark.parametrize("case", sorted(CASES))
def test_export_matches_golden(
    case: str, library: FormLibrary, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    book = export_case(library, case, tmp_path / f"{case}.xlsx")
    content = describe_workbook(book)
    text = golden_text(content)
    golden = GOLDEN / f"submission-{case}.json"
    if request.config.getoption("--regen-golden"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --regen-golden and review it"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    content = json.loads(text)  # the same JSON round trip as the golden file (tuples -> lists)
    for name in ("properties", "structure_locked", "styles"):
        assert content[name] == expected[name], name
    assert [s["title"] for s in content["sheets"]] == [s["title"] for s in expected["sheets"]]
    for got, want in zip(content["sheets"], expected["sheets"], strict=True):
        for key in want:
            if key != "rows":
                assert got[key] == want[key], f"{got['title']}: {key}"
        for row, cells in want["rows"].items():
            assert got["rows"].get(row) == cells, f"{got['title']} row {row}"
        assert got["rows"].keys() == want["rows"].keys(), got["title"]


def golden_text(content: dict[str, Any]) -> str:
    """Indented JSON with each sheet row on one line, so a review diff shows changed rows."""
    rows = {}
    for sheet in content["sheets"]:
        rows[sheet["title"]] = sheet.pop("rows")
    text = json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True)
    data = json.loads(text)
    for sheet in data["sheets"]:
        sheet["rows"] = rows[sheet["title"]]
    parts = ["{"]
    for key in sorted(data):
        if key != "sheets":
            parts.append(f" {json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},")
    parts.append(' "sheets": [')
    for i, sheet in enumerate(data["sheets"]):
        parts.append("  {")
        for key in sorted(k for k in sheet if k != "rows"):
            parts.append(f"   {json.dumps(key)}: {json.dumps(sheet[key], ensure_ascii=False)},")
        parts.append('   "rows": {')
        body = [
            f"    {json.dumps(row)}: {json.dumps(cells, ensure_ascii=False)}"
            for row, cells in sheet["rows"].items()
        ]
        parts.append(",\n".join(body))
        parts.append("   }")
        parts.append("  }" + ("," if i < len(data["sheets"]) - 1 else ""))
    parts.append(" ]")
    parts.append("}")
    return "\n".join(parts) + "\n"
