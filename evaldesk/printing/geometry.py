"""What every printed document derives from its body font size, and its page numbering.

The summary and the per-project forms keep their own proportions (class attributes), the
arithmetic is written once.
"""

from __future__ import annotations

from collections.abc import Sized
from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen

LINE_SPACING = 1.25  # line height in em: dense like the paper form, CJK strokes never touch
POINTS_PER_INCH = 72.0
GRID_WIDTH_PT = 0.5  # thin black rules, as on the paper form


class PageGeometry:
    PAD_X_EM: ClassVar[float]  # inside a cell, left and right
    PAD_Y_EM: ClassVar[float]  # inside a cell, top and bottom
    TITLE_EM: ClassVar[float]  # the title's size in body sizes …
    TITLE_MAX_PT: ClassVar[float]  # … up to this many points

    size: float
    pages: Sized
    first_page_number: int
    total_pages: int | None  # the whole document's, when this is a part of it
    _dpi: float  # the layout's
    _scale: float  # device pixels per point
    _font_factor: float

    def _begin_paint(self, painter: QPainter) -> None:
        """Scale, font correction and the grid pen, for a painter on any device.

        Point sizes are turned into pixels with the device's dpi; coordinates here use the
        layout's, so the fonts are corrected when the two differ.
        """
        self._scale = self._dpi / POINTS_PER_INCH
        device = painter.device()
        device_dpi = device.logicalDpiY() if device is not None else self._dpi
        self._font_factor = self._dpi / device_dpi if device_dpi else 1.0
        pen = QPen(QColor(Qt.GlobalColor.black))
        pen.setWidthF(GRID_WIDTH_PT * self._scale)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def line_height(self) -> float:
        return self.size * LINE_SPACING

    @property
    def pad_x(self) -> float:
        return self.size * self.PAD_X_EM

    @property
    def pad_y(self) -> float:
        return self.size * self.PAD_Y_EM

    @property
    def title_size(self) -> float:
        return min(self.size * self.TITLE_EM, self.TITLE_MAX_PT)

    def number_pages(self, first: int, total: int) -> None:
        """Number the footers as pages ``first``… of ``total`` (this is part of a larger print)."""
        self.first_page_number = first
        self.total_pages = total
