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


def _with_profile(qtbot, open_window, tmp_path, **changes):
    """An assessment imported from the example's answers with some profile values replaced."""
    import json

    from factory_grader.services.examples import example_answers_path
    from factory_grader.services.importing import import_file

    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"].update(changes)
    path = tmp_path / "legacy.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = open_window("zh")
    qtbot.waitUntil(lambda: window.ctx.service is not None, timeout=20000)
    done = import_file(window.ctx.service, path)
    window.open_assessment(done.assessment.id)
    qtbot.waitUntil(lambda: window.ctx.session is not None, timeout=20000)
    wait_idle(qtbot, window)
    window.go(PageName.PROFILE)
    return window, window.page(PageName.PROFILE)


def test_a_value_stored_before_the_checks_blocks_nothing(qtbot, open_window, tmp_path) -> None:
    window, page = _with_profile(qtbot, open_window, tmp_path, employees="约420人")
    assert page.problems["employees"].text() == "请填写整数人数，如 420"  # shown as wrong
    _type(page, "contact", "李示例")
    wait_idle(qtbot, window)
    profile = stored(window)
    assert profile["contact"] == "李示例" and profile["employees"] == "约420人"  # kept as it was
    assert window.save_label.text() == SAVED


def test_a_reason_belongs_to_its_size(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    window.go(PageName.PROFILE)
    page = window.page(PageName.PROFILE)
    page.size_choice.setCurrentIndex(page.size_choice.findData("大型"))
    _type(page, "size_reason", "集团合并报表口径")
    wait_idle(qtbot, window)
    assert stored(window)["size"] == "大型"
    page.size_choice.setCurrentIndex(page.size_choice.findData("小型"))  # another size
    wait_idle(qtbot, window)
    assert page.edits["size_reason"].text() == ""  # the 大型 reason is not 小型's
    assert stored(window)["size"] == "大型"  # not saved without its own reason
    assert window.save_label.text() == "未保存：规模调整理由（请改正）"


def test_typed_text_survives_a_language_switch(qtbot, open_window) -> None:
    window = open_window("zh")
    load_example(qtbot, window)
    window.go(PageName.PROFILE)
    page = window.page(PageName.PROFILE)
    page.edits["employees"].setText("1 2 0 0 人")  # not a number: shown, not saved
    assert "未保存" in window.save_label.text()
    window.ctx.languages.switch("en")
    qtbot.waitUntil(lambda: page.heading.text() == "Enterprise profile")
    assert page.edits["employees"].text() == "1 2 0 0 人"
    assert window.save_label.text() == "Not saved: Employees (correct the value)"


def test_a_final_revision_has_nothing_unsaved(qtbot, open_window, tmp_path) -> None:
    """大型 with 420 people and 28000 万元 contradicts the rule, with no reason: allowed to stand
    in a stored revision, and a final one cannot be changed — so nothing is 未保存."""
    from factory_grader.domain.records import AssessmentStatus

    window, page = _with_profile(qtbot, open_window, tmp_path, size="大型")
    assert page.problems["size_reason"].text()  # the missing reason is pointed out
    assert window.save_label.text() == SAVED  # but nothing the user did is held back
    aid = window.ctx.session.assessment_id
    window.ctx.service.finalise(aid)
    window.open_assessment(aid)
    qtbot.waitUntil(
        lambda: window.ctx.session.summary.status is AssessmentStatus.FINAL, timeout=20000
    )
    wait_idle(qtbot, window)
    window.go(PageName.PROFILE)
    assert window.save_label.text() == SAVED
