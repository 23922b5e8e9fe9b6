"""Pick lists for the enterprise profile: GB/T 4754 manufacturing divisions, Hainan's cities and
counties with their 行政区划代码. Assessments store the codes; the names are for showing, in
either language, so a value never depends on the language the UI had when it was entered."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from factory_grader.domain.text import Lang, Text
from factory_grader.forms.locate import forms_root
from factory_grader.forms.reader import read_toml

FILE = "reference/profile-lists.toml"


@dataclass(frozen=True, slots=True)
class Industry:
    code: str  # GB/T 4754 division, e.g. C34
    name: Text


@dataclass(frozen=True, slots=True)
class City:
    code: str  # 行政区划代码 (GB/T 2260), e.g. 460100
    name: Text


@dataclass(frozen=True, slots=True)
class ProfileLists:
    industries: tuple[Industry, ...]
    cities: tuple[City, ...]

    def city(self, code: str) -> City | None:
        return next((c for c in self.cities if c.code == code), None)

    def industry(self, code: str) -> Industry | None:
        return next((i for i in self.industries if i.code == code), None)

    def city_code_for(self, text: str) -> str | None:
        """The code of a city named in either language ("海口市", "海口", "Haikou", "haikou city")
        or given by its code; None when it is none of the list's."""
        key = _key(text)
        for c in self.cities:
            names = {_key(c.code), _key(c.name.zh), _key(c.name.en), _key(c.name.en + " city")}
            names.add(_key(re.sub("(市|县)$", "", c.name.zh)))
            if key in names:
                return c.code
        return None

    def industry_code_for(self, text: str) -> str | None:
        """The code of a GB/T 4754 division named in either language, or given as "C34" / "34"
        or "C34 通用设备制造业"; None when it is none of the list's."""
        key = _key(text)
        for i in self.industries:
            names = {_key(i.code), _key(i.code[1:]), _key(i.name.zh), _key(i.name.en)}
            names |= {_key(f"{i.code} {i.name.zh}"), _key(f"{i.code} {i.name.en}")}
            if key in names:
                return i.code
        return None

    def normalised(self, profile: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
        """The profile with city and industry stored by code (and the Chinese name beside it,
        the data's own language); a field whose text matches no code, or whose code is not in
        the list, is kept exactly as given and returned as unrecognised (flagged)."""
        out = dict(profile)
        unrecognised: list[str] = []
        for field, code_field, code_for, find in (
            ("city", "city_code", self.city_code_for, self.city),
            ("industry", "industry_code", self.industry_code_for, self.industry),
        ):
            given = (out.get(code_field) or "").strip()
            item = find(given) if given else None
            if item is None and not given:
                found = code_for(out.get(field) or "")
                item = find(found) if found else None
            if item is not None:
                out[code_field], out[field] = item.code, item.name.zh
            elif given or (out.get(field) or "").strip():
                unrecognised.append(field)  # kept exactly as given
        return out, unrecognised

    def shown(self, profile: Mapping[str, str], field: str, lang: Lang) -> str:
        """A profile's city or industry as a reader of lang says it (the typed text if free)."""
        code = profile.get(f"{field}_code") or ""
        item = self.city(code) if field == "city" else self.industry(code)
        return item.name.get(lang) if item is not None else (profile.get(field) or "")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def load_profile_lists(root: Path | None = None) -> ProfileLists:
    data = read_toml((root or forms_root()) / FILE, f"forms/{FILE}")
    return ProfileLists(
        tuple(Industry(i["code"], Text(i["zh"], i["en"])) for i in data.get("industry", [])),
        tuple(City(c["code"], Text(c["zh"], c["en"])) for c in data.get("city", [])),
    )


@functools.cache
def shared_profile_lists() -> ProfileLists:
    """The default lists, loaded once per process."""
    return load_profile_lists()
