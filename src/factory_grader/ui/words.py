"""Words used on several screens, translated once (context "Words")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def grade_word(grade: str | None) -> str:
    """A requirement grade ('full', 'most', …, or None) as a person says it."""
    words = {
        None: QCoreApplication.translate("Words", "unanswered"),
        "none": QCoreApplication.translate("Words", "not met"),
        "partial": QCoreApplication.translate("Words", "partly met"),
        "most": QCoreApplication.translate("Words", "mostly met"),
        "full": QCoreApplication.translate("Words", "fully met"),
        "na": QCoreApplication.translate("Words", "not applicable"),
    }
    return words.get(grade, str(grade))
