"""What a factory answered: one answer set, independent of where it is stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from factory_grader.domain.maturity_model import Grade, IndustryType
from factory_grader.domain.records import RequirementNote

#: The enterprise profile keys of a submission (domain-facts §7), in display order.
PROFILE_FIELDS: tuple[str, ...] = (
    "name",  # 企业名称
    "credit_code",  # 统一社会信用代码
    "address",  # 注册地址
    "city",  # 市县 (the Chinese name; free text when no code matched)
    "city_code",  # 行政区划代码 (GB/T 2260), forms/reference
    "industry",  # 所属行业
    "industry_code",  # GB/T 4754 code
    "size",  # 企业规模: 大型/中型/小型/微型 (domain.company_size), or as given
    "size_reason",  # why the size differs from the rule's (added 2026-12)
    "revenue_3y",  # 近3年营业收入 (text)
    "revenue",  # 上年度营业收入, 万元, a number (added 2026-12)
    "employees",  # 员工总数, people, a whole number
    "main_business",  # 主营业务/主导产品
    "contact",  # 联系人
    "phone",  # 电话
    "email",  # 邮箱
    "certifications",  # 资质荣誉: 高新技术企业, 专精特新, ISO 9001 …, earlier titles
)
#: Keys added after workbooks were first written: a workbook row (machine sheet, 封面) only
#: when the answers have one, so an earlier workbook keeps its hash and its cover.
LATER_PROFILE_FIELDS = frozenset({"city_code", "size_reason", "revenue"})


@dataclass(frozen=True, slots=True)
class ScenarioAnswer:
    built: bool = False
    ai: bool = False  # counts only when built
    instance: str = ""  # 实例: what was built, with what result


@dataclass(frozen=True)
class Answers:
    form_id: str
    rules_id: str
    industry_type: IndustryType
    profile: Mapping[str, str] = field(default_factory=dict)
    #: requirement id -> grade; None or a missing key means unanswered (scored as NONE, reported)
    requirements: Mapping[str, Grade | None] = field(default_factory=dict)
    scenarios: Mapping[str, ScenarioAnswer] = field(default_factory=dict)
    #: condition id -> holds?; None or missing means unanswered (counts as not met, reported)
    conditions: Mapping[str, bool | None] = field(default_factory=dict)
    #: requirement id -> comment and review flag (only requirements that have either)
    notes: Mapping[str, RequirementNote] = field(default_factory=dict)
    #: a named weight set of the form; None: the form's own weights (the default estimate)
    weights_id: str | None = None
    #: the versions the answers were made with (None: the current one, or not recorded)
    form_version: str | None = None
    rules_version: str | None = None
    catalogue_version: str | None = None

    def grade(self, requirement_id: str) -> Grade | None:
        return self.requirements.get(requirement_id)

    def scenario(self, scenario_id: str) -> ScenarioAnswer:
        return self.scenarios.get(scenario_id) or ScenarioAnswer()

    def with_grades(self, changes: Mapping[str, Grade | None]) -> Answers:
        """A copy with some requirement answers changed (the what-if entry point's input)."""
        merged = dict(self.requirements)
        merged.update(changes)
        return replace(self, requirements=merged)
