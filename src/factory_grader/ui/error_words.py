"""An error as the user's language says it, where its kind is known (else as given): a
database's trouble (domain.database_meanings), data changed under a draft, open conflicts.
(Translation context "MainWindow", where these sentences were first written.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from factory_grader.domain.text import Lang


def error_words(exc: BaseException, lang: Lang) -> str:
    """An error as the user's language says it, where its kind is known (else as given)."""
    from factory_grader.domain.errors import DatabaseError, DataChanged, OpenConflicts

    if isinstance(exc, DataChanged):
        return QCoreApplication.translate(
            "MainWindow",
            "The questionnaire or rule data of this revision changed since its answers were given. See what changes (results page: See what changes and update…) and update before finalising.",
        )
    if isinstance(exc, OpenConflicts):
        return QCoreApplication.translate(
            "MainWindow",
            "This revision has open conflicts. Choose the final value of each first (Open conflicts…).",
        )
    if isinstance(exc, DatabaseError):  # (the sentences: domain.database_meanings)
        from factory_grader.domain.database_meanings import meaning_words

        sentence = meaning_words(exc.meaning).get(lang)
        detail = str(exc) if lang == "en" else exc.where  # (the driver's words: English)
        return f"{sentence}\n\n{detail}" if detail else sentence
    return error_text(exc, lang)


def error_text(exc: BaseException, lang: Lang) -> str:
    """An error as the user reads it: its Chinese sentence in the Chinese UI where it has one
    (`zh`: workbook, workshop and database errors), else its message."""
    zh = getattr(exc, "zh", "")
    return str(zh) if lang == "zh" and zh else str(exc)
