"""The answers file (JSON, docs/answers-format.md): read with precise errors, write, template."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factory_grader.domain.answers import PROFILE_FIELDS, Answers, ScenarioAnswer
from factory_grader.domain.errors import AnswersError, InputError
from factory_grader.domain.maturity_model import DEFAULT_WEIGHTS, Grade, IndustryType
from factory_grader.domain.records import RequirementNote
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.text_rules import text_problem
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.reference import shared_profile_lists

FORMAT = "factory-grader-answers/1"
TOP_KEYS = (
    "format",
    "form",
    "rules",
    "industry_type",
    "profile",
    "requirements",
    "scenarios",
    "conditions",
    "notes",
    "weights",  # optional: a named weight set of the form (absent or null: the form's own)
)
_GRADES = ", ".join(g.value for g in Grade)


#: far beyond any real answers file (about 20 KB): a bigger one is refused before it is read
MAX_ANSWERS_BYTES = 20 * 1024 * 1024


def read_answers_file(
    path: Path, library: FormLibrary, rules_override: str | None = None
) -> Answers:
    try:
        if path.stat().st_size > MAX_ANSWERS_BYTES:
            raise AnswersError(
                f"{path}: {path.stat().st_size // (1024 * 1024)} MB is far too large for an"
                " answers file"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AnswersError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AnswersError(f"{path}: is a folder, not an answers file") from None
    except OSError as exc:
        raise AnswersError(f"{path}: cannot be read: {exc.strerror}") from None
    return parse_answers(decode_text(raw, path), str(path), library, rules_override)


def decode_text(raw: bytes, path: Path) -> str:
    """An answers file's text. UTF-8 with or without a byte-order mark, and UTF-16 with one
    (what Windows PowerShell 5.1 writes for `>`); anything else is refused with what it looks
    like, so the user knows how to save it again."""
    if not raw.strip():
        raise AnswersError(f"{path}: the file is empty")
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise AnswersError(f"{path}: UTF-32 text; save it as UTF-8, or write it with `--out FILE`")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise AnswersError(f"{path}: damaged UTF-16 text (byte {exc.start})") from None
    nul = raw.find(b"\x00")  # valid UTF-8 may hold NULs, but no JSON text does
    try:
        if nul >= 0:
            raise UnicodeDecodeError("utf-8", raw, nul, nul + 1, "NUL byte")
        return raw.decode("utf-8-sig")  # a BOM from Windows editors is fine
    except UnicodeDecodeError as exc:
        start = exc.start
    if raw.count(b"\x00") > len(raw) // 2:
        hint = "it looks like UTF-32 without a byte-order mark"
    elif raw.count(b"\x00") > len(raw) // 4:
        hint = "it looks like UTF-16 without a byte-order mark"
    else:
        try:
            raw.decode("gbk")
            hint = "it looks like GBK (the Windows ANSI code page, e.g. written by cmd's `>`)"
        except UnicodeDecodeError:
            hint = "its encoding is not recognised"
    raise AnswersError(
        f"{path}: not UTF-8 text (byte {start}): {hint}; save it as UTF-8, or write it with"
        " `--out FILE`"
    ) from None


def parse_answers(
    text: str, source: str, library: FormLibrary, rules_override: str | None = None
) -> Answers:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise AnswersError(
            f"{source}: line {exc.lineno}, column {exc.colno}: not valid JSON: {exc.msg}"
        ) from None
    except _DuplicateKey as exc:
        raise AnswersError(f"{source}: the key {exc.args[0]!r} is given twice") from None
    except RecursionError:
        raise AnswersError(f"{source}: nested too deeply to be an answers file") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits (Python's limit)
        raise AnswersError(f"{source}: not a valid answers file: {exc}") from None
    if not isinstance(data, dict):
        raise AnswersError(f"{source}: the top level must be a JSON object {{…}}")
    return answers_from_data(data, source, library, rules_override)


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different: a repeated key would silently drop an answer."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def answers_from_data(
    data: dict[str, Any],
    source: str,
    library: FormLibrary,
    rules_override: str | None = None,
    versions: tuple[str, str, str] | None = None,
) -> Answers:
    """Answers from an answers-file-shaped dict (also what a workbook's machine sheet decodes
    to), checked against the forms with every problem named by `source` and key. versions: the
    form, rule-set and catalogue versions they were made with (a workbook names them; the
    caller has checked the library has them); None: the current ones."""
    form_v, rules_v, catalogue_v = versions or (None, None, None)

    def fail(key: str, message: str) -> AnswersError:
        return AnswersError(f"{source}: {key}: {message}")

    for key in data:
        if key not in TOP_KEYS:
            raise fail(key, f"unknown key (expected {', '.join(TOP_KEYS)})")
    if "format" in data and data["format"] != FORMAT:
        raise fail("format", f"unsupported format {data['format']!r} (this app reads {FORMAT})")

    form_id = data.get("form")
    if not isinstance(form_id, str):
        raise fail("form", 'missing; give the questionnaire id, e.g. "cmmm-2020"')
    try:
        form = library.maturity(form_id, form_v)
    except InputError as exc:
        raise fail("form", str(exc)) from None
    file_rules = _rule_set(
        data.get("rules") or library.default_rules_id, form.id, library, fail, rules_v
    )
    rules = _rule_set(rules_override, form.id, library, fail) if rules_override else file_rules
    if rules_override:
        catalogue_v = None  # another rule set: its current version and catalogue
    catalogue = library.catalogue(rules.scenarios_id, catalogue_v)

    try:
        industry = IndustryType(str(data.get("industry_type")))
    except ValueError:
        raise fail(
            "industry_type", f'must be "discrete" or "process", got {data.get("industry_type")!r}'
        ) from None

    profile = _object(data, "profile", fail)
    for key, value in profile.items():
        if key not in PROFILE_FIELDS:
            raise fail(f"profile.{key}", f"unknown field (expected {', '.join(PROFILE_FIELDS)})")
        if value is not None and not isinstance(value, str):
            raise fail(f"profile.{key}", f"must be text or null, got {value!r}")
        if isinstance(value, str) and (problem := text_problem(value, "profile")):
            raise fail(f"profile.{key}", problem)
    _check_codes(profile, fail)

    requirements: dict[str, Grade | None] = {}
    for rid, value in _object(data, "requirements", fail).items():
        if form.requirement(rid) is None:
            raise fail(f"requirements.{rid}", f"unknown requirement id in form {form.id}")
        if value is None:
            requirements[rid] = None
            continue
        try:
            requirements[rid] = Grade(value)
        except ValueError:
            raise fail(
                f"requirements.{rid}", f"invalid grade {value!r} (expected {_GRADES} or null)"
            ) from None

    known_scenarios = {s.id for s in catalogue.scenarios}
    scenarios: dict[str, ScenarioAnswer] = {}
    for sid, value in _object(data, "scenarios", fail).items():
        if sid not in known_scenarios:
            raise fail(f"scenarios.{sid}", f"unknown scenario id in {catalogue.id}")
        scenarios[sid] = _scenario(value, f"scenarios.{sid}", fail)

    # Conditions are checked against the file's own rule set; scored under another one, the
    # conditions that one does not have are simply not used (e.g. Hainan's tax clearance).
    file_conditions = {c.id for c in file_rules.conditions}
    used_conditions = {c.id for c in rules.conditions}
    conditions: dict[str, bool | None] = {}
    for cid, value in _object(data, "conditions", fail).items():
        if cid not in file_conditions:
            raise fail(f"conditions.{cid}", f"unknown condition id in rule set {file_rules.id}")
        if value is not None and not isinstance(value, bool):
            raise fail(f"conditions.{cid}", f"must be true, false or null, got {value!r}")
        if cid in used_conditions:
            conditions[cid] = value

    notes: dict[str, RequirementNote] = {}
    for rid, value in _object(data, "notes", fail).items():
        if form.requirement(rid) is None:
            raise fail(f"notes.{rid}", f"unknown requirement id in form {form.id}")
        notes[rid] = _note(value, f"notes.{rid}", fail)

    weights_id = data.get("weights")
    if weights_id == DEFAULT_WEIGHTS:
        weights_id = None
    if weights_id is not None and (
        not isinstance(weights_id, str) or form.weight_set(weights_id) is None
    ):
        known = ", ".join(w.id for w in form.weight_sets) or "none"
        raise fail("weights", f"not a weight set of form {form.id} (it has: {known})")
    return Answers(
        form.id,
        rules.id,
        industry,
        {k: v for k, v in profile.items() if isinstance(v, str)},
        requirements,
        scenarios,
        conditions,
        {rid: n for rid, n in notes.items() if n != RequirementNote()},
        weights_id,
        form_v,
        rules.version if rules_v is not None and not rules_override else None,
        catalogue_v,
    )


def _check_codes(profile: dict[str, Any], fail: Any) -> None:
    """A known code must agree with the name written beside it (a code outside the lists is
    kept as given, and shows as unrecognised)."""
    lists = shared_profile_lists()
    for field, find, code_for in (
        ("city", lists.city, lists.city_code_for),
        ("industry", lists.industry, lists.industry_code_for),
    ):
        code, text = (profile.get(f"{field}_code") or "").strip(), profile.get(field)
        item = find(code) if code else None
        if item is None:
            continue
        named = code_for(text) if text else None
        if named is not None and named != code:
            raise fail(
                f"profile.{field}",
                f"{text!r} is not {code} ({item.name.zh} / {item.name.en}) as"
                f" profile.{field}_code says: correct one of them",
            )


def _note(value: Any, key: str, fail: Any) -> RequirementNote:
    if not isinstance(value, dict):
        raise fail(key, 'must be an object {"comment": …, "review": …}')
    for field in value:
        if field not in ("comment", "review"):
            raise fail(f"{key}.{field}", "unknown field (expected comment, review)")
    comment, review = value.get("comment", ""), value.get("review", False)
    if not isinstance(comment, str):
        raise fail(f"{key}.comment", "must be text")
    if problem := text_problem(comment, "comment"):
        raise fail(f"{key}.comment", problem)
    if not isinstance(review, bool):
        raise fail(f"{key}.review", f"must be true or false, got {review!r}")
    return RequirementNote(comment, review)


def _rule_set(
    rules_id: object, form_id: str, library: FormLibrary, fail: Any, version: str | None = None
) -> RuleSet:
    if not isinstance(rules_id, str):
        raise fail("rules", f"must be a rule-set id, got {rules_id!r}")
    try:
        rules = library.rules(rules_id, version)
    except InputError as exc:
        raise fail("rules", str(exc)) from None
    if rules.form_id != form_id:
        raise fail("rules", f"rule set '{rules.id}' is for form '{rules.form_id}', not '{form_id}'")
    return rules


def _object(data: dict[str, Any], key: str, fail: Any) -> dict[str, Any]:
    value = data.get(key, {})
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(key, "must be a JSON object {…}")
    return value


def _scenario(value: Any, key: str, fail: Any) -> ScenarioAnswer:
    if value is None:
        return ScenarioAnswer()
    if not isinstance(value, dict):
        raise fail(key, 'must be an object {"built": …, "ai": …}')
    for field in value:
        if field not in ("built", "ai", "instance"):
            raise fail(f"{key}.{field}", "unknown field (expected built, ai, instance)")
    for field in ("built", "ai"):
        if not isinstance(value.get(field, False), bool):
            raise fail(f"{key}.{field}", f"must be true or false, got {value.get(field)!r}")
    instance = value.get("instance", "")
    if not isinstance(instance, str):
        raise fail(f"{key}.instance", "must be text")
    if problem := text_problem(instance, "instance"):
        raise fail(f"{key}.instance", problem)
    return ScenarioAnswer(value.get("built", False), value.get("ai", False), instance)


def answers_to_json(answers: Answers, library: FormLibrary) -> dict[str, Any]:
    """Every key present, in form order, so a file written here is complete and diff-friendly."""
    form = library.form_for(answers)
    rules = library.rules_for(answers)
    catalogue = library.catalogue_for(answers)
    return {
        "format": FORMAT,
        "form": form.id,
        "rules": rules.id,
        "industry_type": answers.industry_type.value,
        "profile": {k: answers.profile.get(k) for k in PROFILE_FIELDS},
        "requirements": {
            r.id: (g.value if (g := answers.grade(r.id)) else None) for r in form.requirements
        },
        "scenarios": {
            s.id: {"built": a.built, "ai": a.ai, "instance": a.instance}
            for s in catalogue.scenarios
            for a in [answers.scenario(s.id)]
        },
        "conditions": {c.id: answers.conditions.get(c.id) for c in rules.conditions},
        "notes": {
            r.id: {"comment": n.comment, "review": n.review}
            for r in form.requirements
            if (n := answers.notes.get(r.id)) and n != RequirementNote()
        },
        **({"weights": answers.weights_id} if answers.weights_id else {}),
    }


def template(
    library: FormLibrary,
    form_id: str,
    rules_id: str | None = None,
    industry: IndustryType = IndustryType.DISCRETE,
) -> dict[str, Any]:
    form = library.maturity(form_id)
    rules = library.rules(rules_id or library.default_rules_id)
    if rules.form_id != form.id:
        raise AnswersError(f"rule set '{rules.id}' is for form '{rules.form_id}', not '{form.id}'")
    return answers_to_json(Answers(form.id, rules.id, industry), library)
