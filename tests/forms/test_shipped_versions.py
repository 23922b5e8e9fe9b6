"""A shipped version of a questionnaire, catalogue or rule set never changes, and stays: its
digest is registered in forms/shipped.toml, and it is the same whatever the forms folder is
called or where the version now lives (an installed wheel keeps them in _forms/)."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from factory_grader.domain.errors import FormError
from factory_grader.forms.library import FormLibrary
from factory_grader.forms.locate import forms_root


def registry() -> dict[tuple[str, str, str], str]:
    data = tomllib.loads((forms_root() / "shipped.toml").read_text(encoding="utf-8"))
    return {(s["kind"], s["id"], s["version"]): s["digest"] for s in data["shipped"]}


def test_every_version_here_is_registered_with_its_digest(library: FormLibrary) -> None:
    loaded = {(e.kind, e.id, e.version): e.digest for e in library.entries(archived=True)}
    # changed in place without a new version, or a new version not yet registered: both fail
    assert loaded == registry()


def test_digests_do_not_depend_on_the_folder_name(tmp_path: Path, library: FormLibrary) -> None:
    copy = tmp_path / "_forms"  # as inside an installed wheel
    shutil.copytree(forms_root(), copy)
    moved = {(e.id, e.version): e.digest for e in FormLibrary.load(copy).entries()}
    assert moved == {(e.id, e.version): e.digest for e in library.entries()}


def _archive(forms: Path, package: str) -> Path:
    """Keep the package's current version under archive/<version>/, as a release does."""
    manifest = forms / package / "manifest.toml"
    version = tomllib.loads(manifest.read_text(encoding="utf-8"))["version"]
    target = forms / package / "archive" / version
    target.mkdir(parents=True)
    shutil.copy(manifest, target / "manifest.toml")
    return target


def test_an_archived_version_keeps_its_shipped_digest(tmp_path: Path, library: FormLibrary) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_root(), forms)
    _archive(forms, "hainan-2025")
    manifest = forms / "hainan-2025" / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('version = "1.1.0"', 'version = "1.2.0"', 1), "utf-8")
    lib = FormLibrary.load(forms)
    old = lib.rules("hainan-2025", "1.1.0")
    assert old.digest == registry()[("rules", "hainan-2025", "1.1.0")]
    assert lib.rules("hainan-2025").version == "1.2.0"  # the current one
    listed = {(e.id, e.version, e.current) for e in lib.entries(archived=True)}
    assert {("hainan-2025", "1.2.0", True), ("hainan-2025", "1.1.0", False)} <= listed


def test_an_archived_folder_must_hold_the_version_it_is_named(tmp_path: Path) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_root(), forms)
    target = _archive(forms, "national-2025")
    target.rename(target.parent / "1.0.9")
    with pytest.raises(FormError) as info:
        FormLibrary.load(forms)
    assert "forms/national-2025/archive/1.0.9/manifest.toml: an archived version must be" in str(
        info.value
    )
    assert "version '1.0.9' (its folder), got rules 'national-2025' version '1.1.0'" in str(
        info.value
    )


def test_the_current_version_is_not_also_archived(tmp_path: Path) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(forms_root(), forms)
    _archive(forms, "national-2025")
    with pytest.raises(FormError) as info:
        FormLibrary.load(forms)
    assert "archive/1.1.0/manifest.toml: version 1.1.0 is also the current one" in str(info.value)
