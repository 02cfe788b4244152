"""大英县医疗保障局 2023 部门预算项目支出绩效自评表 — 城乡居民监管工作经费 (PARTIAL: head only).

Source: https://dyrmt.com/article-159286-40.html (大英县融媒体中心's site, 遂宁市, 四川), as stored:
a page publishing the bureau's forms one after another. The stored passage begins inside the
preceding form (its indicator rows and template-text conclusion) and ends with this form's
预算执行情况 heading row: the funds rows, the indicators and everything after them are NOT in it
and are left out, never guessed.
Kept as printed: the 年度目标完成情况 cell still holds the template sentence; the goal of this
2023 form speaks of 「2022年」; 2.项目实施内容及过程概述 is empty.
"""
from _sichuan import WIDTHS  # noqa: F401  (build.py reads WIDTHS)

SHEET = "城乡居民监管工作经费"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 2

_ = None
ROWS = [
    ["部门预算项目支出绩效自评表(2023年度)", _, _, _, _, _, _, _, _, _, _],
    ["项目名称", "51092322T000000431595-城乡居民监管工作经费", _, _, _, _, _, _, _, _, _],
    ["主管部门", "大英县医疗保障局部门", _, _, _, "实施单位 (盖章)", _, "大英县医疗保障局", _, _, _],
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", _, _, _, "年度目标完成情况", _, _, _, _],
    [_, _, "2022年医疗保障局计划使用财政资金45万元给聘用的14人发放工资及缴纳保险费,其中工资30000元每年每人,"
     "保险费共3万元,以监管全县医院药店医疗保险基金正常使用。", _, _, _,
     "对照年度目标,说明相关任务目标的完成情况(100字以内)", _, _, _, _],
    [_, "2.项目实施内容及过程概述", _, _, _, _, _, _, _, _, _],
    ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
     "得分", "原因", _, _],
]

MERGES = [
    "A1:K1", "B2:K2", "B3:E3", "F3:G3", "H3:K3",
    "A4:A6", "B4:B5", "C4:F4", "G4:K4", "C5:F5", "G5:K5", "C6:K6",
    "I7:K7",
]
