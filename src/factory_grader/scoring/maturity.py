"""Maturity score S and level, as GB/T 39117 is read in domain-facts §5.

Requirement grade -> sub-domain mean per level -> domain score (weighted mean of its scorable
sub-domains) -> level score Aᵢ (weighted mean of the domains with something scorable at level i).
The four elements only group domains for display: they weigh nothing. Parts with nothing
scorable at a level (all 不适用, or not for this industry type) are left out and the remaining
weights rescaled. S sums A₁, A₂, … up to and including the first level under the pass mark; the
level comes from the bands. Every decision is on exact values (scoring.rounding).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from factory_grader.domain.maturity_model import (
    LEVELS,
    SCORED_GRADES,
    Grade,
    IndustryType,
    MaturityForm,
    Requirement,
)
from factory_grader.domain.results import LevelScore, MaturityResult
from factory_grader.scoring.rounding import reaches, reaches_scaled, to_hundredths

Grades = Mapping[str, Grade | None]

# level -> [(domain weight, [(sub-domain id, weight, [requirements])])], weights exact
_Tree = list[tuple[Fraction, list[tuple[str, Fraction, list[Requirement]]]]]


def exact(value: float) -> Fraction:
    """A weight or grade value from the data as the short decimal it was written as (0.8 is
    4/5, not the binary float nearest to it)."""
    return Fraction(repr(value))


_TreeKey = tuple[IndustryType, str | None]
_tree_cache: weakref.WeakKeyDictionary[MaturityForm, dict[_TreeKey, dict[int, _Tree]]] = (
    weakref.WeakKeyDictionary()
)


def _applicable_tree(
    form: MaturityForm, industry: IndustryType, weights_id: str | None = None
) -> dict[int, _Tree]:
    """The form's domains per level, holding only requirements that apply to the industry,
    weighted by the chosen weight set (None: the form's own weights)."""
    per_form = _tree_cache.setdefault(form, {})
    weight_set = form.weight_set(weights_id)
    key = (industry, weight_set.id if weight_set else None)
    if key in per_form:
        return per_form[key]
    trees: dict[int, _Tree] = {}
    for level in LEVELS:
        tree: _Tree = []
        for domain in form.domains:
            subs = []
            for sub in (s for s in form.subdomains if s.domain_id == domain.id):
                reqs = [
                    r
                    for r in form.requirements
                    if r.subdomain_id == sub.id and r.level == level and industry in r.applies_to
                ]
                subs.append((sub.id, exact(sub.weights[industry]), reqs))
            weight = weight_set.weight(domain, industry) if weight_set else domain.weights[industry]
            tree.append((exact(weight), subs))
        trees[level] = tree
    per_form[key] = trees
    return trees


@dataclass(frozen=True)
class MaturityTerms:
    """Aᵢ as a linear sum over the level's scorable requirements, exactly, in integers:
    Aᵢ = level_raw(i) / scale, level_raw(i) = Σ coefficient[r] × value(r). The coefficients and
    grade values are the exact fractions scaled by their common denominators, so every sum and
    every comparison is exact and fast (gap analysis prices thousands of changes).

    Grades other than 不适用 never change a coefficient, so gap analysis can price any one-grade
    change exactly without rescoring everything.
    """

    coefficients: tuple[dict[str, int], ...]  # index 0 = level 1
    values: dict[str, int]  # scorable requirement id -> current grade value × value_scale
    step_values: tuple[int, ...]  # SCORED_GRADES' values × value_scale, worst first
    value_scale: int
    scale: int  # Aᵢ = level_raw(i) / scale
    levels: dict[str, int]
    subdomain_members: dict[tuple[str, int], list[str]]
    #: (sub-domain, level) -> its effective weight in Aᵢ after rescaling (the weights of one
    #: level add up to 1)
    subdomain_weights: dict[tuple[str, int], Fraction]

    def level_raw(self, level: int) -> int:
        values = self.values
        return sum(c * values[r] for r, c in self.coefficients[level - 1].items())

    def exact(self, scaled: int) -> Fraction:
        return Fraction(scaled, self.scale)


def maturity_terms(
    form: MaturityForm, industry: IndustryType, grades: Grades, weights_id: str | None = None
) -> MaturityTerms:
    """The terms of an answer set, shared by scoring and gap analysis (which ask for the same
    answers several times in a row): the last few are kept, keyed by every input. Callers must
    not change what they get."""
    key = (industry, weights_id, frozenset(grades.items()))
    per_form = _terms_cache.setdefault(form, {})
    if key in per_form:
        return per_form[key]
    terms = _build_terms(form, industry, grades, weights_id)
    if len(per_form) >= 8:
        per_form.pop(next(iter(per_form)))  # oldest first
    per_form[key] = terms
    return terms


_TermsKey = tuple[IndustryType, str | None, frozenset[tuple[str, Grade | None]]]
_terms_cache: weakref.WeakKeyDictionary[MaturityForm, dict[_TermsKey, MaturityTerms]] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True)
class _Shape:
    """What MaturityTerms hold that only 不适用 answers change: coefficients, levels, members
    and weights. Shared by every answer set with the same 不适用 answers (most files have the
    same few), so comparing thousands of files works out the fractions once."""

    coefficients: tuple[dict[str, int], ...]
    coef_scale: int
    levels: dict[str, int]
    members: dict[tuple[str, int], list[str]]
    weights: dict[tuple[str, int], Fraction]


_ShapeKey = tuple[IndustryType, str | None, frozenset[str]]
_shape_cache: weakref.WeakKeyDictionary[MaturityForm, dict[_ShapeKey, _Shape]] = (
    weakref.WeakKeyDictionary()
)


def _build_terms(
    form: MaturityForm, industry: IndustryType, grades: Grades, weights_id: str | None
) -> MaturityTerms:
    grade_value = {g: exact(v) for g, v in form.grade_values.items()}
    value_scale = math.lcm(1, *(v.denominator for v in grade_value.values()))
    scaled = {g: int(v * value_scale) for g, v in grade_value.items()}
    not_applicable = frozenset(r for r, g in grades.items() if g is Grade.NA)
    shape = _shape(form, industry, weights_id, not_applicable)
    none_value = scaled[Grade.NONE]
    values = {}
    for rid in shape.levels:
        grade = grades.get(rid)
        values[rid] = none_value if grade is None else scaled[grade]
    return MaturityTerms(
        shape.coefficients,
        values,
        tuple(scaled[g] for g in SCORED_GRADES),
        value_scale,
        shape.coef_scale * value_scale,
        shape.levels,
        shape.members,
        shape.weights,
    )


def _shape(
    form: MaturityForm,
    industry: IndustryType,
    weights_id: str | None,
    not_applicable: frozenset[str],
) -> _Shape:
    per_form = _shape_cache.setdefault(form, {})
    key = (industry, weights_id, not_applicable)
    shape = per_form.get(key)
    if shape is not None:
        return shape
    coefficients: list[dict[str, Fraction]] = []
    levels: dict[str, int] = {}
    members: dict[tuple[str, int], list[str]] = {}
    weights: dict[tuple[str, int], Fraction] = {}
    for level, tree in _applicable_tree(form, industry, weights_id).items():
        coefs: dict[str, Fraction] = {}
        domains: list[tuple[Fraction, list[tuple[str, Fraction, list[str]]]]] = []
        for dom_w, subs in tree:
            kept_subs: list[tuple[str, Fraction, list[str]]] = []
            for sub_id, sub_w, reqs in subs:
                scorable = [r.id for r in reqs if r.id not in not_applicable]
                if scorable:
                    kept_subs.append((sub_id, sub_w, scorable))
                    members[(sub_id, level)] = scorable
            if kept_subs:
                domains.append((dom_w, kept_subs))
        dom_total = sum((w for w, _ in domains), Fraction(0))
        for dom_w, kept_subs in domains:
            sub_total = sum((w for _, w, _ in kept_subs), Fraction(0))
            for sub_id, sub_w, req_ids in kept_subs:
                share = (dom_w / dom_total) * (sub_w / sub_total)
                weights[(sub_id, level)] = share
                each = share / len(req_ids)
                for rid in req_ids:
                    coefs[rid] = each
                    levels[rid] = level
        coefficients.append(coefs)
    # Common denominator: every coefficient becomes an integer over one scale.
    coef_scale = math.lcm(1, *(c.denominator for coefs in coefficients for c in coefs.values()))
    shape = _Shape(
        tuple({r: int(c * coef_scale) for r, c in coefs.items()} for coefs in coefficients),
        coef_scale,
        levels,
        members,
        weights,
    )
    if len(per_form) >= 64:
        per_form.pop(next(iter(per_form)))  # oldest first
    per_form[key] = shape
    return shape


def total_from_levels(
    raw_levels: Sequence[Fraction], pass_mark: int
) -> tuple[Fraction, int | None]:
    """(S, stop level): S adds Aᵢ up to and including the first level under the pass mark;
    stop level None when every level passes. Exact."""
    total = Fraction(0)
    for index, raw in enumerate(raw_levels):
        total += raw
        if not reaches(raw, pass_mark):
            return total, index + 1
    return total, None


def scaled_total(raws: Sequence[int], pass_mark: int, scale: int) -> tuple[int, int | None]:
    """total_from_levels on level scores held as integers over one scale (MaturityTerms)."""
    total = 0
    for index, raw in enumerate(raws):
        total += raw
        if not reaches_scaled(raw, pass_mark, scale):
            return total, index + 1
    return total, None


def level_for_score(form: MaturityForm, score: Fraction | float) -> int:
    """The band of S."""
    for band in reversed(form.bands):
        if reaches(score, band.min_hundredths):
            return band.level
    return 0


def score_hundredths(form: MaturityForm, score: Fraction | float) -> int:
    """S as shown: rounded half-up, never shown in a higher band than it is in."""
    return to_hundredths(score, (b.min_hundredths for b in form.bands))


def level_hundredths(form: MaturityForm, raw: Fraction | float) -> int:
    """Aᵢ as shown: rounded half-up, never shown as passing when it fails."""
    return to_hundredths(raw, (form.pass_mark_hundredths,))


def score_maturity(
    form: MaturityForm, industry: IndustryType, grades: Grades, weights_id: str | None = None
) -> MaturityResult:
    terms = maturity_terms(form, industry, grades, weights_id)
    raws = [terms.exact(terms.level_raw(level)) for level in LEVELS]
    total, stop = total_from_levels(raws, form.pass_mark_hundredths)
    level_scores = tuple(
        LevelScore(
            level=level,
            hundredths=level_hundredths(form, raw),
            raw=float(raw),
            exact=raw,
            scorable=bool(terms.coefficients[level - 1]),
            counted=stop is None or level <= stop,
        )
        for level, raw in zip(LEVELS, raws, strict=True)
    )
    subdomain_scores: dict[str, tuple[float | None, ...]] = {}
    subdomain_weights: dict[str, tuple[float | None, ...]] = {}
    for sub in form.subdomains:
        per_level: list[float | None] = []
        for level in LEVELS:
            ids = terms.subdomain_members.get((sub.id, level))
            total_value = sum(terms.values[r] for r in ids) if ids else 0
            per_level.append(total_value / (len(ids) * terms.value_scale) if ids else None)
        subdomain_scores[sub.id] = tuple(per_level)
        subdomain_weights[sub.id] = tuple(
            None if (w := terms.subdomain_weights.get((sub.id, lv))) is None else float(w)
            for lv in LEVELS
        )
    unanswered = tuple(
        r.id for r in form.requirements if industry in r.applies_to and grades.get(r.id) is None
    )
    return MaturityResult(
        score_hundredths=score_hundredths(form, total),
        score_raw=float(total),
        score_exact=total,
        level=level_for_score(form, total),
        level_scores=level_scores,
        stop_level=stop,
        subdomain_scores=subdomain_scores,
        subdomain_weights=subdomain_weights,
        unanswered=unanswered,
    )


def default_subdomain_weights(
    form: MaturityForm, industry: IndustryType, weights_id: str | None = None
) -> dict[str, tuple[float | None, ...]]:
    """Each sub-domain's effective weight in A1..A5 when nothing is 不适用 (what the weights
    give before any answer rescales them)."""
    terms = maturity_terms(form, industry, {}, weights_id)
    return {
        s.id: tuple(
            None if (w := terms.subdomain_weights.get((s.id, level))) is None else float(w)
            for level in LEVELS
        )
        for s in form.subdomains
    }
