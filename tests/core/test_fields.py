from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal as D

import pytest

from evaldesk.core.fields import (
    FieldError,
    clone_project,
    clone_report,
    get_value,
    restore_project,
    set_bad_value,
    set_value,
    summary_row,
)
from evaldesk.core.layout import SUMMARY_COLUMNS
from evaldesk.core.money import NotANumber
from evaldesk.core.records import Funds, ImportNote, Indicator, PreviousYear, Project, Report


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


def _mutable_parts(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """Every list, dict, set and non-frozen record reachable from ``value``, with its path."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            yield path, value
        for item in dataclasses.fields(value):
            yield from _mutable_parts(getattr(value, item.name), f"{path}.{item.name}")
    elif isinstance(value, (list, dict, set)):
        yield path, value
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from _mutable_parts(item, f"{path}[{key}]")


def test_clones_share_nothing_mutable_and_equal_the_original() -> None:
    # Every field filled, so that a field added later without a line in clone_project shows up.
    p = project()
    p.indicators = [Indicator("quantity", name="甲", actual="1", weight=D("10"), score=D("9"))]
    p.initial = Funds(general=D("1"))
    p.previous = PreviousYear(2020, D("1"), D("1"), D("1"))
    p.import_notes = [ImportNote("IMPORT_JOINED", "goal", "合并")]
    p.carried_over = {"budget.general"}
    set_bad_value(p, "actual.fund", "约 3 万")
    report = Report(year=2021, projects=[p], import_notes=[ImportNote("X", "", "列")])
    for original, clone in ((p, clone_project(p)), (report, clone_report(report))):
        assert clone == original and clone is not original
        mine = dict(_mutable_parts(original))
        theirs = dict(_mutable_parts(clone))
        assert mine.keys() == theirs.keys()
        shared = [path for path in mine if mine[path] is theirs[path]]
        assert shared == []
    assert clone_project(p).uid == p.uid
