"""Settings: language (applies at once), default rule set, where the data is."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from factory_grader.services import app_paths
from factory_grader.services.network_paths import on_network
from factory_grader.ui.context import AppContext
from factory_grader.ui.data_folder_actions import DataFolderActions
from factory_grader.ui.i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")  # each language in its own name
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(ctx.lang))
        self.rules = QComboBox()
        if ctx.library is not None:
            default = ctx.preferences.default_rules or ctx.library.default_rules_id
            for info in ctx.library.entries():
                if info.kind == "rules":
                    self.rules.addItem(ctx.text(info.name), info.id)
            self.rules.setCurrentIndex(max(self.rules.findData(default), 0))
        self.officials = QCheckBox(
            self.tr("Show Compare in the navigation (for city and provincial officials)")
        )
        self.officials.setChecked(ctx.preferences.officials_view)
        home = app_paths.data_home()
        self.folder = QLabel(str(home))
        self.folder.setObjectName("userData")  # a path
        self.folder.setWordWrap(True)
        open_folder = QPushButton(self.tr("Open data folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(home))))
        # Moving needs the main window (it closes the database and then the app).
        from factory_grader.ui.main_window import MainWindow

        self.mover = DataFolderActions(parent) if isinstance(parent, MainWindow) else None
        move = QPushButton(self.tr("Move to another folder…"))
        move.setEnabled(self.mover is not None)
        if self.mover is not None:
            mover = self.mover
            move.clicked.connect(lambda: mover.choose(self))
        note = QLabel(
            self.tr(
                "Move the data to another disk or a USB stick: it is copied and checked, and the old folder is kept until you remove it. For a team, use a shared database server (--db) rather than a network folder."
            )
        )
        note.setWordWrap(True)
        self.network_warning = QLabel(
            self.tr(
                "⚠ This folder is on a network share. The database needs a local disk: on a share it can be damaged or stay locked. Move the data to a local folder, or use a shared PostgreSQL server for a team."
            )
        )
        self.network_warning.setObjectName("fieldProblem")
        self.network_warning.setWordWrap(True)
        self.network_warning.setVisible(on_network(home))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Default rule set"), self.rules)
        form.addRow("", self.officials)
        form.addRow(self.tr("Data folder"), self.folder)
        form.addRow("", self.network_warning)
        folder_buttons = QWidget()
        row = QHBoxLayout(folder_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(open_folder)
        row.addWidget(move)
        row.addStretch(1)
        form.addRow("", folder_buttons)
        form.addRow("", note)
        form.addRow(buttons)
        self.language.setAccessibleName(self.tr("Language"))
        self.rules.setAccessibleName(self.tr("Default rule set"))

    def apply(self) -> None:
        lang = self.language.currentData()
        self.ctx.preferences.language = lang
        if self.rules.currentData():
            self.ctx.preferences.default_rules = self.rules.currentData()
        self.ctx.preferences.officials_view = self.officials.isChecked()
        if lang != self.ctx.lang:
            self.ctx.languages.switch(lang)  # every widget retranslates itself
        self.accept()
