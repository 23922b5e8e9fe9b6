"""The 企业信息 page shows city and industry from their codes in the UI's language, and never
drops what it cannot show: a city code or an industry on no list stays exactly as stored when
another field is edited, and is flagged."""

from __future__ import annotations

import json
from pathlib import Path

from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.examples import example_answers_path
from factory_grader.ui.main_window import PROFILE
from tests.ui.conftest import wait_idle


def _stored(tmp_path: Path, **profile: str) -> tuple[Path, int]:
    data = json.loads(example_answers_path().read_text(encoding="utf-8"))
    data["profile"].update(profile)
    source = tmp_path / "a.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "x.db"
    library = FormLibrary.load()
    service, database = open_service(f"sqlite:///{db}", library, actor="王工")
    try:
        return db, service.import_answers(read_answers_file(source, library)).id
    finally:
        database.close()


def test_values_on_no_list_survive_an_edit_of_another_field(qtbot, open_window, tmp_path) -> None:
    db, ident = _stored(
        tmp_path,
        city_code="469099",
        city="某新区",
        industry_code="I65",
        industry="软件和信息技术服务业",
    )
    window = open_window(db=db)
    window.open_assessment(ident, quiet=True, page=PROFILE)
    wait_idle(qtbot, window)
    page = window.page(PROFILE)
    assert page.problems["city"].text()  # an unknown code: flagged
    assert page.industry.currentText() == "I65 软件和信息技术服务业（不在列表中，按原样保存）"
    page.edits["contact"].setText("李四")
    page.edits["contact"].editingFinished.emit()
    wait_idle(qtbot, window)
    profile = window.ctx.service.answers(ident).profile
    assert profile["contact"] == "李四"
    assert (profile["city"], profile["city_code"]) == ("某新区", "469099")
    assert (profile["industry"], profile["industry_code"]) == ("软件和信息技术服务业", "I65")


def test_english_ui_names_from_codes_and_stores_codes(qtbot, open_window, tmp_path) -> None:
    db, ident = _stored(tmp_path)  # 海口市 460100, C34
    window = open_window(lang="en", db=db)
    window.open_assessment(ident, quiet=True, page=PROFILE)
    wait_idle(qtbot, window)
    page = window.page(PROFILE)
    assert page.city.currentText() == "Haikou"
    assert page.industry.currentText() == "C34 General-purpose machinery"
    page.city.setCurrentText("Sanya")  # picked in English …
    wait_idle(qtbot, window)
    profile = window.ctx.service.answers(ident).profile
    assert (profile["city"], profile["city_code"]) == ("三亚市", "460200")  # … stored by code
    assert (profile["industry"], profile["industry_code"]) == ("通用设备制造业", "C34")
    assert page.problems["city"].text() == ""  # (its line stays, empty: nothing moves)


def test_text_fields_take_only_what_a_workbook_can_hold(qtbot, open_window, tmp_path) -> None:
    db, ident = _stored(tmp_path)
    window = open_window(db=db)
    window.open_assessment(ident, quiet=True, page=PROFILE)
    wait_idle(qtbot, window)
    contact = window.page(PROFILE).edits["contact"]
    contact.setText("王\x0b示\ufffe例")  # pasted with control characters
    assert contact.text() == "王示例"
    assert contact.maxLength() == 1000
    contact.editingFinished.emit()
    wait_idle(qtbot, window)
    assert window.ctx.service.answers(ident).profile["contact"] == "王示例"
