"""The provincial submission workbook: export, verify (ok / edited / invalid) and import."""

from __future__ import annotations

import logging
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from factory_grader import __version__
from factory_grader.domain.answers import Answers
from factory_grader.domain.errors import InputError, WorkbookError
from factory_grader.domain.results import AssessmentResult
from factory_grader.domain.text import Lang
from factory_grader.domain.text_rules import text_problem
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.reference import shared_profile_lists
from factory_grader.services.answers_file import answers_from_data
from factory_grader.services.scoring_service import score_answers
from factory_grader.wording import (
    check_sentence,
    earlier_check_sentences,
    plan_sentences,
    rule_sentence,
)
from factory_grader.workbook import machine, presentation
from factory_grader.workbook.labels import SHEETS
from factory_grader.workbook.plan import NUMBER_FORMATS, Value, WorkbookPlan, cell_ref
from factory_grader.workbook.sheet_extras import sheet_extras
from factory_grader.workbook.submission import (
    MACHINE_SHEET,
    SCHEMA,
    SCHEMA_1,
    SCHEMAS_READ,
    Evidence,
    ExportInfo,
    Submission,
)
from factory_grader.workbook.submission_plan import BUILDERS, submission_plan
from factory_grader.workbook.text_cells import visible_text
from factory_grader.workbook.xlsx_reader import DEFAULT_LIMITS, Limits, XlsxFile

log = logging.getLogger(__name__)


class FileStatus(StrEnum):
    OK = "ok"
    EDITED = "edited"
    INVALID = "invalid"


COMPUTED = "computed"  # as the claimed tier: the tier the self-assessment reaches
EXIT_CODES = {FileStatus.OK: 0, FileStatus.EDITED: 1, FileStatus.INVALID: 2}
BLANK = presentation.Look("General", None, None, None)  # a cell of a style the file lacks
MAX_REPORTED = 50  # differences listed per workbook; the count says how many there were


@dataclass(frozen=True, slots=True)
class Finding:
    """Why a workbook is edited or invalid: where (sheet and cell when known) and what."""

    message: str
    sheet: str | None = None
    cell: str | None = None
    expected: Value = None
    found: Value = None
    #: what kind of difference, for a sentence in the reader's language (services.notices):
    #: cell | hash | property | title | sheets | print-area | formula | result | format |
    #: unreadable | layout | missing-sheet | element | relationship | header-footer | drawing |
    #: chart-count | chart (workbook/sheet_extras.py); "" for the reasons a file is invalid
    kind: str = ""
    zh: str = ""  # why a file is invalid, as a Chinese sentence (WorkbookError.zh)


@dataclass
class Verdict:
    path: Path
    status: FileStatus
    findings: list[Finding] = field(default_factory=list)
    differences: int = 0  # every difference found, also those beyond MAX_REPORTED
    meta: dict[str, str] = field(default_factory=dict)
    answers: Answers | None = None  # None when invalid
    result: AssessmentResult | None = None  # recomputed, never read from the file
    evidence: tuple[Evidence, ...] = ()

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]


def utc_now() -> datetime:
    return datetime.now(UTC)


def build_submission(
    library: FormLibrary,
    answers: Answers,
    *,
    lang: Lang = "zh",
    claimed_tier: str | None = None,  # 申报等级; COMPUTED: the tier the answers reach
    evidence: Sequence[Evidence] = (),
    assessment_id: int | None = None,
    revision: int | None = None,
    exported_at: datetime | None = None,
    app_version: str = __version__,
    result: AssessmentResult | None = None,
    schema: str = SCHEMA,
) -> Submission:
    _check_texts(answers)
    lists = shared_profile_lists()
    if schema != SCHEMA_1:  # city and industry by code, named in the workbook's language
        answers = replace(answers, profile=lists.normalised(answers.profile)[0])
    form = library.form_for(answers)
    rules = library.rules_for(answers)
    catalogue = library.catalogue_for(answers)
    result = result or score_answers(library, answers)
    if claimed_tier == COMPUTED:
        claimed_tier = result.tier.tier
    if claimed_tier is not None and claimed_tier not in {t.id for t in rules.tiers}:
        known = ", ".join(t.id for t in rules.tiers)
        raise InputError(f"claimed tier {claimed_tier!r} is not a tier of {rules.id} ({known})")
    when = (exported_at or utc_now()).astimezone(UTC).replace(microsecond=0)
    info = ExportInfo(
        app_version=app_version,
        exported_at=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        lang=lang,
        claimed_tier=claimed_tier,
        assessment_id=assessment_id,
        revision=revision,
        schema=schema,
    )
    return Submission(
        answers=answers,
        result=result,
        form=form,
        rules=rules,
        catalogue=catalogue,
        info=info,
        evidence=tuple(sorted(evidence, key=lambda e: (e.requirement_id, e.file_name))),
        unmet_sentences=tuple(
            check_sentence(c, form, rules, catalogue, lang) for c in result.gaps.unmet
        ),
        unmet_earlier=tuple(
            earlier_check_sentences(c, form, rules, catalogue, lang) for c in result.gaps.unmet
        ),
        rule_sentence=rule_sentence(result.maturity, lang),
        plan_sentences=tuple(plan_sentences(result.gaps, rules, catalogue, lang)),
        profile_shown=(
            {}
            if schema == SCHEMA_1
            else {key: lists.shown(answers.profile, key, lang) for key in ("city", "industry")}
        ),
    )


def _check_texts(answers: Answers) -> None:
    """Text no workbook can hold, or longer than the app keeps (from an older database), is
    named before anything is written: never a workbook the app itself would call invalid."""
    fields = [(f"profile.{k}", v, "profile") for k, v in answers.profile.items()]
    fields += [(f"notes.{k}.comment", n.comment, "comment") for k, n in answers.notes.items()]
    fields += [
        (f"scenarios.{k}.instance", s.instance, "instance") for k, s in answers.scenarios.items()
    ]
    for where, text, kind in fields:
        if text and (problem := text_problem(text, kind)):
            raise InputError(f"{where}: {problem}")


def export_workbook(submission: Submission, target: Path) -> None:
    from factory_grader.workbook.writer import write_plan  # openpyxl: only when exporting

    _check_target(target)
    write_plan(submission_plan(submission), target)
    log.info("exported %s (%s)", target, submission.answers.profile.get("name", ""))


def _check_target(target: Path) -> None:
    if target.suffix.lower() != ".xlsx":
        raise InputError(f"{target}: the submission workbook must be an .xlsx file")
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name ending in .xlsx")
    if not target.parent.is_dir():
        raise InputError(f"{target.parent}: no such folder")


# --- verify ---------------------------------------------------------------------------------


def verify_workbook(
    path: Path,
    library: FormLibrary,
    *,
    sheets: Collection[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Verdict:
    """Recompute everything from the machine sheet and compare it with the file.

    invalid: not a readable submission of a known schema and form. edited: the answers no
    longer match their hash, a document property or a visible figure differs from what the
    answers give. `sheets` limits the visible sheets compared (keys of labels.SHEETS; None: all,
    empty: none) for a quicker look.
    """
    try:
        with XlsxFile(path, limits) as book:
            return verify_book(path, book, library, sheets)
    except WorkbookError as exc:
        return Verdict(path, FileStatus.INVALID, [Finding(str(exc), zh=exc.zh)])
    except Exception as exc:  # a file no check foresaw: invalid (exit 2), never exit 1 or a crash
        log.exception("unreadable: %s", path)
        return Verdict(
            path,
            FileStatus.INVALID,
            [
                Finding(
                    f"{path}: unreadable ({type(exc).__name__}: {exc})",
                    zh="无法读取（程序未能处理此文件，详情见日志）",
                )
            ],
        )


def _invalid(path: Path, message: str, zh: str, meta: dict[str, str] | None = None) -> Verdict:
    return Verdict(
        path, FileStatus.INVALID, [Finding(f"{path}: {message}", zh=zh)], meta=meta or {}
    )


def verify_book(
    path: Path, book: XlsxFile, library: FormLibrary, sheets: Collection[str] | None = None
) -> Verdict:
    """verify_workbook on a workbook already open (its WorkbookErrors propagate)."""
    if book.sheet(MACHINE_SHEET) is None:
        return _invalid(
            path,
            f"not a factory-grader submission (no {MACHINE_SHEET} sheet)",
            f"不是本软件导出的申报表（没有 {MACHINE_SHEET} 工作表）",
        )
    data = machine.decode(book.rows(MACHINE_SHEET, len(machine.HEADER)))
    meta = data.meta
    if meta["schema"] not in SCHEMAS_READ:
        known = ", ".join(SCHEMAS_READ)
        return _invalid(
            path,
            f"schema {meta['schema']!r}: this app reads {known}",
            f"申报表格式“{meta['schema']}”：本软件可读 {known}",
            meta,
        )
    problem = _forms_problem(meta, library)
    if problem:
        return _invalid(path, *problem, meta)
    raw, evidence = machine.answers_data(data)
    try:
        answers = answers_from_data(
            raw,
            f"{path} ({MACHINE_SHEET})",
            library,
            versions=(meta["form_version"], meta["rules_version"], meta["catalogue_version"]),
        )
    except InputError as exc:
        where = str(exc).removeprefix(f"{path} ({MACHINE_SHEET}): ").split(": ")[0]
        return _invalid(
            path,
            f"the answers in the machine sheet do not fit the form: {exc}",
            f"机读数据中的答题与问卷不符（{where}）",
            meta,
        )
    claimed = meta["claimed_tier"] or None
    if claimed and claimed not in {t.id for t in library.rules_for(answers).tiers}:
        return _invalid(
            path,
            f"claimed tier {claimed!r} is not a tier of {answers.rules_id}",
            f"申报等级“{claimed}”不是规则 {answers.rules_id} 中的梯度",
            meta,
        )
    if meta["lang"] not in ("zh", "en"):
        return _invalid(
            path, f"unknown language {meta['lang']!r}", f"未知语言“{meta['lang']}”", meta
        )

    result = score_answers(library, answers, improvements=sheets is None or "gaps" in sheets)
    verdict = Verdict(
        path, FileStatus.OK, meta=meta, answers=answers, result=result, evidence=evidence
    )
    digest = machine.answers_digest(meta, data.rows)
    if digest != meta["answers_sha256"]:
        verdict.findings.append(
            Finding(
                f"the answers in {MACHINE_SHEET} no longer match their SHA-256: they were changed"
                " after export",
                kind="hash",
                sheet=MACHINE_SHEET,
            )
        )
    props = book.custom_properties()
    for key in machine.META_KEYS:
        if props.get(key) != meta[key]:
            verdict.findings.append(
                Finding(
                    f"document property {key!r} is {props.get(key)!r}, the machine sheet says"
                    f" {meta[key]!r}",
                    kind="property",
                    cell=key,
                    expected=meta[key],
                    found=props.get(key),
                )
            )
    verdict.differences = len(verdict.findings)
    _compare_structure(book, meta, verdict, sheets)
    _compare_results(data.results, result, verdict)
    if sheets is None or sheets:
        rebuilt = _rebuilt(library, answers, meta, evidence, result)
        # What the answers give: the same rows, and the hash over them (the stored one when it
        # matched, so that a changed hash shows as one finding, not as one per sheet).
        encoded = machine.encode(rebuilt) if digest != meta["answers_sha256"] else None
        if encoded is None:
            encoded = ({**meta}, list(data.rows))
        # the visible sheets only: the machine sheet was read and checked above
        only = sheets if sheets is not None else tuple(BUILDERS)
        plan = submission_plan(rebuilt, only, encoded=encoded, layout=False)
        _compare_visible(plan, book, verdict)
        _compare_presentation(plan, book, verdict)
        _compare_extras(plan, book, verdict)
        if book.title() not in (None, visible_text(plan.title)):  # what a window or list shows
            _difference(
                verdict,
                Finding(
                    f"the document title is {book.title()!r}, the answers give"
                    f" {visible_text(plan.title)!r}",
                    kind="title",
                    expected=visible_text(plan.title),
                    found=book.title(),
                ),
            )
    if verdict.differences:
        verdict.status = FileStatus.EDITED
    return verdict


def _forms_problem(meta: dict[str, str], library: FormLibrary) -> tuple[str, str] | None:
    """(English, Chinese) of why the forms the workbook names cannot check it, else None."""
    checks = (
        ("form", meta["form_id"], meta["form_version"], meta["form_digest"], library.maturity),
        ("rule set", meta["rules_id"], meta["rules_version"], meta["rules_digest"], library.rules),
        (
            "scenario catalogue",
            meta["catalogue_id"],
            meta["catalogue_version"],
            meta["catalogue_digest"],
            library.catalogue,
        ),
    )
    for what, ident, version, digest, get in checks:
        what_zh = {"form": "问卷", "rule set": "规则", "scenario catalogue": "场景目录"}[what]
        # every shipped version is kept: a workbook is checked with the versions it was made with
        if not library.has(ident, version):
            return (
                f"made with {what} {ident!r} {version}, which this app does not have",
                f"使用{what_zh} {ident} {version} 制作，本软件没有该版本",
            )
        try:
            item = get(ident, version)
        except InputError:  # an id of another kind (a forged or damaged sheet)
            return (
                f"{ident!r} {version} is not a {what} of this app",
                f"{ident} {version} 不是本软件的{what_zh}",
            )
        if item.digest != digest:
            return (
                f"made with {what} {ident} {version} (digest {digest[:12]}…); this app's"
                f" {version} differs (digest {item.digest[:12]}…), so its figures cannot be"
                " checked",
                f"使用{what_zh} {ident} {version} 制作，但与本软件的同版本内容不同，无法核对得分",
            )
    return None


def _rebuilt(
    library: FormLibrary,
    answers: Answers,
    meta: dict[str, str],
    evidence: tuple[Evidence, ...],
    result: AssessmentResult,
) -> Submission:
    lang: Lang = "en" if meta["lang"] == "en" else "zh"
    return build_submission(
        library,
        answers,
        lang=lang,
        claimed_tier=meta["claimed_tier"] or None,
        evidence=evidence,
        assessment_id=int(meta["assessment_id"]) if meta["assessment_id"].isdigit() else None,
        revision=int(meta["revision"]) if meta["revision"].isdigit() else None,
        exported_at=_parse_time(meta["exported_at"]),
        app_version=meta["app_version"],
        result=result,
        schema=meta["schema"],  # rendered as that schema renders it
    )


def _parse_time(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise WorkbookError(
            f"{MACHINE_SHEET}: exported_at {text!r} is not a UTC time",
            f"机读数据中的导出时间“{text}”不是 UTC 时间",
        ) from None


def _compare_structure(
    book: XlsxFile, meta: dict[str, str], verdict: Verdict, only: Collection[str] | None
) -> None:
    """The sheets are the submission's, in its order, the visible ones visible and the machine
    sheet not (a real 封面 hidden behind a look-alike copy is the classic forgery), and no cell
    anywhere holds a formula (it could show any text whatever its cached value)."""
    lang = "en" if meta.get("lang") == "en" else "zh"
    expected = [(zh if lang == "zh" else en, True) for zh, en in SHEETS.values()]
    expected.append((MACHINE_SHEET, False))
    found = [(s.name, s.state == "visible") for s in book.sheets]
    if found != expected:
        shown = ", ".join(f"{n}{'' if v else ' (hidden)'}" for n, v in found)
        wanted = ", ".join(f"{n}{'' if v else ' (hidden)'}" for n, v in expected)
        _difference(
            verdict,
            Finding(
                f"the sheets are {shown}; a submission has {wanted}", found=shown, kind="sheets"
            ),
        )
    for sheet, area in book.print_areas().items():  # the submission prints every sheet whole
        _difference(
            verdict,
            Finding(
                f"{sheet}: a print area ({area}): only part of it prints",
                sheet=sheet,
                kind="print-area",
            ),
        )
    # every sheet; a quicker look (`only`) the sheets it compares and the machine sheet
    names = {zh if lang == "zh" else en for key, (zh, en) in SHEETS.items() if key in (only or ())}
    for info in book.sheets:
        if only is not None and info.name not in names | {MACHINE_SHEET}:
            continue
        for ref in book.formula_cells(info.name):
            _difference(
                verdict,
                Finding(f"{info.name}!{ref}: a formula", sheet=info.name, cell=ref, kind="formula"),
            )


def _compare_results(stored: dict[str, str], result: AssessmentResult, verdict: Verdict) -> None:
    """The machine sheet's result rows are informative only, but must say what the answers
    give (a reader of the sheet, or another program, may trust them)."""
    now = machine.result_figures(result)
    for key in sorted(stored.keys() | now.keys()):
        if stored.get(key) != now.get(key):
            _difference(
                verdict,
                Finding(
                    f"{MACHINE_SHEET} result {key}: expected {now.get(key)!r}, found"
                    f" {stored.get(key)!r}",
                    kind="result",
                    cell=key,
                    sheet=MACHINE_SHEET,
                    expected=now.get(key),
                    found=stored.get(key),
                ),
            )


def _compare_presentation(plan: WorkbookPlan, book: XlsxFile, verdict: Verdict) -> None:
    """What shows besides the values: each cell's number format is the one its style has (a
    format such as ;;;"卓越级" shows other text), every filled cell is legible (no white or tiny
    text), nothing is hidden, merged cells, drop-downs and conditional formats are as written."""
    looks = presentation.styles(book)
    unreadable = {i: why for i, look in enumerate(looks) if (why := presentation.legible(look))}
    for sheet in plan.sheets:
        if sheet.state != "visible" or book.sheet(sheet.name) is None:
            continue
        found = presentation.sheet_look(book, sheet.name)
        name = sheet.name
        fits: dict[tuple[str, int], bool] = {}  # (style, style index) -> its format is right
        for (r, c), cell in sorted(sheet.cells.items()):
            index = found.cells.get((r, c))
            if index is None or index >= len(looks):
                continue  # a missing cell is already a difference of values
            key = (cell.style, index)
            fit = fits.get(key)
            if fit is None:
                expected = NUMBER_FORMATS.get(cell.style, "General")
                fit = fits[key] = presentation.same_format(expected, looks[index].number_format)
            if not fit:
                ref = cell_ref(r, c)
                expected = NUMBER_FORMATS.get(cell.style, "General")
                shown = looks[index].number_format
                _difference(
                    verdict,
                    Finding(
                        f"{name}!{ref}: number format {shown!r} (it can show other text or"
                        f" another number than the cell holds; expected {expected!r})",
                        kind="format",
                        sheet=name,
                        cell=ref,
                        expected=expected,
                        found=shown,
                    ),
                )
        for (r, c), runs in sorted(found.rich.items()):
            index = found.cells.get((r, c), 0)
            why = presentation.hidden_run(runs, looks[index] if index < len(looks) else BLANK)
            if why is not None:
                ref = cell_ref(r, c)
                _difference(
                    verdict,
                    Finding(
                        f"{name}!{ref}: part of the text cannot be read ({why})",
                        sheet=name,
                        cell=ref,
                        kind="rich-text",
                    ),
                )
        if unreadable:  # (rare: only then is every cell's style looked up)
            for (r, c), index in sorted(found.cells.items()):
                why = unreadable.get(index)
                if why is not None:
                    ref = cell_ref(r, c)
                    _difference(
                        verdict,
                        Finding(
                            f"{name}!{ref}: cannot be read ({why})",
                            sheet=name,
                            cell=ref,
                            kind="unreadable",
                        ),
                    )
        # (what, kind, detail): the detail goes into the sentence of either language
        problems: list[tuple[str, str, str]] = [
            *((f"row {r} hidden", "hidden-row", str(r)) for r in found.hidden_rows),
            *((f"columns {c} hidden", "hidden-columns", c) for c in found.hidden_columns),
        ]
        if found.merges != set(sheet.merges):
            changed = ", ".join(sorted(found.merges ^ set(sheet.merges)))
            problems.append(
                (f"merged cells differ from the submission's: {changed}", "merges", changed)
            )
        if found.conditional_formats:
            count = str(found.conditional_formats)
            problems.append((f"{count} conditional format(s)", "conditional", count))
        planned = {f"{v.ref}={','.join(v.choices)}" for v in sheet.validations}
        if found.validations != planned:
            changed = ", ".join(sorted(found.validations ^ planned))
            problems.append(
                (f"drop-down lists differ from the submission's: {changed}", "validations", changed)
            )
        for problem, kind, detail in problems:
            _difference(verdict, Finding(f"{name}: {problem}", sheet=name, cell=detail, kind=kind))


def _compare_extras(plan: WorkbookPlan, book: XlsxFile, verdict: Verdict) -> None:
    """Drawings, comments, pictures, header and footer text: nothing the submission lacks."""
    for sheet in plan.sheets:
        if sheet.state == "visible":
            for extra in sheet_extras(book, plan, sheet):
                _difference(
                    verdict,
                    Finding(extra.message, sheet=extra.sheet, cell=extra.detail, kind=extra.kind),
                )


def _compare_visible(plan: WorkbookPlan, book: XlsxFile, verdict: Verdict) -> None:
    for sheet in plan.sheets:
        if sheet.state != "visible":
            continue
        if book.sheet(sheet.name) is None:
            _difference(
                verdict,
                Finding(f"sheet {sheet.name!r} is missing", sheet=sheet.name, kind="missing-sheet"),
            )
            continue
        expected = sheet.values()
        found = book.cells(sheet.name)
        if expected == found and not any(type(v) is bool for v in found.values()):
            continue  # the common case, decided at C speed (a bool shows TRUE, never 1)
        for rc in sorted(expected.keys() | found.keys()):
            e, f = expected.get(rc), found.get(rc)
            if not _same(e, f) and f not in sheet.earlier.get(rc, ()):
                ref = cell_ref(*rc)
                _difference(
                    verdict,
                    Finding(
                        f"{sheet.name}!{ref}: expected {e!r}, found {f!r}",
                        sheet=sheet.name,
                        kind="cell",
                        cell=ref,
                        expected=e,
                        found=_plain(f),
                    ),
                )


def _difference(verdict: Verdict, finding: Finding) -> None:
    verdict.differences += 1
    if len(verdict.findings) < MAX_REPORTED:
        verdict.findings.append(finding)


def _plain(value: object) -> Value:
    return value if isinstance(value, str | int | float) or value is None else str(value)


def _same(expected: object, found: object) -> bool:
    if isinstance(expected, int | float) and isinstance(found, int | float):
        return not isinstance(found, bool) and math.isclose(expected, found, abs_tol=1e-9)
    return expected == found


# --- import ---------------------------------------------------------------------------------


def read_for_import(path: Path, library: FormLibrary) -> Verdict:
    """The answers of a submission workbook, or a WorkbookError saying why there are none."""
    verdict = verify_workbook(path, library)
    if verdict.status is FileStatus.INVALID or verdict.answers is None:
        raise WorkbookError(verdict.findings[0].message, verdict.findings[0].zh)
    return verdict


def looks_like_workbook(path: Path) -> bool:
    """An .xlsx by name, or a zip package whatever its name (answers files are JSON text)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    try:
        with path.open("rb") as f:
            return f.read(2) == b"PK"
    except OSError:
        return False


def suggested_file_name(answers: Answers, lang: Lang) -> str:
    name = (answers.profile.get("name") or "").strip()
    safe = "".join(ch for ch in name if ch not in '\\/:*?"<>|\t\r\n')[:60]
    tail = "smart-factory-self-assessment" if lang == "en" else "智能工厂梯度自评"
    return f"{safe}-{tail}.xlsx" if safe else f"{tail}.xlsx"
