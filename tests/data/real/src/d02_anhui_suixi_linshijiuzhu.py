# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""绩效目标自评表（2019年度）— 临时救助, 濉溪县民政局 (安徽 淮北 濉溪县).

Transcribed from the stored copy of https://www.sxx.gov.cn/zwgk/public/811/56426371.html (濉溪县
government site, 政务公开; page title 「(临时救助)绩效目标自评表」). The page holds the table as
text with 「|」 between cells. The layout is the older MoF wording as c05 (中江) prints it:
资金情况(万元) with 全年预算数(A) / 全年执行数(B) / 分值 / 执行率(B/A) / 得分; 年初设定目标 /
年度总体目标完成情况综述; 一级…三级指标 / 分值 / 年度指标值 / 全年实际值 / 得分 / 未完成原因及拟采取的
改进措施. The stored copy stops inside the 满意度 row, after its 分值 (「10」) and the first
characters of its 年度指标值 (「>=9」, cut mid-value): the transcription stops after the 分值
(cut_after_cell E21); the 年度指标值 fragment is not transcribed, the 总分 row is not in the copy.

Placed by reading, said here:
- The copy has no label before 一级指标 (the cell where c05 prints 「绩效指标」 is empty) and no
  实施单位 / 项目负责人 labels on the 项目名称 / 主管部门 rows: kept empty. How far the name cells
  span cannot be told; they are merged over B:E as in c05.
- The funds rows follow c05's grid (label over B:C, figures from D): the copy's cells are the
  label, then 30 | 30 | 10 | 100% | 10.
Kept as printed: 「[155]濉溪县民政局」 (the budget code before the name); 「年度资金总额:」 with its
colon; the 其中:本年财政拨款 row repeating 分值 10 / 100% / 得分 10; the central list's stars
(★★★) and placeholders 「(≥**人)」 / 「(≥**元/人·月)」 / 「(<**元/户·年)」 in the indicator names;
「>=」 / 「<=」 comparators; 「元/人*月」; the one reason 「特困人员实行动态管理」.
All cells are text as printed.
"""

SHEET = "绩效目标自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_ = None
ROWS = [
    ["绩效目标自评表", _, _, _, _, _, _, _, _],
    ["(2019年度)", _, _, _, _, _, _, _, _],
    ["项目名称", "临时救助", _, _, _, _, _, _, _],
    ["主管部门", "[155]濉溪县民政局", _, _, _, _, _, _, _],
    ["资金情况(万元)", _, _, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", _],
    [_, "年度资金总额:", _, "30", "30", "10", "100%", "10", _],
    [_, "其中:本年财政拨款", _, "30", "30", "10", "100%", "10", _],
    [_, "其他资金", _, _, _, _, _, _, _],
    ["年度总体目标", "年初设定目标", _, _, _, "年度总体目标完成情况综述", _, _, _],
    [_, "为建档立卡扶贫户解决临时性的困难", _, _, _, "全年救助建档立卡扶贫户临时救助87人次,救助资金30万元,完成目标任务。", _, _, _],
    [_, "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
    [_, "产出指标(50分)", "数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", "5", ">=21933人", "21980人", "5", _],
    [_, _, _, "★★★其中:农村低保对象中建档立卡贫困人口数量(按月平均)(≥**人)", "5", ">=9431人", "9453人", "5", _],
    [_, _, _, "★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)", "5", ">=59人次", "87人次", "5", _],
    [_, _, _, "★★★特困人员救助供养人数(按月平均)(≥**人)", "5", ">=4754人", "4604人", "5", "特困人员实行动态管理"],
    [_, _, _, "扶贫临时救助人数(按月平均)(≥**人)", "10", ">=7人", "7人", "10", _],
    [_, _, "质量指标", "★农村低保标准(≥**元/人·月)", "5", ">=530元/人*月", "583元/人*月", "5", _],
    [_, _, _, "农村特困人员救助供养基本生活标准(≥**元/人·月)", "5", ">=570元/人*月", "758元/人*月", "5", _],
    [_, _, _, "扶贫临时救助标准(<**元/户·年)——一户年最高5300元", "10", "<=5300元/户", "5830元/户", "10", _],
    [_, "效益指标(30分)", "社会效益指标", "★★★受益建档立卡贫困人口数≥**人", "30", ">=80人", "87人", "30", _],
    [_, "满意度指标(10分)", "服务对象满意度指标", "★受助对象满意度(≥**%)", "10"],
    # The stored copy ends here, inside this row's 年度指标值 (「>=9」).
]

MERGES = [
    "A1:I1", "A2:I2", "B3:E3", "B4:E4",
    "A5:A8", "B5:C5", "H5:I5", "B6:C6", "H6:I6", "B7:C7", "H7:I7", "B8:C8", "H8:I8",
    "A9:A10", "B9:E9", "F9:I9", "B10:E10", "F10:I10",
    "A11:A21", "B12:B19", "C12:C16", "C17:C19",
]

WIDTHS = {"A": 10, "B": 14, "C": 14, "D": 40, "E": 8, "F": 14, "G": 14, "H": 8, "I": 28}
