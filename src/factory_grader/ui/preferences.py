"""Typed preferences and window state, kept in settings.ini inside the data folder (so
FACTORY_GRADER_HOME relocates them with everything else)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from factory_grader.domain.text import Lang
from factory_grader.services import app_paths
from factory_grader.ui.page_names import PageName

VERSION = 2  # bump with an upgrade step in _upgrade when keys change
#: Version 1 kept the last page as its position in the navigation (window/page), in this order;
#: version 2 keeps its name (window/page_name) and still writes the position beside it, which
#: an earlier app, given the same data folder, reads as before.
_V1_PAGES = (
    PageName.START,
    PageName.PROFILE,
    PageName.QUESTIONNAIRE,
    PageName.SCENARIOS,
    PageName.CONDITIONS,
    PageName.RESULTS,
    PageName.FINALISE,
    PageName.COMPARE,
)


class Preferences:
    def __init__(self) -> None:
        path = app_paths.settings_home() / "settings.ini"
        self._s = QSettings(str(path), QSettings.Format.IniFormat)
        found = self._s.value("version")
        if found is None:
            self._s.setValue("version", VERSION)
        else:
            self._upgrade(str(found))

    def _upgrade(self, found: str) -> None:
        """Settings written by an earlier version, step by step to this one. A newer app's
        settings are left as they are: this one reads the keys it knows."""
        version = int(found) if found.isascii() and found.isdigit() else 1
        if version < 2:  # the last page: its position then, its name now
            page = str(self._s.value("window/page", ""))
            if page.isascii() and page.isdigit() and int(page) < len(_V1_PAGES):
                self._s.setValue("window/page_name", _V1_PAGES[int(page)].value)
            else:
                self._s.remove("window/page")
            self._s.setValue("version", 2)

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
    def officials_view(self) -> bool:
        """汇总对比 in the navigation: for city and province officials (off for a factory)."""
        return str(self._s.value("officials_view", "false")).lower() == "true"

    @officials_view.setter
    def officials_view(self, on: bool) -> None:
        self._s.setValue("officials_view", "true" if on else "false")

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

    def save_window(self, geometry: QByteArray, page: PageName) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/page_name", page.value)
        if page in _V1_PAGES:  # for an earlier app, which numbered the pages it had
            self._s.setValue("window/page", _V1_PAGES.index(page))
        else:  # (a page it does not have, e.g. 研讨会: it opens on its start page)
            self._s.remove("window/page")
        self._s.sync()

    def window_page(self) -> PageName | None:
        """The page the window was on when it was last closed (None: not known)."""
        value = str(self._s.value("window/page_name", ""))
        return PageName(value) if value in set(PageName) else None
