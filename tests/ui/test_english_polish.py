"""The English UI reads as English (issue 15 §7): names with "&" from the data show whole
("R&D and design", not "RD" with an underlined D), 环节 is "stage" everywhere, lists are joined
with ", ", and the factories' columns fit their English headers after a language switch."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QGroupBox, QLabel

from factory_grader.ui.page_names import PAGES, PageName
from tests.ui.conftest import load_example, wait_idle
from tests.ui.test_no_english_in_chinese import _texts


def _plain(rich_text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich_text)
    return doc.toPlainText()


def test_names_with_an_ampersand_show_whole(qtbot, open_window) -> None:
    window = open_window("en")
    load_example(qtbot, window)
    window.go(PageName.SCENARIOS)
    titles = [b.title() for b in window.page(PageName.SCENARIOS).findChildren(QGroupBox)]
    # a group box shows "&&" as "&": each title names the stage whole
    assert "Product R&&D  →  R&&D and design" in titles
    assert not any("&" in t.replace("&&", "") for t in titles)
    window.go(PageName.CONDITIONS)
    headings = [
        _plain(label.text())
        for label in window.page(PageName.CONDITIONS).findChildren(QLabel)
        if label.text().startswith("<b>")
    ]
    assert any(h.startswith("R&D and design · ") for h in headings), headings
    window.go(PageName.RESULTS)
    scores = _plain(window.page(PageName.RESULTS).scores.text())
    assert "(Factory construction, R&D and design, Production operations" in scores


def test_no_chinese_list_comma_and_no_huanjie_in_english(qtbot, open_window) -> None:
    window = open_window("en")
    load_example(qtbot, window)
    found = []
    for page in PAGES:
        window.go(page)
        wait_idle(qtbot, window)
        for widget in [window, *window.findChildren(QLabel), *window.findChildren(QGroupBox)]:
            if not widget.isVisibleTo(window):
                continue
            for where, text in _texts(widget):
                if "环节" in (text or "") or "、" in (text or ""):
                    found.append(f"{page.value} {where}: {text}")
        tree_texts = [
            text
            for widget in window.findChildren(type(window.page(PageName.RESULTS).path))
            for _, text in _texts(widget)
        ]
        found += [f"{page.value} list: {t}" for t in tree_texts if "环节" in t or "、" in t]
    assert found == []


def test_the_factories_columns_fit_their_headers_after_a_language_switch(
    qtbot, open_window
) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    window.go(PageName.START)
    start = window.start
    qtbot.waitUntil(lambda: start.model.rowCount() > 0, timeout=20000)
    window.ctx.languages.switch("en")
    qtbot.waitUntil(
        lambda: start.model.headerData(0, start.table.horizontalHeader().orientation()) == "Factory"
    )
    header = start.table.horizontalHeader()
    metrics = header.fontMetrics()
    short = [
        (start.model.headerData(c, header.orientation()), header.sectionSize(c))
        for c in range(1, start.model.columnCount())
        if header.sectionSize(c)
        < metrics.horizontalAdvance(str(start.model.headerData(c, header.orientation())))
    ]
    assert short == []
