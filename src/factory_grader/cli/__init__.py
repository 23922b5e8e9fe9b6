"""`factory-grader`: the command-line front door over the services.

With no command it opens the desktop app. Exit codes: 0 success, 2 bad input (a clear message
on stderr, never a traceback). Handlers live in cli/commands.py and are imported only when a
command runs, so opening the GUI imports nothing it does not need before the first paint.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import argparse

from factory_grader import __version__

EXIT_BAD_INPUT = 2  # also: verify's "invalid"
INDUSTRY_TYPES = ("discrete", "process")


def build_parser() -> argparse.ArgumentParser:
    import argparse  # here, not at the top: a plain GUI start does not need it (~15 ms)

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            if "expected one argument" in message:  # `--out -x.xlsx`: -x read as an option
                message += (
                    " (for a value that starts with '-', such as a file name, write it with"
                    " '=': --out=-x.xlsx)"
                )
            super().error(message)

    parser = Parser(
        prog="factory-grader",
        description="智能工厂梯度评估 — smart-factory tier self-assessment (offline)",
    )
    parser.add_argument("--version", action="version", version=f"factory-grader {__version__}")
    lang_help = "language of text output (default zh; env FACTORY_GRADER_LANG)"
    parser.add_argument(
        "--lang",
        choices=["zh", "en"],
        default=os.environ.get("FACTORY_GRADER_LANG", "zh"),
        help=lang_help,
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="database URL (default: FACTORY_GRADER_DB, else the SQLite file in the data folder);"
        " e.g. postgresql+psycopg://user@host/db",
    )
    # Also accepted after the command (`score FILE --lang en`), without overriding the global one.
    common = Parser(add_help=False)
    common.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS, help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    forms = sub.add_parser(
        "forms", parents=[common], help="questionnaires, scenario catalogues and rule sets"
    )
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    p = forms_sub.add_parser(
        "list", parents=[common], help="list every form, catalogue and rule set"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_forms_list")
    p = forms_sub.add_parser("show", parents=[common], help="show one form, catalogue or rule set")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--out", metavar="FILE", help="write the output to FILE as UTF-8 instead of printing it"
    )
    p.set_defaults(handler="_cmd_forms_show")

    p = sub.add_parser(
        "template", parents=[common], help="print an empty, complete answers file (JSON)"
    )
    p.add_argument("--form", default="cmmm-2020")
    p.add_argument("--rules", default=None, help="rule set id (default: the default rule set)")
    p.add_argument("--industry-type", choices=list(INDUSTRY_TYPES), default="discrete")
    p.add_argument(
        "--out", metavar="FILE", help="write the output to FILE as UTF-8 instead of printing it"
    )
    p.set_defaults(handler="_cmd_template")

    p = sub.add_parser(
        "score", parents=[common], help="score an answers file or a stored assessment"
    )
    p.add_argument("file", nargs="?")
    p.add_argument("--assessment", type=int, metavar="ID", help="score a stored assessment")
    p.add_argument("--rules", default=None, help="score under this rule set instead")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--out", metavar="FILE", help="write the output to FILE as UTF-8 instead of printing it"
    )
    p.set_defaults(handler="_cmd_score")

    assessments = sub.add_parser("assessments", parents=[common], help="stored assessments")
    a_sub = assessments.add_subparsers(dest="assessments_command", metavar="ACTION", required=True)
    p = a_sub.add_parser(
        "import",
        parents=[common],
        help="answers files or submission workbooks (.xlsx), or folders of them, become new"
        " drafts (one each; a file that cannot be imported is reported and the rest go on)",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_assessments_import")
    p = a_sub.add_parser("list", parents=[common], help="every stored assessment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_assessments_list")
    p = a_sub.add_parser("show", parents=[common], help="one assessment (--json: answers file)")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--out", metavar="FILE", help="write the output to FILE as UTF-8 instead of printing it"
    )
    p.set_defaults(handler="_cmd_assessments_show")
    p = a_sub.add_parser("finalise", parents=[common], help="freeze a draft as final")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_assessments_finalise")
    p = a_sub.add_parser("reopen", parents=[common], help="a final one as a new draft revision")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_assessments_reopen")
    p = a_sub.add_parser(
        "update",
        parents=[common],
        help="what moving a draft to the current questionnaire and rules would change"
        " (--apply: move it)",
    )
    p.add_argument("id", type=int)
    p.add_argument("--apply", action="store_true", help="move the draft to the current versions")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_assessments_update")

    p = sub.add_parser(
        "export", parents=[common], help="write the provincial submission workbook (.xlsx)"
    )
    p.add_argument("file", nargs="?", help="an answers file (or give --assessment ID)")
    p.add_argument("--assessment", type=int, metavar="ID", help="export a stored assessment")
    p.add_argument("--out", required=True, metavar="X.xlsx", help="the workbook to write")
    p.add_argument(
        "--claim",
        metavar="TIER",
        default=None,
        help="申报等级, the tier applied for: basic, advanced, excellent, leading, or none"
        " (default: the tier the self-assessment reaches)",
    )
    p.set_defaults(handler="_cmd_export")

    p = sub.add_parser(
        "verify",
        parents=[common],
        help="check a submission workbook: exit 0 ok, 1 edited, 2 invalid",
    )
    p.add_argument("workbook")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_verify")

    p = sub.add_parser(
        "compare",
        parents=[common],
        help="check, rank and summarise many submission workbooks (汇总对比)",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="workbooks or folders (recursive)")
    p.add_argument("--out", metavar="summary.xlsx", help="write the summary workbook (汇总表)")
    p.add_argument("--json", action="store_true", help="print every row as JSON")
    p.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    p.add_argument(
        "--progress",
        action="store_true",
        help="print a line 'done/total' on stderr after each batch, also when not a terminal",
    )
    p.set_defaults(handler="_cmd_compare")

    p = sub.add_parser(
        "demo", parents=[common], help="write N synthetic submission workbooks (for trying out)"
    )
    p.add_argument("--count", type=int, required=True, metavar="N")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.set_defaults(handler="_cmd_demo")

    p = sub.add_parser(
        "backup", parents=[common], help="a consistent copy of the database, while it is in use"
    )
    p.add_argument("--out", required=True, metavar="FILE", help="the copy to write (.db)")
    p.set_defaults(handler="_cmd_backup")
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup in place of the database (the replaced one is kept in backups/)",
    )
    p.add_argument("file", help="a backup made by 'backup' or found in backups/")
    p.set_defaults(handler="_cmd_restore")
    p = sub.add_parser(
        "move-data",
        parents=[common],
        help="move the data folder (database, evidence, settings) to DIR: copy, check, switch;"
        " the old folder is kept",
    )
    p.add_argument("dir", help="an empty or new folder on a local disk or USB stick")
    p.set_defaults(handler="_cmd_move_data")

    p = sub.add_parser("gui", parents=[common], help="open the desktop app (the default)")
    p.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="exit 0 once the main window has painted (to measure start-up)",
    )
    p.set_defaults(handler=None, gui=True)

    p = sub.add_parser(
        "doctor",
        parents=[common],
        help="check the installation: version, data folder, database, forms, Qt and fonts,"
        " free disk (exit 0 when all is well)",
    )
    p.add_argument("--qt-probe", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(handler="_cmd_doctor")

    p = sub.add_parser(
        "pack",
        parents=[common],
        help="write a fill-in workbook (填写包) per workshop participant of an assessment",
    )
    p.add_argument("--assessment", type=int, required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write them to")
    p.add_argument(
        "--participants",
        metavar="FILE.csv",
        help="add or update participants first: a CSV with a header row name, department, role"
        " (and optionally subdomains), UTF-8 or GBK",
    )
    p.set_defaults(handler="_cmd_pack")
    p = sub.add_parser(
        "merge",
        parents=[common],
        help="read returned fill-in workbooks: each participant's grades are kept, the answers"
        " are not changed; lists the requirements that need discussion",
    )
    p.add_argument("--assessment", type=int, required=True, metavar="ID")
    p.add_argument("files", nargs="+", metavar="FILE.xlsx")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_merge")
    p = sub.add_parser(
        "workshop",
        parents=[common],
        help="an assessment's participants, who returned, and where they disagree",
    )
    p.add_argument("--assessment", type=int, required=True, metavar="ID")
    p.add_argument(
        "--remove", metavar="NAME", help="remove this participant and every grade they gave"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_workshop")
    p = sub.add_parser(
        "agree",
        parents=[common],
        help="set a requirement's agreed answer, with the rationale kept in its comment",
    )
    p.add_argument("--assessment", type=int, required=True, metavar="ID")
    p.add_argument("--requirement", required=True, metavar="REQ", help="requirement id")
    p.add_argument("--grade", required=True, help="full, most, partial, none, na (or 全部满足 …)")
    p.add_argument(
        "--why",
        default=None,
        metavar="TEXT",
        help="the rationale (研讨结论); not given: an earlier one stays; '' removes it",
    )
    p.set_defaults(handler="_cmd_agree")

    p = sub.add_parser(
        "report",
        parents=[common],
        help="write the management report (评估报告) of a stored assessment as an A4 PDF",
    )
    p.add_argument("--assessment", type=int, required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="report.pdf")
    p.set_defaults(handler="_cmd_report")

    p = sub.add_parser("example", parents=[common], help="score the built-in example factory")
    p.add_argument("--rules", default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler="_cmd_example")
    return parser


def _plain_gui_request(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(db url, exit when ready) when argv only asks for the GUI, else None. Opening the app is
    the common case, and argparse with every subcommand costs start-up time it does not need."""
    db, exit_when_ready, rest = None, False, list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--db" and rest and not rest[0].startswith("-"):
            db = rest.pop(0)
        elif word.startswith("--db="):
            db = word.removeprefix("--db=")
        elif word == "gui":
            continue
        elif word == "--exit-when-ready" and "gui" in argv:
            exit_when_ready = True
        else:
            return None
    return db, exit_when_ready


def _open_gui(db: str | None, exit_when_ready: bool, windowed: bool) -> int:
    try:
        from factory_grader.ui.app import run
    except ImportError as exc:  # Qt, or a system library it needs (libGL.so.1), is missing
        return _gui_unavailable(exc, windowed)
    return run(db, exit_when_ready)


def _gui_unavailable(exc: ImportError, windowed: bool) -> int:
    """Said in both languages (the settings that choose one are read by the GUI), to stderr,
    the log, and on Windows in a message box: a windowed start has nowhere else to say it."""
    text = (
        f"无法打开桌面程序：{exc}\n缺少图形界面所需的系统组件；命令行功能仍可使用。"
        "运行 factory-grader doctor 查看详情。\n\n"
        f"The desktop app cannot start: {exc}\nA system component the GUI needs is missing; the"
        " command line still works. Run 'factory-grader doctor' for details."
    )
    import logging

    from factory_grader.services.app_paths import log_dir
    from factory_grader.services.log_setup import configure_logging

    configure_logging(log_dir())
    logging.getLogger("factory_grader.cli").error("GUI unavailable: %r", exc)
    print(text, file=sys.stderr)  # the log, when windowed
    if windowed and sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "factory-grader", 0x10)  # type: ignore[attr-defined]
    return 1


def speak_utf8() -> None:
    """Output sent to a file or a pipe is UTF-8. On Windows it would otherwise be the ANSI code
    page (cp1252 on an English system), which cannot hold Chinese: `factory-grader example >
    out.txt` failed there. A console is left alone (Python writes it as UTF-16), and so is an
    encoding the user asked for with PYTHONIOENCODING (unless Python ignores it: -I, -E)."""
    if os.environ.get("PYTHONIOENCODING") and not sys.flags.ignore_environment:
        return
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a packaged app: compare's worker processes start here
        import multiprocessing

        multiprocessing.freeze_support()
    windowed = sys.stdout is None or sys.stderr is None
    if windowed:  # windowed build (pythonw.exe): printing goes to the log
        from factory_grader.services.app_paths import log_dir
        from factory_grader.services.log_setup import without_console

        without_console(log_dir())
    else:
        speak_utf8()
    words = sys.argv[1:] if argv is None else list(argv)
    plain = _plain_gui_request(words)
    if plain is not None:
        return _open_gui(*plain, windowed)
    if words[:2] == ["doctor", "--qt-probe"]:  # doctor's own child process: Qt, and only that
        from factory_grader.ui.diagnostics import probe

        return probe()
    parser = build_parser()
    args = parser.parse_args(words)
    if args.command is None or getattr(args, "gui", False):
        # No command opens the desktop app. Qt is imported only here; forms and the database
        # load after the window's first paint.
        return _open_gui(args.db, getattr(args, "exit_when_ready", False), windowed)
    import logging

    from factory_grader.cli import commands
    from factory_grader.domain.errors import InputError
    from factory_grader.forms.library import FormLibrary
    from factory_grader.services.app_paths import log_dir
    from factory_grader.services.log_setup import configure_logging

    # doctor looks without changing anything: not even a log folder
    log_file = None if args.handler == "_cmd_doctor" else configure_logging(log_dir())
    log = logging.getLogger("factory_grader.cli")
    log.info("command %s", " ".join(words))
    try:
        lib = FormLibrary.load()
        return int(getattr(commands, args.handler)(args, lib))
    except InputError as exc:
        log.warning("refused: %s", exc)
        from factory_grader.domain.errors import DatabaseError
        from factory_grader.domain.workshop import WorkshopError

        # (a workbook's zh leaves out its path, which the message names: said in English here)
        said = exc.zh if isinstance(exc, WorkshopError | DatabaseError) else ""
        print(f"factory-grader: {said if args.lang == 'zh' and said else exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        log.info("cancelled by the user")
        print("factory-grader: cancelled; nothing was written", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so briefly, keep the details in the log
        log.exception("unexpected error")
        where = f" (details in {log_file})" if log_file else ""
        print(f"factory-grader: unexpected error: {exc!r}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
