"""帮助 → 使用手册 and 术语表, and the "?" beside a term: the manual and the glossary are files in
resources/help (services/help_texts.py), shown in the UI's language."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from factory_grader.domain.text import Lang
from factory_grader.services.help_texts import Term, load_glossary, manual_text
from factory_grader.ui.resources import resources_root

_GLOSSARY: tuple[Term, ...] = ()


def glossary() -> tuple[Term, ...]:
    """The glossary, read once."""
    global _GLOSSARY
    if not _GLOSSARY:
        _GLOSSARY = load_glossary(resources_root())
    return _GLOSSARY


def term(term_id: str) -> Term:
    return next(t for t in glossary() if t.id == term_id)


def explain(term_id: str, lang: Lang, widget: QWidget, at: QPoint | None = None) -> None:
    """The term's one-paragraph explanation in a popup by the widget (closes on the next
    click or key)."""
    entry = term(term_id)
    html = f"<b>{escape(entry.name.get(lang))}</b><p>{escape(entry.explanation.get(lang))}</p>"
    point = at if at is not None else widget.mapToGlobal(widget.rect().bottomLeft())
    QWhatsThis.showText(point, html, widget)


class HelpDialog(QDialog):
    """Rich text in a browser that fits the screen, with a Close button."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(900, area.width() - 40), min(680, area.height() - 80))


def manual_dialog(lang: Lang, parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog(QCoreApplication.translate("HelpDialog", "User manual"), parent)
    dialog.browser.setMarkdown(manual_text(resources_root(), lang))
    return dialog


def glossary_dialog(lang: Lang, parent: QWidget | None = None) -> HelpDialog:
    dialog = HelpDialog(QCoreApplication.translate("HelpDialog", "Glossary"), parent)
    parts = [
        f"<h3>{escape(t.name.get(lang))}</h3><p>{escape(t.explanation.get(lang))}</p>"
        for t in glossary()
    ]
    dialog.browser.setHtml("".join(parts))
    return dialog
