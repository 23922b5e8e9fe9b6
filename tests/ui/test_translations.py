"""Every screen, in both languages, walked widget by widget: nothing left untranslated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from factory_grader.ui.export_dialog import ExportDialog
from factory_grader.ui.main_window import PAGES, PROFILE
from factory_grader.ui.new_assessment_dialog import NewAssessmentDialog
from factory_grader.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import load_example

#: Proper names that stay Chinese in English: the app's own name, the official platform's, and
#: official designations the English data glosses in brackets.
PROPER_NAMES = (
    "智能工厂梯度评估",
    "智能制造评估评价公共服务平台",
    "专精特新",
    "无欠税证明",
    "等保",
)
#: Lower-case words that are not English prose: file names, e-mail parts, the brand.
NOT_PROSE = {"factory", "grader", "example", "demo", "com", "sqlite", "json", "ctrl"}
CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]{2,}")  # has lower case: not an acronym
REQUIREMENT_ID = re.compile(r"[a-z-]+\.L\d\.\d\d")
HTML = re.compile(r"<[^>]+>|&nbsp;")


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(widget description, text) for every piece of interface text under root. User data
    (what people typed, the names of their factories) is left out on purpose."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str) -> None:
        if text and widget.objectName() not in ("userData", "languageChoice"):
            found.append((f"{type(widget).__name__}#{widget.objectName()}", HTML.sub(" ", text)))

    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        elif isinstance(w, QProgressBar):
            add(w, w.format())
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                add(w, w.horizontalHeaderItem(c).text())
        elif isinstance(w, QListWidget) and w.objectName() != "userData":
            for i in range(w.count()):
                add(w, w.item(i).text())
        elif isinstance(w, QTreeWidget):
            for item in w.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
                add(w, item.text(0))
        elif isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                add(w, w.itemText(i))
        if w.accessibleName():
            add(w, w.accessibleName())
    return found


def untranslated(lang: str, texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    bad = []
    for where, text in texts:
        if lang == "zh":
            words = [
                w
                for w in ENGLISH_WORD.findall(REQUIREMENT_ID.sub(" ", text))
                if w.lower() not in NOT_PROSE
            ]
            if words:
                bad.append((where, text))
        else:
            stripped = text
            for name in PROPER_NAMES:
                stripped = stripped.replace(name, "")
            if CJK.search(stripped):
                bad.append((where, text))
    return bad


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_is_fully_translated(qtbot, open_window, lang: str) -> None:
    window = open_window(lang)
    load_example(qtbot, window)
    window.db_label.setObjectName("userData")  # a file path
    factory = window.ctx.session.summary.factory_name  # user data, in the title too
    texts = [("title", window.windowTitle().replace(factory, ""))]
    for menu in (window.file_menu, window.view_menu, window.help_menu):
        texts.append(("menu", menu.title()))
        texts += [("action", a.text()) for a in menu.actions()]
    for page, name in enumerate(PAGES):
        window.go(name)
        qtbot.wait(50)
        start = window.start
        start.table.setObjectName("userData")
        texts += [("nav", window.nav.item(page).text())]
        texts += visible_texts(window.stack.currentWidget())
    texts += visible_texts(window.panel)
    dialogs = (
        NewAssessmentDialog(window.ctx, window),
        SettingsDialog(window.ctx, window),
        ExportDialog(window.ctx, Path("/tmp"), window),
    )
    for dialog in dialogs:
        texts += [("dialog", dialog.windowTitle()), *visible_texts(dialog)]
    profile = window.page(PROFILE)
    for edit in profile.edits.values():
        assert edit.text() == "" or edit.objectName() != "userData"  # typed values not checked
    assert len(texts) > 500
    assert untranslated(lang, texts) == []


def test_every_source_string_has_a_chinese_translation() -> None:
    """Catches strings on screens the walk above does not reach (messages, rare states)."""
    import xml.etree.ElementTree as ET

    from factory_grader.ui.resources import resources_root

    ts = ET.parse(resources_root() / "translations" / "factory_grader_zh_CN.ts")
    messages = list(ts.iter("message"))
    assert len(messages) > 150
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_the_translation_file_holds_every_string_the_code_asks_for(tmp_path: Path) -> None:
    """The check above reads only the .ts: a tr() added to the code without running lupdate
    would show in English in the Chinese UI. Extract anew from src/ and compare."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    from factory_grader.ui.resources import resources_root

    def messages(ts: Path) -> set[tuple[str, str]]:
        root = ET.parse(ts).getroot()
        return {
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context")
            for message in context.iter("message")
        }

    ui = Path(__file__).resolve().parents[2] / "src" / "factory_grader" / "ui"
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [lupdate, *sorted(str(p) for p in ui.rglob("*.py")), "-ts", str(fresh), "-silent"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    asked = messages(fresh)
    assert len(asked) > 300
    committed = messages(resources_root() / "translations" / "factory_grader_zh_CN.ts")
    assert sorted(asked - committed) == []
