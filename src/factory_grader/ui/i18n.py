"""Run-time language switching through Qt's translation system.

Source strings are English (tr()); Chinese comes from resources/translations/factory_grader_zh_CN
(.ts source, .qm compiled by ./dev). Question texts come bilingual from the form data instead.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from factory_grader.domain.text import Lang
from factory_grader.ui.resources import resources_root

LANGUAGES: dict[Lang, str] = {"zh": "中文", "en": "English"}


class Languages:
    # One set of translators for the whole application, whichever Languages object installed it.
    _translators: ClassVar[list[QTranslator]] = []

    def __init__(self) -> None:
        self.current: Lang = "en"

    def switch(self, lang: Lang) -> None:
        """Installing or removing the translator sends LanguageChange to every widget."""
        app = QCoreApplication.instance()
        assert app is not None
        for old in Languages._translators:
            app.removeTranslator(old)
        Languages._translators = []
        if lang == "zh":
            translator = QTranslator(app)
            folder = str(resources_root() / "translations")
            if not translator.load("factory_grader_zh_CN", folder):
                raise RuntimeError(f"missing compiled translation in {folder}: run ./dev setup")
            app.installTranslator(translator)
            Languages._translators.append(translator)
            qt_own = QTranslator(app)  # Qt's own texts: OK, Cancel, Yes, No in dialogs
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load("qtbase_zh_CN", qt_folder):
                app.installTranslator(qt_own)
                Languages._translators.append(qt_own)
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.current = lang
