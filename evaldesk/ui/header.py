"""The horizontal header drawn as the paper form prints it: three rows of merged cells.

The merged cells come from ``layout.header_cells()``; each is drawn across the current widths of
the sections it spans, so resizing or hiding a column keeps the header right. Row heights fit the
wrapped words of the narrowest cell of each row.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from evaldesk.core.layout import HEADER_ROWS, HeaderCell, header_cells

_PAD = 4


class MergedHeaderView(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._cells: list[HeaderCell] = header_cells()
        self._heights: list[int] = [0] * HEADER_ROWS
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sectionResized.connect(self._fit_rows)

    @property
    def cells(self) -> list[HeaderCell]:
        return self._cells

    def row_heights(self) -> list[int]:
        if not any(self._heights):
            self._fit_rows()
        return list(self._heights)

    def _span_width(self, cell: HeaderCell) -> int:
        return sum(self.sectionSize(c) for c in range(cell.col, cell.col + cell.col_span)
                   if c < self.count())

    def _text_height(self, text: str, width: int) -> int:
        metrics = QFontMetrics(self._bold_font())
        rect = metrics.boundingRect(QRect(0, 0, max(10, width - 2 * _PAD), 1000),
                                    int(Qt.TextFlag.TextWordWrap), text)
        return rect.height() + 2 * _PAD

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _fit_rows(self, *_args: object) -> None:
        line = QFontMetrics(self._bold_font()).height() + 2 * _PAD
        heights = [line] * HEADER_ROWS
        for cell in self._cells:
            if cell.row_span == 1 and self.count():
                heights[cell.row] = max(heights[cell.row],
                                        self._text_height(cell.text, self._span_width(cell)))
        for cell in self._cells:
            if cell.row_span > 1 and self.count():
                need = self._text_height(cell.text, self._span_width(cell))
                have = sum(heights[cell.row:cell.row + cell.row_span])
                if need > have:
                    heights[HEADER_ROWS - 1] += need - have
        if heights != self._heights:
            self._heights = heights
            self.updateGeometry()
            self.viewport().update()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), sum(self.row_heights()))

    def _cell_rect(self, cell: HeaderCell) -> QRect | None:
        visible = [c for c in range(cell.col, min(cell.col + cell.col_span, self.count()))
                   if not self.isSectionHidden(c)]
        if not visible:
            return None
        left = self.sectionViewportPosition(visible[0])
        right = self.sectionViewportPosition(visible[-1]) + self.sectionSize(visible[-1])
        heights = self.row_heights()
        top = sum(heights[:cell.row])
        if cell.row + cell.row_span >= HEADER_ROWS:
            bottom = self.viewport().height()  # the last row takes what is left
        else:
            bottom = top + sum(heights[cell.row:cell.row + cell.row_span])
        return QRect(left, top, right - left, bottom - top)

    def paintEvent(self, e: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), self.palette().color(QPalette.ColorRole.Button))
        selected = {c for c in range(self.count())
                    if self.selectionModel() is not None and self.model() is not None
                    and self.selectionModel().columnIntersectsSelection(c, self.rootIndex())}
        font = self._bold_font()
        grid = QPen(self.palette().color(QPalette.ColorRole.Mid))
        for cell in self._cells:
            rect = self._cell_rect(cell)
            if rect is None or not rect.intersects(e.rect()):
                continue
            option = QStyleOptionHeader()
            self.initStyleOption(option)
            option.rect = rect
            option.section = cell.col
            option.position = QStyleOptionHeader.SectionPosition.Middle
            spanned = range(cell.col, cell.col + cell.col_span)
            if self.highlightSections() and any(c in selected for c in spanned):
                option.state |= QStyle.StateFlag.State_On
            painter.save()
            self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
            painter.restore()
            painter.setPen(grid)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.setFont(font)
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
            painter.drawText(rect.adjusted(_PAD, _PAD, -_PAD, -_PAD),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), cell.text)
        painter.end()
