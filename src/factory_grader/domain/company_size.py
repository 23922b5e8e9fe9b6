"""企业规模 from employees and revenue, by the national statistical rule for industry
(统计上大中小微型企业划分办法（2017）, 国统字〔2017〕213号, 工业): large, medium and small
must reach both lower limits, or fall a band; micro needs only one under small's limits."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

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
    """A whole number of people ("420", "1,200"); None when it is not one."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    return int(cleaned) if cleaned.isascii() and cleaned.isdigit() else None


def parse_revenue(text: str) -> Decimal | None:
    """An amount in 万元 ("28000", "2,800.5"); None when it is not a number of at least 0."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None
