"""Typical scenarios (智能制造典型场景) and the five 环节 the tiers are judged on."""

from __future__ import annotations

from dataclasses import dataclass, field

from factory_grader.domain.text import Text


@dataclass(frozen=True, slots=True)
class Link:
    """One of the five tier 环节: 工厂建设, 研发设计, 生产作业, 生产管理, 运营管理."""

    id: str
    name: Text


@dataclass(frozen=True, slots=True)
class Stage:
    """One of the guide's 8 环节; maps onto one tier Link (the mapping is data)."""

    id: str
    name: Text
    link_id: str
    mapping_note: str


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    stage_id: str
    name: Text
    description: Text


@dataclass(frozen=True, eq=False)
class ScenarioCatalogue:
    id: str
    version: str
    name: Text
    digest: str
    links: tuple[Link, ...]
    stages: tuple[Stage, ...]
    scenarios: tuple[Scenario, ...]
    _stages: dict[str, Stage] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_stages", {s.id: s for s in self.stages})

    def stage(self, stage_id: str) -> Stage:
        return self._stages[stage_id]

    def scenario(self, scenario_id: str) -> Scenario:
        return next(s for s in self.scenarios if s.id == scenario_id)

    def link(self, link_id: str) -> Link:
        return next(x for x in self.links if x.id == link_id)

    def link_of(self, scenario: Scenario) -> str:
        return self._stages[scenario.stage_id].link_id
