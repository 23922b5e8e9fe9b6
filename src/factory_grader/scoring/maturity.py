"""Maturity score S and level, as GB/T 39117 is read in domain-facts §5.

Requirement grade -> sub-domain mean per level -> weighted up sub-domain, domain, element (parts
with nothing scorable at a level left out, sibling weights rescaled) -> level score Aᵢ.
S sums A₁, A₂, … up to and including the first level under the pass mark; the level comes from
the bands.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factory_grader.domain.maturity_model import (
    LEVELS,
    Grade,
    IndustryType,
    MaturityForm,
    Requirement,
)
from factory_grader.domain.results import LevelScore, MaturityResult
from factory_grader.scoring.rounding import to_hundredths

Grades = Mapping[str, Grade | None]

# level -> [(element weight, [(domain weight, [(sub-domain id, weight, [requirements])])])]
_Tree = list[tuple[float, list[tuple[float, list[tuple[str, float, list[Requirement]]]]]]]
_tree_cache: weakref.WeakKeyDictionary[MaturityForm, dict[IndustryType, dict[int, _Tree]]] = (
    weakref.WeakKeyDictionary()
)


def _applicable_tree(form: MaturityForm, industry: IndustryType) -> dict[int, _Tree]:
    """The form's hierarchy per level, holding only requirements that apply to the industry."""
    per_form = _tree_cache.setdefault(form, {})
    if industry in per_form:
        return per_form[industry]
    trees: dict[int, _Tree] = {}
    for level in LEVELS:
        tree: _Tree = []
        for element in form.elements:
            doms = []
            for domain in (d for d in form.domains if d.element_id == element.id):
                subs = []
                for sub in (s for s in form.subdomains if s.domain_id == domain.id):
                    reqs = [
                        r
                        for r in form.requirements
                        if r.subdomain_id == sub.id
                        and r.level == level
                        and industry in r.applies_to
                    ]
                    subs.append((sub.id, sub.weights[industry], reqs))
                doms.append((domain.weights[industry], subs))
            tree.append((element.weights[industry], doms))
        trees[level] = tree
    per_form[industry] = trees
    return trees


@dataclass(frozen=True)
class MaturityTerms:
    """Aᵢ as a linear sum: Aᵢ = Σ coefficient[r] × value(r) over the level's scorable requirements.

    Grades other than 不适用 never change a coefficient, so gap analysis can price any one-grade
    change exactly without rescoring everything.
    """

    coefficients: tuple[dict[str, float], ...]  # index 0 = level 1
    values: dict[str, float]  # scorable requirement id -> current value
    levels: dict[str, int]
    subdomain_members: dict[tuple[str, int], list[str]]

    def level_raw(self, level: int) -> float:
        coefs = self.coefficients[level - 1]
        return sum(c * self.values[r] for r, c in coefs.items())


def maturity_terms(form: MaturityForm, industry: IndustryType, grades: Grades) -> MaturityTerms:
    grade_value = form.grade_values
    none_value = grade_value[Grade.NONE]
    coefficients: list[dict[str, float]] = []
    values: dict[str, float] = {}
    levels: dict[str, int] = {}
    members: dict[tuple[str, int], list[str]] = {}
    for level, tree in _applicable_tree(form, industry).items():
        coefs: dict[str, float] = {}
        elements: list[tuple[float, list[tuple[float, list[tuple[float, list[str]]]]]]] = []
        for el_w, doms in tree:
            kept_doms: list[tuple[float, list[tuple[float, list[str]]]]] = []
            for dom_w, subs in doms:
                kept_subs: list[tuple[float, list[str]]] = []
                for sub_id, sub_w, reqs in subs:
                    scorable = [r.id for r in reqs if grades.get(r.id) is not Grade.NA]
                    if scorable:
                        kept_subs.append((sub_w, scorable))
                        members[(sub_id, level)] = scorable
                if kept_subs:
                    kept_doms.append((dom_w, kept_subs))
            if kept_doms:
                elements.append((el_w, kept_doms))
        el_total = sum(w for w, _ in elements)
        for kept_el_w, kept_el_doms in elements:
            dom_total = sum(w for w, _ in kept_el_doms)
            for kept_dom_w, kept_dom_subs in kept_el_doms:
                sub_total = sum(w for w, _ in kept_dom_subs)
                for sub_w, req_ids in kept_dom_subs:
                    share = (kept_el_w / el_total) * (kept_dom_w / dom_total) * (sub_w / sub_total)
                    each = share / len(req_ids)
                    for rid in req_ids:
                        coefs[rid] = each
                        grade = grades.get(rid)
                        values[rid] = none_value if grade is None else grade_value[grade]
                        levels[rid] = level
        coefficients.append(coefs)
    return MaturityTerms(tuple(coefficients), values, levels, members)


def total_from_levels(raw_levels: Sequence[float], pass_mark: int) -> tuple[int, float, int | None]:
    """(S in hundredths, S untruncated, stop level). S adds truncated Aᵢ up to and including the
    first level under the pass mark, so the S shown always equals the sum of the Aᵢ shown."""
    total_h, total_raw = 0, 0.0
    for index, raw in enumerate(raw_levels):
        hundredths = to_hundredths(raw)
        total_h += hundredths
        total_raw += raw
        if hundredths < pass_mark:
            return total_h, total_raw, index + 1
    return total_h, total_raw, None


def level_for_score(form: MaturityForm, score_hundredths: int) -> int:
    top = form.bands[-1]
    if score_hundredths >= top.min_hundredths:
        return top.level
    for band in form.bands:
        if band.min_hundredths <= score_hundredths < band.max_hundredths:
            return band.level
    return 0


def score_maturity(form: MaturityForm, industry: IndustryType, grades: Grades) -> MaturityResult:
    terms = maturity_terms(form, industry, grades)
    raws = [terms.level_raw(level) for level in LEVELS]
    total_h, _, stop = total_from_levels(raws, form.pass_mark_hundredths)
    level_scores = tuple(
        LevelScore(
            level=level,
            hundredths=to_hundredths(raw),
            raw=raw,
            scorable=bool(terms.coefficients[level - 1]),
            counted=stop is None or level <= stop,
        )
        for level, raw in zip(LEVELS, raws, strict=True)
    )
    subdomain_scores: dict[str, tuple[float | None, ...]] = {}
    for sub in form.subdomains:
        per_level: list[float | None] = []
        for level in LEVELS:
            ids = terms.subdomain_members.get((sub.id, level))
            per_level.append(sum(terms.values[r] for r in ids) / len(ids) if ids else None)
        subdomain_scores[sub.id] = tuple(per_level)
    unanswered = tuple(
        r.id for r in form.requirements if industry in r.applies_to and grades.get(r.id) is None
    )
    return MaturityResult(
        score_hundredths=total_h,
        level=level_for_score(form, total_h),
        level_scores=level_scores,
        stop_level=stop,
        subdomain_scores=subdomain_scores,
        unanswered=unanswered,
    )
