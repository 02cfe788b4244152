"""Paper sizes and painting a document onto any paged device (QPdfWriter, QPrinter, preview).

The window's print preview connects ``QPrintPreviewDialog.paintRequested`` to
``print_document(document, printer)``; the PDF export uses the same function, so paper, preview
and PDF can never disagree.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from evaldesk.printing.summary import Page

PAPERS: dict[str, QPageSize.PageSizeId] = {
    "A3": QPageSize.PageSizeId.A3,
    "A4": QPageSize.PageSizeId.A4,
}
MARGIN_MM = 10.0


class PagedDocument(Protocol):
    def layout(self, page_rect: QRectF, dpi: float) -> list[Page]: ...

    def paint_page(self, painter: QPainter, index: int) -> None: ...


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
    pages = document.layout(QRectF(device.pageLayout().paintRectPixels(dpi)), dpi)
    first, last = 1, len(pages)
    if isinstance(device, QPrinter) and device.printRange() == QPrinter.PrintRange.PageRange:
        first = max(first, device.fromPage() or first)
        last = min(last, device.toPage() or last)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("无法开始打印（打印机或文件不可用）")
    try:
        for number in range(first, last + 1):
            if number > first and not device.newPage():
                raise OSError("无法开始新的一页（磁盘已满或打印机出错）")
            document.paint_page(painter, number - 1)
    finally:
        painter.end()
    return len(pages)


def page_image(document: PagedDocument, layout: QPageLayout, index: int, dpi: float = 96.0,
               layout_dpi: int = 1200) -> QImage:
    """One page as a picture (white paper, margins included), for a preview that shows page 1
    while the rest is still being painted, or for thumbnails.

    The document is laid out at ``layout_dpi`` (as for the PDF) if it has no pages yet, so the
    picture shows exactly the PDF's line breaks at any zoom.
    """
    if not getattr(document, "pages", None):
        document.layout(QRectF(layout.paintRectPixels(layout_dpi)), layout_dpi)
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
