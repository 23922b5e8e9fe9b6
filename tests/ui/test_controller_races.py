"""Reads run side by side and come back in any order (ui/background.py): the controller keeps
only the latest open and the latest conflict count; what the user asks for before the pages are
built still happens (and the quiet reopen of the last assessment yields to it); nothing runs or
is delivered after the window has closed. Each race is forced by holding one read on an event
the test releases: no sleeping."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from factory_grader.domain.errors import AnswerConflict
from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote
from factory_grader.services import verdicts
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.examples import example_answers_path
from factory_grader.ui.app import build
from factory_grader.ui.main_window import QUESTIONNAIRE, RESULTS
from factory_grader.ui.preferences import Preferences
from tests.ui.conftest import wait_idle
from tests.ui.test_start_list import forget_verdicts, make_database


def _stored_example(db: Path, library, copies: int = 1, name: str | None = None) -> list[int]:
    service, handle = open_service(f"sqlite:///{db}", library)
    try:
        answers = read_answers_file(example_answers_path(), library)
        if name is not None:  # another factory: the example button makes a new one
            answers = replace(answers, profile={**answers.profile, "name": name})
        return [service.import_answers(answers).id for _ in range(copies)]
    finally:
        handle.close()


def test_the_assessment_asked_for_last_is_the_one_opened(
    qtbot, open_window, tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "gui.db"
    first, second = _stored_example(db, library, copies=2)
    window = open_window(db=db)
    service = window.ctx.service
    gate = threading.Event()
    real_sheet = service.sheet

    def sheet(assessment_id: int):
        if assessment_id == first:
            assert gate.wait(20)  # the first one loads slowly
        return real_sheet(assessment_id)

    monkeypatch.setattr(service, "sheet", sheet)
    window.controller.open_assessment(first)
    window.controller.open_assessment(second)
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=20000)
    assert window.ctx.session.assessment_id == second
    gate.set()  # the first arrives now, after the second
    wait_idle(qtbot, window)
    assert window.ctx.session.assessment_id == second
    assert window.ctx.preferences.last_assessment == second


def test_a_count_overtaken_by_a_later_one_is_dropped(
    qtbot, open_window, tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "gui.db"
    [aid] = _stored_example(db, library)
    window = open_window(db=db)
    window.controller.open_assessment(aid)
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=20000)
    wait_idle(qtbot, window)
    service = window.ctx.service
    version = service.sheet(aid).requirements["data.L2.01"].version
    service.save_requirement(aid, "data.L2.01", Grade.FULL, RequirementNote("A"), version)
    with pytest.raises(AnswerConflict):  # a stale save: one open conflict
        service.save_requirement(aid, "data.L2.01", Grade.NONE, RequirementNote("B"), version)
    [conflict] = service.conflicts(aid)

    gate, calls = threading.Event(), []
    real_conflicts = service.conflicts

    def conflicts(assessment_id: int):
        found = real_conflicts(assessment_id)
        calls.append(len(found))
        if len(calls) == 1:
            assert gate.wait(20)  # the first count, made before the resolve, comes back last
        return found

    monkeypatch.setattr(service, "conflicts", conflicts)
    window.controller.count_conflicts()
    qtbot.waitUntil(lambda: calls == [1], timeout=20000)
    service.resolve_conflict(conflict.id)
    window.controller.count_conflicts()
    qtbot.waitUntil(lambda: calls == [1, 0], timeout=20000)
    qtbot.waitUntil(lambda: window.conflicts_button.isHidden(), timeout=20000)
    gate.set()
    wait_idle(qtbot, window)
    assert window.controller.open_conflicts == 0  # not the stale 1
    assert window.conflicts_button.isHidden()


def test_what_is_asked_for_before_the_pages_exist_still_happens(
    qtbot, tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list is slow; the user loads the example meanwhile. It opens on the questionnaire,
    and the last assessment's quiet reopen (at its saved page, 评估结果) does not take over.
    (The list is read through the open database: its URL has an escape, which the early read
    leaves to SQLAlchemy — storage/early_list.py.)"""
    db = tmp_path / "gui x.db"
    url = f"sqlite:///{tmp_path}/gui%20x.db"
    [last] = _stored_example(db, library, name="乙厂")
    prefs = Preferences()
    prefs.last_assessment = last
    from PySide6.QtCore import QByteArray

    prefs.save_window(QByteArray(), RESULTS)
    gate = threading.Event()
    real_list = verdicts.list_with_verdicts

    def slow_list(service):
        assert gate.wait(20)
        return real_list(service)

    monkeypatch.setattr(verdicts, "list_with_verdicts", slow_list)
    window = build(url, QApplication.instance())
    qtbot.addWidget(window)
    window.show()
    window.start_loading()
    try:
        qtbot.waitUntil(lambda: window.start.example_button.isEnabled(), timeout=20000)
        assert window.ctx.db_name == str(db)  # (the escape read as SQLAlchemy reads it)
        assert QUESTIONNAIRE not in window.pages  # built once the list has shown
        window.start.example_button.click()
        qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=20000)
        example = window.ctx.session.assessment_id
        assert example != last
        gate.set()
        qtbot.waitUntil(lambda: QUESTIONNAIRE in window.pages, timeout=20000)
        wait_idle(qtbot, window)
        assert window.ctx.session.assessment_id == example  # not the quiet reopen of `last`
        assert window.current_page is QUESTIONNAIRE
    finally:
        gate.set()
        window.close()
        window.ctx.background.wait()


def test_nothing_runs_or_arrives_after_the_window_closed(
    qtbot, open_window, tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "gui.db"
    make_database(db, library, 120)  # several batches of rescoring
    window = open_window(db=db)
    forget_verdicts(window)
    started: list[int] = []
    real_rescore = verdicts.rescore

    def rescore(service, batch):
        started.append(len(batch))
        return real_rescore(service, batch)

    monkeypatch.setattr(verdicts, "rescore", rescore)
    window.start.reload()
    qtbot.waitUntil(lambda: bool(started), timeout=20000)  # scoring under way
    window.close()  # waits for what is running, then takes nothing more
    before = list(started)
    for _ in range(5):  # deliver whatever had been queued: nothing more may start from it
        QApplication.processEvents()
    assert started == before and len(started) < 5  # 120 rows would be 5 batches
    assert window.ctx.background._writer.activeThreadCount() == 0
    assert window.ctx.background._readers.activeThreadCount() == 0
    window.ctx.background.read(lambda: started.append(-1))  # refused once closed
    window.ctx.background.write(lambda: started.append(-1))
    assert window.ctx.background.wait() and -1 not in started
