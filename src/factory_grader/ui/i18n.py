"""Run-time language switching through Qt's translation system.

Source strings are English (tr()); Chinese comes from resources/translations/factory_grader_zh_CN
(.ts source, .qm compiled by ./dev). Question texts come bilingual from the form data instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from factory_grader.domain.text import Lang
from factory_grader.ui.resources import resources_root

LANGUAGES: dict[Lang, str] = {"zh": "中文", "en": "English"}


class Languages:
    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.current: Lang = "en"

    def switch(self, lang: Lang) -> None:
        """Installing or removing the translator sends LanguageChange to every widget."""
        app = QCoreApplication.instance()
        assert app is not None
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if lang == "zh":
            translator = QTranslator(app)
            folder = str(resources_root() / "translations")
            if not translator.load("factory_grader_zh_CN", folder):
                raise RuntimeError(f"missing compiled translation in {folder}: run ./dev setup")
            app.installTranslator(translator)
            self._translator = translator
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.current = lang
