"""The command handlers behind `factory-grader COMMAND` (imported only for a command, so the
GUI's start-up does not pay for them)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factory_grader.domain.answers import Answers
from factory_grader.domain.comparison import Entry, EntryStatus
from factory_grader.domain.credit_code import credit_code_problem, normalise_credit_code
from factory_grader.domain.errors import InputError
from factory_grader.domain.maturity_model import IndustryType
from factory_grader.domain.records import AssessmentSummary
from factory_grader.forms.library import FormLibrary
from factory_grader.services.answers_file import answers_to_json, read_answers_file, template
from factory_grader.services.examples import example_answers_path
from factory_grader.services.forms_json import form_data_json
from factory_grader.services.notices import (
    drift_sentence,
    finding_sentence,
    update_text,
    verdict_words,
    version_sentence,
)
from factory_grader.services.report import render_text, result_to_json
from factory_grader.services.scoring_service import score_answers, under_rules

if TYPE_CHECKING:  # importing storage pulls in SQLAlchemy: only when a command needs it
    from factory_grader.domain.text import Lang
    from factory_grader.services.assessments import AssessmentService
    from factory_grader.services.doctor import Check
    from factory_grader.services.importing import FileImport
    from factory_grader.workbook.submission import Submission
from factory_grader.services.submission import Verdict
from factory_grader.wording import claim_warning


def _print_json(data: Any, out: str | None = None) -> None:
    _emit(json.dumps(data, ensure_ascii=False, indent=2), out)


def _emit(text: str, out: str | None = None) -> None:
    """Print, or with --out write the file as UTF-8 whatever the console's encoding (Windows
    PowerShell's `>` writes UTF-16, cmd's the ANSI code page): atomically, never half-written."""
    if out is None:
        print(text)
        return
    target = Path(out)
    if not target.parent.is_dir():
        raise InputError(f"{target}: the folder {target.parent} does not exist")
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name for --out")
    part = target.with_name(f"{target.name}.{os.getpid()}.part")  # two runs never share one
    try:
        part.write_text(text + "\n", encoding="utf-8", newline="\n")
        part.replace(target)
    except OSError as exc:
        raise InputError(f"{target}: cannot be written: {exc.strerror or exc}") from None
    finally:
        part.unlink(missing_ok=True)  # after an error or Ctrl+C: no half-written file left


def _cmd_forms_list(args: argparse.Namespace, lib: FormLibrary) -> int:
    entries = lib.entries(archived=True)
    if args.json:
        _print_json(
            [
                {
                    "kind": e.kind,
                    "id": e.id,
                    "version": e.version,
                    "name": e.name.zh,
                    "name_en": e.name.en,
                    "digest": e.digest,
                    "default": e.default,
                    "current": e.current,
                }
                for e in entries
            ]
        )
        return 0
    for e in entries:
        mark = " *" if e.default else ""
        if not e.current:  # kept for assessments made with it
            mark += (
                " （旧版，仅用于按其评估的记录）"
                if args.lang == "zh"
                else " (older, kept for records)"
            )
        print(f"{e.kind:<10} {e.id:<16} {e.version:<8} {e.name.get(args.lang)}{mark}")
    return 0


def _cmd_forms_show(args: argparse.Namespace, lib: FormLibrary) -> int:
    item = lib.any_by_id(args.id)
    data = form_data_json(item, lib)
    if args.json:
        _print_json(data, args.out)
    else:
        lines = [f"{data['kind']} {data['id']} {data['version']}: {data['name']}"]
        lines += [
            f"  {key}: {len(value)}" for key, value in data.items() if isinstance(value, list)
        ]
        _emit("\n".join(lines), args.out)
    return 0


def _cmd_template(args: argparse.Namespace, lib: FormLibrary) -> int:
    _print_json(template(lib, args.form, args.rules, IndustryType(args.industry_type)), args.out)
    return 0


def _score_file(path: Path, args: argparse.Namespace, lib: FormLibrary) -> int:
    answers = read_answers_file(path, lib, args.rules)
    return _print_score(answers, args, lib)


def _print_score(answers: Answers, args: argparse.Namespace, lib: FormLibrary) -> int:
    result = score_answers(lib, answers)
    out = getattr(args, "out", None)
    if args.json:
        _print_json(result_to_json(result, answers, lib), out)
    else:
        _emit(render_text(result, answers, lib, args.lang), out)
    return 0


def _cmd_score(args: argparse.Namespace, lib: FormLibrary) -> int:
    if (args.file is None) == (args.assessment is None):
        raise InputError("score: give an answers FILE or --assessment ID (one of them)")
    if args.file is not None:
        return _score_file(Path(args.file), args, lib)
    with _service(args, lib) as service:
        answers = service.answers(args.assessment)
        summary = service.summary(args.assessment)
        drift = service.verdict_drift(summary)
        notes = service.version_notes(summary) if summary.final_verdict is None else []
    if args.rules:
        answers = under_rules(lib, answers, args.rules)
    verdict = summary.final_verdict
    if verdict is None:  # a draft (or finalised before verdicts were stored): its data, said
        for note in notes:
            print(f"factory-grader: {version_sentence(note, args.lang)}", file=sys.stderr)
        return _print_score(answers, args, lib)
    # A final assessment: its verdict is the one reached at finalising; any difference the data
    # gives now is reported, never silently taken over.
    form, rules = lib.form_for(answers), lib.rules_for(answers)
    for d in drift:
        print(f"factory-grader: {drift_sentence(d, form, rules, args.lang)}", file=sys.stderr)
    if args.json:
        result = score_answers(lib, answers)
        data = result_to_json(result, answers, lib)
        data["final_verdict"] = verdict.to_json()
        data["changed_since_final"] = [{"what": d.what, "was": d.was, "now": d.now} for d in drift]
        _print_json(data, getattr(args, "out", None))
        return 0
    words = verdict_words(
        (verdict.score_hundredths, verdict.level, verdict.tier), form, rules, args.lang
    )
    versions = (
        f"{verdict.form_id} {verdict.form_version} / {verdict.rules_id} {verdict.rules_version}"
    )
    head = (
        f"定稿结论: {words}（{versions}）"
        if args.lang == "zh"
        else f"Final verdict: {words} ({versions})"
    )
    lines = [head]
    if drift:
        lines.append(
            "注意：定稿所用的数据已有变化，以下为现在重新计算的结果，仅供参考，不改变定稿结论。"
            if args.lang == "zh"
            else "Note: the data the verdict was reached with has changed; below is a"
            " recomputation, for reference only; it does not change the final verdict."
        )
    report = render_text(score_answers(lib, answers), answers, lib, args.lang)
    _emit("\n".join([*lines, "", report]), getattr(args, "out", None))
    return 0


@contextlib.contextmanager
def _service(args: argparse.Namespace, lib: FormLibrary) -> Iterator[AssessmentService]:
    from factory_grader.services.app_paths import database_url
    from factory_grader.services.assessments import open_service
    from factory_grader.services.network_paths import database_on_network

    shared = database_on_network(database_url(args.db))
    if shared is not None:  # said before it fails obscurely
        print(
            f"factory-grader: warning: {shared} is on a network share; SQLite needs a local disk"
            " (it can be damaged or stay locked there): use a local folder, or a shared"
            " PostgreSQL server (--db postgresql://…) for a team",
            file=sys.stderr,
        )
    service, db = open_service(args.db, lib)
    try:
        yield service
    finally:
        db.close()


def _summary_json(a: AssessmentSummary) -> dict[str, Any]:
    return {
        "id": a.id,
        "factory": a.factory_name,
        "credit_code": a.credit_code,
        "series": a.series_id,
        "revision": a.revision,
        "status": a.status.value,
        "form": a.form_id,
        "form_version": a.form_version,
        "rules": a.rules_id,
        "industry_type": a.industry_type,
        "created_by": a.created_by,
        "created_at": a.created_at.isoformat(),
        "updated_at": a.updated_at.isoformat(),
        "finalised_at": a.finalised_at.isoformat() if a.finalised_at else None,
    }


def _cmd_assessments_import(args: argparse.Namespace, lib: FormLibrary) -> int:
    """One line per file as it is done (id, name, status, file), warnings and refusals on
    stderr in the chosen language; exit 0 when every file was imported, 2 when any was refused.
    A single file refused is an error as before (its message, exit 2). Stopped early (Ctrl+C,
    the database failing) it still says what was stored."""
    from factory_grader.services.importing import (
        ImportInterrupted,
        ImportOutcome,
        import_files,
        importable_files,
    )

    lang = args.lang
    files = importable_files([Path(p) for p in args.paths])
    if not files:
        raise InputError(_NOTHING_TO_IMPORT[lang].format(paths=" ".join(args.paths)))
    single = len(args.paths) == 1 and len(files) == 1 and not Path(args.paths[0]).is_dir()
    lines = _ImportLines(lang, args.json, single, sys.stderr.isatty() and len(files) > 1)
    stopped_by: BaseException | None = None
    with _service(args, lib) as service:
        try:
            results = import_files(service, files, progress=lines.report)
        except ImportInterrupted as stop:
            results, stopped_by = stop.done, stop.cause
    lines.finish()
    refused = [r for r in results if r.outcome is ImportOutcome.REFUSED]
    if single and refused and stopped_by is None:
        assert refused[0].error is not None
        raise refused[0].error
    if args.json:  # one object for a single file (as before), a list for many
        rows = [_import_row(r) for r in results]
        _print_json(rows[0] if single and rows else rows)
    left = len(files) - len(results)
    if refused or stopped_by is not None:
        comma = "，" if lang == "zh" else ", "
        counts = [f"{len(results) - len(refused)} {_IMPORTED[lang]}"]
        counts += [f"{len(refused)} {_REFUSED[lang]}"] if refused else []
        counts += [f"{left} {_NOT_TRIED[lang]}"] if left else []
        print(f"factory-grader: {comma.join(counts)}", file=sys.stderr)
    if isinstance(stopped_by, KeyboardInterrupt):
        return 130
    if stopped_by is not None:
        raise stopped_by  # the database's own message (main says it; exit 2)
    return 2 if refused else 0  # 2: bad input (cli.EXIT_BAD_INPUT)


def _import_row(r: FileImport) -> dict[str, Any]:
    from factory_grader.services.importing import ImportOutcome

    status = None
    if r.is_workbook and r.outcome is not ImportOutcome.REFUSED:
        status = "edited" if r.outcome is ImportOutcome.EDITED else "ok"
    return {
        "file": str(r.path),
        "outcome": r.outcome.value,
        "id": r.assessment.id if r.assessment else None,
        "workbook_status": status,
        "reason": r.reason("en"),
        "reason_zh": r.reason("zh"),
    }


class _ImportLines:
    """What `assessments import` prints as each file is done: a counter on a terminal (stderr),
    a line per draft (stdout), warnings and refusals (stderr). A reader that goes away (`| head`)
    does not stop the import: the rest is done without printing."""

    def __init__(self, lang: Lang, as_json: bool, single: bool, counter: bool) -> None:
        self.lang, self.as_json, self.single, self.counter = lang, as_json, single, counter
        self.gone = False

    def report(self, result: FileImport, done: int, total: int) -> None:
        from factory_grader.services.importing import ImportOutcome

        try:
            self._clear()
            if result.outcome is ImportOutcome.REFUSED:
                if not self.single:
                    why = result.reason(self.lang)
                    print(f"factory-grader: {result.path}: {why}", file=sys.stderr)
            else:
                if result.outcome is ImportOutcome.EDITED:
                    print(
                        _EDITED[self.lang].format(path=result.path, why=result.reason(self.lang)),
                        file=sys.stderr,
                    )
                if not self.as_json and not self.gone:
                    a = result.assessment
                    assert a is not None  # not refused: a draft was made
                    print(f"{a.id}\t{a.factory_name}\t{a.status.value}\t{result.path}", flush=True)
            if self.counter:
                print(f"{done}/{total}", end="", file=sys.stderr, flush=True)
        except BrokenPipeError:
            self.gone = True
            devnull = os.open(os.devnull, os.O_WRONLY)  # nothing more reaches the closed pipe
            os.dup2(devnull, sys.stdout.fileno())

    def _clear(self) -> None:
        if self.counter:  # the counter's line is cleared before anything else is written
            print("\r\x1b[K", end="", file=sys.stderr)

    def finish(self) -> None:
        self._clear()


_NOTHING_TO_IMPORT = {
    "zh": "{paths}：其中没有答题文件或申报工作簿（.json、.xlsx）",
    "en": "{paths}: no answers files or workbooks (.json, .xlsx)",
}
_EDITED = {
    "zh": "factory-grader：警告：{path} 导出后被修改过；"
    "已导入其机读数据中的答题并重新计算（{why}）",
    "en": "factory-grader: warning: {path} was edited after export; imported what its machine"
    " sheet holds, rescored ({why})",
}
_IMPORTED = {"zh": "个文件已导入", "en": "imported"}
_REFUSED = {"zh": "个文件无法导入（原因见上）", "en": "refused (see above)"}
_NOT_TRIED = {"zh": "个文件未处理", "en": "not tried"}


def _cmd_export(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.submission import COMPUTED, build_submission, export_workbook

    if (args.file is None) == (args.assessment is None):
        raise InputError("export: give an answers FILE or --assessment ID (one of them)")
    claim = COMPUTED if args.claim is None else None if args.claim == "none" else args.claim
    out = Path(args.out)
    if args.file is not None:
        answers = read_answers_file(Path(args.file), lib)
        submission = build_submission(lib, answers, lang=args.lang, claimed_tier=claim)
        export_workbook(submission, out)
    else:  # the database only when asked for (an answers file needs none: start-up time)
        from factory_grader.services.stored_export import export_stored

        with _service(args, lib) as service:
            submission = export_stored(service, args.assessment, out, lang=args.lang, claim=claim)
    code = submission.answers.profile.get("credit_code") or ""
    if code and (problem := credit_code_problem(normalise_credit_code(code))):
        # written all the same (the factory may correct it later), but never silently
        print(
            f"factory-grader: warning: profile.credit_code {code!r} {problem}; the province's"
            " comparison will flag it",
            file=sys.stderr,
        )
    _warn_claim_above(submission)
    _warn_size(submission)
    m = submission.result.maturity
    print(f"{out}\tS={m.score_hundredths / 100:.2f}\t{submission.result.tier.tier or '-'}")
    return 0


def _warn_size(sub: Submission) -> None:
    """The GUI holds back a size the numbers contradict without a reason, and numbers that are
    none; an answers file may carry them: written all the same, but said."""
    from factory_grader.domain.company_size import parse_employees, parse_revenue, size_for

    profile, zh = sub.answers.profile, sub.info.lang == "zh"
    employees, revenue = profile.get("employees") or "", profile.get("revenue") or ""
    if employees and parse_employees(employees) is None:
        print(
            f"factory-grader: 员工总数“{employees}”不是整数人数"
            if zh
            else f"factory-grader: warning: employees {employees!r} is not a whole number",
            file=sys.stderr,
        )
    if revenue and parse_revenue(revenue) is None:
        print(
            f"factory-grader: 上年度营业收入“{revenue}”不是以万元为单位的数"
            if zh
            else f"factory-grader: warning: revenue {revenue!r} is not an amount in 10,000 yuan",
            file=sys.stderr,
        )
    people, amount = parse_employees(employees), parse_revenue(revenue)
    size = profile.get("size") or ""
    if people is None or amount is None or not size or profile.get("size_reason"):
        return
    rule = size_for(people, amount)
    if size != rule:
        print(
            f"factory-grader: 企业规模“{size}”与按规则判定的“{rule}”不同，且未说明理由"
            if zh
            else f"factory-grader: warning: size {size!r} differs from the rule's {rule!r} "
            "and gives no reason (size_reason)",
            file=sys.stderr,
        )


def _warn_claim_above(sub: Submission) -> None:
    """A tier applied for above the computed one: written all the same (the cover marks it),
    but never silently: what it lacks goes to stderr."""
    warning = claim_warning(
        sub.result.tier, sub.info.claimed_tier, sub.form, sub.rules, sub.catalogue, sub.info.lang
    )
    if warning is None:
        return
    words, lines = warning
    print(f"factory-grader: {words}", file=sys.stderr)
    for line in lines:
        print(f"  - {line}", file=sys.stderr)


def _cmd_verify(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.submission import verify_workbook

    verdict = verify_workbook(Path(args.workbook), lib)
    if args.json:
        _print_json(verdict_json(verdict))
    else:
        head = {"ok": "ok", "edited": "EDITED", "invalid": "INVALID"}[verdict.status.value]
        print(f"{head}: {verdict.path}")
        for finding in verdict.findings:
            print(f"  - {finding.message}")
        if verdict.differences > len(verdict.findings):
            print(f"  … {verdict.differences - len(verdict.findings)} more")
    return verdict.exit_code


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    meta, answers, result = verdict.meta, verdict.answers, verdict.result
    return {
        "file": str(verdict.path),
        "status": verdict.status.value,
        "reasons": [
            {
                **{k: v for k, v in asdict(f).items() if v is not None and k != "zh"},
                "zh": finding_sentence(f, "zh"),  # the same as a Chinese sentence
            }
            for f in verdict.findings
        ],
        "differences": verdict.differences,
        "schema": meta.get("schema"),
        "form": meta.get("form_id"),
        "rules": meta.get("rules_id"),
        "assessment_id": meta.get("assessment_id") or None,
        "revision": meta.get("revision") or None,
        "exported_at": meta.get("exported_at"),
        "factory": answers.profile.get("name") if answers else None,
        "credit_code": answers.profile.get("credit_code") if answers else None,
        "claimed_tier": meta.get("claimed_tier") or None,
        "score": result.maturity.score_hundredths / 100 if result else None,
        "level": result.maturity.level if result else None,
        "tier": result.tier.tier if result else None,
    }


def _cmd_assessments_list(args: argparse.Namespace, lib: FormLibrary) -> int:
    with _service(args, lib) as service:
        items = service.list_assessments()
    if args.json:
        _print_json([_summary_json(a) for a in items])
        return 0
    for a in items:
        when = a.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{a.id:>5}  {a.status.value:<5}  r{a.revision:<3} {when}  {a.factory_name}")
    return 0


def _cmd_assessments_show(args: argparse.Namespace, lib: FormLibrary) -> int:
    with _service(args, lib) as service:
        answers = service.answers(args.id)
        summary = service.summary(args.id)
    if args.json:
        _print_json(answers_to_json(answers, lib), args.out)
        return 0
    answered = sum(g is not None for g in answers.requirements.values())
    _emit(
        f"{summary.factory_name} — #{summary.id} r{summary.revision} {summary.status.value}\n"
        f"{answered}/{len(answers.requirements)} requirements answered; rules {answers.rules_id}",
        args.out,
    )
    return 0


def _cmd_assessments_finalise(args: argparse.Namespace, lib: FormLibrary) -> int:
    with _service(args, lib) as service:
        done = service.finalise(args.id)
    _print_json(_summary_json(done)) if args.json else print(f"{done.id}\tfinal")
    return 0


def _cmd_assessments_reopen(args: argparse.Namespace, lib: FormLibrary) -> int:
    with _service(args, lib) as service:
        new = service.reopen(args.id)
    _print_json({"id": new.id, "revision": new.revision}) if args.json else print(new.id)
    return 0


def _cmd_assessments_update(args: argparse.Namespace, lib: FormLibrary) -> int:
    with _service(args, lib) as service:
        if service.summary(args.id).status.value != "draft":
            raise InputError(
                f"assessment {args.id} is final: it keeps the versions it was finalised with"
                " (reopen it as a new draft to update)"
            )
        update = service.preview_update(args.id)
        if args.apply and update.changes_anything:
            service.update_to_current(args.id)
    if args.json:
        _print_json(
            {
                "was": asdict(update.was),
                "now": asdict(update.now),
                "verdict_was": list(update.verdict_was),
                "verdict_now": list(update.verdict_now),
                "added": list(update.added),
                "reworded": list(update.reworded),
                "applied": bool(args.apply and update.changes_anything),
            }
        )
        return 0
    print(update_text(update, lib, args.lang, applied=args.apply))
    return 0


def _cmd_example(args: argparse.Namespace, lib: FormLibrary) -> int:
    return _score_file(example_answers_path(), args, lib)


def _cmd_compare(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.compare import compare_files, write_summary
    from factory_grader.services.file_lists import expand_paths

    out = Path(args.out) if args.out else None
    if out is not None and (out.suffix.lower() != ".xlsx" or not out.parent.is_dir()):
        raise InputError(f"{out}: give an .xlsx file in an existing folder for --out")
    files = expand_paths([Path(p) for p in args.paths], exclude=out)
    if not files:
        raise InputError("compare: no files found in " + ", ".join(args.paths))
    show = sys.stderr.isatty() and not args.progress

    def progress(_batch: object, done: int) -> None:
        if args.progress:  # one line per batch: a script (or a test) can wait for the reading
            print(f"{done}/{len(files)}", file=sys.stderr, flush=True)
        elif show and (done % 50 == 0 or done == len(files)):
            print(f"\r{done}/{len(files)}", end="", file=sys.stderr, flush=True)

    entries = compare_files(files, workers=args.workers, on_entries=progress)
    if show:
        print(file=sys.stderr)
    if out is not None:
        write_summary(entries, lib, out, lang=args.lang, sources=len(files))
    counts = {
        "files": len(files),
        "listed": sum(e.counts for e in entries),
        "ok": sum(e.status is EntryStatus.OK for e in entries),
        "edited": sum(e.status is EntryStatus.EDITED for e in entries),
        "invalid": sum(e.status is EntryStatus.INVALID for e in entries),
        "unchecked": sum(e.status is EntryStatus.UNCHECKED for e in entries),
        "superseded": sum(bool(e.superseded_by) for e in entries),
    }
    if args.json:
        _print_json(
            {
                **counts,
                "out": str(out) if out else None,
                "entries": [entry_json(e) for e in entries],
            }
        )
        return 0
    print("  ".join(f"{k} {v}" for k, v in counts.items()))
    for e in entries:
        if e.status is not EntryStatus.OK or e.superseded_by:
            why = f"superseded by {e.superseded_by}" if e.superseded_by else e.reason
            print(f"{e.status:<8} {e.file}: {why}")
    if out is not None:
        print(out)
    return 0


def entry_json(e: Entry) -> dict[str, Any]:
    data = {f.name: getattr(e, f.name) for f in fields(e)}
    data["score"] = None if e.score_hundredths is None else e.score_hundredths / 100
    del data["score_hundredths"]
    data["ai_share"] = None if e.ai_share is None else round(e.ai_share, 4)
    data["counts"] = e.counts
    return data


def _cmd_demo(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.demo import write_demo_set

    show = sys.stderr.isatty()

    def progress(done: int) -> None:
        if show:
            print(f"\r{done}/{args.count}", end="", file=sys.stderr, flush=True)

    files = write_demo_set(args.count, Path(args.out), args.seed, on_progress=progress)
    if show:
        print(file=sys.stderr)
    print(f"{len(files)} workbooks ({args.count} factories) in {args.out}")
    return 0


def _cmd_backup(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.app_paths import database_url
    from factory_grader.services.backup import backup_database

    target = Path(args.out)
    if not target.parent.is_dir():
        raise InputError(f"{target}: the folder {target.parent} does not exist")
    if target.exists():
        raise InputError(f"{target}: exists already; choose a new file name")
    written = backup_database(database_url(args.db), target)
    print(written)
    return 0


def _cmd_move_data(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.app_paths import data_home, database_url
    from factory_grader.services.data_folder import move_data

    if args.db or os.environ.get("FACTORY_GRADER_DB"):
        raise InputError(
            f"move-data moves the data folder {data_home()}; the database in use is"
            f" {database_url(args.db)} (--db or FACTORY_GRADER_DB): nothing to move"
        )
    report = move_data(Path(args.dir))
    rows = sum(report.rows.values())
    print(
        f"已移动到 {report.new}（已核对 {rows} 行记录、{report.evidence_checked} 个证据文件）；"
        f"旧副本保留在 {report.old}"
        if args.lang == "zh"
        else f"moved to {report.new} ({rows} rows and {report.evidence_checked} evidence files"
        f" checked); the old copy stays in {report.old}"
    )
    return 0


def _cmd_restore(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.app_paths import database_url
    from factory_grader.services.backup import restore_backup

    kept = restore_backup(database_url(args.db), Path(args.file))
    if args.lang == "zh":
        print(f"已从 {args.file} 恢复" + (f"；被替换的数据库已保存为 {kept}" if kept else ""))
    else:
        print(
            f"restored from {args.file}"
            + (f"; the replaced database is kept as {kept}" if kept else "")
        )
    return 0


def _cmd_doctor(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.services.doctor import report, run_checks

    checks = run_checks(args.db, lib, qt=_qt_checks)
    print(report(checks, args.lang))
    return 0 if all(c.ok for c in checks) else 1


def _qt_checks() -> list[Check]:
    """Qt in a process of its own (as the GUI would start it): a Qt that cannot start, or
    aborts, is a line of the report, not the end of it."""
    import subprocess

    from factory_grader.services.doctor import Check

    frozen = getattr(sys, "frozen", False)
    # isolated as this process is (the Windows build runs its Python with -I)
    isolated = ["-I"] if sys.flags.isolated else []
    command = [sys.executable, *([] if frozen else [*isolated, "-m", "factory_grader"])]
    try:
        proc = subprocess.run(
            [*command, "doctor", "--qt-probe"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        proc = None
        why = str(exc)
    if proc is not None and proc.returncode == 0:
        try:
            return [Check(k, ok, en, zh) for k, ok, en, zh in json.loads(proc.stdout)]
        except (ValueError, TypeError):
            why = proc.stdout.strip()[-300:]
    elif proc is not None:  # Qt's first lines say why (e.g. "could not connect to display")
        lines = [line.strip() for line in proc.stderr.splitlines() if line.strip()]
        # a failed import (a system library missing: libGL.so.1) ends a traceback
        raised = [line for line in lines if re.match(r"^\w+(Error|Exception): ", line)]
        why = (raised[-1] if raised else " ".join(lines[:2]))[:300]
        why = why or f"exit code {proc.returncode}"
    return [
        Check(
            "qt",
            False,
            f"the desktop app cannot start Qt here: {why}",
            f"此电脑上桌面程序无法启动 Qt（图形界面）：{why}",
        )
    ]


# The workshop's handlers live in a module of their own; the parser finds them here.
from factory_grader.cli.workshop_commands import (  # noqa: E402
    _cmd_agree,
    _cmd_merge,
    _cmd_pack,
    _cmd_report,
    _cmd_workshop,
)

__all__ = ["_cmd_agree", "_cmd_merge", "_cmd_pack", "_cmd_report", "_cmd_workshop"]
