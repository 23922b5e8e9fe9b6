"""Officials' comparison: read many submission workbooks in parallel, check each, rank them.

Each file is read in a worker process and checked as `verify` checks it: every sheet, cell and
look against what its answers give (stored figures are never trusted); one small Entry comes
back. A city summary workbook (made by this command) is read as its rows, so a
province can combine city summaries in turn.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from factory_grader import __version__
from factory_grader.domain.comparison import Entry, EntryStatus
from factory_grader.domain.errors import InputError, WorkbookError
from factory_grader.domain.text import Lang
from factory_grader.forms.library import FormLibrary, shared_library
from factory_grader.forms.reference import shared_profile_lists
from factory_grader.services.entry_figures import compact_answers, figures
from factory_grader.services.notices import finding_sentence
from factory_grader.services.submission import FileStatus, Verdict, verify_book
from factory_grader.services.summary_check import check_summary_entry
from factory_grader.wording import NO_TIER
from factory_grader.workbook.summary_book import SummaryNames
from factory_grader.workbook.summary_rows import SUMMARY_SHEET, read_summary_entries
from factory_grader.workbook.xlsx_reader import XlsxFile

log = logging.getLogger(__name__)
CHUNK = 8  # files per task: fewer round trips to the workers, progress still smooth


class Cancelled(Exception):
    """The comparison was cancelled; nothing was written."""


# --- one file -------------------------------------------------------------------------------


def read_entries(path: str) -> list[Entry]:
    """The entries of one file: one for a submission (whatever its state), its rows for a
    summary workbook. Never raises: a file that cannot be read is an invalid entry."""
    p = Path(path)
    try:
        with XlsxFile(p) as book:
            if book.sheet(SUMMARY_SHEET) is not None:
                rows = read_summary_entries(book, path)
                return [check_summary_entry(e, shared_library()) for e in rows]
            verdict = verify_book(p, book, shared_library())
    except WorkbookError as exc:
        return [invalid_entry(path, str(exc), exc.zh)]
    except Exception as exc:  # one odd file must never stop a comparison of thousands
        log.exception("unreadable: %s", path)
        return [
            invalid_entry(
                path,
                f"{path}: unreadable ({type(exc).__name__}: {exc})",
                "无法读取（程序未能处理此文件，详情见日志）",
            )
        ]
    return [entry_from_verdict(path, verdict)]


def invalid_entry(path: str, reason: str, zh: str) -> Entry:
    shown = _without_path(path, reason)
    return Entry(
        file=path,
        status=EntryStatus.INVALID,
        reason=shown,
        reason_zh=f"无法作为申报表读取：{zh or shown}",
    )


def _without_path(path: str, reason: str) -> str:
    """Messages start with the file's path; the row already shows it."""
    return reason.removeprefix(f"{path}: ")


def entry_from_verdict(path: str, verdict: Verdict) -> Entry:
    answers, result, meta = verdict.answers, verdict.result, verdict.meta
    if verdict.status is FileStatus.INVALID or answers is None or result is None:
        return invalid_entry(path, verdict.findings[0].message, verdict.findings[0].zh)
    return Entry(
        file=path,
        status=EntryStatus(verdict.status.value),
        reason=_without_path(path, verdict.findings[0].message) if verdict.findings else "",
        reason_zh=finding_sentence(verdict.findings[0], "zh") if verdict.findings else "",
        claimed_tier=meta.get("claimed_tier") or "",
        assessment_id=meta.get("assessment_id", ""),
        revision=int(meta["revision"]) if meta.get("revision", "").isdigit() else 0,
        exported_at=meta.get("exported_at", ""),
        answers_sha256=meta.get("answers_sha256", ""),
        answers=compact_answers(answers, shared_library()),
        **figures(answers, result, shared_library()),
    )


# --- many files -----------------------------------------------------------------------------


def compare_files(
    files: Sequence[Path],
    *,
    workers: int | None = None,
    on_entries: Callable[[list[Entry], int], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[Entry]:
    """Read every file (in `workers` processes; default: one per core) and return the entries
    in file order. on_entries(new entries, files done) reports progress as files finish."""
    names = [str(f) for f in files]
    workers = workers or os.cpu_count() or 1
    entries: list[Entry] = []
    done = 0
    if workers == 1 or len(names) <= CHUNK:
        for name in names:
            _check(cancel)
            batch = read_entries(name)
            entries += batch
            done += 1
            if on_entries:
                on_entries(batch, done)
    else:
        for batch, count in _parallel(names, workers, cancel):
            entries += batch
            done += count
            if on_entries:
                on_entries(batch, done)
    order = {name: i for i, name in enumerate(names)}
    entries.sort(key=lambda e: order.get(e.file, len(order)))
    return mark_superseded(entries)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def _read_chunk(names: list[str]) -> list[Entry]:
    return [e for name in names for e in read_entries(name)]


def _parallel(
    names: list[str], workers: int, cancel: threading.Event | None
) -> Iterator[tuple[list[Entry], int]]:
    # spawn, not fork: the GUI process has threads, and a forked copy of them can deadlock.
    context = multiprocessing.get_context("spawn")
    chunks = [names[i : i + CHUNK] for i in range(0, len(names), CHUNK)]
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(chunks)), mp_context=context, initializer=_background_priority
    )
    try:
        pending: dict[Future[list[Entry]], int] = {}
        queue = iter(chunks)
        for chunk in queue:  # keep a few chunks per worker queued, not all: cancel is quick
            pending[pool.submit(_read_chunk, chunk)] = len(chunk)
            if len(pending) >= workers * 3:
                break
        while pending:
            finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            _check(cancel)
            for future in finished:
                count = pending.pop(future)
                yield future.result(), count
                nxt = next(queue, None)
                if nxt is not None:
                    pending[pool.submit(_read_chunk, nxt)] = len(nxt)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _background_priority() -> None:
    """Workers yield the CPU to the window (or the shell) that started them: with as many
    workers as cores, the GUI thread would otherwise wait its turn and feel frozen."""
    if hasattr(os, "nice"):
        os.nice(10)


def mark_superseded(entries: list[Entry]) -> list[Entry]:
    """Several workbooks of one 统一社会信用代码: an `ok` one beats an `edited` one whatever
    their revisions, then the newest revision, then the latest export; the others are marked
    superseded by it. Invalid files take no part. Two files of the same assessment and revision
    with other answers are a conflict, shown on both and never settled by their file names."""
    entries = [
        replace(e, superseded_by="", conflict_with="") if e.superseded_by or e.conflict_with else e
        for e in entries
    ]
    best: dict[str, Entry] = {}
    for e in entries:
        if e.status is EntryStatus.INVALID or not e.credit_code:
            continue
        current = best.get(e.credit_code)
        if current is None or _rank(e) > _rank(current):
            best[e.credit_code] = e
    conflicts = _conflicts(entries)
    out = []
    for e in entries:
        if e.file in conflicts:
            out.append(replace(e, conflict_with=conflicts[e.file]))
            continue
        winner = best.get(e.credit_code) if e.credit_code else None
        if winner is not None and winner is not e and e.status != FileStatus.INVALID.value:
            e = replace(e, superseded_by=winner.file)
        out.append(e)
    return out


def _rank(e: Entry) -> tuple[bool, int, str, str]:
    # the file name only orders identical copies (the same answers): never different content
    return (e.status is EntryStatus.OK, e.revision, e.exported_at, e.file)


def _content(e: Entry) -> str:
    """What the answers are, recomputed from them where the row carries them (a summary row's
    answers_sha256 is only what the row says)."""
    return hashlib.sha256(e.answers.encode("utf-8")).hexdigest() if e.answers else e.answers_sha256


def _conflicts(entries: list[Entry]) -> dict[str, str]:
    """file -> the other file(s) holding the same assessment and revision with other answers."""
    groups: dict[tuple[str, str, int], list[Entry]] = {}
    for e in entries:
        if e.status is EntryStatus.OK and e.credit_code and e.assessment_id:
            groups.setdefault((e.credit_code, e.assessment_id, e.revision), []).append(e)
    out: dict[str, str] = {}
    for group in groups.values():
        if len({_content(e) for e in group}) > 1:
            for e in group:
                out[e.file] = ", ".join(o.file for o in group if o is not e)
    return out


# --- the summary workbook -------------------------------------------------------------------


def summary_names(library: FormLibrary, lang: Lang, rules_id: str | None = None) -> SummaryNames:
    rules = library.rules(rules_id or library.default_rules_id)
    form = library.maturity(rules.form_id)
    catalogue = library.catalogue(rules.scenarios_id)
    none = NO_TIER.get(lang)
    lists = shared_profile_lists()
    return SummaryNames(
        cities={c.code: c.name.get(lang) for c in lists.cities},
        industries={i.code: i.name.get(lang) for i in lists.industries},
        tiers={"": none, **{t.id: t.name.get(lang) for t in rules.tiers}},
        levels={b.level: b.name.get(lang) for b in form.bands},
        links={x.id: x.name.get(lang) for x in catalogue.links},
        subdomains=tuple(s.name.get(lang) for s in form.subdomains),
    )


def write_summary(
    entries: Sequence[Entry],
    library: FormLibrary,
    target: Path,
    *,
    lang: Lang = "zh",
    sources: int,
    generated_at: datetime | None = None,
) -> None:
    """The summary workbook, written atomically (a cancelled or failed run leaves no file)."""
    from factory_grader.workbook.summary_book import SummaryInfo, summary_plan
    from factory_grader.workbook.writer import write_plan

    if target.suffix.lower() != ".xlsx":
        raise InputError(f"{target}: the summary must be an .xlsx file")
    if not target.parent.is_dir():
        raise InputError(f"{target.parent}: no such folder")
    when = (generated_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    info = SummaryInfo(lang, when.strftime("%Y-%m-%dT%H:%M:%SZ"), __version__, sources)
    shown = relative_files(entries)
    write_plan(summary_plan(shown, summary_names(library, lang), info), target)


def relative_files(entries: Sequence[Entry]) -> list[Entry]:
    """The entries with their files named from the folder they were found in (what the
    official gave, and whoever reads the summary can find), never the reader's home path."""
    folders = [os.path.dirname(os.path.abspath(e.file.split(" › ")[0])) for e in entries]
    try:
        base = os.path.commonpath(folders) if folders else ""
    except ValueError:  # files on several drives
        base = ""

    def short(file: str) -> str:
        if not file:
            return file
        head, sep, rest = file.partition(" › ")  # a row from a city summary: its file › row
        name = os.path.relpath(os.path.abspath(head), base) if base else os.path.basename(head)
        return name.replace(os.sep, "/") + sep + rest

    return [
        replace(
            e,
            file=short(e.file),
            superseded_by=short(e.superseded_by),
            conflict_with=", ".join(short(f) for f in e.conflict_with.split(", ") if f),
        )
        for e in entries
    ]
