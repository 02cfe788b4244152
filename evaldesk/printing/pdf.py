"""The PDF the finance bureau asks for: the printed forms, fonts embedded, written atomically.

``sheets`` picks what is printed: "summary" (预算项目绩效自评表, on ``paper``/``landscape``),
"projects" (one 项目支出绩效自评表 per project, each from a new page, on ``form_paper`` portrait)
or "all" (the summary, then the forms, each on its own page set-up, numbered as one document).
``printable(...)`` makes the same documents for the window's preview and printer.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QPageLayout, QPdfWriter

from evaldesk.core.records import Report
from evaldesk.core.scoring import DEFAULT_PROFILE, ScoringProfile
from evaldesk.io.errors import WriteError
from evaldesk.printing.fonts import NoChineseFont
from evaldesk.printing.paper import (
    MARGIN_MM,
    CombinedDocument,
    NumberedDocument,
    page_layout,
    print_document,
)
from evaldesk.printing.project_form import ProjectFormsDocument
from evaldesk.printing.summary import SummaryDocument

PDF_RESOLUTION = 1200
SHEETS = ("summary", "projects", "all")
# The per-project form is drawn for A4 portrait, whatever paper the summary takes.
FORM_PAPER = "A4"


class NothingToPrint(ValueError):
    """The per-project forms were asked for, but no project was chosen or the report has none."""

    def __init__(self) -> None:
        super().__init__("没有要打印的项目表（表中没有项目，或没有选中项目）")

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


def printable(
    report: Report,
    sheets: str = "summary",
    *,
    projects: Iterable[int] | None = None,
    profile: ScoringProfile = DEFAULT_PROFILE,
    paper: str = "A3",
    landscape: bool = True,
    form_paper: str = FORM_PAPER,
    margin_mm: float = MARGIN_MM,
    form_landscape: bool = False,
) -> tuple[NumberedDocument | CombinedDocument, QPageLayout]:
    """The document to print for ``sheets`` and the page set-up to start the device with.

    ``projects``: the uids of the projects whose forms are printed (None: all), in the
    report's order. Raises ``NoChineseFont``, ``NothingToPrint`` for "projects" with no project,
    and ValueError for an unknown paper, sheets value or uid.
    """
    if sheets not in SHEETS:
        raise ValueError(f"sheets must be one of {SHEETS}, not {sheets!r}")
    summary_setup = page_layout(paper, landscape, margin_mm)
    form_setup = page_layout(form_paper, form_landscape, margin_mm)
    if sheets == "summary":
        return SummaryDocument(report), summary_setup
    forms = ProjectFormsDocument(report, projects, profile=profile)
    if sheets == "projects":
        if not forms.projects:
            raise NothingToPrint()
        return forms, form_setup
    summary = SummaryDocument(report)
    if not forms.projects:
        return summary, summary_setup
    return CombinedDocument([(summary, summary_setup), (forms, form_setup)]), summary_setup


def export_pdf(
    report: Report,
    path: Path,
    *,
    paper: str = "A3",
    landscape: bool = True,
    sheets: str = "summary",
    projects: Iterable[int] | None = None,
    profile: ScoringProfile | None = None,
    form_paper: str = FORM_PAPER,
    margin_mm: float = MARGIN_MM,
    form_landscape: bool = False,
) -> int:
    """Write the report as printed forms to ``path``; returns the number of pages.

    ``sheets``: "summary", "projects" or "all" (see the module). ``paper``/``landscape`` set up
    the summary; the per-project forms are printed on ``form_paper``, portrait unless
    ``form_landscape`` (a long form then takes two pages instead of one). ``projects``: the
    uids of the projects whose forms are printed (None: all). ``profile``: the scoring rules of
    the forms' computed scores (default MoF). ``margin_mm``: the same margin on all four sides.

    Raises ``WriteError`` (Chinese reason) when the file cannot be written, no Chinese font is
    installed or there is no project to print; an existing file at ``path`` is replaced only by
    a complete PDF.
    """
    path = Path(path)
    if sheets not in SHEETS:
        raise ValueError(f"sheets must be one of {SHEETS}, not {sheets!r}")
    page_layout(paper, landscape, margin_mm)  # an unknown paper fails before anything is made
    page_layout(form_paper, form_landscape, margin_mm)
    ensure_gui_application()
    try:
        document, setup = printable(report, sheets, projects=projects,
                                    profile=profile or DEFAULT_PROFILE, paper=paper,
                                    landscape=landscape, form_paper=form_paper,
                                    margin_mm=margin_mm, form_landscape=form_landscape)
    except (NoChineseFont, NothingToPrint) as exc:
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
