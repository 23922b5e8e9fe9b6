"""The short number a manager reads instead of a requirement id: sub-domain, level, place."""

from __future__ import annotations

from factory_grader.forms.library import FormLibrary
from factory_grader.wording import requirement_number


def test_numbers_count_within_a_sub_domain_and_level(library: FormLibrary) -> None:
    form = library.maturity("cmmm-2020")
    assert requirement_number(form, "org-strategy.L1.01", "zh") == "组织战略 1.1"
    assert requirement_number(form, "product-design.L1.03", "zh") == "产品设计 1.3"
    assert requirement_number(form, "product-design.L2.01", "zh") == "产品设计 2.1"
    assert requirement_number(form, "product-design.L2.01", "en") == "Product design 2.1"
    assert requirement_number(form, "no-such.L9.99", "zh") == "no-such.L9.99"
    # every requirement has its own number
    numbers = [requirement_number(form, r.id, "zh") for r in form.requirements]
    assert len(set(numbers)) == len(numbers)
