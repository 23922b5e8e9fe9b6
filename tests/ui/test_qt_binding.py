"""Guards against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a void Qt method;
after some thousands of clicks Python frees None and aborts ("none_dealloc"). pyproject pins
below it; this test fails if a version with the bug comes back.
"""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import gc, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QCheckBox
app = QApplication([])
box = QCheckBox()
gc.collect()
before = sys.getrefcount(None)
for _ in range(200_000):
    box.setChecked(False)
gc.collect()
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_do_not_eat_none() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100
