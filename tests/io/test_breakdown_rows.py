"""Rows that break a weighted indicator down (安徽 萧县's ★ indicators): rows with a name and a
target or actual but no 分值 / 得分, directly under a weighted row of the same 二级. They are the
indicator's parts, not indicators; a weighted row with no target / actual of its own is judged by
them. The grids are small and built for the rule (labelled as such); the published forms are
tests/data/real/d05 and d06."""

from __future__ import annotations

from decimal import Decimal

from evaldesk.core.import_summary import EntryKind, ImportSummary
from evaldesk.core.records import Project
from evaldesk.core.rules import REQUIRED, check_project
from evaldesk.core.scoring import indicator_score, scoring_findings
from evaldesk.core.state import project_from_state, project_to_state
from evaldesk.io.project_sheets import project_from_grid

N = None
_HEAD = [
    ["项目名称", "某村特色种养补贴项目", N, N, N, N, N, N, N],
    ["资金情况\n(万元)", N, N, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", N],
    [N, "年度资金总额:", N, "10", "10", "10", "100.00%", "10", N],
    ["年度总体目标", "年初设定目标", N, N, N, "年度总体目标完成情况综述", N, N, N],
    [N, "补助种养户", N, N, N, "已补助种养户", N, N, N],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
     "未完成原因及拟采取的改进措施"],
]


def _read(rows: list[list[object]], log: ImportSummary | None = None) -> Project:
    project = project_from_grid(_HEAD + rows, "表", log=log)
    assert project is not None
    return project


def _row(level1: object, level2: object, name: str, weight: object, target: object,
         actual: object, score: object) -> list[object]:
    return [N, level1, level2, name, weight, target, actual, score, N]


def _star_with_lines(pig: str = "80头") -> list[list[object]]:
    return [
        _row("产出指标", "数量指标", "★补助种植面积", "10", N, N, "10"),
        _row(N, N, "梨树种植面积", N, "6亩", "6亩", N),
        _row(N, N, "桃种植面积", N, "1亩", "1亩", N),
        _row(N, N, "★补助养殖数量", "10", N, N, "10"),
        _row(N, N, "猪养殖数量", N, "80头", pig, N),
        _row(N, "质量指标", "种植成活率", "10", "95%", "96%", "10"),
    ]


def test_lines_under_a_weighted_row_with_no_figures_are_its_breakdown() -> None:
    log = ImportSummary()
    project = _read(_star_with_lines(), log)
    assert [i.name for i in project.indicators] == ["★补助种植面积", "★补助养殖数量", "种植成活率"]
    planted = project.indicators[0]
    assert planted.target == planted.actual == "梨树种植面积 6亩；桃种植面积 1亩"
    assert (planted.weight, planted.score) == (Decimal(10), Decimal(10))
    assert indicator_score(planted) == Decimal(10)  # every line met: the indicator is met
    found = [(f.code, f.field) for f in check_project(project) + scoring_findings(project)]
    assert not [f for f in found if f[0] == REQUIRED]
    # (the small grid holds 30 of 产出's 50 points: only that weight sum is said of its rows)
    assert not [f for f in found if f[1].startswith("indicator:")
                and f[0] != "WEIGHTS_NOT_GROUP_POINTS"]
    # The summary says which rows were read as whose lines.
    entries = [e for e in log.of_kind(EntryKind.CONVERTED) if "分项" in e.meaning]
    assert [e.cell for e in entries] == ["D7", "D10"]
    assert "第 8、9 行（梨树种植面积、桃种植面积）" in entries[0].meaning
    assert "★补助种植面积" in entries[0].meaning
    # A save keeps the lines readable in the indicator's own cells.
    again = project_from_state(project_to_state(project))
    assert again.indicators[0].target == planted.target


def test_a_line_short_of_its_target_keeps_the_indicator_from_full_marks() -> None:
    project = _read(_star_with_lines(pig="70头"))
    raised = project.indicators[1]
    assert (raised.target, raised.actual) == ("猪养殖数量 80头", "猪养殖数量 70头")
    assert indicator_score(raised) != Decimal(10)


def test_other_rows_under_a_weighted_row_stay_indicators() -> None:
    project = _read([
        # a weighted row with figures of its own: the weightless row under it is no breakdown
        # (an indicator whose 分值 the clerk left out)
        _row("产出指标", "数量指标", "补助户数", "10", "64户", "64户", "10"),
        _row(N, N, "补助面积", N, "5亩", "5亩", N),
        # a weighted row without figures followed by a row of another 二级
        _row(N, N, "★补助养殖数量", "10", N, N, "10"),
        _row(N, "质量指标", "成活率", N, "95%", "95%", N),
    ])
    assert [i.name for i in project.indicators] == ["补助户数", "补助面积", "★补助养殖数量", "成活率"]
    assert project.indicators[2].actual == ""


def test_qizhong_rows_under_a_row_with_its_own_figures_are_its_breakdown() -> None:
    log = ImportSummary()
    project = _read([
        _row("产出指标", "数量指标", "★补助种植面积", "20", "7亩", "7亩", "20"),
        _row(N, N, "其中桃树种植面积", N, "2亩", "2亩", N),
        _row(N, N, "其中:苹果树种植面积", N, "5亩", "5亩", N),
        _row(N, N, "补助户数", "10", "9户", "9户", "10"),
    ], log)
    assert [i.name for i in project.indicators] == ["★补助种植面积", "补助户数"]
    assert (project.indicators[0].target, project.indicators[0].actual) == ("7亩", "7亩")
    entries = [e for e in log.of_kind(EntryKind.CONVERTED) if "分项" in e.meaning]
    assert len(entries) == 1 and "第 8、9 行" in entries[0].meaning
