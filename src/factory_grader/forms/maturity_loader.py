"""Load a maturity questionnaire (kind = "maturity") and check it is complete and consistent."""

from __future__ import annotations

from typing import Any

from factory_grader.domain.errors import FormError
from factory_grader.domain.maturity_model import (
    DEFAULT_WEIGHTS,
    LEVELS,
    Domain,
    Element,
    Grade,
    IndustryType,
    LevelBand,
    MaturityForm,
    Requirement,
    SubDomain,
    WeightSet,
)
from factory_grader.forms.reader import Reader, check_parents, check_unique

MIN_REQUIREMENTS_PER_CELL = 2
SCORE_MAX_HUNDREDTHS = 500


def load_maturity(
    manifest: dict[str, Any], parts: dict[str, dict[str, Any]], display: str, digest: str
) -> MaturityForm:
    """manifest: the parsed manifest.toml; parts: display path -> parsed requirement file;
    digest: of the files as shipped (the library computes it: it knows their shipped names)."""
    problems: list[str] = []
    r = Reader(problems, display)
    form_id = r.string(manifest, "id", "manifest")

    elements = [
        Element(
            r.string(t, "id", "element"),
            r.text(t, f"element {t.get('id')}"),
        )
        for t in r.tables(manifest, "element", "manifest")
    ]
    for t in r.tables(manifest, "element", "manifest"):
        if "weight" in t:  # elements group domains for display; a weight would mislead
            r.problem(f"element {t.get('id')}", "an element has no weight (domains carry them)")
    domains = [
        Domain(
            r.string(t, "id", "domain"),
            r.text(t, f"domain {t.get('id')}"),
            r.string(t, "element", f"domain {t.get('id')}"),
            r.weights(t, f"domain {t.get('id')}"),
        )
        for t in r.tables(manifest, "domain", "manifest")
    ]
    subdomains = [
        SubDomain(
            r.string(t, "id", "subdomain"),
            r.text(t, f"subdomain {t.get('id')}"),
            r.string(t, "domain", f"subdomain {t.get('id')}"),
            r.weights(t, f"subdomain {t.get('id')}"),
        )
        for t in r.tables(manifest, "subdomain", "manifest")
    ]
    for what, items in (("element", elements), ("domain", domains), ("subdomain", subdomains)):
        check_unique(r, [(i.id, display) for i in items], what)
    domain_ids = {d.id for d in domains}
    sub_ids = {s.id for s in subdomains}
    check_parents(r, elements, domains, lambda d: d.element_id, ("element", "domain"))
    check_parents(r, domains, subdomains, lambda s: s.domain_id, ("domain", "subdomain"))

    requirements = _requirements(problems, parts, sub_ids)
    # Questionnaire order: sub-domains as the manifest lists them, then level, then id.
    position = {sub.id: i for i, sub in enumerate(subdomains)}
    requirements.sort(key=lambda q: (position.get(q.subdomain_id, len(position)), q.level, q.id))
    _check_cells(problems, display, subdomains, requirements)
    grade_values = _grades(r, manifest)
    bands = _bands(r, manifest)

    weight_sets = _weight_sets(r, manifest, domain_ids)
    version = r.string(manifest, "version", "manifest")
    name = r.name(manifest, "manifest")
    weights_note = r.text(manifest.get("weights_note", {}), "weights_note")
    disclaimer = r.text(manifest.get("disclaimer", {}), "disclaimer")
    pass_mark = r.hundredths(manifest, "pass_mark", "manifest")
    if problems:
        raise FormError(problems)
    return MaturityForm(
        id=form_id,
        version=version,
        name=name,
        digest=digest,
        weights_note=weights_note,
        disclaimer=disclaimer,
        elements=tuple(elements),
        domains=tuple(domains),
        subdomains=tuple(subdomains),
        requirements=tuple(requirements),
        grade_values=grade_values,
        pass_mark_hundredths=pass_mark,
        bands=tuple(bands),
        weight_sets=tuple(weight_sets),
    )


def _weight_sets(r: Reader, manifest: dict[str, Any], domain_ids: set[str]) -> list[WeightSet]:
    sets = []
    for t in r.tables(manifest, "weight_set", "manifest"):
        wid = r.string(t, "id", "weight_set")
        where = f"weight_set {wid}"
        if wid == DEFAULT_WEIGHTS:
            r.problem(where, f"'{DEFAULT_WEIGHTS}' names the form's own weights: choose another id")
        raw = t.get("domains")
        if not isinstance(raw, dict) or not raw:
            r.problem(where, "'domains' must be a table {domain id = {discrete = …, process = …}}")
            raw = {}
        weights = {}
        for did, value in raw.items():
            if did not in domain_ids:
                r.problem(where, f"domain '{did}' is not defined")
            weights[did] = r.weights({"weight": value}, f"{where}.{did}")
        sets.append(WeightSet(wid, r.text(t, where), r.text(t, where, prefix="note_"), weights))
    check_unique(r, [(w.id, r.file) for w in sets], "weight_set")
    return sets


def _requirements(
    problems: list[str], parts: dict[str, dict[str, Any]], sub_ids: set[str]
) -> list[Requirement]:
    found: list[Requirement] = []
    where_of: list[tuple[str, str]] = []
    for file, data in sorted(parts.items()):
        r = Reader(problems, file)
        sub = r.string(data, "subdomain", "file")
        if sub and sub not in sub_ids:
            r.problem("file", f"subdomain '{sub}' is not defined in the manifest")
        for t in r.tables(data, "requirement", "file"):
            rid = r.string(t, "id", "requirement")
            applies_raw = r.str_list(t, "applies", rid) or tuple(k.value for k in IndustryType)
            applies = set()
            for kind in applies_raw:
                try:
                    applies.add(IndustryType(kind))
                except ValueError:
                    r.problem(rid, f"applies: '{kind}' is not discrete or process")
            found.append(
                Requirement(
                    id=rid,
                    subdomain_id=sub,
                    level=r.integer(t, "level", rid, 1, 5),
                    text=r.text(t, rid),
                    evidence=r.text(t, rid, prefix="evidence_"),
                    applies_to=frozenset(applies),
                )
            )
            where_of.append((rid, file))
    check_unique(Reader(problems, ""), where_of, "requirement")
    return found


def _check_cells(
    problems: list[str], display: str, subs: list[SubDomain], reqs: list[Requirement]
) -> None:
    """Every sub-domain × level needs enough statements, and at least one per industry type."""
    for sub in subs:
        for level in LEVELS:
            cell = [q for q in reqs if q.subdomain_id == sub.id and q.level == level]
            if len(cell) < MIN_REQUIREMENTS_PER_CELL:
                problems.append(
                    f"{display}: subdomain {sub.id}: level {level} has {len(cell)} requirement(s),"
                    f" needs at least {MIN_REQUIREMENTS_PER_CELL}"
                )
            for kind in IndustryType:
                if cell and not any(kind in q.applies_to for q in cell):
                    problems.append(
                        f"{display}: subdomain {sub.id}: level {level} has no requirement"
                        f" that applies to {kind.value} manufacturing"
                    )


def _grades(r: Reader, manifest: dict[str, Any]) -> dict[Grade, float]:
    table = manifest.get("grades")
    if not isinstance(table, dict):
        r.problem("grades", "missing [grades] table")
        table = {}
    values: dict[Grade, float] = {
        g: r.number(table, g.value, "grades") for g in Grade if g is not Grade.NA
    }
    if Grade.NA.value in table:
        r.problem("grades", "'na' (不适用) carries no value: it is left out of scoring")
    ordered = [values[Grade.NONE], values[Grade.PARTIAL], values[Grade.MOST], values[Grade.FULL]]
    if ordered != sorted(set(ordered)) or ordered[0] < 0 or ordered[-1] > 1:
        r.problem("grades", "values must rise strictly from none to full, within 0 and 1")
    return values


def _bands(r: Reader, manifest: dict[str, Any]) -> list[LevelBand]:
    bands = [
        LevelBand(
            level=r.integer(t, "level", "band", 0, 5),
            name=r.text(t, f"band {t.get('level')}"),
            min_hundredths=r.hundredths(t, "min", f"band {t.get('level')}"),
            max_hundredths=r.hundredths(t, "max", f"band {t.get('level')}"),
        )
        for t in r.tables(manifest, "band", "manifest")
    ]
    bands.sort(key=lambda b: b.min_hundredths)
    if [b.level for b in bands] != list(range(6)):
        r.problem("band", "needs exactly one band per level 0 to 5, rising with the score")
    edge = 0
    for b in bands:
        if b.min_hundredths != edge or b.max_hundredths <= b.min_hundredths:
            r.problem(f"band {b.level}", "bands must cover 0.00 to 5.00 without gaps or overlaps")
            break
        edge = b.max_hundredths
    if bands and edge != SCORE_MAX_HUNDREDTHS:
        r.problem("band", "the top band must end at 5.00")
    return bands
