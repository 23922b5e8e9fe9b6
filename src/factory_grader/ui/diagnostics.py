"""The GUI's part of the diagnostics (services/doctor.py): which Qt platform runs and which
font shows Chinese. `probe()` runs in a process of its own for `factory-grader doctor`, so a Qt
that cannot start is reported, not fatal."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from factory_grader.services.doctor import Check
from factory_grader.ui.fonts import bundled_font_in_use, ensure_cjk_font


def qt_checks(app: QApplication) -> list[Check]:
    platform = QApplication.platformName()
    family = app.font().family()  # the one ensure_cjk_font chose at start-up
    system = not bundled_font_in_use()
    return [
        Check(
            "qt",
            True,
            f"Qt {qVersion()}, platform {platform}",
            f"Qt {qVersion()}，平台 {platform}",
        ),
        Check(
            "font",
            True,
            f"Chinese font: {family}" + ("" if system else " (bundled with the app)"),
            f"中文字体：{family}" + ("" if system else "（随软件附带）"),
        ),
    ]


def probe() -> int:
    """Prints the Qt checks as JSON (a Qt that cannot start exits non-zero, or aborts)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    ensure_cjk_font(app)  # as the GUI starts
    checks = qt_checks(app)
    print(json.dumps([[c.key, c.ok, c.en, c.zh] for c in checks], ensure_ascii=False))
    return 0
