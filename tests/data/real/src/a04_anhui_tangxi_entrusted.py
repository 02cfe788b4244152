"""池州市贵池区棠溪镇人民政府 2022 项目支出绩效自评表 — 委托业务项目 (PARTIAL).

Source: http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2 — the stored copy of
a WPS document (its metadata: WPS 2052-11.1.0.11691, saved 2022-05-16) filed under a download
link of that host; the form itself names 219-池州市贵池区棠溪镇人民政府 (安徽). The host is not a
government site: it is where the search found this copy.
The text is the document's cells in reading order. The stored copy ends inside the 满意度指标
row (「满意度指标(10分) 满意度指标 公众满…」): that row and everything after it (总分 …) are NOT
in it and are left out, never guessed.
Printed quirks kept: the 年度资金总额 row reads 0 / 0 / 0 / 10 / 0 / 0 although 本年财政拨款 is
90 / 89.974 / 89.974 (a total row whose formula was never filled); 「年度资金总额:」 with a colon;
「≥100百分比」; an empty 经济效益指标 row printed after 可持续影响指标.
"""
from _anhui import WIDTHS, layout  # noqa: F401  (build.py reads WIDTHS)

SHEET = "委托业务项目"
TITLE_ROWS = (2,)
BOXED_FROM_ROW = 4

_ = None
ROWS, MERGES = layout(
    name="委托业务项目",
    dept="219-池州市贵池区棠溪镇人民政府",
    unit="219001-池州市贵池区棠溪镇人民政府",
    funds=[
        ["年度资金总额:", "0", "0", "0", "10", "0", "0"],
        ["其中:本年财政拨款", "90", "89.974", "89.974", _, _, _],
        ["上年结转资金", _, _, _, _, _, _],
        ["其他资金", _, _, _, _, _, _],
    ],
    goal="本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计;"
         "30万元用于基建工程项目设计、规划、测绘。",
    completion="本项目共完成预算资金89.97万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目"
               "审计;29.99万元用于基建工程项目设计、规划、测绘。",
    indicators=[
        ["产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8", _],
        [_, "质量指标", "委托业务报告合格率", "≥100百分比", "100", "8", "8", _],
        [_, _, "经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8", _],
        [_, "时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", "8", "8", _],
        [_, "成本指标", "项目总成本", "≤90万元", "90", "8", "8", _],
        [_, _, "单项业务成本", "符合相关规定", "达成预期指标", "10", "10", _],
        ["效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", "10",
         "10", _],
        [_, "生态效益指标", "对控制基建项目成本影响程度", "效果明显", "达成预期指标", "10", "10", _],
        [_, "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", "达成预期指标",
         "10", "10", _],
        [_, "经济效益指标", _, _, _, _, _, _],
    ],
)
