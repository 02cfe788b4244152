"""Render evaldesk.svg to evaldesk.png (Linux menus) and evaldesk.ico (Windows exe and installer).

Run after editing the SVG: ``python build_scripts/linux/make_icons.py``; the outputs are committed
so that a build needs no renderer. The .ico holds PNG-compressed images (Windows Vista and later
read them) at the sizes Explorer, the taskbar and the Start menu ask for.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "evaldesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are PNG images (ICONDIR, ICONDIRENTRY×n, then the data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    (HERE / "evaldesk.png").write_bytes(render_png(PNG_SIZE))
    (HERE / "evaldesk.ico").write_bytes(ico_bytes({size: render_png(size) for size in ICO_SIZES}))
    del app
    print(f"wrote {HERE / 'evaldesk.png'} and {HERE / 'evaldesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
