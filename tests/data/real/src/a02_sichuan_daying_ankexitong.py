"""大英县司法局 2023 部门预算项目支出绩效自评表 — 2023年全县安可替代补助资金项目 (PARTIAL).

Source: https://dyxrmt.cn/article-157795-21.html (大英县融媒体中心, 遂宁市, 四川), as stored: a
page publishing the bureau's forms one after another as tables. The stored copy available to
the transcriber is a passage: it begins inside the preceding form and ends inside this form's
first indicator row ("产出指标 | 质量指标 | 完成安可产品购买并按要求支付资金 | = | 100 | …").
Everything up to that cut is transcribed; the cells after it are NOT in the stored copy and are
left out, never guessed (the indicator's 度量单位, 完成值, 权重, 得分, any further indicators,
合计, 评价结论, 存在问题, 改进措施 and the signatures).
The page has no 报表编号 line above the title for this form.
"""
from _cells import Num, Pct
from _sichuan import REASON_NOTE, WIDTHS  # noqa: F401  (build.py reads WIDTHS)

SHEET = "安可替代补助资金项目"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 2

ROWS = [
    ["部门预算项目支出绩效自评表(2023年度)", None, None, None, None, None, None, None, None, None, None],
    ["项目名称", "51092324T000010263357-2023年全县安可替代补助资金项目", None, None, None, None, None,
     None, None, None, None],
    ["主管部门", "大英县司法局部门", None, None, None, "实施单位", None, "大英县司法局", None, None, None],
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", None, None, None, "年度目标完成情况", None,
     None, None, None],
    [None, None, "根据要求购买安可设备,并完成项目资金支付。", None, None, None, "完成", None, None, None,
     None],
    [None, "2.项目实施内容及过程概述", "2023年购买13台安可电脑,并于12月前完成资金支付。", None, None,
     None, None, None, None, None, None],
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率",
     "权重", "得分", "原因", None, None],
    [None, "总额", Num("0.00"), Num("3.36"), Num("3.36"), Pct("100.00%"), Num("10"), Num("10"),
     REASON_NOTE, None, None],
    [None, "其中:财政资金", Num("0.00"), Num("3.36"), Num("3.36"), Pct("100.00%"), "/", "/", None, None,
     None],
    [None, "财政专户管理资金", Num("0.00"), Num("0.00"), Num("0.00"), Pct("0.00%"), "/", "/", None, None,
     None],
    [None, "单位资金", Num("0.00"), Num("0.00"), Num("0.00"), Pct("0.00%"), "/", "/", None, None, None],
    [None, "其他资金", None, None, None, None, "/", "/", None, None, None],
    ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重",
     "得分", "未完成原因分析"],
    [None, "产出指标", "质量指标", "完成安可产品购买并按要求支付资金", "=", "100", None, None, None, None,
     None],
]

MERGES = [
    "A1:K1", "B2:K2", "B3:E3", "F3:G3", "H3:K3",
    "A4:A6", "B4:B5", "C4:F4", "G4:K4", "C5:F5", "G5:K5", "C6:K6",
    "A7:A12", "I7:K7", "I8:K12",
    "A13:A14",
]
