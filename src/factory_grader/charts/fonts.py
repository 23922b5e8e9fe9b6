"""Chinese labels in matplotlib: prefer system CJK fonts, fall back to the bundled one."""

from __future__ import annotations

from pathlib import Path

from matplotlib import font_manager, rcParams

PREFERRED = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei"]
_done = False


def use_cjk_fonts(bundled: Path | None = None) -> None:
    global _done
    if _done:
        return
    if bundled is not None and bundled.exists():
        font_manager.fontManager.addfont(str(bundled))
    rcParams["font.sans-serif"] = [*PREFERRED, *rcParams["font.sans-serif"]]
    rcParams["axes.unicode_minus"] = False
    _done = True
