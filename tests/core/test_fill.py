"""Filling figures from a spending export: matching, exact sums, what is left for the clerk."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from evaldesk.core.fill import ExportRow, MatchKind, SideAmounts, apply_fill, plan_fill
from evaldesk.core.records import Funds, Project, Report
from evaldesk.io import read_report
from evaldesk.io.read_export import export_from_grid, read_export

DATA = Path(__file__).resolve().parents[1] / "data" / "exports"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"
D = Decimal


def _coded_report() -> Report:
    """The example's six projects with the codes the budget system gives them."""
    report = read_report(EXAMPLE)
    for number, project in enumerate(report.projects, start=1):
        project.code = f"440307-2022-{number:04d}"
    return report


def _funds(project: Project, side: str) -> tuple[Decimal | None, ...]:
    funds: Funds = getattr(project, side)
    return (funds.general, funds.fund, funds.non_fiscal, funds.total)


def test_an_export_in_yuan_with_codes_fills_the_report_exactly() -> None:
    report = _coded_report()
    table = read_export(DATA / "system_yuan_codes.xlsx")
    assert (table.unit, table.unit_stated) == ("元", True)
    plan = plan_fill(report, table.rows)
    kinds = {m.project_name: m.kind for m in plan.matches}
    # 全区信访业务培训费 in the export: the code decides, the near name does not matter.
    assert kinds == {"办公设备购置": MatchKind.CODE, "其他一般管理事务": MatchKind.CODE,
                     "信访事务": MatchKind.CODE, "区信访大厅(区维稳中心)管理事务": MatchKind.CODE,
                     "全区信访业务培训": MatchKind.CODE}
    assert [e.name for e in plan.unmatched_entries] == ["信访积案化解专项"]
    assert [p.name for p in plan.unmatched_projects] == ["信访信息化运行维护"]

    assert apply_fill(report, plan) > 0
    by_name = {p.name: p for p in report.projects}
    office = by_name["办公设备购置"]
    assert _funds(office, "budget") == (D("91.66"), D(0), D(0), D("91.66"))
    assert _funds(office, "actual") == (D("89.94"), D(0), D(0), D("89.94"))
    assert office.initial.general == D("90")
    # Two funding lines of one project, each in its own source, to the cent.
    petition = by_name["信访事务"]
    assert _funds(petition, "budget") == (D("109.22"), D("20"), D(0), D("129.22"))
    assert _funds(petition, "actual") == (D("106.14"), D("19.5"), D(0), D("125.64"))
    assert petition.initial.general == D("100") and petition.initial.fund == D("20")
    assert _funds(by_name["全区信访业务培训"], "actual") == (D("6.01"), D(0), D(0), D("6.01"))
    # Untouched: the project the export does not list keeps its figures.
    assert _funds(by_name["信访信息化运行维护"], "budget") == (D("34.26"), D(0), D(0), D("34.26"))
    for project in report.projects:
        for side in ("budget", "actual"):
            for value in _funds(project, side):
                assert value is None or isinstance(value, Decimal)


def test_a_name_only_export_asks_about_the_near_miss_and_applies_only_what_is_confirmed() -> None:
    table = read_export(DATA / "system_yuan_names.xlsx")
    report = read_report(EXAMPLE)
    plan = plan_fill(report, table.rows)
    (close,) = plan.close_matches
    assert (close.project_name, close.entry.name) == ("全区信访业务培训", "全区信访业务培训费")
    training = next(p for p in report.projects if p.name == "全区信访业务培训")
    before = _funds(training, "actual")

    apply_fill(report, plan)  # nothing confirmed: the close name is left alone
    assert _funds(training, "actual") == before

    report = read_report(EXAMPLE)
    plan = plan_fill(report, table.rows)
    training = next(p for p in report.projects if p.name == "全区信访业务培训")
    apply_fill(report, plan, confirmed=[plan.close_matches[0].project_uid])
    assert training.initial.general == D("6.76")
    assert _funds(training, "actual") == (D("6.01"), D(0), D(0), D("6.01"))


def test_unmatched_rows_on_both_sides_are_listed() -> None:
    report = read_report(EXAMPLE)
    table = read_export(DATA / "names_wan_gbk.csv")
    assert (table.unit, table.unit_stated) == ("万元", True)
    assert table.skipped == ["第 8 行：合计行，不是项目"]
    plan = plan_fill(report, table.rows)
    assert [e.name for e in plan.unmatched_entries] == ["应急处置专项"]
    assert [p.name for p in plan.unmatched_projects] == ["全区信访业务培训"]
    assert [(m.project_name, m.entry.name) for m in plan.close_matches] == [
        ("信访信息化运行维护", "信访信息化运维")]


def test_rows_of_one_project_in_one_source_add_up_exactly() -> None:
    grid = [
        ["单位：元"],
        ["项目名称", "资金性质", "全年预算数", "支出数"],
        ["学生资助", "一般公共预算", 100000.1, 33333.33],
        ["学生资助", "一般公共预算", 200000.2, 66666.67],
        ["学生资助", "单位资金", 0.1, 0.2],
    ]
    table = export_from_grid(grid, "mem")
    assert table is not None
    report = Report(projects=[Project(name="学生资助",
                                      budget=Funds(general=D(1), fund=D(0), non_fiscal=D(0)))])
    apply_fill(report, plan_fill(report, table.rows))
    project = report.projects[0]
    # 0.1 + 0.2 is 0.3 here: 30.00003 万元, never 30.000030000000004.
    assert _funds(project, "budget") == (D("30.00003"), D(0), D("0.00001"), D("30.00004"))
    assert _funds(project, "actual") == (D("10"), None, D("0.00002"), D("10.00002"))


def test_a_two_row_header_by_source_in_wan() -> None:
    table = read_export(DATA / "two_row_sources_wan.xlsx")
    assert table.unit == "万元"
    rows = {r.code: r for r in table.rows}
    safety = rows["P001"].sides
    # 财政专户管理资金 15 and 单位资金 5 are both 非财政资金.
    assert safety["budget"].parts == {"general": D(100), "fund": D(0), "non_fiscal": D(20)}
    assert safety["actual"].parts == {"general": D(100), "fund": D(0), "non_fiscal": D("18.5")}
    assert safety["budget"].total == D(120)


def test_a_flattened_header_and_an_unstated_unit() -> None:
    grid = [["项目编码", "项目名称", "预算数-一般公共预算", "预算数-政府性基金", "支出数一般公共预算",
             "支出数政府性基金", "执行率"],
            ["A1", "河道保洁", 1500000, 0, 1200000, 0, "80%"]]
    table = export_from_grid(grid, "mem")
    assert table is not None and (table.unit, table.unit_stated) == ("元", False)
    (row,) = table.rows
    assert row.sides["budget"].parts == {"general": D(150), "fund": D(0)}
    assert row.sides["actual"].parts == {"general": D(120), "fund": D(0)}


def test_a_total_alone_goes_to_the_source_the_project_uses() -> None:
    project = Project(name="校舍维修", budget=Funds(general=D(0), fund=D(50), non_fiscal=D(0)))
    report = Report(projects=[project])
    rows = [ExportRow(2, "", "校舍维修", {"budget": SideAmounts(D(60)), "actual": SideAmounts(D(55))})]
    apply_fill(report, plan_fill(report, rows))
    assert _funds(project, "budget") == (D(0), D(60), D(0), D(60))
    # After a rollover the actual side is empty: the budget's source says where spending goes.
    assert _funds(project, "actual") == (None, D(55), None, D(55))


def test_a_total_over_several_sources_is_not_split_by_guessing() -> None:
    project = Project(name="校舍维修", budget=Funds(general=D(10), fund=D(50), non_fiscal=D(0)))
    report = Report(projects=[project])
    rows = [ExportRow(2, "", "校舍维修", {"budget": SideAmounts(D(70))})]
    plan = plan_fill(report, rows)
    assert [c.key for c in plan.matches[0].changes] == ["budget.total"]
    apply_fill(report, plan)
    # The entered 合计 stands beside the old split: the check asks the clerk which part moved.
    assert project.budget.total == D(70) and project.budget.general == D(10)


def test_a_name_two_projects_share_is_not_matched() -> None:
    report = Report(projects=[Project(seq="1", name="维修"), Project(seq="2", name="维修")])
    rows = [ExportRow(2, "", "维修", {"budget": SideAmounts(D(1))})]
    plan = plan_fill(report, rows)
    assert plan.matches == [] and [names for _, names in plan.ambiguous] == [["1 维修", "2 维修"]]


def test_a_file_with_no_export_header_is_refused(tmp_path: Path) -> None:
    from evaldesk.io import ReadError

    path = tmp_path / "notes.csv"
    path.write_text("随便,写点\n1,2\n", encoding="utf-8")
    with pytest.raises(ReadError, match="找不到执行数据的表头"):
        read_export(path)
