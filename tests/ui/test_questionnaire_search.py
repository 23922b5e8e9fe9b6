"""The questionnaire's search (issue 15 §4): typed quickly, every character stays and the cards
are rebuilt once typing pauses, not at every key; it finds requirements by their evidence hints
too; Esc clears it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from factory_grader.ui.main_window import QUESTIONNAIRE
from tests.ui.conftest import load_example


def test_search_by_evidence_typed_quickly_and_cleared_by_esc(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    window.go(QUESTIONNAIRE)
    page = window.questionnaire
    form = window.ctx.library.form_for(window.ctx.session.answers)
    industry = window.ctx.session.answers.industry_type
    # typed as keys: the English hint's first words (QTest types Latin letters only)
    target = next(
        r
        for r in form.requirements
        if industry in r.applies_to
        and r.evidence.en[:12].isascii()
        and r.evidence.en[:12].casefold() not in f"{r.text.zh} {r.text.en}".casefold()
    )
    needle = target.evidence.en[:12]
    expected = [
        r.id
        for r in form.requirements
        if industry in r.applies_to
        and needle.casefold()
        in f"{r.id} {r.text.zh} {r.text.en} {r.evidence.zh} {r.evidence.en}".casefold()
    ][:60]
    assert target.id in expected

    builds: list[int] = []
    real_build = page._build_rows
    page._build_rows = lambda shown: (builds.append(len(shown)), real_build(shown))[1]
    page.search.setFocus()
    QTest.keyClicks(page.search, needle)  # one key after another, no pause between
    assert page.search.text() == needle  # nothing lost
    assert builds == []  # nothing rebuilt while typing
    qtbot.waitUntil(lambda: builds == [len(expected)], timeout=5000)
    assert [row.requirement.id for row in page.rows] == expected

    QTest.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    qtbot.waitUntil(lambda: len(builds) == 2, timeout=5000)  # the sub-domain's cards again
    sub = page._current_subdomain()
    assert all(row.requirement.subdomain_id == sub for row in page.rows)


def test_next_unanswered_across_sub_domains_and_keys_at_once(qtbot, open_window) -> None:
    """N (or 下一个未答) goes to each unanswered requirement in turn, in the questionnaire's
    order, whatever sub-domain it is in; coming back to the page by the navigation, keys 1–5
    work at once on the card it selects."""
    import json

    from factory_grader.domain.maturity_model import Grade
    from factory_grader.services.examples import example_answers_path
    from factory_grader.ui.main_window import PAGES, START

    window = open_window()
    load_example(qtbot, window)
    page = window.questionnaire
    form = window.ctx.library.form_for(window.ctx.session.answers)
    stored = json.loads(example_answers_path().read_text(encoding="utf-8"))["requirements"]
    industry = window.ctx.session.answers.industry_type
    missing = [  # the example leaves these unanswered (null), in the questionnaire's order
        r.id
        for r in form.requirements
        if industry in r.applies_to and stored.get(r.id, "absent") is None
    ]
    assert len(missing) == 3  # 301 of 304 answered

    def focused() -> str | None:
        focus = window.focusWidget()
        row = next((r for r in page.rows if r is focus or r.isAncestorOf(focus)), None)
        return row.requirement.id if row else None

    seen = []
    for _ in range(4):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_N)
        qtbot.waitUntil(lambda: focused() in missing, timeout=5000)
        seen.append(focused())
        assert page._current_subdomain() == form.requirement(seen[-1]).subdomain_id
    assert seen == [*missing, missing[0]]  # each in order, then round again

    window.go(START)
    window.nav.setCurrentRow(PAGES.index(QUESTIONNAIRE))  # as a click in the navigation
    qtbot.waitUntil(lambda: focused() == missing[0], timeout=5000)  # its first unanswered
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_2)
    qtbot.waitUntil(lambda: window.ctx.session.answers.grade(missing[0]) is Grade.MOST)


def test_choosing_a_sub_domain_shows_its_first_unanswered_requirement(qtbot, open_window) -> None:
    """销售 has one requirement the example leaves unanswered, at level 5: far down its list."""
    window = open_window()
    load_example(qtbot, window)
    window.go(QUESTIONNAIRE)
    page = window.questionnaire
    window.activateWindow()
    # coming to the page put the focus on a card of the first sub-domain: settled
    qtbot.waitUntil(lambda: window.focusWidget() in page.rows, timeout=5000)
    page.tree.setFocus()  # choosing in the tree, as with the mouse or the arrow keys
    page.tree.setCurrentItem(page._items["sales"])
    qtbot.waitUntil(lambda: page._current_subdomain() == "sales")
    answers = window.ctx.session.answers
    [row] = [r for r in page.rows if answers.grade(r.requirement.id) is None]
    assert row.requirement.level == 5 and row is not page.rows[0]

    def in_view() -> bool:
        top = row.mapTo(page.cards.viewport(), row.rect().topLeft()).y()
        return 0 <= top < page.cards.viewport().height()

    qtbot.waitUntil(in_view, timeout=5000)
