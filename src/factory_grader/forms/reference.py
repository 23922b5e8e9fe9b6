"""Pick lists for the enterprise profile: GB/T 4754 manufacturing divisions, Hainan's cities."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factory_grader.domain.text import Text
from factory_grader.forms.locate import forms_root
from factory_grader.forms.reader import read_toml

FILE = "reference/profile-lists.toml"


@dataclass(frozen=True, slots=True)
class Industry:
    code: str  # GB/T 4754 division, e.g. C34
    name: Text


@dataclass(frozen=True, slots=True)
class ProfileLists:
    industries: tuple[Industry, ...]
    cities: tuple[Text, ...]


def load_profile_lists(root: Path | None = None) -> ProfileLists:
    data = read_toml((root or forms_root()) / FILE, f"forms/{FILE}")
    return ProfileLists(
        tuple(Industry(i["code"], Text(i["zh"], i["en"])) for i in data.get("industry", [])),
        tuple(Text(c["zh"], c["en"]) for c in data.get("city", [])),
    )
