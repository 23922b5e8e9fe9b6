"""The profile form (issue 15 §6): employees and revenue are numbers with units, 企业规模 follows
the national rule from them and can be set otherwise only with a reason; a field holding an
invalid value says so in the status bar (never 所有修改已保存), and its message never moves
the fields below it."""

from __future__ import annotations

from factory_grader.ui.page_names import PageName
from tests.ui.conftest import load_example, wait_idle

SAVED = "所有修改已保存"


def stored(window):
    return window.ctx.service.answers(window.ctx.session.assessment_id).profile


def _type(page, key: str, text: str) -> None:
    edit = page.edits[key]
    edit.setText(text)
    edit.editingFinished.emit()


def test_the_size_follows_the_rule_and_another_needs_a_reason(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    window.go(PageName.PROFILE)
    page = window.page(PageName.PROFILE)
    assert page.units["employees"].text() == "人" and page.units["revenue"].text() == "万元"
    _type(page, "employees", "420")
    _type(page, "revenue", "28000")
    wait_idle(qtbot, window)
    # by hand: 420 ≥ 300 and 28000 ≥ 2000, under 1000 people: 中型
    assert page.size_choice.currentIndex() == 0
    assert page.size_choice.currentText() == "按规则判定：中型"
    assert "按规则判定：中型（420 人，28000 万元）" in page.size_rule.text()
    profile = stored(window)
    assert (profile["size"], profile["employees"], profile["revenue"]) == ("中型", "420", "28000")
    assert not page.edits["size_reason"].isEnabled()

    # 大型 by choice: not saved until a reason is given, and the status bar says so
    page.size_choice.setCurrentIndex(page.size_choice.findData("大型"))
    wait_idle(qtbot, window)
    assert page.edits["size_reason"].isEnabled()
    assert page.problems["size_reason"].text() == "请说明为什么与规则判定（中型）不同"
    assert stored(window)["size"] == "中型"
    assert window.save_label.text() == "未保存：规模调整理由（请改正）"
    _type(page, "size_reason", "集团合并报表口径")
    wait_idle(qtbot, window)
    profile = stored(window)
    assert (profile["size"], profile["size_reason"]) == ("大型", "集团合并报表口径")
    assert window.save_label.text() == SAVED

    # back to the rule: the reason goes; more people make it 大型 by the rule
    page.size_choice.setCurrentIndex(0)
    wait_idle(qtbot, window)
    assert "size_reason" not in stored(window) and stored(window)["size"] == "中型"
    _type(page, "employees", "1,000")
    _type(page, "revenue", "40000")
    wait_idle(qtbot, window)
    assert stored(window)["size"] == "大型"

    # not a number: shown, not saved, said
    _type(page, "employees", "四百")
    wait_idle(qtbot, window)
    assert page.problems["employees"].text() == "请填写整数人数，如 420"
    assert stored(window)["employees"] == "1,000"
    assert window.save_label.text() == "未保存：员工总数（请改正）"


def test_an_invalid_value_is_not_called_saved_and_moves_nothing(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    window.go(PageName.PROFILE)
    page = window.page(PageName.PROFILE)
    wait_idle(qtbot, window)
    assert window.save_label.text() == SAVED
    below = page.edits["address"]
    before = below.mapTo(page, below.rect().topLeft())
    page.edits["credit_code"].setText("91460100MA5T1R2K7X")  # wrong check character
    page.edits["credit_code"].editingFinished.emit()
    wait_idle(qtbot, window)
    assert page.problems["credit_code"].text().startswith("统一社会信用代码无效")
    assert window.save_label.text() == "未保存：统一社会信用代码（请改正）"
    assert below.mapTo(page, below.rect().topLeft()) == before  # the message took no room
    page.edits["credit_code"].setText("91460100MA5T1R2K7J")  # the stored, valid one again
    page.edits["credit_code"].editingFinished.emit()
    wait_idle(qtbot, window)
    assert window.save_label.text() == SAVED
    # opening another assessment forgets what this one held
    page.edits["phone"].setText("电话")
    assert "未保存" in window.save_label.text()
    window.start.example_button.click()
    qtbot.waitUntil(lambda: window.save_label.text() == SAVED, timeout=20000)
