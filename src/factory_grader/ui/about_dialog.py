"""About: version, form and rule-set versions, and what the result is (and is not)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from factory_grader import __version__
from factory_grader.ui.context import AppContext
from factory_grader.ui.licences_dialog import LicencesDialog


def show_about(ctx: AppContext, parent: QWidget) -> None:
    title = QCoreApplication.translate("About", "智能工厂梯度评估 — Smart-factory tier assessment")
    lines = [f"<h3>{title}</h3>", f"<p>factory-grader {__version__}</p>"]
    if ctx.library is not None:
        rows = "".join(
            f"<li>{ctx.text(e.name)}: {e.id} {e.version}</li>" for e in ctx.library.entries()
        )
        lines.append(f"<ul>{rows}</ul>")
        form = ctx.library.maturity("cmmm-2020")
        lines.append(f"<p>{ctx.text(form.disclaimer)}</p><p>{ctx.text(form.weights_note)}</p>")
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About"))
    box.setText("".join(lines))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    licences = box.addButton(
        QCoreApplication.translate("About", "Third-party licences…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    licences.clicked.disconnect()  # (else the box closes first)
    licences.clicked.connect(lambda: LicencesDialog(box).exec())
    box.exec()
