from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from evaldesk.core import rules
from evaldesk.core.fields import confirm_carried_over, set_value
from evaldesk.core.records import Report
from evaldesk.core.rollover import next_year_text, roll_over, suggested_file_name
from evaldesk.core.rules import check_project
from evaldesk.io.read_text import read_text


def test_seed_rolls_over_to_2022(seed_path: Path) -> None:
    old = read_text(seed_path)
    new = roll_over(old)
    assert new.year == 2022
    assert new.title == "2022年度区信访局预算项目绩效自评表"
    assert new.department == old.department and new.unit == old.unit
    assert len(new.projects) == 6
    for before, after in zip(old.projects, new.projects, strict=True):
        # kept
        assert (after.seq, after.department, after.name, after.goal) == (
            before.seq, before.department, before.name, before.goal)
        assert after.budget.general == before.budget.general
        assert after.budget.total == before.budget.total
        assert [(i.category, i.name, i.target, i.comparator, i.unit, i.weight, i.applicable)
                for i in after.indicators] == [
            (i.category, i.name, i.target, i.comparator, i.unit, i.weight, i.applicable)
            for i in before.indicators]
        # cleared
        assert after.actual.total is None and after.actual.general is None
        assert after.rate_printed is None and after.rate is None
        assert after.completion == "" and after.problems == "" and after.rectification == ""
        assert all(i.actual == "" and i.score is None and i.reason == "" for i in after.indicators)
        assert after.import_notes == []
        assert after.carried_over == {"budget.general", "budget.fund", "budget.non_fiscal"}
        assert after.uid != before.uid
        assert after.previous is not None and after.previous.year == 2021
        assert after.previous.budget == before.budget.total
        assert after.previous.actual == before.actual.total
        assert after.previous.rate == before.rate_printed
    # last year's report is untouched
    assert old.projects[0].actual.general == D("89.94")


def test_carried_budget_is_flagged_until_edited_or_confirmed(seed_path: Path) -> None:
    project = roll_over(read_text(seed_path)).projects[0]
    assert rules.CARRIED_OVER in [f.code for f in check_project(project)]
    set_value(project, "budget.general", "95.5")
    assert project.carried_over == {"budget.fund", "budget.non_fiscal"}
    confirm_carried_over(project)
    assert rules.CARRIED_OVER not in [f.code for f in check_project(project)]
    other = roll_over(read_text(seed_path)).projects[1]
    set_value(other, "budget.total", "60")  # a total typed over carried parts confirms them
    assert other.carried_over == set()


def test_year_text_and_file_names() -> None:
    assert next_year_text("2021年度区信访局（2020年结转）", 2021, 2022) == "2022年度区信访局（2020年结转）"
    assert suggested_file_name("2021年度自评表.xlsx", 2021, 2022) == "2022年度自评表.xlsx"
    assert suggested_file_name("自评表.xlsx", None, 2022) == "2022年度自评表.xlsx"


def test_explicit_year_and_missing_year() -> None:
    assert roll_over(Report(year=2020, title="2020年度表"), 2023).title == "2023年度表"
    with pytest.raises(ValueError, match="年度"):
        roll_over(Report())
