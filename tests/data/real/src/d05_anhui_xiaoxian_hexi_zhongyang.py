# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""绩效目标自评表（2023年度）— 河西村特色种养补贴到户项目, 张庄寨镇人民政府 (安徽 宿州 萧县).

Transcribed from the stored copy of https://www.ahxx.gov.cn/grassroots/279/158998981.html (萧县
government site, 镇 postings). The page holds the table as text with 「|」 between cells; a cell
merged down from a row above is left out of the rows below it, as HTML row spans are. The layout
is the older MoF wording of c05 / d02 (资金情况 / 年初设定目标 / 分值 before 年度指标值 / 全年实际值 /
未完成原因及拟采取的改进措施), as 安徽 counties fill it for 衔接推进乡村振兴 money. The stored copy
stops at the first characters of the 满意度 row (「满意」): the transcription stops after the last
「……」 row of the 效益 block (cut_after_cell D31).

Placed by reading, said here:
- Each ★ indicator is followed by 「其中…」 rows holding only a name, a target and an actual: the
  ★ row's 分值 and 得分 cells are left out of them, so they are merged down over the 其中 rows
  (E12:E16 / H12:H16, E17:E18 / H17:H18, E19:E21 / H19:H21). The 其中 rows break the ★ figure
  down (桃 1.5 + 苹果 5 + 露天蔬菜 20 + 大棚蔬菜 3 = 29.5亩; 羊 180 + 猪 12 = 192只).
- 质量指标, 经济效益 指标, 生态效益 指标 and 可持续影响指标 each first print a row with nothing but
  the 二级 label; their indicators (if any) follow with the label merged down. The two 「……」 rows
  continue the 质量 / 可持续 groups (placed in the 三级 column).
- 「产 出 指 标 (50分)」, 「效 益 指 标 (30分)」, 「一级 指标」, 「经济效益 指标」 … are joined.
Kept as printed: 「年度资金总额:」 with its colon; the 其中:本年财政拨款 row repeating 10 / 100% / 10;
「-」 / 「-」 for 其他资金; the ★ marks; 「≥11.376万元」; the completion that repeats the goal.
All cells are text as printed.
"""

SHEET = "绩效目标自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_ = None
ROWS = [
    ["绩效目标自评表", _, _, _, _, _, _, _, _],
    ["(2023年度)", _, _, _, _, _, _, _, _],
    ["项目名称", "河西村特色种养补贴到户项目", _, _, _, "项目负责人及电话", "李宁0557-5788003", _, _],
    ["主管部门", "县农业农村局", _, _, _, "实施单位", "张庄寨镇人民政府", _, _],
    ["资金情况\n(万元)", _, _, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", _],
    [_, "年度资金总额:", _, "9.48", "9.48", "10", "100%", "10", _],
    [_, "其中:本年财政拨款", _, "9.48", "9.48", "10", "100%", "10", _],
    [_, "其他资金", _, "-", "-", _, _, _, _],
    ["年度总体目标", "年初设定目标", _, _, _, "年度总体目标完成情况综述", _, _, _],
    [_, "落实39户特色种养业奖补政策,增加脱贫户家庭收入", _, _, _, "落实39户特色种养业奖补政策,增加脱贫户家庭收入", _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
    [_, "产出指标(50分)", "数量指标", "★补助各类瓜果蔬菜种植面积", "20", "29.5亩", "29.5亩", "20", _],
    [_, _, _, "其中桃树种植面积", _, "1.5亩", "1.5亩", _, _],
    [_, _, _, "其中苹果树种植面积", _, "5亩", "5亩", _, _],
    [_, _, _, "其中露天蔬菜", _, "20亩", "20亩", _, _],
    [_, _, _, "其中大棚蔬菜", _, "3亩", "3亩", _, _],
    [_, _, _, "★补助鱼塘面积", "10", "3亩", "3亩", "10", _],
    [_, _, _, "其中鱼塘养殖面积", _, "3亩", "3亩", _, _],
    [_, _, _, "★补助家畜家禽养殖数量", "10", "192只", "192只", "10", _],
    [_, _, _, "其中羊养殖数量", _, "180只", "180只", _, _],
    [_, _, _, "其中猪养殖数量", _, "12头", "12头", _, _],
    [_, _, "质量指标", _, _, _, _, _, _],
    [_, _, _, "种植作物成活率", "5", "95%", "95%", "5", _],
    [_, _, _, "养殖家畜家禽成活率", "5", "95%", "100%", "5", _],
    [_, _, _, "……", _, _, _, _, _],
    [_, "效益指标(30分)", "经济效益指标", _, _, _, _, _, _],
    [_, _, _, "特色产业带动增加受益农户收入(总收入)", "20", "≥11.376万元", "12万元", "20", _],
    [_, _, "社会效益指标", "受益人口数量", "10", "90人", "90人", "10", _],
    [_, _, "生态效益指标", _, _, _, _, _, _],
    [_, _, "可持续影响指标", _, _, _, _, _, _],
    [_, _, _, "……", _, _, _, _, _],
    # The stored copy ends here, with the first characters of the 满意度 row (「满意」).
]

MERGES = [
    "A1:I1", "A2:I2", "B3:E3", "G3:I3", "B4:E4", "G4:I4",
    "A5:A8", "B5:C5", "H5:I5", "B6:C6", "H6:I6", "B7:C7", "H7:I7", "B8:C8", "H8:I8",
    "A9:A10", "B9:E9", "F9:I9", "B10:E10", "F10:I10",
    "A11:A31", "B12:B25", "C12:C21", "E12:E16", "H12:H16", "E17:E18", "H17:H18", "E19:E21", "H19:H21",
    "C22:C25", "B26:B31", "C26:C27", "C30:C31",
]

WIDTHS = {"A": 10, "B": 14, "C": 14, "D": 34, "E": 8, "F": 14, "G": 14, "H": 8, "I": 28}
