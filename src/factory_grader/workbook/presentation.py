"""What a reader sees beyond the cell values: number formats (which can show any text), fonts
and fills (white or tiny text hides it), hidden rows and columns, merged cells, conditional
formats and drop-down lists. Read from the file's XML, compared with what the plan writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar
from xml.etree.ElementTree import Element

from factory_grader.workbook.text_cells import is_digits
from factory_grader.workbook.xlsx_reader import XlsxFile

T = TypeVar("T")

#: Excel's built-in number formats the app can meet (ECMA-376 §18.8.30); others are custom.
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%", 49: "@"}
#: Theme colours 0 and 1 are the background and text colours: white and black in every theme a
#: spreadsheet program ships by default.
THEME_RGB = {"0": "FFFFFF", "1": "000000"}
#: The legacy indexed palette's fixed colours (ECMA-376 §18.8.27): 0–7 and 8–15 repeat black,
#: white, red, green, blue, yellow, magenta, cyan; 64/65 are the system text and background.
_EIGHT = ("000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF")
INDEXED_RGB = {
    **dict(enumerate(_EIGHT)),
    **{8 + i: c for i, c in enumerate(_EIGHT)},
    64: "000000",
    65: "FFFFFF",
}


@dataclass(frozen=True, slots=True)
class Look:
    number_format: str
    font_size: float | None
    font_rgb: str | None  # RRGGBB, None when not known (automatic, or another theme colour)
    fill_rgb: str | None  # RRGGBB of a solid fill, None for none


@dataclass
class SheetLook:
    cells: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) -> style index
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[str] = field(default_factory=list)
    merges: set[str] = field(default_factory=set)
    conditional_formats: int = 0
    validations: set[str] = field(default_factory=set)  # "ref=list" per drop-down
    #: cells whose text is in runs with fonts of their own: reference -> the runs' holder
    rich: dict[tuple[int, int], Element] = field(default_factory=dict)


def styles(book: XlsxFile) -> list[Look]:
    """The look of each cell style (cellXfs), by index."""
    root = book.styles_xml()
    if root is None:
        return []
    ns = _ns(root)
    formats = dict(BUILTIN_FORMATS)
    for nf in _children(root, ns, "numFmts", "numFmt"):  # not the dxfs' (conditional) ones
        if (ident := nf.get("numFmtId")) and is_digits(ident):
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


def sheet_look(book: XlsxFile, name: str, fast: bool = True) -> SheetLook:
    """Read with the XML parser (checked: no DTD or entities), not loose patterns: a comment,
    a quoted '>' or a cell without a reference must not be able to hide a style. The cells of
    a simple sheet come from fast_cells' patterns, which accept nothing but the exact forms
    (fast=False: always the parser, for tests)."""
    simple = book.simple_sheet(name) if fast else None
    root = book.sheet_frame(name) if fast else book.sheet_xml(name)
    ns = _ns(root)
    look = SheetLook()
    fmt = root.find(f"{ns}sheetFormatPr")
    if fmt is not None:
        default = fmt.get("defaultRowHeight")
        if _true(fmt.get("zeroHeight")) or (
            default is not None and _number(default) < MIN_ROW_POINTS
        ):
            look.hidden_rows.append(0)  # 0: every row without a height of its own
    if simple is not None:
        for row_number, attributes in simple.rows:
            if _hidden_row(attributes.get("hidden"), attributes.get("ht")):
                look.hidden_rows.append(row_number)
        look.cells = simple.styles
        rich = book.rich_strings() if simple.shared else {}
        for where, index in simple.shared.items():
            if index in rich:
                look.rich[where] = rich[index]
    else:
        _cells_look(book, name, root, ns, look)
    for col_element in root.iter(f"{ns}col"):
        width = col_element.get("width")
        if _true(col_element.get("hidden")) or (width is not None and _number(width) < 0.5):
            look.hidden_columns.append(f"{col_element.get('min')}-{col_element.get('max')}")
    look.merges = {m.get("ref", "") for m in root.iter(f"{ns}mergeCell")}
    look.conditional_formats = sum(1 for _ in root.iter(f"{ns}conditionalFormatting"))
    for dv in root.iter(f"{ns}dataValidation"):
        formula = dv.find(f"{ns}formula1")
        choices = (formula.text or "").strip('"') if formula is not None else ""
        for ref in (dv.get("sqref") or "").split():
            look.validations.add(f"{ref}={choices}")
    return look


def _cells_look(book: XlsxFile, name: str, root: Element, ns: str, look: SheetLook) -> None:
    """Rows and cells of a sheet the patterns do not read, from the whole parsed XML."""
    row_number = 0
    for row in root.iter(f"{ns}row"):
        r = row.get("r")
        row_number = int(r) if r and is_digits(r) else row_number + 1
        if _hidden_row(row.get("hidden"), row.get("ht")):
            look.hidden_rows.append(row_number)
        col = 0
        for c in row.iter(f"{ns}c"):
            where = book.cell_position(name, c.get("r"), row_number, col)
            col = where[1]
            s = c.get("s", "0")
            look.cells[where] = int(s) if is_digits(s) else 0
            if (runs := _runs(c, ns, book)) is not None:
                look.rich[where] = runs


def _hidden_row(hidden: str | None, height: str | None) -> bool:
    return _true(hidden) or (height is not None and _number(height) < MIN_ROW_POINTS)


def _true(flag: str | None) -> bool:
    """A flag such as hidden="…" as a spreadsheet reads it: set unless absent or exactly false
    (LibreOffice also hides a row for "2", "t", "on" or " 1")."""
    return flag is not None and flag.strip() not in ("0", "false", "")


def _runs(c: Element, ns: str, book: XlsxFile) -> Element | None:
    """The element holding a cell's text runs (<is> or the shared <si>), when it has runs."""
    kind = c.get("t")
    if kind == "inlineStr":
        holder = c.find(f"{ns}is")
        if holder is not None and any(part.tag != f"{ns}t" for part in holder):
            return holder
        return None
    if kind == "s":
        v = c.find(f"{ns}v")
        text = (v.text or "") if v is not None else ""
        return book.rich_strings().get(int(text)) if is_digits(text) else None
    return None


def hidden_run(holder: Element, cell: Look) -> str | None:
    """Why part of a cell's text cannot be read: a run tiny or the colour of the background,
    or a phonetic guide (it shows text that is not the cell's), else None."""
    ns = _ns(holder)
    for part in holder:
        if part.tag == f"{ns}rPh":
            return "a phonetic guide"
        properties = part.find(f"{ns}rPr") if part.tag == f"{ns}r" else None
        if properties is None:
            continue
        size, rgb = _font(properties, ns)
        run = Look(
            cell.number_format, size if size is not None else cell.font_size, rgb, cell.fill_rgb
        )
        if (why := legible(run)) is not None:
            return why
    return None


#: a row lower than this (points) hides its 9–14 point text; the submission's rows are 13+
MIN_ROW_POINTS = 8.0


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


def _index(value: str | None, items: list[T], default: T) -> T:
    if value is None or not is_digits(value) or int(value) >= len(items):
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
        base = rgb[-6:].upper()
    elif (indexed := color.get("indexed")) is not None and is_digits(indexed):
        base = INDEXED_RGB.get(int(indexed), "")
    elif (theme := color.get("theme")) is not None:
        base = THEME_RGB.get(theme, "")
    else:
        return None
    return _tinted(base, _number(color.get("tint", "0"))) if base else None


def _tinted(rgb: str, tint: float) -> str:
    """Excel's tint: towards white (tint > 0) or black (tint < 0)."""
    if not tint:
        return rgb
    parts = []
    for i in (0, 2, 4):
        c: float = int(rgb[i : i + 2], 16)
        c = c + (255 - c) * tint if tint > 0 else c * (1 + tint)
        parts.append(f"{max(0, min(255, round(c))):02X}")
    return "".join(parts)


def _font(font: Element, ns: str) -> tuple[float | None, str | None]:
    size = font.find(f"{ns}sz")
    return (
        _number(size.get("val", "")) if size is not None else None,
        _rgb(font.find(f"{ns}color")),
    )


def _fill(fill: Element, ns: str) -> str | None:
    pattern = fill.find(f"{ns}patternFill")
    if pattern is None or pattern.get("patternType") in (None, "none"):
        return None
    # solid, and every shading pattern (darkGray …): its foreground colour dominates
    return _rgb(pattern.find(f"{ns}fgColor"))


def _luminance(rgb: str) -> float:
    try:
        r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return 0.5
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
