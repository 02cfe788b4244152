"""Rows of long text on a small screen: several projects stay in view, the rest in the tooltip."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX
from evaldesk.ui.mainwindow import MainWindow
from evaldesk.ui.view import MAX_LINES, ROWS_IN_VIEW


def _fitted_heights(qtbot: QtBot, window: MainWindow) -> list[int]:
    table = window.table
    table.fit_visible_rows()
    qtbot.wait(10)
    return [table.rowHeight(r) for r in range(len(window.doc.projects))]


def test_a_short_table_keeps_rows_low_enough_to_show_several_projects(
        qtbot: QtBot, window: MainWindow) -> None:
    long_goal = "加强信访工作规范化建设，" * 20
    for row in range(len(window.doc.projects)):
        window.doc.set_cell_text(row, COLUMN_INDEX["goal"], long_goal)
    window.resize(1400, 900)
    qtbot.wait(20)
    tall = _fitted_heights(qtbot, window)
    window.resize(1000, 520)
    qtbot.waitUntil(lambda: window.table.viewport().height() < 300)
    short = _fitted_heights(qtbot, window)
    viewport = window.table.viewport().height()
    line = window.table.fontMetrics().lineSpacing()
    # A fifth of the table, but never under two lines: a row must still say what it is.
    assert max(short) <= max(viewport // ROWS_IN_VIEW, 2 * line + 8), (short, viewport)
    assert max(short) < max(tall)
    # Room again: the rows grow back, never past the eight lines a big screen shows.
    window.resize(1400, 1000)
    qtbot.waitUntil(lambda: window.table.viewport().height() > 450)
    again = _fitted_heights(qtbot, window)
    assert max(short) < max(again) <= line * MAX_LINES + 16
