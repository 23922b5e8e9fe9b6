"""One answer as a value of its own — a requirement's grade and note, a scenario's answer, a
condition's yes/no — for what is kept when two people change the same answer (a conflict), and
the columns the database keeps it in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote


class ItemKind(StrEnum):
    """What an answer answers (the first part of an item key such as requirement:data.L1.01)."""

    REQUIREMENT = "requirement"
    SCENARIO = "scenario"
    CONDITION = "condition"


@dataclass(frozen=True, slots=True)
class RequirementValue:
    grade: Grade | None
    note: RequirementNote


@dataclass(frozen=True, slots=True)
class ConditionValue:
    holds: bool | None  # None: not answered


AnswerValue = RequirementValue | ScenarioAnswer | ConditionValue


def split_item(item: str) -> tuple[ItemKind, str]:
    """requirement:data.L1.01 -> (REQUIREMENT, "data.L1.01")."""
    kind, _, key = item.partition(":")
    return ItemKind(kind), key


def value_columns(value: AnswerValue) -> dict[str, object]:
    """The columns the database keeps an answer in (and a conflict's JSON)."""
    if isinstance(value, RequirementValue):
        grade = value.grade.value if value.grade else None
        return {"grade": grade, "comment": value.note.comment, "review": value.note.review}
    if isinstance(value, ScenarioAnswer):
        return {"built": value.built, "ai": value.ai, "instance": value.instance}
    return {"value": value.holds}


def value_from_columns(kind: ItemKind, columns: Mapping[str, object]) -> AnswerValue:
    """The answer the columns hold; a missing or odd column reads as not answered."""
    if kind is ItemKind.REQUIREMENT:
        grade = columns.get("grade")
        note = RequirementNote(str(columns.get("comment") or ""), columns.get("review") is True)
        if isinstance(grade, str) and grade in set(Grade):
            return RequirementValue(Grade(grade), note)
        return RequirementValue(None, note)
    if kind is ItemKind.SCENARIO:
        return ScenarioAnswer(
            columns.get("built") is True,
            columns.get("ai") is True,
            str(columns.get("instance") or ""),
        )
    holds = columns.get("value")
    return ConditionValue(holds if isinstance(holds, bool) else None)
