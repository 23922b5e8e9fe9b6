"""Start-up to first paint: `factory-grader gui --exit-when-ready` next to a bare PySide6 window.

Both are whole processes timed from launch to exit, where each exits right after its window's
first paint, measured alternately in the same run. Target (issue 4): the app within 1.5x the
bare window. Uses QT_QPA_PLATFORM=offscreen unless a DISPLAY is set (then a real X window).

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
watcher = FirstPaint()
window.installEventFilter(watcher)
window.resize(1280, 800)
window.show()
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    app = str(Path(sys.executable).parent / "factory-grader")
    # as installed (a wheel's installer and the bundles byte-compile): a module edited since its
    # last .pyc would be compiled at each start here, where PYTHONDONTWRITEBYTECODE may be set
    import factory_grader

    compileall.compile_dir(Path(factory_grader.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as home:
        env["FACTORY_GRADER_HOME"] = home
        timed([app, "gui", "--exit-when-ready"], env)  # warm the file cache for both
        timed([sys.executable, "-c", BARE], env)
        bare, ours = [], []
        for _ in range(args.runs):  # alternate, so machine noise hits both alike
            bare.append(timed([sys.executable, "-c", BARE], env))
            ours.append(timed([app, "gui", "--exit-when-ready"], env))
    b, o = statistics.median(bare), statistics.median(ours)
    platform = env.get("QT_QPA_PLATFORM") or f"xcb on DISPLAY={env.get('DISPLAY')}"
    print(f"platform: {platform}, {args.runs} runs each, medians")
    print(f"bare PySide6 window to first paint   {b * 1000:7.0f} ms")
    print(f"factory-grader gui to first paint    {o * 1000:7.0f} ms")
    print(f"ratio {o / b:.2f}x  (target <= 1.5x: {'met' if o / b <= 1.5 else 'MISSED'})")


if __name__ == "__main__":
    main()
