"""All forms data in one place: discover every package under forms/, load, cross-check."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from factory_grader.domain.answers import Answers
from factory_grader.domain.errors import FormError, InputError
from factory_grader.domain.maturity_model import MaturityForm
from factory_grader.domain.rules import RuleSet
from factory_grader.domain.scenarios import ScenarioCatalogue
from factory_grader.domain.text import Text
from factory_grader.forms.locate import forms_root
from factory_grader.forms.maturity_loader import load_maturity
from factory_grader.forms.reader import digest_of, read_toml
from factory_grader.forms.rules_loader import load_rules
from factory_grader.forms.scenarios_loader import load_scenarios

MANIFEST = "manifest.toml"
#: older shipped versions of a package live in <package>/archive/<version>/, read-only: an
#: assessment made with one is rescored with it, years later
ARCHIVE = "archive"
CHANGES = "changes.toml"  # what each release changed, for assessments moving to it


@dataclass(frozen=True, slots=True)
class FormInfo:
    kind: str  # maturity | scenarios | rules
    id: str
    version: str
    name: Text
    digest: str
    default: bool
    current: bool = True  # False: an archived version, kept for assessments made with it


class FormLibrary:
    def __init__(
        self,
        maturity: dict[str, dict[str, MaturityForm]],
        catalogues: dict[str, dict[str, ScenarioCatalogue]],
        rules: dict[str, dict[str, RuleSet]],
        current: dict[str, str],
        default_rules_id: str,
        reworded: dict[str, list[tuple[str, tuple[str, ...]]]] | None = None,
    ) -> None:
        # id -> version -> item, and id -> the current version (ids are unique across kinds)
        self._maturity = maturity
        self._catalogues = catalogues
        self._rules = rules
        self._current = current
        self.default_rules_id = default_rules_id
        self._reworded = reworded or {}  # id -> [(release version, reworded ids)] (changes.toml)

    @classmethod
    def load(cls, root: Path | None = None) -> FormLibrary:
        root = root or forms_root()
        if not root.is_dir():
            raise FormError([f"{root}: the forms folder is missing"])
        problems: list[str] = []
        tables: dict[str, dict[str, dict[str, Any]]] = {
            "maturity": {},
            "scenarios": {},
            "rules": {},
        }
        current: dict[str, str] = {}
        reworded: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        defaults: list[str] = []
        seen: dict[str, str] = {}
        failed: set[str] = set()  # ids that did not load: no follow-on noise
        for package in sorted(p for p in root.iterdir() if (p / MANIFEST).is_file()):
            display = _display(package / MANIFEST, root)
            try:
                kind, item = _load_version(package, package, root)
            except FormError as exc:
                problems.extend(exc.problems)
                failed.add(package.name)
                continue
            if item.id.casefold() in seen:
                problems.append(
                    f"{display}: {item.id}: id already used by {seen[item.id.casefold()]}"
                )
                continue
            seen[item.id.casefold()] = display
            tables[kind][item.id] = {item.version: item}
            current[item.id] = item.version
            if (package / CHANGES).is_file():
                reworded[item.id] = _reworded(
                    package / CHANGES, _display(package / CHANGES, root), problems
                )
            if kind == "rules" and read_toml(package / MANIFEST, display).get("default") is True:
                defaults.append(item.id)
            for old in sorted(p for p in (package / ARCHIVE).glob("*") if (p / MANIFEST).is_file()):
                old_display = _display(old / MANIFEST, root)
                try:
                    old_kind, old_item = _load_version(old, package, root)
                except FormError as exc:
                    problems.extend(exc.problems)
                    continue
                if (old_kind, old_item.id, old_item.version) != (kind, item.id, old.name):
                    problems.append(
                        f"{old_display}: an archived version must be {kind} '{item.id}'"
                        f" version '{old.name}' (its folder), got {old_kind} '{old_item.id}'"
                        f" version '{old_item.version}'"
                    )
                elif old_item.version == item.version:
                    problems.append(f"{old_display}: version {old.name} is also the current one")
                else:
                    tables[kind][item.id][old_item.version] = old_item
        maturity = tables["maturity"]
        catalogues = tables["scenarios"]
        rules = tables["rules"]
        for rid, versions in rules.items():
            for rs in versions.values():
                if not {rs.form_id, rs.scenarios_id} & failed:
                    _cross_check(rs, seen[rid.casefold()], maturity, catalogues, problems)
        if len(defaults) != 1 and not failed:
            problems.append(
                f"{root}: exactly one rule set must say default = true, found {defaults}"
            )
        if problems:
            raise FormError(problems)
        return cls(maturity, catalogues, rules, current, defaults[0], reworded)

    # --- look-ups by id and version (None: the current version) ------------------------------

    def maturity(self, form_id: str, version: str | None = None) -> MaturityForm:
        return _pick(self._maturity, self._current, form_id, version, "form")

    def catalogue(self, catalogue_id: str, version: str | None = None) -> ScenarioCatalogue:
        return _pick(self._catalogues, self._current, catalogue_id, version, "scenario catalogue")

    def rules(self, rules_id: str, version: str | None = None) -> RuleSet:
        return _pick(self._rules, self._current, rules_id, version, "rule set")

    def has(self, ident: str, version: str) -> bool:
        return any(
            version in t.get(ident, {}) for t in (self._maturity, self._catalogues, self._rules)
        )

    def current_version(self, ident: str) -> str:
        return self._current[ident]

    def reworded_between(self, ident: str, old: str, new: str) -> tuple[str, ...]:
        """Ids whose statement asks something else in a release after old up to new (an answer
        given to the old text must be looked at again), from the package's changes.toml."""
        lo, hi = version_key(old), version_key(new)
        out: list[str] = []
        for version, ids in self._reworded.get(ident, []):
            if lo < version_key(version) <= hi:
                out += [i for i in ids if i not in out]
        return tuple(out)

    # --- what an answer set was made with (a version this app lacks: the current one) --------

    def form_for(self, answers: Answers) -> MaturityForm:
        return self.maturity(
            answers.form_id, self.known_version(answers.form_id, answers.form_version)
        )

    def rules_for(self, answers: Answers) -> RuleSet:
        return self.rules(
            answers.rules_id, self.known_version(answers.rules_id, answers.rules_version)
        )

    def catalogue_for(self, answers: Answers) -> ScenarioCatalogue:
        cid = self.rules_for(answers).scenarios_id
        return self.catalogue(cid, self.known_version(cid, answers.catalogue_version))

    def known_version(self, ident: str, version: str | None) -> str | None:
        """version when this app has it, else None (the current one is used, and said)."""
        return version if version is not None and self.has(ident, version) else None

    def entries(self, archived: bool = False) -> list[FormInfo]:
        """The current version of each package (archived=True: every version, newest first)."""
        out: list[FormInfo] = []
        for kind, table in (
            ("maturity", self._maturity),
            ("scenarios", self._catalogues),
            ("rules", self._rules),
        ):
            for ident, versions in table.items():
                now = self._current[ident]
                shown = sorted(versions, key=version_key, reverse=True) if archived else [now]
                for version in shown:
                    item: Any = versions[version]
                    out.append(
                        FormInfo(
                            kind,
                            ident,
                            version,
                            item.name,
                            item.digest,
                            kind == "rules" and ident == self.default_rules_id and version == now,
                            version == now,
                        )
                    )
        return out

    def any_by_id(
        self, ident: str, version: str | None = None
    ) -> MaturityForm | ScenarioCatalogue | RuleSet:
        if ident in self._maturity:
            return self.maturity(ident, version)
        if ident in self._catalogues:
            return self.catalogue(ident, version)
        if ident in self._rules:
            return self.rules(ident, version)
        known = ", ".join(e.id for e in self.entries())
        raise InputError(f"unknown form id '{ident}' (known: {known})")


def version_key(version: str) -> tuple[int, ...]:
    """'1.10.0' after '1.9.0'; anything not numeric sorts first."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (-1,)


def _reworded(path: Path, display: str, problems: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """[(release version, reworded ids)] from a changes.toml (not part of any digest)."""
    try:
        releases = read_toml(path, display).get("release", [])
    except FormError as exc:
        problems.extend(exc.problems)
        return []
    out = []
    if not isinstance(releases, list) or not all(isinstance(r, dict) for r in releases):
        problems.append(f"{display}: 'release' must be an array of tables ([[release]])")
        return []
    for release in releases:
        version, ids = release.get("version"), release.get("reworded", [])
        if not isinstance(version, str) or not isinstance(ids, list):
            problems.append(f"{display}: each [[release]] needs version and a reworded list")
            continue
        out.append((version, tuple(str(i) for i in ids)))
    return out


def _load_version(
    folder: Path, package: Path, root: Path
) -> tuple[str, MaturityForm | ScenarioCatalogue | RuleSet]:
    """One version of a package. Its digest names the files as shipped (forms/<package>/…),
    whatever the folder is called here and wherever the version now lives, so a copy of the
    forms, an installed wheel and an archived version all give the digest they shipped with."""
    display = _display(folder / MANIFEST, root)
    manifest = read_toml(folder / MANIFEST, display)

    def shipped(path: Path) -> str:
        return f"forms/{package.name}/{path.relative_to(folder).as_posix()}"

    kind = manifest.get("kind")
    if kind == "maturity":
        files = sorted((folder / "requirements").glob("*.toml"))
        parts = {_display(p, root): read_toml(p, _display(p, root)) for p in files}
        as_shipped = {shipped(folder / MANIFEST): manifest}
        as_shipped.update({shipped(p): parts[_display(p, root)] for p in files})
        return kind, load_maturity(manifest, parts, display, digest_of(as_shipped))
    digest = digest_of({shipped(folder / MANIFEST): manifest})
    if kind == "scenarios":
        return kind, load_scenarios(manifest, display, digest)
    if kind == "rules":
        return kind, load_rules(manifest, display, digest)
    raise FormError([f"{display}: kind must be maturity, scenarios or rules"])


T = TypeVar("T")


def _pick(
    table: dict[str, dict[str, T]],
    current: dict[str, str],
    ident: str,
    version: str | None,
    what: str,
) -> T:
    if ident not in table:
        known = ", ".join(sorted(table)) or "none"
        raise InputError(f"unknown {what} '{ident}' (known: {known})")
    versions = table[ident]
    wanted = current[ident] if version is None else version
    if wanted not in versions:
        known = ", ".join(sorted(versions, key=version_key))
        raise InputError(f"{what} '{ident}' has no version {wanted} here (known: {known})")
    return versions[wanted]


def _display(path: Path, root: Path) -> str:
    return str(Path(root.name) / path.relative_to(root))


def _cross_check(
    rs: RuleSet,
    display: str,
    maturity: dict[str, dict[str, MaturityForm]],
    catalogues: dict[str, dict[str, ScenarioCatalogue]],
    problems: list[str],
) -> None:
    """A rule set against every version of its form and catalogue: ids are never removed, so
    any pairing an assessment can hold must fit."""
    where = f"{display}: {rs.id} {rs.version}"
    if rs.form_id not in maturity:
        problems.append(f"{where}: form '{rs.form_id}' is not defined")
    if rs.scenarios_id not in catalogues:
        problems.append(f"{where}: scenario catalogue '{rs.scenarios_id}' is not defined")
        return
    for catalogue in catalogues[rs.scenarios_id].values():
        link_ids = {link.id for link in catalogue.links}
        cat = f"{catalogue.id} {catalogue.version}"
        for tier in rs.tiers:
            for link in tier.required_links:
                if link not in link_ids:
                    problems.append(f"{where}: tier {tier.id}: 环节 '{link}' is not in {cat}")
        for condition in rs.conditions:
            if condition.link is not None and condition.link not in link_ids:
                problems.append(f"{where}: {condition.id}: 环节 '{condition.link}' is not in {cat}")
    for form in maturity.get(rs.form_id, {}).values():
        levels = {b.level for b in form.bands}
        for tier in rs.tiers:
            if tier.min_level not in levels:
                problems.append(
                    f"{where}: tier {tier.id}: level {tier.min_level} has no band in"
                    f" {form.id} {form.version}"
                )


@functools.cache
def shared_library() -> FormLibrary:
    """The default forms, loaded once per process (each worker of compare and demo)."""
    return FormLibrary.load()
