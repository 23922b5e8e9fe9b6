"""Every word and sentence about a result, in Chinese and English, written once: grade, tier and
level names, 未达基础级, the rule for S, each kind of unmet check, the plan to the next tier, an
improvement, the self-assessment notice. The CLI, the GUI and the workbook all take them from
here, so the three say the same thing (tests/ui/test_wording_consistency.py). Qt's tr() stays
for widget labels; sentences about files and data versions are in services/notices.py.

Pure: domain objects in, text out. It sits under the workbook in the layers (pyproject.toml), so
it takes the form, rules and catalogue rather than the library that finds them.

The Chinese and English texts a submission workbook shows come from here too: changing one makes
earlier exports of that text read as edited by `verify`, so change them only with the workbook
format's version (docs/workbook-format.md)."""

from __future__ import annotations

from factory_grader.domain.maturity_model import Grade, MaturityForm
from factory_grader.domain.results import (
    AiShareCheck,
    Check,
    CoverageCheck,
    GapReport,
    Improvement,
    MaturityCheck,
    MaturityResult,
    TierResult,
)
from factory_grader.domain.rules import Confidence, RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.domain.text import Lang, Text
from factory_grader.domain.workshop import Agreement
from factory_grader.scoring.rounding import format_gain, format_hundredths
from factory_grader.scoring.tier import claim_gaps
from factory_grader.scoring.what_if import Step, StepKind

NO_TIER = Text("未达基础级", "No tier reached")
TOP_TIER = Text("已达最高梯度", "Highest tier reached")
SUM_NOTE = Text(
    "各级得分四舍五入显示，合计与 S 可能相差 0.01；判定按未舍入的值。",
    "Level scores are rounded for display and may add up to 0.01 more or less than S; "
    "decisions use the unrounded values.",
)

#: The answer to a requirement, in the order the choices are offered (None: not answered).
GRADE_NAMES: dict[str | None, Text] = {
    "full": Text("全部满足", "Fully met"),
    "most": Text("大部分满足", "Mostly met"),
    "partial": Text("部分满足", "Partly met"),
    "none": Text("不满足", "Not met"),
    "na": Text("不适用", "Not applicable"),
    None: Text("未作答", "Unanswered"),
}

#: A tier applied for above the one the answers reach: the cover says so beside the claim, and
#: the export warns first, naming what is not met (scoring.tier.claim_gaps).
CLAIM_ABOVE = Text(
    "{claimed}（高于自评梯度：{computed}）", "{claimed} (above the self-assessed tier: {computed})"
)
CLAIM_WARNING = Text(
    "申报梯度“{claimed}”高于自评梯度“{computed}”，以下条件尚未满足：",
    "The tier applied for, {claimed}, is above the self-assessed tier, {computed}. Not yet met:",
)

#: What separates the three "met" answers: one line, the same on every questionnaire card.
GRADE_GUIDE = Text(
    "全部满足：相关范围全部做到且有记录；大部分满足：主要产线或业务已做到；部分满足：已开始或局部做到",
    "Fully: done wherever it applies, with records; mostly: done for the main lines or "
    "business; partly: started, or done in places",
)

#: How sure a rule's source is (domain.rules.Provenance; the source's own label is data there).
CONFIDENCE_NAMES: dict[Confidence, Text] = {
    Confidence.OFFICIAL: Text("官方", "official"),
    Confidence.SECONDARY: Text("二手资料", "secondary source"),
    Confidence.UNCONFIRMED: Text("待确认", "unconfirmed"),
}

_LIST_SEPARATOR = Text("、", ", ")


def grade_name(grade: Grade | str | None, lang: Lang) -> str:
    """全部满足 … 未作答 / Fully met … Unanswered (a Grade, its value, or None)."""
    key = grade.value if isinstance(grade, Grade) else grade
    return GRADE_NAMES[key].get(lang)


def tier_name(rules: RuleSet, tier_id: str | None, lang: Lang) -> str:
    """The tier's name in the rule set, or 未达基础级 when no tier is reached."""
    return rules.tier(tier_id).name.get(lang) if tier_id else NO_TIER.get(lang)


def level_name(form: MaturityForm, level: int, lang: Lang) -> str:
    """The maturity level's full name: 二级（规范级）, 未达一级 for level 0."""
    return form.band_for_level(level).name.get(lang)


def short_level(level: int, lang: Lang) -> str:
    """一级 … 五级 / Level 1 … 5: where the full name does not fit (a column header)."""
    return f"Level {level}" if lang == "en" else "零一二三四五"[level] + "级"


def listing(items: list[str], lang: Lang) -> str:
    """Items run together as the language lists them: 甲、乙 / a, b."""
    return _LIST_SEPARATOR.get(lang).join(items)


def rule_sentence(maturity: MaturityResult, lang: Lang) -> str:
    """Which level scores make up S, and why the others do not count."""
    counted = [ls for ls in maturity.level_scores if ls.counted]
    terms = " + ".join(f"A{ls.level}" for ls in counted)
    if maturity.stop_level is None:
        return (
            f"S = {terms}（各级均达 0.80）" if lang == "zh" else f"S = {terms} (every level ≥ 0.80)"
        )
    level = maturity.stop_level
    stop = format_hundredths(maturity.level_scores[level - 1].hundredths)
    if lang == "en":
        return f"S = {terms}; stops at level {level} (A{level} = {stop} < 0.80)"
    return f"S = {terms}；第 {level} 级得分 {stop} 低于 0.80，更高等级不再计入"


def sum_note_needed(maturity: MaturityResult) -> bool:
    """The rounded level scores shown do not add up to the S shown: say why (SUM_NOTE)."""
    shown = sum(ls.hundredths for ls in maturity.level_scores if ls.counted)
    return shown != maturity.score_hundredths


def check_sentence(
    check: Check,
    form: MaturityForm,
    rules: RuleSet,
    catalogue: ScenarioCatalogue,
    lang: Lang,
) -> str:
    """One unmet check of a tier as a sentence a factory manager understands."""
    zh = lang == "zh"
    if isinstance(check, MaturityCheck):
        need = level_name(form, check.required_level, lang)
        have = format_hundredths(check.score_hundredths)
        return (
            f"成熟度需达到{need}，当前 S = {have}"
            if zh
            else (f"maturity must reach {need}; S is now {have}")
        )
    if isinstance(check, CoverageCheck):
        link = catalogue.link(check.subject).name.get(lang)
        if check.built == 0:
            return (
                f"“{link}”环节尚无已建成的典型场景"
                if zh
                else (f"no built scenario covers the {link} stage")
            )
        return (
            f"“{link}”环节需有 {check.required} 个已建成的典型场景（当前 {check.built} 个）"
            if zh
            else f"the {link} stage needs {check.required} built scenarios (now {check.built})"
        )
    if isinstance(check, AiShareCheck):
        ai, built, pct, more = check.ai, check.built, check.required_percent, check.convert_needed
        if zh:
            return f"应用 AI 的场景占已建场景比例需 ≥ {pct}%（当前 {ai}/{built}），还需 {more} 个"
        return f"AI share of built scenarios must be ≥ {pct}% (now {ai}/{built}); {more} more"
    text = rules.condition(check.subject).text.get(lang)
    if not check.answered:
        return f"{text}（未作答）" if zh else f"{text} (unanswered)"
    return text


def earlier_check_sentences(
    check: Check,
    form: MaturityForm,
    rules: RuleSet,
    catalogue: ScenarioCatalogue,
    lang: Lang,
) -> tuple[str, ...]:
    """What earlier versions of the app said for this check, where that differs from now:
    a workbook exported then still verifies (docs/workbook-format.md). 2026-12-01: a 环节 with
    too few built scenarios was "the 环节 X" in English, and said to have none even when it
    had some but too few."""
    if not isinstance(check, CoverageCheck):
        return ()
    link = catalogue.link(check.subject).name.get(lang)
    before = (
        f"“{link}”环节尚无已建成的典型场景"
        if lang == "zh"
        else f"no built scenario covers the 环节 {link}"
    )
    return () if before == check_sentence(check, form, rules, catalogue, lang) else (before,)


def plan_heading(rules: RuleSet, tier_id: str, lang: Lang) -> str:
    """The title over the plan to the next tier."""
    name = tier_name(rules, tier_id, lang)
    return f"达到{name}的路径" if lang == "zh" else f"Path to {name}"


def plan_sentences(
    gaps: GapReport, rules: RuleSet, catalogue: ScenarioCatalogue, lang: Lang
) -> list[str]:
    """The plan to the next tier, one sentence per part: questionnaire, 环节, AI share, each
    condition."""
    zh = lang == "zh"
    lines: list[str] = []
    if gaps.plan:
        raised = listing(
            [
                f"A{r.level} {format_hundredths(r.before_hundredths)} → "
                f"{format_hundredths(r.after_hundredths)}"
                for r in gaps.plan_levels
            ],
            lang,
        )
        n, s = len(gaps.plan), format_hundredths(gaps.plan_score_after_hundredths or 0)
        line = (
            f"问卷：提升以下 {n} 项要求，使 {raised}，S → {s}"
            if zh
            else f"Questionnaire: raise these {n} requirements so that {raised}; S → {s}"
        )
        if not gaps.plan_reaches_target:
            line += (
                "（仅靠提升问卷得分仍达不到目标 S）"
                if zh
                else "(raising answers alone does not reach the target S)"
            )
        lines.append(line)
    elif gaps.target_hundredths is not None and not gaps.plan_reaches_target:
        lines.append(  # a plan was tried and no raise helps
            "问卷：仅靠提升问卷得分达不到目标 S"
            if zh
            else "Questionnaire: raising answers alone does not reach the target S"
        )
    scenario_names = {s.id: s.name.get(lang) for s in catalogue.scenarios}
    for gap in gaps.links_to_cover:
        link = catalogue.link(gap.link_id).name.get(lang)
        names = listing([scenario_names[c] for c in gap.candidates[:4]], lang) or "—"
        lines.append(
            f"场景：“{link}”环节还需建成 {gap.needed} 个典型场景，可选：{names}"
            if zh
            else f"Scenarios: build {gap.needed} more scenario(s) of the {link} stage, e.g. {names}"
        )
    if gaps.ai_needed:
        pct = rules.tier(gaps.next_tier).ai_share_min_percent if gaps.next_tier else 0
        lines.append(
            f"AI：还需 {gaps.ai_needed} 个已建场景应用人工智能（占比需 ≥ {pct}%）"
            if zh
            else f"AI: {gaps.ai_needed} more built scenarios must use AI (share ≥ {pct}%)"
        )
    for cid in gaps.conditions_to_meet:
        text = rules.condition(cid).text.get(lang)
        lines.append(f"条件：{text}" if zh else f"Condition: {text}")
    return lines


def sentence_case(text: str) -> str:
    """A sentence written to run on (check_sentence's "the … stage needs …") standing alone,
    as a list's line or a heading."""
    return text[:1].upper() + text[1:]


def requirement_number(form: MaturityForm, requirement_id: str, lang: Lang) -> str:
    """A short number a person reads instead of the id: 组织战略 1.2 is the second requirement
    of 组织战略 at level 1, in the form's order (the id stays in tooltips and exports). Counted
    over both industry types, so a requirement has one number in every factory: a process
    factory may see 装备 2.2 without 2.1, which is a discrete factory's."""
    numbers = _NUMBERS.get(id(form))
    if numbers is None or numbers[0] is not form:
        counts: dict[tuple[str, int], int] = {}
        found: dict[str, tuple[str, int, int]] = {}
        for r in form.requirements:
            n = counts[(r.subdomain_id, r.level)] = counts.get((r.subdomain_id, r.level), 0) + 1
            found[r.id] = (r.subdomain_id, r.level, n)
        numbers = _NUMBERS[id(form)] = (form, found)
    place = numbers[1].get(requirement_id)
    if place is None:
        return requirement_id
    sub_id, level, n = place
    return f"{form.subdomain(sub_id).name.get(lang)} {level}.{n}"


#: id(form) -> (the form, requirement id -> (sub-domain, level, place)); the form is kept so a
#: reused id() never finds another form's numbers.
_NUMBERS: dict[int, tuple[MaturityForm, dict[str, tuple[str, int, int]]]] = {}


def claim_warning(
    tiers: TierResult,
    claimed: str | None,
    form: MaturityForm,
    rules: RuleSet,
    catalogue: ScenarioCatalogue,
    lang: Lang,
) -> tuple[str, list[str]] | None:
    """A tier applied for above the one reached: the warning and what it lacks, one sentence
    per unmet check (the export dialog and the CLI say the same); None when it is reached."""
    gaps = claim_gaps(tiers, claimed)
    if not gaps:
        return None
    head = CLAIM_WARNING.get(lang).format(
        claimed=tier_name(rules, claimed, lang), computed=tier_name(rules, tiers.tier, lang)
    )
    return head, [check_sentence(c, form, rules, catalogue, lang) for c in gaps]


def met_check_sentence(
    check: Check,
    form: MaturityForm,
    rules: RuleSet,
    catalogue: ScenarioCatalogue,
    lang: Lang,
) -> str:
    """A check of a tier that holds, as the results page's tier ladder says it (an unmet one
    is check_sentence's, as the CLI and the workbook say it)."""
    zh = lang == "zh"
    if isinstance(check, MaturityCheck):
        need = level_name(form, check.required_level, lang)
        s = format_hundredths(check.score_hundredths)
        return f"成熟度达到{need}（S = {s}）" if zh else f"maturity reaches {need} (S = {s})"
    if isinstance(check, CoverageCheck):
        link = catalogue.link(check.subject).name.get(lang)
        if zh:
            return f"“{link}”环节有 {check.built} 个已建成的典型场景（需 {check.required} 个）"
        return f"the {link} stage has {check.built} built scenario(s) (needs {check.required})"
    if isinstance(check, AiShareCheck):
        pct, ai, built = check.required_percent, check.ai, check.built
        if zh:
            return f"应用 AI 的场景占已建场景比例 ≥ {pct}%（当前 {ai}/{built}）"
        return f"AI share of built scenarios is ≥ {pct}% (now {ai}/{built})"
    return rules.condition(check.subject).text.get(lang)


def step_sentence(
    step: Step,
    form: MaturityForm,
    rules: RuleSet,
    catalogue: ScenarioCatalogue,
    lang: Lang,
) -> str:
    """One step of the path to the next tier, as the results page lists it to be ticked."""
    zh = lang == "zh"
    if step.improvement is not None:
        item = step.improvement
        requirement = form.requirement(item.requirement_id)
        statement = requirement.text.get(lang) if requirement else ""
        change = f"{grade_name(item.current, lang)} → {grade_name(item.target, lang)}"
        number = requirement_number(form, item.requirement_id, lang)
        line = f"{number} {statement}：{change}" if zh else f"{number} {statement}: {change}"
        if step.kind is StepKind.MORE:
            line += f"（S +{format_gain(item.gain)}）" if zh else f" (S +{format_gain(item.gain)})"
        return line
    if step.kind is StepKind.CONDITION:
        text = rules.condition(step.subject).text.get(lang)
        return f"满足：{text}" if zh else f"Meet: {text}"
    scenario = catalogue.scenario(step.subject)
    name = scenario.name.get(lang)
    link = catalogue.link(catalogue.link_of(scenario)).name.get(lang)
    if step.kind is StepKind.BUILD:
        return f"建成“{name}”（{link}环节）" if zh else f"Build {name} ({link} stage)"
    if step.build_first:
        return f"建成“{name}”并应用人工智能" if zh else f"Build {name} with AI"
    return f"为“{name}”应用人工智能" if zh else f"Use AI in {name}"


def improvement_sentence(
    item: Improvement, statement: str, lang: Lang, with_gain: bool = True
) -> str:
    """[id] statement: 不满足 → 部分满足 (S +0.01 → 2.26). A plan's step leaves the gain out:
    its effect is the plan's as a whole."""
    line = (
        f"[{item.requirement_id}] {statement}: "
        f"{grade_name(item.current, lang)} → {grade_name(item.target, lang)}"
    )
    if not with_gain:
        return line
    gain = format_gain(item.gain)
    return f"{line}  (S +{gain} → {format_hundredths(item.score_after_hundredths)})"


def notice(form: MaturityForm, weights_id: str | None, lang: Lang) -> list[str]:
    """What every result says under it: that it is a self-assessment (the official assessment is
    on the national public platform), and what the weights in use rest on."""
    return [form.disclaimer.get(lang), form.weights_note_for(weights_id).get(lang)]


#: The workshop (services/workshop.py): what was agreed on a requirement.
NOT_AGREED = Text("未商定", "not agreed")
CHANGED_SINCE = Text("{agreed}（答案已改为{answer}）", "{agreed} (the answer is now {answer})")


def agreed_words(agreement: Agreement | None, answer: Grade | None, lang: Lang) -> str:
    """What was agreed, as a list or the report says it: 未商定 until an answer is agreed (the
    answer as entered is not an agreement), and said when the answer changed since."""
    if agreement is None:
        return NOT_AGREED.get(lang)
    agreed = grade_name(agreement.grade, lang)
    if agreement.grade == answer:
        return agreed
    return CHANGED_SINCE.get(lang).format(agreed=agreed, answer=grade_name(answer, lang))
