"""Chinese must never render as boxes: use a system CJK font, else register the bundled one."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from factory_grader.ui.resources import resources_root

PREFERRED = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
)
BUNDLED = "fonts/wqy-microhei.ttc"
_bundled_in_use = False  # the system had none of PREFERRED: the bundled font was registered


def bundled_font_in_use() -> bool:
    return _bundled_in_use


def ensure_cjk_font(app: QApplication) -> str:
    """Sets the application font to a family that has Chinese glyphs and returns its name."""
    global _bundled_in_use
    families = set(QFontDatabase.families())
    family = next((f for f in PREFERRED if f in families), None)
    if family is None:
        font_id = QFontDatabase.addApplicationFont(str(resources_root() / BUNDLED))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = loaded[0] if loaded else app.font().family()
        _bundled_in_use = bool(loaded)
    font = QFont(app.font())
    # Asking for the SC family explicitly keeps Qt from picking Japanese glyph shapes.
    font.setFamilies([family, *[f for f in PREFERRED if f != family]])
    app.setFont(font)
    return family
