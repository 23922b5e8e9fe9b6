"""The result a manager reads in ten seconds: the tier reached on a ladder of the four tiers
with each rung's checks, S and the level with "?" explanations, the path to the next tier as a
checklist (tick steps to project S, level, tier and the radar), every problem one click from
where it is fixed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factory_grader import wording
from factory_grader.domain.answers import Answers
from factory_grader.domain.results import AssessmentResult
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.scoring.what_if import path_steps, with_steps
from factory_grader.services.notices import drift_sentence, verdict_words
from factory_grader.services.versions import Drift
from factory_grader.ui.context import AppContext
from factory_grader.ui.controller import Controller
from factory_grader.ui.markup import rich
from factory_grader.ui.page_names import PageName
from factory_grader.ui.pages.base import Page
from factory_grader.ui.path_list import PathList
from factory_grader.ui.tier_ladder import TierLadder
from factory_grader.ui.version_notice import VersionNotice

if TYPE_CHECKING:  # matplotlib loads when the chart is first shown
    from factory_grader.ui.radar_view import RadarView


def _help_link(term_id: str) -> str:
    """A "?" in rich text that explains the glossary term (ResultsPage._explain)."""
    return f"&nbsp;<a href='term:{term_id}' style='text-decoration:none'><b>?</b></a>"


class ResultsPage(Page):
    def __init__(self, ctx: AppContext, controller: Controller) -> None:
        super().__init__(ctx)
        self.controller = controller
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        # A final assessment: the verdict reached at finalising, and any later change of data.
        self.final_banner = QLabel()
        self.final_banner.setObjectName("notice")
        self.final_banner.setWordWrap(True)
        self.final_banner.setVisible(False)
        # A draft on older versions of the questionnaire or rules: what that means, and updating.
        self.version_notice = VersionNotice(ctx, controller)
        self.headline = self._rich_label("resultSummary")
        self.ladder_title = self._rich_label("sectionTitle")
        self.ladder = TierLadder()
        self.ladder.setMinimumHeight(170)
        self.ladder.reveal.connect(lambda page, subject: controller.reveal(PageName(page), subject))
        self.scores = self._rich_label()
        self.weights_button = QPushButton()
        self.weights_button.clicked.connect(self._show_weights)
        self.path_title = self._rich_label("sectionTitle")
        self.path = PathList()
        self.path.setMinimumHeight(200)
        self.path.reveal.connect(lambda page, subject: controller.reveal(PageName(page), subject))
        self.path.ticked.connect(self._what_if)
        self.projection = self._rich_label("projection")
        self.chart_holder = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.disclaimer = QLabel()
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setObjectName("notice")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 4, 0)
        ll.addWidget(self.ladder_title)
        ll.addWidget(self.ladder, 1)
        ll.addWidget(self.scores)
        ll.addWidget(self.weights_button, 0, Qt.AlignmentFlag.AlignLeft)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        rl.addWidget(self.path_title)
        rl.addWidget(self.path, 1)
        rl.addWidget(self.projection)
        rl.addWidget(self.chart_holder)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.final_banner)
        layout.addWidget(self.version_notice)
        layout.addWidget(self.headline)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.disclaimer)
        self.chart: RadarView | None = None
        self.projected: AssessmentResult | None = None
        self._shown: AssessmentResult | None = None  # the result the path was made for
        ctx.events.result_changed.connect(self.when_visible(self.show_result))
        self.retranslate()

    def _rich_label(self, name: str = "") -> QLabel:
        label = QLabel()
        if name:
            label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.linkActivated.connect(lambda link, label=label: self._explain(link, label))
        return label

    def _explain(self, link: str, label: QLabel) -> None:
        if link.startswith("term:"):
            from factory_grader.ui.help_dialogs import explain

            # by the "?" clicked; from the keyboard, under the label
            at = QCursor.pos()
            over = label.rect().contains(label.mapFromGlobal(at))
            explain(link.removeprefix("term:"), self.ctx.lang, label, at if over else None)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Results and what to do next"))
        self.ladder_title.setText(self.tr("Tier ladder") + _help_link("tier"))
        self.ladder.setAccessibleName(self.tr("Tier ladder"))
        self.path.setAccessibleName(self.tr("Path to the next tier"))
        self.weights_button.setText(self.tr("Weights of the sub-domains…"))
        self.version_notice.retranslate()
        self.when_visible(self.show_result)()  # the radar too: drawn only when on screen

    # --- showing ------------------------------------------------------------------------------

    def show_result(self) -> None:
        result, session, lib = self.ctx.result, self.ctx.session, self.ctx.library
        if result is None or session is None or lib is None:
            return
        answers, lang = session.answers, self.ctx.lang
        form, rules = lib.form_for(answers), lib.rules_for(answers)
        catalogue = lib.catalogue_for(answers)
        m, t = result.maturity, result.tier
        tier = wording.tier_name(rules, t.tier, lang)
        reached = self.tr("Tier reached: {tier}").format(tier=f"<b>{rich(tier)}</b>")
        self.headline.setText(
            f"<p style='font-size:15pt'>{reached}"
            f"{_help_link('tier')} &nbsp;·&nbsp; <b>S = {format_hundredths(m.score_hundredths)}"
            f"</b>{_help_link('S')} &nbsp;·&nbsp; {rich(wording.level_name(form, m.level, lang))}"
            f"{_help_link('level')}</p>"
        )
        self.ladder.show_result(result, form, rules, catalogue, lang)
        self.scores.setText(self._scores_html(result, answers))
        if t.next_tier is None and not result.gaps.improvements:
            self.path_title.setText(wording.TOP_TIER.get(lang))
        elif t.next_tier is None:
            self.path_title.setText(
                wording.TOP_TIER.get(lang)
                + self.tr(": other raises that help (tick to see the effect)")
            )
        else:
            self.path_title.setText(
                wording.plan_heading(rules, t.next_tier, lang)
                + self.tr(" (tick steps to see the result once they are done)")
            )
        # the same result shown again (a language switch): the ticks stay
        ticked = (
            {(s.kind, s.subject) for s in self.path.checked_steps()}
            if result is self._shown
            else set()
        )
        self._shown = result
        steps = path_steps(result.gaps, answers, catalogue)
        self.path.show_steps(steps, result, form, rules, catalogue, lang)
        self.path.tick(ticked)
        self.disclaimer.setText(" ".join(wording.notice(form, answers.weights_id, lang)))
        self.projected = None
        if ticked:
            self._what_if()  # projects and draws
        else:
            self._show_projection()
            self._draw_chart()
        self._show_final_verdict()
        self.version_notice.refresh()

    def _scores_html(self, result: AssessmentResult, answers: Answers) -> str:
        lib = self.ctx.library
        assert lib is not None
        lang = self.ctx.lang
        form, rules = lib.form_for(answers), lib.rules_for(answers)
        catalogue = lib.catalogue_for(answers)
        m, t = result.maturity, result.tier
        counted, not_counted = self.tr("counted"), self.tr("not counted")
        rows = "".join(
            f"<tr><td>A{ls.level}</td><td align='right'>{format_hundredths(ls.hundredths)}</td>"
            f"<td>{counted if ls.counted else not_counted}</td></tr>"
            for ls in m.level_scores
        )
        rule = wording.rule_sentence(m, lang)
        if wording.sum_note_needed(m):
            rule += " " + wording.SUM_NOTE.get(lang)
        covered = wording.listing(
            [self.ctx.text(x.name) for x in catalogue.links if x.id in t.covered_links], lang
        )
        coverage = self.tr(
            "Stages covered by built scenarios: {n} of 5 ({names}); {ai} of {built} built scenarios use AI"
        ).format(n=len(t.covered_links), names=covered or "–", ai=t.ai_count, built=t.built_count)
        scores_word, in_s_word = self.tr("Level scores"), self.tr("In S?")
        rule_set_word, weights_word = self.tr("Rule set"), self.tr("Weights")
        return (
            f"<table cellspacing='4'><tr><th align='left'>{scores_word}"
            f"{_help_link('A')}</th><th></th><th align='left'>{in_s_word}"
            f"{_help_link('counted')}</th></tr>{rows}</table>"
            f"<p>{rich(rule)}{_help_link('rule')}</p><p>{rich(coverage)}{_help_link('link')}</p>"
            f"<p>{rule_set_word}: {rich(self.ctx.text(rules.name))}<br>"
            f"{weights_word}: {rich(self.ctx.text(form.weights_name(answers.weights_id)))}</p>"
        )

    def _what_if(self) -> None:
        """Project S, level, tier and the radar as if the ticked steps were done."""
        session, lib = self.ctx.session, self.ctx.library
        if session is None or lib is None:
            return
        steps = self.path.checked_steps()
        if steps:
            from factory_grader.services.scoring_service import score_answers

            changed = with_steps(session.answers, steps)
            self.projected = score_answers(lib, changed, improvements=False)
        else:
            self.projected = None
        self._show_projection()
        self._draw_chart()

    def _show_projection(self) -> None:
        session, lib = self.ctx.session, self.ctx.library
        projected = self.projected
        if projected is None or session is None or lib is None:
            self.projection.setText(
                self.tr("Tick steps above to see S, level and tier once they are done.")
            )
            return
        lang = self.ctx.lang
        form, rules = lib.form_for(session.answers), lib.rules_for(session.answers)
        self.projection.setText(
            self.tr(
                "Once the {n} ticked step(s) are done: <b>{tier}</b> · S = {s} · {level}"
            ).format(
                n=len(self.path.checked_steps()),
                tier=wording.tier_name(rules, projected.tier.tier, lang),
                s=format_hundredths(projected.maturity.score_hundredths),
                level=wording.level_name(form, projected.maturity.level, lang),
            )
        )

    def _draw_chart(self) -> None:
        result, session = self.ctx.result, self.ctx.session
        if not self.isVisible() or result is None or session is None:
            return  # drawn when shown: matplotlib loads only when someone looks at it
        from factory_grader.ui.radar_view import RadarView

        if self.chart is None:
            self.chart = RadarView(self.ctx)
            self.chart_layout.addWidget(self.chart)
        self.chart.draw(result, session.answers, self.projected)

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
