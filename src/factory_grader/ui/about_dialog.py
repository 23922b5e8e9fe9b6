"""About: version, form and rule-set versions, and what the result is (and is not)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from factory_grader import __version__
from factory_grader.ui.context import AppContext


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
    QMessageBox.about(parent, QCoreApplication.translate("About", "About"), "".join(lines))
