"""答题明细: every requirement with its answer, score, comment, evidence and review flag."""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Sequence

from factory_grader.domain.maturity_model import Grade, MaturityForm
from factory_grader.domain.text import Lang
from factory_grader.wording import GRADE_NAMES, grade_name
from factory_grader.workbook.labels import word
from factory_grader.workbook.plan import Cell, ListValidation, SheetPlan, Style, column_letter
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import SINGLE_CELL_LAYOUT, Evidence, Submission
from factory_grader.workbook.text_cells import continued, label_width, text_width, visible_text

COLUMNS = (
    "id",
    "element",
    "domain",
    "subdomain",
    "level_col",
    "statement",
    "answer",
    "req_score",
    "comment",
    "evidence",
    "evidence_sha",
    "review",
)
ANSWER_COL = COLUMNS.index("answer") + 1
COMMENT_COL = COLUMNS.index("comment") + 1
#: Columns whose width does not depend on what they hold: statements wrap, but every Chinese
#: one of cmmm-2020 fits on one line (31 characters); comments, file names and SHA-256s wrap.
FIXED = {6: 62.0, 9: 22.0, 10: 14.0, 11: 17.0}
#: A comment longer than this many lines goes on in the rows below (schema /3), over the comment
#: and evidence columns: its first FIRST_LINES lines in the comment column, then parts of at most
#: COMMENT_LINES lines, so no row is taller than about half a printed page (and none taller than
#: a spreadsheet allows, 409 points).
COMMENT_LINES = 20
FIRST_LINES = 8


def answers_sheet(sub: Submission) -> SheetPlan:
    lang, a = sub.info.lang, sub.answers
    sheet = new_sheet("answers", sub)
    sheet.landscape = True
    sheet.gridlines = True
    _widths(sheet, sub)
    title_block(sheet, sheet.name, sub, len(COLUMNS), sum(sheet.widths.values()))
    sheet.table_header(*[word(c, lang) for c in COLUMNS])
    # a long comment continues below its row, over the comment and evidence columns
    continuation = f"{column_letter(COMMENT_COL)}{{row}}:{column_letter(len(COLUMNS))}{{row}}"
    wide = sum(sheet.widths[c] for c in range(COMMENT_COL, len(COLUMNS) + 1))
    split = sub.info.schema not in SINGLE_CELL_LAYOUT  # /1, /2 hold each comment in one cell

    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for ev in sub.evidence:
        evidence[ev.requirement_id].append(ev)
    values = sub.form.grade_values
    grades = _grade_cells(lang)
    cells = sheet.cells
    first = sheet.next_row
    for req, described in zip(sub.form.requirements, _described(sub.form, lang), strict=True):
        grade = a.grade(req.id)
        note = a.notes.get(req.id)
        files = evidence.get(req.id, [])
        if grade is Grade.NA:
            score = Cell("—", Style.CENTER)
        else:
            score = Cell(values[grade or Grade.NONE], Style.SCORE)
        comment = visible_text(note.comment) if note and note.comment else None
        parts: Sequence[str | None] = [comment]
        if comment and split:
            parts = continued(comment, sheet.widths[COMMENT_COL], COMMENT_LINES, wide, FIRST_LINES)
        r = sheet.next_row  # (cells set directly: a thousand rows a file, in every check)
        sheet.next_row = r + 1
        for col, cell in enumerate(described, start=1):
            cells[(r, col)] = cell
        cells[(r, 7)] = grades[grade]
        cells[(r, 8)] = score
        for col, value, style in (
            (COMMENT_COL, parts[0], Style.WRAP),
            (10, "\n".join(visible_text(f.file_name) for f in files) or None, Style.WRAP),
            (11, "\n".join(f.sha256 for f in files) or None, Style.WRAP),
            (12, word("yes", lang) if note and note.review else None, Style.CENTER),
        ):
            if value is not None:
                cells[(r, col)] = Cell(value, style)
        for part in parts[1:]:
            r = sheet.row(Cell(req.id, Style.WRAP))
            sheet.cells[(r, 6)] = Cell(word("comment_continued", lang), Style.NOTE)
            sheet.cells[(r, COMMENT_COL)] = Cell(part, Style.WRAP)
            sheet.merges.append(continuation.format(row=r))
    last = sheet.next_row - 1
    choices = tuple(grade_name(g, lang) for g in Grade)
    letter = column_letter(ANSWER_COL)
    sheet.validations.append(ListValidation(f"{letter}{first}:{letter}{last}", choices))
    return sheet


@functools.lru_cache(maxsize=16)
def _described(form: MaturityForm, lang: Lang) -> tuple[tuple[Cell, ...], ...]:
    """The first six cells of each requirement's row (id, element, domain, sub-domain, level,
    statement): the same in every workbook of a form and language, built once."""
    subdomains = {s.id: s for s in form.subdomains}
    domains = {d.id: d for d in form.domains}
    elements = {e.id: e for e in form.elements}
    out = []
    for req in form.requirements:
        s = subdomains[req.subdomain_id]
        d = domains[s.domain_id]
        out.append(
            (
                Cell(req.id, Style.WRAP),
                Cell(elements[d.element_id].name.get(lang), Style.WRAP),
                Cell(d.name.get(lang), Style.WRAP),
                Cell(s.name.get(lang), Style.WRAP),
                Cell(req.level, Style.INTEGER),
                Cell(req.text.get(lang), Style.WRAP),
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _grade_cells(lang: Lang) -> dict[Grade | None, Cell]:
    return {g: Cell(grade_name(g, lang), Style.CENTER) for g in (*Grade, None)}


def _widths(sheet: SheetPlan, sub: Submission) -> None:
    """Names and answer words whole on one line (English ones on two at most, broken between
    words); the header's words whole."""
    lang, form = sub.info.lang, sub.form
    names = {
        2: [e.name.get(lang) for e in form.elements],
        3: [d.name.get(lang) for d in form.domains],
        4: [s.name.get(lang) for s in form.subdomains],
        5: ["5"],
        7: [grade_name(g, lang) for g in GRADE_NAMES],
        8: ["0.00", "—"],
        12: [word("yes", lang)],
    }
    sheet.widths.update(FIXED)
    # every id on one line (a longer one would break after a hyphen)
    sheet.widths[1] = math.ceil(max(text_width(r.id) for r in form.requirements) + 1)
    sha = word("evidence_sha", lang)  # "SHA-256" must not break at its hyphen
    sheet.widths[11] = max(FIXED[11], label_width([sha]))
    for col, texts in names.items():
        header = word(COLUMNS[col - 1], lang)  # bold
        sheet.widths[col] = max(
            label_width([header], max_lines=2), label_width(texts, max_lines=2, bold=False)
        )
    sheet.widths = dict(sorted(sheet.widths.items()))
