"""Render each main screen, in Chinese and English, to PNG (docs/screenshots/).

Runs the real app offscreen on a throwaway database holding the example factory:
    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

SCREENS = ["start", "profile", "questionnaire", "scenarios", "conditions", "results", "finalise"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp()
    os.environ["FACTORY_GRADER_HOME"] = home
    app = QApplication(sys.argv[:1])
    from factory_grader.ui.app import build

    window = build(f"sqlite:///{home}/shots.db", app)
    window.resize(1400, 880)
    window.show()
    window.start_loading()
    wait(app, lambda: window.ctx.service is not None)
    window.load_example()
    wait(app, lambda: window.ctx.session is not None and not window.ctx.background.busy)
    window.start.reload()
    wait(app, lambda: not window.ctx.background.busy)
    for lang in ("zh", "en"):
        window.ctx.languages.switch(lang)
        settle(app)
        for index, name in enumerate(SCREENS):
            window.go(index)
            settle(app)
            path = args.out / f"{name}-{lang}.png"
            window.grab().save(str(path))
            print(path)
    window.close()


def wait(app: QApplication, done) -> None:
    while not done():
        app.processEvents()


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


if __name__ == "__main__":
    main()
