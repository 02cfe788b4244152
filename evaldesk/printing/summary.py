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

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from evaldesk.core import layout
from evaldesk.core.fields import Value, get_value, summary_row
from evaldesk.core.layout import SUMMARY_COLUMNS, Column, Kind
from evaldesk.core.money import format_amount, format_rate
from evaldesk.core.records import Project, Report
from evaldesk.printing.fonts import chinese_family
from evaldesk.printing.geometry import LINE_SPACING, POINTS_PER_INCH, PageGeometry
from evaldesk.printing.text import TextMeasure

# Body text size by printable width in points (the first that fits). A3 landscape (~1134 pt wide
# inside 10 mm margins) gets 8 pt; A4 landscape and A3 portrait (~785 pt) 6.5 pt; A4 portrait
# (~538 pt) 5.5 pt. Below ~5.5 pt the strokes of dense characters (震, 罐) fill in on paper.
BODY_SIZES: tuple[tuple[float, float], ...] = ((1000.0, 8.0), (700.0, 6.5), (0.0, 5.5))
# If the numbers and the narrowest text columns still do not fit, shrink down to this.
MIN_BODY_SIZE = 4.5

PAD_X_EM = 0.3  # inside a cell, left and right
PAD_Y_EM = 0.2  # inside a cell, top and bottom

# Column widths, in em of the body size (see SummaryDocument._fit_columns):
MIN_TEXT_COLUMN_EM = 2.2  # a text column holds at least two characters a line
HEADER_WRAP_LINES = 3  # a column is wide enough for its heading in three lines
WORD_EM = 4.0  # a figure or Latin word up to this wide is never broken (100%, 2021年)
SHORT_CELL_EM = 3.0  # an answer up to this wide is never wrapped (不适用, 无)
NAME_MIN_EM = 4.0  # project names and departments get at least this a line …
NAME_EM = 8.0  # … and this where the page allows (most names on one line)
# A column with any cell longer than LONG_CELL_EM never gets less than READABLE_EM a line: a
# two-character sliver turns a short sentence (从提出申请到完成配置15个工作日内) into a tall column of
# fragments, even where the row is tall anyway and the estimate of its height sees no cost.
LONG_CELL_EM = 6.0
READABLE_EM = 4.0
AMOUNT_QUANTILE = 0.9  # a column's typical text: the length 90 % of its cells do not exceed
REFINE_ROWS = 240  # rows sampled when weighing column widths against row heights
REFINE_STEP_EM = 1.0
REFINE_ROUNDS = 80
SOFT_TOLERANCE = 1.1  # keep the preferences unless dropping them shortens the table this much
EXACT_CHOICE_ROWS = 240  # up to this many rows, each choice is paginated, fewer pages wins

TITLE_EM = 2.0  # the title is twice the body size (at most TITLE_MAX_PT), bold if the font has it
TITLE_MAX_PT = 16.0
FOOTER = "第 {page} 页 共 {pages} 页"
SIGNATURE_BLANK = "　" * 6  # room to sign by hand when a field is empty (drawn underlined)
MIN_SPLIT_LINES = 3  # a tall row starts on a fresh page rather than with fewer lines than this

TOTAL_ROW = -1  # RowSlice.row of the 合计 row
# Runs of Latin letters, digits and their signs: a line does not break inside them.
_WORD = re.compile(r"[0-9A-Za-z.,:;%‰+\-/()≥≤<>=~]+")


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


# Where a cell's lines sit across its column (see SummaryDocument._place).
_RIGHT, _CENTRE, _LEFT = 0, 1, 2
# Per printed cell: its first column, alignment, left and right edges of its text and width to
# wrap in (points), and text → its placed lines (see SummaryDocument._place).
_CellColumn = tuple[int, int, float, float, float, dict[str, tuple[tuple[str, float], ...]]]


@dataclass
class _Placing:
    """What painting computes once per layout and device scale (see SummaryDocument.paint_page)."""

    scale: float
    cells: list[_CellColumn]
    total: list[_CellColumn]
    edges: list[float]  # x of the column rules of a project row, in device pixels …
    total_edges: list[float]  # … and of the 合计 row
    headers: dict[float, tuple[list[tuple[QPointF, str]], list[QLineF]]] = field(
        default_factory=dict)  # header texts and rules by their top


class _RowRules:
    """The rules of the table rows on a page: column rules in as few segments as give the same ink.

    A page's rules are drawn with one drawLines, which the PDF engine strokes as one path: the
    ink is the union of the segments, so the column rules of rows that follow each other can run
    as one segment each (31 segments a row fewer: a seventh of the PDF's bytes, less to compress).
    Each row still draws its top and bottom rule: the preview's raster engine strokes lines in
    batches and blends the batches, so a rule drawn once instead of twice would look lighter there.
    """

    def __init__(self, right: float) -> None:
        self.right = right
        self.lines: list[QLineF] = []
        self._edges: list[float] | None = None  # the column rules of the current run of rows
        self._top = self._bottom = 0.0

    def add(self, edges: list[float], top: float, bottom: float) -> None:
        """A row from ``top`` to ``bottom`` with column rules at ``edges`` (device pixels)."""
        if self._edges is None or top != self._bottom or edges is not self._edges:
            self._close()
            self._top, self._edges = top, edges
        self._bottom = bottom
        self.lines.append(QLineF(0.0, top, self.right, top))
        self.lines.append(QLineF(0.0, bottom, self.right, bottom))

    def _close(self) -> None:
        if self._edges is not None:
            top, bottom = self._top, self._bottom
            self.lines.extend([QLineF(e, top, e, bottom) for e in self._edges])

    def finish(self) -> list[QLineF]:
        self._close()
        self._edges = None
        return self.lines


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

    The same values as ``get_value`` gives column by column, taken from ``summary_row`` (one
    call per project: a third of the time for 5,000). The 合计 row sums each amount column and
    takes the rate from the summed totals.
    """
    sums: dict[str, Decimal] = {c.key: Decimal(0) for c in SUMMARY_COLUMNS if c.kind is Kind.AMOUNT}
    # Figures repeat (0.00, 100.00%): formatting each distinct one once saves a fifth of the time.
    formatted: dict[tuple[Value, Kind], str] = {}
    columns = [(c.key, c.kind, c.key in sums) for c in SUMMARY_COLUMNS]
    rows: list[list[str]] = []
    for project in report.projects:
        row: list[str] = []
        append = row.append
        for value, (key, kind, summed) in zip(summary_row(project), columns, strict=True):
            if isinstance(value, Decimal):
                if summed:
                    sums[key] += value
                text = formatted.get((value, kind))
                if text is None:
                    text = formatted[(value, kind)] = _format(value, kind, grouping)
                append(text)
            elif value:  # a text, shown as written
                append(value)
            else:
                append(_format(value, kind, grouping))
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


class SummaryDocument(PageGeometry):
    """The official summary form of a report, paginated for one page size.

    Call ``layout`` whenever the page size changes, then ``paint_page`` for each page. The texts
    are taken from the report when the document is made: make a new one after edits.
    """

    PAD_X_EM = PAD_X_EM
    PAD_Y_EM = PAD_Y_EM
    TITLE_EM = TITLE_EM
    TITLE_MAX_PT = TITLE_MAX_PT

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
        self.first_page_number = 1
        self.total_pages: int | None = None  # the whole document's, when this is a part of it
        self._placing: _Placing | None = None

    # -- geometry ----------------------------------------------------------------------------

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
            candidates = self._fit_columns()
            if candidates or size <= MIN_BODY_SIZE:
                break
            size = max(MIN_BODY_SIZE, size - 0.5)
        best: tuple[list[float], list[int], list[Page]] | None = None
        for widths in candidates or [self._squeeze_widths()]:
            self._use_widths(widths)
            self._layout_header()
            self._row_lines = self._count_row_lines()
            pages = self._paginate()
            if best is None or len(pages) < len(best[2]):
                best = (widths, self._row_lines, pages)
        assert best is not None
        widths, self._row_lines, self.pages = best
        self._use_widths(widths)
        self._layout_header()
        self._placing = None
        return self.pages

    def _fit_columns(self) -> list[list[float]]:
        """Column widths for the page: numbers as wide as their widest figure, text sharing the rest.

        A row is as tall as its tallest cell, so the text columns first share the width such
        that they all need about the same number of lines (``_share``), then width moves to
        whichever column makes rows tallest (``_refine_widths``). Short answers (不适用, 100%)
        and figures are never broken; longer ones and whole names on one line are preferences,
        kept unless they cost more than SOFT_TOLERANCE in total height. Returns False when even
        the narrowest text columns leave the numbers no room at this size.
        """
        size, pad2 = self.size, 2 * self.pad_x
        measure, em_width = self._text.width, self._text.em_width
        min_text = MIN_TEXT_COLUMN_EM * size + pad2
        widths = [0.0] * len(SUMMARY_COLUMNS)
        flexible: list[int] = []
        natural: dict[int, float] = {}
        hard: dict[int, float] = {}
        soft: dict[int, float] = {}
        basic: dict[int, float] = {}  # hard without READABLE_EM, for a page too narrow for it
        amount: dict[int, float] = {}
        for i, column in enumerate(SUMMARY_COLUMNS):
            texts = {row[i] for row in self._rows}
            if column.is_numeric or column.kind is Kind.SEQ:
                texts.add(self._total[i])
                widest = max((measure(t, size) for t in texts), default=0.0)
                widths[i] = max(widest + pad2, min_text)
                continue
            flexible.append(i)
            ems = [em_width(t) for t in texts]
            natural[i] = max(max(ems, default=0.0) * size + pad2, min_text)
            # A heading wraps into HEADER_WRAP_LINES lines at most.
            heading = measure(column.path[-1], size) / HEADER_WRAP_LINES + pad2
            # Never broken: a figure or word up to WORD_EM (100%, 2021年), an answer up to
            # SHORT_CELL_EM (不适用, 无); a name or department keeps NAME_MIN_EM a line.
            # Preferred where the page allows: half as much again, names on one line up to NAME_EM.
            longest_word = max((self._longest_word(t) for t in texts), default=0.0)
            is_name = column.kind is Kind.TEXT
            has_long = max(ems, default=0.0) > LONG_CELL_EM
            for tier, factor, name, readable in (
                (basic, 1.0, NAME_MIN_EM, 0.0),
                (hard, 1.0, NAME_MIN_EM, READABLE_EM if has_long else 0.0),
                (soft, 1.5, NAME_EM, READABLE_EM if has_long else 0.0),
            ):
                word = min(longest_word, WORD_EM * factor)
                short = max((w for w in ems if w <= SHORT_CELL_EM * factor), default=0.0)
                wanted = max(word, short, readable, name if is_name else 0.0) * size + pad2
                tier[i] = min(max(min_text, heading, wanted), natural[i])
        sample = self._sample(flexible)
        for i in flexible:
            ranked = sorted(sample[i])
            amount[i] = ranked[int(len(ranked) * AMOUNT_QUANTILE)] if ranked else 0.0
        spare = self._page_w - sum(widths)
        if spare < min_text * len(flexible):
            return []
        if sum(hard.values()) > spare:
            hard = basic if sum(basic.values()) <= spare else dict.fromkeys(flexible, min_text)
        trials: list[tuple[list[float], int]] = []
        for least in (soft, hard):
            if sum(least.values()) > spare:
                continue
            trial = self._share(spare, flexible, least, natural, amount)
            self._refine_widths(trial, flexible, least, natural, sample)
            full = list(widths)
            for i in flexible:
                full[i] = trial[i]
            self._finish_widths(full, flexible, natural)
            trials.append((full, self._estimate(trial, sample)))
        if len(self._rows) <= EXACT_CHOICE_ROWS:
            # Few rows: layout will paginate each and keep the one with fewer pages.
            return [full for full, _ in trials]
        # Keep the preferences unless dropping them shortens the table by SOFT_TOLERANCE.
        chosen, height = trials[0]
        for full, other in trials[1:]:
            if other * SOFT_TOLERANCE < height:
                chosen, height = full, other
        return [chosen]

    def _finish_widths(self, widths: list[float], flexible: list[int],
                       natural: dict[int, float]) -> None:
        leftover = self._page_w - sum(widths)
        if leftover > 1e-6:
            # The texts need less than the page: the rest goes to the columns that still wrap.
            wrapping = [i for i in flexible if widths[i] < natural[i] - 1e-6] or flexible
            weight = sum(SUMMARY_COLUMNS[i].width for i in wrapping)
            for i in wrapping:
                widths[i] += leftover * SUMMARY_COLUMNS[i].width / weight
        # The 合计 label must fit in the columns it spans.
        label = self._text.width(layout.TOTAL_ROW_LABEL, self.size) + 2 * self.pad_x
        below = label - sum(widths[:TOTAL_LABEL_SPAN])
        if below > 0:
            widths[TOTAL_LABEL_SPAN - 1] += below
            widest_text = max(flexible, key=lambda i: widths[i])
            widths[widest_text] -= below

    def _use_widths(self, widths: list[float]) -> None:
        self.widths = widths
        self._x = [0.0]
        for w in widths:
            self._x.append(self._x[-1] + w)

    def _squeeze_widths(self) -> list[float]:
        """The last resort for a page too narrow for the form: official proportions."""
        total = sum(c.width for c in SUMMARY_COLUMNS)
        return [self._page_w * c.width / total for c in SUMMARY_COLUMNS]

    def _share(self, spare: float, flexible: list[int], least: dict[int, float],
               natural: dict[int, float], amount: dict[int, float]) -> dict[int, float]:
        """Widths at which every text column needs about H lines for its typical text.

        Column i gets ``amount_i / H`` within [least_i, natural_i]; H is the fewest lines at
        which the columns fit in ``spare``, found by bisection (the sum falls as H grows).
        """
        pad2 = 2 * self.pad_x

        def width_for(i: int, lines: float) -> float:
            return min(natural[i], max(least[i], amount[i] / lines + pad2))

        low, high = 1.0, 1.0
        while sum(width_for(i, high) for i in flexible) > spare and high < 1e6:
            high *= 2
        for _ in range(40):
            middle = (low + high) / 2
            if sum(width_for(i, middle) for i in flexible) > spare:
                low = middle
            else:
                high = middle
        return {i: width_for(i, high) for i in flexible}

    def _sample(self, flexible: list[int]) -> dict[int, list[float]]:
        """Text widths in points of up to REFINE_ROWS rows spread over the report, per column."""
        rows = self._rows[:: max(1, len(self._rows) // REFINE_ROWS)]
        em_width, size = self._text.em_width, self.size
        return {c: [em_width(row[c]) * size + 1e-9 for row in rows] for c in flexible}

    def _lines(self, amounts: list[float], width: float) -> list[int]:
        """Estimated line counts of texts this wide in a column (no line-breaking rules)."""
        room = max(width - 2 * self.pad_x, 1e-3)
        return [math.ceil(a / room) for a in amounts]

    def _estimate(self, widths: dict[int, float], sample: dict[int, list[float]]) -> int:
        """Estimated total height, in lines, of the sampled rows at these widths."""
        per_column = [self._lines(sample[c], w) for c, w in widths.items()]
        if not per_column or not per_column[0]:
            return 0
        return sum(max(1, *counts) for counts in zip(*per_column, strict=True))

    def _refine_widths(self, widths: dict[int, float], flexible: list[int],
                       least: dict[int, float], natural: dict[int, float],
                       sample: dict[int, list[float]]) -> None:
        """Move width between text columns while that makes the sampled rows shorter in total.

        Equal line counts per column are blind to which cell is the tallest in each row; this
        greedy pass weighs exactly that, so a column that alone makes rows tall gets wider and
        one that is never the tallest gives width away.
        """
        if len(flexible) < 2 or not sample[flexible[0]]:
            return
        step = REFINE_STEP_EM * self.size
        rows = len(sample[flexible[0]])
        counts = {c: self._lines(sample[c], widths[c]) for c in flexible}
        for _ in range(REFINE_ROUNDS):
            # Per row: the tallest column, and the tallest without it.
            best, best_col, second = [1] * rows, [-1] * rows, [1] * rows
            for c in flexible:
                for k, n in enumerate(counts[c]):
                    if n > best[k]:
                        second[k], best[k], best_col[k] = best[k], n, c
                    elif n > second[k]:
                        second[k] = n
            own: dict[int, list[int]] = {c: [] for c in flexible}
            for k, c in enumerate(best_col):
                if c >= 0:
                    own[c].append(k)
            total = sum(best)
            # Widening a column shortens only the rows where it alone is the tallest.
            gain_col, gain = -1, 0
            for c in flexible:
                if own[c] and widths[c] + step <= natural[c] + step / 2:
                    room = max(widths[c] + step - 2 * self.pad_x, 1e-3)
                    amounts = sample[c]
                    g = sum(best[k] - max(math.ceil(amounts[k] / room), second[k]) for k in own[c])
                    if g > gain:
                        gain_col, gain = c, g
            if gain_col < 0:
                return
            # Narrowing one lengthens every row where it becomes the tallest.
            loss_col, loss, loss_counts = -1, gain, counts[gain_col]
            for c in flexible:
                if c != gain_col and widths[c] - step >= least[c]:
                    new = self._lines(sample[c], widths[c] - step)
                    lost = sum(map(max, new, best)) - total
                    if lost < loss:
                        loss_col, loss, loss_counts = c, lost, new
            if loss_col < 0:
                return
            widths[gain_col] += step
            widths[loss_col] -= step
            counts[gain_col] = self._lines(sample[gain_col], widths[gain_col])
            counts[loss_col] = loss_counts

    def _longest_word(self, text: str) -> float:
        """Width in em of the text's longest run without a break opportunity (a figure, a word)."""
        if not text or text.isspace():
            return 0.0
        return max((self._text.em_width(w) for w in _WORD.findall(text)), default=0.0)

    def _wrap(self, text: str, col: int, span: int = 1) -> tuple[str, ...]:
        width = self._x[col + span] - self._x[col] - 2 * self.pad_x
        return self._text.wrap(text, width, self.size)

    def cell_lines(self, row: int, col: int) -> tuple[str, ...]:
        """The printed lines of a cell after ``layout`` (row TOTAL_ROW: the 合计 row)."""
        if row == TOTAL_ROW:
            return self._wrap(self._total[col], col, TOTAL_LABEL_SPAN if col == 0 else 1)
        return self._wrap(self._rows[row][col], col)

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
    #
    # A 5,000-project PDF draws ~310,000 lines of text on ~660 pages, so painting works from
    # caches filled on first use: each distinct text of a column is wrapped and placed once
    # (its lines with their x in device pixels), and the repeated header once per position.
    # The arithmetic is the same as drawing each line afresh, so the page is the same to the bit.

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Draw page ``index`` (0-based) with the painter's origin at the printable area."""
        page = self.pages[index]
        painter.save()
        try:
            self._begin_paint(painter)
            if self._placing is None or self._placing.scale != self._scale:
                self._placing = self._start_placing()
            placing, s = self._placing, self._scale
            grid: list[QLineF] = []
            rules = _RowRules(placing.edges[-1])
            painter.setFont(self._font(self._text, self.size))
            for block in page.blocks:
                if isinstance(block, RowSlice):
                    self._paint_row(painter, block)
                    rules.add(placing.total_edges if block.row == TOTAL_ROW else placing.edges,
                              block.y * s, (block.y + block.height) * s)
                elif isinstance(block, TitleBlock):
                    self._paint_title(painter)
                elif isinstance(block, HeaderBlock):
                    self._paint_header(painter, block.y, grid)
                elif isinstance(block, SignatureBlock):
                    self._paint_signature(painter, block.y)
            grid.extend(rules.finish())
            painter.drawLines(grid)
            self._paint_footer(painter, index)
        finally:
            painter.restore()

    def _start_placing(self) -> _Placing:
        s, x = self._scale, self._x
        return _Placing(s, self._cell_columns(False), self._cell_columns(True),
                        [e * s for e in x], [x[c] * s for c in (0, *range(TOTAL_LABEL_SPAN, len(x)))])

    def _cell_columns(self, total: bool) -> list[_CellColumn]:
        """How the cells of a project row (or the 合计 row) are placed, column by column."""
        columns: list[_CellColumn] = []
        col = 0
        while col < len(SUMMARY_COLUMNS):
            span = TOTAL_LABEL_SPAN if total and col == 0 else 1
            kind = SUMMARY_COLUMNS[col].kind
            if kind is Kind.AMOUNT or kind is Kind.RATE:
                align = _RIGHT
            elif kind is Kind.SEQ or total:
                align = _CENTRE
            else:
                align = _LEFT  # a single line is centred all the same, as on the paper form
            left, right = self._x[col] + self.pad_x, self._x[col + span] - self.pad_x
            width = self._x[col + span] - self._x[col] - 2 * self.pad_x  # as in _wrap
            columns.append((col, align, left, right, width, {}))
            col += span
        return columns

    def _place(self, text: str, align: int, left: float, right: float,
               width: float) -> tuple[tuple[str, float], ...]:
        """A cell's lines, each with its x in device pixels."""
        em_width, size, s = self._text.em_width, self.size, self._scale
        lines = self._text.wrap(text, width, size)
        if len(lines) == 1:  # most cells: no generators
            line = lines[0]
            if align == _RIGHT:
                return ((line, (right - em_width(line) * size) * s),)
            return ((line, (left + right - em_width(line) * size) / 2 * s),)
        if align == _RIGHT:
            return tuple((t, (right - em_width(t) * size) * s) for t in lines)
        if align == _CENTRE:
            return tuple((t, (left + right - em_width(t) * size) / 2 * s) for t in lines)
        return tuple((t, left * s) for t in lines)

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

    def _place_lines(
        self,
        lines: tuple[str, ...],
        left: float,
        right: float,
        top: float,
        align: Qt.AlignmentFlag,
        measure: TextMeasure | None = None,
        size: float | None = None,
    ) -> list[tuple[QPointF, str]]:
        """Where each non-empty line of a block of text is drawn (device pixels)."""
        measure = measure or self._text
        size = size or self.size
        step = size * LINE_SPACING
        y = top + self._baseline(measure, size)
        placed: list[tuple[QPointF, str]] = []
        for text in lines:
            if align == Qt.AlignmentFlag.AlignLeft:
                x = left
            else:
                width = measure.width(text, size)
                x = right - width if align == Qt.AlignmentFlag.AlignRight else (left + right - width) / 2
            if text:
                placed.append((self._point(x, y), text))
            y += step
        return placed

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
        for point, text in self._place_lines(lines, left, right, top, align, measure, size):
            painter.drawText(point, text)

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
        assert self._placing is not None
        header = self._placing.headers.get(top)
        if header is None:
            header = self._placing.headers[top] = self._place_header(top)
        draw = painter.drawText
        for point, text in header[0]:
            draw(point, text)
        grid.extend(header[1])

    def _place_header(self, top: float) -> tuple[list[tuple[QPointF, str]], list[QLineF]]:
        rows, x, line = self._header_rows, self._x, self.line_height
        texts: list[tuple[QPointF, str]] = []
        grid: list[QLineF] = []
        for cell in self._header_cells:
            left, right = x[cell.col], x[cell.col + cell.col_span]
            y1, y2 = top + rows[cell.row], top + rows[cell.row + cell.row_span]
            lines = self._wrap(cell.text, cell.col, cell.col_span)
            text_top = (y1 + y2 - len(lines) * line) / 2
            texts.extend(self._place_lines(lines, left + self.pad_x, right - self.pad_x, text_top,
                                           Qt.AlignmentFlag.AlignHCenter))
            # Each merged cell draws its own box, so merged cells show no inner lines.
            grid.extend((self._line(left, y1, right, y1), self._line(left, y2, right, y2),
                         self._line(left, y1, left, y2), self._line(right, y1, right, y2)))
        return texts, grid

    def _paint_row(self, painter: QPainter, piece: RowSlice) -> None:
        # The innermost loop of printing (one pass per printed line): kept flat on purpose.
        placing = self._placing
        assert placing is not None
        total = piece.row == TOTAL_ROW
        texts = self._total if total else self._rows[piece.row]
        step, s, draw = self.line_height, self._scale, painter.drawText
        # One point moved from line to line: making a QPointF costs three times moving one, and
        # drawText copies it.
        point = QPointF()
        move_x, move_y = point.setX, point.setY
        top = piece.y
        first, count = piece.first_line, piece.line_count
        last, whole = first + count, piece.whole
        baseline = top + self.pad_y + self._baseline(self._text, self.size)
        # Short cells sit in the middle of a tall row, as on the paper form; most cells are one
        # line, all at this height.
        middle = (baseline + (count - 1) * step / 2) * s
        at_middle = False
        for col, align, left, right, width, cache in placing.total if total else placing.cells:
            text = texts[col]
            if not text:
                continue
            placed = cache.get(text)
            if placed is None:
                placed = cache[text] = self._place(text, align, left, right, width)
            if whole and len(placed) == 1:
                t, x = placed[0]
                move_x(x)
                if not at_middle:
                    move_y(middle)
                    at_middle = True
                draw(point, t)
                continue
            shown = placed[first:last]
            y = baseline
            if whole:
                y += (count - len(shown)) * step / 2
            for t, x in shown:
                if t:
                    move_x(x)
                    move_y(y * s)
                    at_middle = False
                    draw(point, t)
                y += step

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
        text = FOOTER.format(page=self.first_page_number + index,
                             pages=self.total_pages or len(self.pages))
        top = self._page_h - self.line_height
        self._draw_lines(painter, (text,), 0.0, self._page_w, top, Qt.AlignmentFlag.AlignHCenter)

