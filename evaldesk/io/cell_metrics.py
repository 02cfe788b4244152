"""How tall a wrapped cell is in Excel/WPS/LibreOffice: shared by the summary sheet and the
per-project sheets.

openpyxl and XlsxWriter write no row heights by themselves, and LibreOffice then cuts wrapped text
to one line, so the writers set every row's height from an estimate of its wrapped lines.
"""

from __future__ import annotations

import math

LINE_HEIGHT = 13.5  # points per wrapped line of 10 pt SimSun, with Excel's leading
ROW_PADDING = 4.0
MIN_ROW_HEIGHT = 18.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit; a taller row is refused or clipped by Excel
CELL_MARGIN_UNITS = 1.0  # Excel keeps about a character's width free inside a cell


def display_width(text: str) -> float:
    """Width of one line of text in Excel column units: CJK and full-width count two.

    Counted from the UTF-8 length so it costs one C call per cell: a CJK character (and full-width
    punctuation) is three bytes and two units wide, ASCII one byte and one unit.
    """
    n = len(text)
    return n + (len(text.encode("utf-8")) - n) / 2


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide."""
    usable = max(width - CELL_MARGIN_UNITS, 1.0)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def height_for(lines: int) -> float:
    return min(MAX_ROW_HEIGHT, max(MIN_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING))
