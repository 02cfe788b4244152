"""Pasting a whole per-project form: copied from a bureau's web page (the clipboard's HTML keeps
the spans its text has lost) or from a sheet in Excel/WPS (text with every cell in place)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import openpyxl
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaldesk.io import read_report
from evaldesk.ui.mainwindow import MainWindow

FORM = Path(__file__).resolve().parents[1] / "data" / "real" / "c08_anhui_xuancheng_jindu.xlsx"


def _cells() -> tuple[list[list[str]], dict[tuple[int, int], tuple[int, int]], set[tuple[int, int]]]:
    """The form's cells as shown, each merge's top-left with its (rows, columns), and the cells a
    merge hides."""
    sheet = openpyxl.load_workbook(FORM).worksheets[0]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    hidden: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        spans[top, left] = (merged.max_row - merged.min_row + 1, merged.max_col - merged.min_col + 1)
        hidden |= {(r - 1, c - 1) for r in range(merged.min_row, merged.max_row + 1)
                   for c in range(merged.min_col, merged.max_col + 1)} - {(top, left)}
    return rows, spans, hidden


def _as_a_browser_copies_it() -> QMimeData:
    rows, spans, hidden = _cells()
    html_rows, text_rows = [], []
    for r, row in enumerate(rows):
        cells, texts = [], []
        for c, value in enumerate(row):
            if (r, c) in hidden:
                continue
            height, width = spans.get((r, c), (1, 1))
            cells.append(f'<td rowspan="{height}" colspan="{width}">'
                         f"{escape(value).replace(chr(10), '<br>')}</td>")
            texts.append(value.replace("\n", " "))
        html_rows.append(f"<tr>{''.join(cells)}</tr>")
        text_rows.append("\t".join(texts))  # no cells for the spans: the columns shift
    mime = QMimeData()
    mime.setHtml("<html><body><!--StartFragment--><table>" + "".join(html_rows)
                 + "</table><!--EndFragment--></body></html>")
    mime.setText("\n".join(text_rows))
    return mime


def test_a_form_copied_from_a_web_page_is_pasted_whole(qtbot: QtBot,
                                                       empty_window: MainWindow) -> None:
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(_as_a_browser_copies_it())  # the clipboard owns it now
    empty_window.paste()
    clipboard.clear()
    expected = read_report(FORM).projects[0]
    (project,) = empty_window.doc.projects
    assert (project.name, project.authority, project.implementer) == (
        expected.name, expected.authority, expected.implementer)
    assert (project.budget, project.actual, project.goal) == (
        expected.budget, expected.actual, expected.goal)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        (i.name, i.target, i.actual, i.weight, i.score) for i in expected.indicators]
    empty_window.act_undo.trigger()  # one step
    assert empty_window.doc.projects == []


def test_a_form_copied_from_a_sheet_is_pasted_whole(qtbot: QtBot,
                                                    empty_window: MainWindow) -> None:
    rows, _spans, _hidden = _cells()
    # Excel and WPS put every cell of a copied range on the clipboard, a merge's in its first.
    QApplication.clipboard().setText("\n".join(
        "\t".join(f'"{v}"' if "\n" in v else v for v in row) for row in rows))
    empty_window.paste()
    (project,) = empty_window.doc.projects
    expected = read_report(FORM).projects[0]
    assert (project.name, project.budget, project.goal) == (
        expected.name, expected.budget, expected.goal)
    assert len(project.indicators) == len(expected.indicators)
    empty_window.act_undo.trigger()  # closing the window must not ask to save
    assert empty_window.doc.projects == []
