"""Shared fixtures: the real forms library, and small hand-made forms for exact arithmetic."""

from __future__ import annotations

import os
from collections.abc import Sequence

# Before any Qt import: without a platform Qt aborts the whole run (platform-notes).
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

from factory_grader.domain.maturity_model import (
    LEVELS,
    Domain,
    Element,
    Grade,
    IndustryType,
    LevelBand,
    MaturityForm,
    Requirement,
    SubDomain,
)
from factory_grader.domain.text import Text
from factory_grader.forms.library import FormLibrary

BOTH = frozenset(IndustryType)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own data folder: nothing ever touches a real user's data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACTORY_GRADER_HOME", str(home))
    monkeypatch.delenv("FACTORY_GRADER_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def library() -> FormLibrary:
    return FormLibrary.load()


def equal(weight: float = 1.0) -> dict[IndustryType, float]:
    return {t: weight for t in IndustryType}


def small_form(
    per_level: int = 10, sub_weights: Sequence[float] = (1.0,), process_only: int = 0
) -> MaturityForm:
    """One element, one domain, len(sub_weights) sub-domains, per_level requirements per
    sub-domain and level (ids s{sub}.L{level}.{n}); the last process_only of each cell apply to
    process manufacturing only. Bands and grades as in cmmm-2020."""
    subs = tuple(
        SubDomain(f"s{i}", Text(f"子域{i}", f"sub {i}"), "d", equal(w))
        for i, w in enumerate(sub_weights)
    )
    reqs = tuple(
        Requirement(
            f"{s.id}.L{level}.{n}",
            s.id,
            level,
            Text("要求", "requirement"),
            Text("证据", "evidence"),
            frozenset({IndustryType.PROCESS}) if n >= per_level - process_only else BOTH,
        )
        for s in subs
        for level in LEVELS
        for n in range(per_level)
    )
    edges = [0, 80, 180, 280, 380, 480, 500]
    bands = tuple(
        LevelBand(level, Text(f"{level}级", f"L{level}"), edges[level], edges[level + 1])
        for level in range(6)
    )
    return MaturityForm(
        id="small",
        version="1",
        name=Text("小问卷", "small form"),
        digest="0" * 64,
        weights_note=Text("", ""),
        disclaimer=Text("", ""),
        elements=(Element("e", Text("要素", "element")),),
        domains=(Domain("d", Text("域", "domain"), "e", equal()),),
        subdomains=subs,
        requirements=reqs,
        grade_values={Grade.NONE: 0.0, Grade.PARTIAL: 0.5, Grade.MOST: 0.8, Grade.FULL: 1.0},
        pass_mark_hundredths=80,
        bands=bands,
    )


def cell_grades(sub: str, level: int, grades: Sequence[Grade | None]) -> dict[str, Grade | None]:
    return {f"{sub}.L{level}.{n}": g for n, g in enumerate(grades)}


def grades_for_means(*level_grades: Sequence[Grade | None], sub: str = "s0") -> dict:
    """grades_for_means(level1_grades, level2_grades, …) for one sub-domain."""
    out: dict[str, Grade | None] = {}
    for level, grades in zip(LEVELS, level_grades, strict=False):
        out.update(cell_grades(sub, level, grades))
    return out


F, M, P, N, NA = Grade.FULL, Grade.MOST, Grade.PARTIAL, Grade.NONE, Grade.NA


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current code (then review the diff as files)",
    )


@pytest.fixture(scope="session")
def known_folder(tmp_path_factory: pytest.TempPathFactory, library: FormLibrary):
    """Submissions with known contents, a newer revision, edited and invalid files
    (tests/submission_folder.py)."""
    from tests.submission_folder import build_known_folder

    return build_known_folder(tmp_path_factory.mktemp("submissions"), library)
