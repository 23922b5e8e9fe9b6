"""Words used on several screens, translated once (context "Words")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from factory_grader.domain.text import Lang
from factory_grader.wording import grade_name


def error_text(exc: BaseException, lang: str) -> str:
    """An error as the user reads it: a workbook's problem as a Chinese sentence in the
    Chinese UI (WorkbookError.zh), else its message."""
    zh = getattr(exc, "zh", "")
    return zh if lang == "zh" and zh else str(exc)


def answer_words(value: object, lang: Lang) -> str:
    """A stored answer as a person reads it: 大部分满足 (备注…), 已建成 · 应用 AI, 满足."""
    if not isinstance(value, dict):
        return str(value)
    if "grade" in value:
        text = grade_name(value["grade"], lang)
        return f"{text} ({value['comment']})" if value.get("comment") else text
    if "built" in value:
        parts = [
            QCoreApplication.translate("Words", "built")
            if value["built"]
            else QCoreApplication.translate("Words", "not built")
        ]
        if value.get("ai"):
            parts.append(QCoreApplication.translate("Words", "uses AI"))
        return " · ".join(parts)
    return {
        True: QCoreApplication.translate("Words", "met"),
        False: QCoreApplication.translate("Words", "not met"),
        None: QCoreApplication.translate("Words", "unanswered"),
    }.get(value.get("value"), "")
