"""The one rounding policy, used by every screen, workbook and CLI output.

Decisions are taken on exact values; rounding is for display only, once.

- Scores are computed in exact rational arithmetic (scoring.maturity: grade values and weights
  are the short decimals the data writes, as fractions), so "Aᵢ ≥ 0.80" and "S ≥ 1.80" are
  decided exactly: 179/180 + 145/180 = 1.80 reaches the 二级 band, and a sum a hair under an
  edge does not. A float given here (a caller's own figure) is compared with a tolerance of
  1e-9 that absorbs binary noise (0.7999999999999999 counts as 0.80).
- A shown value is the value rounded half-up to two decimals, except that a shown value never
  crosses a threshold the value has not reached: a level score of 0.7996 shows as 0.79 (it
  fails the 0.80 pass mark), not 0.80; an S of 2.7996 shows as 2.79 (二级), not 2.80. So what is
  shown never contradicts the verdict. The shown level scores may then add up to 0.01 more or
  less than the shown S; the reports say so where it happens.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from fractions import Fraction

_TOLERANCE = 1e-9


@functools.cache
def _edge(hundredths: int) -> Fraction:
    return Fraction(hundredths, 100)


def reaches(value: Fraction | float, hundredths: int) -> bool:
    """value ≥ hundredths / 100: exact for a Fraction, binary noise absorbed for a float."""
    if isinstance(value, Fraction):
        return value >= _edge(hundredths)
    return value >= hundredths / 100 - _TOLERANCE


def reaches_scaled(scaled: int, hundredths: int, scale: int) -> bool:
    """scaled / scale ≥ hundredths / 100, in integers (scoring's fast exact path)."""
    return 100 * scaled >= hundredths * scale


def shown_scaled(scaled: int, scale: int, thresholds: Iterable[int] = ()) -> int:
    """to_hundredths of scaled / scale, in integers: half-up, held below unreached thresholds."""
    shown = (200 * scaled + scale) // (2 * scale)
    for threshold in thresholds:
        if shown >= threshold and 100 * scaled < threshold * scale:
            shown = threshold - 1
    return shown


def to_hundredths(value: Fraction | float, thresholds: Iterable[int] = ()) -> int:
    """The value to show, in hundredths: rounded half-up, held below any threshold (in
    hundredths) that the value does not reach."""
    if isinstance(value, Fraction):
        return shown_scaled(value.numerator, value.denominator, thresholds)
    else:
        shown = math.floor(value * 100 + 0.5 + _TOLERANCE * 100)
    for threshold in thresholds:
        if shown >= threshold and not reaches(value, threshold):
            shown = threshold - 1
    return shown


def format_hundredths(hundredths: int) -> str:
    sign = "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), 100)
    return f"{sign}{whole}.{part:02d}"


def format_gain(value: Fraction | float) -> str:
    """A raise of S as shown next to an improvement: two decimals, or '<0.01' for a raise that
    is real but smaller than the last shown digit."""
    if value <= 0:
        return "0.00"
    return "<0.01" if value < 0.005 else format_hundredths(to_hundredths(value))


@functools.lru_cache(maxsize=4096)  # a few dozen distinct weights, asked for on every sheet
def format_weight(value: float | None) -> str:
    """An effective weight as the exact fraction it is ("1/84": one of the seven 生产
    sub-domains in one of twelve domains), "—" where nothing is scorable."""
    if value is None:
        return "—"
    exact = Fraction(value).limit_denominator(100_000)
    return f"{exact.numerator}/{exact.denominator}"


def parse_hundredths(text: str) -> int:
    """'0.80' -> 80, for band and threshold data. Raises ValueError on anything else."""
    whole, _, part = text.strip().partition(".")
    if not whole.isdigit() or (part and (not part.isdigit() or len(part) > 2)):
        raise ValueError(f"not a number with at most two decimals: {text!r}")
    return int(whole) * 100 + int(part.ljust(2, "0") or 0)
