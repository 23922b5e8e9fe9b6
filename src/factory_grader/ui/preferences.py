"""Typed preferences and window state, kept in settings.ini inside the data folder (so
FACTORY_GRADER_HOME relocates them with everything else)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from factory_grader.domain.text import Lang
from factory_grader.services import app_paths

VERSION = 1  # bump with an upgrade step when keys change


class Preferences:
    def __init__(self) -> None:
        path = app_paths.settings_home() / "settings.ini"
        self._s = QSettings(str(path), QSettings.Format.IniFormat)
        if self._s.value("version") is None:
            self._s.setValue("version", VERSION)

    @property
    def path(self) -> str:
        return self._s.fileName()

    @property
    def language(self) -> Lang:
        return "en" if self._s.value("language", "zh") == "en" else "zh"

    @language.setter
    def language(self, lang: Lang) -> None:
        self._s.setValue("language", lang)

    @property
    def default_rules(self) -> str | None:
        value = self._s.value("default_rules")
        return str(value) if value else None

    @default_rules.setter
    def default_rules(self, rules_id: str) -> None:
        self._s.setValue("default_rules", rules_id)

    @property
    def export_folder(self) -> str | None:
        """Where the last workbook was exported: the next export starts there."""
        value = self._s.value("export_folder")
        return str(value) if value else None

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self._s.setValue("export_folder", folder)

    @property
    def last_assessment(self) -> int | None:
        value = self._s.value("last_assessment")
        return int(str(value)) if value not in (None, "") else None

    @last_assessment.setter
    def last_assessment(self, assessment_id: int | None) -> None:
        self._s.setValue("last_assessment", "" if assessment_id is None else assessment_id)

    # window state lives apart from preferences (design: Picard)
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, page: int) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/page", page)
        self._s.sync()

    def window_page(self) -> int:
        return int(str(self._s.value("window/page", 0)))
