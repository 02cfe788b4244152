"""Layouts that are not the MoF per-project form, read by their headings and structure: a funds
block split by use (部门整体支出: 基本支出 / 项目支出), a funds block whose labels and figures stand
side by side in one row (the Hebei budget system's export), a sub-header that splits 预期指标值 and
自评得分, and a transfer checklist with no scores whose amounts are label/figure lines.

The grids are small and built to cover each layout (labelled as such); the published forms these
layouts come from are in tests/data/real/ (b01, c07, c04) and tests/io/test_real_forms.py."""

from __future__ import annotations

from decimal import Decimal

from evaldesk.core.import_summary import EntryKind, ImportSummary
from evaldesk.core.records import Project
from evaldesk.core.rules import (
    OVERSPENT,
    SOURCES_MISSING,
    TOTAL_NOT_SUM,
    check_project,
    field_label,
)
from evaldesk.core.scoring import FUNDS_SCORE, scoring_findings
from evaldesk.core.state import project_from_state, project_to_state
from evaldesk.io.project_sheets import project_from_grid

N = None


def _read(grid: list[list[object]], log: ImportSummary | None = None) -> Project:
    project = project_from_grid(grid, "表", log=log)
    assert project is not None
    return project


def _codes(project: Project) -> list[tuple[str, str]]:
    found = check_project(project) + scoring_findings(project)
    return sorted((f.code, f.field) for f in found)


# --- a funds block split by use ------------------------------------------------------------------

def _by_use(basic: tuple[str, str, str, str], project_row: tuple[str, str, str, str],
            total: tuple[str, str] = ("300", "310")) -> list[list[object]]:
    """SYNTHETIC: a 部门整体支出绩效自评表 head (贵州's layout) with the given 基本支出 and 项目支出
    rows (年初预算数, 全年执行数, 分值, 得分)."""
    return [
        ["部门整体支出绩效自评表", N, N, N, N, N, N],
        ["部门(单位)名称", "某镇人民政府", N, N, N, N, N],
        ["部门(单位)总体资金(万元)", "资金来源", "年初预算数(A)", "全年执行数(B)", "分值(10分)", "得分",
         "得分计算方法"],
        [N, "年度资金总额:", total[0], total[1], "10", "10", "执行率*该指标分值"],
        [N, "基本支出", *basic, N],
        [N, "项目支出", *project_row, N],
        [N, "其他", N, N, N, N, N],
        ["年度总体目标", "年初设定目标", N, N, "年度总体目标完成情况", N, N],
        [N, "履行职能", N, N, "完成", N, N],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "全年实际值(B)", "分值"],
        [N, "产出指标", "数量指标", "办件数", "≥100件", "120件", "50"],
    ]


def test_rows_split_by_use_are_lines_of_their_own_not_sources() -> None:
    log = ImportSummary()
    project = _read(_by_use(("200", "180", "10", "9"), ("100", "130", "10", "10")), log)
    assert project.budget.total == project.initial.total == Decimal(300)
    assert project.actual.total == Decimal(310)
    assert (project.budget.general, project.budget.non_fiscal) == (None, None)
    lines = {line.label: line for line in project.fund_lines}
    assert set(lines) == {"基本支出", "项目支出"}  # the empty 其他 is 不适用
    basic = lines["基本支出"]
    assert (basic.initial, basic.budget, basic.actual, basic.points, basic.score) == (
        Decimal(200), Decimal(200), Decimal(180), Decimal(10), Decimal(9))
    assert basic.cell == "B5"
    assert any(e.cell == "B7" for e in log.of_kind(EntryKind.NOT_APPLICABLE))
    codes = _codes(project)
    # Overspent on the total and on 项目支出 (130 > 100); 9 = 10 × 90 % is right; no source split
    # is asked of a form that splits by use.
    assert (OVERSPENT, "actual.total") in codes
    assert (OVERSPENT, "funds.rows.项目支出.actual") in codes
    assert not [c for c in codes if c[0] in (SOURCES_MISSING, FUNDS_SCORE, TOTAL_NOT_SUM)]
    assert not [c for c in codes if c[0].startswith("IMPORT_")]


def test_a_lines_printed_score_is_its_own_points_times_its_own_rate() -> None:
    project = _read(_by_use(("200", "180", "10", "10"), ("100", "100", "10", "10"),
                            total=("300", "280")))
    # (the total's 10 for 93.33 % is wrong too, and said on its own cell)
    found = [f for f in scoring_findings(project) if f.code == FUNDS_SCORE]
    assert [f.field for f in found] == ["funds.score", "funds.rows.基本支出.score"]
    found = found[1:]
    assert "「基本支出」的得分为 10，执行率 90.00%，应为 9" in found[0].message


def test_lines_that_do_not_add_up_to_the_total_are_found() -> None:
    project = _read(_by_use(("200", "180", "10", "9"), ("90", "130", "10", "10")))
    found = [f for f in check_project(project) if f.code == TOTAL_NOT_SUM]
    assert [f.field for f in found] == ["budget.total"]
    assert "300 ≠ 基本支出 200 + 项目支出 90（应为 290）" in found[0].message


def test_fund_lines_keep_through_the_saved_state_and_are_named_in_messages() -> None:
    project = _read(_by_use(("200", "180", "10", "9"), ("100", "130", "10", "10")))
    again = project_from_state(project_to_state(project))
    assert again.fund_lines == project.fund_lines
    assert field_label("funds.rows.项目支出.actual", project) == "项目支出/全年执行数"
    assert field_label("funds.rows.基本支出.score", project) == "基本支出/得分"
