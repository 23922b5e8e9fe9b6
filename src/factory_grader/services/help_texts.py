"""The in-app help: the manual (one Markdown file per language) and the glossary (one TOML file,
both languages), read from the app's resources folder. The results page's "?" explanations are
glossary entries, so a term is explained in one place."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from factory_grader.domain.text import Lang, Text


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    name: Text
    explanation: Text


def load_glossary(resources: Path) -> tuple[Term, ...]:
    """Every glossary entry, in the file's order."""
    with (resources / "help" / "glossary.toml").open("rb") as f:
        data = tomllib.load(f)
    return tuple(
        Term(t["id"], Text(t["zh_term"], t["en_term"]), Text(t["zh"], t["en"]))
        for t in data["term"]
    )


def manual_text(resources: Path, lang: Lang) -> str:
    """The manual in Markdown, in the language asked for."""
    return (resources / "help" / f"manual.{lang}.md").read_text(encoding="utf-8")
