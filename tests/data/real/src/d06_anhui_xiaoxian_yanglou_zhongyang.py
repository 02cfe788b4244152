# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""绩效目标自评表 (2023) — 2023年杨楼社区特色种养殖补贴到户项目, 杨楼镇人民政府 (安徽 宿州 萧县).

Transcribed from the stored copy of https://www.ahxx.gov.cn/grassroots/275/159708041.html (萧县
government site; page title 「2023年杨楼社区特色种养殖补贴到户项目资金使用情况」, published
2023-09-28 by 杨楼镇人民政府). The page holds the table as plain text, one printed row per line,
cells separated by spaces; the table's own title lines are not in the copy (it begins at 项目名称).
The layout is d05's (the older MoF wording as 萧县's towns fill it): 资金情况(万元) with 全年预算数(A)
/ 全年执行数(B) / 分值 / 执行率(B/A) / 得分; 年初设定目标 / 年度总体目标完成情况综述; 分值 before
年度指标值 / 全年实际值. The copy stops in the 质量指标 row, after 「★种植作物成活率 10」 and the first
character of the next figure (「9」, cut mid-value): the transcription stops after that row's 分值
(cut_after_cell E22).

Placed by reading, said here:
- Each ★ row holds two figures, 「10 10」, and the rows below it a name, a target and an actual
  («红薯种植面积 5.5亩 5.5亩»): the ★ rows' figures are placed as 分值 and 得分 (they add to the
  (50分) of the group with the 质量 row), the rows below as the ★ indicator's breakdown with empty
  分值 / 得分. Whether those cells are merged down on the published page cannot be told from
  plain text: no merges are made.
- The 一级 cell holds only 「(50分)」 in the copy (the word 产出指标 is not in it): kept so.
- 「一级 / 指标」 broken over two lines is joined; the indentation of the breakdown rows is dropped.
Kept as printed: 「年度资金总额:」 with its colon; the 其中:本年财政拨款 row repeating 10 / 100.00% /
10; 其他资金 「0」 / 「0」; 「500只」 and 「80头」 under one ★ indicator.
All cells are text as printed.
"""

SHEET = "绩效目标自评表"
TITLE_ROWS = ()
BOXED_FROM_ROW = 1

_ = None
ROWS = [
    ["项目名称", "2023年杨楼社区特色种养殖补贴到户项目", _, _, _, "项目负责人及电话", "黄蓓蓓0557-5271001", _, _],
    ["主管部门", "县农业农村局", _, _, _, "实施单位", "杨楼镇人民政府", _, _],
    ["资金情况\n(万元)", _, _, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", _],
    [_, "年度资金总额:", _, "8.408", "8.408", "10", "100.00%", "10", _],
    [_, "其中:本年财政拨款", _, "8.408", "8.408", "10", "100.00%", "10", _],
    [_, "其他资金", _, "0", "0", _, _, _, _],
    ["年度总体目标", "年初设定目标", _, _, _, "年度总体目标完成情况综述", _, _, _],
    [_, "以产业补助的形式对64户脱贫户进行补助,鼓励发展特色产业,激发脱贫人口内生动力,增加脱贫户收入10.9304万元。", _, _, _, "落实64户特色种养业奖补政策,增加脱贫户家庭收入10.9304万元", _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
    [_, "(50分)", "数量指标", "★补助各类粮食作物种植面积", "10", _, _, "10", _],
    [_, _, _, "红薯种植面积", _, "5.5亩", "5.5亩", _, _],
    [_, _, _, "★补助各类瓜果蔬菜种植面积", "10", _, _, "10", _],
    [_, _, _, "梨树种植面积", _, "6亩", "6亩", _, _],
    [_, _, _, "桃种植面积", _, "1亩", "1亩", _, _],
    [_, _, _, "葡萄种植面积", _, "4.5亩", "4.5亩", _, _],
    [_, _, _, "苹果种植面积", _, "4.7亩", "4.7亩", _, _],
    [_, _, _, "★补助家畜家禽养殖数量", "10", _, _, "10", _],
    [_, _, _, "猪养殖数量", _, "80头", "80头", _, _],
    [_, _, _, "牛养殖数量", _, "3头", "3头", _, _],
    [_, _, _, "鸡养殖数量", _, "500只", "500只", _, _],
    [_, _, _, "羊养殖数量", _, "283只", "283只", _, _],
    [_, _, "质量指标", "★种植作物成活率", "10"],
    # The stored copy ends here, at the first character of this row's next figure (「9」).
]

MERGES = [
    "B1:E1", "G1:I1", "B2:E2", "G2:I2",
    "A3:A6", "B3:C3", "H3:I3", "B4:C4", "H4:I4", "B5:C5", "H5:I5", "B6:C6", "H6:I6",
    "A7:A8", "B7:E7", "F7:I7", "B8:E8", "F8:I8",
    "A9:A22", "B10:B22", "C10:C21",
]

WIDTHS = {"A": 10, "B": 14, "C": 14, "D": 34, "E": 8, "F": 14, "G": 14, "H": 8, "I": 28}
