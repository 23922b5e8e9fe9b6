"""修订对比: two revisions of one assessment side by side — the verdict of each (S, level,
tier) and every answer that differs (services/revision_diff.py). Read only."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.answers import Answers
from factory_grader.domain.records import AssessmentStatus, AssessmentSummary
from factory_grader.services.revision_diff import RevisionDiff, diff_revisions
from factory_grader.ui.context import AppContext
from factory_grader.ui.error_words import error_words


class RevisionDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        revisions: list[AssessmentSummary],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.revisions = sorted(revisions, key=lambda s: s.revision)
        self.setWindowTitle(self.tr("Compare revisions"))
        self.before, self.after = QComboBox(), QComboBox()
        for combo in (self.before, self.after):
            for summary in self.revisions:
                combo.addItem(self._name(summary), summary.id)
        # the last two by default: what the latest revision changed
        self.before.setCurrentIndex(max(len(self.revisions) - 2, 0))
        self.after.setCurrentIndex(len(self.revisions) - 1)
        self.before.setAccessibleName(self.tr("Earlier revision"))
        self.after.setAccessibleName(self.tr("Later revision"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setObjectName("resultSummary")
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Answers that differ"))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        choose = QHBoxLayout()
        choose.addWidget(self.before, 1)
        choose.addWidget(QLabel("→"))
        choose.addWidget(self.after, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.before.currentIndexChanged.connect(lambda _: self.compare())
        self.after.currentIndexChanged.connect(lambda _: self.compare())
        self._asked = 0
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 40), min(600, screen.height() - 80))
        self.compare()

    def _name(self, summary: AssessmentSummary) -> str:
        final = summary.status is AssessmentStatus.FINAL
        state = self.tr("final") if final else self.tr("draft")
        return self.tr("Revision {rev} ({state})").format(rev=summary.revision, state=state)

    def compare(self) -> None:
        service, library = self.ctx.service, self.ctx.library
        if service is None or library is None:
            return
        a, b = self.before.currentData(), self.after.currentData()
        self._asked += 1
        asked, lang = self._asked, self.ctx.lang
        self.verdict.setText(self.tr("Comparing…"))

        def work() -> tuple[Answers, Answers, RevisionDiff]:
            first, second = service.answers(a), service.answers(b)
            return first, second, diff_revisions(library, first, second, lang)

        def shown(found: tuple[Answers, Answers, RevisionDiff]) -> None:
            if asked == self._asked:  # the latest choice only
                self._show(*found)

        def failed(exc: BaseException) -> None:
            if asked == self._asked:
                self.verdict.setText(error_words(exc, lang))

        self.ctx.background.read(work, shown, failed)

    def _show(self, first: Answers, second: Answers, diff: RevisionDiff) -> None:
        library = self.ctx.library
        assert library is not None
        lines = diff.verdict_lines(library, first, second, self.ctx.lang)
        count = self.tr("{n} answer(s) differ").format(n=len(diff.changes))
        closed, opened = diff.gap_changes(library, first, second, self.ctx.lang)
        sep = "；" if self.ctx.lang == "zh" else "; "
        gaps = [
            self.tr("Gaps closed: {list}").format(list=sep.join(closed) if closed else "—"),
        ]
        if opened:
            gaps.append(self.tr("Gaps opened: {list}").format(list=sep.join(opened)))
        self.verdict.setText("<br>".join(html.escape(x) for x in [*lines, *gaps, count]))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.before.currentText(), self.after.currentText()]
        )
        self.table.setRowCount(len(diff.changes))
        for row, change in enumerate(diff.changes):
            for col, text in enumerate((change.what, change.before, change.after)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
