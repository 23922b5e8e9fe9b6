"""Every file under forms/ loads, and the data has the shape the issue asks for."""

from __future__ import annotations

from collections import Counter

import pytest

from factory_grader.domain.maturity_model import LEVELS, IndustryType
from factory_grader.domain.rules import Confidence
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.locate import forms_root


def test_every_package_under_forms_loads(library: FormLibrary) -> None:
    packages = sorted(p.name for p in forms_root().iterdir() if (p / "manifest.toml").exists())
    assert packages == sorted(e.id for e in library.entries())
    assert library.default_rules_id == "hainan-2025"


def test_questionnaire_covers_every_subdomain_at_every_level(library: FormLibrary) -> None:
    form = library.maturity("cmmm-2020")
    assert (len(form.elements), len(form.domains), len(form.subdomains)) == (4, 12, 20)
    assert 250 <= len(form.requirements) <= 350
    cells = Counter((r.subdomain_id, r.level) for r in form.requirements)
    for sub in form.subdomains:
        for level in LEVELS:
            assert cells[(sub.id, level)] >= 2, (sub.id, level)
            for kind in IndustryType:
                assert any(
                    kind in r.applies_to
                    for r in form.requirements
                    if r.subdomain_id == sub.id and r.level == level
                ), (sub.id, level, kind)
    for r in form.requirements:
        assert r.text.zh and r.text.en and r.evidence.zh and r.evidence.en, r.id
        assert r.id.startswith(f"{r.subdomain_id}.L{r.level}."), r.id


def test_every_domain_weighs_the_same_by_default(library: FormLibrary) -> None:
    """Hand-computed: 12 equal domains, so 1/12 each; the 7 sub-domains of 生产 share theirs
    (1/84 each), the 2 of 设计 and 服务 theirs (1/24 each); the elements weigh nothing."""
    from factory_grader.domain.maturity_model import Grade
    from factory_grader.scoring.maturity import score_maturity

    form = library.maturity("cmmm-2020")
    for kind in IndustryType:
        every = {r.id: Grade.FULL for r in form.requirements}
        weights = score_maturity(form, kind, every).subdomain_weights
        for level in LEVELS:
            assert weights["procurement"][level - 1] == pytest.approx(1 / 84)
            assert weights["energy-management"][level - 1] == pytest.approx(1 / 84)
            assert weights["product-design"][level - 1] == pytest.approx(1 / 24)
            assert weights["customer-service"][level - 1] == pytest.approx(1 / 24)
            assert weights["org-strategy"][level - 1] == pytest.approx(1 / 12)
            assert weights["network"][level - 1] == pytest.approx(1 / 12)
            assert sum(w[level - 1] for w in weights.values()) == pytest.approx(1)
    assert "估计" in form.weights_note.zh and "estimate" in form.weights_note.en
    assert "不参与加权" in form.weights_note.zh


def test_scenario_catalogue(library: FormLibrary) -> None:
    cat = library.catalogue("scenarios-2025")
    assert (len(cat.links), len(cat.stages), len(cat.scenarios)) == (5, 8, 40)
    per_stage = Counter(s.stage_id for s in cat.scenarios)
    assert [per_stage[s.id] for s in cat.stages] == [3, 2, 2, 12, 10, 4, 3, 4]
    assert all("unconfirmed" in s.mapping_note for s in cat.stages)


def test_rule_sets_threshold_and_ai_share(library: FormLibrary) -> None:
    hainan, national = library.rules("hainan-2025"), library.rules("national-2025")
    assert [t.min_level for t in hainan.tiers] == [1, 2, 3, 4]
    assert [t.min_level for t in national.tiers] == [2, 2, 3, 4]
    for rs in (hainan, national):
        assert [t.id for t in rs.tiers] == ["basic", "advanced", "excellent", "leading"]
        assert [t.ai_share_min_percent for t in rs.tiers] == [0, 0, 20, 60]
        assert [len(t.required_links) for t in rs.tiers] == [1, 3, 5, 5]
        assert all(t.condition_ids for t in rs.tiers)
    assert "elig.tax-clearance" in hainan.eligibility_ids
    assert "elig.tax-clearance" not in national.eligibility_ids


def test_only_what_domain_facts_calls_official_is_marked_official(library: FormLibrary) -> None:
    official = set()
    # Hainan's plan states the ladder in its own words; the national text was not seen.
    assert library.rules("hainan-2025").ladder_provenance.confidence is Confidence.OFFICIAL
    assert library.rules("national-2025").ladder_provenance.confidence is Confidence.UNCONFIRMED
    for rs in (library.rules("hainan-2025"), library.rules("national-2025")):
        # which 环节 an item belongs to is this software's reading of the structure
        assert rs.content_links_provenance.confidence is Confidence.UNCONFIRMED
        for c in rs.conditions:
            assert c.provenance.source
            if c.provenance.confidence is Confidence.OFFICIAL:
                official.add((rs.id, c.id))
        for t in rs.tiers:
            if t.min_level_provenance.confidence is Confidence.OFFICIAL:
                official.add((rs.id, f"{t.id}.min_level"))
            assert t.links_provenance.confidence is not Confidence.OFFICIAL
            assert t.ai_share_provenance.confidence is not Confidence.OFFICIAL
    assert official == {
        ("hainan-2025", "elig.scale"),  # SMEs and 专精特新 may apply
        ("hainan-2025", "elig.compliance"),  # not on the lists at the time of application
        ("hainan-2025", "elig.no-major-accident"),
        ("hainan-2025", "elig.secure-controllable"),
        ("hainan-2025", "elig.organisation"),
        ("hainan-2025", "elig.tax-clearance"),
        ("hainan-2025", "basic.core-data-realtime"),
        ("hainan-2025", "basic.management-informatisation"),
        ("hainan-2025", "basic.min_level"),
        ("hainan-2025", "advanced.min_level"),
        ("hainan-2025", "excellent.min_level"),
        ("national-2025", "excellent.min_level"),
    }


def test_disclaimer_says_self_assessment_and_names_the_platform(library: FormLibrary) -> None:
    form = library.maturity("cmmm-2020")
    assert "自评" in form.disclaimer.zh and "公共服务平台" in form.disclaimer.zh
    assert "self-assessment" in form.disclaimer.en and "not the text" in form.disclaimer.en


def test_the_questionnaire_change_log_names_real_ids(library: FormLibrary) -> None:
    import tomllib

    form = library.maturity("cmmm-2020")
    log = tomllib.loads((forms_root() / "cmmm-2020" / "changes.toml").read_text(encoding="utf-8"))
    [release] = [r for r in log["release"] if r["version"] == form.version]
    listed = [*release["reworded"], *release["clarified"], *release["added"]]
    assert len(listed) == len(set(listed))  # each id in one list only
    assert all(form.requirement(rid) is not None for rid in listed)
    # the issue's own examples of statements at the wrong level were reworded
    for rid in ("org-strategy.L2.03", "safety-environment.L3.02", "equipment.L4.02"):
        assert rid in release["reworded"]
    assert "info-security.L4.04" in release["added"]  # a split half
