"""A result as JSON (stable keys for scripts) or as a readable bilingual text report."""

from __future__ import annotations

from typing import Any

from factory_grader.domain.answers import Answers
from factory_grader.domain.results import AssessmentResult, Check, Improvement
from factory_grader.domain.text import Lang, Text
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.wording import (
    SUM_NOTE,
    TOP_TIER,
    check_sentence,
    improvement_sentence,
    level_name,
    notice,
    plan_heading,
    plan_sentences,
    rule_sentence,
    sum_note_needed,
    tier_name,
)


def _two(hundredths: int) -> float:
    return float(format_hundredths(hundredths))


def _check_json(check: Check) -> dict[str, Any]:
    return {
        "kind": check.kind.value,
        "subject": check.subject,
        "met": check.met,
        "answered": check.answered,
        **({"params": check.figures()} if check.figures() else {}),
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


_WORDS: dict[str, Text] = {
    "title": Text("智能工厂梯度自评结果", "Smart-factory tier self-assessment"),
    "score": Text("成熟度得分 S", "Maturity score S"),
    "level": Text("成熟度等级", "Maturity level"),
    "levels": Text("各级得分", "Level scores"),
    "not_counted": Text("（* 不计入 S）", "  (* not counted in S)"),
    "rule": Text("计分规则", "Rule applied"),
    "weights": Text("权重", "Weights"),
    "tier": Text("梯度等级", "Tier"),
    "next": Text("下一级", "Next tier"),
    "blocks": Text("尚未满足", "Not yet met"),
    "improve": Text(
        "提升 S 最有效的改进（先列卡住下一梯度的那一级，再按每档收益排序）",
        "Improvements that help most"
        " (the level that blocks the next tier first, then gain per step)",
    ),
    "problems": Text("提示", "Notes"),
    "unanswered": Text(
        "项要求未作答（按不满足计分）", "requirements unanswered (scored as not met)"
    ),
    "unanswered_c": Text("项条件未作答（按不满足计）", "conditions unanswered (count as not met)"),
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key].get(lang)


def render_text(
    result: AssessmentResult, answers: Answers, library: FormLibrary, lang: Lang = "zh"
) -> str:
    """The result as the CLI prints it: the layout is here, every sentence comes from
    factory_grader.wording (as on the results page and in the workbook)."""
    form = library.form_for(answers)
    rules = library.rules_for(answers)
    catalogue = library.catalogue_for(answers)
    m, t, g = result.maturity, result.tier, result.gaps
    out = [f"{_w('title', lang)} — {rules.name.get(lang)}", ""]
    out.append(f"{_w('score', lang)}: {format_hundredths(m.score_hundredths)}")
    out.append(f"{_w('level', lang)}: {level_name(form, m.level, lang)}")
    shown = "  ".join(
        f"A{ls.level}={format_hundredths(ls.hundredths)}{'' if ls.counted else '*'}"
        for ls in m.level_scores
    )
    legend = _w("not_counted", lang) if m.stop_level is not None else ""
    if sum_note_needed(m):
        legend += f"（{SUM_NOTE.zh}）" if lang == "zh" else f" ({SUM_NOTE.en})"
    out.append(f"{_w('levels', lang)}: {shown}{legend}")
    out.append(f"{_w('rule', lang)}: {rule_sentence(m, lang)}")
    out.append(f"{_w('weights', lang)}: {form.weights_name(answers.weights_id).get(lang)}")
    out.append(f"{_w('tier', lang)}: {tier_name(rules, t.tier, lang)}")
    if t.next_tier:
        next_name = tier_name(rules, t.next_tier, lang)
        out += ["", f"{_w('next', lang)}: {next_name} — {_w('blocks', lang)}:"]
        out += [f"  - {check_sentence(c, form, rules, catalogue, lang)}" for c in g.unmet]
    else:
        out.append(TOP_TIER.get(lang))
    statements = {r.id: r.text.get(lang) for r in form.requirements}
    if t.next_tier:
        out += ["", plan_heading(rules, t.next_tier, lang) + ":"]
        for n, line in enumerate(plan_sentences(g, rules, catalogue, lang), 1):
            out.append(f"  {n}. {line}")
            if n == 1 and g.plan:  # the questionnaire part: its requirements, in order
                out += [
                    f"     - {improvement_sentence(i, statements[i.requirement_id], lang, False)}"
                    for i in g.plan[:15]
                ]
                if len(g.plan) > 15:
                    out.append(f"       … +{len(g.plan) - 15}")
    if g.improvements:
        out += ["", f"{_w('improve', lang)}:"]
        out += [
            f"  - {improvement_sentence(i, statements[i.requirement_id], lang)}"
            for i in g.improvements[:10]
        ]
    unanswered_r = sum(p.code == "unanswered-requirement" for p in result.problems)
    unanswered_c = sum(p.code == "unanswered-condition" for p in result.problems)
    if unanswered_r or unanswered_c:
        out += ["", f"{_w('problems', lang)}:"]
        if unanswered_r:
            out.append(f"  - {unanswered_r} {_w('unanswered', lang)}")
        if unanswered_c:
            out.append(f"  - {unanswered_c} {_w('unanswered_c', lang)}")
    out += ["", *notice(form, answers.weights_id, lang)]
    return "\n".join(out)
