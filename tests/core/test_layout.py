from __future__ import annotations

from evaldesk.core.layout import (
    COLUMN_INDEX,
    HEADER_ROWS,
    SUMMARY_COLUMNS,
    Kind,
    header_cells,
)


def test_thirty_columns_in_the_forms_order() -> None:
    assert len(SUMMARY_COLUMNS) == 30
    keys = [c.key for c in SUMMARY_COLUMNS]
    assert keys[:3] == ["seq", "department", "name"]
    assert keys[3:7] == ["budget.total", "budget.general", "budget.fund", "budget.non_fiscal"]
    assert keys[7:11] == ["actual.total", "actual.general", "actual.fund", "actual.non_fiscal"]
    assert keys[11:14] == ["rate", "goal", "completion"]
    assert keys[14] == "ind.quantity.content" and keys[15] == "ind.quantity.actual"
    assert keys[26] == "ind.satisfaction.content"
    assert keys[28:] == ["problems", "rectification"]
    assert COLUMN_INDEX["rate"] == 11
    assert SUMMARY_COLUMNS[11].kind is Kind.RATE


def test_header_cells_are_the_paper_forms_merges() -> None:
    cells = {(c.row, c.col): c for c in header_cells()}
    budget = cells[(0, 3)]
    assert (budget.text, budget.col_span, budget.row_span) == ("项目年度预算金额", 4, 1)
    fiscal = cells[(1, 4)]
    assert (fiscal.text, fiscal.col_span) == ("其中: 财政拨款", 2)
    assert cells[(1, 3)].text == "合计" and cells[(1, 3)].row_span == 2
    assert cells[(0, 0)].row_span == HEADER_ROWS
    assert cells[(0, 14)].text == "产出目标" and cells[(0, 14)].col_span == 6
    assert cells[(0, 26)].text == "满意度指标" and cells[(0, 26)].col_span == 2
    assert cells[(2, 27)].text == "完成情况"


def test_header_cells_cover_every_position_exactly_once() -> None:
    covered: dict[tuple[int, int], str] = {}
    for cell in header_cells():
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.col, cell.col + cell.col_span):
                assert (r, c) not in covered, (r, c)
                covered[(r, c)] = cell.text
    assert len(covered) == HEADER_ROWS * len(SUMMARY_COLUMNS)
