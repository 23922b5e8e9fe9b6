"""A draft made with hainan-2025 1.1.0, opened after the app moved to 1.2.0 (基础级 then needs
level 3): the results page says so, shows what updating changes, and updates only when asked."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from factory_grader.forms.library import FormLibrary
from factory_grader.forms.locate import forms_root
from factory_grader.services.answers_file import read_answers_file
from factory_grader.services.assessments import open_service
from factory_grader.services.examples import example_answers_path
from factory_grader.ui.main_window import RESULTS
from tests.services.test_form_versions import release_1_2_0
from tests.ui.conftest import on_next_dialog, wait_idle


def test_a_draft_on_older_rules_is_offered_the_update(
    qtbot, open_window, tmp_path: Path, monkeypatch
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_root(), forms)
    monkeypatch.setenv("FACTORY_GRADER_FORMS", str(forms))
    db = tmp_path / "old.db"
    before = FormLibrary.load(forms)
    service, database = open_service(f"sqlite:///{db}", before, actor="王工")
    ident = service.import_answers(read_answers_file(example_answers_path(), before)).id
    database.close()
    release_1_2_0(forms)

    window = open_window(db=db)
    window.open_assessment(ident, quiet=True, page=RESULTS)
    page = window.page(RESULTS)
    notice = page.version_notice
    qtbot.waitUntil(lambda: notice.isVisible(), timeout=20000)
    assert "梯度规则 hainan-2025 使用 1.1.0 版，当前为 1.2.0 版" in notice.label.text()
    assert "基础级" in page.headline.text()  # still scored with 1.1.0

    seen: list[str] = []

    def cancel(box) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "取消").click()

    on_next_dialog(QMessageBox, cancel)
    notice.update_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert "梯度规则：1.1.0 → 1.2.0" in seen[0]
    assert (
        "结论：S = 2.24，二级（规范级），基础级 → S = 2.24，二级（规范级），未达基础级" in seen[0]
    )
    wait_idle(qtbot, window)
    assert window.ctx.session.summary.rules_version == "1.1.0"  # cancelled: nothing changed

    on_next_dialog(
        QMessageBox, lambda box: next(b for b in box.buttons() if b.text() == "更新").click()
    )
    notice.update_button.click()
    qtbot.waitUntil(lambda: window.ctx.session.summary.rules_version == "1.2.0", timeout=20000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=20000)
    assert window.ctx.result.tier.tier is None  # scored with 1.2.0 now
