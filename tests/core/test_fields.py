from __future__ import annotations

from decimal import Decimal as D

import pytest

from evaldesk.core.fields import (
    FieldError,
    clone_project,
    get_value,
    restore_project,
    set_bad_value,
    set_value,
    summary_row,
)
from evaldesk.core.layout import SUMMARY_COLUMNS
from evaldesk.core.money import NotANumber
from evaldesk.core.records import Funds, Indicator, Project


def project() -> Project:
    return Project(
        name="信访事务",
        budget=Funds(general=D("129.22"), fund=D("0"), non_fiscal=D("0"), total_entered=D("130")),
        actual=Funds(general=D("125.64"), fund=D("0"), non_fiscal=D("0")),
        rate_printed=D("0.9723"),
    )


def test_totals_and_rate_are_derived() -> None:
    p = project()
    assert get_value(p, "budget.total") == D("130")  # the printed figure, kept
    assert p.budget.total_computed == D("129.22")
    assert get_value(p, "actual.total") == D("125.64")
    assert get_value(p, "actual.fiscal") == D("125.64")
    assert get_value(p, "rate") == D("0.9723")


def test_editing_a_source_lets_total_and_rate_follow() -> None:
    p = project()
    set_value(p, "budget.fund", "10")
    assert p.budget.total_entered is None
    assert get_value(p, "budget.total") == D("139.22")
    assert p.rate_printed is None
    assert p.rate == D("125.64") / D("139.22")


def test_typing_the_sum_into_the_total_forgets_the_entered_figure() -> None:
    p = project()
    set_value(p, "budget.total", "129.22")
    assert p.budget.total_entered is None
    set_value(p, "budget.total", "131")
    assert p.budget.total_entered == D("131")


def test_nonsense_is_refused_and_bad_values_are_kept_verbatim() -> None:
    p = project()
    with pytest.raises(NotANumber):
        set_value(p, "budget.general", "abc")
    assert p.budget.general == D("129.22")
    set_bad_value(p, "budget.general", "见附件")
    assert get_value(p, "budget.general") == "见附件"
    assert p.budget.general is None
    set_value(p, "budget.general", "1,000")
    assert p.bad_values == {} and p.budget.general == D("1000")


def test_indicator_cells_edit_the_single_indicator() -> None:
    p = Project()
    set_value(p, "ind.quality.content", "采购成功率")
    set_value(p, "ind.quality.actual", "100%")
    set_value(p, "ind.quantity.content", "购置数量")
    assert [i.category for i in p.indicators] == ["quantity", "quality"]  # form order
    assert p.indicators[1] == Indicator("quality", name="采购成功率", actual="100%")
    set_value(p, "ind.quality.content", "不适用")
    assert not p.indicators[1].applicable
    assert get_value(p, "ind.quality.actual") == "不适用"
    set_value(p, "ind.quality.content", "合格率")
    assert p.indicators[1].applicable and p.indicators[1].name == "合格率"
    assert p.indicators[1].actual == ""
    set_value(p, "ind.quality.content", "")
    assert [i.category for i in p.indicators] == ["quantity"]


def test_several_indicators_show_numbered_and_refuse_cell_edits() -> None:
    p = Project(indicators=[Indicator("quantity", name="甲", actual="1"),
                            Indicator("quantity", name="乙", actual="2")])
    assert get_value(p, "ind.quantity.content") == "1、甲\n2、乙"
    with pytest.raises(FieldError, match="2 个指标"):
        set_value(p, "ind.quantity.content", "丙")


def test_clone_and_restore_keep_identity() -> None:
    p = project()
    state = clone_project(p)
    set_value(p, "name", "改了")
    set_value(p, "budget.general", "1")
    restore_project(p, state)
    assert p == state and p.uid == state.uid
    set_value(p, "name", "again")
    assert state.name == "信访事务"  # the snapshot is not shared with the live project


def test_summary_row_is_get_value_for_every_column() -> None:
    p = project()
    p.indicators = [Indicator("quantity", name="甲", actual="1"), Indicator("quantity", name="乙"),
                    Indicator("quality", applicable=False), Indicator("satisfaction", name="满意度")]
    p.goal, p.problems = "目标", "无"
    set_bad_value(p, "actual.fund", "约 3 万")
    row = summary_row(p)
    assert row == [get_value(p, column.key) for column in SUMMARY_COLUMNS]
    assert row[[c.key for c in SUMMARY_COLUMNS].index("actual.fund")] == "约 3 万"
    assert "1、甲\n2、乙" in row and "不适用" in row and D("130") in row
