"""Many voices, one agreed answer (issue 16, consultants' workshops): the participants' grades of
one requirement, how far apart they are, the answer the rule proposes, and whether it must be
talked over. Pure: the workshop's storage, files and screens build on this.

The rule: the proposal is the median of the scored grades (全部 3 · 大部分 2 · 部分 1 · 不满足 0);
with an even number the lower of the two middle ones — a self-assessment errs on the cautious
side. 不适用 is proposed only when everyone who answered said so. An item needs discussion when
two grades are two steps or more apart, or when someone said 不适用 and someone else did not.
The consultant's agreed answer, not the proposal, is what is scored."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factory_grader.domain.maturity_model import SCORED_GRADES, Grade
from factory_grader.domain.text import Text

#: Two grades this many steps apart (or more) are a disagreement to talk over.
DISCUSS_AT_STEPS = 2
RULE = Text(
    "建议答案取各人评分的中位数（人数为偶数时取较低的一个，偏于保守）；只有全部作答者都选“不适用”时"
    "才建议不适用。评分相差两档及以上，或有人选“不适用”而有人没有，列为需要讨论。",
    "The proposal is the median of the grades (with an even number, the lower middle one: "
    "cautious); 不适用 only when everyone who answered chose it. Grades two steps or more apart, "
    "or 不适用 beside other answers, need discussion.",
)


@dataclass(frozen=True, slots=True)
class Vote:
    participant: str
    grade: Grade | None  # None: not answered (left out)
    comment: str = ""


@dataclass(frozen=True)
class Consensus:
    votes: tuple[Vote, ...]
    counts: Mapping[Grade, int]  # how many chose each grade (answered votes only)
    spread: int  # steps between the highest and the lowest scored grade (0: one or none)
    mixed_na: bool  # someone chose 不适用 and someone else a scored grade
    proposed: Grade | None  # None: nobody answered

    @property
    def needs_discussion(self) -> bool:
        return self.spread >= DISCUSS_AT_STEPS or self.mixed_na


def consensus(votes: Iterable[Vote]) -> Consensus:
    """The participants' grades of one requirement, weighed by the rule (module docstring)."""
    kept = tuple(votes)
    answered = [v.grade for v in kept if v.grade is not None]
    steps = sorted(SCORED_GRADES.index(g) for g in answered if g in SCORED_GRADES)
    not_applicable = sum(g is Grade.NA for g in answered)
    if steps:
        proposed: Grade | None = SCORED_GRADES[steps[(len(steps) - 1) // 2]]
    else:
        proposed = Grade.NA if not_applicable else None
    return Consensus(
        votes=kept,
        counts=Counter(answered),
        spread=steps[-1] - steps[0] if steps else 0,
        mixed_na=bool(not_applicable and steps),
        proposed=proposed,
    )


def discussion_order(items: Mapping[str, Consensus]) -> list[str]:
    """Requirement ids, those needing discussion first (widest spread first), each group in
    the order given (the questionnaire's)."""
    order = list(items)
    return sorted(
        order,
        key=lambda rid: (
            not items[rid].needs_discussion,
            -items[rid].spread if items[rid].needs_discussion else 0,
            order.index(rid),
        ),
    )
