"""Preferences written by an earlier version are upgraded when read: version 1 kept the last page
as its position in the navigation, version 2 keeps its name (pages are addressed by name)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from factory_grader.ui.page_names import PageName
from factory_grader.ui.preferences import VERSION, Preferences


def _ini() -> Path:
    return Path(os.environ["FACTORY_GRADER_HOME"]) / "settings.ini"


def _written(lines: str) -> None:
    _ini().parent.mkdir(parents=True, exist_ok=True)
    _ini().write_text(lines, encoding="utf-8")


def _stored(key: str) -> str | None:
    value = QSettings(str(_ini()), QSettings.Format.IniFormat).value(key)
    return None if value is None else str(value)


@pytest.mark.parametrize(
    ("position", "page"),
    [
        # version 1's order: 工厂列表, 基本信息, 问卷, 场景, 条件, 结果, 定稿, 汇总对比
        ("0", PageName.START),
        ("1", PageName.PROFILE),
        ("2", PageName.QUESTIONNAIRE),
        ("3", PageName.SCENARIOS),
        ("4", PageName.CONDITIONS),
        ("5", PageName.RESULTS),
        ("6", PageName.FINALISE),
        ("7", PageName.COMPARE),
    ],
)
def test_a_version_1_page_position_becomes_its_name(position: str, page: PageName) -> None:
    _written(f"[General]\nversion=1\nlanguage=en\n\n[window]\npage={position}\n")
    prefs = Preferences()
    assert prefs.window_page() is page
    assert (_stored("version"), _stored("window/page_name")) == (str(VERSION), page.value)
    assert _stored("window/page") == position  # kept for an earlier app
    assert prefs.language == "en"  # the rest as it was


@pytest.mark.parametrize("position", ["8", "-1", "五", "²", "results!", ""])
def test_a_version_1_page_that_means_nothing_is_dropped(position: str) -> None:
    _written(f"[General]\nversion=1\n\n[window]\npage={position}\n")
    assert Preferences().window_page() is None
    assert _stored("window/page_name") is None and _stored("version") == str(VERSION)


def test_a_newer_apps_settings_are_read_not_rewritten() -> None:
    _written("[General]\nversion=9\n\n[window]\npage_name=results\nfuture=1\n")
    assert Preferences().window_page() is PageName.RESULTS
    assert _stored("version") == "9" and _stored("window/future") == "1"


def test_the_page_is_saved_by_name_and_a_fresh_file_starts_at_this_version() -> None:
    prefs = Preferences()
    assert _stored("version") == str(VERSION)
    assert prefs.window_page() is None
    prefs.save_window(QByteArray(b"geometry"), PageName.SCENARIOS)
    assert _stored("window/page_name") == "scenarios"
    assert _stored("window/page") == "3"  # the position an earlier app reads with int()
    assert Preferences().window_page() is PageName.SCENARIOS
