"""A fast path for the cells of the simple sheets that openpyxl, Excel and LibreOffice write.

Comparing thousands of workbooks is bound by parsing their machine sheets; building an element
tree costs about 4 µs a cell. Most sheets consist only of cells in one of three exact forms:

    <c r="B7" t="inlineStr"><is><t>text</t></is></c>      (openpyxl)
    <c r="B7" s="3" t="s"><v>12</v></c>                    (Excel, LibreOffice: shared string)
    <c r="B7" s="3"><v>2.23</v></c>                        (a number)
    <c r="B7" s="3"/>                                      (an empty, styled cell; openpyxl
                                                           may add t="n" or t="inlineStr")

and regular expressions read them at C speed. The whole of <sheetData> must consist of rows of
such cells, and the part must end with </worksheet>; anything else (formulas, rich text,
CDATA, other attribute orders, a cut-off part) returns None and the caller parses the sheet
with ElementTree instead. The rest of the sheet (columns, merges, header and footer …) comes
back as its XML with an empty <sheetData/>, for the caller's XML parser, which also checks it
is well formed (a test holds this path to ElementTree's result on our files and on
LibreOffice's rewrites of them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Cells = dict[tuple[int, int], str | int | float]

_CELL_FORMS = (
    r'<c r="([A-Z]{1,3})([0-9]+)"(?: s="([0-9]+)")?'
    r"(?:"
    r' t="inlineStr"><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>'
    r'| t="s"><v>([0-9]+)</v></c>'
    r'|(?: t="n")?><v>(-?[0-9]{1,20}(?:\.[0-9]{1,20})?(?:[eE][-+]?[0-9]{1,3})?)</v></c>'
    r'|(?: t="(?:n|inlineStr)")? ?/>'
    r")"
)
_CELL = re.compile(_CELL_FORMS)
#: The attributes a row may have here (ECMA-376 §18.3.1.73, and Excel's x14ac one), their values
#: plain (no entity or character reference): anything else (xmlns, a reference that spells
#: hidden="1") is for the XML parser.
_ROW_ATTRIBUTES = (
    "r|spans|s|customFormat|ht|hidden|customHeight|outlineLevel|collapsed|thickTop|thickBot|ph"
    "|x14ac:dyDescent"
)
_ROW_START = rf'<row(?: (?:{_ROW_ATTRIBUTES})="[^"<>&]*")*'
#: The whole of <sheetData>: rows holding only cells of the forms above. Checked in full, so a
#: sheet is read here only if every byte of its cell data fits.
_SHEET_DATA = re.compile(
    rf"(?:{_ROW_START}>(?:{re.sub(r'[(](?![?])', '(?:', _CELL_FORMS)})*</row>|{_ROW_START} ?/>)*"
)
#: a row with its cells (the whole of <sheetData> matched _SHEET_DATA, so rows are plain)
_ROW = re.compile(rf'<row((?: (?:{_ROW_ATTRIBUTES})="[^"<>&]*")*) ?(?:/>|>(.*?)</row>)', re.S)
_CELL_ROW = re.compile(r'<c r="[A-Z]{1,3}([0-9]+)"')
_PLAIN_ROW = re.compile(r'(?: r="([0-9]+)")?(?: spans="[0-9:]+")?')
_ATTRIBUTE = re.compile(r'([A-Za-z0-9:]+)="([^"<>&]*)"')
_REFERENCE = re.compile(r"&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
#: the marker on the emptied <sheetData> of the rest of the sheet: the parser must find it, the
#: only one, so a <sheetData> read here that was in fact inside a comment is not taken
MARK = "fg-read-quickly"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: A to ZZ, looked up rather than worked out for each of thousands of cells
_COLUMNS: dict[str, int] = {
    **{a: i for i, a in enumerate(_LETTERS, 1)},
    **{a + b: 26 * i + j for i, a in enumerate(_LETTERS, 1) for j, b in enumerate(_LETTERS, 1)},
}


def _column(letters: str) -> int:
    col = _COLUMNS.get(letters)
    if col is None:
        col = 0
        for ch in letters:
            col = col * 26 + ord(ch) - 64
        _COLUMNS[letters] = col
    return col


@dataclass
class SimpleSheet:
    """A sheet read by the patterns: its cells' values and styles, its rows' attributes, and
    the rest of its XML (sheetData emptied) for the XML parser."""

    values: Cells
    styles: dict[tuple[int, int], int]  # every cell written, empty ones too
    shared: dict[tuple[int, int], int]  # cells showing a shared string: its index
    rows: list[tuple[int, dict[str, str]]]  # row number, attributes besides r and spans
    frame: bytes  # the sheet's XML with an empty <sheetData/>


def simple_cells(xml: bytes, shared: list[str] | None) -> Cells | None:
    """(row, column) -> text or number of every non-empty cell, or None when the sheet is not
    simple (or uses shared strings and `shared` is None: the caller loads them and asks
    again)."""
    sheet = simple_sheet(xml, shared)
    return None if sheet is None else sheet.values


def simple_sheet(xml: bytes, shared: list[str] | None) -> SimpleSheet | None:
    """The sheet, or None when it is not simple (see the module's text)."""
    text = xml.decode("utf-8")
    if not text.rstrip().endswith("</worksheet>"):
        return None
    start, end = text.find("<sheetData>"), text.rfind("</sheetData>")
    if start < 0 or end < start:
        return None  # no data, or written another way: the XML parser decides
    body = text[start + len("<sheetData>") : end]
    if "\r" in body or _SHEET_DATA.fullmatch(body) is None:
        return None  # (XML turns a raw CR LF into LF: leave that to the XML parser)
    # comprehensions, not one loop with branches: a workbook has thousands of cells
    matches = _CELL.findall(body)
    columns = _COLUMNS
    try:
        keys = [(int(m[1]), columns[m[0]]) for m in matches]
    except KeyError:  # a column beyond ZZ
        keys = [(int(m[1]), _column(m[0])) for m in matches]
    styles = dict(zip(keys, [int(m[2]) if m[2] else 0 for m in matches], strict=True))
    if len(styles) != len(keys):
        return None  # a cell written twice: the parser decides which one shows
    values: Cells = {k: m[3] for k, m in zip(keys, matches, strict=True) if m[3]}
    shown: dict[tuple[int, int], int] = {}
    for where, m in [
        (k, m) for k, m in zip(keys, matches, strict=True) if m[4] or m[5] or "&" in m[3]
    ]:
        inline, index, number_text = m[3], m[4], m[5]
        value: str | int | float
        if number_text:
            integral = "." not in number_text and "e" not in number_text.lower()
            value = int(number_text) if integral else float(number_text)
        elif index:
            if shared is None:
                return None
            position = int(index)
            if position >= len(shared):
                return None  # let the full parser report the broken reference
            value = shared[position]
            shown[where] = position
        else:
            text_value = _unescape(inline)
            if text_value is None:
                return None  # a reference XML does not have: the parser says what is wrong
            value = text_value
        if value != "":
            values[where] = value
        else:
            values.pop(where, None)
    rows = []
    number = 0
    for attributes, row_cells in _ROW.findall(body):
        plain = _PLAIN_ROW.fullmatch(attributes)
        if plain is not None:  # most rows: a number (and spans) only
            number = int(plain.group(1)) if plain.group(1) else number + 1
        else:
            pairs = _ATTRIBUTE.findall(attributes)
            found = dict(pairs)
            if len(found) != len(pairs):
                return None  # an attribute twice is not XML: the parser refuses the sheet
            r = found.pop("r", "")
            number = int(r) if r.isascii() and r.isdigit() else number + 1
            found.pop("spans", None)
            if found:
                rows.append((number, found))
        if row_cells and any(int(n) != number for n in _CELL_ROW.findall(row_cells)):
            return None  # a cell naming another row than its own: the parser refuses it
    frame = text[:start] + f'<sheetData {MARK}="1"/>' + text[end + len("</sheetData>") :]
    return SimpleSheet(values, styles, shown, rows, frame.encode("utf-8"))


def _unescape(text: str) -> str | None:
    """XML's references (not HTML's: &#151; is U+0097, not a dash), or None when the text has
    one XML refuses (an unknown entity, a bare &, a character XML does not allow)."""
    if "&" in _REFERENCE.sub("", text):
        return None

    def one(match: re.Match[str]) -> str:
        hexadecimal, decimal, named = match.groups()
        if named:
            return _NAMED[named]
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        if not _xml_char(code):
            raise ValueError(code)
        return chr(code)

    try:
        return _REFERENCE.sub(one, text)
    except ValueError:
        return None


def _xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def uses_shared_strings(xml: bytes) -> bool:
    return b' t="s"' in xml
