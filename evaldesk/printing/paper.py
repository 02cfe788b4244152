"""Paper sizes and painting a document onto any paged device (QPdfWriter, QPrinter, preview).

The window's print preview connects ``QPrintPreviewDialog.paintRequested`` to
``print_document(document, printer)``; the PDF export uses the same function, so paper, preview
and PDF can never disagree.

``CombinedDocument`` prints several documents as one (the summary on A3 landscape, then the
per-project forms on A4 portrait): pages follow on and every footer counts them all. Each part
gets its own page set-up where the device can change it between pages — a QPdfWriter, or a
QPrinter writing PDF. Qt refuses that on a printer or the print preview ("Cannot be changed while
printer is active"), so there every part is laid out on the device's page instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QMarginsF, QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

PAPERS: dict[str, QPageSize.PageSizeId] = {
    "A3": QPageSize.PageSizeId.A3,
    "A4": QPageSize.PageSizeId.A4,
}
MARGIN_MM = 10.0


class PagedDocument(Protocol):
    def layout(self, page_rect: QRectF, dpi: float) -> Sequence[object]: ...

    def paint_page(self, painter: QPainter, index: int) -> None: ...


class NumberedDocument(PagedDocument, Protocol):
    """A document that can be part of a larger print (SummaryDocument, ProjectFormsDocument)."""

    def number_pages(self, first: int, total: int) -> None: ...


class CombinedDocument:
    """Documents printed one after the other, each on its own page set-up where possible.

    ``parts``: (document, page set-up) pairs; a set-up of None means the device's own.
    """

    def __init__(self, parts: Sequence[tuple[NumberedDocument, QPageLayout | None]]) -> None:
        self.parts = list(parts)
        self.pages: list[tuple[int, int]] = []  # (part, its page index) per page
        self._layouts: list[QPageLayout | None] = []

    def layout(self, page_rect: QRectF | QRect, dpi: float) -> list[tuple[int, int]]:
        """Every part laid out on the same printable area (a device that cannot change pages)."""
        return self._number([doc.layout(QRectF(page_rect), dpi) for doc, _ in self.parts],
                            [None] * len(self.parts))

    def layout_parts(self, device_layout: QPageLayout, dpi: float) -> list[tuple[int, int]]:
        """Every part laid out on its own page set-up (``device_layout`` where it has none)."""
        layouts = [own or device_layout for _, own in self.parts]
        laid_out = [doc.layout(QRectF(layout.paintRectPixels(round(dpi))), dpi)
                    for (doc, _), layout in zip(self.parts, layouts, strict=True)]
        return self._number(laid_out, layouts)

    def _number(self, laid_out: list[Sequence[object]],
                layouts: Sequence[QPageLayout | None]) -> list[tuple[int, int]]:
        total = sum(len(pages) for pages in laid_out)
        self.pages, self._layouts, first = [], [], 1
        for part, ((doc, _), pages, layout) in enumerate(zip(self.parts, laid_out, layouts,
                                                             strict=True)):
            doc.number_pages(first, total)
            first += len(pages)
            self.pages.extend((part, i) for i in range(len(pages)))
            self._layouts.extend([layout] * len(pages))
        return self.pages

    def page_layout(self, index: int) -> QPageLayout | None:
        """The page set-up of page ``index`` after ``layout_parts`` (None after ``layout``)."""
        return self._layouts[index]

    def paint_page(self, painter: QPainter, index: int) -> None:
        part, page = self.pages[index]
        self.parts[part][0].paint_page(painter, page)


def can_change_page_layout(device: QPagedPaintDevice) -> bool:
    """Whether the device takes a new page set-up between pages (PDF output does; Qt refuses it
    on a printer and in the print preview)."""
    if isinstance(device, QPdfWriter):
        return True
    return isinstance(device, QPrinter) and device.outputFormat() == QPrinter.OutputFormat.PdfFormat


def page_layout(paper: str = "A3", landscape: bool = True, margin_mm: float = MARGIN_MM) -> QPageLayout:
    """The page set-up of the form: A3 or A4, landscape by default, even margins in millimetres."""
    try:
        size = PAPERS[paper.upper()]
    except KeyError:
        raise ValueError(f"纸张只能是 {' 或 '.join(PAPERS)}，不是「{paper}」") from None
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    return QPageLayout(QPageSize(size), orientation, margins, QPageLayout.Unit.Millimeter)


def _resolution(device: QPagedPaintDevice) -> int:
    resolution = getattr(device, "resolution", None)
    if callable(resolution):
        value = resolution()
        if isinstance(value, int) and value > 0:
            return value
    return device.logicalDpiY()


def print_document(document: PagedDocument, device: QPagedPaintDevice) -> int:
    """Lay the document out for the device's page and paint every page; returns the page count.

    A QPrinter's page range (from the print dialog) is honoured; the footer still counts all
    pages, as the stamped copy must. Raises OSError when the device cannot be painted on.
    """
    dpi = _resolution(device)
    original = device.pageLayout()
    pages: Sequence[object]
    layouts: list[QPageLayout] = []  # per page, when the parts keep their own set-ups
    if isinstance(document, CombinedDocument) and can_change_page_layout(device):
        pages = document.layout_parts(original, dpi)
        layouts = [document.page_layout(i) or original for i in range(len(pages))]
    else:
        pages = document.layout(QRectF(original.paintRectPixels(dpi)), dpi)
    first, last = 1, len(pages)
    if isinstance(device, QPrinter) and device.printRange() == QPrinter.PrintRange.PageRange:
        first = max(first, device.fromPage() or first)
        last = min(last, device.toPage() or last)
    if layouts and first <= last:
        device.setPageLayout(layouts[first - 1])
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印（打印机或文件不可用）")
    try:
        for number in range(first, last + 1):
            if number > first:
                # A new set-up takes effect with the next page.
                if layouts and layouts[number - 1] != layouts[number - 2]:
                    device.setPageLayout(layouts[number - 1])
                if not device.newPage():
                    raise OSError("无法开始新的一页（磁盘已满或打印机出错）")
            document.paint_page(painter, number - 1)
    finally:
        painter.end()
        if layouts:
            device.setPageLayout(original)  # the clerk's set-up stays theirs
    return len(pages)


def page_image(document: PagedDocument, layout: QPageLayout, index: int, dpi: float = 96.0,
               layout_dpi: int = 1200) -> QImage:
    """One page as a picture (white paper, margins included), for a preview that shows page 1
    while the rest is still being painted, or for thumbnails.

    The document is laid out at ``layout_dpi`` (as for the PDF) if it has no pages yet, so the
    picture shows exactly the PDF's line breaks at any zoom.
    """
    if not getattr(document, "pages", None):
        if isinstance(document, CombinedDocument):
            document.layout_parts(layout, layout_dpi)
        else:
            document.layout(QRectF(layout.paintRectPixels(layout_dpi)), layout_dpi)
    if isinstance(document, CombinedDocument):
        layout = document.page_layout(index) or layout
    paper = layout.fullRectPoints()
    scale = dpi / 72.0
    image = QImage(max(1, round(paper.width() * scale)), max(1, round(paper.height() * scale)),
                   QImage.Format.Format_RGB32)
    dots_per_metre = round(layout_dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        margins = layout.marginsPoints()
        painter.scale(dpi / layout_dpi, dpi / layout_dpi)
        painter.translate(margins.left() * layout_dpi / 72.0, margins.top() * layout_dpi / 72.0)
        document.paint_page(painter, index)
    finally:
        painter.end()
    return image
