"""Render each main screen, in Chinese and English, to PNG (docs/screenshots/).

Runs the real app offscreen on a throwaway database holding the example factory:
    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
On a given screen, maximised, at a given scale, in the languages asked for (the sizes the
issue names: a 1366 × 768 laptop, a 1920 × 1080 screen at 150 %):
    .venv/bin/python scripts/screenshots.py --screen 1366x768 --langs zh \
        --out docs/screenshots/1366x768
    .venv/bin/python scripts/screenshots.py --screen 1920x1080 --scale 1.5 \
        --out docs/screenshots/1920x1080-150
Presenter mode as a projector shows it (1920 × 1080, no scaling):
    .venv/bin/python scripts/screenshots.py --screen 1920x1080 --langs zh,en \
        --pages presenter --out docs/screenshots/1920x1080
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

SCREENS = [
    "start",
    "profile",
    "questionnaire",
    "scenarios",
    "conditions",
    "workshop",
    "results",
    "finalise",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--screen", help="WIDTHxHEIGHT of the screen; the window is maximised")
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR (with --screen)")
    parser.add_argument("--langs", default="zh,en")
    parser.add_argument(
        "--pages",
        default=",".join([*SCREENS, "presenter", "portfolio", "compare"]),
        help="which to shoot (default: all); presenter mode needs --screen (it is full screen)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp()
    os.environ["FACTORY_GRADER_HOME"] = home
    if args.screen:  # the offscreen platform takes its screen from a file (before Qt starts)
        width, height = (int(x) for x in args.screen.split("x"))
        config = Path(home) / "screen.json"
        screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
        config.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    from factory_grader.ui.app import build
    from factory_grader.ui.page_names import PageName

    window = build(f"sqlite:///{home}/shots.db", app)
    if args.screen:
        window.showMaximized()
    else:
        window.resize(1400, 880)
        window.show()
    window.start_loading()
    wait(app, lambda: window.ctx.service is not None)
    window.load_example()
    wait(app, lambda: window.ctx.session is not None and not window.ctx.background.busy)
    window.start.reload()
    wait(app, lambda: not window.ctx.background.busy)
    hold_workshop(window)
    wanted = set(args.pages.split(","))
    for lang in args.langs.split(","):
        window.ctx.languages.switch(lang)
        settle(app)
        for name in [n for n in SCREENS if n in wanted]:
            window.go(PageName(name))
            if name == "workshop":
                page = window.stack.currentWidget()
                page.load()
                wait(app, lambda page=page: page.board is not None and page.items.count() > 0)
            settle(app)
            path = args.out / f"{name}-{lang}.png"
            window.grab().save(str(path))
            print(path)
        shoot_workshop_windows(app, window, args.out, lang, wanted, bool(args.screen))
    if "compare" in wanted:
        shoot_compare(app, window, args.out, args.langs.split(","))
    window.close()


def hold_workshop(window) -> None:
    """Three participants of the example factory who disagree on a few requirements."""
    from factory_grader.domain.maturity_model import Grade
    from factory_grader.domain.workshop import NewParticipant
    from factory_grader.services.workshop import WorkshopService

    workshop = WorkshopService(window.ctx.service)
    aid = window.ctx.session.assessment_id
    people = workshop.set_participants(
        aid,
        [
            NewParticipant("张三", "生产部", "主任"),
            NewParticipant("李四", "信息部", "经理", ("org-strategy", "personnel-skills")),
            NewParticipant("王五", "质量部", "主管"),
        ],
    )
    grades = {
        "org-strategy.L1.01": (Grade.FULL, Grade.PARTIAL, Grade.NA),
        "org-strategy.L1.02": (Grade.MOST, Grade.MOST, Grade.FULL),
        "org-strategy.L2.01": (Grade.FULL, Grade.NONE, Grade.PARTIAL),
        "personnel-skills.L1.01": (Grade.MOST, Grade.PARTIAL, Grade.MOST),
    }
    now = window.ctx.service.clock()
    for n, p in enumerate(people):
        votes = {rid: (g[n], "") for rid, g in grades.items()}
        workshop.store.store_return(p.id, votes, "填写包.xlsx", now)


def shoot_workshop_windows(
    app: QApplication, window, out: Path, lang: str, wanted: set[str], on_a_screen: bool
) -> None:
    """Presenter mode (its own full-screen window: only on a given screen) and 客户档案."""
    from factory_grader.ui.page_names import PageName
    from factory_grader.ui.portfolio_dialog import PortfolioDialog

    window.go(PageName("workshop"))
    page = window.stack.currentWidget()
    wait(app, lambda: page.board is not None)
    if "presenter" in wanted and on_a_screen:
        window.present()
        presenter = window.presenter
        settle(app)
        presenter.grab().save(str(out / f"presenter-{lang}.png"))
        print(out / f"presenter-{lang}.png")
        presenter.close()
        settle(app)
    if "portfolio" not in wanted:
        return
    dialog = PortfolioDialog(window.ctx, window)
    dialog.resize(1000, 620)
    dialog.show()
    wait(app, lambda: dialog.table.rowCount() > 0)
    settle(app)
    dialog.grab().save(str(out / f"portfolio-{lang}.png"))
    dialog.close()
    print(out / f"portfolio-{lang}.png")


def shoot_compare(app: QApplication, window, out: Path, langs: list[str]) -> None:
    """汇总对比 over a small demo set with a few bad files, list and charts, both languages."""
    from factory_grader.services.demo import write_demo_set
    from factory_grader.ui.main_window import COMPARE

    folder = Path(tempfile.mkdtemp()) / "submissions"
    write_demo_set(60, folder, seed=11)
    (folder / "notes.txt").write_text("not a workbook")
    (folder / "damaged.xlsx").write_bytes(next(folder.glob("*.xlsx")).read_bytes()[:5000])
    window.go(COMPARE)
    page = window.stack.currentWidget()
    page.add_paths([folder])
    wait(app, lambda: not page.runner.running)
    settle(app)
    for lang in langs:
        window.ctx.languages.switch(lang)
        page.tabs.setCurrentIndex(0)
        settle(app)
        window.grab().save(str(out / f"compare-{lang}.png"))
        page.tabs.setCurrentIndex(1)
        settle(app)
        window.grab().save(str(out / f"compare-charts-{lang}.png"))
        print(out / f"compare-{lang}.png")


def wait(app: QApplication, done) -> None:
    while not done():
        app.processEvents()


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


if __name__ == "__main__":  # spawn-safe: the comparison reads in worker processes
    main()
