"""Every page of the Chinese UI, with invalid inputs typed into every checked field, shows no
sentence in Latin letters only: labels, buttons, placeholders, list and tree rows, combo items,
group titles, table headers and every tooltip (issue 15 §6). A Latin run of three words or more
with no Chinese beside it is an untranslated sentence; names that are Latin by nature (ids,
paths, "S = 2.24", "ISO 9001") are not three words."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTreeWidget,
    QWidget,
)

from factory_grader.ui.page_names import PAGES, PageName
from tests.ui.conftest import load_example, wait_idle

#: three Latin words in a row (an id such as advanced.digital-supply-chain is one "word")
LATIN_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'’]+[A-Za-z]{2,}){2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")
#: Latin by nature, in any language: the database path's folder names, and the national
#: platform's and standards' own names are Chinese already.
ALLOWED = re.compile(r"^(?:sqlite|postgresql)|/tmp/|pytest-of")


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything a person can read on or over this widget."""
    found: list[tuple[str, str]] = []
    name = type(widget).__name__
    if widget.toolTip():
        found.append((f"{name} tooltip", widget.toolTip()))
    if isinstance(widget, (QLabel, QAbstractButton)):
        found.append((name, widget.text()))
    elif isinstance(widget, QLineEdit):
        found.append((f"{name} placeholder", widget.placeholderText()))
    elif isinstance(widget, QGroupBox):
        found.append((name, widget.title()))
    elif isinstance(widget, QComboBox):
        found += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QListWidget):
        for i in range(widget.count()):
            item = widget.item(i)
            found += [(f"{name} row", item.text()), (f"{name} row tooltip", item.toolTip())]
    elif isinstance(widget, QTreeWidget):
        stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while stack:
            item = stack.pop()
            for column in range(widget.columnCount()):
                found += [(f"{name} row", item.text(column)), (f"{name} tip", item.toolTip(column))]
            stack += [item.child(i) for i in range(item.childCount())]
    elif isinstance(widget, QTableView) and widget.model() is not None:
        model = widget.model()
        found += [
            (f"{name} header", str(model.headerData(c, widget.horizontalHeader().orientation())))
            for c in range(model.columnCount())
        ]
    return found


def _english_sentences(root: QWidget) -> list[str]:
    bad = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        for where, text in _texts(widget):
            plain = re.sub(r"<[^>]+>", " ", text or "")
            for line in plain.splitlines():
                if CJK.search(line) or ALLOWED.search(line):
                    continue
                if LATIN_SENTENCE.search(line):
                    bad.append(f"{where}: {line.strip()}")
    return bad


def test_every_page_in_chinese_has_no_english_sentence(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    profile = window.page(PageName.PROFILE)
    window.go(PageName.PROFILE)
    for field, wrong in (
        ("credit_code", "91460100MA5T1234XY"),  # wrong check character
        ("phone", "call me"),
        ("email", "not an address"),
    ):
        edit = profile.edits[field]
        edit.setText(wrong)
        edit.editingFinished.emit()
    wait_idle(qtbot, window)
    assert any(label.text() for label in profile.problems.values())  # the checks did speak
    found: dict[str, list[str]] = {}
    for page in PAGES:
        window.go(page)
        wait_idle(qtbot, window)
        bad = _english_sentences(window)
        if bad:
            found[page.value] = bad
    assert found == {}
