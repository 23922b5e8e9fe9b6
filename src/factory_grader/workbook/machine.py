"""The machine sheet: one row per answer under stable ids, plus the keys that identify the export.

Columns: kind | id | value | text | flag | digest, every cell text; yes/no flags are "1" or
empty (conditions: "1", "0" or empty for unanswered). Free text (profile values,
comments, scenario instances, file names) is a JSON string literal in `text`, so any character,
control characters and carriage returns included, survives the XML inside an .xlsx exactly.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factory_grader.domain.answers import LATER_PROFILE_FIELDS, PROFILE_FIELDS
from factory_grader.domain.errors import WorkbookError
from factory_grader.domain.results import AssessmentResult
from factory_grader.domain.text_rules import FORBIDDEN
from factory_grader.scoring.rounding import format_hundredths
from factory_grader.workbook.submission import MACHINE_SHEET, SCHEMA_1, Evidence, Submission
from factory_grader.workbook.text_cells import is_digits

HEADER = ("kind", "id", "value", "text", "flag", "digest")
Row = tuple[str, str, str, str, str, str]

#: Meta keys, in sheet order. The first four are part of the answers (and of their hash).
META_KEYS = (
    "form_id",
    "rules_id",
    "industry_type",
    "claimed_tier",
    "schema",
    "form_version",
    "form_digest",
    "rules_version",
    "rules_digest",
    "catalogue_id",
    "catalogue_version",
    "catalogue_digest",
    "lang",
    "app_version",
    "assessment_id",
    "revision",
    "exported_at",
    "answers_sha256",
)
#: What the answers hash covers of the meta rows: since schema /2 every one of them (which
#: assessment, revision and export, the versions, the language: all shown somewhere); /1
#: workbooks hashed the first four only.
HASHED_META = META_KEYS[:-1]
HASHED_META_1 = META_KEYS[:4]
#: "setting" rows hold scoring choices (the weight set); written only when not the default, so
#: a workbook without one hashes as before.
ANSWER_KINDS = ("profile", "requirement", "scenario", "condition", "evidence", "setting")
#: A text longer than a cell holds goes on in "more" rows right below its row (same id).
MORE = "more"
CHUNK = 30000  # characters of text per cell; Excel's limit is 32,767


@dataclass(frozen=True)
class MachineData:
    meta: dict[str, str]
    rows: tuple[Row, ...]  # answer rows (ANSWER_KINDS) in sheet order
    results: dict[str, str]  # the figures as exported: informative only, never trusted


def _text(value: str | None) -> str:
    """A JSON string literal: readable Chinese as is; anything XML cannot hold as a \\u escape,
    so the workbook opens everywhere and the text comes back exactly."""
    if value is None:
        return ""
    return FORBIDDEN.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False)
    )


def _flag(value: bool) -> str:
    return "1" if value else ""  # empty is "no": a third fewer cells for every reader to parse


def _holds(value: bool | None) -> str:
    return "" if value is None else "1" if value else "0"  # a condition may be unanswered


def encode(sub: Submission) -> tuple[dict[str, str], list[Row]]:
    """(meta, answer rows) for a submission; the hash is filled in."""
    a, info = sub.answers, sub.info
    rows: list[Row] = []
    for key in PROFILE_FIELDS:
        if key in LATER_PROFILE_FIELDS and key not in a.profile:
            continue  # a row only when known: workbooks from before the key keep their hash
        rows.append(("profile", key, "", _text(a.profile.get(key)), "", ""))
    for req in sub.form.requirements:
        grade = a.grade(req.id)
        note = a.notes.get(req.id)
        comment = _text(note.comment) if note and note.comment else ""
        review = _flag(note.review) if note else ""
        rows.append(("requirement", req.id, grade.value if grade else "", comment, review, ""))
    for sc in sub.catalogue.scenarios:
        s = a.scenario(sc.id)
        rows.append(
            (
                "scenario",
                sc.id,
                _flag(s.built),
                _text(s.instance) if s.instance else "",
                _flag(s.ai),
                "",
            )
        )
    for cond in sub.rules.conditions:
        holds = a.conditions.get(cond.id)
        rows.append(("condition", cond.id, _holds(holds), "", "", ""))
    for ev in sub.evidence:
        rows.append(
            ("evidence", ev.requirement_id, str(ev.size), _text(ev.file_name), "", ev.sha256)
        )
    if a.weights_id:
        rows.append(("setting", "weights", a.weights_id, "", "", ""))
    meta = {
        "form_id": sub.form.id,
        "rules_id": sub.rules.id,
        "industry_type": a.industry_type.value,
        "claimed_tier": info.claimed_tier or "",
        "schema": sub.info.schema,
        "form_version": sub.form.version,
        "form_digest": sub.form.digest,
        "rules_version": sub.rules.version,
        "rules_digest": sub.rules.digest,
        "catalogue_id": sub.catalogue.id,
        "catalogue_version": sub.catalogue.version,
        "catalogue_digest": sub.catalogue.digest,
        "lang": info.lang,
        "app_version": info.app_version,
        "assessment_id": "" if info.assessment_id is None else str(info.assessment_id),
        "revision": "" if info.revision is None else str(info.revision),
        "exported_at": info.exported_at,
    }
    meta["answers_sha256"] = answers_digest(meta, rows)
    return meta, rows


def result_figures(result: AssessmentResult) -> dict[str, str]:
    """The result rows' figures: informative for a reader; verify compares them too."""
    m, t = result.maturity, result.tier
    return {
        "score": format_hundredths(m.score_hundredths),
        "level": str(m.level),
        "tier": t.tier or "",
        **{f"A{ls.level}": format_hundredths(ls.hundredths) for ls in m.level_scores},
        "covered_links": ",".join(t.covered_links),
        "built": str(t.built_count),
        "ai": str(t.ai_count),
    }


def result_rows(sub: Submission) -> list[Row]:
    return [("result", k, v, "", "", "") for k, v in result_figures(sub.result).items()]


def sheet_rows(sub: Submission, meta: dict[str, str], rows: list[Row]) -> list[Sequence[str]]:
    return [
        HEADER,
        *[("meta", k, meta[k], "", "", "") for k in META_KEYS],
        *[part for row in rows for part in _split(row)],
        *result_rows(sub),
    ]


def _split(row: Row) -> list[Row]:
    """A row whose text is longer than a cell holds, as the row and its "more" rows."""
    kind, ident, value, text, flag, digest = row
    if len(text) <= CHUNK:
        return [row]
    chunks = [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]
    return [
        (kind, ident, value, chunks[0], flag, digest),
        *[(MORE, ident, "", chunk, "", "") for chunk in chunks[1:]],
    ]


def answers_digest(meta: dict[str, str], rows: Sequence[Row]) -> str:
    """SHA-256 over a canonical form of the answers: order-free, every value as text."""
    keys = HASHED_META_1 if meta.get("schema") == SCHEMA_1 else HASHED_META
    payload = [[k, meta.get(k, "")] for k in keys] + sorted(list(r) for r in rows)
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def decode(table: Sequence[Sequence[str]]) -> MachineData:
    """The machine sheet's cells (rows of text, "" for empty) as meta, answer rows and results."""
    if not table or tuple(table[0][:6]) != HEADER:
        raise WorkbookError(
            f"{MACHINE_SHEET}!A1: the header is not {', '.join(HEADER)}",
            f"机读数据 {MACHINE_SHEET}!A1 的表头不符",
        )
    meta: dict[str, str] = {}
    rows: list[Row] = []
    results: dict[str, str] = {}
    for number, raw in enumerate(table[1:], start=2):
        cells = (list(raw) + [""] * 6)[:6]
        kind, ident = cells[0], cells[1]
        if not kind and not any(cells):
            continue
        if kind == "meta":
            meta[ident] = cells[2]
        elif kind == "result":
            results[ident] = cells[2]
        elif kind in ANSWER_KINDS:
            rows.append((cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]))
        elif kind == MORE:  # the text of the row above goes on
            if not rows or rows[-1][1] != ident:
                raise WorkbookError(
                    f"{MACHINE_SHEET}!A{number}: 'more' follows no row of {ident!r}",
                    f"机读数据 {MACHINE_SHEET}!A{number}：续行前没有对应的行",
                )
            k, i, v, text, f, d = rows[-1]
            rows[-1] = (k, i, v, text + cells[3], f, d)
        else:
            raise WorkbookError(
                f"{MACHINE_SHEET}!A{number}: unknown row kind {kind!r}",
                f"机读数据 {MACHINE_SHEET}!A{number}：未知的行类型“{kind}”",
            )
    missing = [k for k in META_KEYS if k not in meta]
    if missing:
        raise WorkbookError(
            f"{MACHINE_SHEET}: missing meta key(s) {', '.join(missing)}",
            f"机读数据 {MACHINE_SHEET} 缺少元数据 {', '.join(missing)}",
        )
    return MachineData(meta, tuple(rows), results)


def _json_text(value: str, where: str) -> str | None:
    if value == "":
        return None
    try:
        text = json.loads(value)
    except json.JSONDecodeError:
        text = None
    if not isinstance(text, str):
        raise WorkbookError(
            f"{where}: not a JSON text value: {value[:40]!r}", f"机读数据 {where}：文字值格式不符"
        )
    return text


def _flag_value(value: str, where: str) -> bool:
    if value in ("", "1"):
        return value == "1"
    raise WorkbookError(
        f"{where}: expected 1 or empty, got {value!r}",
        f"机读数据 {where}：应为 1 或空，实为“{value}”",
    )


def _holds_value(value: str, where: str) -> bool | None:
    if value in ("0", "1"):
        return value == "1"
    if value == "":
        return None
    raise WorkbookError(
        f"{where}: expected 1, 0 or empty, got {value!r}",
        f"机读数据 {where}：应为 1、0 或空，实为“{value}”",
    )


def answers_data(machine: MachineData) -> tuple[dict[str, Any], tuple[Evidence, ...]]:
    """The answers in the shape of an answers file (services validate them like one)."""
    profile: dict[str, str | None] = {}
    requirements: dict[str, str | None] = {}
    notes: dict[str, dict[str, Any]] = {}
    scenarios: dict[str, dict[str, Any]] = {}
    conditions: dict[str, bool | None] = {}
    evidence: list[Evidence] = []
    settings: dict[str, str] = {}
    for index, (kind, ident, value, text, flag, digest) in enumerate(machine.rows):
        where = f"{MACHINE_SHEET} {kind} {ident}"
        if kind == "profile":
            profile[ident] = _json_text(text, where)
        elif kind == "requirement":
            requirements[ident] = value or None
            comment = _json_text(text, where) or ""
            review = _flag_value(flag, where)
            if comment or review:
                notes[ident] = {"comment": comment, "review": review}
        elif kind == "scenario":
            scenarios[ident] = {
                "built": _flag_value(value, where),
                "ai": _flag_value(flag, where),
                "instance": _json_text(text, where) or "",
            }
        elif kind == "condition":
            conditions[ident] = _holds_value(value, where)
        elif kind == "evidence":
            if not is_digits(value) or len(digest) != 64:
                raise WorkbookError(
                    f"{where}: evidence row #{index} needs a size and a SHA-256",
                    f"机读数据 {where}：证明材料行缺少大小或 SHA-256",
                )
            evidence.append(Evidence(ident, _json_text(text, where) or "", int(value), digest))
        elif kind == "setting":
            if ident != "weights":
                raise WorkbookError(
                    f"{where}: unknown setting {ident!r}", f"机读数据 {where}：未知设置“{ident}”"
                )
            settings[ident] = value
    data = {
        "form": machine.meta["form_id"],
        "rules": machine.meta["rules_id"],
        "industry_type": machine.meta["industry_type"],
        "profile": profile,
        "requirements": requirements,
        "scenarios": scenarios,
        "conditions": conditions,
        "notes": notes,
        **({"weights": settings["weights"]} if "weights" in settings else {}),
    }
    return data, tuple(evidence)
