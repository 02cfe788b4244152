"""The summary table (预算项目绩效自评表) laid out on pages and painted, for PDF, preview and paper.

``SummaryDocument(report)`` turns the report into cell texts once; ``layout(page_rect, dpi)``
sizes the columns for the page width, wraps every cell, and cuts the rows into pages (the three-row
merged header repeated on each, a row split only when it alone is taller than a page);
``paint_page(painter, index)`` draws one page on any QPagedPaintDevice (QPdfWriter, QPrinter, the
print preview). Everything is laid out in points; painting scales to the device.

Nothing here is per-device text layout: characters are measured once (see ``text``), so 5,000
projects lay out in well under a second and the preview can paint page 1 right away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from evaldesk.core import layout
from evaldesk.core.fields import Value, get_value, summary_text
from evaldesk.core.layout import SUMMARY_COLUMNS, Column, Kind
from evaldesk.core.money import format_amount, format_rate
from evaldesk.core.records import Indicator, Project, Report
from evaldesk.printing.fonts import chinese_family
from evaldesk.printing.text import TextMeasure

POINTS_PER_INCH = 72.0

# Body text size by printable width in points (the first that fits). A3 landscape (~1134 pt wide
# inside 10 mm margins) gets 8 pt; A4 landscape and A3 portrait (~785 pt) 6.5 pt; A4 portrait
# (~538 pt) 5.5 pt, the smallest that still prints every stroke of 宋体 cleanly.
BODY_SIZES: tuple[tuple[float, float], ...] = ((1000.0, 8.0), (700.0, 6.5), (0.0, 5.5))
# If the numbers and the narrowest text columns still do not fit, shrink down to this.
MIN_BODY_SIZE = 4.5

LINE_SPACING = 1.25  # line height in em: dense like the paper form, CJK strokes never touch
PAD_X_EM = 0.3  # inside a cell, left and right
PAD_Y_EM = 0.2  # inside a cell, top and bottom
MIN_TEXT_COLUMN_EM = 2.2  # a text column holds at least two characters a line
SHORT_TEXT_EM = 6.0  # texts up to six characters wide stay on one line when the page allows
NAME_EM = 8.0  # project names and departments up to eight characters stay on one line
CONTENT_WEIGHT = 0.75  # share of the spare width given by amount of text (the rest: official widths)
HEADER_WRAP_LINES = 3  # a column is wide enough for its heading in three lines
GRID_WIDTH_PT = 0.5
TITLE_EM = 2.0  # the title is twice the body size (at most TITLE_MAX_PT), bold
TITLE_MAX_PT = 16.0
FOOTER = "第 {page} 页 共 {pages} 页"
SIGNATURE_BLANK = "　" * 6  # room to sign by hand when a field is empty (drawn underlined)
MIN_SPLIT_LINES = 3  # a tall row starts on a fresh page rather than with fewer lines than this

TOTAL_ROW = -1  # RowSlice.row of the 合计 row


@dataclass(frozen=True)
class Block:
    y: float  # top, in points from the top of the printable area


@dataclass(frozen=True)
class TitleBlock(Block):
    pass


@dataclass(frozen=True)
class HeaderBlock(Block):
    pass


@dataclass(frozen=True)
class RowSlice(Block):
    """A project row (or the 合计 row), whole or the part of a split row that is on this page."""

    row: int  # index into report.projects; TOTAL_ROW for the totals
    height: float
    first_line: int
    line_count: int
    whole: bool


@dataclass(frozen=True)
class SignatureBlock(Block):
    pass


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)

    @property
    def rows(self) -> list[RowSlice]:
        return [b for b in self.blocks if isinstance(b, RowSlice)]


def body_size_for(width_pt: float) -> float:
    for min_width, size in BODY_SIZES:
        if width_pt >= min_width:
            return size
    return BODY_SIZES[-1][1]


def _format(value: Value, kind: Kind, grouping: bool) -> str:
    if isinstance(value, str):
        # A text where a number belongs is printed as the clerk wrote it.
        return value if value or kind is not Kind.RATE else format_rate(None)
    if kind is Kind.RATE:
        return format_rate(value)
    if kind is Kind.AMOUNT:
        return format_amount(value, grouping=grouping)
    return "" if value is None else str(value)


def cell_text(project: Project, column: Column, *, grouping: bool = False) -> str:
    """What the printed form shows in one cell: 0.00 amounts, 98.13% rates, "—" for no rate."""
    return _format(get_value(project, column.key), column.kind, grouping)


def form_texts(report: Report, *, grouping: bool = False) -> tuple[list[list[str]], list[str]]:
    """Every project row's cell texts and the 合计 row, in one pass over the report.

    The same values as ``get_value`` gives column by column; indicators are grouped once per
    project rather than filtered once per indicator column (a third of the time for 5,000).
    The 合计 row sums each amount column and takes the rate from the summed totals.
    """
    indicator_columns: dict[int, tuple[str, str]] = {}
    for i, column in enumerate(SUMMARY_COLUMNS):
        parts = column.key.split(".")
        if len(parts) == 3 and parts[0] == "ind":
            indicator_columns[i] = (parts[1], parts[2])
    sums: dict[str, Decimal] = {c.key: Decimal(0) for c in SUMMARY_COLUMNS if c.kind is Kind.AMOUNT}
    rows: list[list[str]] = []
    for project in report.projects:
        by_category: dict[str, list[Indicator]] = {}
        for indicator in project.indicators:
            by_category.setdefault(indicator.category, []).append(indicator)
        bad = project.bad_values
        row: list[str] = []
        for i, column in enumerate(SUMMARY_COLUMNS):
            key = column.key
            ind = indicator_columns.get(i)
            if ind is not None and key not in bad:
                row.append(summary_text(by_category.get(ind[0], []), ind[1]))
                continue
            value = get_value(project, key)
            if key in sums and isinstance(value, Decimal):
                sums[key] += value
            row.append(_format(value, column.kind, grouping))
        rows.append(row)
    totals: list[str] = []
    for column in SUMMARY_COLUMNS:
        if column.kind is Kind.AMOUNT:
            totals.append(format_amount(sums[column.key], grouping=grouping))
        elif column.kind is Kind.RATE:
            budget, actual = sums.get("budget.total"), sums.get("actual.total")
            totals.append(format_rate(None if not budget or actual is None else actual / budget))
        else:
            totals.append("")
    totals[0] = layout.TOTAL_ROW_LABEL
    return rows, totals


# The 合计 label spans the columns before the first number (序号, 部门名称, 项目名称).
TOTAL_LABEL_SPAN = next(i for i, c in enumerate(SUMMARY_COLUMNS) if c.is_numeric)


class SummaryDocument:
    """The official summary form of a report, paginated for one page size.

    Call ``layout`` whenever the page size changes, then ``paint_page`` for each page. The texts
    are taken from the report when the document is made: make a new one after edits.
    """

    def __init__(
        self,
        report: Report,
        *,
        font_family: str | None = None,
        font_size: float | None = None,
        grouping: bool = False,
    ) -> None:
        self.report = report
        self.grouping = grouping
        self.family = chinese_family(font_family)
        self._fixed_size = font_size
        self._text = TextMeasure(self.family)
        self._bold = TextMeasure(self.family, bold=True)
        self._rows, self._total = form_texts(report, grouping=grouping)
        self._row_lines: list[int] = []
        self.pages: list[Page] = []
        self.size = font_size or 0.0
        self.widths: list[float] = []
        self._x: list[float] = []
        self._dpi = POINTS_PER_INCH
        self._page_w = self._page_h = 0.0

    # -- geometry ----------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def line_height(self) -> float:
        return self.size * LINE_SPACING

    @property
    def pad_x(self) -> float:
        return self.size * PAD_X_EM

    @property
    def pad_y(self) -> float:
        return self.size * PAD_Y_EM

    @property
    def title_size(self) -> float:
        return min(self.size * TITLE_EM, TITLE_MAX_PT)

    def layout(self, page_rect: QRectF | QRect, dpi: float) -> list[Page]:
        """Paginate for a printable area given in device pixels at ``dpi``.

        Only the size of ``page_rect`` counts: painting starts at the painter's origin, which
        QPrinter and QPdfWriter put at the top-left margin (e.g. pass
        ``printer.pageLayout().paintRectPixels(printer.resolution())``).
        """
        self._dpi = float(dpi)
        self._page_w = page_rect.width() * POINTS_PER_INCH / dpi
        self._page_h = page_rect.height() * POINTS_PER_INCH / dpi
        size = self._fixed_size or body_size_for(self._page_w)
        while True:
            self.size = size
            if self._fit_columns() or size <= MIN_BODY_SIZE:
                break
            size = max(MIN_BODY_SIZE, size - 0.5)
        self._layout_header()
        self._row_lines = self._count_row_lines()
        self.pages = self._paginate()
        return self.pages

    def _fit_columns(self) -> bool:
        """Column widths for the page: numbers as wide as their widest figure, text sharing the rest.

        Returns False when even the narrowest text columns leave numbers no room at this size.
        """
        size, pad2 = self.size, 2 * self.pad_x
        measure = self._text.width
        min_text = MIN_TEXT_COLUMN_EM * size + pad2
        widths = [0.0] * len(SUMMARY_COLUMNS)
        flexible: list[int] = []
        natural: dict[int, float] = {}
        least: dict[int, float] = {}
        for i, column in enumerate(SUMMARY_COLUMNS):
            texts = {row[i] for row in self._rows}
            if column.is_numeric or column.kind is Kind.SEQ:
                texts.add(self._total[i])
                widest = max((measure(t, size) for t in texts), default=0.0)
                widths[i] = max(widest + pad2, min_text)
                continue
            flexible.append(i)
            widest = max((self._text.width(t, size) for t in texts), default=0.0)
            # A heading may wrap, but into HEADER_WRAP_LINES lines at most when there is room.
            heading = measure(column.path[-1], size) / HEADER_WRAP_LINES + pad2
            least[i] = max(min_text, heading)
            natural[i] = max(widest + pad2, least[i])
        label = measure(layout.TOTAL_ROW_LABEL, size) + pad2
        spare = self._page_w - sum(widths)
        if spare < min_text * len(flexible):
            return False
        # Columns of short texts (names, 100%, 无) keep them on one line; the rest is shared by
        # the long-text columns in proportion to the official widths, a column taking no more
        # than its longest text needs (water-filling).
        short = SHORT_TEXT_EM * size + pad2
        name = NAME_EM * size + pad2
        base = {
            # Names and departments are what a reader looks for: up to NAME_EM on one line.
            i: min(natural[i], name) if SUMMARY_COLUMNS[i].kind is Kind.TEXT
            else natural[i] if natural[i] <= short else least[i]
            for i in flexible
        }
        if sum(base.values()) > spare:
            base = dict.fromkeys(flexible, min_text)
        for i in flexible:
            widths[i] = base[i]
        spare -= sum(base.values())
        open_columns = [i for i in flexible if natural[i] > base[i]]
        weights = self._text_weights(open_columns, size)
        while open_columns and spare > 1e-6:
            weight = sum(weights[i] for i in open_columns)
            share = {i: spare * weights[i] / weight for i in open_columns}
            filled = [i for i in open_columns if natural[i] - widths[i] <= share[i]]
            if not filled:
                for i in open_columns:
                    widths[i] += share[i]
                spare = 0.0
                break
            for i in filled:
                spare -= natural[i] - widths[i]
                widths[i] = natural[i]
                open_columns.remove(i)
        if spare > 1e-6:
            # Every text fits on one line: spread the rest so the table spans the page.
            weight = sum(SUMMARY_COLUMNS[i].width for i in flexible)
            for i in flexible:
                widths[i] += spare * SUMMARY_COLUMNS[i].width / weight
        # The 合计 label must fit in the columns it spans.
        below = label - sum(widths[:TOTAL_LABEL_SPAN])
        if below > 0:
            widths[TOTAL_LABEL_SPAN - 1] += below
            widest_text = max(flexible, key=lambda i: widths[i])
            widths[widest_text] -= below
        self.widths = widths
        self._x = [0.0]
        for w in widths:
            self._x.append(self._x[-1] + w)
        return True

    def _text_weights(self, columns: list[int], size: float) -> dict[int, float]:
        """How the long-text columns share the width: mostly by how much text each holds.

        Rows are as tall as their tallest cell, so widths in proportion to the amount of text
        even out the cells' line counts (the goal column, the longest text, gets the most). A
        quarter follows the official widths so that a column never collapses to nothing.
        """
        if not columns:
            return {}
        em_width = self._text.em_width
        amount = {i: sum(em_width(row[i]) for row in self._rows) for i in columns}
        official = {i: float(SUMMARY_COLUMNS[i].width) for i in columns}
        total_amount = sum(amount.values()) or 1.0
        total_official = sum(official.values())
        return {
            i: CONTENT_WEIGHT * amount[i] / total_amount
            + (1 - CONTENT_WEIGHT) * official[i] / total_official
            for i in columns
        }

    def _wrap(self, text: str, col: int, span: int = 1) -> tuple[str, ...]:
        width = self._x[col + span] - self._x[col] - 2 * self.pad_x
        return self._text.wrap(text, width, self.size)

    def _layout_header(self) -> None:
        line, pad2 = self.line_height, 2 * self.pad_y
        self._header_cells = layout.header_cells()
        heights = [line + pad2] * layout.HEADER_ROWS
        spanning: list[tuple[int, int, float]] = []
        for cell in self._header_cells:
            need = len(self._wrap(cell.text, cell.col, cell.col_span)) * line + pad2
            if cell.row_span == 1:
                heights[cell.row] = max(heights[cell.row], need)
            else:
                spanning.append((cell.row, cell.row_span, need))
        for row, span, need in spanning:
            short = need - sum(heights[row:row + span])
            if short > 0:
                heights[row + span - 1] += short
        self._header_rows = [0.0]
        for h in heights:
            self._header_rows.append(self._header_rows[-1] + h)
        self.header_height = self._header_rows[-1]
        title_lines = self._bold.wrap(self.report.shown_title, self._page_w, self.title_size)
        self._title_lines = title_lines or ("",)
        self.title_height = (
            len(self._title_lines) * self.title_size * LINE_SPACING
            + self.size * 0.5
            + line * 1.5  # the 部门名称(盖章) / 单位 line and a little air before the table
        )
        self.footer_height = line * 2
        self.signature_height = line * 3

    def row_lines(self, row: int) -> int:
        """How many lines the tallest cell of a row takes (at least one)."""
        if row != TOTAL_ROW:
            return self._row_lines[row]
        most = 1
        for col, text in enumerate(self._total):
            if text:
                span = TOTAL_LABEL_SPAN if col == 0 else 1
                most = max(most, len(self._wrap(text, col, span)))
        return most

    def _count_row_lines(self) -> list[int]:
        """Line counts of all rows, column by column: one width, one cache, a tight loop."""
        per_column = [
            self._text.line_counts([row[col] for row in self._rows],
                                   self._x[col + 1] - self._x[col] - 2 * self.pad_x, self.size)
            for col in range(len(SUMMARY_COLUMNS))
        ]
        return [max(1, *counts) for counts in zip(*per_column, strict=True)]

    def _paginate(self) -> list[Page]:
        line, pad2 = self.line_height, 2 * self.pad_y
        bottom = self._page_h - self.footer_height
        if bottom - self.header_height - pad2 < line * MIN_SPLIT_LINES:
            raise ValueError("纸张太小或页边距太大，放不下表头和表格内容")
        pages = [Page([TitleBlock(0.0), HeaderBlock(self.title_height)])]
        y = self.title_height + self.header_height

        def new_page() -> float:
            pages.append(Page([HeaderBlock(0.0)]))
            return self.header_height

        for row in range(len(self._rows)):
            n = self.row_lines(row)
            height = n * line + pad2
            if y + height > bottom and self.header_height + height <= bottom:
                y = new_page()
            if y + height <= bottom:
                pages[-1].blocks.append(RowSlice(y, row, height, 0, n, True))
                y += height
                continue
            # Taller than a page: continue it over as many pages as it needs.
            first = 0
            while first < n:
                fits = int((bottom - y - pad2) / line + 1e-9)
                if fits < min(MIN_SPLIT_LINES, n - first):
                    y = new_page()
                    continue
                count = min(fits, n - first)
                height = count * line + pad2
                pages[-1].blocks.append(RowSlice(y, row, height, first, count, False))
                y += height
                first += count
        # The totals and the signatures close the table together on its last page.
        n = self.row_lines(TOTAL_ROW)
        height = n * line + pad2
        if y + height + self.signature_height > bottom:
            y = new_page()
        pages[-1].blocks.append(RowSlice(y, TOTAL_ROW, height, 0, n, True))
        pages[-1].blocks.append(SignatureBlock(y + height))
        return pages

    # -- painting ------------------------------------------------------------------------------

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Draw page ``index`` (0-based) with the painter's origin at the printable area."""
        page = self.pages[index]
        painter.save()
        try:
            self._scale = self._dpi / POINTS_PER_INCH
            device = painter.device()
            device_dpi = device.logicalDpiY() if device is not None else self._dpi
            # Point sizes are turned into pixels with the device's dpi; coordinates here use the
            # layout's, so the fonts are corrected when the two differ.
            self._font_factor = self._dpi / device_dpi if device_dpi else 1.0
            pen = QPen(QColor(Qt.GlobalColor.black))
            pen.setWidthF(GRID_WIDTH_PT * self._scale)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            grid: list[QLineF] = []
            painter.setFont(self._font(self._text, self.size))
            for block in page.blocks:
                if isinstance(block, TitleBlock):
                    self._paint_title(painter)
                elif isinstance(block, HeaderBlock):
                    self._paint_header(painter, block.y, grid)
                elif isinstance(block, RowSlice):
                    self._paint_row(painter, block, grid)
                elif isinstance(block, SignatureBlock):
                    self._paint_signature(painter, block.y)
            painter.drawLines(grid)
            self._paint_footer(painter, index)
        finally:
            painter.restore()

    def _font(self, measure: TextMeasure, size: float) -> QFont:
        return measure.font(size * self._font_factor)

    def _point(self, x: float, y: float) -> QPointF:
        s = self._scale
        return QPointF(x * s, y * s)

    def _line(self, x1: float, y1: float, x2: float, y2: float) -> QLineF:
        s = self._scale
        return QLineF(x1 * s, y1 * s, x2 * s, y2 * s)

    def _baseline(self, measure: TextMeasure, size: float) -> float:
        """Offset of the baseline from the top of a line box, centring the font's ascent+descent."""
        line = size * LINE_SPACING
        return (line - (measure.ascent_em + measure.descent_em) * size) / 2 + measure.ascent_em * size

    def _draw_lines(
        self,
        painter: QPainter,
        lines: tuple[str, ...],
        left: float,
        right: float,
        top: float,
        align: Qt.AlignmentFlag,
        measure: TextMeasure | None = None,
        size: float | None = None,
    ) -> None:
        measure = measure or self._text
        size = size or self.size
        step = size * LINE_SPACING
        y = top + self._baseline(measure, size)
        for text in lines:
            if align == Qt.AlignmentFlag.AlignLeft:
                x = left
            else:
                width = measure.width(text, size)
                x = right - width if align == Qt.AlignmentFlag.AlignRight else (left + right - width) / 2
            if text:
                painter.drawText(self._point(x, y), text)
            y += step

    def _paint_title(self, painter: QPainter) -> None:
        size = self.title_size
        painter.setFont(self._font(self._bold, size))
        self._draw_lines(painter, self._title_lines, 0.0, self._page_w, 0.0,
                         Qt.AlignmentFlag.AlignHCenter, self._bold, size)
        painter.setFont(self._font(self._text, self.size))
        y = len(self._title_lines) * size * LINE_SPACING + self.size * 0.5
        self._draw_lines(painter, (layout.department_line(self.report.department),), 0.0,
                         self._page_w, y, Qt.AlignmentFlag.AlignLeft)
        self._draw_lines(painter, (layout.unit_line(self.report.unit),), 0.0, self._page_w, y,
                         Qt.AlignmentFlag.AlignRight)

    def _paint_header(self, painter: QPainter, top: float, grid: list[QLineF]) -> None:
        rows, x, line = self._header_rows, self._x, self.line_height
        for cell in self._header_cells:
            left, right = x[cell.col], x[cell.col + cell.col_span]
            y1, y2 = top + rows[cell.row], top + rows[cell.row + cell.row_span]
            lines = self._wrap(cell.text, cell.col, cell.col_span)
            text_top = (y1 + y2 - len(lines) * line) / 2
            self._draw_lines(painter, lines, left + self.pad_x, right - self.pad_x, text_top,
                             Qt.AlignmentFlag.AlignHCenter)
            # Each merged cell draws its own box, so merged cells show no inner lines.
            grid.extend((self._line(left, y1, right, y1), self._line(left, y2, right, y2),
                         self._line(left, y1, left, y2), self._line(right, y1, right, y2)))

    def _paint_row(self, painter: QPainter, piece: RowSlice, grid: list[QLineF]) -> None:
        total = piece.row == TOTAL_ROW
        texts = self._total if total else self._rows[piece.row]
        x, line, pad_x = self._x, self.line_height, self.pad_x
        top, bottom = piece.y, piece.y + piece.height
        row_lines = piece.line_count if piece.whole else 0
        col = 0
        edges = [0]
        while col < len(texts):
            span = TOTAL_LABEL_SPAN if total and col == 0 else 1
            text = texts[col]
            edges.append(col + span)
            if text:
                lines = self._wrap(text, col, span)
                shown = lines[piece.first_line:piece.first_line + piece.line_count]
                text_top = top + self.pad_y
                if piece.whole:
                    # Short cells sit in the middle of a tall row, as on the paper form.
                    text_top += (row_lines - len(shown)) * line / 2
                kind = SUMMARY_COLUMNS[col].kind
                if kind in (Kind.AMOUNT, Kind.RATE):
                    align = Qt.AlignmentFlag.AlignRight
                elif kind is Kind.SEQ or total or len(lines) == 1:
                    align = Qt.AlignmentFlag.AlignHCenter
                else:
                    align = Qt.AlignmentFlag.AlignLeft
                self._draw_lines(painter, shown, x[col] + pad_x, x[col + span] - pad_x, text_top,
                                 align)
            col += span
        right = x[-1]
        grid.append(self._line(0.0, top, right, top))
        grid.append(self._line(0.0, bottom, right, bottom))
        grid.extend(self._line(x[c], top, x[c], bottom) for c in edges)

    def _paint_signature(self, painter: QPainter, top: float) -> None:
        fields = layout.SIGNATURE_FIELDS
        slot = self._page_w / len(fields)
        y = top + self.line_height
        for i, (attr, label) in enumerate(fields):
            value = str(getattr(self.report, attr) or "")
            left = i * slot
            caption = f"{label}："
            self._draw_lines(painter, (caption,), left, left + slot, y, Qt.AlignmentFlag.AlignLeft)
            start = left + self._text.width(caption, self.size)
            if value:
                lines = self._text.wrap(value, left + slot - start - self.pad_x, self.size)
                self._draw_lines(painter, lines, start, left + slot, y, Qt.AlignmentFlag.AlignLeft)
            else:
                # An empty field is a line to sign or write on, as on the paper form.
                end = start + self._text.width(SIGNATURE_BLANK, self.size)
                base = y + self.line_height
                painter.drawLine(self._line(start, base, end, base))

    def _paint_footer(self, painter: QPainter, index: int) -> None:
        text = FOOTER.format(page=index + 1, pages=len(self.pages))
        top = self._page_h - self.line_height
        self._draw_lines(painter, (text,), 0.0, self._page_w, top, Qt.AlignmentFlag.AlignHCenter)

