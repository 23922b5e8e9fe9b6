"""The workshop's commands (issue 16): pack, merge, workshop, agree. Imported by cli/commands.py;
everything heavy is imported inside the handlers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factory_grader.domain.maturity_model import Grade
from factory_grader.domain.text import Lang
from factory_grader.domain.workshop import WorkshopError
from factory_grader.forms.library import FormLibrary
from factory_grader.wording import agreed_words, grade_name

if TYPE_CHECKING:
    from factory_grader.services.workshop import Board, BoardItem


def _cmd_pack(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.cli.commands import _service
    from factory_grader.services.workshop import WorkshopService

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise WorkshopError(
            f"{out}: is a file; give a folder for --out", f"{out}：是一个文件，--out 应为文件夹"
        )
    with _service(args, lib) as service:
        workshop = WorkshopService(service)
        if args.participants:
            listed, people = workshop.import_participants(args.assessment, Path(args.participants))
            print(
                f"名单中 {listed} 位，现有 {len(people)} 位参与人"
                if args.lang == "zh"
                else f"{listed} in the list; {len(people)} participants now",
                file=sys.stderr,
            )
        written = workshop.pack(args.assessment, out, args.lang)
    for path in written:
        print(path)
    return 0


def _cmd_merge(args: argparse.Namespace, lib: FormLibrary) -> int:
    """One line per file (taken or refused, and why), then with --json the items in
    disagreement; exit 2 when any file was refused."""
    from factory_grader.cli.commands import _print_json, _service
    from factory_grader.services.workshop import WorkshopService

    with _service(args, lib) as service:
        workshop = WorkshopService(service)
        outcomes = workshop.merge(args.assessment, [Path(p) for p in args.files])
        board = workshop.board(args.assessment, args.lang)
    for o in outcomes:
        stream = sys.stdout if o.returned and not args.json else sys.stderr
        print(f"{o.path}: {o.text(args.lang)}", file=stream)
    if args.json:
        _print_json(
            {
                "files": [
                    {
                        "file": str(o.path),
                        "participant": o.returned.participant.name if o.returned else None,
                        "grades": o.returned.votes if o.returned else None,
                        "replaced": o.returned.replaced if o.returned else None,
                        "refused": None if o.returned else o.text(args.lang),
                    }
                    for o in outcomes
                ],
                "disagreements": [_item_json(i) for i in board.to_discuss],
            }
        )
    else:
        _print_disagreements(board, args.lang)
    return 2 if any(o.returned is None for o in outcomes) else 0


def _cmd_workshop(args: argparse.Namespace, lib: FormLibrary) -> int:
    """Participants, who returned, and every requirement with votes (discussion first)."""
    from factory_grader.cli.commands import _print_json, _service
    from factory_grader.services.workshop import WorkshopService

    with _service(args, lib) as service:
        workshop = WorkshopService(service)
        if args.remove:
            gone = workshop.remove_participant(args.assessment, args.remove)
            print(
                f"已删除参与人“{gone.name}”及其评分"
                if args.lang == "zh"
                else f"removed {gone.name} and their grades",
                file=sys.stderr,
            )
        board = workshop.board(args.assessment, args.lang)
    voted = [i for i in board.items if i.consensus.votes]
    if args.json:
        _print_json(
            {
                "assessment": board.summary.id,
                "participants": [
                    {
                        "name": p.name,
                        "department": p.department,
                        "role": p.role,
                        "subdomains": list(p.subdomains) if p.subdomains is not None else None,
                        "returned": p.id in board.returned,
                    }
                    for p in board.participants
                ],
                "items": [_item_json(i) for i in voted],
            }
        )
        return 0
    zh = args.lang == "zh"
    for p in board.participants:
        state = (
            ("已交回" if zh else "returned")
            if p.id in board.returned
            else ("未交回" if zh else "not returned")
        )
        print(f"{p.name}\t{p.department}\t{p.role}\t{state}")
    _print_disagreements(board, args.lang)
    return 0


def _cmd_agree(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.cli.commands import _service
    from factory_grader.services.workshop import WorkshopService

    grade = _grade_arg(args.grade)
    with _service(args, lib) as service:
        workshop = WorkshopService(service)
        why = args.why
        if why is None:  # not given: an earlier rationale stays
            earlier = workshop.store.agreements(args.assessment).get(args.requirement)
            why = earlier.rationale if earlier else ""
        agreement = workshop.agree(args.assessment, args.requirement, grade, why)
    print(f"{agreement.requirement_id}: {grade_name(agreement.grade, args.lang)}")
    return 0


def _grade_arg(text: str) -> Grade | None:
    if text in ("", "unanswered", "未作答"):
        return None
    for g in Grade:
        if text.casefold() in (g.value, grade_name(g, "zh"), grade_name(g, "en").casefold()):
            return g
    raise WorkshopError(
        f"--grade {text!r}: one of full, most, partial, none, na (or 全部满足 … 不适用)",
        f"--grade “{text}”：应为 全部满足、大部分满足、部分满足、不满足、不适用"
        "（或 full、most、partial、none、na）之一",
    )


def _print_disagreements(board: Board, lang: str) -> None:
    zh = lang == "zh"
    items = board.to_discuss
    if not items:
        print("没有需要讨论的要求" if zh else "Nothing needs discussion")
        return
    print(f"需要讨论（{len(items)} 项）：" if zh else f"Needs discussion ({len(items)}):")
    for i in items:
        votes = ("、" if zh else ", ").join(
            f"{v.participant} {grade_name(v.grade, 'zh' if zh else 'en')}"
            for v in i.consensus.votes
        )
        lang_: Lang = "zh" if zh else "en"
        proposal = grade_name(i.consensus.proposed, lang_)
        label, agreed = ("建议", "商定") if zh else ("proposed", "agreed")
        said = agreed_words(i.agreement, i.answer, lang_)
        print(f"  {i.number}\t{votes}\t{label}: {proposal}\t{agreed}: {said}")


def _item_json(i: BoardItem) -> dict[str, Any]:
    c = i.consensus
    return {
        "requirement": i.requirement.id,
        "number": i.number,
        "votes": [
            {
                "participant": v.participant,
                "grade": v.grade.value if v.grade else None,
                "comment": v.comment,
            }
            for v in c.votes
        ],
        "spread": c.spread,
        "mixed_na": c.mixed_na,
        "needs_discussion": c.needs_discussion,
        "proposed": c.proposed.value if c.proposed else None,
        "answer": i.answer.value if i.answer else None,
        #: what was agreed (null: not agreed yet); answer differs when it changed since
        "agreed": (i.agreement.grade.value if i.agreement.grade else "") if i.agreement else None,
        "rationale": i.agreement.rationale if i.agreement else None,
    }


def _cmd_report(args: argparse.Namespace, lib: FormLibrary) -> int:
    from factory_grader.cli.commands import _service
    from factory_grader.services.management_report import write_management_report

    out = Path(args.out)
    if out.is_dir() or not out.parent.is_dir():
        raise WorkshopError(
            f"{out}: give a file name in an existing folder for --out",
            f"{out}：--out 应为已有文件夹中的文件名",
        )
    with _service(args, lib) as service:
        write_management_report(service, args.assessment, out, args.lang)
    print(out)
    return 0
