"""Export the submission workbook: the tier applied for (申报等级), the language, the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from factory_grader.ui.context import AppContext
from factory_grader.ui.i18n import LANGUAGES


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from factory_grader.services.submission import suggested_file_name

        self.ctx = ctx
        session, library = ctx.session, ctx.library
        assert session is not None and library is not None and ctx.result is not None
        self.setWindowTitle(self.tr("Export submission workbook"))
        rules = library.rules_for(session.answers)
        reached = ctx.result.tier.tier
        self.claim = QComboBox()
        for tier in rules.tiers:
            self.claim.addItem(ctx.text(tier.name), tier.id)
        self.claim.addItem(self.tr("(not given)"), "")
        self.claim.setCurrentIndex(max(self.claim.findData(reached or ""), 0))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")  # each language in its own name
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(ctx.lang), 0))
        self.path = QLineEdit(str(folder / suggested_file_name(session.answers, ctx.lang)))
        self.path.setObjectName("userData")  # a file name from the company name
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        note = QLabel(
            self.tr(
                "The workbook is a self-assessment for the provincial submission; the official"
                " assessment is done on the national public platform."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("Tier applied for"), self.claim),
            (self.tr("Workbook language"), self.language),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label)
        form.addRow(self.tr("File"), where)
        self.path.setAccessibleName(self.tr("File"))
        form.addRow(note)
        form.addRow(self.buttons)
        self.path.textChanged.connect(self._check)
        self.resize(560, self.sizeHint().height())
        self._check()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export submission workbook"),
            self.path.text(),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            self.path.setText(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")

    def accept(self) -> None:
        """A tier applied for above the one reached: say what it lacks before writing it."""
        if self._claim_confirmed():
            super().accept()

    def _claim_confirmed(self) -> bool:
        from factory_grader.wording import claim_warning

        ctx = self.ctx
        session, library, result = ctx.session, ctx.library, ctx.result
        assert session is not None and library is not None and result is not None
        answers = session.answers
        warning = claim_warning(
            result.tier,
            self.claim.currentData() or None,
            library.form_for(answers),
            library.rules_for(answers),
            library.catalogue_for(answers),
            ctx.lang,
        )
        if warning is None:
            return True
        head, lines = warning
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Tier applied for"))
        box.setText(head)
        box.setInformativeText(
            "\n".join(f"• {line}" for line in lines[:12])
            + (f"\n… +{len(lines) - 12}" if len(lines) > 12 else "")
            + "\n\n"
            + self.tr("The cover will say the claim is above the self-assessed tier.")
        )
        write = box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Change the claim"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is write

    def _check(self) -> None:
        ok = self.path.text().strip().lower().endswith(".xlsx")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def values(self) -> tuple[Path, str | None, str]:
        claim = self.claim.currentData() or None
        return Path(self.path.text().strip()), claim, self.language.currentData()
