"""Broken forms data is refused with messages naming the file, the id and what is wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from factory_grader.domain.errors import FormError
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.locate import forms_root


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    target = tmp_path / "forms"
    shutil.copytree(forms_root(), target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(root: Path) -> str:
    with pytest.raises(FormError) as info:
        FormLibrary.load(root)
    return str(info.value)


def test_copy_loads_unchanged(forms: Path) -> None:
    assert FormLibrary.load(forms).maturity("cmmm-2020")


def test_duplicate_id_differing_only_in_case(forms: Path) -> None:
    edit(forms / "cmmm-2020/requirements/data.toml", 'id = "data.L1.02"', 'id = "DATA.L1.01"')
    msg = problems(forms)
    assert "forms/cmmm-2020/requirements/data.toml: DATA.L1.01: duplicate requirement id" in msg
    assert "also 'data.L1.01'" in msg


def test_unknown_reference(forms: Path) -> None:
    edit(forms / "cmmm-2020/manifest.toml", 'domain = "network"', 'domain = "netwrok"')
    assert "subdomain network: domain 'netwrok' is not defined" in problems(forms)


def test_weights_must_be_positive(forms: Path) -> None:
    edit(
        forms / "cmmm-2020/manifest.toml",
        "weight = { discrete = 1, process = 1 }",
        "weight = { discrete = -2, process = 1 }",
    )
    msg = problems(forms)
    assert "forms/cmmm-2020/manifest.toml: domain strategy:" in msg
    assert "weight for discrete must be a positive number, got -2" in msg


def test_every_cell_must_be_populated(forms: Path) -> None:
    path = forms / "cmmm-2020/requirements/sales.toml"
    text = path.read_text(encoding="utf-8")
    blocks = text.split("[[requirement]]")
    kept = [b for b in blocks if "level = 4" not in b]
    path.write_text("[[requirement]]".join(kept), encoding="utf-8")
    msg = problems(forms)
    assert "subdomain sales: level 4 has 0 requirement(s), needs at least 2" in msg


def test_bands_must_cover_zero_to_five(forms: Path) -> None:
    edit(forms / "cmmm-2020/manifest.toml", 'min = "1.80"', 'min = "1.90"')
    assert "bands must cover 0.00 to 5.00 without gaps or overlaps" in problems(forms)


def test_invalid_toml_names_file_line_and_column(forms: Path) -> None:
    edit(forms / "scenarios-2025/manifest.toml", 'kind = "scenarios"', 'kind = "scenarios')
    msg = problems(forms)
    assert msg.startswith("forms/scenarios-2025/manifest.toml: not valid TOML")
    assert re.search(r"line \d+, column \d+", msg)
    assert "is not defined" not in msg  # no follow-on noise from the rule sets using it


def test_tier_referencing_unknown_condition(forms: Path) -> None:
    rules = forms / "national-2025/manifest.toml"
    edit(rules, 'conditions = ["basic.core-data-realtime"', 'conditions = ["basic.core-data"')
    msg = problems(forms)
    assert (
        "forms/national-2025/manifest.toml: tier basic: condition 'basic.core-data' is not" in msg
    )


def test_an_element_weight_is_refused(forms: Path) -> None:
    """Elements only group domains: a weight there would suggest a weighting that is not done."""
    edit(forms / "cmmm-2020/manifest.toml", 'en = "Personnel"\n', 'en = "Personnel"\nweight = 2\n')
    assert "element personnel: an element has no weight" in problems(forms)


def test_a_condition_in_an_unknown_link(forms: Path) -> None:
    edit(forms / "national-2025/manifest.toml", 'link = "rd-design"', 'link = "rd-desing"')
    assert "basic.digital-design: 环节 'rd-desing' is not in scenarios-2025" in problems(forms)


def test_an_official_rule_needs_an_official_basis(forms: Path) -> None:
    edit(
        forms / "national-2025/manifest.toml",
        'ladder_provenance = { confidence = "unconfirmed"',
        'ladder_provenance = { confidence = "official"',
    )
    msg = problems(forms)
    assert "ladder_provenance: an official rule needs an official basis, not our-reading" in msg


def test_tier_referencing_unknown_link(forms: Path) -> None:
    rules = forms / "national-2025/manifest.toml"
    edit(rules, 'links = ["production-operation"]', 'links = ["production-operations"]')
    msg = problems(forms)
    assert (
        "forms/national-2025/manifest.toml: national-2025 1.1.0: tier basic: 环节"
        " 'production-operations' is not in scenarios-2025 1.0.0" in msg
    )


def test_exactly_one_default_rule_set(forms: Path) -> None:
    edit(forms / "national-2025/manifest.toml", 'kind = "rules"', 'kind = "rules"\ndefault = true')
    assert "exactly one rule set must say default = true" in problems(forms)


def test_bad_confidence_value(forms: Path) -> None:
    edit(forms / "hainan-2025/manifest.toml", 'confidence = "official"', 'confidence = "sure"')
    assert "provenance.confidence must be one of official, secondary, unconfirmed" in problems(
        forms
    )


def test_grade_values_must_rise(forms: Path) -> None:
    edit(forms / "cmmm-2020/manifest.toml", "most = 0.8", "most = 0.4")
    assert "values must rise strictly from none to full" in problems(forms)


def test_all_problems_reported_at_once(forms: Path) -> None:
    edit(forms / "cmmm-2020/manifest.toml", 'domain = "network"', 'domain = "x1"')
    edit(forms / "cmmm-2020/manifest.toml", 'domain = "sales"', 'domain = "x2"')
    msg = problems(forms)
    assert "'x1' is not defined" in msg and "'x2' is not defined" in msg


def test_missing_folder(tmp_path: Path) -> None:
    assert "the forms folder is missing" in problems(tmp_path / "nope")
