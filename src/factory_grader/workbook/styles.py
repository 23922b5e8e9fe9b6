"""How each named cell style looks. Fonts name a CJK family that Office and LibreOffice have."""

from __future__ import annotations

from typing import TypedDict

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from factory_grader.workbook.plan import NUMBER_FORMATS, Style


class _FontHints(TypedDict):
    charset: int
    family: int


#: 微软雅黑 (Microsoft YaHei) is on every Chinese Windows since Vista, and WPS uses it too; the
#: GB2312 charset and sans-serif family let any other program (LibreOffice on Kylin/UOS) fall
#: back to its own Chinese sans serif.
FONT = "微软雅黑"
_FONT_HINTS: _FontHints = {"charset": 134, "family": 2}
_thin = Side(style="thin", color="A0A0A0")
_box = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_top_left = Alignment(vertical="top", wrap_text=False)
_wrap = Alignment(vertical="top", wrap_text=True)
_center = Alignment(horizontal="center", vertical="top", wrap_text=True)


def named_styles() -> list[NamedStyle]:
    def style(
        name: Style,
        font: Font,
        alignment: Alignment,
        border: Border | None = _box,
        fill: PatternFill | None = None,
    ) -> NamedStyle:
        number_format = NUMBER_FORMATS.get(name, "General")
        s = NamedStyle(name=name.value, font=font, alignment=alignment, number_format=number_format)
        if border is not None:
            s.border = border
        if fill is not None:
            s.fill = fill
        return s

    plain = Font(name=FONT, **_FONT_HINTS, size=10)
    bold = Font(name=FONT, **_FONT_HINTS, size=10, bold=True)
    grey = PatternFill("solid", fgColor="F2F2F2")
    blue = PatternFill("solid", fgColor="DDEBF7")
    return [
        style(
            Style.TITLE,
            Font(name=FONT, **_FONT_HINTS, size=14, bold=True),
            Alignment(vertical="center"),
            border=None,
        ),
        style(
            Style.NOTE,
            Font(name=FONT, **_FONT_HINTS, size=9, italic=True, color="595959"),
            _wrap,
            border=None,
        ),
        style(Style.HEADER, bold, _center, fill=blue),
        style(Style.LABEL, bold, _wrap, fill=grey),
        style(Style.TEXT, plain, _top_left),
        style(Style.WRAP, plain, _wrap),
        style(Style.CENTER, plain, _center),
        style(Style.SCORE, plain, _center),
        style(Style.INTEGER, plain, _center),
        style(Style.PERCENT, plain, _center),
        style(
            Style.STRONG,
            Font(name=FONT, **_FONT_HINTS, size=11, bold=True, color="1F4E79"),
            Alignment(horizontal="left", vertical="top", wrap_text=True),
        ),
    ]
