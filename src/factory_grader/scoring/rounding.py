"""The one rounding policy, used by every screen, workbook and CLI output.

Decisions are taken on exact values; rounding is for display only, once.

- Every score is a rational number (grade values and weights are short decimals), computed in
  binary floating point. Two different scores of the shipped forms differ by far more than 1e-6
  (their denominators are products of weight totals and requirement counts, well under 10⁶), so a
  comparison with a tolerance of 1e-9 decides exactly as exact arithmetic would: 0.8 computed as
  0.7999999999999999 reaches 0.80, and 179/180 + 145/180 = 1.80 reaches the 二级 band.
- A shown value is the exact value rounded half-up to two decimals, except that a shown value
  never crosses a threshold the exact value has not reached: a level score of 0.7996 shows as
  0.79 (it fails the 0.80 pass mark), not 0.80; an S of 2.7996 shows as 2.79 (二级), not 2.80.
  So what is shown never contradicts the verdict. The shown level scores may then add up to
  0.01 more or less than the shown S; the reports say so where it happens.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

_TOLERANCE = 1e-9


def reaches(value: float, hundredths: int) -> bool:
    """value ≥ hundredths / 100, decided on the exact value (binary noise absorbed)."""
    return value >= hundredths / 100 - _TOLERANCE


def to_hundredths(value: float, thresholds: Iterable[int] = ()) -> int:
    """The value to show, in hundredths: rounded half-up, held below any threshold (in
    hundredths) that the exact value does not reach."""
    shown = math.floor(value * 100 + 0.5 + _TOLERANCE * 100)
    for threshold in thresholds:
        if shown >= threshold and not reaches(value, threshold):
            shown = threshold - 1
    return shown


def format_hundredths(hundredths: int) -> str:
    sign = "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), 100)
    return f"{sign}{whole}.{part:02d}"


def format_gain(value: float) -> str:
    """A raise of S as shown next to an improvement: two decimals, or '<0.01' for a raise that
    is real but smaller than the last shown digit."""
    if value <= 0:
        return "0.00"
    return "<0.01" if value < 0.005 else format_hundredths(to_hundredths(value))


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
