"""All forms data in one place: discover every package under forms/, load, cross-check."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from factory_grader.domain.errors import FormError, InputError
from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.domain.text import Text
from factory_grader.forms.locate import forms_root
from factory_grader.forms.maturity_loader import load_maturity
from factory_grader.forms.reader import read_toml
from factory_grader.forms.rules_loader import load_rules
from factory_grader.forms.scenarios_loader import load_scenarios

MANIFEST = "manifest.toml"


@dataclass(frozen=True, slots=True)
class FormInfo:
    kind: str  # maturity | scenarios | rules
    id: str
    version: str
    name: Text
    digest: str
    default: bool


class FormLibrary:
    def __init__(
        self,
        maturity: dict[str, MaturityForm],
        catalogues: dict[str, ScenarioCatalogue],
        rules: dict[str, RuleSet],
        default_rules_id: str,
    ) -> None:
        self._maturity = maturity
        self._catalogues = catalogues
        self._rules = rules
        self.default_rules_id = default_rules_id

    @classmethod
    def load(cls, root: Path | None = None) -> FormLibrary:
        root = root or forms_root()
        if not root.is_dir():
            raise FormError([f"{root}: the forms folder is missing"])
        problems: list[str] = []
        maturity: dict[str, MaturityForm] = {}
        catalogues: dict[str, ScenarioCatalogue] = {}
        rules: dict[str, RuleSet] = {}
        defaults: list[str] = []
        seen: dict[str, str] = {}
        failed: set[str] = set()  # package folders that did not load: no follow-on noise
        for package in sorted(p for p in root.iterdir() if (p / MANIFEST).is_file()):
            display = _display(package / MANIFEST, root)
            try:
                manifest = read_toml(package / MANIFEST, display)
                kind = manifest.get("kind")
                if kind == "maturity":
                    parts = {
                        _display(p, root): read_toml(p, _display(p, root))
                        for p in sorted((package / "requirements").glob("*.toml"))
                    }
                    item: Any = load_maturity(manifest, parts, display)
                    maturity[item.id] = item
                elif kind == "scenarios":
                    item = load_scenarios(manifest, display)
                    catalogues[item.id] = item
                elif kind == "rules":
                    item = load_rules(manifest, display)
                    rules[item.id] = item
                    if manifest.get("default") is True:
                        defaults.append(item.id)
                else:
                    problems.append(f"{display}: kind must be maturity, scenarios or rules")
                    continue
            except FormError as exc:
                problems.extend(exc.problems)
                failed.add(package.name)
                continue
            if item.id.casefold() in seen:
                problems.append(
                    f"{display}: {item.id}: id already used by {seen[item.id.casefold()]}"
                )
            seen[item.id.casefold()] = display
        for rs in rules.values():
            if not {rs.form_id, rs.scenarios_id} & failed:
                _cross_check(rs, seen[rs.id.casefold()], maturity, catalogues, problems)
        if len(defaults) != 1 and not failed:
            problems.append(
                f"{root}: exactly one rule set must say default = true, found {defaults}"
            )
        if problems:
            raise FormError(problems)
        return cls(maturity, catalogues, rules, defaults[0])

    def maturity(self, form_id: str) -> MaturityForm:
        return _pick(self._maturity, form_id, "form")

    def catalogue(self, catalogue_id: str) -> ScenarioCatalogue:
        return _pick(self._catalogues, catalogue_id, "scenario catalogue")

    def rules(self, rules_id: str) -> RuleSet:
        return _pick(self._rules, rules_id, "rule set")

    def entries(self) -> list[FormInfo]:
        out = [
            FormInfo("maturity", f.id, f.version, f.name, f.digest, False)
            for f in self._maturity.values()
        ]
        out += [
            FormInfo("scenarios", c.id, c.version, c.name, c.digest, False)
            for c in self._catalogues.values()
        ]
        out += [
            FormInfo("rules", r.id, r.version, r.name, r.digest, r.id == self.default_rules_id)
            for r in self._rules.values()
        ]
        return out

    def any_by_id(self, ident: str) -> MaturityForm | ScenarioCatalogue | RuleSet:
        for table in (self._maturity, self._catalogues, self._rules):
            if ident in table:
                return table[ident]
        known = ", ".join(e.id for e in self.entries())
        raise InputError(f"unknown form id '{ident}' (known: {known})")


T = TypeVar("T")


def _pick(table: dict[str, T], ident: str, what: str) -> T:
    if ident not in table:
        known = ", ".join(sorted(table)) or "none"
        raise InputError(f"unknown {what} '{ident}' (known: {known})")
    return table[ident]


def _display(path: Path, root: Path) -> str:
    return str(Path(root.name) / path.relative_to(root))


def _cross_check(
    rs: RuleSet,
    display: str,
    maturity: dict[str, MaturityForm],
    catalogues: dict[str, ScenarioCatalogue],
    problems: list[str],
) -> None:
    where = f"{display}: {rs.id}"
    if rs.form_id not in maturity:
        problems.append(f"{where}: form '{rs.form_id}' is not defined")
    catalogue = catalogues.get(rs.scenarios_id)
    if catalogue is None:
        problems.append(f"{where}: scenario catalogue '{rs.scenarios_id}' is not defined")
        return
    link_ids = {link.id for link in catalogue.links}
    for tier in rs.tiers:
        for link in tier.required_links:
            if link not in link_ids:
                problems.append(f"{where}: tier {tier.id}: 环节 '{link}' is not in {catalogue.id}")
    for condition in rs.conditions:
        if condition.link is not None and condition.link not in link_ids:
            problems.append(
                f"{where}: {condition.id}: 环节 '{condition.link}' is not in {catalogue.id}"
            )
    form = maturity.get(rs.form_id)
    if form:
        levels = {b.level for b in form.bands}
        for tier in rs.tiers:
            if tier.min_level not in levels:
                problems.append(f"{where}: tier {tier.id}: level {tier.min_level} has no band")


@functools.cache
def shared_library() -> FormLibrary:
    """The default forms, loaded once per process (each worker of compare and demo)."""
    return FormLibrary.load()
