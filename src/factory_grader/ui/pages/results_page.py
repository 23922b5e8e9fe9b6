"""The full result: S, level, tier, A1–A5 with the rule applied, tier checks, gaps, and the
prioritised improvements, which can be ticked to see the projected S and tier (what-if)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factory_grader import wording
from factory_grader.domain.answers import Answers
from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.results import AssessmentResult, Check
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.services.notices import drift_sentence, verdict_words
from factory_grader.services.versions import Drift
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.pages.base import Page
from factory_grader.ui.version_notice import VersionNotice

if TYPE_CHECKING:  # matplotlib loads when the chart is first shown
    from factory_grader.ui.radar_view import RadarView

ROLE_IMPROVEMENT = Qt.ItemDataRole.UserRole


class ResultsPage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        # A final assessment: the verdict reached at finalising, and any later change of data.
        self.final_banner = QLabel()
        self.final_banner.setObjectName("notice")
        self.final_banner.setWordWrap(True)
        self.final_banner.setVisible(False)
        # A draft on older versions of the questionnaire or rules: what that means, and updating.
        self.version_notice = VersionNotice(ctx, controller)
        self.summary = QLabel()
        self.summary.setObjectName("resultSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.gaps_title, self.plan_title = QLabel(), QLabel()
        self.gaps_title.setObjectName("sectionTitle")
        self.plan_title.setObjectName("sectionTitle")
        self.gaps = QListWidget()
        self.plan = QListWidget()
        for lst in (self.gaps, self.plan):
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan.itemChanged.connect(lambda _: self._what_if())
        self.projection = QLabel()
        self.projection.setObjectName("projection")
        self.projection.setWordWrap(True)
        self.chart_holder = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.weights_button = QPushButton()
        self.weights_button.clicked.connect(self._show_weights)
        self.disclaimer = QLabel()
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setObjectName("notice")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addWidget(self.summary)
        ll.addWidget(self.weights_button)
        ll.addWidget(self.chart_holder, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        for w in (self.gaps_title, self.gaps, self.plan_title, self.plan, self.projection):
            rl.addWidget(w)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.final_banner)
        layout.addWidget(self.version_notice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.disclaimer)
        self.chart: RadarView | None = None
        ctx.events.result_changed.connect(self.when_visible(self.show_result))
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Results and what to do next"))
        self.gaps_title.setText(self.tr("What blocks the next tier"))
        self.plan_title.setText(
            self.tr(
                "Improvements that help most, the blocking level first (tick to see the effect)"
            )
        )
        self.gaps.setAccessibleName(self.tr("What blocks the next tier"))
        self.plan.setAccessibleName(self.tr("Improvements"))
        self.weights_button.setText(self.tr("Weights of the sub-domains…"))
        self.version_notice.retranslate()
        self.show_result()

    def show_result(self) -> None:
        result, session, lib = self.ctx.result, self.ctx.session, self.ctx.library
        if result is None or session is None or lib is None:
            return
        answers, lang = session.answers, self.ctx.lang
        form, rules = lib.form_for(answers), lib.rules_for(answers)
        catalogue = lib.catalogue_for(answers)
        m, t, g = result.maturity, result.tier, result.gaps
        counted_word, not_counted_word = self.tr("counted"), self.tr("not counted")
        rows = "".join(
            f"<tr><td>A{ls.level}</td><td align='right'>{format_hundredths(ls.hundredths)}</td>"
            f"<td>{counted_word if ls.counted else not_counted_word}</td></tr>"
            for ls in m.level_scores
        )
        rule_set_word = self.tr("Rule set")
        weights_word = self.tr("Weights")
        covered = wording.listing(
            [self.ctx.text(x.name) for x in catalogue.links if x.id in t.covered_links], lang
        )
        coverage = self.tr(
            "Stages covered by built scenarios: {n} of 5 ({names}); {ai} of {built} built scenarios use AI"
        ).format(n=len(t.covered_links), names=covered or "–", ai=t.ai_count, built=t.built_count)
        tier = wording.tier_name(rules, t.tier, lang)
        rule = wording.rule_sentence(m, lang)
        if wording.sum_note_needed(m):
            rule += " " + wording.SUM_NOTE.get(lang)
        self.summary.setText(
            f"<p style='font-size:16pt'><b>S = {format_hundredths(m.score_hundredths)}</b> · "
            f"{wording.level_name(form, m.level, lang)} · <b>{tier}</b></p>"
            f"<table cellspacing='6'>{rows}</table><p>{rule}</p>"
            f"<p>{coverage}</p><p>{rule_set_word}: {self.ctx.text(rules.name)}<br>"
            f"{weights_word}: {self.ctx.text(form.weights_name(answers.weights_id))}</p>"
        )
        self.gaps.clear()
        if t.next_tier is None:
            self.gaps.addItem(wording.TOP_TIER.get(lang))
        else:
            self.gaps.addItem(
                self.tr("Next tier: {tier}").format(
                    tier=wording.tier_name(rules, t.next_tier, lang)
                )
            )
            for check in g.unmet:
                self.gaps.addItem("• " + self.describe(check, answers))
            self.gaps.addItem(
                wording.plan_heading(rules, t.next_tier, lang) + ("：" if lang == "zh" else ":")
            )
            plan = wording.plan_sentences(g, rules, catalogue, lang)
            for n, line in enumerate(plan, 1):
                self.gaps.addItem(f"{n}. {line}")
                if n == 1 and g.plan:
                    for item in g.plan[:12]:
                        statement = self._statement(form, item.requirement_id)
                        self.gaps.addItem(
                            "    – " + wording.improvement_sentence(item, statement, lang, False)
                        )
                    if len(g.plan) > 12:
                        self.gaps.addItem(f"    … +{len(g.plan) - 12}")
        self.plan.blockSignals(True)
        self.plan.clear()
        for item in g.improvements:
            statement = self._statement(form, item.requirement_id)
            entry = QListWidgetItem(wording.improvement_sentence(item, statement, lang))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            entry.setData(ROLE_IMPROVEMENT, (item.requirement_id, item.target))
            self.plan.addItem(entry)
        self.plan.blockSignals(False)
        self.projection.setText("")
        self.disclaimer.setText(" ".join(wording.notice(form, answers.weights_id, lang)))
        self._draw_chart(result, answers)
        self._show_final_verdict()
        self.version_notice.refresh()

    def _show_final_verdict(self) -> None:
        session, service, lib = self.ctx.session, self.ctx.service, self.ctx.library
        verdict = session.summary.final_verdict if session is not None else None
        if session is None or verdict is None or service is None or lib is None:
            self.final_banner.setVisible(False)
            return
        summary, answers = session.summary, session.answers

        def shown(drift: list[Drift]) -> None:
            form, rules = lib.form_for(answers), lib.rules_for(answers)
            words = verdict_words(
                (verdict.score_hundredths, verdict.level, verdict.tier), form, rules, self.ctx.lang
            )
            text = self.tr(
                "Final verdict (reached when finalised, with {form} {fv} and {rules} {rv}): {verdict}."
            ).format(
                form=verdict.form_id,
                fv=verdict.form_version,
                rules=verdict.rules_id,
                rv=verdict.rules_version,
                verdict=words,
            )
            if drift:
                text += " " + self.tr(
                    "⚠ The data the verdict was reached with has changed; the figures below are recomputed, for reference only, and do not change the final verdict."
                )
                for d in drift:
                    text += " " + drift_sentence(d, form, rules, self.ctx.lang)
            self.final_banner.setText(text)
            self.final_banner.setVisible(True)

        self.ctx.background.read(lambda: service.verdict_drift(summary), shown)

    def _show_weights(self) -> None:
        result, session, lib = self.ctx.result, self.ctx.session, self.ctx.library
        if result is None or session is None or lib is None:
            return
        from factory_grader.ui.weights_dialog import WeightsDialog

        form = lib.form_for(session.answers)
        WeightsDialog(self.ctx, form, result.maturity, session.answers.weights_id, self).exec()

    def _statement(self, form: MaturityForm, requirement_id: str) -> str:
        requirement = form.requirement(requirement_id)
        return self.ctx.text(requirement.text) if requirement else requirement_id

    def describe(self, check: Check, answers: Answers) -> str:
        """An unmet check as the CLI and the workbook say it."""
        lib = self.ctx.library
        assert lib is not None
        return wording.check_sentence(
            check,
            lib.form_for(answers),
            lib.rules_for(answers),
            lib.catalogue_for(answers),
            self.ctx.lang,
        )

    def _what_if(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        if session is None or lib is None:
            return
        changes = {}
        for i in range(self.plan.count()):
            item = self.plan.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                rid, target = item.data(ROLE_IMPROVEMENT)
                changes[rid] = target
        if not changes:
            self.projection.setText("")
            return
        from factory_grader.services.scoring_service import score_answers

        projected = score_answers(lib, session.answers.with_grades(changes))
        rules = lib.rules_for(session.answers)
        tier = projected.tier.tier
        self.projection.setText(
            self.tr("With the {n} ticked improvement(s): S = {s}, tier {tier}").format(
                n=len(changes),
                s=format_hundredths(projected.maturity.score_hundredths),
                tier=wording.tier_name(rules, tier, self.ctx.lang),
            )
        )

    def _draw_chart(self, result: AssessmentResult, answers: Answers) -> None:
        if not self.isVisible():
            return  # drawn when shown: matplotlib loads only when someone looks at it
        from factory_grader.ui.radar_view import RadarView

        if self.chart is None:
            self.chart = RadarView(self.ctx)
            self.chart_layout.addWidget(self.chart)
        self.chart.draw(result, answers)
