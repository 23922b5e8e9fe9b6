"""The workshop's rule, case by case by hand: steps 全部 3 · 大部分 2 · 部分 1 · 不满足 0; the
proposal is the (lower) median of the scored grades; two steps apart or 不适用 beside other
answers needs discussion."""

from __future__ import annotations

import pytest

from factory_grader.domain.consensus import Vote, consensus, discussion_order
from factory_grader.domain.maturity_model import Grade

F, M, P, N, NA = Grade.FULL, Grade.MOST, Grade.PARTIAL, Grade.NONE, Grade.NA


def votes(*grades: Grade | None) -> list[Vote]:
    return [Vote(f"p{i}", g) for i, g in enumerate(grades)]


@pytest.mark.parametrize(
    ("grades", "proposed", "spread", "discuss"),
    [
        ((F, F, M), F, 1, False),  # steps 2 3 3: median 3
        ((F, P), P, 2, True),  # 1 3: the lower middle (cautious); two steps apart
        ((N, M, F, P), P, 3, True),  # 0 1 2 3: lower middle 1
        ((M, M), M, 0, False),
        ((NA, F), F, 0, True),  # 不适用 beside another answer: talk it over
        ((NA, NA), NA, 0, False),  # everyone: 不适用
        ((None, M), M, 0, False),  # an unanswered vote is left out
        ((None, None), None, 0, False),
        ((), None, 0, False),
        ((N, F, F), F, 3, True),  # 0 3 3: median 3, but 0 and 3 are far apart
    ],
)
def test_the_rule(
    grades: tuple[Grade | None, ...], proposed: Grade | None, spread: int, discuss: bool
) -> None:
    found = consensus(votes(*grades))
    assert (found.proposed, found.spread, found.needs_discussion) == (proposed, spread, discuss)


def test_counts_show_the_distribution() -> None:
    found = consensus(votes(F, F, M, None, NA))
    assert dict(found.counts) == {F: 2, M: 1, NA: 1}
    assert found.mixed_na and len(found.votes) == 5


def test_items_to_discuss_come_first_widest_apart_first() -> None:
    items = {
        "a": consensus(votes(F, F)),  # agreed
        "b": consensus(votes(F, P)),  # spread 2
        "c": consensus(votes(NA, M)),  # 不适用 mixed, spread 0
        "d": consensus(votes(N, F)),  # spread 3
        "e": consensus(votes(M, P)),  # spread 1: agreed enough
    }
    assert discussion_order(items) == ["d", "b", "c", "a", "e"]
