"""What an assessment's data versions mean for its figures: version notes, the update a draft
may take, and what has drifted since a verdict was final. Plain values, so the sentences about
them (services/notices.py) need no database."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factory_grader.domain.records import DataVersions


class VersionState(StrEnum):
    NOT_RECORDED = "not-recorded"  # made before versions were stored: the current one is used
    MISSING = "missing"  # a version this app does not have: the current one is used
    CHANGED = "changed"  # the version is here but its content differs from what was stored
    OLDER = "older"  # a draft on an older version: it may update to the current one


@dataclass(frozen=True, slots=True)
class VersionNote:
    what: str  # form | rules | catalogue
    id: str
    version: str  # as stored ("" when not recorded)
    used: str  # the version scored with
    state: VersionState


@dataclass(frozen=True, slots=True)
class VersionUpdate:
    """What "update to the current rules" would do to a draft."""

    form_id: str
    rules_id: str
    was: DataVersions
    now: DataVersions
    verdict_was: tuple[int, int, str | None]  # S in hundredths, level, tier
    verdict_now: tuple[int, int, str | None]
    added: tuple[str, ...]  # requirement ids new in the current form (unanswered after)
    reworded: tuple[str, ...]  # answered requirement ids whose statement changed: review them

    @property
    def changes_anything(self) -> bool:
        return self.was != self.now


@dataclass(frozen=True, slots=True)
class Drift:
    """One difference between a final verdict as reached and what the data gives now: a version
    note (its data changed in place, is gone, or was not recorded), or the verdict itself."""

    what: str  # <form|rules|catalogue>_<VersionState> | verdict
    was: str
    now: str
    note: VersionNote | None = None
    #: for what == "verdict": (S in hundredths, level, tier) stored and recomputed
    verdicts: tuple[tuple[int, int, str | None], tuple[int, int, str | None]] | None = None
