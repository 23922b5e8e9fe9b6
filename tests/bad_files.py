"""Files that are no (readable) submission, made for real from a good one: text, empty,
truncated, password-protected, foreign, newer schema, decompression bombs, unsafe XML."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook, load_workbook

from factory_grader.workbook.submission import MACHINE_SHEET


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
