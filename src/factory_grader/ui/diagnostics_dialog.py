"""帮助 → 诊断信息: the doctor's report (services/doctor.py) in the UI's language, with a button
that copies it for a support e-mail or chat. The checks run off the GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factory_grader.ui.context import AppContext


class DiagnosticsDialog(QDialog):
    def __init__(self, ctx: AppContext, db_url: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.db_url = ctx, db_url
        self.setWindowTitle(self.tr("Diagnostics"))
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setPlainText(self.tr("Checking…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self._run()

    def _run(self) -> None:
        from factory_grader.services.doctor import report, run_checks
        from factory_grader.ui.diagnostics import qt_checks

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        qt = qt_checks(app)  # here, on the GUI thread: Qt's own state
        library, lang = self.ctx.library, self.ctx.lang

        def work() -> str:
            assert library is not None
            return report(run_checks(self.db_url, library, qt=lambda: qt), lang)

        def shown(text: str) -> None:
            self.text.setPlainText(text)
            self.copy_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.text.setPlainText(str(exc))

        if library is None:
            self.text.setPlainText(self.tr("The forms are still loading; try again in a moment."))
            return
        self.ctx.background.read(work, shown, failed)

    def copy(self) -> None:
        clipboard = QApplication.clipboard()
        clipboard.setText(self.text.toPlainText())
        self.copy_button.setText(self.tr("Copied"))
