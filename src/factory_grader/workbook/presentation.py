"""What a reader sees beyond the cell values: number formats (which can show any text), fonts
and fills (white or tiny text hides it), hidden rows and columns, merged cells, conditional
formats and drop-down lists. Read from the file's XML, compared with what the plan writes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from xml.etree.ElementTree import Element

from factory_grader.workbook.xlsx_reader import XlsxFile

#: Excel's built-in number formats the app can meet (ECMA-376 §18.8.30); others are custom.
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%", 49: "@"}
#: Theme colours 0 and 1 are the background and text colours: white and black in every theme a
#: spreadsheet program ships by default.
THEME_RGB = {"0": "FFFFFF", "1": "000000"}


@dataclass(frozen=True, slots=True)
class Look:
    number_format: str
    font_size: float | None
    font_rgb: str | None  # RRGGBB, None when not known (automatic, or another theme colour)
    fill_rgb: str | None  # RRGGBB of a solid fill, None for none


@dataclass
class SheetLook:
    cells: dict[str, int] = field(default_factory=dict)  # reference -> style index
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[str] = field(default_factory=list)
    merges: set[str] = field(default_factory=set)
    conditional_formats: int = 0
    validations: set[str] = field(default_factory=set)  # "ref=list" per drop-down


def styles(book: XlsxFile) -> list[Look]:
    """The look of each cell style (cellXfs), by index."""
    root = book.styles_xml()
    if root is None:
        return []
    ns = _ns(root)
    formats = dict(BUILTIN_FORMATS)
    for nf in root.iter(f"{ns}numFmt"):
        if (ident := nf.get("numFmtId")) and ident.isdigit():
            formats[int(ident)] = nf.get("formatCode", "")
    fonts = [_font(f, ns) for f in _children(root, ns, "fonts", "font")]
    fills = [_fill(f, ns) for f in _children(root, ns, "fills", "fill")]
    looks = []
    for xf in _children(root, ns, "cellXfs", "xf"):
        font = _index(xf.get("fontId"), fonts, (None, None))
        number = int(xf.get("numFmtId", "0") or 0)
        looks.append(
            Look(
                formats.get(number, f"#{number}"),
                font[0],
                font[1],
                _index(xf.get("fillId"), fills, None),
            )
        )
    return looks


def sheet_look(book: XlsxFile, name: str) -> SheetLook:
    """Read with patterns over the (checked) XML rather than a full parse: a comparison of
    hundreds of workbooks reads this for every one."""
    data = book.sheet_bytes(name)
    look = SheetLook()
    for tag in _ROW.finditer(data):
        attrs = _attrs(tag.group(1))
        height = attrs.get("ht")
        if attrs.get("hidden") in ("1", "true") or (height is not None and _number(height) < 3):
            r = attrs.get("r", "0")
            look.hidden_rows.append(int(r) if r.isdigit() else 0)
    # every cell's reference and style in one pass (attributes in any order)
    look.cells = {ref.decode("ascii"): int(s or b"0") for ref, s in _CELL_STYLE.findall(data)}
    for tag in _COL.finditer(data):
        attrs = _attrs(tag.group(1))
        width = attrs.get("width")
        if attrs.get("hidden") in ("1", "true") or (width is not None and _number(width) < 0.5):
            look.hidden_columns.append(f"{attrs.get('min')}-{attrs.get('max')}")
    look.merges = {_attrs(m.group(1)).get("ref", "") for m in _MERGE.finditer(data)}
    look.conditional_formats = len(_CONDITIONAL.findall(data))
    for dv in _VALIDATION.finditer(data):
        formula = _FORMULA1.search(dv.group(2))
        text = unescape(formula.group(1).decode("utf-8", "replace")) if formula else ""
        choices = text.strip('"')
        for ref in _attrs(dv.group(1)).get("sqref", "").split():
            look.validations.add(f"{ref}={choices}")
    return look


_P = rb"(?:[\w.-]+:)?"  # an optional namespace prefix
_ROW = re.compile(rb"<" + _P + rb"row\b([^>]*)>")
_CELL_STYLE = re.compile(
    rb"<" + _P + rb"c\b(?=[^>]*?\sr=[\"']([A-Z]+[0-9]+)[\"'])(?:(?=[^>]*?\ss=[\"']([0-9]+)[\"']))?"
)
_COL = re.compile(rb"<" + _P + rb"col\b([^>]*?)/?>")
_MERGE = re.compile(rb"<" + _P + rb"mergeCell\b([^>]*?)/?>")
_CONDITIONAL = re.compile(rb"<" + _P + rb"conditionalFormatting\b")
_VALIDATION = re.compile(
    rb"<" + _P + rb"dataValidation\b([^>]*?)(?:/>|>(.*?)</" + _P + rb"dataValidation>)", re.S
)
_FORMULA1 = re.compile(rb"<" + _P + rb"formula1>(.*?)</", re.S)
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(raw: bytes) -> dict[str, str]:
    out = {}
    for m in _ATTR.finditer(raw):
        key = m.group(1).decode("ascii", "replace").rpartition(":")[2]
        value = m.group(2) if m.group(2) is not None else m.group(3)
        out[key] = unescape(value.decode("utf-8", "replace"))  # &quot; … as XML means them
    return out


def legible(look: Look) -> str | None:
    """Why text in this style cannot be read (tiny, or the colour of its background), or None."""
    if look.font_size is not None and look.font_size < 6:
        return f"a font of {look.font_size:g} points"
    text = look.font_rgb
    background = look.fill_rgb or "FFFFFF"
    if text is not None and abs(_luminance(text) - _luminance(background)) < 0.25:
        return f"text coloured #{text} on #{background}"
    return None


def same_format(expected: str, found: str) -> bool:
    return expected.strip().casefold() == found.strip().casefold()


# --- helpers -----------------------------------------------------------------------------------


def _ns(root: Element) -> str:
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


def _children(root: Element, ns: str, parent: str, child: str) -> list[Element]:
    holder = root.find(f"{ns}{parent}")
    return [] if holder is None else holder.findall(f"{ns}{child}")


def _index(value: str | None, items: list, default):  # type: ignore[no-untyped-def]
    if value is None or not value.isdigit() or int(value) >= len(items):
        return items[0] if items else default
    return items[int(value)]


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _rgb(color: Element | None) -> str | None:
    if color is None:
        return None
    if (rgb := color.get("rgb")) is not None and len(rgb) in (6, 8):
        return rgb[-6:].upper()
    if (theme := color.get("theme")) is not None and color.get("tint") in (None, "0", "0.0"):
        return THEME_RGB.get(theme)
    return None


def _font(font: Element, ns: str) -> tuple[float | None, str | None]:
    size = font.find(f"{ns}sz")
    return (
        _number(size.get("val", "")) if size is not None else None,
        _rgb(font.find(f"{ns}color")),
    )


def _fill(fill: Element, ns: str) -> str | None:
    pattern = fill.find(f"{ns}patternFill")
    if pattern is None or pattern.get("patternType") != "solid":
        return None
    return _rgb(pattern.find(f"{ns}fgColor"))


def _luminance(rgb: str) -> float:
    try:
        r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return 0.5
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
