"""The enterprise profile with inline validation, industry type and rule set."""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from factory_grader.domain.company_size import (
    MICRO,
    SIZE_NAMES,
    SIZES,
    parse_employees,
    parse_revenue,
    size_for,
)
from factory_grader.domain.company_size import (
    RULE as SIZE_RULE,
)
from factory_grader.domain.credit_code import credit_code_issue
from factory_grader.domain.maturity_model import IndustryType
from factory_grader.forms.reference import load_profile_lists
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.pages.base import Page
from factory_grader.ui.text_guard import guard_text

PHONE = re.compile(r"^[0-9+()\- ]{7,20}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TEXT_FIELDS = (
    "name",
    "credit_code",
    "address",
    "revenue_3y",
    "revenue",
    "employees",
    "main_business",
    "contact",
    "phone",
    "email",
    "certifications",
    "size_reason",
)
AUTO = "\x00auto"  # the size item that stands for "by the rule"

KEPT = "\x00kept"  # the industry item that stands for a stored value on no list
#: fields checked as typed (the city gets a note when it is on no list)
VALIDATED = ("credit_code", "revenue", "employees", "phone", "email", "size_reason")


class ProfilePage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.lists = load_profile_lists()
        self.edits: dict[str, QLineEdit] = {f: QLineEdit() for f in TEXT_FIELDS}
        for edit in self.edits.values():
            guard_text(edit, "profile")
        self.city = QComboBox()
        self.city.setEditable(True)
        self.industry = QComboBox()
        self.size_choice = QComboBox()  # by the rule, or one of the four chosen (with a reason)
        self.size_rule = QLabel()
        self.size_rule.setObjectName("hint")
        self.size_rule.setWordWrap(True)
        self.units = {"revenue": QLabel(), "employees": QLabel()}
        self.problems: dict[str, QLabel] = {f: QLabel() for f in (*VALIDATED, "city")}
        for label in self.problems.values():
            label.setObjectName("fieldProblem")
            # the line is always there, empty when all is well: a message appearing never
            # moves the fields below it
            label.setMinimumHeight(label.fontMetrics().lineSpacing())
        self.discrete = QRadioButton()
        self.process = QRadioButton()
        self.type_group = QButtonGroup(self)
        self.type_group.addButton(self.discrete)
        self.type_group.addButton(self.process)
        self.rules = QComboBox()
        self.weights = QComboBox()  # the form's own (equal) weights, or a named estimate
        self.weights_note = QLabel()
        self.weights_note.setWordWrap(True)
        self.weights_note.setObjectName("hint")
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        order = [
            "name",
            "credit_code",
            "address",
            "city",
            "industry",
            "revenue",
            "employees",
            "size",
            "size_reason",
            "revenue_3y",
            "main_business",
            "contact",
            "phone",
            "email",
            "certifications",
        ]
        for key in order:
            widget: QWidget = {
                "city": self.city,
                "industry": self.industry,
                "size": self.size_choice,
            }.get(key) or self.edits[key]
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            shown: QWidget = widget
            if key in self.units:  # the number, then its unit (人, 万元)
                shown = QWidget()
                line = QHBoxLayout(shown)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(widget, 1)
                line.addWidget(self.units[key])
            if key in self.problems or key == "size":
                box = QWidget()
                row = QVBoxLayout(box)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(shown)
                row.addWidget(self.size_rule if key == "size" else self.problems[key])
                self.form.addRow(label, box)
            else:
                self.form.addRow(label, shown)
        types = QWidget()
        t = QHBoxLayout(types)
        t.setContentsMargins(0, 0, 0, 0)
        t.addWidget(self.discrete)
        t.addWidget(self.process)
        t.addStretch(1)
        self.type_label, self.rules_label = QLabel(), QLabel()
        self.form.addRow(self.type_label, types)
        self.form.addRow(self.rules_label, self.rules)
        self.weights_label = QLabel()
        self.form.addRow(self.weights_label, self.weights)
        self.form.addRow("", self.weights_note)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.heading)
        inner_layout.addLayout(self.form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        for key, edit in self.edits.items():
            edit.editingFinished.connect(self.save)
            if key in VALIDATED:
                edit.textChanged.connect(lambda _=None, k=key: self._validate(k))
            if key in self.units:  # the size by the rule follows the numbers
                edit.textChanged.connect(lambda _=None: self._show_size_rule())
        self.city.currentTextChanged.connect(lambda _: self.save())
        self.size_choice.currentIndexChanged.connect(lambda _: self._size_changed())
        self.industry.currentIndexChanged.connect(lambda _: self.save())
        self.type_group.buttonClicked.connect(lambda _: self.save())
        self.rules.currentIndexChanged.connect(lambda _: self.save())
        self.weights.currentIndexChanged.connect(lambda _: self.save())
        self._loading = False
        self._shown_city = ""
        self._stored_size = ""
        self._reason_for: object = None  # the size choice the reason in the field was given for
        self._loaded_id: int | None = None  # the assessment the fields were filled from
        ctx.events.assessment_opened.connect(self.when_visible(self.load))
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "name": self.tr("Company name"),
            "credit_code": self.tr("Unified social credit code"),
            "address": self.tr("Registered address"),
            "city": self.tr("City / county"),
            "industry": self.tr("Industry (GB/T 4754)"),
            "size": self.tr("Company size"),
            "size_reason": self.tr("Why another size"),
            "revenue_3y": self.tr("Revenue, last 3 years (notes)"),
            "revenue": self.tr("Revenue last year"),
            "employees": self.tr("Employees"),
            "main_business": self.tr("Main business / products"),
            "contact": self.tr("Contact person"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "certifications": self.tr("Certifications and titles"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
            widget = label.buddy()
            if widget is not None:
                widget.setAccessibleName(names[key])
        self.heading.setText(self.tr("Enterprise profile"))
        self.type_label.setText(self.tr("Industry type"))
        self.rules_label.setText(self.tr("Rule set"))
        self.rules.setAccessibleName(self.tr("Rule set"))
        self.weights_label.setText(self.tr("Weights"))
        self.weights.setAccessibleName(self.tr("Weights"))
        self.discrete.setText(self.tr("Discrete manufacturing"))
        self.process.setText(self.tr("Process manufacturing"))
        self.units["revenue"].setText(self.tr("10,000 yuan"))
        self.units["employees"].setText(self.tr("people"))
        self.edits["revenue_3y"].setPlaceholderText(self.tr("e.g. 2022: 21,000; 2023: 24,000"))
        self.edits["size_reason"].setPlaceholderText(
            self.tr("Needed when the size differs from the rule's")
        )
        # the same assessment in another language: what was typed and not yet saved stays
        session = self.ctx.session
        same = session is not None and session.assessment_id == self._loaded_id
        typed = {k: e.text() for k, e in self.edits.items()} if same else {}
        self.load()
        for key, text in typed.items():
            if self.edits[key].text() != text:
                self.edits[key].setText(text)

    def load(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        if session is None or lib is None:
            return
        self._loading = True
        self._loaded_id = session.assessment_id
        answers = session.answers
        for key, edit in self.edits.items():
            edit.setText(answers.profile.get(key, ""))
        self.city.clear()
        for city in self.lists.cities:
            self.city.addItem(self.ctx.text(city.name), city.code)
        # stored by code: named in the UI's language; free text (no code) as it was typed
        self._shown_city = self.lists.shown(answers.profile, "city", self.ctx.lang)
        self.city.setCurrentText(self._shown_city)
        self._flag_city(answers.profile)
        self.industry.clear()
        self.industry.addItem(self.tr("(choose)"), "")
        for ind in self.lists.industries:
            self.industry.addItem(f"{ind.code} {self.ctx.text(ind.name)}", ind.code)
        code = (answers.profile.get("industry_code") or "").strip()
        text = (answers.profile.get("industry") or "").strip()
        if (code or text) and self.lists.industry(code) is None:
            # on no list (an older answers file, a code of another system): shown, kept
            label = f"{code} {text}".strip() + self.tr(" (not on the list, kept as given)")
            self.industry.addItem(label, KEPT)
            self.industry.setCurrentIndex(self.industry.count() - 1)
        else:
            self.industry.setCurrentIndex(max(self.industry.findData(code), 0))
        (
            self.process if answers.industry_type is IndustryType.PROCESS else self.discrete
        ).setChecked(True)
        self.rules.clear()
        for info in lib.entries():
            if info.kind == "rules":
                self.rules.addItem(self.ctx.text(info.name), info.id)
        self.rules.setCurrentIndex(max(self.rules.findData(answers.rules_id), 0))
        form = lib.form_for(answers)
        self.weights.clear()
        self.weights.addItem(self.tr("Every domain weighs the same (default estimate)"), "")
        for ws in form.weight_sets:
            self.weights.addItem(self.ctx.text(ws.name), ws.id)
        self.weights.setCurrentIndex(max(self.weights.findData(answers.weights_id or ""), 0))
        self.weights_note.setText(self.ctx.text(form.weights_note_for(answers.weights_id)))
        self._fill_sizes(answers.profile)
        for key in VALIDATED:
            self._validate(key)
        editable = session.editable
        for w in (
            *self.edits.values(),
            self.city,
            self.industry,
            self.size_choice,
            self.discrete,
            self.process,
            self.rules,
            self.weights,
        ):
            w.setEnabled(editable)
        self.edits["size_reason"].setEnabled(editable and self._needs_reason())
        self._loading = False

    # --- 企业规模 -----------------------------------------------------------------------------

    def _derived(self) -> str | None:
        """The size by the rule, from the employees and revenue as typed (None: not both)."""
        employees = parse_employees(self.edits["employees"].text())
        revenue = parse_revenue(self.edits["revenue"].text())
        return None if employees is None or revenue is None else size_for(employees, revenue)

    def _fill_sizes(self, profile: Mapping[str, str]) -> None:
        stored, reason = profile.get("size") or "", profile.get("size_reason") or ""
        self._stored_size = stored
        self.size_choice.blockSignals(True)
        self.size_choice.clear()
        self.size_choice.addItem("", AUTO)  # named by _show_size_rule
        for name in SIZES:
            self.size_choice.addItem(self.ctx.text(SIZE_NAMES[name]), name)
        if not stored or (stored == self._derived() and not reason):
            self.size_choice.setCurrentIndex(0)
        elif stored in SIZES:
            self.size_choice.setCurrentIndex(self.size_choice.findData(stored))
        else:  # typed before there was a choice ("中小型"): shown, kept
            self.size_choice.addItem(stored + self.tr(" (as given)"), KEPT)
            self.size_choice.setCurrentIndex(self.size_choice.count() - 1)
        self.size_choice.blockSignals(False)
        self._reason_for = self.size_choice.currentData()
        self._show_size_rule()

    def _chosen_size(self) -> str | None:
        data = self.size_choice.currentData()
        if data == AUTO:
            return self._derived()
        return self._stored_size if data == KEPT else data

    def _needs_reason(self) -> bool:
        """A size chosen other than the rule's needs a reason (none when the rule has nothing
        to go on)."""
        derived, data = self._derived(), self.size_choice.currentData()
        return derived is not None and data not in (AUTO, None) and self._chosen_size() != derived

    def _show_size_rule(self) -> None:
        derived = self._derived()
        reason = self.edits["size_reason"].text().strip()
        if derived is not None and self.size_choice.currentData() == derived and not reason:
            self.size_choice.blockSignals(True)  # the rule's size chosen by hand: by the rule
            self.size_choice.setCurrentIndex(0)
            self.size_choice.blockSignals(False)
        if derived is None:
            self.size_choice.setItemText(0, self.tr("By the rule (enter employees and revenue)"))
            text = self.tr(
                "Enter the employees and last year's revenue: the size follows by the rule."
            )
        else:
            name = self.ctx.text(SIZE_NAMES[derived])
            self.size_choice.setItemText(0, self.tr("By the rule: {size}").format(size=name))
            text = self.tr(
                "By the rule: {size} ({employees} people, {revenue} × 10,000 yuan)."
            ).format(
                size=name,
                employees=self.edits["employees"].text().strip(),
                revenue=self.edits["revenue"].text().strip(),
            )
        self.size_rule.setText(text + " " + self.ctx.text(SIZE_RULE))
        editable = self.ctx.session is not None and self.ctx.session.editable
        self.edits["size_reason"].setEnabled(editable and self._needs_reason())
        self._validate("size_reason")

    def _size_changed(self) -> None:
        # a reason given for one size is not a reason for another
        if self.size_choice.currentData() != self._reason_for:
            self.edits["size_reason"].clear()
        self._reason_for = self.size_choice.currentData()
        self._show_size_rule()
        self.save()

    def _flag_city(self, profile: Mapping[str, str]) -> None:
        free = bool(profile.get("city")) and self.lists.city(profile.get("city_code") or "") is None
        self.problems["city"].setText(
            self.tr("Not one of Hainan's cities and counties: kept as typed") if free else ""
        )

    def _validate(self, key: str) -> bool:
        value = self.edits[key].text().strip()
        problem = None
        if value and key == "credit_code":
            found = credit_code_issue(value)
            problem = (
                self.tr("Not a valid credit code: {why}").format(why=self.ctx.text(found))
                if found
                else None
            )
        elif value and key == "phone" and not PHONE.match(value):
            problem = self.tr("Use digits, spaces, + ( ) and - only")
        elif value and key == "email" and not EMAIL.match(value):
            problem = self.tr("Not an email address")
        elif value and key == "revenue" and parse_revenue(value) is None:
            problem = self.tr("Enter an amount in 10,000 yuan, e.g. 28000")
        elif value and key == "employees" and parse_employees(value) is None:
            problem = self.tr("Enter a whole number of people, e.g. 420")
        elif not value and key == "size_reason" and self._needs_reason():
            problem = self.tr("Say why the size differs from the rule's ({size})").format(
                size=self.ctx.text(SIZE_NAMES[self._derived() or MICRO])
            )
        self.problems[key].setText(problem or "")
        self._report_unsaved()
        return problem is None

    def _report_unsaved(self) -> None:
        """The fields showing a value that was not saved (it is invalid; what is stored is the
        last valid one): the status bar names them instead of 所有修改已保存."""
        session = self.ctx.session
        if session is None or not session.editable:  # nothing can be saved: nothing unsaved
            self.controller.hold_unsaved([])
            return
        self.controller.hold_unsaved([self.labels[key].text() for key in self._holding()])

    def _holding(self) -> list[str]:
        """The invalid fields that hold the profile back: ones the user changed (a value stored
        before the checks existed, "约420人", stays as it is and blocks nothing), and a missing
        reason for a size the user chose or numbers the user changed."""
        session = self.ctx.session
        stored = session.answers.profile if session is not None else {}

        def changed(key: str) -> bool:
            return self.edits[key].text().strip() != (stored.get(key) or "")

        held = []
        for key in VALIDATED:
            if not self.problems[key].text():
                continue
            if key == "size_reason":
                chose = self._chosen_size() != (stored.get("size") or None)
                if chose or changed("employees") or changed("revenue"):
                    held.append(key)
            elif changed(key):
                held.append(key)
        return held

    def save(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        if self._loading or session is None or lib is None or not session.editable:
            return
        for key in VALIDATED:
            self._validate(key)
        if self._holding():
            return  # an invalid value the user entered is shown, not saved; the rest waits
        profile = {k: e.text().strip() for k, e in self.edits.items() if e.text().strip()}
        size = self._chosen_size()
        if size:
            profile["size"] = size
        if not self._needs_reason():
            profile.pop("size_reason", None)  # by the rule: nothing to explain
        stored = session.answers.profile
        city = self.city.currentText().strip()
        if city and city == self._shown_city:  # unchanged: as stored, code and all
            profile.update({k: stored[k] for k in ("city", "city_code") if stored.get(k)})
        elif city:
            profile["city"] = city
        code = self.industry.currentData()
        if code == KEPT:
            profile.update({k: stored[k] for k in ("industry", "industry_code") if stored.get(k)})
        elif code:
            profile["industry_code"] = code
            profile["industry"] = next(
                self.ctx.text(i.name) for i in self.lists.industries if i.code == code
            )
        # city and industry by code, whatever the UI's language (free text flagged, kept)
        profile, _ = self.lists.normalised(profile)
        self._flag_city(profile)
        industry = IndustryType.PROCESS if self.process.isChecked() else IndustryType.DISCRETE
        rules_id = self.rules.currentData() or session.answers.rules_id
        weights_id = self.weights.currentData() or None
        if (profile, industry, rules_id, weights_id) == (
            dict(session.answers.profile),
            session.answers.industry_type,
            session.answers.rules_id,
            session.answers.weights_id,
        ):
            return
        form = lib.form_for(session.answers)
        self.weights_note.setText(self.ctx.text(form.weights_note_for(weights_id)))
        self.controller.set_profile(profile, industry, rules_id, weights_id)
