"""The merged header draws the paper form's cells across the live section widths."""

from __future__ import annotations

from evaldesk.core.layout import BUDGET, COLUMN_INDEX, FISCAL, HEADER_ROWS
from evaldesk.ui.header import MergedHeaderView
from evaldesk.ui.mainwindow import MainWindow


def _cell(header: MergedHeaderView, text: str, row: int):  # type: ignore[no-untyped-def]
    return next(c for c in header.cells if c.text == text and c.row == row)


def test_budget_spans_its_four_columns_and_follows_resizing(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    assert isinstance(header, MergedHeaderView)
    budget = _cell(header, BUDGET, 0)
    first = COLUMN_INDEX["budget.total"]
    assert (budget.col, budget.col_span) == (first, 4)
    rect = header._cell_rect(budget)
    assert rect is not None
    assert rect.width() == sum(header.sectionSize(c) for c in range(first, first + 4))
    window.table.setColumnWidth(first + 1, header.sectionSize(first + 1) + 40)
    wider = header._cell_rect(budget)
    assert wider is not None and wider.width() == rect.width() + 40
    fiscal = _cell(header, FISCAL, 1)
    assert fiscal.col_span == 2
    # 序号 spans all three header rows, down to the table.
    seq = _cell(header, "序号", 0)
    assert seq.row_span == HEADER_ROWS
    seq_rect = header._cell_rect(seq)
    assert seq_rect is not None and seq_rect.height() == header.height()


def test_frozen_overlay_header_shows_only_the_frozen_cells(window: MainWindow) -> None:
    frozen = window.table.frozen.horizontalHeader()
    assert isinstance(frozen, MergedHeaderView)
    assert frozen._cell_rect(_cell(frozen, "项目名称", 0)) is not None
    assert frozen._cell_rect(_cell(frozen, BUDGET, 0)) is None
    assert frozen.height() == window.table.horizontalHeader().height()
