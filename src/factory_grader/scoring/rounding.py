"""The one rounding policy, used by every screen, workbook and CLI output.

Scores are truncated (not rounded) to two decimals, held as integer hundredths. Truncation keeps a
shown score and the rule applied to it in agreement: a level score of 0.799 shows as 0.79 and
fails the 0.80 pass mark, rather than showing 0.80 and failing anyway. A tiny tolerance absorbs
binary floating-point noise (0.8 computed as 0.7999999999999999 counts as 0.80).
"""

from __future__ import annotations

import math

_TOLERANCE = 1e-9


def to_hundredths(value: float) -> int:
    return math.floor(value * 100 + _TOLERANCE)


def format_hundredths(hundredths: int) -> str:
    sign = "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), 100)
    return f"{sign}{whole}.{part:02d}"


def parse_hundredths(text: str) -> int:
    """'0.80' -> 80, for band and threshold data. Raises ValueError on anything else."""
    whole, _, part = text.strip().partition(".")
    if not whole.isdigit() or (part and (not part.isdigit() or len(part) > 2)):
        raise ValueError(f"not a number with at most two decimals: {text!r}")
    return int(whole) * 100 + int(part.ljust(2, "0") or 0)
