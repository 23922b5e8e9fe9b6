"""汇总对比: an official's workspace over many submission workbooks (files, folders, drops)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.comparison import Entry, EntryStatus
from factory_grader.forms.reference import shared_profile_lists
from factory_grader.ui.compare_model import EntryFilter, EntryTableModel, status_of
from factory_grader.ui.compare_runner import CompareRunner
from factory_grader.ui.context import AppContext
from factory_grader.ui.file_job import FileJobTexts, write_file
from factory_grader.ui.pages.base import Page
from factory_grader.wording import NO_TIER

ALL = None  # a filter combo's "all" entry


class ComparePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lists = shared_profile_lists()
        self.entries: list[Entry] = []
        self.pending: list[Path] = []  # what the running comparison reads
        self.files_total = 0
        self.loading = False
        self.runner = CompareRunner(self)
        self.runner.found.connect(self._found)
        self.runner.batch.connect(self._batch)
        self.runner.finished.connect(self._finished)
        self.setAcceptDrops(True)

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add_files_button = QPushButton()
        self.add_files_button.clicked.connect(self.add_files)
        self.add_folder_button = QPushButton()
        self.add_folder_button.clicked.connect(self.add_folder)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_summary)
        buttons = QHBoxLayout()
        for b in (self.add_files_button, self.add_folder_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.city = QComboBox()
        self.industry = QComboBox()
        self.tier = QComboBox()
        self.status = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        self.filter_labels = [QLabel() for _ in range(4)]
        for label, combo in zip(
            self.filter_labels, (self.city, self.industry, self.tier, self.status), strict=True
        ):
            label.setBuddy(combo)
            label.setObjectName("filterLabel")
            filters.addWidget(label)
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._apply_filters)
        filters.addWidget(self.search, 2)
        self.search.textChanged.connect(self._apply_filters)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.counts = QLabel()
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        running.addWidget(self.counts, 2)

        self.model = EntryTableModel(self)
        self.proxy = EntryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("userData")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.doubleClicked.connect(self._open_entry)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "")
        self.charts: QWidget | None = None  # built when first shown (matplotlib loads then)
        self.charts_holder = QWidget()
        self.charts_layout = QVBoxLayout(self.charts_holder)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.charts_holder, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addLayout(running)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self._update_state()

    # --- text -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Compare submissions"))
        self.hint.setText(
            self.tr(
                "Add submission workbooks or whole folders (or drop them here). Each file is"
                " checked and rescored from its answers; edited and invalid files are marked."
                " Double-click a row for the full result."
            )
        )
        self.add_files_button.setText(self.tr("Add files…"))
        self.add_folder_button.setText(self.tr("Add folder…"))
        self.clear_button.setText(self.tr("Clear list"))
        self.export_button.setText(self.tr("Export summary workbook…"))
        self.cancel_button.setText(self.tr("Cancel"))
        for label, combo, text in zip(
            self.filter_labels,
            (self.city, self.industry, self.tier, self.status),
            (self.tr("City"), self.tr("Industry"), self.tr("Tier"), self.tr("Status")),
            strict=True,
        ):
            label.setText(text)
            combo.setAccessibleName(text)
        self.search.setPlaceholderText(self.tr("Search name, credit code, file"))
        self.search.setAccessibleName(self.tr("Search name, credit code, file"))
        self.tabs.setTabText(0, self.tr("List"))
        self.tabs.setTabText(1, self.tr("Charts"))
        self.model.set_columns(self._columns())
        if self.entries:  # other words, other widths: the columns fit the new language
            self._size_columns()
        self._fill_filters()
        self._show_counts()
        if self.charts is not None:
            self.charts.retranslate()  # type: ignore[attr-defined]

    def _columns(self) -> list[tuple[str, Any, Any]]:
        tiers, levels = self._tier_names(), self._level_names()
        rank = {
            tier: index for index, tier in enumerate(tiers)
        }  # sort keys: looked up, not rebuilt
        words = self._status_words()

        def score(e: Entry) -> str:
            return "" if e.score_hundredths is None else f"{e.score_hundredths / 100:.2f}"

        def share(e: Entry) -> str:
            return "" if e.ai_share is None else f"{e.ai_share:.0%}"

        return [
            (self.tr("City"), self._city_name, self._city_name),
            (
                self.tr("Enterprise"),
                lambda e: e.name or Path(e.file).name,  # an invalid file: at least which one
                lambda e: e.name,
            ),
            (self.tr("Credit code"), lambda e: e.credit_code, lambda e: e.credit_code),
            (self.tr("Industry"), self._industry_name, self._industry_name),
            (self.tr("Size"), lambda e: self._size_name(e.size), lambda e: e.size),
            ("S", score, lambda e: e.score_hundredths),
            (
                self.tr("Level"),
                lambda e: levels.get(e.level, "") if e.level is not None else "",
                lambda e: e.level,
            ),
            (
                self.tr("Tier applied for"),
                lambda e: tiers.get(e.claimed_tier, e.claimed_tier) if e.claimed_tier else "—",
                lambda e: e.claimed_tier,
            ),
            (
                self.tr("Tier computed"),
                lambda e: tiers.get(e.tier, "") if e.status is not EntryStatus.INVALID else "",
                lambda e: rank.get(e.tier, -1) if e.status is not EntryStatus.INVALID else None,
            ),
            (
                self.tr("Links covered"),
                lambda e: str(len(e.links)) if e.built is not None else "",
                lambda e: len(e.links) if e.built is not None else None,
            ),
            (
                self.tr("Scenarios built"),
                lambda e: "" if e.built is None else str(e.built),
                lambda e: e.built,
            ),
            (self.tr("AI share"), share, lambda e: e.ai_share),
            (self.tr("Integrity"), lambda e: words[status_of(e)], lambda e: status_of(e)),
            (self.tr("Reason"), self._reason, self._reason),
            (self.tr("File"), lambda e: e.file, lambda e: e.file),
        ]

    def _status_words(self) -> dict[str, str]:
        return {
            "ok": self.tr("ok"),
            "edited": self.tr("edited after export"),
            "invalid": self.tr("invalid"),
            "unchecked": self.tr("not recomputed (a summary without answers)"),
            "superseded": self.tr("superseded"),
            "conflict": self.tr("conflict: same revision, other answers"),
        }

    def _tier_names(self) -> dict[str, str]:
        lib = self.ctx.library
        names = {"": NO_TIER.get(self.ctx.lang)}
        if lib is not None:
            names |= {t.id: self.ctx.text(t.name) for t in lib.rules(lib.default_rules_id).tiers}
        return names

    def _level_names(self) -> dict[int, str]:
        lib = self.ctx.library
        if lib is None:
            return {}
        form = lib.maturity(lib.rules(lib.default_rules_id).form_id)
        return {b.level: self.ctx.text(b.name) for b in form.bands}

    # --- adding files -------------------------------------------------------------------------

    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add submission workbooks"),
            str(Path.home()),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"),
        )
        if paths:
            self.add_paths([Path(p) for p in paths])

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder"), str(Path.home()))
        if folder:
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.runner.running:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    def add_paths(self, paths: list[Path]) -> None:
        """Read these files and folders; rows appear as they are read."""
        if self.runner.running:
            return
        known = {e.file for e in self.entries}
        self.pending = paths
        self.files_total = 0
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self._known = known
        self.loading = True  # until the last rows are marked and shown
        self.runner.start(paths)
        self._update_state()

    def _found(self, message: tuple[int]) -> None:
        self.files_total = message[0]
        self.progress.setRange(0, max(self.files_total, 1))

    def _batch(self, message: tuple[tuple[Entry, ...], int]) -> None:
        batch, done = message
        self.progress.setValue(done)
        new = [e for e in batch if e.file not in self._known]
        first = not self.entries
        self.entries += new
        self.model.append(new)
        if first and new:
            self._size_columns()
        self._show_counts(done)

    def _finished(self, message: tuple[Any, str]) -> None:
        entries, error = message
        if entries is None and error == "cancelled":
            self.counts.setText(self.tr("Cancelled; the files read so far stay in the list."))
        elif entries is None:
            QMessageBox.warning(self, self.tr("Comparison stopped"), error)
        from factory_grader.services.compare import mark_superseded

        self.entries = mark_superseded(self.entries)  # across every file added so far
        self.model.update(self.entries)
        self._fill_filters()
        self._update_state()
        if entries is not None or error != "cancelled":
            self._show_counts()
        self.loading = False
        if self.charts is not None:
            self.charts.update_entries(self.entries)  # type: ignore[attr-defined]

    def _size_name(self, size: str) -> str:
        """大型 … 微型 in the UI's language; a size given otherwise, as given."""
        from factory_grader.domain.company_size import SIZE_NAMES

        name = SIZE_NAMES.get(size)
        return self.ctx.text(name) if name is not None else size

    def _size_columns(self) -> None:
        """Column widths from the first rows read: measuring thousands would stall the window."""
        self.table.horizontalHeader().setResizeContentsPrecision(30)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            # A little room: later rows may be a few characters longer than the first ones.
            self.table.setColumnWidth(col, min(self.table.columnWidth(col) + 16, 260))

    def clear(self) -> None:
        if self.runner.running or not self.entries:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Clear the list?"),
            self.tr("Remove all {n} rows from the list? The files are not touched.").format(
                n=len(self.entries)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.entries = []
        self.model.replace_all([])
        self._fill_filters()
        self._update_state()
        self._show_counts()
        if self.charts is not None:
            self.charts.update_entries(self.entries)  # type: ignore[attr-defined]

    # --- state, filters, counts ---------------------------------------------------------------

    def _update_state(self) -> None:
        running = self.runner.running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        for b in (self.add_files_button, self.add_folder_button):
            b.setEnabled(not running)
        self.clear_button.setEnabled(not running and bool(self.entries))
        self.export_button.setEnabled(not running and any(e.counts for e in self.entries))

    def _fill_filters(self) -> None:
        """The filter choices from the rows; the table refilters only if a choice changed."""
        changed = False

        def fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
            nonlocal changed
            wanted = [(self.tr("All"), ALL), *items]
            have = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
            if have == wanted:
                return
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in wanted:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
            changed = changed or combo.currentData() != current

        # one item per code (or free text), named in the UI's language
        cities = {e.city_key: self._city_name(e) for e in self.entries if e.city_key}
        fill(self.city, sorted(((name, key) for key, name in cities.items())))
        industries = {
            e.industry_key: self._industry_name(e) for e in self.entries if e.industry_key
        }
        fill(self.industry, sorted(((name, key) for key, name in industries.items())))
        fill(self.tier, [(name, tid) for tid, name in self._tier_names().items()])
        fill(self.status, [(word, key) for key, word in self._status_words().items()])
        if changed:
            self._apply_filters()

    def _reason(self, e: Entry) -> str:
        reason = (e.reason_zh or e.reason) if self.ctx.lang == "zh" else e.reason
        return reason or e.conflict_with or e.superseded_by

    def _city_name(self, e: Entry) -> str:
        city = self.lists.city(e.city_code) if e.city_code else None
        return self.ctx.text(city.name) if city is not None else e.city

    def _industry_name(self, e: Entry) -> str:
        found = self.lists.industry(e.industry_code) if e.industry_code else None
        return self.ctx.text(found.name) if found is not None else e.industry

    def _apply_filters(self) -> None:
        self.proxy.set_filter(
            city=self.city.currentData(),
            industry=self.industry.currentData(),
            tier=self.tier.currentData(),
            status=self.status.currentData(),
            text=self.search.text().strip(),
        )

    def _show_counts(self, done: int | None = None) -> None:
        e = self.entries
        listed = sum(x.counts for x in e)
        text = self.tr(
            "{listed} listed · {edited} edited · {invalid} invalid · {superseded} superseded"
        ).format(
            listed=listed,
            edited=sum(x.status is EntryStatus.EDITED for x in e),
            invalid=sum(x.status is EntryStatus.INVALID for x in e),
            superseded=sum(bool(x.superseded_by) for x in e),
        )
        unchecked = sum(x.status is EntryStatus.UNCHECKED for x in e)
        if unchecked:
            text += self.tr(" · {n} not recomputed").format(n=unchecked)
        if done is not None:
            text = (
                self.tr("Read {done} of {total} files").format(done=done, total=self.files_total)
                + " · "
                + text
            )
        self.counts.setText(text)

    # --- rows, charts, export -----------------------------------------------------------------

    def _open_entry(self, index: Any) -> None:
        entry = self.model.entries[self.proxy.mapToSource(index).row()]
        from factory_grader.ui.entry_dialog import EntryDialog

        EntryDialog(self.ctx, entry, self).open()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.charts is None:
            from factory_grader.ui.compare_charts import CompareCharts

            self.charts = CompareCharts(self.ctx, self)
            self.charts_layout.addWidget(self.charts)
            self.charts.update_entries(self.entries)

    def export_summary(self) -> None:
        if self.runner.running or not self.entries:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export summary workbook"),
            str(Path(self.ctx.preferences.export_folder or Path.home()) / self.tr("summary.xlsx")),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
        entries, library, lang = list(self.entries), self.ctx.library, self.ctx.lang
        self.ctx.preferences.export_folder = str(target.parent)

        def work() -> Path:
            from factory_grader.services.compare import write_summary

            assert library is not None
            write_summary(entries, library, target, lang=lang, sources=len(entries))
            return target

        texts = FileJobTexts(
            busy=self.tr("Writing the summary workbook…"),
            title=self.tr("Export summary workbook"),
            done_title=self.tr("Exported"),
            done=self.tr("The summary workbook was saved as\n{path}"),
            failed_title=self.tr("Not exported"),
        )
        write_file(self, self.ctx, work, texts)

    def shutdown(self) -> None:
        """Closing the window: stop reading (nothing is written by a comparison)."""
        if self.runner.running:
            self.runner.cancel()
            self.runner.wait()
