"""Settings, evidence files, About, a conflict seen in the window, and accessible names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.records import RequirementNote
from factory_grader.ui.attachments_dialog import AttachmentsDialog
from factory_grader.ui.main_window import PAGES, QUESTIONNAIRE
from factory_grader.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import answer_next_dialog, load_example, wait_idle


def test_settings_switch_language_and_remember_it(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    dialog = SettingsDialog(window.ctx, window)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.rules.setCurrentIndex(dialog.rules.findData("national-2025"))
    dialog.apply()
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Factories")
    assert window.ctx.preferences.language == "en"
    assert window.ctx.preferences.default_rules == "national-2025"


def test_evidence_files_dialog(qtbot, open_window, tmp_path: Path) -> None:
    window = open_window()
    load_example(qtbot, window)
    evidence = tmp_path / "测评报告.pdf"
    evidence.write_bytes(b"%PDF report")
    window.ctx.service.attach(window.ctx.session.assessment_id, "data.L1.01", evidence)
    dialog = AttachmentsDialog(window.ctx, "data.L1.01", window)
    assert dialog.list.count() == 0 and not dialog.list.isEnabled()  # read off the GUI thread
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=20000)
    assert "测评报告.pdf" in dialog.list.item(0).text() and dialog.list.isEnabled()
    dialog.list.setCurrentRow(0)
    answer_next_dialog()  # "Remove …?" → Yes
    dialog.remove()
    qtbot.waitUntil(lambda: dialog.list.count() == 0 and dialog.list.isEnabled(), timeout=20000)
    wait_idle(qtbot, window)
    assert window.ctx.service.attachments(window.ctx.session.assessment_id) == []


def test_about_says_self_assessment(qtbot, open_window) -> None:
    window = open_window()
    seen: list[str] = []
    answer_next_dialog(texts=seen)
    window.show_about()
    assert seen and "自评" in seen[0] and "cmmm-2020" in seen[0]


def test_a_conflict_is_shown_and_the_stored_answer_comes_back(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    ctx = window.ctx
    aid = ctx.session.assessment_id
    version = ctx.service.sheet(aid).requirements["org-strategy.L1.01"].version
    # someone else, on the same database, changes the answer first
    ctx.service.save_requirement(
        aid, "org-strategy.L1.01", Grade.NONE, RequirementNote("别人"), version
    )
    window.go(QUESTIONNAIRE)
    row = window.stack.currentWidget().rows[0]
    answer_next_dialog()  # the "changed by someone else" message, acknowledged
    row.buttons[1].click()  # this window's stale change
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: ctx.session.answers.grade("org-strategy.L1.01") is Grade.NONE)
    assert ctx.service.answers(aid).grade("org-strategy.L1.01") is Grade.NONE  # theirs kept
    [conflict] = ctx.service.conflicts(aid)
    assert conflict.yours.grade is Grade.MOST  # ours kept to resolve


def test_every_control_has_an_accessible_name(qtbot, open_window) -> None:
    window = open_window()
    load_example(qtbot, window)
    missing = []
    for name in PAGES:
        window.go(name)
        qtbot.wait(30)
        page: QWidget = window.stack.currentWidget()
        for w in [*page.findChildren(QWidget), *window.panel.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, QAbstractButton) and not (w.text() or w.accessibleName()):
                missing.append(type(w).__name__)
            if isinstance(w, QLineEdit | QComboBox) and not w.accessibleName():
                if w.parent() is not None and isinstance(w.parent(), QComboBox):
                    continue  # a combo's own line edit
                missing.append(
                    f"{type(w).__name__} {w.placeholderText() if isinstance(w, QLineEdit) else ''}"
                )
    assert missing == []
