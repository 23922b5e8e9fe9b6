"""帮助 → 关于 → 第三方软件许可: each part the app is built from, its licence, and the text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factory_grader.services.licences import Notice, notices
from factory_grader.ui.resources import resources_root


class LicencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Third-party software licences"))
        self.notices: list[Notice] = notices(resources_root())
        self.list = QListWidget()
        self.list.addItems([f"{n.name} {n.version} — {n.licence}" for n in self.notices])
        self.text = QPlainTextEdit(readOnly=True)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.text)
        split.setSizes([300, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self.show_notice)
        self.list.setCurrentRow(0)
        self.resize(900, 560)

    def show_notice(self, row: int) -> None:
        if not 0 <= row < len(self.notices):
            return
        notice = self.notices[row]
        parts = [f"{notice.name} {notice.version}\n{notice.licence}"]
        parts += [f"── {name} ──\n{text}" for name, text in notice.texts]
        if not notice.texts:
            parts.append(self.tr("(no licence text comes with this package)"))
        self.text.setPlainText("\n\n".join(parts))
