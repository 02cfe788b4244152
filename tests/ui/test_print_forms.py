"""文件 → 打印项目表 → 当前/所选/全部: the preview gets the 项目支出绩效自评表 of exactly those
projects, on A4 portrait (until the clerk chooses otherwise), scored under the document's profile."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMenu

from evaldesk.core.project_layout import TITLE, year_line
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.preview import PrintPreviewDialog

A4_PORTRAIT = (595.3, 841.9)
FORM_START = TITLE + year_line(2021)  # a form's first page (a continued one says （续）)


class FakePreview:
    """Stands in for the preview's exec: 'shows' the real dialog by printing it into a PDF."""

    opened: ClassVar[list[PrintPreviewDialog]] = []
    output: ClassVar[Path]

    @staticmethod
    def exec(dialog: PrintPreviewDialog) -> int:
        FakePreview.opened.append(dialog)
        # The dialog's worker builds and lays out the forms; a clerk would see page 1 then.
        deadline = time.monotonic() + 30
        while (dialog._layout_task is not None or not dialog.page_count) and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(FakePreview.output))
        dialog.print_to(printer)
        return 0


@pytest.fixture
def preview(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> type[FakePreview]:
    FakePreview.opened = []
    FakePreview.output = tmp_path / "preview.pdf"
    monkeypatch.setattr(PrintPreviewDialog, "exec", FakePreview.exec)
    return FakePreview


def printed(path: Path) -> tuple[str, list[tuple[float, float]]]:
    reader = PdfReader(path)
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    return text, [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def names(window: MainWindow) -> list[str]:
    return [re.sub(r"\s+", "", p.name) for p in window.doc.report.projects]


def test_the_menu_offers_current_selected_and_all(window: MainWindow) -> None:
    # Found by title, not through QAction.menu(), which deletes the menu under PySide6 6.9 (the Qt
    # of the glibc 2.28 bundle, whose test run must pass too).
    forms = next(m for m in window.findChildren(QMenu) if m.title().startswith("打印项目表"))
    assert forms.menuAction() in next(m for m in window.findChildren(QMenu)
                                      if m.title().startswith("文件")).actions()
    assert forms.actions() == [window.act_forms_current, window.act_forms_selected,
                               window.act_forms_all]


def test_current_project_form(window: MainWindow, preview: type[FakePreview]) -> None:
    window.table.setCurrentIndex(window.model.index(1, 2))
    window.act_forms_current.trigger()
    assert len(preview.opened) == 1
    text, sizes = printed(preview.output)
    all_names = names(window)
    assert all_names[1] in text and text.count(FORM_START) == 1
    assert all(name not in text for k, name in enumerate(all_names) if k != 1)
    assert sizes and all(size == pytest.approx(A4_PORTRAIT, abs=1) for size in sizes)


def test_selected_project_forms(window: MainWindow, preview: type[FakePreview]) -> None:
    model, selection = window.model, window.table.selectionModel()
    chosen = QItemSelection(model.index(0, 0), model.index(0, 3))
    chosen.merge(QItemSelection(model.index(2, 0), model.index(2, 3)),
                 QItemSelectionModel.SelectionFlag.Select)
    selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    window.act_forms_selected.trigger()
    text, _ = printed(preview.output)
    all_names = names(window)
    assert all_names[0] in text and all_names[2] in text and all_names[1] not in text
    assert text.count(FORM_START) == 2


def test_all_project_forms(window: MainWindow, preview: type[FakePreview]) -> None:
    window.act_forms_all.trigger()
    text, sizes = printed(preview.output)
    assert all(name in text for name in names(window))
    assert text.count(FORM_START) == len(window.doc.report.projects)
    assert f"共{len(sizes)}页" in text


def test_nothing_chosen_says_so(empty_window: MainWindow, preview: type[FakePreview]) -> None:
    empty_window.print_project_forms("all")
    assert not preview.opened
    assert "选中" in empty_window.statusBar().currentMessage()
