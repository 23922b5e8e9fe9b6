"""The window fits the screen on every page (issue 15 §1): a 1366 × 768 laptop, and 1920 × 1080
at 150 % (1280 × 720 in Qt's pixels), in Chinese and in English. Each case is the real app in a
process of its own on an offscreen screen of that size (Qt fixes the screen and the scale when
it starts), with the example factory loaded and every page shown (tests/ui/fit_child.py); a
page taller than the screen scrolls inside the window instead of growing it past the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("fit_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("width", "height", "scale", "lang"),
    [(1366, 768, "1", "zh"), (1920, 1080, "1.5", "zh"), (1920, 1080, "1.5", "en")],
    ids=["1366x768-zh", "1920x1080@150-zh", "1920x1080@150-en"],
)
def test_every_page_fits_the_screen(
    tmp_path: Path, width: int, height: int, scale: str, lang: str
) -> None:
    screen = {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [
            {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
        ],
    }
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.ini").write_text(f"[General]\nversion=2\nlanguage={lang}\n", "utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "FACTORY_GRADER_HOME": str(home),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, str(CHILD), f"sqlite:///{home / 'fit.db'}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    pages = json.loads(done.stdout.strip().splitlines()[-1])
    assert [p["page"] for p in pages] == [
        "start", "profile", "questionnaire", "scenarios", "conditions", "workshop", "results",
        "finalise",
        "compare",
    ]  # fmt: skip
    logical = (round(width / float(scale)), round(height / float(scale)))
    for p in pages:
        x, y, w, h = p["frame"]
        ax, ay, aw, ah = p["area"]
        assert (aw, ah) == logical  # the screen the case is about
        assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, p
        assert not p["sideways"], p  # no page is wider than the window leaves it
        if p["page"] != "results":  # (the results page is taller than a laptop: it scrolls)
            assert not p["down"], p
