"""Pages render and tell the controller what the user wants (issue 14 §2): none of them reaches
into the main window, and each is addressed by a stable name."""

from __future__ import annotations

import ast
from pathlib import Path

import factory_grader.ui.pages as pages_package
from factory_grader.ui.controller import PAGES
from factory_grader.ui.page_names import PageName

PAGES_DIR = Path(pages_package.__file__).parent


def test_no_page_reaches_into_the_window() -> None:
    found = []
    for path in sorted(PAGES_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in {"window_", "window"}:
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Name) and node.id in {"window", "MainWindow"}:
                found.append(f"{path.name}:{node.lineno} {node.id}")
    assert found == []


def test_pages_have_stable_names_in_navigation_order() -> None:
    assert [p.value for p in PAGES] == [
        "start",
        "profile",
        "questionnaire",
        "scenarios",
        "conditions",
        "workshop",
        "results",
        "finalise",
        "compare",
    ]
    assert set(PAGES) == set(PageName)


def test_every_page_is_made_under_its_name(qtbot, open_window) -> None:
    from factory_grader.ui.pages.compare_page import ComparePage
    from factory_grader.ui.pages.questionnaire_page import QuestionnairePage
    from factory_grader.ui.pages.results_page import ResultsPage
    from factory_grader.ui.pages.start_page import StartPage

    window = open_window()
    assert list(window.pages) == list(PAGES)
    assert isinstance(window.page(PageName.START), StartPage)
    assert isinstance(window.page(PageName.QUESTIONNAIRE), QuestionnairePage)
    assert isinstance(window.page(PageName.RESULTS), ResultsPage)
    assert isinstance(window.page(PageName.COMPARE), ComparePage)
    for row, name in enumerate(PAGES):  # the navigation shows them in the same order
        assert window.nav_item(name) is window.nav.item(row)
    for name in (PageName.COMPARE, PageName.START):  # usable with no assessment open
        window.go(name)
        assert window.current_page is name and window.stack.currentWidget() is window.page(name)
