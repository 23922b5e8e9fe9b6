"""A new assessment for a factory: name, credit code (checked), industry type, rule set."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from factory_grader.domain.credit_code import credit_code_issue
from factory_grader.domain.maturity_model import IndustryType
from factory_grader.ui.context import AppContext
from factory_grader.ui.text_guard import guard_text


class NewAssessmentDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New assessment"))
        self.name = QLineEdit()
        self.code = QLineEdit()
        guard_text(self.name, "profile")
        guard_text(self.code, "profile")
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.industry = QComboBox()
        self.industry.addItem(self.tr("Discrete manufacturing"), IndustryType.DISCRETE)
        self.industry.addItem(self.tr("Process manufacturing"), IndustryType.PROCESS)
        self.rules = QComboBox()
        assert ctx.library is not None
        default = ctx.preferences.default_rules or ctx.library.default_rules_id
        for info in ctx.library.entries():
            if info.kind == "rules":
                self.rules.addItem(ctx.text(info.name), info.id)
        self.rules.setCurrentIndex(max(self.rules.findData(default), 0))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("Company name"), self.name),
            (self.tr("Unified social credit code"), self.code),
            ("", self.problem),
            (self.tr("Industry type"), self.industry),
            (self.tr("Rule set"), self.rules),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self.code.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        code = self.code.text().strip()
        problem = credit_code_issue(code) if code else None
        self.problem.setText(
            self.tr("Not a valid credit code: {why}").format(why=self.ctx.text(problem))
            if problem
            else ""
        )
        ok = bool(self.name.text().strip()) and problem is None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[dict[str, str], IndustryType, str]:
        profile = {"name": self.name.text().strip()}
        if self.code.text().strip():
            profile["credit_code"] = self.code.text().strip().upper()
        # Qt hands item data back as plain str: make it the enum again
        return profile, IndustryType(self.industry.currentData()), self.rules.currentData()
