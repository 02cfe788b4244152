# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""项目支出绩效自评表（2021年度）— 禁毒经费, 宣城市公安局 禁毒支队 (安徽 宣城) — PARTIAL.

Transcribed from the stored copy of https://gaj.xuancheng.gov.cn/OpennessContent/show/2572090.html
(宣城市公安局 information disclosure 「宣城市公安局禁毒项目绩效支出自评表」, 组配分类 部门项目,
2022-03-17). The page holds the table as text, one printed row per line. MoF 2020 form.

The stored copy ENDS inside the first 质量指标 row, in its 实际完成值 (「严格执行相关财经法」): that row
is transcribed up to its 年度指标值; the rest of the form is not in the copy.

Kept as printed: 「年度资金总额:」 with its colon; 「-」 in the sub-rows' 分值 / 得分 (the copy gives two
per sub-row; placed in 分值 and 得分 as the MoF template prints them); the goal block headed
「年度总体目标完成情况」; the indicator block headed 「年度绩效指标完成情况」; the 一级 cell reading only
「(50分)」 after four blank lines (a vertical heading whose words the page lost, as in b03); the
「……」 placeholder row. All cells are text as printed.
"""

SHEET = "项目支出绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_GOAL = "支持公安机关开展禁毒业务工作,补助必须的办案、业务、装备等开支,有效的打击毒品犯罪,遏制毒品蔓延、毒品渗透、毒品制贩和毒品流入非法渠道,进一步巩固禁种铲毒工作成果,进一步增强全民禁毒意识"
_DONE = "有效的打击了毒品犯罪,遏制了毒品蔓延、毒品渗透、毒品制贩和毒品流入非法渠道,进一步巩固了禁种铲毒工作成果,进一步增强了全民禁毒意识,提升了群众安全感和满意度。"

_ = None
ROWS = [
    ["项目支出绩效自评表", _, _, _, _, _, _, _, _],
    ["(2021年度)", _, _, _, _, _, _, _, _],
    ["项目名称", "禁毒经费", _, _, _, _, _, _, _],
    ["主管部门", "宣城市公安局", _, _, "实施单位", "禁毒支队", _, _, _],
    ["项目资金\n(万元)", _, _, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
    [_, "年度资金总额:", _, "100", "100", "100", "10", "100%", "10"],
    [_, "其中:本年财政拨款", _, "100", "100", "100", "-", _, "-"],
    [_, "上年结转资金", _, _, _, _, "-", _, "-"],
    [_, "其他资金", _, _, _, _, "-", _, "-"],
    ["年度总体目标完成情况", "预期目标", _, _, _, "实际完成情况", _, _, _],
    [_, _GOAL, _, _, _, _DONE, _, _, _],
    ["年度绩效指标完成情况", "一级\n指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [_, "\n\n\n\n(50分)", "数量指标", "指标1:禁毒舞台剧宣传的场次", "≥1场", "1场", "12", "12", _],
    [_, _, _, "指标2:毛发检查试剂数量", "≥2400份", "3200份", "12", "12", _],
    [_, _, _, "……", _, _, _, _, _],
    [_, _, "质量指标", "指标1:经费支出合规性", "严格执行相关财经法规制度", _, _, _, _],
    # The stored copy ends inside this row's 实际完成值 (「严格执行相关财经法」).
]

MERGES = [
    "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4",
    "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
    "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11",
    "A12:A16", "B13:B16", "C13:C15",
]

WIDTHS = {"A": 12, "B": 12, "C": 12, "D": 30, "E": 16, "F": 16, "G": 8, "H": 8, "I": 28}
