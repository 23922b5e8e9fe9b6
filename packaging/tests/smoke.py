"""Smoke tests of the built artefacts in dist/ (./dev package builds them first): each test
installs or unpacks an artefact somewhere fresh and runs the app from there, never from the
source tree. The expectations are the example factory's hand-checked verdict."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
EXAMPLE = ROOT / "forms" / "examples" / "example-factory.json"
#: the example factory's verdict, as the app's own tests assert it (tests/ui/test_screens.py)
EXAMPLE_S = "2.24"
EXAMPLE_TIER = "基础级"


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def artefact(name: str) -> Path:
    path = DIST / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: run ./dev package (it builds, then runs these tests)")
    return path
