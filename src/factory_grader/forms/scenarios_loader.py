"""Load a typical-scenario catalogue (kind = "scenarios")."""

from __future__ import annotations

from typing import Any

from factory_grader.domain.errors import FormError
from factory_grader.domain.scenarios import Link, Scenario, ScenarioCatalogue, Stage
from factory_grader.forms.reader import Reader, check_parents, check_unique


def load_scenarios(manifest: dict[str, Any], display: str, digest: str) -> ScenarioCatalogue:
    problems: list[str] = []
    r = Reader(problems, display)
    links = [
        Link(r.string(t, "id", "link"), r.text(t, f"link {t.get('id')}"))
        for t in r.tables(manifest, "link", "manifest")
    ]
    stages = [
        Stage(
            r.string(t, "id", "stage"),
            r.text(t, f"stage {t.get('id')}"),
            r.string(t, "link", f"stage {t.get('id')}"),
            r.string(t, "mapping_note", f"stage {t.get('id')}"),
        )
        for t in r.tables(manifest, "stage", "manifest")
    ]
    scenarios = [
        Scenario(
            r.string(t, "id", "scenario"),
            r.string(t, "stage", f"scenario {t.get('id')}"),
            r.text(t, f"scenario {t.get('id')}"),
            r.text(t, f"scenario {t.get('id')}", prefix="description_"),
        )
        for t in r.tables(manifest, "scenario", "manifest")
    ]
    for what, items in (("link", links), ("stage", stages), ("scenario", scenarios)):
        check_unique(r, [(i.id, display) for i in items], what)
    check_parents(r, links, stages, lambda s: s.link_id, ("link", "stage"), childless=False)
    check_parents(r, stages, scenarios, lambda s: s.stage_id, ("stage", "scenario"))
    header = (
        r.string(manifest, "id", "manifest"),
        r.string(manifest, "version", "manifest"),
        r.name(manifest, "manifest"),
    )
    if problems:
        raise FormError(problems)
    return ScenarioCatalogue(
        id=header[0],
        version=header[1],
        name=header[2],
        digest=digest,
        links=tuple(links),
        stages=tuple(stages),
        scenarios=tuple(scenarios),
    )
