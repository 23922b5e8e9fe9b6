"""封面: who applies, for which tier, and the headline result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from factory_grader.domain.answers import LATER_PROFILE_FIELDS, PROFILE_FIELDS
from factory_grader.domain.text import Lang
from factory_grader.wording import CLAIM_ABOVE
from factory_grader.workbook.labels import PROFILE_LABELS, pick, word
from factory_grader.workbook.plan import Cell, SheetPlan, Style
from factory_grader.workbook.sheets.common import (
    level_name,
    new_sheet,
    text_or_dash,
    tier_name,
    title_block,
)
from factory_grader.workbook.submission import PLAIN_COVER, Submission
from factory_grader.workbook.text_cells import label_width, visible_text, wrapped_height

VALUE_WIDTH = 79.0  # the answers' SHA-256 on one line
#: The labels of column A (each whole on one line: the column is as wide as the longest).
LABELS = (
    "industry_type",
    "claimed_tier",
    "computed_tier",
    "score",
    "level",
    "rules",
    "form",
    "catalogue",
    "assessment_id",
    "exported_at",
    "exported_at_utc",
    "app",
    "answers_sha256",
)


def cover_widths(lang: Lang) -> dict[int, float]:
    labels = [pick(PROFILE_LABELS[k], lang) for k in PROFILE_LABELS]
    labels += [word(k, lang) for k in LABELS]
    return {1: label_width(labels, minimum=20), 2: VALUE_WIDTH}


def cover_sheet(sub: Submission, answers_sha256: str) -> SheetPlan:
    lang, info, a = sub.info.lang, sub.info, sub.answers
    sheet = new_sheet("cover", sub)
    widths = cover_widths(lang)
    sheet.widths.update(widths)
    title_block(sheet, word("title", lang), sub, 2, sum(widths.values()))

    sheet.merged_row(word("profile", lang), Style.HEADER, 2)
    for key in PROFILE_FIELDS:
        if key == "city_code":
            continue  # the city row names it in the workbook's language; the code is in 机读数据
        if key in LATER_PROFILE_FIELDS and key not in a.profile:
            continue  # added since: an earlier workbook's cover has no row for it
        sheet.row(
            Cell(pick(PROFILE_LABELS[key], lang), Style.LABEL),
            Cell(text_or_dash(sub.profile_shown.get(key) or a.profile.get(key)), Style.WRAP),
        )
    sheet.row(
        Cell(word("industry_type", lang), Style.LABEL),
        Cell(word(a.industry_type.value, lang), Style.WRAP),
    )
    sheet.skip()

    m = sub.result.maturity
    claimed = (
        tier_name(sub, info.claimed_tier, lang) if info.claimed_tier else word("not_claimed", lang)
    )
    # a claim above the tier the answers reach says so (since /4; verify re-renders earlier
    # workbooks as they were written)
    plain = info.schema in PLAIN_COVER
    claim_shown = claimed
    if not plain and _above(sub, info.claimed_tier, sub.result.tier.tier):
        computed = tier_name(sub, sub.result.tier.tier, lang)
        claim_shown = CLAIM_ABOVE.get(lang).format(claimed=claimed, computed=computed)
    ident = "—" if info.assessment_id is None else f"{info.assessment_id} / r{info.revision}"
    sheet.merged_row(word("assessment", lang), Style.HEADER, 2)
    rows: list[tuple[str, Cell]] = [
        ("claimed_tier", Cell(claim_shown, Style.STRONG)),
        ("computed_tier", Cell(tier_name(sub, sub.result.tier.tier, lang), Style.STRONG)),
        ("score", Cell(m.score_hundredths / 100, Style.STRONG)),
        ("level", Cell(level_name(sub, m.level, lang), Style.STRONG)),
        ("rules", _versioned(sub.rules.name.get(lang), sub.rules.id, sub.rules.version)),
        ("form", _versioned(sub.form.name.get(lang), sub.form.id, sub.form.version)),
        (
            "catalogue",
            _versioned(sub.catalogue.name.get(lang), sub.catalogue.id, sub.catalogue.version),
        ),
        ("assessment_id", Cell(ident)),
        (
            "exported_at" if not plain else "exported_at_utc",
            Cell(info.exported_at if plain else beijing_time(info.exported_at)),
        ),
        ("app", Cell(f"factory-grader {info.app_version}")),
        ("answers_sha256", Cell(answers_sha256)),
    ]
    for key, cell in rows:
        sheet.row(Cell(word(key, lang), Style.LABEL), cell)
    sheet.skip()
    note = visible_text(sub.form.weights_note_for(sub.answers.weights_id).get(lang))
    r = sheet.merged_row(note, Style.NOTE, 2)
    sheet.heights[r] = wrapped_height(note, sum(widths.values()), 13)
    return sheet


def beijing_time(utc_iso: str) -> str:
    """2026-12-01T10:47:00Z as the cover shows it: 2026-12-01 18:47:00 (Beijing time, as the
    row's label says; the machine sheet keeps UTC)."""
    try:
        when = datetime.strptime(utc_iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return utc_iso  # not ours to reinterpret: shown as it is
    return (when + BEIJING_OFFSET).strftime("%Y-%m-%d %H:%M:%S")


BEIJING_OFFSET = timedelta(hours=8)  # China has one time zone and no daylight saving


def _above(sub: Submission, claimed: str | None, computed: str | None) -> bool:
    ladder = [t.id for t in sub.rules.tiers]
    if claimed not in ladder:
        return False
    return computed is None or ladder.index(claimed) > ladder.index(computed)


def _versioned(name: str, ident: str, version: str) -> Cell:
    """A rule set, form or catalogue by name, id and version (wrapped: English names are long)."""
    return Cell(f"{name} ({ident} {version})", Style.WRAP)
