"""Files that are no (readable) submission: exit 2, a message naming the problem, nothing
written to the database."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook, load_workbook

from factory_grader.cli import main
from factory_grader.forms.library import FormLibrary
from factory_grader.services.submission import Status, verify_workbook
from factory_grader.workbook.submission import MACHINE_SHEET
from factory_grader.workbook.xlsx_reader import Limits


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            z.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
    return target


def _sheet_part(book: Path, name: str) -> str:
    from factory_grader.workbook.xlsx_reader import XlsxFile

    with XlsxFile(book) as x:
        sheet = x.sheet(name)
        assert sheet is not None
        return sheet.part


def make_bad(kind: str, good: Path, tmp: Path) -> Path:
    path = tmp / f"{kind}.xlsx"
    if kind == "text":
        path.write_text("企业名称,得分\n示例,2.23\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif kind == "password":
        encrypted = io.BytesIO()
        with good.open("rb") as f:
            office = OOXMLFile(f)
            office.encrypt("secret", encrypted)
        path.write_bytes(encrypted.getvalue())
    elif kind == "foreign":
        wb = Workbook()
        wb.active["A1"] = "企业名称"
        wb.save(path)
    elif kind == "plain-zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("readme.txt", "hello")
    elif kind == "newer-schema":
        wb = load_workbook(good)
        ws = wb[MACHINE_SHEET]
        for row in ws.iter_rows(min_row=2):
            if row[1].value == "schema":
                row[2].value = "factory-grader-submission/9"
        wb.save(path)
    elif kind == "unknown-form":
        wb = load_workbook(good)
        for row in wb[MACHINE_SHEET].iter_rows(min_row=2):
            if row[1].value == "form_digest":
                row[2].value = "0" * 64
        wb.save(path)
    elif kind == "bomb":
        # 200 MB of zeros as the machine sheet: about 200 KB on disk.
        _rezip(good, path, {_sheet_part(good, MACHINE_SHEET): b"\0" * (200 * 1024 * 1024)})
    elif kind == "lying-bomb":
        _rezip(good, path, {_sheet_part(good, MACHINE_SHEET): b" " * (80 * 1024 * 1024)})
        _understate_size(path, _sheet_part(good, MACHINE_SHEET))
    elif kind == "bad-xml":
        _rezip(good, path, {_sheet_part(good, MACHINE_SHEET): b"<worksheet><sheetData><row"})
    elif kind == "entity-xml":
        evil = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet>&b;</worksheet>'
        )
        _rezip(good, path, {_sheet_part(good, MACHINE_SHEET): evil})
    elif kind == "folder":
        path.mkdir()
    else:  # pragma: no cover
        raise AssertionError(kind)
    return path


def _understate_size(path: Path, member: str) -> None:
    """Rewrite the zip so the member claims to inflate to 1 KB (it inflates to 80 MB)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    local = info.header_offset
    struct.pack_into("<I", data, local + 22, 1024)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, central + 24, 1024)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


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
    assert EXPECTED[kind] in err and "Traceback" not in err
    assert main(["assessments", "list", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert after == json.loads(before.split("\n", 1)[1])  # the import's own line dropped
    assert len(after) == 1


def test_bomb_is_refused_before_inflating(example_workbook: Path, library, tmp_path) -> None:
    bomb = make_bad("bomb", example_workbook, tmp_path)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    small = Limits(part_bytes=1024 * 1024)
    verdict = verify_workbook(example_workbook, library, limits=small)
    assert verdict.status is Status.OK  # a real submission stays well under a 1 MB part
    verdict = verify_workbook(bomb, library, limits=small)
    assert verdict.status is Status.INVALID
    assert "1,048,576-byte limit" in verdict.findings[0].message
