"""修订对比: what changed between two revisions of an assessment — every answer that differs
(profile, requirements, scenarios, conditions) and the verdict each gives (S, level, tier),
each revision scored with its own questionnaire and rule versions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factory_grader import wording
from factory_grader.domain.answers import PROFILE_FIELDS, Answers, ScenarioAnswer
from factory_grader.domain.results import AssessmentResult
from factory_grader.domain.text import Lang, Text
from factory_grader.forms.library import FormLibrary
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.services.scoring_service import score_answers
from factory_grader.workbook.labels import PROFILE_LABELS, pick, word


class ChangeKind(StrEnum):
    SETTING = "setting"  # industry type, rule set, weights, questionnaire version
    PROFILE = "profile"
    REQUIREMENT = "requirement"
    SCENARIO = "scenario"
    CONDITION = "condition"


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    subject: str  # the profile key, requirement, scenario or condition id
    what: str  # named for a person: 组织战略 1.2 …, the scenario's or condition's name
    before: str
    after: str


@dataclass(frozen=True)
class RevisionDiff:
    before: AssessmentResult
    after: AssessmentResult
    changes: tuple[Change, ...]

    def verdict_lines(self, library: FormLibrary, a: Answers, b: Answers, lang: Lang) -> list[str]:
        """S, level and tier, before → after (each named by its own form and rules)."""
        fa, fb = library.form_for(a), library.form_for(b)
        ra, rb = library.rules_for(a), library.rules_for(b)
        ma, mb = self.before.maturity, self.after.maturity
        colon = "：" if lang == "zh" else ": "
        s_before, s_after = (format_hundredths(m.score_hundredths) for m in (ma, mb))
        return [
            f"S{colon}{s_before} → {s_after}",
            f"{_LEVEL.get(lang)}{colon}{wording.level_name(fa, ma.level, lang)} → "
            f"{wording.level_name(fb, mb.level, lang)}",
            f"{_TIER.get(lang)}{colon}{wording.tier_name(ra, self.before.tier.tier, lang)} → "
            f"{wording.tier_name(rb, self.after.tier.tier, lang)}",
        ]

    def gap_changes(
        self, library: FormLibrary, a: Answers, b: Answers, lang: Lang
    ) -> tuple[list[str], list[str]]:
        """(closed, opened): what a tier asked that the earlier revision lacked and the later
        one has, and the other way round — each said once, in the words of its own revision."""

        def checks(
            result: AssessmentResult, answers: Answers
        ) -> dict[tuple[str, str, str], tuple[bool, str]]:
            form, rules = library.form_for(answers), library.rules_for(answers)
            catalogue = library.catalogue_for(answers)
            return {
                (tc.tier_id, c.kind.value, c.subject): (
                    c.met,
                    wording.check_sentence(c, form, rules, catalogue, lang),
                )
                for tc in result.tier.tiers
                for c in tc.checks
            }

        # only what both revisions ask (a check the other rule set lacks is no change)
        before, after = checks(self.before, a), checks(self.after, b)
        both = [k for k in before if k in after]
        closed = dict.fromkeys(before[k][1] for k in both if not before[k][0] and after[k][0])
        opened = dict.fromkeys(after[k][1] for k in both if before[k][0] and not after[k][0])
        return list(closed), list(opened)


_LEVEL = Text("成熟度等级", "Maturity level")
_TIER = Text("梯度", "Tier")
_BUILT = Text("已建成", "built")
_AI = Text("应用 AI", "uses AI")
_NOT_BUILT = Text("未建成", "not built")
_CONDITION = {
    True: Text("满足", "met"),
    False: Text("不满足", "not met"),
    None: Text("未作答", "unanswered"),
}
_PROFILE = Text("企业信息", "Profile")
_INDUSTRY = Text("行业类型", "Industry type")
_RULES = Text("评价规则", "Rule set")
_WEIGHTS = Text("权重", "Weights")
_FORM = Text("成熟度问卷版本", "Questionnaire version")


def _industry(answers: Answers, lang: Lang) -> str:
    return word(answers.industry_type.value, lang)  # as 封面 names it


def _named_rules(library: FormLibrary, answers: Answers, lang: Lang) -> str:
    rules = library.rules_for(answers)
    return f"{rules.name.get(lang)} {rules.version}"


def _weights(library: FormLibrary, answers: Answers, lang: Lang) -> str:
    return library.form_for(answers).weights_name(answers.weights_id).get(lang)


def _form_version(library: FormLibrary, answers: Answers) -> str:
    form = library.form_for(answers)
    return f"{form.id} {form.version}"


_CITY_CODE = Text("市县代码", "City code")


def diff_revisions(library: FormLibrary, a: Answers, b: Answers, lang: Lang) -> RevisionDiff:
    """Revision a (earlier) against b (later)."""
    changes: list[Change] = []
    colon = "：" if lang == "zh" else ": "
    settings = (
        ("industry_type", _INDUSTRY, _industry(a, lang), _industry(b, lang)),
        ("rules", _RULES, _named_rules(library, a, lang), _named_rules(library, b, lang)),
        ("weights", _WEIGHTS, _weights(library, a, lang), _weights(library, b, lang)),
        ("form", _FORM, _form_version(library, a), _form_version(library, b)),
    )
    for key, setting, old_text, new_text in settings:
        if old_text != new_text:
            changes.append(Change(ChangeKind.SETTING, key, setting.get(lang), old_text, new_text))
    for key in PROFILE_FIELDS:
        old, new = a.profile.get(key) or "", b.profile.get(key) or ""
        if old != new:
            name = (
                pick(PROFILE_LABELS[key], lang) if key in PROFILE_LABELS else _CITY_CODE.get(lang)
            )
            changes.append(
                Change(ChangeKind.PROFILE, key, f"{_PROFILE.get(lang)}{colon}{name}", old, new)
            )
    form, earlier_form = library.form_for(b), library.form_for(a)
    ids = {r.id for r in form.requirements}
    # (a requirement only the earlier revision's questionnaire has is listed too)
    for r in (*form.requirements, *(r for r in earlier_form.requirements if r.id not in ids)):
        x, y = a.grade(r.id), b.grade(r.id)
        if x != y:  # (a 不适用 that became 未作答, too)
            numbered = form if r.id in ids else earlier_form
            what = f"{wording.requirement_number(numbered, r.id, lang)} {r.text.get(lang)}"
            changes.append(
                Change(
                    ChangeKind.REQUIREMENT,
                    r.id,
                    what,
                    wording.grade_name(x, lang),
                    wording.grade_name(y, lang),
                )
            )
    catalogue = library.catalogue_for(b)
    for s in catalogue.scenarios:
        was, now = a.scenario(s.id), b.scenario(s.id)
        if was != now:
            changes.append(
                Change(
                    ChangeKind.SCENARIO,
                    s.id,
                    s.name.get(lang),
                    _scenario_words(was, lang),
                    _scenario_words(now, lang),
                )
            )
    rules, earlier_rules = library.rules_for(b), library.rules_for(a)
    known = {c.id for c in rules.conditions}
    for c in (*rules.conditions, *(c for c in earlier_rules.conditions if c.id not in known)):
        held, holds = a.conditions.get(c.id), b.conditions.get(c.id)
        if held != holds:
            changes.append(
                Change(
                    ChangeKind.CONDITION,
                    c.id,
                    c.text.get(lang),
                    _CONDITION[held].get(lang),
                    _CONDITION[holds].get(lang),
                )
            )
    return RevisionDiff(
        score_answers(library, a, improvements=False),
        score_answers(library, b, improvements=False),
        tuple(changes),
    )


def _scenario_words(answer: ScenarioAnswer, lang: Lang) -> str:
    words = [_BUILT.get(lang) if answer.built else _NOT_BUILT.get(lang)]
    if answer.built and answer.ai:
        words.append(_AI.get(lang))
    if answer.instance:
        words.append(answer.instance)
    return wording.listing(words, lang) if lang == "en" else "，".join(words)
