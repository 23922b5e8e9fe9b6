"""A result as JSON (stable keys for scripts) or as a readable bilingual text report."""

from __future__ import annotations

from typing import Any

from factory_grader.domain.answers import Answers
from factory_grader.domain.results import AssessmentResult, Check, CheckKind, Improvement
from factory_grader.domain.text import Lang
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.rounding import format_gain, format_hundredths


def _two(hundredths: int) -> float:
    return float(format_hundredths(hundredths))


def _check_json(check: Check) -> dict[str, Any]:
    return {
        "kind": check.kind.value,
        "subject": check.subject,
        "met": check.met,
        "answered": check.answered,
        **({"params": dict(check.params)} if check.params else {}),
    }


def _improvement_json(item: Improvement) -> dict[str, Any]:
    return {
        "requirement": item.requirement_id,
        "subdomain": item.subdomain_id,
        "level": item.level,
        "current": item.current.value if item.current else None,
        "target": item.target.value,
        "steps": item.steps,
        "gain": round(item.gain, 4),
        "gain_per_step": round(item.gain_per_step, 4),
        "score_after": _two(item.score_after_hundredths),
    }


def result_to_json(
    result: AssessmentResult, answers: Answers, library: FormLibrary
) -> dict[str, Any]:
    form = library.form_for(answers)
    rules = library.rules_for(answers)
    m, t, g = result.maturity, result.tier, result.gaps
    return {
        "form": {"id": form.id, "version": form.version, "digest": form.digest},
        "rules": {"id": rules.id, "version": rules.version, "digest": rules.digest},
        "industry_type": answers.industry_type.value,
        "weights": answers.weights_id or "default",
        "maturity": {
            "score": _two(m.score_hundredths),
            "level": m.level,
            "level_name": form.band_for_level(m.level).name.zh,
            "level_scores": [_two(ls.hundredths) for ls in m.level_scores],
            "counted_levels": [ls.level for ls in m.level_scores if ls.counted],
            "stop_level": m.stop_level,
            "score_exact": m.score_raw,
            "level_scores_exact": [ls.raw for ls in m.level_scores],
            "subdomain_scores": {
                sid: [None if v is None else round(v, 4) for v in values]
                for sid, values in m.subdomain_scores.items()
            },
            "subdomain_weights": {
                sid: [None if v is None else round(v, 6) for v in values]
                for sid, values in m.subdomain_weights.items()
            },
        },
        "tier": t.tier,
        "next_tier": t.next_tier,
        "decided_by": [_check_json(c) for c in t.decided_by],
        "tiers": [
            {"tier": tc.tier_id, "met": tc.met, "checks": [_check_json(c) for c in tc.checks]}
            for tc in t.tiers
        ],
        "scenarios": {
            "built": t.built_count,
            "ai": t.ai_count,
            "covered_links": list(t.covered_links),
        },
        "gaps": [_check_json(c) for c in g.unmet],
        "maturity_target": None if g.target_hundredths is None else _two(g.target_hundredths),
        "improvements": [_improvement_json(i) for i in g.improvements],
        "plan": [_improvement_json(i) for i in g.plan],
        "plan_reaches_target": g.plan_reaches_target,
        "plan_to_next_tier": {
            "tier": g.next_tier,
            "requirements": [_improvement_json(i) for i in g.plan],
            "levels": [
                {
                    "level": r.level,
                    "before": _two(r.before_hundredths),
                    "after": _two(r.after_hundredths),
                }
                for r in g.plan_levels
            ],
            "score_after": None
            if g.plan_score_after_hundredths is None
            else _two(g.plan_score_after_hundredths),
            "links": [
                {"link": x.link_id, "candidates": list(x.candidates)} for x in g.links_to_cover
            ],
            "ai_needed": g.ai_needed,
            "conditions": list(g.conditions_to_meet),
        },
        "problems": [{"code": p.code, "subject": p.subject} for p in result.problems],
        "self_assessment_notice": form.disclaimer.zh,
    }


_WORDS: dict[str, tuple[str, str]] = {
    "title": ("智能工厂梯度自评结果", "Smart-factory tier self-assessment"),
    "score": ("成熟度得分 S", "Maturity score S"),
    "level": ("成熟度等级", "Maturity level"),
    "levels": ("各级得分", "Level scores"),
    "not_counted": ("（* 不计入 S）", "  (* not counted in S)"),
    "rule": ("计分规则", "Rule applied"),
    "weights": ("权重", "Weights"),
    "tier": ("梯度等级", "Tier"),
    "none_tier": ("未达基础级", "No tier reached"),
    "next": ("下一级", "Next tier"),
    "blocks": ("尚未满足", "Not yet met"),
    "improve": (
        "提升 S 最有效的改进（先列卡住下一梯度的那一级，再按每档收益排序）",
        "Improvements that help most"
        " (the level that blocks the next tier first, then gain per step)",
    ),
    "plan": ("达到{tier}的路径", "Path to {tier}"),
    "plan_q": (
        "问卷：提升以下 {n} 项要求，使 {levels}，S → {s}",
        "Questionnaire: raise these {n} requirements so that {levels}; S → {s}",
    ),
    "plan_q_short": (
        "（仅靠提升问卷得分仍达不到目标 S）",
        "(raising answers alone does not reach the target S)",
    ),
    "plan_q_none": (
        "问卷：仅靠提升问卷得分达不到目标 S",
        "Questionnaire: raising answers alone does not reach the target S",
    ),
    "plan_link": (
        "场景：“{link}”环节还需建成 {n} 个典型场景，可选：{names}",
        "Scenarios: build {n} more scenario(s) of the {link} stage, e.g. {names}",
    ),
    "plan_ai": (
        "AI：还需 {n} 个已建场景应用人工智能（占比需 ≥ {pct}%）",
        "AI: {n} more built scenarios must use AI (share ≥ {pct}%)",
    ),
    "plan_cond": ("条件：{text}", "Condition: {text}"),
    "sum_note": (
        "（各级得分四舍五入显示，合计与 S 可能相差 0.01；判定按未舍入的值）",
        "(level scores are rounded for display and may differ from S by 0.01; "
        "decisions use the unrounded values)",
    ),
    "problems": ("提示", "Notes"),
    "unanswered": ("项要求未作答（按不满足计分）", "requirements unanswered (scored as not met)"),
    "unanswered_c": ("项条件未作答（按不满足计）", "conditions unanswered (count as not met)"),
    "top": ("已达最高梯度", "Highest tier reached"),
}
_GRADE_NAMES = {
    None: ("未答", "unanswered"),
    "none": ("不满足", "not met"),
    "partial": ("部分满足", "partly met"),
    "most": ("大部分满足", "mostly met"),
    "full": ("全部满足", "fully met"),
    "na": ("不适用", "not applicable"),
}


def _w(key: str, lang: Lang) -> str:
    zh, en = _WORDS[key]
    return en if lang == "en" else zh


def render_text(
    result: AssessmentResult, answers: Answers, library: FormLibrary, lang: Lang = "zh"
) -> str:
    form = library.form_for(answers)
    rules = library.rules_for(answers)
    m, t, g = result.maturity, result.tier, result.gaps
    tier_name = {tr.id: tr.name.get(lang) for tr in rules.tiers}
    out = [f"{_w('title', lang)} — {rules.name.get(lang)}", ""]
    out.append(f"{_w('score', lang)}: {format_hundredths(m.score_hundredths)}")
    out.append(f"{_w('level', lang)}: {form.band_for_level(m.level).name.get(lang)}")
    shown = "  ".join(
        f"A{ls.level}={format_hundredths(ls.hundredths)}{'' if ls.counted else '*'}"
        for ls in m.level_scores
    )
    legend = _w("not_counted", lang) if m.stop_level is not None else ""
    if sum(ls.hundredths for ls in m.level_scores if ls.counted) != m.score_hundredths:
        legend += _w("sum_note", lang)
    out.append(f"{_w('levels', lang)}: {shown}{legend}")
    out.append(f"{_w('rule', lang)}: {rule_sentence(result, lang)}")
    out.append(f"{_w('weights', lang)}: {form.weights_name(answers.weights_id).get(lang)}")
    out.append(f"{_w('tier', lang)}: {tier_name[t.tier] if t.tier else _w('none_tier', lang)}")
    if t.next_tier:
        out += ["", f"{_w('next', lang)}: {tier_name[t.next_tier]} — {_w('blocks', lang)}:"]
        out += [f"  - {describe_check(c, library, answers, lang)}" for c in g.unmet]
    else:
        out.append(_w("top", lang))
    names = {r.id: r.text.get(lang) for r in form.requirements}
    if t.next_tier:
        out += ["", _w("plan", lang).format(tier=tier_name[t.next_tier]) + ":"]
        for n, line in enumerate(plan_lines(result, answers, library, lang), 1):
            out.append(f"  {n}. {line}")
            if n == 1 and g.plan:  # the questionnaire part: its requirements, in order
                out += [f"     {_improvement_line(i, names, lang, True)}" for i in g.plan[:15]]
                if len(g.plan) > 15:
                    out.append(f"       … +{len(g.plan) - 15}")
    if g.improvements:
        out += ["", f"{_w('improve', lang)}:"]
        out += [_improvement_line(i, names, lang) for i in g.improvements[:10]]
    unanswered_r = sum(p.code == "unanswered-requirement" for p in result.problems)
    unanswered_c = sum(p.code == "unanswered-condition" for p in result.problems)
    if unanswered_r or unanswered_c:
        out += ["", f"{_w('problems', lang)}:"]
        if unanswered_r:
            out.append(f"  - {unanswered_r} {_w('unanswered', lang)}")
        if unanswered_c:
            out.append(f"  - {unanswered_c} {_w('unanswered_c', lang)}")
    out += ["", form.disclaimer.get(lang), form.weights_note_for(answers.weights_id).get(lang)]
    return "\n".join(out)


def rule_sentence(result: AssessmentResult, lang: Lang) -> str:
    m = result.maturity
    counted = [ls for ls in m.level_scores if ls.counted]
    terms = " + ".join(f"A{ls.level}" for ls in counted)
    if m.stop_level is None:
        return (
            f"S = {terms}（各级均达 0.80）" if lang == "zh" else f"S = {terms} (every level ≥ 0.80)"
        )
    stop = format_hundredths(m.level_scores[m.stop_level - 1].hundredths)
    if lang == "en":
        return f"S = {terms}; stops at level {m.stop_level} (A{m.stop_level} = {stop} < 0.80)"
    return f"S = {terms}；第 {m.stop_level} 级得分 {stop} 低于 0.80，更高等级不再计入"


def _improvement_line(
    item: Improvement, names: dict[str, str], lang: Lang, cumulative: bool = False
) -> str:
    cur = _GRADE_NAMES[item.current.value if item.current else None][lang == "en"]
    tgt = _GRADE_NAMES[item.target.value][lang == "en"]
    line = f"  - [{item.requirement_id}] {names[item.requirement_id]}: {cur} → {tgt}"
    if cumulative:  # a plan item: its effect is the plan's as a whole
        return line.strip()
    return (
        f"{line}  (S +{format_gain(item.gain)} → {format_hundredths(item.score_after_hundredths)})"
    )


def plan_lines(
    result: AssessmentResult, answers: Answers, library: FormLibrary, lang: Lang
) -> list[str]:
    """The plan to the next tier, one line per part: questionnaire, 环节, AI share, conditions."""
    rules = library.rules_for(answers)
    catalogue = library.catalogue_for(answers)
    g = result.gaps
    lines: list[str] = []
    if g.plan:
        levels = "、" if lang == "zh" else ", "
        raised = levels.join(
            f"A{r.level} {format_hundredths(r.before_hundredths)} → "
            f"{format_hundredths(r.after_hundredths)}"
            for r in g.plan_levels
        )
        lines.append(
            _w("plan_q", lang).format(
                n=len(g.plan),
                levels=raised,
                s=format_hundredths(g.plan_score_after_hundredths or 0),
            )
            + ("" if g.plan_reaches_target else _w("plan_q_short", lang))
        )
    elif g.target_hundredths is not None and not g.plan_reaches_target:
        lines.append(_w("plan_q_none", lang))  # a plan was tried and no raise helps
    scenario_names = {s.id: s.name.get(lang) for s in catalogue.scenarios}
    for gap in g.links_to_cover:
        link = next(x for x in catalogue.links if x.id == gap.link_id).name.get(lang)
        sep = "、" if lang == "zh" else ", "
        names = sep.join(scenario_names[c] for c in gap.candidates[:4])
        lines.append(_w("plan_link", lang).format(link=link, n=gap.needed, names=names or "—"))
    if g.ai_needed:
        pct = rules.tier(g.next_tier).ai_share_min_percent if g.next_tier else 0
        lines.append(_w("plan_ai", lang).format(n=g.ai_needed, pct=pct))
    for cid in g.conditions_to_meet:
        lines.append(_w("plan_cond", lang).format(text=rules.condition(cid).text.get(lang)))
    return lines


def describe_check(check: Check, library: FormLibrary, answers: Answers, lang: Lang) -> str:
    """One unmet check as a sentence a factory manager understands."""
    rules = library.rules_for(answers)
    form = library.form_for(answers)
    catalogue = library.catalogue_for(answers)
    p = check.params
    if check.kind is CheckKind.MATURITY:
        need = form.band_for_level(int(p["required_level"] or 0)).name.get(lang)
        have = format_hundredths(int(p["score_hundredths"] or 0))
        if lang == "en":
            return f"maturity must reach {need}; S is now {have}"
        return f"成熟度需达到{need}，当前 S = {have}"
    if check.kind is CheckKind.COVERAGE:
        link = next(x for x in catalogue.links if x.id == check.subject).name.get(lang)
        if lang == "en":
            return f"no built scenario covers the 环节 {link}"
        return f"“{link}”环节尚无已建成的典型场景"
    if check.kind is CheckKind.AI_SHARE:
        ai, built, pct = p["ai"], p["built"], p["required_percent"]
        more = p["convert_needed"]
        if lang == "en":
            return f"AI share of built scenarios must be ≥ {pct}% (now {ai}/{built}); {more} more"
        return f"应用 AI 的场景占已建场景比例需 ≥ {pct}%（当前 {ai}/{built}），还需 {more} 个"
    condition = rules.condition(check.subject)
    text = condition.text.get(lang)
    if not check.answered:
        return f"{text}（未作答）" if lang == "zh" else f"{text} (unanswered)"
    return text
