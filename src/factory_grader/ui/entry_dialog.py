"""One compared workbook's full result, read-only: integrity first, then the whole report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from factory_grader.domain.comparison import Entry, EntryStatus
from factory_grader.domain.errors import InputError
from factory_grader.ui.context import AppContext
from factory_grader.wording import NO_TIER


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
        if "›" in entry.file:  # a row that came from a city summary: only its figures exist
            self.text.setPlainText(self._from_summary(head))
            return

        def work() -> str:
            from factory_grader.services.notices import finding_sentence
            from factory_grader.services.report import render_text
            from factory_grader.services.submission import verify_workbook

            assert library is not None
            verdict = verify_workbook(Path(entry.file), library)
            who = " · ".join(
                x for x in (entry.name, entry.credit_code, entry.city, entry.industry) if x
            )
            lines = [who, entry.file, "", head[verdict.status.value]]
            lines += [f"  - {finding_sentence(f, lang)}" for f in verdict.findings]
            if verdict.answers is not None and verdict.result is not None:
                lines += ["", render_text(verdict.result, verdict.answers, library, lang)]
            return "\n".join(lines)

        def shown(text: str) -> None:
            self.text.setPlainText(text)

        def failed(exc: BaseException) -> None:
            from factory_grader.ui.error_words import error_text

            self.text.setPlainText(error_text(exc, self.ctx.lang))

        self.ctx.background.read(work, shown, failed)

    def _from_summary(self, head: dict[str, str]) -> str:
        """A row from a city summary: its figures by name, and why it is not ok."""
        e, library = self.entry, self.ctx.library
        score = "" if e.score_hundredths is None else f"{e.score_hundredths / 100:.2f}"
        tier, level = e.tier or "—", "" if e.level is None else str(e.level)
        rules = None
        if library is not None and e.rules_id:
            try:
                rules = library.rules(e.rules_id)
            except InputError:
                rules = None  # a rule set this app does not have: the ids as they are
        if library is not None and rules is not None:
            names = {t.id: self.ctx.text(t.name) for t in rules.tiers}
            tier = names.get(e.tier, NO_TIER.get(self.ctx.lang))
            form = library.maturity(rules.form_id)
            bands = {b.level: self.ctx.text(b.name) for b in form.bands}
            level = bands.get(e.level, level) if e.level is not None else level
        lines = [
            self.tr(
                "This row comes from a summary workbook; open the original file for the"
                " full result."
            ),
            "",
            " · ".join(x for x in (e.name, e.credit_code, e.city, e.industry) if x),
            f"S = {score} · {level} · {tier}",
            e.file,
        ]
        if e.status in head and e.status is not EntryStatus.OK:
            reason = e.reason_zh if self.ctx.lang == "zh" and e.reason_zh else e.reason
            lines += ["", head[e.status], f"  - {reason}"]
        return "\n".join(lines)
