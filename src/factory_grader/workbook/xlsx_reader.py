"""Reads cell values out of an .xlsx without trusting it: only the parts asked for are inflated,
each under a size limit (a decompression bomb is refused, not inflated), XML goes through
workbook/safe_xml.py (no DTDs, no entity expansion), and every failure is a WorkbookError naming
the file.

openpyxl would load every sheet and style; comparing thousands of workbooks needs one sheet.
"""

from __future__ import annotations

import functools
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from xml.etree.ElementTree import Element

from factory_grader.domain.errors import WorkbookError
from factory_grader.workbook.fast_cells import (
    MARK,
    SimpleSheet,
    simple_sheet,
    uses_shared_strings,
)
from factory_grader.workbook.safe_xml import ParseError, UnsafeXml, check_safe, parse_xml
from factory_grader.workbook.text_cells import is_digits

Value = str | int | float | bool

_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_FORMULA_TAG = re.compile(rb"<(?:[\w.-]+:)?f[\s/>]")
_CELL_REF = re.compile(rb"<(?:[\w.-]+:)?c\b[^>]*?\br=\"([A-Z]+[0-9]+)\"")
_STRING_TAG = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
_UNSAFE_ZH = "{} 含有不安全的 XML（文档类型声明或实体），拒绝读取"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True, slots=True)
class Limits:
    #: Largest size one part may inflate to. A submission's biggest part is about 1 MB.
    part_bytes: int = 64 * 1024 * 1024
    #: Largest declared size of all parts together.
    total_bytes: int = 512 * 1024 * 1024
    #: Most cells in one sheet, and most shared strings: a submission has about 5,000 cells in
    #: its largest sheet. Counted before anything is parsed, so a file of a million tiny cells
    #: is refused in a few MB, not parsed into a GB of Python objects.
    cells: int = 100_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    state: str  # visible | hidden | veryHidden
    part: str  # e.g. xl/worksheets/sheet1.xml


class XlsxFile:
    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self._shared: list[str] | None = None
        self._roots: dict[str, Element] = {}
        self._simple: dict[str, SimpleSheet | None] = {}
        self._frames: dict[str, Element] = {}
        self._rich: dict[int, Element] = {}  # shared strings in runs of their own fonts
        self._zip = _open_zip(path)
        try:
            self._check_sizes()
            self.sheets, self._shared_part = self._workbook()
        except BaseException:
            self._zip.close()
            raise

    # --- context manager ------------------------------------------------------------------

    def __enter__(self) -> XlsxFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    # --- reading ---------------------------------------------------------------------------

    def sheet(self, name: str) -> SheetInfo | None:
        return next((s for s in self.sheets if s.name == name), None)

    def cells(self, name: str, fast: bool = True) -> dict[tuple[int, int], Value]:
        """Every non-empty cell of a sheet: (row, column) -> value (1-based). `fast` tries
        workbook/fast_cells.py first (fast=False: always the XML parser, for tests)."""
        quick = self.simple_sheet(name) if fast else None
        if quick is not None:
            return quick.values
        root = self.sheet_xml(name)
        ns = _ns(root)
        out: dict[tuple[int, int], Value] = {}
        row_tag, cell_tag = f"{ns}row", f"{ns}c"
        row_number = 0
        seen: set[tuple[int, int]] = set()
        for row in root.iter(row_tag):
            r = row.get("r")
            row_number = int(r) if r and is_digits(r) else row_number + 1
            col = 0
            for c in row:
                if c.tag != cell_tag:
                    continue
                where = self.cell_position(name, c.get("r"), row_number, col)
                if where in seen:
                    raise WorkbookError(
                        f"{self.path}: {name}!{c.get('r')}: the cell is written twice",
                        f"工作表“{name}”的单元格 {c.get('r')} 重复出现",
                    )
                seen.add(where)
                col = where[1]
                value = self._value(c, ns)
                if value is not None and value != "":
                    out[where] = value
        return out

    def cell_position(
        self, sheet: str, ref: str | None, row_number: int, previous_col: int
    ) -> tuple[int, int]:
        """Where a cell shows: its reference (exactly letters and digits, naming the row it is
        written in), or the next column without one. A spreadsheet would place "@B7", or a
        B7 written in row 8, somewhere else than a reader of the row expects: refused."""
        if ref is None:
            return row_number, previous_col + 1
        match = _REFERENCE.fullmatch(ref)
        if match is None or int(match.group(2)) != row_number:
            raise WorkbookError(
                f"{self.path}: {sheet}: cell reference {ref!r} in row {row_number}",
                f"工作表“{sheet}”中第 {row_number} 行的单元格引用“{ref}”不符",
            )
        return row_number, _column(match.group(1))

    def simple_sheet(self, name: str) -> SimpleSheet | None:
        """The sheet read by patterns (workbook/fast_cells.py), or None when it is not simple
        and only the XML parser reads it (sheet_xml)."""
        if name not in self._simple:
            info, data = self._sheet_data(name)
            shared = self._shared_strings() if uses_shared_strings(data) else None
            try:
                quick = simple_sheet(data, shared)
            except UnicodeDecodeError:
                quick = None  # the full parser names the problem
            if quick is not None:
                frame = self._parse(info.part, quick.frame)
                holders = [e for e in frame.iter() if e.tag.rsplit("}", 1)[-1] == "sheetData"]
                if len(holders) != 1 or holders[0].get(MARK) != "1" or holders[0] not in frame:
                    # a second <sheetData>, or the one read was inside a comment: the parser
                    quick = None
                else:
                    self._frames[name] = frame
            self._simple[name] = quick
        return self._simple[name]

    def sheet_frame(self, name: str) -> Element:
        """The sheet's XML, parsed, for what lies outside its cells (columns, merges, header
        and footer …): without the cells when the patterns read them (quicker), else whole."""
        if self.simple_sheet(name) is not None:
            return self._frames[name]
        return self.sheet_xml(name)

    def rows(self, name: str, width: int) -> list[list[str]]:
        """A sheet as rows of text ("" where empty), `width` columns, from row 1."""
        cells = self.cells(name)
        height = max((r for r, _ in cells), default=0)
        table = [[""] * width for _ in range(height)]
        for (r, c), value in cells.items():
            if c <= width:
                table[r - 1][c - 1] = value if isinstance(value, str) else _number_text(value)
        return table

    def formula_cells(self, name: str) -> list[str]:
        """The cells of a sheet that hold a formula (their references): a formula can show any
        text, whatever value is cached beside it."""
        info = self.sheet(name)
        if info is None:
            return []
        if self.simple_sheet(name) is not None:
            return []  # the quick patterns read only cells that hold no formula
        data = self._read(info.part)
        found = []
        for match in _FORMULA_TAG.finditer(data):
            # the reference of the cell the formula is in: the last <c r="…"> before it
            before = list(_CELL_REF.finditer(data, max(0, match.start() - 400), match.start()))
            found.append(before[-1].group(1).decode("ascii") if before else "?")
        return found

    def sheet_xml(self, name: str) -> Element:
        """A sheet's XML, checked (no DTD, no entities, the cell cap) and parsed: for what cells
        alone do not show, such as formats, hidden rows and merges."""
        root = self._roots.get(name)
        if root is None:  # parsed once: the look and the sheet's other contents both need it
            info, data = self._sheet_data(name)
            root = self._roots[name] = self._parse(info.part, data)
        return root

    def _sheet_data(self, name: str) -> tuple[SheetInfo, bytes]:
        """A sheet's part, read under the size limit, its cells counted against the cap and its
        XML checked (no DTD, no entities), not yet parsed."""
        info = self.sheet(name)
        if info is None:
            raise WorkbookError(
                f"{self.path}: no sheet named {name!r}", f"没有名为“{name}”的工作表"
            )
        data = self._read(info.part)
        self._count(info.part, data, _CELL_TAG, "cells")
        try:
            return info, check_safe(data)
        except UnsafeXml as exc:
            raise WorkbookError(
                f"{self.path}: {info.part}: refused unsafe XML ({exc})",
                _UNSAFE_ZH.format(info.part),
            ) from None

    def part_xml(self, part: str) -> Element | None:
        """Any part, read under the limits and parsed safely (None when the package lacks it)."""
        return self._xml(part) if part in self._zip.NameToInfo else None

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target) of each relationship of a part: the type's last word ("drawing",
        "comments" …), the target as a path in the package ("external:…" when outside it)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self._zip.NameToInfo:
            return []
        out = []
        for rel in self._xml(rels).iter(f"{{{_PKG_REL_NS}}}Relationship"):
            ident, kind = rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                target = f"external:{target}"
            elif target.startswith("/"):
                target = target.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(folder, target))
            out.append((ident, kind, target))
        return out

    def styles_xml(self) -> Element | None:
        """xl/styles.xml, parsed (None when the package has none)."""
        part = "xl/styles.xml"
        return self._xml(part) if part in self._zip.NameToInfo else None

    def print_areas(self) -> dict[str, str]:
        """Sheet name -> its print area (a defined name _xlnm.Print_Area), for those with one."""
        root = self._xml("xl/workbook.xml")
        ns = _ns(root)
        out: dict[str, str] = {}
        for name in root.iter(f"{ns}definedName"):
            if name.get("name") != "_xlnm.Print_Area":
                continue
            local = name.get("localSheetId")
            index = int(local) if local and is_digits(local) else -1
            sheet = self.sheets[index].name if 0 <= index < len(self.sheets) else "?"
            out[sheet] = name.text or ""
        return out

    def title(self) -> str | None:
        """The document title (docProps/core.xml), None when there is none."""
        if "docProps/core.xml" not in self._zip.NameToInfo:
            return None
        root = self._xml("docProps/core.xml")
        for element in root:
            if element.tag.endswith("}title"):
                return "".join(element.itertext())
        return None

    def custom_properties(self) -> dict[str, str]:
        if "docProps/custom.xml" not in self._zip.NameToInfo:
            return {}
        root = self._xml("docProps/custom.xml")
        props: dict[str, str] = {}
        for prop in root:
            name = prop.get("name")
            if name is not None:
                props[name] = "".join(prop.itertext())
        return props

    # --- internals -------------------------------------------------------------------------

    def _value(self, c: Element, ns: str) -> Value | None:
        kind = c.get("t", "n")
        v = c.find(f"{ns}v")
        if kind == "inlineStr":
            return "".join(t.text or "" for t in c.iter(f"{ns}t"))
        if v is None or v.text is None:
            return None
        text = v.text
        if kind == "s":
            shared = self._shared_strings()
            try:
                return shared[int(text)]
            except (ValueError, IndexError):
                raise WorkbookError(
                    f"{self.path}: cell {c.get('r')} points at shared string {text!r},"
                    " which does not exist",
                    f"单元格 {c.get('r')} 引用的共享字符串 {text} 不存在",
                ) from None
        if kind in ("str", "e", "d"):
            return text
        if kind == "b":
            return text == "1"
        try:
            number = float(text)
        except ValueError:
            raise WorkbookError(
                f"{self.path}: cell {c.get('r')}: {text!r} is not a number",
                f"单元格 {c.get('r')} 的“{text}”不是数字",
            ) from None
        return (
            int(number)
            if number.is_integer() and "." not in text and "E" not in text.upper()
            else number
        )

    def rich_strings(self) -> dict[int, Element]:
        """The shared strings (<si>) written as runs, each with its own font (LibreOffice
        splits mixed Chinese and Latin text so), or with phonetic guides."""
        self._shared_strings()
        return self._rich

    def _shared_strings(self) -> list[str]:
        if self._shared is None:
            self._shared = []
            if self._shared_part:
                data = self._read(self._shared_part)
                self._count(self._shared_part, data, _STRING_TAG, "shared strings")
                root = self._parse(self._shared_part, data)
                ns = _ns(root)
                t_tag, r_tag = f"{ns}t", f"{ns}r"
                for si in root:
                    if any(part.tag != t_tag for part in si):  # runs, phonetic guides
                        self._rich[len(self._shared)] = si
                    first = si[0] if len(si) else None
                    if first is not None and first.tag == t_tag:
                        self._shared.append(first.text or "")
                    else:  # rich text: the runs' text, without phonetic (rPh) guides
                        self._shared.append(
                            "".join(
                                t.text or ""
                                for r in si
                                if r.tag == r_tag
                                for t in r
                                if t.tag == t_tag
                            )
                        )
        return self._shared

    def _check_sizes(self) -> None:
        infos = self._zip.infolist()
        total = sum(i.file_size for i in infos)
        for info in infos:
            if info.file_size > self.limits.part_bytes:
                raise self._bomb(info.filename, info.file_size)
        if total > self.limits.total_bytes:
            raise WorkbookError(
                f"{self.path}: would inflate to {total:,} bytes, over the"
                f" {self.limits.total_bytes:,}-byte limit (a decompression bomb?); not read",
                f"解压后共 {total:,} 字节，超过 {self.limits.total_bytes:,} 字节的上限"
                "（疑似压缩炸弹），未读取",
            )

    def _bomb(self, part: str, size: int | None = None) -> WorkbookError:
        what = f"{size:,} bytes" if size else "more than that"
        return WorkbookError(
            f"{self.path}: part {part} would inflate to {what}, over the"
            f" {self.limits.part_bytes:,}-byte limit (a decompression bomb?); not read",
            f"部件 {part} 解压后超过 {self.limits.part_bytes:,} 字节的上限（疑似压缩炸弹），未读取",
        )

    def _count(self, part: str, data: bytes, tag: re.Pattern[bytes], what: str) -> None:
        # Every element start is "<" or ":" before its name: counting those bytes (at C speed)
        # bounds the count from above; the exact count only when the bound is over the cap.
        if data.count(b"<") <= self.limits.cells:
            return
        found = len(tag.findall(data))
        if found > self.limits.cells:
            raise WorkbookError(
                f"{self.path}: {part} holds {found} {what}; a submission has far fewer"
                f" (at most {self.limits.cells} are read)",
                f"{part} 含有 {found} 个{'单元格' if what == 'cells' else '共享字符串'}，"
                f"超过读取上限 {self.limits.cells}（申报表远少于此）",
            )

    def _read(self, part: str) -> bytes:
        try:
            with self._zip.open(part) as stream:
                # The declared size may lie: never inflate more than the limit.
                data = stream.read(self.limits.part_bytes + 1)
        except KeyError:
            raise WorkbookError(
                f"{self.path}: the part {part} is missing", f"缺少部件 {part}"
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise WorkbookError(
                f"{self.path}: damaged or truncated ({part}: {exc})",
                f"文件已损坏或不完整（{part}）",
            ) from None
        if len(data) > self.limits.part_bytes:
            raise self._bomb(part)
        return data

    def _xml(self, part: str) -> Element:
        return self._parse(part, self._read(part))

    def _parse(self, part: str, data: bytes) -> Element:
        try:
            return parse_xml(data)
        except UnsafeXml as exc:
            raise WorkbookError(
                f"{self.path}: {part}: refused unsafe XML ({exc})", _UNSAFE_ZH.format(part)
            ) from None
        except ParseError as exc:
            raise WorkbookError(
                f"{self.path}: {part}: damaged XML ({exc})", f"{part} 的 XML 已损坏"
            ) from None

    def _workbook(self) -> tuple[list[SheetInfo], str | None]:
        names = self._zip.NameToInfo
        if "xl/workbook.xml" not in names:
            raise WorkbookError(
                f"{self.path}: a zip file, but not an Excel workbook (.xlsx)",
                "是 zip 文件，但不是 Excel 工作簿（.xlsx）",
            )
        root = self._xml("xl/workbook.xml")
        ns = _ns(root)
        targets, shared = self._relationships("xl/_rels/workbook.xml.rels")
        sheets: list[SheetInfo] = []
        for s in root.iter(f"{ns}sheet"):
            rid = s.get(f"{{{_REL_NS}}}id") or _any_attr(s, "id")
            part = targets.get(rid or "")
            if part is None:
                raise WorkbookError(
                    f"{self.path}: sheet {s.get('name')!r} has no part",
                    f"工作表“{s.get('name')}”缺少内容部件",
                )
            sheets.append(SheetInfo(s.get("name", ""), s.get("state", "visible"), part))
        if shared is None and "xl/sharedStrings.xml" in names:
            shared = "xl/sharedStrings.xml"
        return sheets, shared

    def _relationships(self, part: str) -> tuple[dict[str, str], str | None]:
        targets: dict[str, str] = {}
        shared = None
        if part not in self._zip.NameToInfo:
            return targets, shared
        for rel in self._xml(part).iter(f"{{{_PKG_REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            path = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
            targets[rel.get("Id", "")] = path
            if rel.get("Type", "").endswith("/sharedStrings"):
                shared = path
        return targets, shared


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        with path.open("rb") as f:
            head = f.read(8)
            if head == OLE_MAGIC:
                tail = head + f.read(4 * 1024 * 1024)
    except FileNotFoundError:
        raise WorkbookError(f"{path}: no such file", "文件不存在") from None
    except IsADirectoryError:
        raise WorkbookError(
            f"{path}: is a folder, not a workbook", "这是文件夹，不是工作簿"
        ) from None
    except OSError as exc:
        raise WorkbookError(
            f"{path}: cannot be read: {exc.strerror}",
            "无法读取：没有读取权限" if isinstance(exc, PermissionError) else "无法读取该文件",
        ) from None
    if head == OLE_MAGIC:
        if _ENCRYPTED_MARK in tail:
            raise WorkbookError(
                f"{path}: the workbook is password-protected (encrypted); remove the password"
                " or ask the sender for the file as exported",
                "工作簿设有密码（已加密）：请去掉密码，或向报送单位索取原导出文件",
            )
        raise WorkbookError(
            f"{path}: an old-format .xls (or other OLE) file, not an .xlsx",
            "这是旧格式 .xls（或其他 OLE）文件，不是 .xlsx",
        )
    if not head:
        raise WorkbookError(f"{path}: the file is empty", "文件为空")
    if not head.startswith(b"PK"):
        raise WorkbookError(
            f"{path}: not an Excel workbook (.xlsx); it is not a zip package",
            "不是 Excel 工作簿（.xlsx）：不是 zip 包",
        )
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise WorkbookError(
            f"{path}: damaged or truncated workbook ({exc})", "工作簿已损坏或不完整"
        ) from None


def _ns(root: Element) -> str:
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


def _any_attr(element: Element, local: str) -> str | None:
    return next((v for k, v in element.attrib.items() if k.endswith("}" + local)), None)


@functools.lru_cache(maxsize=1024)
def _letters_to_column(letters: str) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col


def column_number(ref: str) -> int:
    """The column of a cell reference ("AB12" -> 28)."""
    return _letters_to_column(ref.rstrip("0123456789"))


_column = column_number


def _number_text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
