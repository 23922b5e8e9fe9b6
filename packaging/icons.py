"""The app's icon in the sizes each platform wants, drawn from resources/icons/factory-grader.svg
with Qt's own SVG renderer (offscreen): hicolor PNGs for Linux, one .ico for Windows."""

from __future__ import annotations

import os
import struct
from pathlib import Path

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "factory-grader.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(sizes: tuple[int, ...]) -> dict[int, bytes]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read the icon {SVG}")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        out[size] = bytes(data.data())
    del _app
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read these at every size)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def write_ico(path: Path) -> Path:
    path.write_bytes(ico_bytes(render_pngs(ICO_SIZES)))
    return path


def write_hicolor(root: Path) -> list[Path]:
    """root/hicolor/<n>x<n>/apps/factory-grader.png for every size, and the SVG as scalable."""
    written = []
    for size, data in render_pngs(HICOLOR_SIZES).items():
        target = root / "hicolor" / f"{size}x{size}" / "apps" / "factory-grader.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    scalable = root / "hicolor" / "scalable" / "apps" / "factory-grader.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    written.append(scalable)
    return written
