"""What every page needs: the forms, the service, the open assessment, the background writer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from factory_grader.domain.text import Lang, Text
from factory_grader.ui.background import Background
from factory_grader.ui.i18n import Languages
from factory_grader.ui.preferences import Preferences

if TYPE_CHECKING:  # imported for real only after the first paint (SQLAlchemy, dataclasses)
    from factory_grader.domain.results import AssessmentResult
    from factory_grader.forms.library import FormLibrary
    from factory_grader.services.assessments import AssessmentService
    from factory_grader.services.editing import EditSession
    from factory_grader.storage.database import Database


class Events(QObject):
    """App-wide notifications, all emitted on the GUI thread."""

    assessment_opened = Signal()  # ctx.session changed (or closed: None)
    answers_changed = Signal()  # ctx.session.answers changed in memory
    conflicts_changed = Signal()  # a conflict was kept or resolved
    result_changed = Signal(object)  # AssessmentResult of the current answers
    assessments_changed = Signal()  # the list of stored assessments changed
    saving_changed = Signal(bool)


@dataclass
class AppContext:
    languages: Languages
    preferences: Preferences
    background: Background
    events: Events
    library: FormLibrary | None = None  # loaded after the first paint
    service: AssessmentService | None = None
    db_name: str = ""
    session: EditSession | None = None  # the open assessment
    result: AssessmentResult | None = None
    database: Database | None = None  # closed when the window closes

    @property
    def lang(self) -> Lang:
        return self.languages.current

    def text(self, text: Text) -> str:
        return text.get(self.lang)
