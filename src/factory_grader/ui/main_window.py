"""The main window: navigation, the pages, the result panel, menus and the status bar."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import PAGES, WITHOUT_ASSESSMENT, Controller, PageName
from factory_grader.ui.error_words import error_words

if TYPE_CHECKING:
    from factory_grader.forms.library import FormLibrary
    from factory_grader.services.assessments import AssessmentService
    from factory_grader.services.importing import FileImport
    from factory_grader.services.verdicts import ListedAssessment
    from factory_grader.storage.database import Database
    from factory_grader.ui.pages.base import Page
    from factory_grader.ui.pages.questionnaire_page import QuestionnairePage
    from factory_grader.ui.pages.start_page import StartPage
    from factory_grader.ui.result_panel import ResultPanel

# the pages by name (tests and callers say window.go(RESULTS))
START, PROFILE, QUESTIONNAIRE, SCENARIOS, CONDITIONS, WORKSHOP, RESULTS, FINALISE, COMPARE = PAGES

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, db_url: str | None) -> None:
        """Only what the first frame shows: title, navigation, a status line. The rest is built
        right after that frame is painted (finish_building), so the window appears at once."""
        super().__init__()
        self.ctx = ctx
        self.db_url = db_url
        self.crash_reporter: object | None = None  # kept alive with the window (ui/app.py)
        self.controller = Controller(ctx, self)
        self.controller.navigate.connect(lambda name: self.go(PageName(name)))
        self.controller.reveal_requested.connect(self.reveal)
        self.controller.unsaved_changed.connect(lambda: self._saving(self.ctx.background.writing))
        self.controller.export_requested.connect(lambda: self.export_workbook())
        self.controller.save_failed.connect(self._save_failed)
        self.controller.open_failed.connect(self._open_failed)
        self.controller.conflicts_counted.connect(self._show_conflict_count)
        self.controller.conflicts_requested.connect(self.show_conflicts)
        self.controller.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 10000)
        )
        self.setObjectName("mainWindow")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(170)
        self.stack = CurrentPageStack()
        self.placeholder = QLabel()
        self.placeholder.setObjectName("placeholder")  # (centred by style.qss: Qt's enums wait)
        self.stack.addWidget(self.placeholder)
        self.pages: dict[PageName, Page] = {}
        self.splitter = QSplitter()  # (horizontal)
        self.splitter.addWidget(self.nav)
        # A page taller than the screen scrolls inside the window: without this its minimum
        # size grew the window past a 1366 × 768 screen (the status bar off its bottom).
        # A final revision: every page that edits says it is read-only, and how to change it.
        self.final_banner = QLabel()
        self.final_banner.setObjectName("notice")
        self.final_banner.setWordWrap(True)
        self.final_banner.setVisible(False)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.final_banner)
        self.stack_area = _scrolling(self.stack)
        middle_layout.addWidget(self.stack_area, 1)
        self.splitter.addWidget(middle)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._page_changed)
        self.db_label = QLabel()
        self.save_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        # Open conflicts, when there are any: one click opens them.
        self.conflicts_button = QPushButton()
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setVisible(False)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.statusBar().addPermanentWidget(self.conflicts_button)
        self.statusBar().addPermanentWidget(self.save_label)
        self.built = False
        self._wanted_page: PageName | None = None
        self._open_wished: int | None = None  # chosen before the pages were made
        self.retranslate()
        self.resize(1280, 800)

    def finish_building(self) -> None:
        """Everything else of the window: start page, result panel, menus."""
        if self.built:
            return
        from factory_grader.ui.pages.start_page import StartPage
        from factory_grader.ui.result_panel import ResultPanel

        ctx = self.ctx
        self.start: StartPage = StartPage(ctx)
        self.pages[START] = self.start
        self.stack.insertWidget(0, self.start)
        self.stack.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        self.panel: ResultPanel = ResultPanel(ctx)
        self.panel_area = _scrolling(self.panel)
        self.splitter.addWidget(self.panel_area)
        self.splitter.setSizes([150, 900, 260])
        self._make_actions()
        self.start.open_requested.connect(self._open_from_start)
        self.start.example_requested.connect(self.load_example)
        self.start.import_requested.connect(self.import_file)
        self.start.new_requested.connect(self.new_assessment)
        ctx.background.busy_changed.connect(self._saving)
        self.built = True
        self.retranslate()
        self.stack.setCurrentIndex(0)

    # --- building -----------------------------------------------------------------------------

    def add_pages(self, pages: dict[PageName, Page]) -> None:
        """The pages that need the forms are made once the forms are loaded (in PAGES order)."""
        for name in PAGES[len(self.pages) :]:
            self.pages[name] = pages[name]
            self.stack.addWidget(pages[name])
            if name == WORKSHOP:
                pages[name].present_requested.connect(self.present)  # type: ignore[attr-defined]
        wanted, self._wanted_page = self._wanted_page, None
        if wanted is not None:
            self.go(wanted)
        self.retranslate()
        self._enable_pages()

    def _make_actions(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu("")
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_assessment)
        self.import_action = QAction(self, shortcut=QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_file)
        self.export_action = QAction(self, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_workbook)
        self.export_action.setEnabled(False)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.compare_action = QAction(self)
        self.compare_action.triggered.connect(lambda: self.go(COMPARE))
        self.report_action = QAction(self)
        self.report_action.triggered.connect(self.export_report)
        self.report_action.setEnabled(False)
        self.portfolio_action = QAction(self)
        self.portfolio_action.triggered.connect(self.show_portfolio)
        for a in (self.new_action, self.import_action, self.export_action, self.report_action):
            self.file_menu.addAction(a)
        self.file_menu.addAction(self.portfolio_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.compare_action)
        self.file_menu.addSeparator()
        from factory_grader.ui.backup_actions import BackupActions

        self.backups = BackupActions(self)
        self.backup_action, self.restore_action = QAction(self), QAction(self)
        self.backup_action.triggered.connect(self.backups.backup)
        self.restore_action.triggered.connect(self.backups.restore)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        # 编辑: undo and redo of answers (a text field that has the focus keeps its own)
        self.edit_menu = menu.addMenu("")
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self._stepped(self.controller.undo(), True))
        self.redo_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.triggered.connect(lambda: self._stepped(self.controller.redo(), False))
        for a in (self.undo_action, self.redo_action):
            a.setEnabled(False)
            self.edit_menu.addAction(a)
        self.edit_menu.addSeparator()
        # Open conflicts from the menu too: the status bar can be off a small screen.
        self.conflicts_action = QAction(self)
        self.conflicts_action.triggered.connect(self.show_conflicts)
        self.conflicts_action.setEnabled(False)
        self.edit_menu.addAction(self.conflicts_action)
        self.ctx.events.answers_changed.connect(self._update_undo)
        self.ctx.events.assessment_opened.connect(self._update_undo)
        self.ctx.events.assessment_opened.connect(self._enable_pages)
        self.ctx.events.assessment_opened.connect(self._update_title)
        self.ctx.events.assessment_opened.connect(self._show_final_banner)
        self.view_menu = menu.addMenu("")
        self.settings_action = QAction(self, shortcut=QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.show_settings)
        self.view_menu.addAction(self.settings_action)
        self.help_menu = menu.addMenu("")
        self.manual_action = QAction(self)
        self.manual_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.manual_action.triggered.connect(self.show_manual)
        self.glossary_action = QAction(self)
        self.glossary_action.triggered.connect(self.show_glossary)
        self.help_menu.addAction(self.manual_action)
        self.help_menu.addAction(self.glossary_action)
        self.help_menu.addSeparator()
        self.diagnostics_action = QAction(self)
        self.diagnostics_action.triggered.connect(self.show_diagnostics)
        self.help_menu.addAction(self.diagnostics_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._update_title()
        names = [
            self.tr("Factories"),
            self.tr("Profile"),
            self.tr("Questionnaire"),
            self.tr("Scenarios"),
            self.tr("Conditions"),
            self.tr("Workshop"),
            self.tr("Results"),
            self.tr("Finalise"),
            self.tr("Compare"),
        ]  # all shown from the first frame; a page is enabled once it exists and applies
        current = self.nav.currentRow()
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.addItems(names)
        self.nav.setCurrentRow(max(current, 0))
        self.nav.blockSignals(False)
        self.nav.setAccessibleName(self.tr("Sections"))
        if not self.built:
            self.placeholder.setText(self.tr("Opening the database…"))
        self._describe_db()
        self._enable_pages()
        if not self.built:
            return
        self._saving(self.ctx.background.writing)
        self._show_final_banner()
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo answer"))
        self.redo_action.setText(self.tr("&Redo answer"))
        self.conflicts_action.setText(self.tr("Open &conflicts…"))
        self.view_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.diagnostics_action.setText(self.tr("&Diagnostics…"))
        self.manual_action.setText(self.tr("User &manual"))
        self.glossary_action.setText(self.tr("&Glossary"))
        self.new_action.setText(self.tr("&New assessment…"))
        self.import_action.setText(self.tr("&Import answers file or workbook…"))
        self.export_action.setText(self.tr("&Export submission workbook…"))
        self.report_action.setText(self.tr("Export management &report (PDF)…"))
        self.portfolio_action.setText(self.tr("C&lients and their assessments…"))
        self.compare_action.setText(self.tr("&Compare submissions (officials)…"))
        self.backup_action.setText(self.tr("&Back up the data…"))
        self.restore_action.setText(self.tr("&Restore from a backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.about_action.setText(self.tr("&About"))

    def _update_title(self) -> None:
        """The app, and the factory and revision open (which one is being changed)."""
        app = self.tr("智能工厂梯度评估 — Smart-factory tier assessment")
        session = self.ctx.session
        if session is None:
            self.setWindowTitle(app)
            return
        summary = session.summary
        self.setWindowTitle(
            self.tr("{factory} · revision {n} — {app}").format(
                factory=summary.factory_name, n=summary.revision, app=app
            )
        )

    def _enable_pages(self) -> None:
        has_session = self.ctx.session is not None
        if self.built:
            self.export_action.setEnabled(has_session)
            self.report_action.setEnabled(has_session)
        self.nav.setEnabled(self.built)  # (before: no page yet, so none to choose)
        if self.built:  # (Qt's own enums: made on first use, 60 ms, so after the first frame)
            from PySide6.QtCore import Qt

            enabled = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            for row, name in enumerate(PAGES):
                item = self.nav.item(row)
                usable = name in self.pages and (name in WITHOUT_ASSESSMENT or has_session)
                item.setFlags(item.flags() | enabled if usable else item.flags() & ~enabled)
        # 汇总对比 is for officials: in the navigation when turned on in 设置, or while open
        # (文件 → 汇总对比… opens it for anyone)
        shown = self.ctx.preferences.officials_view or self.nav.currentRow() == PAGES.index(COMPARE)
        self.nav.item(PAGES.index(COMPARE)).setHidden(not shown)

    def _describe_db(self) -> None:
        if self.ctx.db_name:
            self.db_label.setText(self.tr("Database: {name}").format(name=self.ctx.db_name))
            from factory_grader.services.app_paths import database_url
            from factory_grader.services.network_paths import database_on_network

            if database_on_network(database_url(self.db_url)) is not None:
                self.db_label.setText(
                    self.tr(
                        "⚠ The database is on a network share, where it can be damaged or stay locked: move the data to a local folder (Settings → Data folder)."
                    )
                )
        else:
            self.db_label.setText(self.tr("Opening the database…"))

    def _saving(self, busy: bool) -> None:
        """All saved, saving, or (never hidden by either) fields holding values not saved."""
        held = self.controller.unsaved
        if held:
            from factory_grader.wording import listing  # (the domain: not before the first frame)

            self.save_label.setText(
                self.tr("Not saved: {fields} (correct the value)").format(
                    fields=listing(held, self.ctx.lang)
                )
            )
            self.save_label.setStyleSheet("color:#c62828;font-weight:bold")
            return
        self.save_label.setStyleSheet("")
        self.save_label.setText(self.tr("Saving…") if busy else self.tr("All changes saved"))

    def _page_changed(self, row: int) -> None:
        """The result panel belongs to the open assessment: the comparison gets its room."""
        if self.built:
            self.panel_area.setVisible(row != PAGES.index(COMPARE))
        self._show_final_banner()
        self._enable_pages()  # 汇总对比 stays listed while it is open
        # the pages share one scrolling area: sized anew for this page (the stack asks for the
        # current page's size; the area looks again only when told), from its top
        QCoreApplication.sendEvent(self.stack_area, QEvent(QEvent.Type.LayoutRequest))
        self.stack_area.verticalScrollBar().setValue(0)
        self.stack_area.horizontalScrollBar().setValue(0)

    def _show_final_banner(self) -> None:
        session = self.ctx.session
        editing = self.current_page in (PROFILE, QUESTIONNAIRE, SCENARIOS, CONDITIONS)
        final = session is not None and not session.editable
        self.final_banner.setVisible(editing and final)
        if final and session is not None:
            self.final_banner.setText(
                self.tr(
                    "Revision {rev} is final: it can be read but not changed. To change it, reopen it as a new revision on the Finalise page."
                ).format(rev=session.summary.revision)
            )

    def go(self, page: PageName) -> None:
        if page not in self.pages:  # asked for before the pages are built: shown then
            self._wanted_page = page
            return
        if page in self.pages:
            self.nav.setCurrentRow(PAGES.index(page))
            if page is QUESTIONNAIRE:
                self.questionnaire.focus_first()  # keys 1-5 work at once

    def reveal(self, name: str, subject: str) -> None:
        """Show the page, and on it the thing named (where a listed problem is fixed)."""
        page = PageName(name)
        self.go(page)
        if page in self.pages and subject:
            self.pages[page].reveal(subject)

    def page(self, name: PageName) -> Page:
        return self.pages[name]

    def nav_item(self, name: PageName) -> QListWidgetItem:
        return self.nav.item(PAGES.index(name))

    @property
    def current_page(self) -> PageName:
        return PAGES[max(self.nav.currentRow(), 0)]

    @property
    def questionnaire(self) -> QuestionnairePage:
        from factory_grader.ui.pages.questionnaire_page import QuestionnairePage

        page = self.pages[QUESTIONNAIRE]
        assert isinstance(page, QuestionnairePage)
        return page

    # --- loading ------------------------------------------------------------------------------

    def start_loading(self) -> None:
        """After the first paint: the rest of the window, the forms and the start list read
        early (a database already at this schema: services.verdicts.early_list), then the
        database opened for work (migrating if needed); without an early list, the list is
        read through it then."""
        db_url = self.db_url

        def early() -> tuple[FormLibrary, list[ListedAssessment] | None]:
            from factory_grader.forms.library import FormLibrary
            from factory_grader.services.verdicts import early_list

            library = FormLibrary.load()
            return library, early_list(db_url, library)

        def listed_early(found: tuple[FormLibrary, list[ListedAssessment] | None]) -> None:
            library, listed = found
            self.ctx.library = library  # (the list names levels and tiers from it)
            if listed is not None:
                self.start.show_early(listed)
            self._open_database(library)

        def no_early_list(exc: BaseException) -> None:  # the full open meets it and says it
            log.info("no early list: %s", exc)
            self._open_database(None)

        # a read, so it neither waits for nor shows as saving; one at a time before the open.
        # Asked first: it reads while the start page is built (its result comes after that).
        self.ctx.background.read(early, listed_early, no_early_list)
        self.finish_building()

    def _open_database(self, library: FormLibrary | None) -> None:
        db_url = self.db_url

        def load() -> tuple[FormLibrary, AssessmentService, Database]:
            from factory_grader.forms.library import FormLibrary
            from factory_grader.services.assessments import open_service

            forms = library or FormLibrary.load()
            service, db = open_service(db_url, forms)
            return forms, service, db

        self.ctx.background.run(load, self._loaded, self._load_failed)

    def _loaded(self, loaded: tuple[FormLibrary, AssessmentService, Database]) -> None:
        library, service, db = loaded
        self.ctx.library, self.ctx.service, self.ctx.db_name = library, service, db.name
        self.ctx.database = db
        self._describe_db()
        self.start._update_buttons()
        # The list first: the other pages (0.2 s to build) and the last assessment follow once
        # it is on screen, so a long list appears as soon as it is read.
        from PySide6.QtCore import Qt

        self.start.listed.connect(self._build_the_rest, Qt.ConnectionType.SingleShotConnection)
        self.start.service_ready()

    def _build_the_rest(self) -> None:
        from factory_grader.ui.pages.all_pages import make_pages

        self.add_pages(make_pages(self.ctx, self.controller))
        wished, self._open_wished = self._open_wished, None
        last = self.ctx.preferences.last_assessment
        if wished is not None:  # chosen in the early list, before the pages were there
            self.controller.open_assessment(wished)
        elif last is not None and not self.controller.asked_to_open:  # (the user chose first)
            self.controller.open_assessment(
                last, quiet=True, page=self.ctx.preferences.window_page()
            )

    def _open_from_start(self, assessment_id: int) -> None:
        if len(self.pages) < len(PAGES):  # the early list: opened once the pages are made
            self._open_wished = assessment_id
        else:
            self.controller.open_assessment(assessment_id)

    def _load_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.start.forget_early()  # (the rows read early are not a database the app can use)
        said = self.error_words(exc)
        self.db_label.setText(said.replace("\n\n", " "))
        QMessageBox.critical(self, self.tr("Cannot open the database"), said)

    # --- assessments --------------------------------------------------------------------------

    def open_assessment(
        self, assessment_id: int, quiet: bool = False, page: PageName | None = None
    ) -> None:
        self.controller.open_assessment(assessment_id, quiet, page)

    def _open_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Cannot open"), self.error_words(exc))

    def _show_conflict_count(self, count: int) -> None:
        self.conflicts_button.setText(self.tr("⚠ {n} open conflict(s)…").format(n=count))
        self.conflicts_button.setVisible(count > 0)
        self.conflicts_action.setEnabled(count > 0)

    def show_conflicts(self) -> None:
        from factory_grader.ui.conflicts_dialog import ConflictsDialog

        ConflictsDialog(self.ctx, self.controller, self).exec()

    def _stepped(self, edit: object, undone: bool) -> None:
        """Say what was undone or redone (the controller saved it like any change)."""
        key = getattr(edit, "key", None)
        if key is not None:
            message = self.tr("Undone: {item}") if undone else self.tr("Redone: {item}")
            self.statusBar().showMessage(message.format(item=key), 5000)

    def _update_undo(self) -> None:
        session = self.ctx.session
        editable = session is not None and session.editable
        self.undo_action.setEnabled(session is not None and editable and session.can_undo)
        self.redo_action.setEnabled(session is not None and editable and session.can_redo)

    def rescore(self) -> None:
        self.controller.rescore()

    def persist(
        self, save: Callable[[], object], then: Callable[[object], None] | None = None
    ) -> None:
        self.controller.persist(save, then)

    def _save_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from factory_grader.domain.errors import AnswerConflict

        if isinstance(exc, AnswerConflict):
            from factory_grader.ui.words import answer_words  # (the domain's types: not at start)

            when = exc.theirs_at
            with contextlib.suppress(ValueError):
                from datetime import datetime  # not before the first paint (5 ms)

                when = datetime.fromisoformat(exc.theirs_at).astimezone().strftime("%Y-%m-%d %H:%M")
            QMessageBox.warning(
                self,
                self.tr("Changed by someone else"),
                self.tr(
                    "{who} changed this answer at {when} to {theirs}. Your value {yours} was not saved; it is kept as an open conflict. The screen now shows the stored answer."
                ).format(
                    who=exc.theirs_by,
                    when=when,
                    theirs=answer_words(exc.theirs, self.ctx.lang),
                    yours=answer_words(exc.yours, self.ctx.lang),
                ),
            )
            self.ctx.events.assessment_opened.emit()
            self.ctx.events.conflicts_changed.emit()
            self.controller.rescore()
            return
        QMessageBox.critical(self, self.tr("Not saved"), self.error_words(exc))

    def error_words(self, exc: BaseException) -> str:
        return error_words(exc, self.ctx.lang)

    def load_example(self) -> None:
        service = self.ctx.service
        if service is None:
            return

        def example() -> tuple[int, bool]:
            from factory_grader.services.examples import open_example

            return open_example(service)

        def done(found: tuple[int, bool]) -> None:
            assessment_id, made = found
            if made:  # (the example's profile is filled in: on to its questionnaire)
                self.ctx.events.assessments_changed.emit()
            # loaded before: that one again, not a second copy
            self.controller.open_assessment(assessment_id)

        self.ctx.background.write(example, done, self._create_failed)

    def import_file(self) -> None:
        """Answers files (JSON) or submission workbooks, one or many, become new drafts. A
        workbook is rescored on import; one edited after export is imported with a warning; a
        file that cannot be imported is reported and the others go on."""
        service = self.ctx.service
        if service is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from factory_grader.ui.import_runner import import_with_progress

        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import answers file or submission workbook"),
            str(Path.home()),
            self.tr("Answers files and submission workbooks (*.json *.xlsx);;All files (*)"),
        )
        if not paths:
            return
        files = [Path(p) for p in paths]
        import_with_progress(
            self, self.ctx, service, files, lambda r: self._imported(r, len(files)),
            lambda exc: self._import_stopped(exc, len(files)),
        )  # fmt: skip

    def _import_stopped(self, exc: BaseException, asked: int) -> None:
        """The database failed mid-batch: what was stored by then is listed, then why."""
        from factory_grader.services.importing import ImportInterrupted

        if isinstance(exc, ImportInterrupted):
            self.ctx.events.assessments_changed.emit()
            if exc.done and asked > 1:
                from factory_grader.ui.import_runner import show_summary

                show_summary(self, exc.done, asked, self.ctx.lang)
            exc = exc.cause
        self._create_failed(exc)

    def _imported(self, results: list[FileImport], asked: int) -> None:
        from factory_grader.services.importing import ImportOutcome

        if asked == 1 and len(results) == 1:  # one file: open it (or say why not), as ever
            (result,) = results
            if result.outcome is ImportOutcome.REFUSED:
                assert result.error is not None  # a refused file says why
                self._create_failed(result.error)
                return
            assert result.assessment is not None  # an imported file made a draft
            self._created(result.assessment.id)
            if result.outcome is ImportOutcome.EDITED:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(
                    self,
                    self.tr("Imported an edited workbook"),
                    self.tr(
                        "This workbook was changed after it was exported:\n{why}\n\nIts answers"
                        " were imported as a draft and rescored; check them."
                    ).format(why=result.reason(self.ctx.lang)),
                )
            return
        from factory_grader.ui.import_runner import show_summary

        self.ctx.events.assessments_changed.emit()
        show_summary(self, results, asked, self.ctx.lang)

    def export_workbook(self) -> None:
        """The submission workbook of the open assessment, written on the worker thread while a
        progress dialog shows; the file appears complete or not at all."""
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None or self.ctx.result is None:
            return
        from PySide6.QtWidgets import QMessageBox

        from factory_grader.ui.export_dialog import ExportDialog
        from factory_grader.ui.file_job import FileJobTexts, write_file

        folder = Path(self.ctx.preferences.export_folder or Path.home())
        dialog = ExportDialog(self.ctx, folder, self)
        if not dialog.exec():
            return
        target, claim, lang = dialog.values()
        if target.exists():
            answer = QMessageBox.question(
                self,
                self.tr("Replace file?"),
                self.tr("{name} already exists. Replace it?").format(name=target.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        assessment_id = session.assessment_id
        self.ctx.preferences.export_folder = str(target.parent)

        def work() -> Path:
            from factory_grader.services.stored_export import export_stored

            export_stored(service, assessment_id, target, lang=lang, claim=claim)  # type: ignore[arg-type]
            return target

        def exported(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 10000)

        texts = FileJobTexts(
            busy=self.tr("Writing the workbook…"),
            title=self.tr("Export submission workbook"),
            done_title=self.tr("Exported"),
            done=self.tr("The workbook was saved as\n{path}"),
            failed_title=self.tr("Not exported"),
        )
        write_file(self, self.ctx, work, texts, exported)

    def export_report(self) -> None:
        """The management report (PDF) of the open assessment, in the UI's language."""
        session, service = self.ctx.session, self.ctx.service
        if session is None or service is None:
            return
        from PySide6.QtWidgets import QFileDialog

        from factory_grader.ui.file_job import FileJobTexts, write_file

        folder = Path(self.ctx.preferences.export_folder or Path.home())
        name = self.tr("{factory}-assessment-report.pdf").format(
            factory=session.summary.factory_name
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export management report"), str(folder / name), self.tr("PDF (*.pdf)")
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.ctx.preferences.export_folder = str(target.parent)
        aid, lang = session.assessment_id, self.ctx.lang

        def work() -> Path:
            from factory_grader.services.management_report import write_management_report

            return write_management_report(service, aid, target, lang)

        texts = FileJobTexts(
            busy=self.tr("Writing the report…"),
            title=self.tr("Export management report"),
            done_title=self.tr("Exported"),
            done=self.tr("The report was saved as\n{path}"),
            failed_title=self.tr("Not exported"),
        )
        write_file(self, self.ctx, work, texts)

    def show_portfolio(self) -> None:
        if self.ctx.service is None:
            return
        from factory_grader.ui.portfolio_dialog import PortfolioDialog

        dialog = PortfolioDialog(self.ctx, self)
        dialog.open_requested.connect(self.controller.open_assessment)
        dialog.exec()
        dialog.deleteLater()

    def present(self) -> None:
        """Presenter mode over the workshop page's board, full screen."""
        page = self.pages.get(WORKSHOP)
        session, service = self.ctx.session, self.ctx.service
        if page is None or session is None or service is None:
            return
        from factory_grader.ui.pages.workshop_page import WorkshopPage
        from factory_grader.ui.presenter import PresenterWindow

        assert isinstance(page, WorkshopPage)
        if page.board is None:
            return
        workshop = page.workshop()
        assert workshop is not None
        presenter = PresenterWindow(
            self.ctx,
            self.controller,
            workshop,
            page.board,
            page.only_discuss.isChecked(),
            page.agreed_now,
        )
        presenter.closed.connect(page.load)  # what was agreed there shows here
        self.presenter = presenter
        # the whole screen the window is on (a projector is often the second screen: the
        # window is dragged there first), also where no window manager makes it full screen
        presenter.setGeometry(self.screen().geometry())
        presenter.showFullScreen()
        presenter.activateWindow()

    def new_assessment(self) -> None:
        if self.ctx.service is None:
            return
        from factory_grader.ui.new_assessment_dialog import NewAssessmentDialog

        dialog = NewAssessmentDialog(self.ctx, self)
        if dialog.exec():
            service, values = self.ctx.service, dialog.values()
            self.ctx.background.run(
                lambda: service.create_blank(*values).id, self._created, self._create_failed
            )

    def _created(self, assessment_id: int) -> None:
        self.ctx.events.assessments_changed.emit()
        # a new assessment starts with who the factory is (the questionnaire comes after)
        self.controller.open_assessment(assessment_id, page=PROFILE)

    def _create_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from factory_grader.ui.error_words import error_text

        QMessageBox.warning(self, self.tr("Not created"), error_text(exc, self.ctx.lang))

    # --- dialogs and closing ------------------------------------------------------------------

    def show_settings(self) -> None:
        from factory_grader.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()
        self._enable_pages()  # 汇总对比 shown or hidden as chosen

    def show_manual(self) -> None:
        from factory_grader.ui.help_dialogs import manual_dialog

        manual_dialog(self.ctx.lang, self).exec()

    def show_glossary(self) -> None:
        from factory_grader.ui.help_dialogs import glossary_dialog

        glossary_dialog(self.ctx.lang, self).exec()

    def show_diagnostics(self) -> None:
        from factory_grader.ui.diagnostics_dialog import DiagnosticsDialog

        DiagnosticsDialog(self.ctx, self.db_url, self).exec()

    def show_about(self) -> None:
        from factory_grader.ui.about_dialog import show_about

        show_about(self.ctx, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        focus = self.focusWidget()
        if focus is not None:
            focus.clearFocus()  # commits a comment being typed (editingFinished)
        compare = self.pages.get(COMPARE)
        if compare is not None:  # (its module is loaded then: importing it costs nothing)
            from factory_grader.ui.pages.compare_page import ComparePage

            assert isinstance(compare, ComparePage)
            compare.shutdown()
        if self.built:
            self.start.stop()  # no more verdicts written back
        self.ctx.background.shutdown()  # every queued change reaches the database first
        self.ctx.preferences.save_window(self.saveGeometry(), self.current_page)
        if self.ctx.database is not None:
            self.ctx.database.close()
        super().closeEvent(event)


def _scrolling(widget: QWidget) -> QScrollArea:
    """The widget at the size it is given, scrolling where that is less than its minimum."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class CurrentPageStack(QStackedWidget):
    """The pages, each as large as it needs: a QStackedWidget asks for the largest of all its
    pages, so every page scrolled as if it were the results page (and a page's own scrolling
    column ran on under the window's bottom edge)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _: self.updateGeometry())
        # (its layout would otherwise set the widget's minimum size to the largest page's)
        layout = self.layout()
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page.hasHeightForWidth() if page is not None else False

    def heightForWidth(self, width: int) -> int:
        # (the stacked layout answers with the tallest page's: the scrolling area asks this)
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else -1
