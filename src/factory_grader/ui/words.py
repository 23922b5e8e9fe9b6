"""Words used on several screens, translated once (context "Words")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from factory_grader.domain.answer_values import AnswerValue, RequirementValue
from factory_grader.domain.answers import ScenarioAnswer
from factory_grader.domain.text import Lang
from factory_grader.wording import grade_name


def answer_words(value: AnswerValue, lang: Lang) -> str:
    """An answer as a person reads it: 大部分满足 (备注…), 已建成 · 应用 AI, 满足."""
    if isinstance(value, RequirementValue):
        text = grade_name(value.grade, lang)
        return f"{text} ({value.note.comment})" if value.note.comment else text
    if isinstance(value, ScenarioAnswer):
        parts = [
            QCoreApplication.translate("Words", "built")
            if value.built
            else QCoreApplication.translate("Words", "not built")
        ]
        if value.ai:
            parts.append(QCoreApplication.translate("Words", "uses AI"))
        return " · ".join(parts)
    return holds_words(value.holds)


def holds_words(holds: bool | None) -> str:
    """A condition's answer: 满足 / 不满足 / 未作答."""
    if holds is None:
        return QCoreApplication.translate("Words", "unanswered")
    if holds:
        return QCoreApplication.translate("Words", "met")
    return QCoreApplication.translate("Words", "not met")
