"""The management report (评估报告): an A4 PDF for a general manager — cover, one-page summary,
maturity by sub-domain, 环节 and scenario coverage, the path to the next tier, the workshop's
participants and disagreements, the trend over revisions, the method and its limits.

Why fpdf2: pure Python (nothing to compile for Windows), it embeds and subsets a TrueType font
with a ToUnicode map (the text is selectable, pdftotext gives the Chinese back), it draws
matplotlib's SVG as vector paths, and it needs no Qt, so the command line can write a report on
a machine without a display. The bundled WenQuanYi Micro Hei has TrueType outlines (fpdf2, like
most PDF writers, cannot embed the CFF outlines of Noto CJK).

Every sentence about the result comes from factory_grader.wording (the same words as the CLI,
the results page and the workbook)."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from matplotlib import rc_context
from matplotlib.figure import Figure

from factory_grader.charts.fonts import use_cjk_fonts
from factory_grader.charts.radar import radar_figure
from factory_grader.charts.trend import bars_figure, trend_figure
from factory_grader.domain.answers import Answers
from factory_grader.domain.consensus import RULE
from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.results import AssessmentResult
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.domain.text import Lang, Text
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.scoring.subdomain_level import achieved_level
from factory_grader.wording import (
    NO_TIER,
    TOP_TIER,
    check_sentence,
    improvement_sentence,
    level_name,
    notice,
    plan_heading,
    plan_sentences,
    rule_sentence,
    short_level,
    tier_name,
)

logging.getLogger("fpdf.svg").setLevel(logging.ERROR)  # "unsupported SVG tag <metadata>"
BEIJING = timezone(timedelta(hours=8))
FONT = "cjk"
INK, MUTED, ACCENT, GOOD, BAD = (
    (33, 33, 33),
    (110, 110, 110),
    (21, 101, 192),
    (46, 125, 50),
    (198, 40, 40),
)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    revision: int
    at: datetime
    score_hundredths: int
    level: int
    tier: str | None
    final: bool


@dataclass(frozen=True, slots=True)
class Disagreement:
    number: str  # 组织战略 1.2
    votes: str  # 张三 全部满足、李四 部分满足
    proposed: str
    agreed: str
    rationale: str


@dataclass(frozen=True)
class ReportInput:
    answers: Answers
    result: AssessmentResult
    form: MaturityForm
    rules: RuleSet
    catalogue: ScenarioCatalogue
    company: str
    assessment_id: int
    revision: int
    final: bool
    written_at: datetime
    font: Path  # a TrueType (or .ttc of TrueType) font with CJK
    participants: tuple[tuple[str, str, str, bool], ...] = ()  # name, department, role, returned
    disagreements: tuple[Disagreement, ...] = ()
    trend: tuple[TrendPoint, ...] = ()
    #: gaps the previous revision had that this one closed, and new ones (修订对比's words)
    closed_gaps: tuple[str, ...] = ()
    opened_gaps: tuple[str, ...] = ()
    lang: Lang = "zh"


W = {
    "title": Text("智能工厂梯度评估报告", "Smart-factory tier assessment report"),
    "for": Text("供企业管理层使用", "For the company's management"),
    "assessment": Text("评估编号", "Assessment"),
    "revision": Text("第 {n} 版", "revision {n}"),
    "status": Text("状态", "Status"),
    "final": Text("已定稿", "final"),
    "draft": Text("草稿（尚未定稿）", "draft (not finalised)"),
    "written": Text("生成时间（北京时间）", "Written (Beijing time)"),
    "tier": Text("自评梯度", "Self-assessed tier"),
    "score": Text("成熟度得分 S", "Maturity score S"),
    "level": Text("成熟度等级", "Maturity level"),
    "self": Text(
        "本报告为企业自评结果，不是认定结论；正式评估以国家智能制造公共服务平台的评审为准。",
        "This report is a self-assessment, not a certification; the official assessment is "
        "made on the national public platform.",
    ),
    "summary": Text("一页概览", "Summary"),
    "ladder": Text("梯度阶梯", "The tier ladder"),
    "reached": Text("已达到", "reached"),
    "not_reached": Text("未达到", "not reached"),
    "all_met": Text("各项条件均满足", "every check met"),
    "top_gaps": Text("最重要的三项差距", "The three most important gaps"),
    "no_gaps": Text("已达最高梯度，没有差距。", "The highest tier is reached: no gap."),
    "maturity": Text("各能力子域的成熟度", "Maturity by sub-domain"),
    "radar_note": Text(
        "蓝色：各子域已达到的等级；红色虚线：{target}要求的等级。",
        "Blue: the level each sub-domain reaches; red dashes: the level {target} needs.",
    ),
    "coverage": Text("环节与典型场景覆盖", "Stages and typical scenarios"),
    "link": Text("环节", "Stage"),
    "built": Text("已建成", "Built"),
    "ai": Text("应用 AI", "With AI"),
    "names": Text("场景", "Scenarios"),
    "plan": Text("下一梯度的行动计划", "Plan for the next tier"),
    "requirements": Text("需提升的要求（按优先顺序）", "Requirements to raise (in order)"),
    "workshop": Text(
        "研讨会：参与人、分歧与商定", "Workshop: participants, disagreements, agreements"
    ),
    "no_workshop": Text("本次评估没有研讨会记录。", "No workshop was held for this assessment."),
    "name": Text("姓名", "Name"),
    "department": Text("部门", "Department"),
    "role": Text("角色", "Role"),
    "returned": Text("已交回", "Returned"),
    "yes": Text("是", "yes"),
    "no": Text("否", "no"),
    "item": Text("要求", "Requirement"),
    "votes": Text("各人评分", "Grades given"),
    "proposed": Text("建议", "Proposed"),
    "agreed": Text("商定答案", "Agreed"),
    "why": Text("结论说明", "Rationale"),
    "no_disagreement": Text(
        "各人评分没有需要讨论的分歧，也没有商定的答案。",
        "No grades needed discussion; nothing was agreed.",
    ),
    "trend": Text("历次评估的变化", "Progress over revisions"),
    "date": Text("日期", "Date"),
    "closed": Text("与上一版相比已消除的差距", "Gaps closed since the previous revision"),
    "opened": Text("与上一版相比新出现的差距", "Gaps opened since the previous revision"),
    "method": Text("方法与局限", "Method and limits"),
    "rule": Text("得分规则", "Scoring rule"),
    "weights": Text("权重", "Weights"),
    "consensus": Text("研讨规则", "Workshop rule"),
    "page": Text("第 {n} 页 / 共 {nb} 页", "Page {n} of {nb}"),
    "none": Text("无", "none"),
}


class _Report(FPDF):
    def __init__(self, data: ReportInput) -> None:
        super().__init__(format="A4")
        self.data = data
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=18)
        self.add_font(FONT, fname=str(data.font))
        self.add_font(FONT, style="B", fname=str(data.font))
        self.set_title(W["title"].get(data.lang))
        self.set_author("factory-grader")
        self.set_lang("zh-CN" if data.lang == "zh" else "en")
        self.alias_nb_pages()

    def w_(self, key: str, **kw: object) -> str:
        return W[key].get(self.data.lang).format(**kw)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.set_text_color(*MUTED)
        left = f"{self.data.company} · {self.w_('title')}"
        self.cell(0, 5, left, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, self.w_("page", n=self.page_no(), nb="{nb}"), align="R")

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 60:
            self.add_page()
        self.ln(2)
        self.set_font(FONT, "B", 14)
        self.set_text_color(*ACCENT)
        self.cell(0, 9, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*ACCENT)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(3)
        self.set_text_color(*INK)

    def para(self, text: str, size: float = 10.5, colour: tuple[int, int, int] = INK) -> None:
        if self.data.lang == "zh":  # Chinese wraps anywhere; a space (建成 1 个) is no break
            text = text.replace(" ", "\u00a0")
        self.set_font(FONT, size=size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.55, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)
        self.ln(1)

    def figure(self, fig: Figure, width: float) -> None:
        buf = io.BytesIO()
        with rc_context({"svg.fonttype": "path"}):
            fig.savefig(buf, format="svg")
        buf.seek(0)
        height = width * fig.get_figheight() / fig.get_figwidth()
        if self.get_y() + height > self.h - self.b_margin:
            self.add_page()
        self.image(buf, x=(self.w - width) / 2, w=width)
        self.ln(2)

    def grid(
        self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]
    ) -> None:
        self.set_font(FONT, size=9)
        self.set_draw_color(190, 190, 190)
        with self.table(
            col_widths=tuple(widths),
            text_align="LEFT",
            line_height=5,
            headings_style=FontFace(emphasis="BOLD", fill_color=(221, 235, 247)),
            first_row_as_headings=True,
        ) as table:
            head = table.row()
            for h in headings:
                head.cell(h)
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(value)
        self.ln(3)


def write_report(path: Path, data: ReportInput) -> None:
    """Writes the PDF whole or not at all (a temporary file renamed into place)."""
    use_cjk_fonts(data.font)
    pdf = _Report(data)
    _cover(pdf)
    _summary(pdf)
    _maturity(pdf)
    _coverage(pdf)
    _plan(pdf)
    _workshop(pdf)
    _trend(pdf)
    _method(pdf)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a part file beside it (made with the user's usual permissions, unlike mkstemp's 0600)
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        pdf.output(str(temp))
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _tier_text(pdf: _Report, tier: str | None) -> str:
    d = pdf.data
    return tier_name(d.rules, tier, d.lang) if tier else NO_TIER.get(d.lang)


def _cover(pdf: _Report) -> None:
    d, m = pdf.data, pdf.data.result.maturity
    pdf.add_page()
    pdf.set_y(55)
    pdf.set_font(FONT, "B", 26)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(0, 14, pdf.w_("title"), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=12)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 8, pdf.w_("for"), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(14)
    pdf.set_font(FONT, "B", 18)
    pdf.set_text_color(*INK)
    pdf.multi_cell(0, 10, d.company, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(10)
    pdf.set_font(FONT, "B", 22)
    pdf.set_text_color(*(GOOD if d.result.tier.tier else BAD))
    big = f"{pdf.w_('tier')}：{_tier_text(pdf, d.result.tier.tier)}"
    if d.lang == "en":
        big = f"{pdf.w_('tier')}: {_tier_text(pdf, d.result.tier.tier)}"
    pdf.cell(0, 14, big, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, size=13)
    pdf.set_text_color(*INK)
    line = f"S = {format_hundredths(m.score_hundredths)} · {level_name(d.form, m.level, d.lang)}"
    pdf.cell(0, 9, line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(24)
    pdf.set_font(FONT, size=10.5)
    colon = "：" if d.lang == "zh" else ": "
    status = pdf.w_("final") if d.final else pdf.w_("draft")
    written = d.written_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    for label, value in (
        (
            pdf.w_("assessment"),
            f"{d.assessment_id}（{pdf.w_('revision', n=d.revision)}）"
            if d.lang == "zh"
            else f"{d.assessment_id} ({pdf.w_('revision', n=d.revision)})",
        ),
        (pdf.w_("status"), status),
        (pdf.w_("written"), written),
    ):
        pdf.cell(0, 7, f"{label}{colon}{value}", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(-50)
    pdf.para(pdf.w_("self"), 9.5, MUTED)


def _summary(pdf: _Report) -> None:
    d = pdf.data
    m, t = d.result.maturity, d.result.tier
    pdf.add_page()
    pdf.heading(pdf.w_("summary"))
    colon = "：" if d.lang == "zh" else ": "
    pdf.para(
        f"{pdf.w_('tier')}{colon}{_tier_text(pdf, t.tier)}    "
        f"{pdf.w_('score')}{colon}{format_hundredths(m.score_hundredths)}    "
        f"{pdf.w_('level')}{colon}{level_name(d.form, m.level, d.lang)}",
        12,
    )
    pdf.heading(pdf.w_("ladder"))
    rows = []
    for tc in t.tiers:
        unmet = [c for c in tc.checks if not c.met]
        reached = t.tier is not None and _rank(d, tc.tier_id) <= _rank(d, t.tier)
        said = (
            "\n".join(
                "·\u00a0" + check_sentence(c, d.form, d.rules, d.catalogue, d.lang) for c in unmet
            )
            if unmet
            else pdf.w_("all_met")
        )
        rows.append(
            (
                tier_name(d.rules, tc.tier_id, d.lang),
                pdf.w_("reached") if reached else pdf.w_("not_reached"),
                said,
            )
        )
    pdf.grid((pdf.w_("tier"), pdf.w_("status"), ""), rows, (28, 20, 126))
    pdf.heading(pdf.w_("top_gaps"))
    gaps = top_gaps(d)
    if not gaps:
        pdf.para(pdf.w_("no_gaps"))
    for n, text in enumerate(gaps, 1):
        pdf.para(f"{n}. {text}", 11)


def top_gaps(d: ReportInput) -> list[str]:
    """What blocks the next tier (its unmet checks, as decided), then the raises that help
    most: the first three."""
    g = d.result.gaps
    said = [check_sentence(c, d.form, d.rules, d.catalogue, d.lang) for c in g.unmet]
    statements = {r.id: r.text.get(d.lang) for r in d.form.requirements}
    said += [improvement_sentence(i, statements[i.requirement_id], d.lang) for i in g.improvements]
    return said[:3]


def _rank(d: ReportInput, tier_id: str) -> int:
    return [tc.tier_id for tc in d.result.tier.tiers].index(tier_id)


def _maturity(pdf: _Report) -> None:
    d = pdf.data
    subs = d.form.subdomains
    scores = d.result.maturity.subdomain_scores
    achieved = [achieved_level(scores[s.id]) for s in subs]
    target = d.result.tier.next_tier or d.result.tier.tier
    required = d.rules.tier(target).min_level if target else None
    pdf.add_page()
    pdf.heading(pdf.w_("maturity"))
    labels = [s.name.get(d.lang) for s in subs]
    pdf.figure(radar_figure(labels, achieved, required, size=(5.6, 5.6)), 112)
    if target:
        pdf.para(pdf.w_("radar_note", target=_tier_text(pdf, target)), 9, MUTED)
    pdf.figure(bars_figure(labels, achieved, required, d.lang), 140)


def _coverage(pdf: _Report) -> None:
    d = pdf.data
    pdf.heading(pdf.w_("coverage"))
    rows = []
    names = {s.id: s for s in d.catalogue.scenarios}
    for link in d.catalogue.links:
        built = [
            sid
            for sid, a in d.answers.scenarios.items()
            if a.built and sid in names and d.catalogue.link_of(names[sid]) == link.id
        ]
        ai = [sid for sid in built if d.answers.scenarios[sid].ai]
        sep = "、" if d.lang == "zh" else ", "
        rows.append(
            (
                link.name.get(d.lang),
                str(len(built)),
                str(len(ai)),
                sep.join(names[s].name.get(d.lang) for s in built) or pdf.w_("none"),
            )
        )
    pdf.grid(
        (pdf.w_("link"), pdf.w_("built"), pdf.w_("ai"), pdf.w_("names")), rows, (26, 18, 18, 112)
    )


def _plan(pdf: _Report) -> None:
    d = pdf.data
    g, t = d.result.gaps, d.result.tier
    pdf.heading(pdf.w_("plan"))
    if not t.next_tier:
        pdf.para(TOP_TIER.get(d.lang))
        return
    pdf.para(plan_heading(d.rules, t.next_tier, d.lang), 12)
    for n, line in enumerate(plan_sentences(g, d.rules, d.catalogue, d.lang), 1):
        pdf.para(f"{n}. {line}")
    if g.plan:
        statements = {r.id: r.text.get(d.lang) for r in d.form.requirements}
        pdf.para(pdf.w_("requirements"), 11)
        for i in g.plan[:20]:
            pdf.para(
                "·\u00a0" + improvement_sentence(i, statements[i.requirement_id], d.lang, False),
                9.5,
            )
        if len(g.plan) > 20:
            pdf.para(f"… +{len(g.plan) - 20}", 9.5, MUTED)


def _workshop(pdf: _Report) -> None:
    d = pdf.data
    pdf.heading(pdf.w_("workshop"))
    if not d.participants:
        pdf.para(pdf.w_("no_workshop"))
        return
    pdf.grid(
        (pdf.w_("name"), pdf.w_("department"), pdf.w_("role"), pdf.w_("returned")),
        [
            (n, dep, role, pdf.w_("yes") if back else pdf.w_("no"))
            for n, dep, role, back in d.participants
        ],
        (40, 50, 50, 34),
    )
    if not d.disagreements:
        pdf.para(pdf.w_("no_disagreement"))
        return
    pdf.grid(
        (pdf.w_("item"), pdf.w_("votes"), pdf.w_("proposed"), pdf.w_("agreed"), pdf.w_("why")),
        [(x.number, x.votes, x.proposed, x.agreed, x.rationale) for x in d.disagreements],
        (26, 52, 22, 24, 50),
    )


def _trend(pdf: _Report) -> None:
    d = pdf.data
    if len(d.trend) < 2:
        return
    pdf.heading(pdf.w_("trend"))
    labels = [f"T{n}" for n in range(len(d.trend))]
    scores = [p.score_hundredths / 100 for p in d.trend]
    marks = [f"{short_level(p.level, d.lang)} · {_tier_text(pdf, p.tier)}" for p in d.trend]
    pdf.figure(trend_figure(labels, scores, marks), 150)
    rows = [
        (
            f"T{n}",
            pdf.w_("revision", n=p.revision),
            p.at.astimezone(BEIJING).strftime("%Y-%m-%d"),
            format_hundredths(p.score_hundredths),
            level_name(d.form, p.level, d.lang),
            _tier_text(pdf, p.tier),
        )
        for n, p in enumerate(d.trend)
    ]
    pdf.grid(
        ("", pdf.w_("assessment"), pdf.w_("date"), "S", pdf.w_("level"), pdf.w_("tier")),
        rows,
        (14, 30, 30, 20, 40, 40),
    )
    for key, gaps in (("closed", d.closed_gaps), ("opened", d.opened_gaps)):
        if gaps:
            pdf.para(pdf.w_(key), 11)
            for text in gaps:
                pdf.para("·\u00a0" + text, 9.5)


def _method(pdf: _Report) -> None:
    d = pdf.data
    pdf.heading(pdf.w_("method"))
    colon = "：" if d.lang == "zh" else ": "
    pdf.para(f"{pdf.w_('rule')}{colon}{rule_sentence(d.result.maturity, d.lang)}")
    weights = d.form.weights_name(d.answers.weights_id).get(d.lang)
    pdf.para(f"{pdf.w_('weights')}{colon}{weights}")
    if d.participants:
        pdf.para(f"{pdf.w_('consensus')}{colon}{RULE.get(d.lang)}")
    for line in notice(d.form, d.answers.weights_id, d.lang):
        pdf.para(line, 9.5, MUTED)
    pdf.para(pdf.w_("self"), 9.5, MUTED)


__all__ = ["Disagreement", "ReportInput", "TrendPoint", "top_gaps", "write_report"]
