"""企业规模 from employees and revenue, by the national statistical rule for industry
(统计上大中小微型企业划分办法（2017）, 国统字〔2017〕213号, 工业): large, medium and small
must reach both lower limits, or fall a band; micro needs only one under small's limits."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from factory_grader.domain.text import Text

#: (size, the Chinese name stored in the profile, employees at least, revenue at least in 万元)
INDUSTRY_BANDS: tuple[tuple[str, int, int], ...] = (
    ("大型", 1000, 40000),
    ("中型", 300, 2000),
    ("小型", 20, 300),
)
MICRO = "微型"
SIZES: tuple[str, ...] = (*(band[0] for band in INDUSTRY_BANDS), MICRO)
SIZE_NAMES: dict[str, Text] = {
    "大型": Text("大型", "Large"),
    "中型": Text("中型", "Medium"),
    "小型": Text("小型", "Small"),
    "微型": Text("微型", "Micro"),
}
RULE = Text(
    "按国家统计局《统计上大中小微型企业划分办法（2017）》工业标准：大型需从业人员 ≥ 1000 人且"
    "营业收入 ≥ 40000 万元；中型 ≥ 300 人且 ≥ 2000 万元；小型 ≥ 20 人且 ≥ 300 万元；其余为微型",
    "By the national statistical rule for industry (2017): large needs at least 1,000 employees "
    "and revenue of at least 40,000 × 10,000 yuan; medium 300 and 2,000; small 20 and 300; "
    "the rest are micro",
)


def size_for(employees: int, revenue_wan: Decimal) -> str:
    """The size band (its Chinese name) of an industrial enterprise."""
    for name, least_employees, least_revenue in INDUSTRY_BANDS:
        if employees >= least_employees and revenue_wan >= least_revenue:
            return name
    return MICRO


def parse_employees(text: str) -> int | None:
    """A whole number of people ("420", "1,200", "1 200", full-width digits); None when it is
    not one."""
    cleaned = _cleaned(text)
    return int(cleaned) if cleaned is not None and cleaned.isdigit() else None


def parse_revenue(text: str) -> Decimal | None:
    """An amount in 万元 ("28000", "2,800.5", "28 000"); None when it is not a plain number of
    at least 0 (no exponent, no sign, no unit: "2.8亿" is not 万元)."""
    cleaned = _cleaned(text)
    if cleaned is None or not _PLAIN_NUMBER.fullmatch(cleaned):
        return None
    return Decimal(cleaned)


_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?")
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")


def _cleaned(text: str) -> str | None:
    """Full-width digits and commas made plain, spaces dropped; thousands separators only in
    their places ("1,2,3" is no number)."""
    plain = unicodedata.normalize("NFKC", text).replace(" ", "").strip()
    if not plain.isascii() or not _GROUPED.fullmatch(plain):
        return None
    return plain.replace(",", "")
