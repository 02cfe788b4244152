"""Numbered items scored beside their numbered heading (云南 隆阳, the Hubei 项目自评表 template):
「一、示范区建立 … 15.0」 over 「1、… 5.0」「2、… 5.0」「3、… 5.0」. When the items' scores add up
to the heading's, they break it down: the heading is the indicator, the items are said in the
import summary, and no point is counted twice. The grids are built for the rule (labelled as
such); the published form is tests/data/real/c06."""

from __future__ import annotations

from decimal import Decimal

from evaldesk.core.import_summary import EntryKind, ImportSummary
from evaldesk.core.records import Project
from evaldesk.io.project_sheets import project_from_grid

N = None
# Built: the head of the Hubei 项目自评表 (no 分值 column; 得分 only), as c06 prints it.
_HEAD = [
    ["项目名称", "某县化肥减量增效示范项目", N, N, N, N, N],
    ["主管部门", "某县农业农村局", N, N, "项目实施单位", "某县土壤肥料工作站", N],
    ["预算执行情况(万元) (20分)", N, N, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
    [N, "年度财政资金总额", N, "100", "100", "100%", "20"],
    ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
]


def _read(rows: list[list[object]], log: ImportSummary | None = None) -> Project:
    project = project_from_grid(_HEAD + rows, "表", log=log)
    assert project is not None
    return project


def _items(last: str = "5.0") -> list[list[object]]:
    return [
        [N, "产出指标", "数量指标", "一、示范区建立", "≧2000亩", "2000亩", "15.0"],
        [N, N, N, "1、水稻侧深施肥", "≧500亩", "500亩", "5.0"],
        [N, N, N, "2、玉米种肥同播", "≧1000亩", "1000亩", "5.0"],
        [N, N, N, "3、施用配方肥", "≧500亩", "500亩", last],
        [N, N, N, "二、土样化验", "≧60个", "60个", "5.0"],
        [N, N, "质量指标", "配方肥到位率", "≧80%", "85.6%", "10.0"],
    ]


def test_items_that_add_up_to_their_heading_are_its_breakdown() -> None:
    log = ImportSummary()
    project = _read(_items(), log)
    assert [(i.name, i.score) for i in project.indicators] == [
        ("一、示范区建立", Decimal(15)), ("二、土样化验", Decimal(5)),
        ("配方肥到位率", Decimal(10)),
    ]
    (entry,) = [e for e in log.of_kind(EntryKind.CONVERTED) if "分项" in e.meaning]
    assert entry.text == "一、示范区建立"
    assert "第 7、8、9 行" in entry.meaning and "5 + 5 + 5 = 15" in entry.meaning


def test_items_that_do_not_add_up_are_left_as_read() -> None:
    # 5 + 5 + 4 is not 15: which figure is right is the clerk's to say, nothing is folded.
    project = _read(_items(last="4.0"))
    assert [i.name for i in project.indicators] == [
        "一、示范区建立", "1、水稻侧深施肥", "2、玉米种肥同播", "3、施用配方肥", "二、土样化验",
        "配方肥到位率"]


def test_what_was_recorded_for_later_indicators_follows_them() -> None:
    # A bad score after the folded items stays on its own indicator, renumbered.
    rows = _items()
    rows[-1][-1] = "十分"
    project = _read(rows)
    assert [i.name for i in project.indicators][-1] == "配方肥到位率"
    assert project.bad_values == {"indicator:2.score": "十分"}
