# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""成安县民政局2020年度预算项目绩效自评表 — 19名百岁老人高龄津贴 (河北 邯郸 成安县) — PARTIAL.

Transcribed from the stored copy of http://cycms.chengan.gov.cn/zfxxgk/bmView.jsp?id=15437&websiteid=905&xxfl=0404
(成安县 government information disclosure, 发布机构 民政局, 2021-07-14). The page holds the table as
text, one printed row per line. This is the Hebei budget-system export, a layout of its own:
一、基本情况 / 二、预算执行情况 (预算安排情况(调整后) · 资金到位情况 · 资金执行情况 side by side, and
预算执行进度(%)) / 三、目标完成情况 (年度预期目标 · 具体完成情况 · 总体完成率(%)) / 四、年度绩效指标完成
情况, whose 预期指标值 is split into 符号 / value / 单位(文字描述) and whose 自评得分 is split into
单项指标得分 / 权重占比(%) / 单项指标折算得分.

The stored copy ENDS after the first two cells of the 预算执行率 row (「预算执行率 预算执行率」, then only
spaces): its values, any later rows and the form's total are not in the copy.

Kept as printed: the header 「指标分值」 over a column that holds each indicator's explanation (the page
gives no other header for it); the 一级 heading 「效果指标」 (not 效益指标); 「>=」 as the 符号; units
「%(百分比)」; the blank after 「是否为专项资金:」; amounts 6.84 / 0.00. The value column under
预期指标值 has no sub-heading of its own in the copy. All cells are text as printed.
Column spans are the transcriber's: the page gives the cells, not their widths.

Expectation corrected after the first hand-working: 补贴发放率 (>=75 → 100%, 33.3 % over its
target) is over the 30 % overshoot threshold the corpus applies to every other form, and the form
has no column for a reason, so OVERSHOOT_NO_REASON stands beside the four SCORE_NO_REASON.
"""
SHEET = "预算项目绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 2
WIDTHS = {"A": 12, "B": 14, "C": 14, "D": 20, "E": 26, "F": 6, "G": 6, "H": 12, "I": 10, "J": 10, "K": 10, "L": 10, "M": 12}

_ = None
ROWS = [
    ["成安县民政局2020年度预算项目绩效自评表", _, _, _, _, _, _, _, _, _, _, _, _],
    ["一、基本情况", "项目名称:", "19名百岁老人高龄津贴", _, _, "是否为专项资金:", _, _, "实施(主管)单位", "314002-成安县民政局机关", _, "金额单位: 万元", _],
    ["二、预算执行情况", "预算安排情况(调整后)", _, "资金到位情况", _, "资金执行情况", _, _, "预算执行进度(%)", _, _, _, _],
    [_, "预算数", "6.84", "到位数", "6.84", "执行数", _, "6.84", "100.00", _, _, _, _],
    [_, "其中:财政资金", "6.84", "其中:财政资金", "6.84", "其中:财政资金", _, "6.84", _, _, _, _, _],
    [_, "其他", "0.00", "其他", "0.00", "其他", _, "0.00", _, _, _, _, _],
    ["三、目标完成情况", "年度预期目标", _, _, _, "具体完成情况", _, _, _, _, "总体完成率(%)", _, _],
    [_, "为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。", _, _, _, "为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。", _, _, _, _, "100.00", _, _],
    [_, "为全县共享改革开放成果,促进社会稳定文明和谐", _, _, _, "为全县共享改革开放成果,促进社会稳定文明和谐", _, _, _, _, _, _, _],
    ["四、年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", _, _, "单项指标实际完成值", "单项指标完成情况", "自评得分", _, _],
    [_, _, _, _, _, "符号", _, "单位(文字描述)", _, _, "单项指标得分", "权重占比(%)", "单项指标折算得分"],
    [_, "产出指标", "质量指标", "符合条件申报对象覆盖率", "享受补贴政策人数占符合条件申报对象总数的比例", ">=", "98", "%(百分比)", "100%", "完成", "25.00", "25.00", "6.25"],
    [_, _, "时效指标", "完成率", "按照要求每月及时完成符合条件对象审批的比例(百分比)", ">=", "99", "%(百分比)", "100%", "完成", "25.00", "25.00", "6.25"],
    [_, "效果指标", "社会效益指标", "补贴发放率", "高龄补贴发放完成率", ">=", "75", "%(百分比)", "100%", "完成", "30.00", "30.00", "9.00"],
    [_, "满意度指标", "服务对象满意度指标", "服务对象满意度", "享受高龄津贴的对象对老龄工作的满意程度", ">=", "95", "%(百分比)", "100%", "完成", "10.00", "10.00", "1.00"],
    [_, "预算执行率", "预算执行率", _, _, _, _, _, _, _, _, _, _],
    # The stored copy ends here (the row's other cells are only spaces in the copy).
]

MERGES = [
    "A1:M1", "C2:E2", "G2:H2", "J2:K2", "L2:M2",
    "A3:A6", "B3:C3", "D3:E3", "F3:H3", "I3:M3",
    "F4:G4", "I4:M6", "F5:G5", "F6:G6",
    "A7:A9", "B7:E7", "F7:J7", "K7:M7", "B8:E8", "F8:J8", "K8:M9", "B9:E9", "F9:J9",
    "A10:A16", "B10:B11", "C10:C11", "D10:D11", "E10:E11", "F10:H10", "I10:I11", "J10:J11", "K10:M10",
    "B12:B13",
]
