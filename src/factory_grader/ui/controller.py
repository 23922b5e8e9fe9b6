"""The open assessment and everything done to it: opening and reloading, the edit session, each
change the user makes (saved through the writer thread, in order), undo and redo, rescoring and
the count of open conflicts. Pages tell it what the user wants and render what the events give
them; none of them reaches into the window. The window shows its errors and follows `navigate`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from factory_grader.ui.context import AppContext
from factory_grader.ui.page_names import PAGES, WITHOUT_ASSESSMENT, PageName

__all__ = ["PAGES", "WITHOUT_ASSESSMENT", "Controller", "PageName"]

if TYPE_CHECKING:  # loaded after the first paint
    from factory_grader.domain.answers import ScenarioAnswer
    from factory_grader.domain.maturity_model import Grade, IndustryType
    from factory_grader.domain.records import RequirementNote
    from factory_grader.services.editing import Edit, EditSession


class Controller(QObject):
    #: the window should show this page (a PageName)
    navigate = Signal(str)
    #: a change could not be stored (a colleague's change first, the database): the exception
    save_failed = Signal(object)
    #: an assessment the user asked for could not be opened: the exception
    open_failed = Signal(object)
    #: the number of open conflicts of the open assessment, when counted anew
    conflicts_counted = Signal(int)
    #: the user wants to see the open conflicts (the window opens them)
    conflicts_requested = Signal()
    #: something to mention in the status bar (a count that could not be made)
    status_message = Signal(str)
    #: show where something is fixed: the page (a PageName) and what on it (a requirement,
    #: scenario or condition id, "link:<id>" for a 环节's scenarios; "" for the page itself)
    reveal_requested = Signal(str, str)
    #: the user wants the submission workbook of the open assessment (the window asks where)
    export_requested = Signal()
    #: the fields that hold a value not saved (invalid) changed: see `unsaved`
    unsaved_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_conflicts = 0
        #: the names of fields holding a value that is shown but not saved (it is invalid)
        self.unsaved: list[str] = []
        # Reads run side by side and may come back in any order: only the latest asked for
        # counts (an open asked for after another wins, whichever loads first).
        self._opens_asked = 0
        self._counts_asked = 0
        ctx.events.answers_changed.connect(self.rescore)
        ctx.events.assessment_opened.connect(self.count_conflicts)
        ctx.events.assessment_opened.connect(lambda: self.hold_unsaved([]))  # (pages report anew)
        ctx.events.conflicts_changed.connect(self.count_conflicts)

    def hold_unsaved(self, fields: list[str]) -> None:
        """Say which fields hold values not saved: the status bar must not say all is saved."""
        if fields != self.unsaved:
            self.unsaved = list(fields)
            self.unsaved_changed.emit()

    def reveal(self, page: PageName, subject: str = "") -> None:
        """Go to where a problem is fixed (every list that names one calls this)."""
        self.reveal_requested.emit(page.value, subject)

    @property
    def editable(self) -> bool:
        return self.ctx.session is not None and self.ctx.session.editable

    # --- opening ------------------------------------------------------------------------------

    def open_assessment(
        self, assessment_id: int, quiet: bool = False, page: PageName | None = None
    ) -> None:
        """Load the assessment for editing (off the GUI thread) and make it the open one; then
        show `page`, or the questionnaire unless quiet. A quiet open that fails forgets it as
        the one to reopen at start; a loud one says why."""
        service = self.ctx.service
        if service is None:
            return
        self._opens_asked += 1
        asked = self._opens_asked

        def load() -> EditSession:
            from factory_grader.services.editing import EditSession

            return EditSession(service, assessment_id)

        def opened(session: EditSession) -> None:
            if asked != self._opens_asked:
                return  # another assessment was asked for since: that one is opened
            self.ctx.session = session
            self.ctx.preferences.last_assessment = assessment_id
            self.ctx.events.assessment_opened.emit()
            self.rescore()
            if page is not None:
                self.navigate.emit(page)
            elif not quiet:
                self.navigate.emit(PageName.QUESTIONNAIRE)

        def failed(exc: BaseException) -> None:
            if asked != self._opens_asked:
                return
            if quiet:
                self.ctx.preferences.last_assessment = None
            else:
                self.open_failed.emit(exc)

        self.ctx.background.read(load, opened, failed)

    @property
    def asked_to_open(self) -> bool:
        """Whether any assessment has been asked for (the start's quiet reopen then yields)."""
        return self._opens_asked > 0

    def reopen_current(self, page: PageName | None = None) -> None:
        """Load the open assessment again (after a change made outside the edit session)."""
        if self.ctx.session is not None:
            self.open_assessment(self.ctx.session.assessment_id, quiet=True, page=page)

    # --- changes ------------------------------------------------------------------------------

    def persist(
        self, save: Callable[[], object], then: Callable[[object], None] | None = None
    ) -> None:
        """Queue one change for the writer thread; a refusal is reported, never lost. `then`
        runs on the GUI thread once the change is stored."""
        self.ctx.background.write(save, then, self.save_failed.emit)

    def _edit(self, save: Callable[[], object], then: Callable[[object], None] | None) -> None:
        self.persist(save, then)
        self.ctx.events.answers_changed.emit()

    def set_grade(self, requirement_id: str, grade: Grade | None) -> None:
        if self.editable:
            assert self.ctx.session is not None
            self._edit(self.ctx.session.set_requirement(requirement_id, grade), None)

    def set_note(self, requirement_id: str, note: RequirementNote) -> None:
        if self.editable:
            assert self.ctx.session is not None
            self._edit(self.ctx.session.set_note(requirement_id, note), None)

    def set_scenario(self, scenario_id: str, answer: ScenarioAnswer) -> None:
        if self.editable:
            assert self.ctx.session is not None
            self._edit(self.ctx.session.set_scenario(scenario_id, answer), None)

    def set_condition(self, condition_id: str, value: bool | None) -> None:
        if self.editable:
            assert self.ctx.session is not None
            self._edit(self.ctx.session.set_condition(condition_id, value), None)

    def set_profile(
        self,
        profile: dict[str, str],
        industry: IndustryType,
        rules_id: str,
        weights_id: str | None,
    ) -> None:
        """The profile, the manufacturing type, the rule set and the weights: the start list
        shows the new name once stored."""
        if self.editable:
            assert self.ctx.session is not None
            save = self.ctx.session.set_profile(profile, industry, rules_id, weights_id)
            self._edit(save, lambda _: self.ctx.events.assessments_changed.emit())

    def undo(self) -> Edit | None:
        """Undo the last change (saved like any change); the edit undone, or None."""
        session = self.ctx.session
        return self._step(session.undo()) if session is not None and session.editable else None

    def redo(self) -> Edit | None:
        session = self.ctx.session
        return self._step(session.redo()) if session is not None and session.editable else None

    def _step(self, done: tuple[Edit, Callable[[], object]] | None) -> Edit | None:
        """A colleague's change since makes it a conflict; every page shows the answers as
        they now are."""
        if done is None:
            return None
        edit, save = done
        self.persist(save)
        self.ctx.events.assessment_opened.emit()
        self.ctx.events.answers_changed.emit()
        return edit

    # --- what follows from the answers --------------------------------------------------------

    def rescore(self) -> None:
        session = self.ctx.session
        self.ctx.result = session.score() if session is not None else None
        self.ctx.events.result_changed.emit(self.ctx.result)

    def count_conflicts(self) -> None:
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            self._counted([])
            return
        aid = session.assessment_id
        self._counts_asked += 1
        asked = self._counts_asked

        def counted(conflicts: list[Any]) -> None:
            if asked == self._counts_asked:  # else a later count is on its way
                self._counted(conflicts)

        self.ctx.background.read(lambda: service.conflicts(aid), counted, self._not_counted)

    def _counted(self, conflicts: list[Any]) -> None:
        self.open_conflicts = len(conflicts)
        self.conflicts_counted.emit(self.open_conflicts)

    def _not_counted(self, exc: BaseException) -> None:
        self.status_message.emit(str(exc))  # e.g. the server is gone: the count stays as it was
