"""The PDF the finance bureau asks for: the printed form, fonts embedded, written atomically."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QPdfWriter

from evaldesk.core.records import Report
from evaldesk.io.errors import WriteError
from evaldesk.printing.fonts import NoChineseFont
from evaldesk.printing.paper import MARGIN_MM, page_layout, print_document
from evaldesk.printing.summary import SummaryDocument

PDF_RESOLUTION = 1200
SHEETS = ("summary", "projects", "all")

_app: QCoreApplication | None = None  # kept alive for the life of the process once made here


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a QGuiApplication made for printing without a window.

    Fonts and painting need a QGuiApplication but no display: without one (a server, a CI job,
    ``evaldesk pdf`` over SSH) the offscreen platform is used.
    """
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "evaldesk"])
    return _app


def export_pdf(
    report: Report,
    path: Path,
    *,
    paper: str = "A3",
    landscape: bool = True,
    sheets: str = "summary",
    margin_mm: float = MARGIN_MM,
) -> int:
    """Write the report as the printed form to ``path``; returns the number of pages.

    ``sheets``: "summary" is the 预算项目绩效自评表. "projects" and "all" are accepted for the
    per-project forms (项目支出绩效自评表) that come with issue 4; until then they print the
    summary too. ``margin_mm``: the same margin on all four sides.

    Raises ``WriteError`` (Chinese reason) when the file cannot be written or no Chinese font is
    installed; an existing file at ``path`` is replaced only by a complete PDF.
    """
    path = Path(path)
    if sheets not in SHEETS:
        raise ValueError(f"sheets must be one of {SHEETS}, not {sheets!r}")
    setup = page_layout(paper, landscape, margin_mm)
    ensure_gui_application()
    try:
        document = SummaryDocument(report)
    except NoChineseFont as exc:
        raise WriteError(path, str(exc)) from exc
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(path, f"文件夹不存在：{folder}")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".pdf.tmp", dir=folder)
    except OSError as exc:
        raise WriteError(path, f"无法在该文件夹中写入文件（{exc.strerror or exc}）") from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        writer = QPdfWriter(str(temp))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(setup)
        writer.setTitle(report.shown_title)
        writer.setCreator("evaldesk")
        try:
            pages = print_document(document, writer)
        except OSError as exc:
            raise WriteError(path, f"无法写入 PDF：{exc}") from exc
        finally:
            del writer  # closes the file before it is moved
        if temp.stat().st_size == 0:
            raise WriteError(path, "PDF 写入失败（磁盘已满？）")
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            raise WriteError(path, "文件正被其他程序打开（如 PDF 阅读器），请关闭后再导出") from exc
        except OSError as exc:
            raise WriteError(path, f"无法保存 PDF（{exc.strerror or exc}）") from exc
        return pages
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
