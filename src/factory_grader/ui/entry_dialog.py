"""One compared workbook's full result, read-only: integrity first, then the whole report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from factory_grader.domain.comparison import Entry
from factory_grader.ui.context import AppContext


class EntryDialog(QDialog):
    def __init__(self, ctx: AppContext, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self.setWindowTitle(entry.name or Path(entry.file).name)
        self.text = QPlainTextEdit()
        self.text.setObjectName("userData")
        self.text.setReadOnly(True)
        self.text.setPlainText(self.tr("Reading {file}…").format(file=entry.file))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self._load()

    def _load(self) -> None:
        """The full check of the file (every sheet) and the report, off the GUI thread."""
        library, lang, entry = self.ctx.library, self.ctx.lang, self.entry
        if "›" in entry.file:  # a row that came from a city summary: only its figures exist
            self.text.setPlainText(self._from_summary())
            return
        head = {
            "ok": self.tr(
                "Check: ok. What the workbook shows is what its answers give (a self-assessment: the answers themselves are the factory's declaration)."
            ),
            "edited": self.tr("Integrity: EDITED after export."),
            "invalid": self.tr("Integrity: INVALID, not a readable submission."),
            "unchecked": self.tr(
                "Not recomputed: the summary this row came from carries no answers, so its"
                " figures are copied as they were."
            ),
        }

        def work() -> str:
            from factory_grader.services.report import render_text
            from factory_grader.services.submission import verify_workbook

            assert library is not None
            verdict = verify_workbook(Path(entry.file), library)
            who = " · ".join(
                x for x in (entry.name, entry.credit_code, entry.city, entry.industry) if x
            )
            lines = [who, entry.file, "", head[verdict.status.value]]
            lines += [f"  - {f.message}" for f in verdict.findings]
            if verdict.answers is not None and verdict.result is not None:
                lines += ["", render_text(verdict.result, verdict.answers, library, lang)]
            return "\n".join(lines)

        def shown(text: str) -> None:
            self.text.setPlainText(text)

        def failed(exc: BaseException) -> None:
            from factory_grader.ui.words import error_text

            self.text.setPlainText(error_text(exc, self.ctx.lang))

        self.ctx.background.run(work, shown, failed)

    def _from_summary(self) -> str:
        e = self.entry
        score = "" if e.score_hundredths is None else f"{e.score_hundredths / 100:.2f}"
        return "\n".join(
            [
                self.tr(
                    "This row comes from a summary workbook; open the original file for the"
                    " full result."
                ),
                "",
                f"{e.name}  {e.credit_code}  {e.city}  {e.industry}",
                f"S = {score}  ({e.level})  {e.tier or '—'}",
                e.file,
            ]
        )
