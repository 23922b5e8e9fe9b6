"""One compared workbook, as the officials' comparison lists it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntryStatus(StrEnum):
    """What the comparison found a workbook (or a summary's row) to be."""

    OK = "ok"  # its figures are what its answers give
    EDITED = "edited"  # something shown differs from what its answers give
    INVALID = "invalid"  # not a submission this app can read: never counted
    UNCHECKED = "unchecked"  # a row of a summary without answers: figures copied, not recomputed


@dataclass(frozen=True, slots=True)
class Entry:
    file: str
    status: EntryStatus
    reason: str = ""  # why edited or invalid (the first finding)
    reason_zh: str = ""  # the same in Chinese (a file that is invalid: its reason, prefixed)
    city: str = ""  # the Chinese name when city_code is known, else the text as typed
    city_code: str = ""  # 行政区划代码: what the comparison groups and filters by
    name: str = ""
    credit_code: str = ""
    industry: str = ""
    industry_code: str = ""
    size: str = ""
    score_hundredths: int | None = None
    level: int | None = None
    claimed_tier: str = ""  # 申报等级, "" when not given
    tier: str = ""  # computed; "" when no tier is reached
    covered_links: str = ""  # comma-separated link ids
    built: int | None = None
    ai: int | None = None
    unanswered: int | None = None
    rules_id: str = ""
    form_id: str = ""
    assessment_id: str = ""
    revision: int = 0
    exported_at: str = ""
    answers_sha256: str = ""
    subdomain_levels: str = ""  # the level each sub-domain reached, one digit each, form order
    superseded_by: str = ""  # the file that counts instead (same credit code, newer)
    #: another file with the same assessment and revision but other answers: the official decides
    conflict_with: str = ""
    credit_code_problem: str = ""  # why the credit code is not a valid one ("" when it is)
    #: the answers the figures come from, as compact JSON with their form versions, so that a
    #: summary read again (city → province) is recomputed, not trusted ("" when unreadable)
    answers: str = ""

    @property
    def city_key(self) -> str:
        """What groups and filters by city: the code, or the free text when there is none."""
        return self.city_code or self.city

    @property
    def industry_key(self) -> str:
        return self.industry_code or self.industry

    @property
    def counts(self) -> bool:
        """Part of the summary list: readable and not superseded by a newer workbook."""
        return self.status is not EntryStatus.INVALID and not self.superseded_by

    @property
    def ai_share(self) -> float | None:
        if self.built is None or self.ai is None:
            return None
        return self.ai / self.built if self.built else 0.0

    @property
    def links(self) -> tuple[str, ...]:
        return tuple(x for x in self.covered_links.split(",") if x)
