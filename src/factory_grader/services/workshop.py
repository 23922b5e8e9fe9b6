"""Consultants' workshops (issue 16): one assessment, many voices, one agreed answer.

The consultant lists the participants (by hand or from a CSV file), writes each a fill-in
workbook of their requirements (pack), reads the returned files back (merge: every grade kept
with who said it and when, never touching the answers), looks at where they disagree (board,
ordered by domain.consensus) and sets each agreed answer with a rationale (agree): that is a save
of the assessment's own answer, so only agreed answers are scored, and the rationale goes into
the answer's comment, which the submission workbook's 答题明细 shows."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from factory_grader.domain.consensus import Consensus, Vote, consensus, discussion_order
from factory_grader.domain.errors import AssessmentFrozen, InputError, NotFound
from factory_grader.domain.maturity_model import Grade, MaturityForm, Requirement
from factory_grader.domain.records import AssessmentSummary, RequirementNote
from factory_grader.domain.text import Lang
from factory_grader.domain.text_rules import FORBIDDEN
from factory_grader.domain.workshop import (
    RATIONALE_LIMIT,
    Agreement,
    NewParticipant,
    Participant,
    Returned,
    ReturnedVote,
    WorkshopError,
)
from factory_grader.services.assessments import AssessmentService
from factory_grader.services.participants_file import read_participants_csv
from factory_grader.storage.workshop_store import WorkshopStore
from factory_grader.wording import requirement_number
from factory_grader.workbook.fill_in import FillInPack, PackRow, write_fill_in
from factory_grader.workbook.fill_in_reader import read_fill_in

log = logging.getLogger(__name__)

#: The line of an answer's comment that carries the workshop's rationale (data: Chinese, as the
#: workbook is).
RATIONALE_PREFIX = "研讨结论："
#: The source of a vote entered in the app rather than returned in a file.
ENTERED_IN_APP = "在程序中录入"
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

__all__ = ["BoardItem", "MergeOutcome", "WorkshopService", "read_participants_csv"]


@dataclass(frozen=True)
class BoardItem:
    """One requirement as the workshop sees it."""

    requirement: Requirement
    number: str  # 组织战略 1.2, in the language the board was made in (Board.lang)
    consensus: Consensus
    answer: Grade | None  # the assessment's answer: agreed, or as it was entered
    agreement: Agreement | None
    asked: tuple[str, ...]  # names of the participants asked about it


@dataclass(frozen=True)
class Board:
    summary: AssessmentSummary
    participants: tuple[Participant, ...]
    items: tuple[BoardItem, ...]  # discussion order: those needing discussion first
    returned: frozenset[int] = field(default_factory=frozenset)  # participant ids who returned
    lang: Lang = "zh"  # of the items' numbers

    @property
    def to_discuss(self) -> tuple[BoardItem, ...]:
        return tuple(i for i in self.items if i.consensus.needs_discussion)


@dataclass(frozen=True)
class MergeOutcome:
    path: Path
    returned: Returned | None  # None: refused
    message: str  # English
    zh: str
    #: the same participant's file came earlier in this merge too (this one replaced it)
    again_in_batch: bool = False

    def text(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.message


class WorkshopService:
    def __init__(self, service: AssessmentService, store: WorkshopStore | None = None) -> None:
        self.service = service
        self.store = store or WorkshopStore(service.store.db)

    @contextmanager
    def _said_in_chinese(self, assessment_id: int) -> Iterator[None]:
        """A final assessment, or an id or requirement that is not there, said in both
        languages (the store says it in English); a final one names its draft, if it has one
        already (reopening again would make yet another)."""
        try:
            yield
        except AssessmentFrozen as exc:
            draft = self._later_draft(assessment_id)
            if draft is None:
                zh = f"评估 {assessment_id} 已定稿：请先重新打开为新版本"
            else:
                zh = (
                    f"评估 {assessment_id} 已定稿；它的草稿是评估 {draft.id}（第 {draft.revision}"
                    " 版），请在那里继续"
                )
                exc = AssessmentFrozen(
                    f"{exc}; its draft is assessment {draft.id} (revision {draft.revision})"
                )
            raise WorkshopError(str(exc), zh) from exc
        except NotFound as exc:  # (its message names what in English; the Chinese what kind)
            raise WorkshopError(
                str(exc), f"评估 {assessment_id} 中找不到所指的参与人或要求（可能已被删除）"
            ) from exc

    def _later_draft(self, assessment_id: int) -> AssessmentSummary | None:
        try:
            series = self.service.summary(assessment_id).series_id
        except InputError:
            return None
        drafts = [
            s
            for s in self.service.list_assessments()
            if s.series_id == series and s.finalised_at is None and s.id != assessment_id
        ]
        return max(drafts, key=lambda s: s.revision, default=None)

    # --- participants ----------------------------------------------------------------------

    def participants(self, assessment_id: int) -> list[Participant]:
        self.service.summary(assessment_id)  # NotFound names the id
        return self.store.participants(assessment_id)

    def set_participants(
        self, assessment_id: int, people: Iterable[NewParticipant]
    ) -> list[Participant]:
        people = list(people)
        self._check_subdomains(assessment_id, people)
        with self._said_in_chinese(assessment_id):
            return self.store.set_participants(assessment_id, people, self.service.clock())

    def replace_participants(
        self, assessment_id: int, people: Iterable[NewParticipant], removed: Iterable[int]
    ) -> list[Participant]:
        """The participants dialog's OK: these removed (with their grades) and the rest set, in
        one transaction — all or nothing."""
        people = list(people)
        self._check_subdomains(assessment_id, people)
        with self._said_in_chinese(assessment_id):
            return self.store.set_participants(
                assessment_id, people, self.service.clock(), removed=tuple(removed)
            )

    def _check_subdomains(self, assessment_id: int, people: list[NewParticipant]) -> None:
        known = {s.id for s in self.form_of(assessment_id).subdomains}
        for p in people:
            if p.subdomains is not None and not set(p.subdomains) <= known:
                unknown = sorted(set(p.subdomains) - known)
                raise WorkshopError(
                    f"{p.name}: unknown sub-domains {unknown}",
                    f"{p.name}：未知的能力子域 {unknown}",
                )

    def import_participants(self, assessment_id: int, path: Path) -> tuple[int, list[Participant]]:
        """How many the file lists, and every participant now (the file adds and updates)."""
        listed = read_participants_csv(path, self.form_of(assessment_id))
        return len(listed), self.set_participants(assessment_id, listed)

    def remove_participant(self, assessment_id: int, name: str) -> Participant:
        """The participant of this name and every grade they gave."""
        found = next((p for p in self.participants(assessment_id) if p.name == name), None)
        if found is None:
            raise WorkshopError(
                f"assessment {assessment_id} has no participant {name!r}",
                f"评估 {assessment_id} 没有参与人“{name}”",
            )
        with self._said_in_chinese(assessment_id):
            return self.store.remove_participant(found.id)

    # --- fill-in workbooks -----------------------------------------------------------------

    def pack(self, assessment_id: int, out_dir: Path, lang: Lang = "zh") -> list[Path]:
        """One fill-in workbook per participant, prefilled with what they returned before."""
        summary = self.service.summary(assessment_id)
        people = self.store.participants(assessment_id)
        if not people:
            raise WorkshopError(
                f"assessment {assessment_id} has no participants: add them first"
                " (--participants FILE.csv)",
                f"评估 {assessment_id} 还没有参与人：请先添加（--participants 名单.csv）",
            )
        answers = self.service.answers(assessment_id)
        form = self.service.library.form_for(answers)
        earlier: dict[tuple[int, str], ReturnedVote] = {
            (v.participant_id, v.requirement_id): v for v in self.store.votes(assessment_id)
        }
        if summary.finalised_at is not None:  # its returns could never be read
            raise WorkshopError(
                f"assessment {assessment_id} is final: reopen it as a new revision first",
                f"评估 {assessment_id} 已定稿：请先重新打开为新版本",
            )
        company = answers.profile.get("name", "") or summary.factory_name
        written = []
        used: set[str] = set()
        for p in people:
            rows = tuple(
                _pack_row(form, r, lang, earlier.get((p.id, r.id)))
                for r in form.requirements
                if answers.industry_type in r.applies_to and p.asked(r.subdomain_id)
            )
            name = _file_name(summary, p)
            if name.casefold() in used:  # two names the same once made safe (张/三, 张_三)
                name = name.removesuffix(".xlsx") + f"-{p.id}.xlsx"
            used.add(name.casefold())
            path = out_dir / name
            with not_writable_said(path):
                write_fill_in(
                    path,
                    FillInPack(
                        p.token,
                        assessment_id,
                        summary.revision,
                        company,
                        p.name,
                        p.department,
                        p.role,
                        self.service.actor,
                        rows,
                        lang,
                    ),
                )
            written.append(path)
        log.info("fill-in workbooks for assessment %s written to %s", assessment_id, out_dir)
        return written

    def merge(self, assessment_id: int, paths: Sequence[Path]) -> list[MergeOutcome]:
        """Each returned file read and stored; a bad one is refused with its reason and never
        stops the rest."""
        summary = self.service.summary(assessment_id)
        answers = self.service.answers(assessment_id)
        form = self.service.library.form_for(answers)
        applicable = [r for r in form.requirements if answers.industry_type in r.applies_to]
        outcomes: list[MergeOutcome] = []
        seen: set[int] = set()
        for path in paths:
            try:
                returned = self._merge_one(summary, path, applicable)
            except InputError as exc:
                zh = getattr(exc, "zh", "") or str(exc)
                outcomes.append(MergeOutcome(path, None, str(exc), zh))
                log.info("fill-in %s refused: %s", path, exc)
                continue
            p = returned.participant
            again = p.id in seen
            seen.add(p.id)
            if again:  # the later file of the two wins: say so
                earlier = next(
                    o.path.name
                    for o in outcomes
                    if o.returned and o.returned.participant.id == p.id
                )
                note_en = f" (this file replaces {earlier}, read just before)"
                note_zh = f"（此文件替换了刚读入的 {earlier}）"
            else:
                note_en = note_zh = ""
            if returned.earlier_at is not None:
                when = returned.earlier_at.strftime("%Y-%m-%d %H:%M") if returned.earlier_at else ""
                en = (
                    f"{p.name}: {returned.votes} grades; replaces the {returned.replaced} answers"
                    f" returned earlier ({when} UTC)"
                )
                zh = (
                    f"{p.name}：{returned.votes} 项评分；"
                    f"替换了此前（{when} UTC）交回的 {returned.replaced} 项"
                )
            else:
                en = f"{p.name}: {returned.votes} grades"
                zh = f"{p.name}：{returned.votes} 项评分"
            outcomes.append(MergeOutcome(path, returned, en + note_en, zh + note_zh, again))
        return outcomes

    def _merge_one(
        self, summary: AssessmentSummary, path: Path, applicable: list[Requirement]
    ) -> Returned:
        assessment_id = summary.id
        if not path.is_file():
            raise WorkshopError(f"{path}: no such file", f"{path.name}：文件不存在")
        found = read_fill_in(path)
        p = self.store.by_token(found.token)
        if p is None:
            raise WorkshopError(
                f"{path}: written for {found.participant!r} of assessment"
                f" {found.assessment_id}, who is not a participant in this database (another"
                " computer's, or removed since)",
                f"{path.name}：这是为评估 {found.assessment_id} 的参与人"
                f"“{found.participant}”生成的，本数据库中没有此参与人（来自其他电脑，或已被移除）",
            )
        if p.assessment_id != assessment_id:
            # another revision of the same assessment: its packs are that revision's
            other = self.service.summary(p.assessment_id)
            same = other.series_id == summary.series_id
            raise WorkshopError(
                f"{path}: belongs to assessment {p.assessment_id}, not {assessment_id}"
                + (
                    f" (revision {other.revision} of the same assessment: write this"
                    " revision's fill-in workbooks anew)"
                    if same
                    else ""
                ),
                f"{path.name}：属于评估 {p.assessment_id}，不是评估 {assessment_id}"
                + (
                    f"（这是同一评估第 {other.revision} 版的填写包，请为本版本重新生成）"
                    if same
                    else ""
                ),
            )
        if (
            found.assessment_id != assessment_id
            or found.participant != p.name
            or found.revision != summary.revision
        ):
            raise WorkshopError(  # the ids sheet was edited: its token says someone else
                f"{path}: the fill-in workbook's ids were changed (assessment"
                f" {found.assessment_id}, participant {found.participant!r}); return the file"
                " as it was given",
                f"{path.name}：填写包的识别信息被改动过（评估 {found.assessment_id}，"
                f"参与人“{found.participant}”），请交回原文件",
            )
        # against what the assessment holds, not what this person is asked now: a pack sent
        # out before their sub-domains were narrowed still reads back whole
        known = {r.id for r in applicable}
        unknown = sorted(set(found.votes) - known)
        if unknown:
            raise WorkshopError(
                f"{path}: requirements this assessment does not hold: {unknown[:5]}",
                f"{path.name}：含有本评估没有的要求：{unknown[:5]}",
            )
        with self._said_in_chinese(assessment_id):
            returned = self.store.store_return(p.id, found.votes, path.name, self.service.clock())
        log.info("fill-in of %s (%s) merged into assessment %s", p.name, path, assessment_id)
        return returned

    def set_vote(
        self, participant_id: int, requirement_id: str, grade: Grade | None, comment: str = ""
    ) -> None:
        """A participant's grade given in the room (not in a fill-in workbook), entered in the
        app; kept like a returned one, with the app named as its source."""
        with self._said_in_chinese(self._assessment_of(participant_id)):
            self.store.set_vote(
                participant_id, requirement_id, grade, comment, ENTERED_IN_APP, self.service.clock()
            )

    def _assessment_of(self, participant_id: int) -> int:
        found = self.store.participant(participant_id)
        if found is None:
            raise WorkshopError(
                f"no participant with id {participant_id}", "找不到该参与人（可能已被删除）"
            )
        return found.assessment_id

    # --- disagreement and agreement --------------------------------------------------------

    def board(self, assessment_id: int, lang: Lang = "zh") -> Board:
        summary = self.service.summary(assessment_id)
        answers = self.service.answers(assessment_id)
        form = self.service.library.form_for(answers)
        people = tuple(self.store.participants(assessment_id))
        names = {p.id: p.name for p in people}
        by_requirement: dict[str, list[ReturnedVote]] = {}
        for v in self.store.votes(assessment_id):
            by_requirement.setdefault(v.requirement_id, []).append(v)
        agreements = self.store.agreements(assessment_id)
        found: dict[str, BoardItem] = {}
        for r in form.requirements:
            if answers.industry_type not in r.applies_to:
                continue
            votes = [
                Vote(names[v.participant_id], v.grade, v.comment)
                for v in by_requirement.get(r.id, [])
            ]
            found[r.id] = BoardItem(
                r,
                requirement_number(form, r.id, lang),
                consensus(votes),
                answers.requirements.get(r.id),
                agreements.get(r.id),
                tuple(p.name for p in people if p.asked(r.subdomain_id)),
            )
        order = discussion_order({rid: i.consensus for rid, i in found.items()})
        returned = frozenset(p.id for p in people if p.returned_at is not None)
        return Board(summary, people, tuple(found[rid] for rid in order), returned, lang)

    def agree(
        self, assessment_id: int, requirement_id: str, grade: Grade | None, rationale: str
    ) -> Agreement:
        """Sets the assessment's answer to `grade` (None: clears it) and keeps why."""
        rationale = " ".join(rationale.split())
        if FORBIDDEN.search(rationale):  # a workbook could not hold it: nothing is saved
            raise WorkshopError(
                "the rationale holds a control character no workbook can hold; remove it",
                "结论说明含有工作簿无法保存的控制字符，请删除",
            )
        if len(rationale) > RATIONALE_LIMIT:
            raise WorkshopError(
                f"the rationale is {len(rationale)} characters long; at most {RATIONALE_LIMIT}",
                f"结论说明有 {len(rationale)} 个字，最多 {RATIONALE_LIMIT} 个",
            )
        sheet = self.service.sheet(assessment_id)
        held = sheet.requirements.get(requirement_id)
        if held is None:
            raise WorkshopError(
                f"assessment {assessment_id} has no requirement {requirement_id}",
                f"评估 {assessment_id} 没有要求 {requirement_id}",
            )
        value = held.value
        assert isinstance(value, tuple)  # (grade, RequirementNote)
        note = value[1]
        assert isinstance(note, RequirementNote)
        comment = with_rationale(note.comment, rationale)
        agreement = Agreement(
            requirement_id, grade, rationale, self.service.actor, self.service.clock()
        )
        with self._said_in_chinese(assessment_id):
            self.service.save_requirement(
                assessment_id,
                requirement_id,
                grade,
                RequirementNote(comment, note.review),
                held.version,
            )
            self.store.record_agreement(assessment_id, agreement)
        return agreement

    def form_of(self, assessment_id: int) -> MaturityForm:
        return self.service.library.form_for(self.service.answers(assessment_id))


@contextmanager
def not_writable_said(path: Path) -> Iterator[None]:
    """A file that cannot be written (open in another program — Windows refuses then —, a
    read-only folder, a full disk) said plainly, naming it; nothing half-written stays."""
    try:
        yield
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise WorkshopError(
            f"{path}: cannot be written ({why}); is it open in another program?",
            f"{path.name}：无法写入（{why}），是否已在其他程序中打开？",
        ) from exc


def with_rationale(comment: str, rationale: str) -> str:
    """The comment with its 研讨结论 line replaced by this rationale (or removed, when empty);
    the rest of what was written is kept as it was."""
    kept = [line for line in comment.splitlines() if not line.startswith(RATIONALE_PREFIX)]
    while kept and not kept[-1].strip():
        kept.pop()
    if rationale:
        kept.append(RATIONALE_PREFIX + rationale)
    return "\n".join(kept)


def _pack_row(
    form: MaturityForm, r: Requirement, lang: Lang, earlier: ReturnedVote | None
) -> PackRow:
    return PackRow(
        r.id,
        requirement_number(form, r.id, lang),
        form.subdomain(r.subdomain_id).name.get(lang),
        r.level,
        r.text.get(lang),
        r.evidence.get(lang),
        earlier.grade if earlier else None,
        earlier.comment if earlier else "",
    )


def _file_name(summary: AssessmentSummary, p: Participant) -> str:
    """评估12-第1版-张三-填写包.xlsx: names the assessment and the person; safe on every OS."""
    person = _UNSAFE_FILE_CHARS.sub("_", p.name).strip(" .") or f"participant-{p.id}"
    return f"评估{summary.id}-第{summary.revision}版-{person}-填写包.xlsx"
