"""企业规模 by the national statistical rule for industry (2017): large ≥ 1000 people and
≥ 40000 万元, medium ≥ 300 and ≥ 2000, small ≥ 20 and ≥ 300, else micro; each band needs both
lower limits, or falls a band. Cases worked out by hand at every edge."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factory_grader.domain.company_size import parse_employees, parse_revenue, size_for


@pytest.mark.parametrize(
    ("employees", "revenue", "size"),
    [
        (1000, "40000", "大型"),
        (999, "40000", "中型"),  # one person short of large
        (1000, "39999.99", "中型"),  # a fraction short of large
        (5000, "1000000", "大型"),
        (300, "2000", "中型"),
        (300, "1999", "小型"),
        (299, "100000", "小型"),  # many 万元 but few people: not medium
        (20, "300", "小型"),
        (19, "100000", "微型"),
        (5000, "299", "微型"),  # many people, little revenue: micro
        (0, "0", "微型"),
    ],
)
def test_size_by_the_rule(employees: int, revenue: str, size: str) -> None:
    assert size_for(employees, Decimal(revenue)) == size


@pytest.mark.parametrize(
    ("text", "value"),
    [("420", 420), ("1,200", 1200), (" 35 ", 35), ("1 200", 1200), ("１２００", 1200),
     ("12.5", None), ("-3", None), ("abc", None), ("", None), ("٤٢", None), ("1,2,3", None),
     ("1_000", None), ("约420人", None)],
)  # fmt: skip
def test_employees_are_a_whole_number(text: str, value: int | None) -> None:
    assert parse_employees(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("28000", Decimal("28000")), ("2,800.5", Decimal("2800.5")), ("0", Decimal("0")),
     ("28 000", Decimal("28000")), ("２８０００", Decimal("28000")),
     ("-5", None), ("-0", None), ("NaN", None), ("Infinity", None), ("2.8亿", None), ("", None),
     ("1e3", None), ("1E+400", None), ("1_000", None), ("1,2,3", None)],
)  # fmt: skip
def test_revenue_is_an_amount_in_wan(text: str, value: Decimal | None) -> None:
    assert parse_revenue(text) == value
