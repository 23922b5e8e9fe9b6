"""帮助 → 关于 → 第三方软件许可: every part the app runs on, with its licence text (issue 13)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from factory_grader.services.licences import notices
from factory_grader.ui.licences_dialog import LicencesDialog
from factory_grader.ui.resources import resources_root
from tests.ui.conftest import on_next_dialog


def test_every_part_has_its_licence_text() -> None:
    found = {n.name.lower().replace("_", "-"): n for n in notices(resources_root())}
    # the packages the issue names, Qt itself, Python and the bundled font
    for name in (
        "pyside6-essentials",
        "shiboken6",
        "psycopg",
        "matplotlib",
        "openpyxl",
        "sqlalchemy",
        "alembic",
        "platformdirs",
        "qt",
        "python",
        "wenquanyi micro hei 文泉驿微米黑",
    ):
        assert name in found, sorted(found)
        assert found[name].texts and all(text.strip() for _, text in found[name].texts), name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in found["pyside6-essentials"].texts[0][1]
    assert "Version 3" in found["qt"].texts[0][1]
    assert "Apache License" in found["wenquanyi micro hei 文泉驿微米黑"].texts[0][1]
    assert "factory-grader" not in found  # ourselves: not third-party


def test_the_about_box_opens_the_licences(qtbot, open_window) -> None:
    window = open_window("zh")
    seen: list[str] = []

    def licences(dialog) -> None:
        seen.append(dialog.windowTitle())
        seen.append(dialog.text.toPlainText().split("\n", 1)[0])
        dialog.reject()

    def about(box) -> None:
        button = next(b for b in box.buttons() if b.text() == "第三方软件许可…")
        on_next_dialog(LicencesDialog, licences)
        button.click()
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
        box.reject()

    on_next_dialog(QMessageBox, about)
    window.show_about()
    assert seen[0] == "第三方软件许可"
    assert seen[1].startswith("alembic ")  # the first, by name, shown with its version
