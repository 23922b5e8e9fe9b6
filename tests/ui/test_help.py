"""帮助 → 使用手册 and 术语表 open the offline manual and glossary in the UI's language; each
questionnaire card says what separates the three "met" answers."""

from __future__ import annotations

from factory_grader.ui.help_dialogs import HelpDialog
from factory_grader.ui.main_window import QUESTIONNAIRE
from factory_grader.wording import GRADE_GUIDE
from tests.ui import conftest
from tests.ui.conftest import load_example


def _read_help(window, action) -> tuple[str, str, bool]:
    seen: list[tuple[str, str, bool]] = []

    def read(dialog: HelpDialog) -> None:
        area = dialog.screen().availableGeometry()
        fits = area.contains(dialog.frameGeometry())
        seen.append((dialog.windowTitle(), dialog.browser.toPlainText(), fits))
        dialog.reject()

    conftest.on_next_dialog(HelpDialog, read)  # type: ignore[arg-type]
    action.trigger()
    return seen[0]


def test_the_manual_and_the_glossary_in_chinese(qtbot, open_window) -> None:
    window = open_window("zh")
    qtbot.waitUntil(lambda: window.built)
    assert window.manual_action.text() == "使用手册(&M)"
    title, text, fits = _read_help(window, window.manual_action)
    assert title == "使用手册" and fits
    assert "一次评估怎样进行" in text and "交给谁、交什么" in text
    title, text, fits = _read_help(window, window.glossary_action)
    assert title == "术语表" and fits
    for term in ("S（成熟度总分）", "环节", "离散型 / 流程型", "不适用", "要素条件"):
        assert term in text


def test_the_manual_in_english(qtbot, open_window) -> None:
    window = open_window("en")
    qtbot.waitUntil(lambda: window.built)
    title, text, _ = _read_help(window, window.manual_action)
    assert title == "User manual" and "How an assessment runs" in text
    assert "一次评估" not in text


def test_every_card_says_what_separates_the_answers(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    window.go(QUESTIONNAIRE)
    rows = window.page(QUESTIONNAIRE).rows
    assert rows and all(row.guide.text() == GRADE_GUIDE.zh for row in rows)
    assert "全部满足：" in GRADE_GUIDE.zh and "部分满足：" in GRADE_GUIDE.zh
