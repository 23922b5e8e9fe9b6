"""A city summary read into a province summary is checked like a submission: each row's fields
have the right types and ranges, and its figures are recomputed from the answers the summary
carries. Nothing in a summary is trusted because a city program wrote it: a hand-edited summary
must not lift a factory to 卓越级.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields, replace
from typing import Any

from factory_grader.domain.comparison import Entry, EntryStatus
from factory_grader.domain.errors import InputError
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import answers_from_data
from factory_grader.services.entry_figures import figures
from factory_grader.services.scoring_service import score_answers

_UTC_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def check_summary_entry(entry: Entry, library: FormLibrary) -> Entry:
    """The row as the province may list it: invalid when a field is malformed, edited when its
    figures are not what its answers give, unchecked when it carries no answers."""
    # which file counts is decided again over everything compared, never taken from a summary
    entry = replace(entry, superseded_by="", conflict_with="")
    problem = _field_problem(entry, library)
    if problem is not None:
        return _invalid(entry, *problem)
    entry = replace(entry, status=EntryStatus(entry.status))  # a known status (checked above)
    if entry.status is EntryStatus.INVALID:
        return entry  # listed among the problem files, never counted
    if not entry.answers:
        if entry.status is not EntryStatus.OK:
            return entry  # edited already: flagged as the city found it
        return replace(
            entry,
            status=EntryStatus.UNCHECKED,
            reason=entry.reason or "the summary carries no answers: figures copied, not recomputed",
            reason_zh=entry.reason_zh or "汇总表未附答题：各项得分照录，未能重新计算",
        )
    try:
        data = json.loads(entry.answers)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        versions = data.pop("versions", None)
        if not (
            isinstance(versions, list)
            and len(versions) == 3
            and all(isinstance(v, str) for v in versions)
        ):
            raise ValueError("no form versions")
        if not all(library.has(i, v) for i, v in _named(data, versions, library)):
            raise ValueError(f"made with form versions this app does not have ({versions})")
        answers = answers_from_data(data, "answers", library, versions=tuple(versions))
    except Exception as exc:  # whatever is wrong with one row, the rest of the summary is read
        where = (
            str(exc).removeprefix("answers: ").split(":")[0] if isinstance(exc, InputError) else ""
        )
        return _invalid(
            entry,
            f"its answers cannot be read ({exc})",
            f"所附答题无法读取（{where}）" if where else "所附答题无法读取",
        )
    tiers = {t.id for t in library.rules_for(answers).tiers}
    if entry.claimed_tier and entry.claimed_tier not in tiers:
        return _invalid(
            entry,
            f"claimed tier {entry.claimed_tier!r} is not a tier of {answers.rules_id}",
            f"申报等级“{entry.claimed_tier}”不是规则 {answers.rules_id} 中的梯度",
        )
    fresh = figures(answers, score_answers(library, answers, improvements=False), library)
    for key, value in fresh.items():
        if getattr(entry, key) != value:
            shown = getattr(entry, key)
            return replace(
                entry,
                status=EntryStatus.EDITED,
                reason=f"summary row: {key} is {shown!r}, its answers give {value!r}",
                reason_zh=f"汇总行的“{_FIELD_ZH.get(key, key)}”为 {_zh(shown)}，"
                f"按所附答题应为 {_zh(value)}",
            )
    return entry


def _named(
    data: dict[str, Any], versions: list[str], library: FormLibrary
) -> list[tuple[str, str]]:
    """(id, version) of the form, the rule set and the rule set's scenario catalogue."""
    form, rules = str(data.get("form", "")), str(data.get("rules", ""))
    named = [(form, versions[0]), (rules, versions[1])]
    if library.has(rules, versions[1]):
        named.append((library.rules(rules, versions[1]).scenarios_id, versions[2]))
    return named


def _field_problem(entry: Entry, library: FormLibrary) -> tuple[str, str] | None:
    """(English, Chinese) of the first field of a wrong type or out of range, else None."""
    for f in fields(Entry):
        value = getattr(entry, f.name)
        kind = str(f.type)
        if kind == "str":
            ok = isinstance(value, str)
        elif kind == "EntryStatus":  # as read from a summary: one of the known statuses
            if not (isinstance(value, str) and value in set(EntryStatus)):
                return (f"unknown status {value!r}", f"未知状态 {value!r}")
            continue
        elif kind == "int":
            ok = type(value) is int and value >= 0
        else:  # int | None
            ok = value is None or (type(value) is int and value >= 0)
        if not ok:
            shown = _FIELD_ZH.get(f.name, f.name)
            return (f"field {f.name} is {value!r}", f"字段“{shown}”的值 {value!r} 类型不符")
    limits = {"score_hundredths": 500, "level": 5, "unanswered": 10_000, "built": 1_000}
    for key, most in limits.items():
        value = getattr(entry, key)
        if value is not None and value > most:
            return (f"{key} {value} is out of range", f"{_FIELD_ZH.get(key, key)} {value} 超出范围")
    if entry.ai is not None and entry.built is not None and entry.ai > entry.built:
        return ("more AI scenarios than scenarios built", "AI 场景数多于已建场景数")
    if entry.exported_at and not _UTC_TIME.fullmatch(entry.exported_at):
        return (f"exported_at {entry.exported_at!r}", f"导出时间“{entry.exported_at}”格式不符")
    return None


def _invalid(entry: Entry, reason: str, reason_zh: str) -> Entry:
    return replace(
        entry,
        status=EntryStatus.INVALID,
        reason=f"summary row: {reason}",
        reason_zh=f"汇总行无效：{reason_zh}",
    )


def _zh(value: object) -> str:
    return "（空）" if value in (None, "") else f"“{value}”"


_FIELD_ZH = {
    "file": "文件",
    "status": "完整性",
    "reason": "原因",
    "reason_zh": "原因",
    "claimed_tier": "申报等级",
    "assessment_id": "评估编号",
    "revision": "修订号",
    "exported_at": "导出时间",
    "answers_sha256": "答题校验值",
    "superseded_by": "替代文件",
    "conflict_with": "冲突文件",
    "answers": "所附答题",
    "score_hundredths": "成熟度得分（百分之一）",
    "level": "成熟度等级",
    "tier": "梯度",
    "covered_links": "覆盖环节",
    "built": "已建场景数",
    "ai": "AI 场景数",
    "unanswered": "未答题数",
    "name": "企业名称",
    "city": "市县",
    "city_code": "市县代码",
    "credit_code": "统一社会信用代码",
    "credit_code_problem": "信用代码校验",
    "industry": "行业",
    "industry_code": "行业代码",
    "size": "企业规模",
    "rules_id": "规则",
    "form_id": "问卷",
    "subdomain_levels": "各能力子域等级",
}
