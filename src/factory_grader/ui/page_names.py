"""The window's pages by name: what the code, the tests and the saved "last page" say."""

from __future__ import annotations

from enum import StrEnum


class PageName(StrEnum):
    """The window's pages by name, in navigation order (the saved "last page" is a name)."""

    START = "start"
    PROFILE = "profile"
    QUESTIONNAIRE = "questionnaire"
    SCENARIOS = "scenarios"
    CONDITIONS = "conditions"
    WORKSHOP = "workshop"
    RESULTS = "results"
    FINALISE = "finalise"
    COMPARE = "compare"


PAGES: tuple[PageName, ...] = tuple(PageName)
WITHOUT_ASSESSMENT = frozenset({PageName.START, PageName.COMPARE})  # usable with none open
