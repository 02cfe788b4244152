"""The print preview: page 1 at once however long the report, on the paper the clerk chose.

Qt's QPrintPreviewDialog paints every page before it shows any (seconds of a frozen window for a
district's 660 A3 pages). Here the document is laid out once (page breaks only: fast, and needed
anyway for "共 M 页"), then a page is painted only when it scrolls into view, into a small cache.

The paper, orientation and margins are remembered per kind of print ("summary", "forms") and
are what the window's 打印 and 导出 PDF use too (``load_choice``).
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import cast

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, QSizeF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QStatusBar,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evaldesk.printing.paper import (
    MARGIN_MM,
    PAPERS,
    CombinedDocument,
    PagedDocument,
    page_image,
    page_layout,
    print_document,
)
from evaldesk.printing.pdf import FORM_PAPER, PDF_RESOLUTION
from evaldesk.ui import i18n
from evaldesk.ui.workers import Task

# Laid out as for the PDF, so the preview shows the PDF's line and page breaks at any zoom.
LAYOUT_DPI = PDF_RESOLUTION
MIN_MARGIN_MM = 3.0  # printers cannot print to the edge of the sheet
MAX_MARGIN_MM = 40.0
KINDS = ("summary", "forms")
DEFAULTS = {
    "summary": ("A3", True),
    "forms": (FORM_PAPER, False),
}
# Kinds laid out in portrait by default: fitted as a whole page, since their width would fill a
# wide screen with a third of a page.
PORTRAIT_FIRST = frozenset({"forms"})


@dataclass(frozen=True)
class PaperChoice:
    paper: str = "A3"
    landscape: bool = True
    margin_mm: float = MARGIN_MM

    def page_layout(self) -> QPageLayout:
        return page_layout(self.paper, self.landscape, self.margin_mm)


def default_choice(kind: str) -> PaperChoice:
    paper, landscape = DEFAULTS[kind]
    return PaperChoice(paper, landscape, MARGIN_MM)


def _as_bool(value: object, default: bool) -> bool:
    # An .ini file gives back "true"/"false" strings for the booleans it was given.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default


def load_choice(kind: str) -> PaperChoice:
    """The clerk's last paper set-up for ``kind`` ("summary" or "forms"); the default for
    anything missing or unreadable (a hand-edited settings file must not break printing)."""
    default = default_choice(kind)
    settings = i18n.settings()
    paper = settings.value(f"print/{kind}/paper", default.paper)
    if not isinstance(paper, str) or paper.upper() not in PAPERS:
        paper = default.paper
    landscape = _as_bool(settings.value(f"print/{kind}/landscape", default.landscape),
                         default.landscape)
    try:
        margin = float(str(settings.value(f"print/{kind}/margin_mm", default.margin_mm)))
    except ValueError:
        margin = default.margin_mm
    if not MIN_MARGIN_MM <= margin <= MAX_MARGIN_MM:
        margin = default.margin_mm
    return PaperChoice(paper.upper(), landscape, margin)


def save_choice(kind: str, choice: PaperChoice) -> None:
    settings = i18n.settings()
    settings.setValue(f"print/{kind}/paper", choice.paper)
    settings.setValue(f"print/{kind}/landscape", choice.landscape)
    settings.setValue(f"print/{kind}/margin_mm", choice.margin_mm)


def load_fit(kind: str) -> str:
    """How the pages were last fitted: "width", or "page" (the default for the portrait forms,
    whose width would fill a wide screen with one third of a page)."""
    value = i18n.settings().value(f"print/{kind}/fit", "page" if kind in PORTRAIT_FIRST else "width")
    return value if value in ("width", "page") else "width"


def save_fit(kind: str, fit: str) -> None:
    i18n.settings().setValue(f"print/{kind}/fit", fit)


class PageCache:
    """Painted pages, least recently used first out, bounded by memory rather than by count
    (an A3 page at a large zoom is ten times a small one)."""

    def __init__(self, budget_bytes: int = 96 * 1024 * 1024, keep_at_least: int = 4) -> None:
        self.budget = budget_bytes
        self.keep_at_least = keep_at_least
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: tuple[int, int]) -> bool:
        return key in self._images

    def get(self, key: tuple[int, int]) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: tuple[int, int], image: QImage) -> None:
        self._images[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self.budget and len(self._images) > self.keep_at_least:
            _, old = self._images.popitem(last=False)
            self._bytes -= old.sizeInBytes()

    def pages(self) -> set[int]:
        return {index for index, _ in self._images}

    def clear(self) -> None:
        self._images.clear()
        self._bytes = 0


class PageView(QAbstractScrollArea):
    """Pages one under the other on a grey desk, painted when they come into view."""

    currentPageChanged = Signal(int)
    zoomChanged = Signal()

    GAP = 18  # pixels around and between the sheets
    SHADOW = 4
    MIN_ZOOM = 0.1  # pixels per point
    MAX_ZOOM = 8.0
    ZOOM_STEP = 1.25

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.document: PagedDocument | None = None
        self.setup = QPageLayout()
        self.sizes: list[QSizeF] = []  # each page's paper in points
        self.cache = PageCache()
        self.renders = 0  # pages painted so far (the tests check that few are)
        self.message = ""  # said where the pages will be, while there are none
        self.fit = "width"  # "width", "page" or "" (a zoom of the clerk's)
        self._zoom = 1.0
        self._tops: list[int] = []
        self._content = QSize()
        self._current = 0
        self._jumping = False
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.timeout.connect(self._render_ahead)
        self._ahead = -1
        # Always there, so that fitting the width cannot make it come and go.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # -- pages ---------------------------------------------------------------------------------

    def clear(self, message: str = "") -> None:
        """No pages while the document is laid out again (by a worker: nothing may paint it),
        with ``message`` in their place."""
        self.document = None
        self.sizes = []
        self.cache.clear()
        self.message = message
        self._relayout()

    def set_pages(self, document: PagedDocument, setup: QPageLayout, count: int) -> None:
        """Show ``count`` pages of a laid-out ``document``; its paper is ``setup`` (or, for a
        CombinedDocument, each part's own)."""
        self.document = document
        self.setup = setup
        self.message = ""
        combined = document if isinstance(document, CombinedDocument) else None
        paper = QSizeF(setup.fullRectPoints().size())
        self.sizes = [paper] * count if combined is None else [
            QSizeF((combined.page_layout(i) or setup).fullRectPoints().size()) for i in range(count)]
        self.cache.clear()
        self._current = min(self._current, max(0, count - 1))
        self._relayout()

    @property
    def count(self) -> int:
        return len(self.sizes)

    @property
    def current(self) -> int:
        return self._current

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` is, in viewport coordinates."""
        size = self._pixels(self.sizes[index])
        x = max(self.GAP, (self._content.width() - size.width()) // 2)
        return QRect(QPoint(x - self.horizontalScrollBar().value(),
                            self._tops[index] - self.verticalScrollBar().value()), size)

    def visible_pages(self) -> range:
        if not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        if self._tops[first] + self._pixels(self.sizes[first]).height() <= top:
            first += 1
        last = max(first, bisect.bisect_left(self._tops, bottom))
        return range(first, min(last, self.count))

    def go_to(self, index: int) -> None:
        if not self.count:
            return
        index = max(0, min(index, self.count - 1))
        self._jumping = True
        try:
            self.verticalScrollBar().setValue(self._tops[index] - self.GAP // 2)
        finally:
            self._jumping = False
        self._set_current(index)

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self.currentPageChanged.emit(index)

    def _scrolled(self, value: int) -> None:
        self.viewport().update()
        if self._jumping or not self._tops:
            return
        bar = self.verticalScrollBar()
        if value >= bar.maximum() > 0:
            # At the end of the document the last page may never reach the middle of the view.
            self._set_current(self.count - 1)
            return
        probe = value + self.viewport().height() * 2 // 5
        self._set_current(max(0, min(bisect.bisect_right(self._tops, probe) - 1, self.count - 1)))

    # -- zoom ------------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """Screen pixels per point of paper."""
        return self._zoom

    def zoom_percent(self) -> int:
        """The zoom as a clerk reads it: 100% is the paper's real size on this screen."""
        return round(self._zoom * 72.0 / self.logicalDpiX() * 100)

    def set_fit(self, fit: str) -> None:
        self.fit = fit
        self._relayout()

    def zoom_by(self, factor: float) -> None:
        self.fit = ""
        self._zoom = max(self.MIN_ZOOM, min(self.MAX_ZOOM, self._zoom * factor))
        self._relayout()

    def _fitted_zoom(self) -> float:
        if not self.sizes:
            return self._zoom
        # The widest and tallest sheets are enough: a document has at most two kinds of paper.
        width = max(s.width() for s in (self.sizes[0], self.sizes[-1]))
        height = max(s.height() for s in (self.sizes[0], self.sizes[-1]))
        by_width = (self.viewport().width() - 2 * self.GAP - self.SHADOW) / width
        if self.fit == "page":
            by_height = (self.viewport().height() - 2 * self.GAP - self.SHADOW) / height
            return max(self.MIN_ZOOM, min(by_width, by_height))
        return max(self.MIN_ZOOM, by_width)

    def _pixels(self, size: QSizeF) -> QSize:
        return QSize(round(size.width() * self._zoom), round(size.height() * self._zoom))

    def _relayout(self) -> None:
        """Place the pages for the zoom, keeping the current page where the clerk was."""
        current = self._current
        previous = self._zoom
        offset = 0.0
        if self._tops and current < len(self._tops):
            offset = (self.verticalScrollBar().value() - self._tops[current]) / previous
        if self.fit:
            self._zoom = self._fitted_zoom()
        tops, y, widest = [], self.GAP, 0
        for size in self.sizes:
            pixels = self._pixels(size)
            tops.append(y)
            y += pixels.height() + self.GAP
            widest = max(widest, pixels.width())
        self._tops = tops
        self._content = QSize(max(widest + 2 * self.GAP, self.viewport().width()), y)
        view = self.viewport().size()
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        vertical.setRange(0, max(0, y - view.height()))
        vertical.setPageStep(view.height())
        vertical.setSingleStep(max(20, view.height() // 20))
        horizontal.setRange(0, max(0, self._content.width() - view.width()))
        horizontal.setPageStep(view.width())
        horizontal.setSingleStep(20)
        if tops:
            self._jumping = True
            try:
                vertical.setValue(tops[current] + round(offset * self._zoom))
            finally:
                self._jumping = False
        if self._zoom != previous:
            self.zoomChanged.emit()
        self.viewport().update()

    # -- painting --------------------------------------------------------------------------------

    def image(self, index: int) -> QImage:
        """Page ``index`` painted for the current zoom (from the cache when it is there)."""
        assert self.document is not None
        ratio = self.devicePixelRatioF()
        dpi = self._zoom * 72.0 * ratio
        key = (index, round(dpi * 100))
        image = self.cache.get(key)
        if image is None:
            image = page_image(self.document, self.setup, index, dpi=dpi, layout_dpi=LAYOUT_DPI)
            image.setDevicePixelRatio(ratio)
            self.renders += 1
            self.cache.put(key, image)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor("#8a8d91"))
        if self.message and not self.sizes:
            painter.setPen(QColor("white"))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.message)
        shown = self.visible_pages()
        for index in shown:
            rect = self.page_rect(index)
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(self.SHADOW, self.SHADOW), QColor(0, 0, 0, 70))
            painter.drawImage(rect, self.image(index))
            painter.setPen(QColor("#5f6368"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()
        if shown and shown.stop < self.count:
            # The next page is painted once this one is on screen, so paging down is instant.
            self._ahead = shown.stop
            self._prefetch.start(0)

    def _render_ahead(self) -> None:
        if self.document is not None and 0 <= self._ahead < self.count:
            self.image(self._ahead)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(self.ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_PageUp: self._current - 1,
            Qt.Key.Key_PageDown: self._current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: self.count - 1,
        }
        try:
            key = Qt.Key(event.key())
        except ValueError:  # a key code Qt has no name for
            key = Qt.Key.Key_unknown
        if key in moves and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.go_to(moves[key])
            return
        super().keyPressEvent(event)


class LayoutCancelled(Exception):
    """The preview was closed while its worker was still building or laying out the pages."""


class PrintPreviewDialog(QDialog):
    """Preview, print and export one document (the summary, or the forms of some projects).

    ``document``: a PagedDocument (SummaryDocument, ProjectFormsDocument, CombinedDocument),
    laid out here on the remembered paper of ``kind`` ("summary" or "forms").
    ``warning``: shown in a bar above the pages (e.g. the report still has errors).
    ``export``: called with the chosen paper and this dialog (as the parent of a file dialog,
    and to tell with ``show_message`` when the PDF is written); without it there is no export
    button.
    """

    laidOut = Signal()  # the pages for the chosen paper are ready (after each layout)
    _progressed = Signal(str, int, int)  # from the worker: phase, done, total

    def __init__(
        self,
        document: PagedDocument | Callable[[], PagedDocument],
        kind: str = "summary",
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        doc_name: str = "",
        warning: str | None = None,
        export: Callable[[PaperChoice, QWidget], object] | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        self.setObjectName("printPreview")
        self.setWindowTitle(title or self.tr("打印预览"))
        # A document, or what makes it: thousands of per-project forms take seconds to build,
        # which a worker does while the dialog is already on screen.
        self.document: PagedDocument | None = None
        self._make: Callable[[], PagedDocument] | None = None
        if callable(getattr(document, "layout", None)):
            self.document = document  # type: ignore[assignment]
        else:
            self._make = document  # type: ignore[assignment]
        self._layout_task: Task | None = None
        self._layout_again = False
        self._closed = False
        self._progressed.connect(self._show_progress)
        self.kind = kind
        self.doc_name = doc_name
        self._export = export
        self.choice = load_choice(kind)
        self.pages: Sequence[object] = ()

        self.view = PageView(self)
        self.warning = self._warning_bar(warning)
        self.toolbar = self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        # What was printed or exported is said here: the window's status bar is behind the dialog.
        self.status = QStatusBar(self)
        self.status.setSizeGripEnabled(True)
        layout.addWidget(self.status)
        self._build_shortcuts()
        self.view.currentPageChanged.connect(self._show_current)
        self.view.zoomChanged.connect(self._show_zoom)
        # Margins are typed digit by digit: lay out once the clerk pauses, not at every digit.
        self._margin_timer = QTimer(self)
        self._margin_timer.setSingleShot(True)
        self._margin_timer.setInterval(400)
        self._margin_timer.timeout.connect(self._margin_changed)
        if parent is not None:
            self.resize(parent.size() * 0.9)
        else:
            self.resize(1200, 860)
        self._layout_document()
        self.view.setFocus()

    # -- building ------------------------------------------------------------------------------

    def _icon_action(self, text: str, icon: QStyle.StandardPixmap | None, slot: Callable[[], object],
                     tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setToolTip(tip or text.rstrip("…"))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_toolbar(self) -> QToolBar:
        sp = QStyle.StandardPixmap
        bar = QToolBar(self)
        bar.setObjectName("previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        small = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        bar.setIconSize(QSize(small, small))
        # A narrow screen (a 1366-pixel laptop) gets the last tools in the »  menu rather than a
        # dialog wider than the screen.
        bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.act_print = self._icon_action(self.tr("打印…"), None, self.print_,
                                           self.tr("打印 (Ctrl+P)"))
        # The system's printer icon where it has one (Qt's own set has none).
        self.act_print.setIcon(QIcon.fromTheme(QIcon.ThemeIcon.DocumentPrint))
        bar.addAction(self.act_print)
        self.act_pdf = self._icon_action(self.tr("导出 PDF…"), sp.SP_DialogSaveButton, self.export)
        if self._export is not None:
            bar.addAction(self.act_pdf)
        bar.addSeparator()

        bar.addWidget(QLabel(self.tr("纸张 "), bar))
        self.paper_box = QComboBox(bar)
        self.paper_box.addItems(list(PAPERS))
        self.paper_box.setCurrentText(self.choice.paper)
        self.paper_box.setToolTip(self.tr("纸张大小"))
        self.paper_box.currentTextChanged.connect(
            lambda text: self.set_choice(replace(self.choice, paper=text)))
        bar.addWidget(self.paper_box)
        self.orientation_box = QComboBox(bar)
        self.orientation_box.addItems([self.tr("横向"), self.tr("纵向")])
        self.orientation_box.setCurrentIndex(0 if self.choice.landscape else 1)
        self.orientation_box.setToolTip(self.tr("纸张方向"))
        self.orientation_box.currentIndexChanged.connect(
            lambda row: self.set_choice(replace(self.choice, landscape=row == 0)))
        bar.addWidget(self.orientation_box)
        bar.addWidget(QLabel(self.tr("  页边距 "), bar))
        self.margin_box = QDoubleSpinBox(bar)
        self.margin_box.setRange(MIN_MARGIN_MM, MAX_MARGIN_MM)
        self.margin_box.setDecimals(1)
        self.margin_box.setSingleStep(1.0)
        self.margin_box.setSuffix(self.tr(" 毫米"))
        self.margin_box.setValue(self.choice.margin_mm)
        self.margin_box.setToolTip(self.tr("上下左右的页边距"))
        self.margin_box.setKeyboardTracking(False)
        self.margin_box.valueChanged.connect(lambda _v: self._margin_timer.start())
        bar.addWidget(self.margin_box)
        bar.addSeparator()

        self.act_fit_width = self._icon_action(self.tr("适合宽度"), None,
                                               lambda: self._fit("width"))
        self.act_fit_page = self._icon_action(self.tr("整页"), None, lambda: self._fit("page"))
        for action in (self.act_fit_width, self.act_fit_page):
            action.setCheckable(True)
        self.view.fit = load_fit(self.kind)
        self.act_zoom_out = self._icon_action(self.tr("缩小"), None,
                                              lambda: self.view.zoom_by(1 / PageView.ZOOM_STEP),
                                              self.tr("缩小 (Ctrl+-)"))
        self.act_zoom_in = self._icon_action(self.tr("放大"), None,
                                             lambda: self.view.zoom_by(PageView.ZOOM_STEP),
                                             self.tr("放大 (Ctrl++)"))
        self.act_zoom_out.setText("−")
        self.act_zoom_in.setText("+")
        bar.addActions([self.act_fit_width, self.act_fit_page, self.act_zoom_out])
        self.zoom_label = QLabel(bar)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("1000%"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.act_zoom_in)
        bar.addSeparator()

        self.act_previous = self._icon_action(self.tr("上一页"), sp.SP_ArrowUp,
                                              lambda: self.view.go_to(self.view.current - 1),
                                              self.tr("上一页 (PgUp)"))
        self.act_next = self._icon_action(self.tr("下一页"), sp.SP_ArrowDown,
                                          lambda: self.view.go_to(self.view.current + 1),
                                          self.tr("下一页 (PgDn)"))
        self.act_first = self._icon_action(self.tr("第一页"), None, lambda: self.view.go_to(0),
                                           self.tr("第一页 (Home)"))
        self.act_last = self._icon_action(self.tr("最后一页"), None,
                                          lambda: self.view.go_to(self.view.count - 1),
                                          self.tr("最后一页 (End)"))
        nav = QWidget(bar)
        row = QHBoxLayout(nav)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(4)
        row.addWidget(QLabel(self.tr("第"), nav))
        self.page_box = QSpinBox(nav)
        self.page_box.setRange(1, 1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setToolTip(self.tr("输入页码后按回车跳到该页"))
        self.page_box.valueChanged.connect(lambda number: self.view.go_to(number - 1))
        row.addWidget(self.page_box)
        self.count_label = QLabel(nav)
        row.addWidget(self.count_label)
        bar.addAction(self.act_previous)
        bar.addWidget(nav)
        bar.addAction(self.act_next)
        for action in (self.act_previous, self.act_next):
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        return bar

    def _warning_bar(self, text: str | None) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("previewWarning")
        bar.setStyleSheet("#previewWarning { background: #fdecea; border-bottom: 1px solid #e8a39c; }"
                          "#previewWarning QLabel { color: #8c1d18; }")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 6, 10, 6)
        icon = QLabel(bar)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                       .pixmap(size, size))
        self.warning_label = QLabel(text or "", bar)
        self.warning_label.setWordWrap(True)
        row.addWidget(icon)
        row.addWidget(self.warning_label, 1)
        bar.setVisible(bool(text))
        return bar

    def _build_shortcuts(self) -> None:
        # Dialog-wide, so they work wherever the focus is (the toolbar's boxes included).
        keys = QKeySequence.StandardKey
        self.act_print.setShortcut(QKeySequence(keys.Print))
        self.act_zoom_in.setShortcuts([QKeySequence(keys.ZoomIn), QKeySequence("Ctrl+=")])
        self.act_zoom_out.setShortcut(QKeySequence(keys.ZoomOut))
        self.act_previous.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.act_next.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.act_first.setShortcut(QKeySequence(Qt.Key.Key_Home))
        self.act_last.setShortcut(QKeySequence(Qt.Key.Key_End))
        for action in (self.act_print, self.act_zoom_in, self.act_zoom_out, self.act_previous,
                       self.act_next, self.act_first, self.act_last):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    # -- layout ---------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def current_page(self) -> int:
        """The page in view, from 0."""
        return self.view.current

    def go_to(self, index: int) -> None:
        self.view.go_to(index)

    def _layout_document(self) -> None:
        """Page breaks for the chosen paper, worked out by a worker thread: the dialog stays
        responsive while thousands of forms are laid out, and shows page 1 when they are. The
        current page stays roughly where it was."""
        if self._layout_task is not None:
            self._layout_again = True  # the paper changed again meanwhile: once this one is done
            return
        self._layout_again = False
        before, at = self.page_count, self.view.current
        setup = self.choice.page_layout()
        self.pages = ()
        self.view.clear(self.tr("正在排版，请稍候…"))
        for action in (self.act_print, self.act_pdf):
            action.setEnabled(False)
        self.count_label.setText(self.tr("页，共 … 页"))
        document, make = self.document, self._make

        def work() -> tuple[PagedDocument, Sequence[object], QPageLayout]:
            made = document if document is not None else make()  # type: ignore[misc]
            if isinstance(made, CombinedDocument):
                return made, made.layout_parts(setup, LAYOUT_DPI), setup
            return made, made.layout(QRectF(setup.paintRectPixels(LAYOUT_DPI)), LAYOUT_DPI), setup

        task = Task(work)
        task.signals.done.connect(lambda result: self._laid_out(result, before, at))
        task.signals.failed.connect(self._layout_failed)
        self._layout_task = task
        QThreadPool.globalInstance().start(task)

    def _laid_out(self, result: object, before: int, at: int) -> None:
        self._layout_task = None
        if self._closed:
            return
        document, pages, setup = cast(
            "tuple[PagedDocument, Sequence[object], QPageLayout]", result)
        self.document, self._make = document, None
        if self._layout_again:
            self._layout_document()
            return
        self.pages = pages
        self.view.set_pages(document, setup, len(pages))
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(1, self.page_count))
        self.page_box.blockSignals(False)
        self.count_label.setText(self.tr("页，共 %1 页").replace("%1", str(self.page_count)))
        if before:
            self.view.go_to(round(at * self.page_count / before))
        self._show_current(self.view.current)
        self._show_zoom()
        for action in (self.act_print, self.act_pdf):
            action.setEnabled(bool(self.pages))
        self.laidOut.emit()

    def progress(self, phase: str, done: int, total: int) -> None:
        """How far the worker is ("build" or "layout" of ``total`` forms). Callable from any
        thread: the dialog hears of it on its own. Raises ``LayoutCancelled`` once the dialog is
        closed, so that the worker stops rather than lay out thousands of forms for nobody."""
        if self._closed:
            raise LayoutCancelled
        self._progressed.emit(phase, done, total)

    def _show_progress(self, phase: str, done: int, total: int) -> None:
        if self._layout_task is None or self._closed:
            return
        text = self.tr("正在准备第 %1 / %2 张表…") if phase == "build" else \
            self.tr("正在排版第 %1 / %2 张表…")
        self.view.clear(text.replace("%1", str(done + 1)).replace("%2", str(total)))

    def _layout_failed(self, reason: str) -> None:
        self._layout_task = None
        if self._closed:
            return
        self.view.clear(self.tr("无法排版：%1").replace("%1", reason))
        self.show_message(self.tr("无法排版：%1").replace("%1", reason))

    def set_choice(self, choice: PaperChoice) -> None:
        """Use and remember ``choice``, re-laying out the pages when it changes them."""
        if choice == self.choice:
            return
        self.choice = choice
        save_choice(self.kind, choice)
        # The boxes show the choice also when it was made by code (the tests, a reset).
        for widget in (self.paper_box, self.orientation_box, self.margin_box):
            widget.blockSignals(True)
        self.paper_box.setCurrentText(choice.paper)
        self.orientation_box.setCurrentIndex(0 if choice.landscape else 1)
        self.margin_box.setValue(choice.margin_mm)
        for widget in (self.paper_box, self.orientation_box, self.margin_box):
            widget.blockSignals(False)
        self._layout_document()

    def done(self, result: int) -> None:
        self._closed = True  # a layout still running is dropped when it ends
        if self._margin_timer.isActive():
            # A margin typed just before closing is still the clerk's choice for next time.
            self._margin_timer.stop()
            save_choice(self.kind, replace(self.choice, margin_mm=round(self.margin_box.value(), 1)))
        super().done(result)

    def _margin_changed(self) -> None:
        self.set_choice(replace(self.choice, margin_mm=round(self.margin_box.value(), 1)))

    def _fit(self, fit: str) -> None:
        self.view.set_fit(fit)
        save_fit(self.kind, fit)
        self._show_zoom()

    def _show_current(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.act_previous.setEnabled(index > 0)
        self.act_next.setEnabled(index + 1 < self.page_count)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.view.zoom_percent()}%")
        self.act_fit_width.setChecked(self.view.fit == "width")
        self.act_fit_page.setChecked(self.view.fit == "page")

    # -- printing ---------------------------------------------------------------------------------

    def printer(self) -> QPrinter:
        """A printer set up with the chosen paper, the document's name on the print queue."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(self.choice.page_layout())
        printer.setDocName(self.doc_name)
        printer.setFromTo(1, max(1, self.page_count))
        return printer

    def print_(self) -> None:
        """Ask for the printer and the pages (all, a range, the page in view), then print."""
        if not self.pages:
            return
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(option.PrintCurrentPage, True)
        dialog.setOption(option.PrintSelection, False)
        dialog.setMinMax(1, self.page_count)
        if not dialog.exec():
            return
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(self.current_page + 1, self.current_page + 1)
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print on ``printer`` as it is set up (page range included); returns the page count,
        0 when it failed (the clerk is told why)."""
        setup = self.choice.page_layout()
        if self.document is None or not self.pages:
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_document(self.document, printer)
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self, self.tr("无法打印"), str(exc))
            return 0
        else:
            QApplication.restoreOverrideCursor()
        self.show_message(self.tr("已送出打印 %1 页").replace("%1", str(self._printed(printer, pages))))
        # Printing laid the document out for the printer; the preview needs its own layout back
        # unless the two are the same (the PDF printer at the preview's resolution).
        if (isinstance(self.document, CombinedDocument) or printer.resolution() != LAYOUT_DPI
                or not printer.pageLayout().isEquivalentTo(setup)):
            self._layout_document()
        return pages

    @staticmethod
    def _printed(printer: QPrinter, pages: int) -> int:
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            first = max(1, printer.fromPage() or 1)
            last = min(pages, printer.toPage() or pages)
            return max(0, last - first + 1)
        return pages

    def show_message(self, text: str) -> None:
        self.status.showMessage(text, 10000)

    def export(self) -> None:
        if self._export is not None and self.pages:
            self._export(self.choice, self)
