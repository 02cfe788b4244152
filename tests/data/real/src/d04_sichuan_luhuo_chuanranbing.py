# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""(2021年度) 转移支付区域绩效自评表 — 重大传染病防治项目, 炉霍县卫生健康局 (四川 甘孜州 炉霍县).

Transcribed from the stored copy of
http://www.cecfb.org/ganzi/c105203/202208/7c4bdd8f71aa4f119d9f59eca6022d80.shtml (a page of the
甘孜州 site's 2022-08 postings as the store holds it). The stored passage is the table as text with
「|」 between cells; it begins at the line 「(2021年度)」, so the table's own title line is not in
the copy, and it stops inside the indicator header, at 「未完成原」 (cut mid-word): the
transcription stops after 全年实际完成值 (cut_after_cell F12). The layout is the central
transfer-payment form for a county's use of a 中央对地方转移支付: 转移支付(项目)名称 / 中央主管部门 /
地方主管部门 / 资金使用单位; 项目资金(万元) with 全年预算数(A) / 全年执行数(B) / 预算执行率(B/A) and
rows 年度资金总额: / 其中:中央财政资金 / 地方资金 / 其他资金; 总体目标完成情况 with 总体目标 / 全年实际
完成情况; 绩效指标 一级…三级 / 指标值 / 全年实际完成值 / 未完成原因…; no 分值 and no 得分.

Placed by reading, said here:
- 「项目资金 (万元)」 spans the funds rows; the heading row leaves the row-label cell empty, as
  the copy does (「项目资金 (万元) |」 then 全年预算数(A)).
- How far the 总体目标 / 全年实际完成情况 cells span cannot be told: split B:D / E:H.
- 「一级 指标」 (a wrapped heading) is joined.
Kept as printed: the colon of 「年度资金总额:」; 「100%」, 「100.00%」 and 「100%」 (three precisions in
one block); the 全年实际完成情况 that repeats the 总体目标 word for word (「病列率」 included).
All cells are text as printed.
"""

SHEET = "转移支付区域绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 2

_GOAL = ("目标1:继续为0-6岁适龄儿童常规接种。目标2:减少艾滋病新发感染,降低艾滋病病列率,艾滋病疫情继续控制在低流行水平,"
         "进一步减少结核感染、患病和死亡,切实降低结核病疾病负担,提高人民群众健康水平。目标3:全面开展包虫病综合防治工作,"
         "基本控制包虫病流行。目标4:开展重大慢性病早期筛查干预项目,落实慢性病及相关危险因素监测。加强严重精神障碍患者筛查、"
         "登记报告随访服务。目标5:分别完成以新冠肺炎为主的病毒性传染病监测、基于国家致病性识别网的细菌性传染病监测。")

_ = None
ROWS = [
    ["(2021年度)", _, _, _, _, _, _, _],
    ["转移支付(项目)名称", "重大传染病防治项目", _, _, _, _, _, _],
    ["中央主管部门", "国家卫生健康委", _, _, _, _, _, _],
    ["地方主管部门", "甘孜州卫生健康委", _, _, "资金使用单位", "炉霍县卫生健康局", _, _],
    ["项目资金\n(万元)", _, "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A)", _, _, _],
    [_, "年度资金总额:", "811.54", "811.54", "100%", _, _, _],
    [_, "其中:中央财政资金", "730.4", "730.4", "100.00%", _, _, _],
    [_, "地方资金", "81.14", "81.14", "100%", _, _, _],
    [_, "其他资金", _, _, _, _, _, _],
    ["总体目标完成情况", "总体目标", _, _, "全年实际完成情况", _, _, _],
    [_, _GOAL, _, _, _GOAL, _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值"],
    # The stored copy ends here, inside the next heading (「未完成原」).
]

MERGES = [
    "A1:H1", "B2:H2", "B3:H3", "B4:D4", "F4:H4",
    "A5:A9", "E5:H5", "E6:H6", "E7:H7", "E8:H8", "E9:H9",
    "A10:A11", "B10:D10", "E10:H10", "B11:D11", "E11:H11",
]

WIDTHS = {"A": 14, "B": 18, "C": 14, "D": 24, "E": 16, "F": 16, "G": 14, "H": 14}
