"""Typed reads from parsed TOML that collect problems instead of stopping at the first."""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from factory_grader.domain.errors import FormError
from factory_grader.domain.maturity_model import IndustryType
from factory_grader.domain.rules import Basis, Confidence, Provenance
from factory_grader.domain.text import Text
from factory_grader.scoring.rounding import parse_hundredths

E = TypeVar("E", bound=StrEnum)


def read_toml(path: Path, display: str) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise FormError([f"{display}: not valid TOML: {exc}"]) from None
    except OSError as exc:
        raise FormError([f"{display}: cannot be read: {exc.strerror}"]) from None


def digest_of(parsed: dict[str, dict[str, Any]]) -> str:
    """SHA-256 over the parsed content (not bytes), so line endings or comments don't change it."""
    canonical = json.dumps(parsed, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Reader:
    """Reads fields from one TOML table, recording '<file>: <id>: <what is wrong>' problems."""

    def __init__(self, problems: list[str], file: str) -> None:
        self.problems = problems
        self.file = file

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.file}: {where}: {message}")

    def string(
        self, table: dict[str, Any], key: str, where: str, default: str | None = None
    ) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"'{key}' must be a non-empty string")
            return ""
        return value

    def integer(self, table: dict[str, Any], key: str, where: str, lo: int, hi: int) -> int:
        value = table.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            self.problem(where, f"'{key}' must be a whole number from {lo} to {hi}, got {value!r}")
            return lo
        return value

    def number(self, table: dict[str, Any], key: str, where: str) -> float:
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f"'{key}' must be a number, got {value!r}")
            return 0.0
        return float(value)

    def hundredths(self, table: dict[str, Any], key: str, where: str) -> int:
        value = table.get(key)
        try:
            return parse_hundredths(value if isinstance(value, str) else "")
        except ValueError:
            self.problem(where, f"'{key}' must be a string like \"0.80\", got {value!r}")
            return 0

    def text(self, table: dict[str, Any], where: str, prefix: str = "") -> Text:
        return Text(
            self.string(table, f"{prefix}zh", where), self.string(table, f"{prefix}en", where)
        )

    def name(self, table: dict[str, Any], where: str) -> Text:
        value = table.get("name")
        if not isinstance(value, dict):
            self.problem(where, "'name' must be a table with zh and en")
            return Text("", "")
        return self.text(value, where)

    def str_list(self, table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(where, f"'{key}' must be a list of strings")
            return ()
        return tuple(value)

    def tables(self, table: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(where, f"'{key}' must be an array of tables ([[{key}]])")
            return []
        return value

    def weights(self, table: dict[str, Any], where: str) -> dict[IndustryType, float]:
        value = table.get("weight")
        out: dict[IndustryType, float] = {}
        if not isinstance(value, dict):
            self.problem(where, "'weight' must be a table {discrete = …, process = …}")
            return {t: 1.0 for t in IndustryType}
        for kind in IndustryType:
            w = value.get(kind.value)
            if isinstance(w, bool) or not isinstance(w, int | float) or w <= 0:
                self.problem(where, f"weight for {kind.value} must be a positive number, got {w!r}")
                w = 1.0
            out[kind] = float(w)
        return out

    def choice(self, value: Any, kind: type[E], default: E, what: str, where: str) -> E:
        """value as a member of the enum kind, or a problem naming the allowed values."""
        try:
            return kind(str(value))
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            self.problem(where, f"{what} must be one of {allowed}, got {value!r}")
            return default

    def provenance(self, table: dict[str, Any], key: str, where: str) -> Provenance:
        value = table.get(key)
        if not isinstance(value, dict):
            self.problem(where, f"'{key}' must be a table {{confidence = …, source = …}}")
            return Provenance(Confidence.UNCONFIRMED, "")
        confidence = self.choice(
            value.get("confidence"), Confidence, Confidence.UNCONFIRMED, f"{key}.confidence", where
        )
        basis = self.choice(value.get("basis"), Basis, Basis.OUR_READING, f"{key}.basis", where)
        if confidence is Confidence.OFFICIAL and basis in (
            Basis.OUR_READING,
            Basis.NATIONAL_TRANSCRIPTION,
        ):
            self.problem(where, f"{key}: an official rule needs an official basis, not {basis}")
        return Provenance(confidence, self.string(value, "source", f"{where}.{key}"), basis)


def check_unique(reader: Reader, ids: list[tuple[str, str]], what: str) -> None:
    """ids: (id, file) pairs. Ids must be unique ignoring case, so no two differ by case only."""
    seen: dict[str, tuple[str, str]] = {}
    for ident, file in ids:
        key = ident.casefold()
        if key in seen:
            first_id, first_file = seen[key]
            reader.problems.append(
                f"{file}: {ident}: duplicate {what} id (also '{first_id}' in {first_file})"
            )
        else:
            seen[key] = (ident, file)


def check_parents(
    reader: Reader,
    parents: Sequence[Any],
    children: Sequence[Any],
    parent_of: Callable[[Any], str],
    kinds: tuple[str, str],
    childless: bool = True,
) -> None:
    """Each child names a parent that is defined, and (childless) each parent has a child:
    kinds is (parent kind, child kind) for the messages, e.g. ("domain", "subdomain")."""
    parent_kind, child_kind = kinds
    parent_ids = {p.id for p in parents}
    for child in children:
        if parent_of(child) not in parent_ids:
            reader.problem(
                f"{child_kind} {child.id}", f"{parent_kind} '{parent_of(child)}' is not defined"
            )
    if childless:
        having = {parent_of(child) for child in children}
        for parent in parents:
            if parent.id not in having:
                reader.problem(f"{parent_kind} {parent.id}", f"has no {child_kind}")
