"""The per-project form (项目支出绩效自评表, family B) laid out on pages and painted.

``ProjectFormsDocument(report, uids, profile=...)`` prints one form per project, each starting on
a new page, with the same ``layout(page_rect, dpi)`` / ``paint_page(painter, index)`` API as
``SummaryDocument``; the footer's 第 N 页 共 M 页 counts every page of the document.

The form's rows, columns, merged cells, labels and figures come from
``evaldesk.core.project_layout.form_cells`` (the same cells the workbook writer draws), so paper,
PDF and workbook cannot disagree. What is decided here is how they look on a page:

* column widths follow the form's proportions (``project_layout.COLUMN_WIDTHS``), except that a
  short answer (个工作日, 不适用, a heading) is not broken while a text column can spare room;
* each row is as tall as its most wrapped cell; a merged cell that needs more gives the shortfall
  to its last row (as the workbook writer does);
* a form too tall for one page continues on the next: the title block stays with the first rows,
  a block's heading stays with its first row, the indicator table's heading row is repeated above
  its continuation, and a continuation page names the form and the project at its top. A row
  taller than a page is split between lines, like a row of the summary table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from evaldesk.core import project_layout as pl
from evaldesk.core.money import canonical, format_amount, format_rate
from evaldesk.core.project_layout import CellKind, FormCell, RowPlan
from evaldesk.core.records import Project, Report
from evaldesk.core.scoring import DEFAULT_PROFILE, ScoringProfile
from evaldesk.printing.fonts import chinese_family
from evaldesk.printing.geometry import LINE_SPACING, POINTS_PER_INCH, PageGeometry
from evaldesk.printing.summary import FOOTER
from evaldesk.printing.text import TextMeasure

# Body size: 9 pt on A4 portrait inside 10 mm margins (538.6 pt wide), like the workbook's 10 pt
# SimSun scaled to one page wide; other widths scale it, within what stays legible and sensible.
BODY_PT_PER_WIDTH = 9.0 / 538.6
MIN_BODY_PT = 6.5
MAX_BODY_PT = 12.0
TITLE_EM = 1.8
TITLE_MAX_PT = 18.0
PAD_X_EM = 0.3
PAD_Y_EM = 0.35
SHORT_EM = 6.0  # a line of a label, heading or answer up to this wide is kept on one line
FIGURE_EM = 8.0  # a figure up to this wide too (99999999.99); a wider one may break
MIN_SHARE = 0.6  # a text column keeps at least this share of its proportion of the page
MIN_SPLIT_LINES = 3  # a split row leaves at least this many lines on a page (or fewer if all)
CONTINUED = "{title}（续）　项目名称：{name}"

_BOLD_KINDS = frozenset({CellKind.TITLE, CellKind.SECTION, CellKind.HEADING})
_UNBORDERED = frozenset({CellKind.TITLE, CellKind.SUBTITLE})
_NUMERIC = frozenset({CellKind.AMOUNT, CellKind.RATE, CellKind.SCORE, CellKind.POINTS})
_CENTRED = frozenset({CellKind.TITLE, CellKind.SUBTITLE, CellKind.SECTION, CellKind.HEADING,
                      CellKind.LABEL, CellKind.CENTER, CellKind.SCORE, CellKind.POINTS})
_CENTS = Decimal("0.01")

LEFT, CENTRE, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter, Qt.AlignmentFlag.AlignRight


def cell_text(cell: FormCell) -> str:
    """What the printed form shows in a cell: as the workbook's number formats show it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if cell.kind is CellKind.AMOUNT:
        return format_amount(value)
    if cell.kind is CellKind.RATE:
        return format_rate(value)
    if cell.kind is CellKind.SCORE:
        return str(value.quantize(_CENTS, rounding=ROUND_HALF_UP))
    # A weight or the full marks as written (10, 2.5, never 1E+1), at most to the cent like the
    # scores: a weight of 40/14 computed somewhere must not print 28 digits.
    written = canonical(value)
    exponent = written.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        written = written.quantize(_CENTS, rounding=ROUND_HALF_UP)
    return format(written, "f")


def alignment(cell: FormCell) -> Qt.AlignmentFlag:
    if isinstance(cell.value, str) and cell.kind in _NUMERIC:
        return CENTRE  # "—", 不适用, a text kept where a figure belongs
    if cell.kind in (CellKind.AMOUNT, CellKind.RATE):
        return RIGHT
    return CENTRE if cell.kind in _CENTRED else LEFT


@dataclass(frozen=True)
class RowPiece:
    """A row of the form on a page: whole, or the lines of a split row that are on this page."""

    row: int  # the form's row (RowPlan numbering)
    y: float  # top, in points from the top of the printable area
    height: float
    first_line: int
    line_count: int
    whole: bool
    repeated: bool = False  # the indicator table's heading row repeated on a continuation page


@dataclass
class FormPage:
    form: int  # index into ProjectFormsDocument.projects
    continued: bool  # not the form's first page: a line at the top names form and project
    pieces: list[RowPiece] = field(default_factory=list)


class ProjectForm:
    """One project's form, its cells measured for one page width."""

    def __init__(self, project: Project, year: int | None, profile: ScoringProfile) -> None:
        self.project = project
        self.plan: RowPlan
        cells: list[FormCell]
        self.plan, cells = pl.form_cells(project, year, profile)
        self.cells = cells
        self.texts = [cell_text(c) for c in cells]
        self.x: list[float] = []
        self.lines: dict[int, tuple[str, ...]] = {}  # cell index → wrapped lines
        self.row_lines: list[int] = []
        self.row_heights: list[float] = []

    @property
    def indicator_rows(self) -> range:
        return range(self.plan.first_indicator, self.plan.total)

    def keeps_with_next(self) -> set[int]:
        """Rows that must not end a page: the title with the first header row, each block's
        heading with its first row, the funds block whole, and 总分 to the signatures whole."""
        plan = self.plan
        keep = {plan.title, plan.year, plan.goal_header, plan.indicator_header}
        keep.update(range(plan.funds_header, plan.goal_header - 1))
        keep.update(range(plan.total, plan.signature))
        return keep


PROGRESS_STEP = 100


class ProjectFormsDocument(PageGeometry):
    """The 项目支出绩效自评表 of some or all projects of a report, one after another.

    ``uids``: the projects to print (``Project.uid``), in the report's order; None prints all.
    ``profile``: the scoring rules behind 执行率得分, computed indicator scores, 总分 and 自评等级
    (typed scores are printed as typed). Texts are taken when the document is made: make a new
    one after edits.
    """

    PAD_X_EM = PAD_X_EM
    PAD_Y_EM = PAD_Y_EM
    TITLE_EM = TITLE_EM
    TITLE_MAX_PT = TITLE_MAX_PT

    def __init__(
        self,
        report: Report,
        uids: Iterable[int] | None = None,
        *,
        profile: ScoringProfile = DEFAULT_PROFILE,
        font_family: str | None = None,
        font_size: float | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> None:
        # ``progress(phase, done, total)`` ("build" or "layout") every PROGRESS_STEP forms: a
        # preview of thousands of forms says how far it is (called on the thread doing the work).
        self.progress = progress
        self.report = report
        if uids is None:
            self.projects = list(report.projects)
        else:
            wanted = set(uids)
            self.projects = [p for p in report.projects if p.uid in wanted]
            unknown = wanted - {p.uid for p in self.projects}
            if unknown:
                raise ValueError(f"report has no project with uid {sorted(unknown)}")
        self.profile = profile
        self.family = chinese_family(font_family)
        self._fixed_size = font_size
        self._text = TextMeasure(self.family)
        self._bold = TextMeasure(self.family, bold=True)
        self.forms: list[ProjectForm] = []
        for done, project in enumerate(self.projects):
            if progress is not None and done % PROGRESS_STEP == 0:
                progress("build", done, len(self.projects))
            self.forms.append(ProjectForm(project, report.year, profile))
        self.pages: list[FormPage] = []
        self.first_pages: list[int] = []  # index of each form's first page
        self.size = font_size or 0.0
        self.first_page_number = 1
        self.total_pages: int | None = None  # the whole document's, when this is a part of it
        self._dpi = POINTS_PER_INCH
        self._page_w = self._page_h = 0.0
        self._scale = 1.0
        self._font_factor = 1.0

    # -- geometry ---------------------------------------------------------------------------

    def pages_of(self, form: int) -> range:
        """The page indices of form ``form`` (after ``layout``)."""
        start = self.first_pages[form]
        end = self.first_pages[form + 1] if form + 1 < len(self.first_pages) else len(self.pages)
        return range(start, end)

    def layout(self, page_rect: QRectF | QRect, dpi: float) -> list[FormPage]:
        """Paginate for a printable area given in device pixels at ``dpi`` (see SummaryDocument)."""
        self._dpi = float(dpi)
        self._page_w = page_rect.width() * POINTS_PER_INCH / dpi
        self._page_h = page_rect.height() * POINTS_PER_INCH / dpi
        self.size = self._fixed_size or min(MAX_BODY_PT, max(MIN_BODY_PT,
                                                             self._page_w * BODY_PT_PER_WIDTH))
        self.footer_height = self.line_height * 2
        self.continued_height = self.line_height * 1.5
        self.pages = []
        self.first_pages = []
        for number, form in enumerate(self.forms):
            if self.progress is not None and number % PROGRESS_STEP == 0:
                self.progress("layout", number, len(self.forms))
            self._measure(form)
            self.first_pages.append(len(self.pages))
            self.pages.extend(self._paginate(number, form))
        return self.pages

    def _measure(self, form: ProjectForm) -> None:
        self._fit_columns(form)
        form.lines = {}
        lines = [1] * (form.plan.last + 1)
        tall: list[tuple[int, int, int]] = []
        size, title_size, x, pad2 = self.size, self.title_size, form.x, 2 * self.pad_x
        for k, (cell, text) in enumerate(zip(form.cells, form.texts, strict=True)):
            if not text:
                form.lines[k] = ()
                continue  # an empty cell asks for no more than the one line every row has
            # _cell_size and _measure_for written out: ~150 cells a form, thousands of forms.
            cell_size = title_size if cell.kind is CellKind.TITLE else size
            measure = self._bold if cell.kind in _BOLD_KINDS else self._text
            wrapped = measure.wrap(text, x[cell.last_col + 1] - x[cell.col] - pad2, cell_size)
            form.lines[k] = wrapped
            n = len(wrapped) * cell_size / size  # in body lines
            whole = int(n + 0.999) if n > 1 else 1
            if cell.row == cell.last_row:
                if whole > lines[cell.row]:
                    lines[cell.row] = whole
            else:
                tall.append((cell.row, cell.last_row, whole))
        for first, last, need in tall:
            have = sum(lines[first:last + 1])
            if need > have:
                lines[last] += need - have
        form.row_lines = lines
        pad2 = 2 * self.pad_y
        heights = [n * self.line_height + pad2 for n in lines]
        heights[form.plan.title] = self.title_size * LINE_SPACING + self.size * 0.3
        heights[form.plan.year] = self.line_height + self.size * 0.3
        form.row_heights = heights

    def _cell_size(self, cell: FormCell) -> float:
        if cell.kind is CellKind.TITLE:
            return self.title_size
        return self.size

    def _measure_for(self, cell: FormCell) -> TextMeasure:
        return self._bold if cell.kind in _BOLD_KINDS else self._text

    def _fit_columns(self, form: ProjectForm) -> None:
        """Column widths for this project's texts, one page wide.

        Every column is at least MIN_SHARE of its proportion of the form and wide enough that no
        figure up to FIGURE_EM, and no heading line, label or answer up to SHORT_EM, is broken. The columns
        holding longer text (三级指标, 实际完成值, 偏差原因…) then share the page so that each
        needs about the same number of lines for its texts: a column with little to say gives
        room to one with much, none gets wider than its longest line. Width left over goes to
        all columns in the form's proportions.
        """
        total = sum(pl.COLUMN_WIDTHS)
        base = [self._page_w * w / total for w in pl.COLUMN_WIDTHS]
        pad2, size = 2 * self.pad_x, self.size
        want = [0.0] * pl.COLUMNS
        amount = [0.0] * pl.COLUMNS
        natural = [0.0] * pl.COLUMNS
        for cell, text in zip(form.cells, form.texts, strict=True):
            if cell.col != cell.last_col or cell.kind in _UNBORDERED or not text:
                continue
            measure, col = self._measure_for(cell), cell.col
            for line in text.split("\n"):
                em = measure.em_width(line)
                if (cell.kind in _NUMERIC and em <= FIGURE_EM) or (
                        cell.kind is not CellKind.TEXT and em <= SHORT_EM):
                    want[col] = max(want[col], em * size + pad2)
                else:
                    amount[col] += em * size
                    natural[col] = max(natural[col], em * size + pad2)
        columns = range(pl.COLUMNS)
        least = [max(want[c], base[c] * MIN_SHARE) for c in columns]
        most = [max(natural[c], least[c]) for c in columns]

        def width_at(c: int, lines: float) -> float:
            return min(most[c], max(least[c], amount[c] / lines + pad2))

        widths = list(least)
        if sum(most) <= self._page_w:
            widths = most  # every text on one line: the rest is shared out below
        elif sum(least) < self._page_w:
            low, high = 1e-3, 1.0
            while sum(width_at(c, high) for c in columns) > self._page_w and high < 1e6:
                high *= 2
            # A hundredth of a line is far below what a row's height can show.
            while high - low > 0.01 * high:
                middle = (low + high) / 2
                if sum(width_at(c, middle) for c in columns) > self._page_w:
                    low = middle
                else:
                    high = middle
            widths = [width_at(c, high) for c in columns]
        left_over = self._page_w - sum(widths)
        if left_over > 0:
            widths = [w + left_over * b / self._page_w for w, b in zip(widths, base, strict=True)]
        else:
            # A page too narrow for the least widths: everything gives in proportion.
            widths = [w * self._page_w / sum(widths) for w in widths]
        form.x = [0.0]
        for w in widths:
            form.x.append(form.x[-1] + w)

    def _paginate(self, number: int, form: ProjectForm) -> list[FormPage]:
        plan, heights, lines = form.plan, form.row_heights, form.row_lines
        line, pad2 = self.line_height, 2 * self.pad_y
        bottom = self._page_h - self.footer_height
        header_h = heights[plan.indicator_header]
        top_of_continued = self.continued_height
        if bottom - top_of_continued - header_h - pad2 < line * MIN_SPLIT_LINES:
            raise ValueError("纸张太小或页边距太大，放不下项目表")
        indicators = form.indicator_rows
        pages = [FormPage(number, False)]
        y = 0.0
        fresh = True  # nothing but the page's top matter on the page yet

        def new_page(next_row: int) -> None:
            nonlocal y, fresh
            page = FormPage(number, True)
            pages.append(page)
            y = top_of_continued
            if next_row in indicators:
                page.pieces.append(RowPiece(plan.indicator_header, y, header_h, 0,
                                            lines[plan.indicator_header], True, repeated=True))
                y += header_h
            fresh = True

        def top_for(row: int) -> float:
            return top_of_continued + (header_h if row in indicators else 0.0)

        def place(row: int) -> None:
            nonlocal y, fresh
            pages[-1].pieces.append(RowPiece(row, y, heights[row], 0, lines[row], True))
            y += heights[row]
            fresh = False

        def place_split(row: int) -> None:
            nonlocal y, fresh
            n, first = lines[row], 0
            while first < n:
                fits = int((bottom - y - pad2) / line + 1e-9)
                if fits < min(MIN_SPLIT_LINES, n - first) and not fresh:
                    new_page(row)
                    continue
                count = max(1, min(fits, n - first))
                height = count * line + pad2
                whole = first == 0 and count == n
                pages[-1].pieces.append(RowPiece(row, y, height, first, count, whole))
                y += height
                first += count
                fresh = False

        keep = form.keeps_with_next()
        groups: list[list[int]] = [[]]
        for row in range(plan.last + 1):
            groups[-1].append(row)
            if row not in keep:
                groups.append([])
        for group in (g for g in groups if g):
            height = sum(heights[r] for r in group)
            if y + height <= bottom:
                for row in group:
                    place(row)
                continue
            if not fresh and top_for(group[0]) + height <= bottom:
                new_page(group[0])
                for row in group:
                    place(row)
                continue
            # Taller than a page: its headings and the start of its last row go together.
            head = sum(heights[r] for r in group[:-1])
            start = min(MIN_SPLIT_LINES, lines[group[-1]]) * line + pad2
            if not fresh and y + head + start > bottom:
                new_page(group[0])
            for row in group:
                if y + heights[row] <= bottom:
                    place(row)
                elif not fresh and top_for(row) + heights[row] <= bottom:
                    new_page(row)
                    place(row)
                else:
                    place_split(row)
        return pages

    # -- painting ------------------------------------------------------------------------------

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Draw page ``index`` (0-based) with the painter's origin at the printable area."""
        page = self.pages[index]
        form = self.forms[page.form]
        painter.save()
        try:
            self._begin_paint(painter)
            if page.continued:
                caption = CONTINUED.format(title=pl.TITLE, name=form.project.name)
                lines = self._text.wrap(caption, self._page_w, self.size)[:1]
                painter.setFont(self._font(self._text, self.size))
                self._draw_lines(painter, lines, 0.0, self._page_w, 0.0, LEFT, self._text,
                                 self.size)
            grid: set[tuple[float, float, float, float]] = set()
            self._paint_cells(painter, form, page, grid)
            s = self._scale
            painter.drawLines([QLineF(x1 * s, y1 * s, x2 * s, y2 * s) for x1, y1, x2, y2 in grid])
            self._paint_footer(painter, index)
        finally:
            painter.restore()

    def _paint_cells(self, painter: QPainter, form: ProjectForm, page: FormPage,
                     grid: set[tuple[float, float, float, float]]) -> None:
        by_row: dict[int, list[RowPiece]] = {}
        for piece in page.pieces:
            by_row.setdefault(piece.row, []).append(piece)
        current: QFont | None = None
        for k, cell in enumerate(form.cells):
            pieces = [p for r in range(cell.row, cell.last_row + 1) for p in by_row.get(r, ())]
            if not pieces:
                continue
            top = min(p.y for p in pieces)
            bottom = max(p.y + p.height for p in pieces)
            left, right = form.x[cell.col], form.x[cell.last_col + 1]
            if cell.kind not in _UNBORDERED:
                for edge in ((left, top, right, top), (left, bottom, right, bottom),
                             (left, top, left, bottom), (right, top, right, bottom)):
                    grid.add(tuple(round(v, 3) for v in edge))  # type: ignore[arg-type]
            lines = form.lines[k]
            if not lines:
                continue
            measure = self._measure_for(cell)
            size = self._cell_size(cell)
            step = size * LINE_SPACING
            split = [p for p in pieces if not p.whole]
            if cell.row == cell.last_row and split:
                piece = split[0]
                shown = lines[piece.first_line:piece.first_line + piece.line_count]
                text_top = top + self.pad_y
            else:
                room = max(1, int((bottom - top - 2 * self.pad_y) / step + 1e-9))
                shown = lines[:room]
                text_top = (top + bottom - len(shown) * step) / 2
            font = self._font(measure, size)
            if font != current:
                painter.setFont(font)
                current = font
            self._draw_lines(painter, shown, left + self.pad_x, right - self.pad_x, text_top,
                             alignment(cell), measure, size)

    def _font(self, measure: TextMeasure, size: float) -> QFont:
        return measure.font(size * self._font_factor)

    def _baseline(self, measure: TextMeasure, size: float) -> float:
        line = size * LINE_SPACING
        return (line - (measure.ascent_em + measure.descent_em) * size) / 2 + measure.ascent_em * size

    def _draw_lines(self, painter: QPainter, lines: Sequence[str], left: float, right: float,
                    top: float, align: Qt.AlignmentFlag, measure: TextMeasure,
                    size: float) -> None:
        s, step = self._scale, size * LINE_SPACING
        y = top + self._baseline(measure, size)
        for text in lines:
            if text:
                if align == LEFT:
                    x = left
                else:
                    width = measure.width(text, size)
                    x = right - width if align == RIGHT else (left + right - width) / 2
                painter.drawText(QPointF(x * s, y * s), text)
            y += step

    def _paint_footer(self, painter: QPainter, index: int) -> None:
        total = self.total_pages or len(self.pages)
        text = FOOTER.format(page=self.first_page_number + index, pages=total)
        painter.setFont(self._font(self._text, self.size))
        self._draw_lines(painter, (text,), 0.0, self._page_w, self._page_h - self.line_height,
                         CENTRE, self._text, self.size)
