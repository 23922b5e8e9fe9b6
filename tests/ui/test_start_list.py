"""The start list (issue 14 §2): shown from the verdicts stored with each assessment, without
rescoring; rows without one are scored in the background and filled in, a row that cannot be
scored says so in the row; sorting by a header click, double-click opens."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from factory_grader.domain.records import StoredVerdict, Verdict
from factory_grader.forms.library import FormLibrary
from factory_grader.services import verdicts
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.demo import demo_answers
from factory_grader.services.examples import example_answers_path
from factory_grader.services.scoring_service import score_answers
from factory_grader.ui.page_names import PageName
from tests.damage import wreck_a_table_page
from tests.ui.conftest import answer_next_dialog, wait_idle

LEVEL, TIER = 5, 6


def texts(start, column: int) -> list[str]:
    """A column as the list shows it, top to bottom."""
    return [start.proxy.index(r, column).data() for r in range(start.proxy.rowCount())]


def names(library: FormLibrary, verdict: Verdict, rules_id: str = "hainan-2025") -> tuple:
    level = library.maturity("cmmm-2020").band_for_level(verdict.level).name.zh
    tier = library.rules(rules_id).tier(verdict.tier).name.zh if verdict.tier else "无"
    return level, tier


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every score_answers call made to list or store verdicts, counted by a wrapper around the
    real function."""
    calls: list[int] = []
    real = verdicts.score_answers

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(verdicts, "score_answers", counting)
    return calls


def make_database(path: Path, library: FormLibrary, count: int) -> list[int]:
    """`count` demo factories (each with the verdict stored at import)."""
    service, db = open_service(f"sqlite:///{path}", library)
    try:
        rng = random.Random(14)
        return [service.import_answers(demo_answers(library, rng)).id for _ in range(count)]
    finally:
        db.close()


def forget_verdicts(window) -> None:
    """As a database migrated to schema 0006 is: no verdict stored."""
    with window.ctx.database.engine.begin() as conn:
        conn.execute(text("UPDATE assessment SET verdict_level = NULL, verdict_rev = NULL"))


def test_stored_verdicts_are_shown_without_rescoring(
    qtbot, open_window, tmp_path: Path, library, counted
) -> None:
    db = tmp_path / "gui.db"
    service, handle = open_service(f"sqlite:///{db}", library)
    answers = read_answers_file(example_answers_path(), library)
    plain = service.import_answers(answers)
    other = {**answers.profile, "name": "乙厂", "credit_code": ""}  # another factory
    marked = service.import_answers(replace(answers, profile=other))
    # A verdict no scoring of these answers gives, stored as current (its revision and basis):
    # only a list that shows what is stored shows it.
    basis = verdicts.verdict_basis(library, service.answers(marked.id))
    stored = StoredVerdict(Verdict(480, 5, "leading"), 0, basis)
    assert service.store.store_verdicts({marked.id: stored}) == {marked.id}
    handle.close()
    counted.clear()  # (the imports scored their answers)

    window = open_window(db=db)
    start = window.start
    qtbot.waitUntil(lambda: start.proxy.rowCount() == 2, timeout=20000)
    wait_idle(qtbot, window)
    assert texts(start, 0) == [plain.factory_name, "乙厂"]
    assert texts(start, LEVEL) == ["二级（规范级）", "五级（引领级）"]
    assert texts(start, TIER) == ["基础级", "领航级"]
    assert start.status.text() == ""
    assert counted == []  # nothing was rescored


def test_rows_without_a_verdict_are_scored_in_the_background(
    qtbot, open_window, tmp_path: Path, library, counted
) -> None:
    db = tmp_path / "gui.db"
    ids = make_database(db, library, 30)  # more than one background batch
    window = open_window(db=db)
    start, service = window.start, window.ctx.service
    qtbot.waitUntil(lambda: start.proxy.rowCount() == 30, timeout=20000)
    with window.ctx.database.engine.begin() as conn:  # one row that cannot be scored here
        conn.execute(text("UPDATE assessment SET rules_id = 'gone-2099' WHERE id = :i"), {"i": 7})
    forget_verdicts(window)
    counted.clear()

    at_listing: list[list[str]] = []
    start.listed.connect(lambda: at_listing.append(texts(start, LEVEL)))
    start.reload()
    qtbot.waitUntil(lambda: bool(at_listing) and not start.model.pending(), timeout=30000)
    wait_idle(qtbot, window)

    assert at_listing[0] == ["计算中…"] * 30  # shown at once, before any was scored
    assert len(counted) == 30  # each scored once (the one with no rule set here failing)
    shown = list(zip(texts(start, 0), texts(start, LEVEL), texts(start, TIER), strict=True))
    for ident, row in zip(ids, shown, strict=True):  # (listed in the order they were made)
        summary = service.summary(ident)
        if ident == 7:
            assert row[1:] == ("无法计算", "无法计算")
            tip = start.proxy.index(ident - 1, LEVEL).data(Qt.ItemDataRole.ToolTipRole)
            assert "gone-2099" in tip
            continue
        verdict = verdicts.verdict_of(score_answers(library, service.answers(ident)))
        assert row == (summary.factory_name, *names(library, verdict))
    stored = {x.summary.id: x.verdict for x in verdicts.list_with_verdicts(service)}
    assert [i for i, v in stored.items() if v is None] == [7]  # written back, all but that one
    assert start.status.text() == ""


def test_sort_by_a_header_click_keep_the_selection_and_open(
    qtbot, open_window, tmp_path: Path, library
) -> None:
    db = tmp_path / "gui.db"
    make_database(db, library, 12)
    window = open_window(db=db)
    start = window.start
    qtbot.waitUntil(lambda: start.proxy.rowCount() == 12, timeout=20000)
    levels = [start.model.rows[r].verdict.level for r in range(12)]
    assert len(set(levels)) > 1

    header = start.table.horizontalHeader()
    x = header.sectionViewportPosition(LEVEL) + header.sectionSize(LEVEL) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    by_level = [start.proxy.index(r, LEVEL).data(start.proxy.sortRole()) for r in range(12)]
    assert by_level in (sorted(levels), sorted(levels, reverse=True))
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    again = [start.proxy.index(r, LEVEL).data(start.proxy.sortRole()) for r in range(12)]
    assert again == by_level[::-1]  # the other way round

    start.table.selectRow(3)
    chosen = start.selected()
    assert chosen is not None and start.open_button.isEnabled()
    start.reload()  # e.g. another page changed something: the same assessment stays selected
    qtbot.waitUntil(lambda: not window.ctx.background.busy, timeout=20000)
    assert start.selected() == chosen

    index = start.table.selectionModel().selectedRows()[0]
    rect = start.table.visualRect(index)
    with qtbot.waitSignal(start.open_requested, timeout=5000) as opened:
        # a double click as the system delivers it: press and release, then the double click
        QTest.mouseClick(start.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(start.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [chosen.id]
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=20000)
    wait_idle(qtbot, window)
    assert window.ctx.session.assessment_id == chosen.id


def test_the_list_shows_before_the_database_is_open_and_a_row_chosen_then_opens(
    qtbot, open_window, tmp_path: Path, library
) -> None:
    """Issue 14 §2: the rows come straight from the file, before SQLAlchemy and the full open
    (storage/early_list.py); what can change data waits for the open, and an assessment chosen
    in that moment is opened once the pages are there, not dropped."""
    db = tmp_path / "gui.db"
    ids = make_database(db, library, 5)
    early: list[dict] = []

    def watch(window) -> None:
        start, real = window.start, window.start.show_early

        def show_early(listed) -> None:
            real(listed)
            early.append(
                {
                    "service": window.ctx.service,
                    "names": texts(start, 0),
                    "levels": texts(start, LEVEL),
                    "delete": start.delete_button.isEnabled(),
                    "new": start.new_button.isEnabled(),
                    "status": start.status.text(),
                }
            )
            start.select(ids[2])
            start.open_button.click()  # before the database is open for work

        start.show_early = show_early

    window = open_window(db=db, while_loading=watch)
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=20000)
    wait_idle(qtbot, window)

    service = window.ctx.service
    assert len(early) == 1
    seen = early[0]
    assert seen["service"] is None  # shown before the open
    assert seen["names"] == [service.summary(i).factory_name for i in ids]
    expected = [
        names(library, verdicts.verdict_of(score_answers(library, service.answers(i)))) for i in ids
    ]
    assert seen["levels"] == [level for level, _ in expected]  # the stored verdicts, at once
    assert seen["delete"] is False and seen["new"] is False  # changes wait for the open
    assert seen["status"] == "正在打开数据库…"
    assert window.ctx.session.assessment_id == ids[2]  # the early choice, opened
    assert window.current_page == PageName.QUESTIONNAIRE
    assert window.start.delete_button.isEnabled()  # (the open is done: changes may follow)


def test_rows_read_early_are_not_left_when_the_database_cannot_be_opened(
    qtbot, open_window, tmp_path: Path, library
) -> None:
    db = tmp_path / "gui.db"
    make_database(db, library, 3)
    wreck_a_table_page(db)  # (the answers: the list's own tables still read)
    shown: list[int] = []

    def watch(window) -> None:
        real = window.start.show_early
        window.start.show_early = lambda listed: (real(listed), shown.append(len(listed)))

    said: list[str] = []
    answer_next_dialog(QMessageBox.StandardButton.Ok, texts=said)
    window = open_window(db=db, while_loading=watch, opens=False)
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert shown == [3]  # the rows were read early
    assert "损坏" in said[0]  # then the open found the damage and said so
    assert window.ctx.service is None
    assert window.start.proxy.rowCount() == 0  # and they are not left as if it could be used
    assert window.start.empty.isHidden()  # (nor "no assessment yet": nothing is known)


def test_rows_read_early_without_a_verdict_are_scored_once_the_database_is_open(
    qtbot, open_window, tmp_path: Path, library
) -> None:
    """As right after the upgrade to schema 0006: the early rows show 计算中…, and once the
    database is open for work (no second listing) each is scored and filled in."""
    db = tmp_path / "gui.db"
    ids = make_database(db, library, 4)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE assessment SET verdict_level = NULL, verdict_rev = NULL")
    conn.close()
    early: list[list[str]] = []

    def watch(window) -> None:
        start, real = window.start, window.start.show_early

        def show_early(listed) -> None:
            real(listed)
            early.append(texts(start, LEVEL))

        start.show_early = show_early

    window = open_window(db=db, while_loading=watch)
    start, service = window.start, window.ctx.service
    qtbot.waitUntil(lambda: not start.model.pending(), timeout=30000)
    wait_idle(qtbot, window)
    assert early == [["计算中…"] * 4]
    expected = [
        names(library, verdicts.verdict_of(score_answers(library, service.answers(i))))[0]
        for i in ids
    ]
    assert texts(start, LEVEL) == expected
    assert start.status.text() == ""
