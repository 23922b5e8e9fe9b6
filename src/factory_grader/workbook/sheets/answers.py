"""答题明细: every requirement with its answer, score, comment, evidence and review flag."""

from __future__ import annotations

from collections import defaultdict

from factory_grader.domain.maturity_model import Grade
from factory_grader.workbook.labels import GRADE_WORDS, grade_word, pick, word
from factory_grader.workbook.plan import Cell, ListValidation, SheetPlan, Style, column_letter
from factory_grader.workbook.sheets.common import new_sheet, title_block
from factory_grader.workbook.submission import Evidence, Submission
from factory_grader.workbook.text_cells import fit_widths, visible_text

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
WRAPPED = {
    2: 8.0,
    3: 10.0,
    4: 12.0,
    5: 5.0,
    6: 46.0,
    7: 10.0,
    8: 6.0,
    9: 24.0,
    10: 18.0,
    11: 18.0,
    12: 6.0,
}


def answers_sheet(sub: Submission) -> SheetPlan:
    lang, a = sub.info.lang, sub.answers
    sheet = new_sheet("answers", sub)
    sheet.landscape = True
    sheet.gridlines = True
    title_block(sheet, sheet.name, sub, len(COLUMNS), 200)
    header = sheet.table_header(*[word(c, lang) for c in COLUMNS])

    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for ev in sub.evidence:
        evidence[ev.requirement_id].append(ev)
    subdomains = {s.id: s for s in sub.form.subdomains}
    domains = {d.id: d for d in sub.form.domains}
    elements = {e.id: e for e in sub.form.elements}
    values = sub.form.grade_values
    first = sheet.next_row
    for req in sub.form.requirements:
        s = subdomains[req.subdomain_id]
        d = domains[s.domain_id]
        grade = a.grade(req.id)
        note = a.notes.get(req.id)
        files = evidence.get(req.id, [])
        if grade is Grade.NA:
            score = Cell("—", Style.CENTER)
        else:
            score = Cell(values[grade or Grade.NONE], Style.SCORE)
        sheet.row(
            Cell(req.id),
            Cell(elements[d.element_id].name.get(lang)),
            Cell(d.name.get(lang)),
            Cell(s.name.get(lang)),
            Cell(req.level, Style.INTEGER),
            Cell(req.text.get(lang), Style.WRAP),
            Cell(grade_word(grade.value if grade else None, lang), Style.CENTER),
            score,
            Cell(visible_text(note.comment) if note and note.comment else None, Style.WRAP),
            Cell("\n".join(visible_text(f.file_name) for f in files) or None, Style.WRAP),
            Cell("\n".join(f.sha256 for f in files) or None, Style.WRAP),
            Cell(word("yes", lang) if note and note.review else None, Style.CENTER),
        )
    last = sheet.next_row - 1
    choices = tuple(pick(GRADE_WORDS[g.value], lang) for g in Grade)
    letter = column_letter(ANSWER_COL)
    sheet.validations.append(ListValidation(f"{letter}{first}:{letter}{last}", choices))
    fit_widths(sheet, header, maximum=22, fixed=WRAPPED)
    return sheet
