"""The level a sub-domain has reached: what the radar charts plot (screen and workbook)."""

from __future__ import annotations

from factory_grader.domain.maturity_model import LEVELS

PASS = 0.8


def achieved_level(scores: tuple[float | None, ...]) -> int:
    """The highest level up to which every scorable level of the sub-domain reaches 0.80."""
    reached = 0
    for level, score in zip(LEVELS, scores, strict=True):
        if score is None:
            reached = level  # nothing scorable there (不适用): does not hold it back
            continue
        if score + 1e-9 < PASS:
            break
        reached = level
    return reached
