"""2021年度财政项目绩效自评表 — 东津院区建设补助, 襄阳市中心医院 (湖北 襄阳) — PARTIAL, OCR COPY.

Transcribed from the stored copy of https://taowenge.com/d-68000429.html, a document-sharing page
holding an OCR text of 「2021年度财政项目绩效自评表单位名称襄阳市中心医院填报日期2022年3月18日.docx」.
The template is the Hubei 20-point one of a07 / c06 (预算执行情况(万元)(20分), 年度绩效目标1(80分),
年初目标值(A) / 实际完成值(B) / 得分, no weight column).

The stored text ENDS inside the 可持续性 row (its 实际完成值 breaks off at 「服务范」): that row is
transcribed up to its 年初目标值; nothing after it is in the copy.

As stored, OCR slips kept (they are what the copy says, and each is readable): the tick boxes read
「0」 (ticked) and 「口」 (unticked); the heading 「执行率(B/A1」 (for 执行率(B/A)). Not readable, left
EMPTY: the vertical heading of the indicator block, stored as 「度效标80> 年绩目1分」 (evidently
年度绩效目标1(80分), but the copy does not say so). Joined where a line wrap split a cell:
「年度财政 资金总额」, 「产出 指标」, 「效益 指标」, 「可持续为周边 群众」, 「服务范围扩 大」; the 一级指标
heading stored as 「级标 一指」 (a vertical heading read across) is written 一级指标.
All cells are text as printed.
"""
SHEET = "项目绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3
WIDTHS = {"A": 14, "B": 12, "C": 12, "D": 34, "E": 16, "F": 16, "G": 14}

_ = None
ROWS = [
    ["2021年度财政项目绩效自评表", _, _, _, _, _, _],
    ["单位名称:襄阳市中心医院", _, _, _, "填报日期:2022年3月18日", _, _],
    ["项目名称", "东津院区建设补助", _, _, _, _, _],
    ["主管部门", "襄阳市卫生健康委", _, _, "项目实施单位", "襄阳市中心医院", _],
    ["项目类别", "1、部门预算项目 0 2、财政专项口 3、市对下转移支付项目口", _, _, _, _, _],
    ["项目属性", "1、持续性项目口 2、新增性项目口", _, _, _, _, _],
    ["项目类型", "1、常年性项目口 2、延续性项目0 3、一次性项目口", _, _, _, _, _],
    ["预算执行情况 (万元) (20 分)", _, _, "预算数(A)", "执行数(B)", "执行率(B/A1", "得分(20分*执行率)"],
    [_, "年度财政资金总额", _, "1000", "1000", "100%", "20"],
    [_, "一级指标", "二级指标", "三级指标", "年初目标值 (A)", "实际完成值 (B)", "得分"],
    [_, "产出指标", "数量指标", "成本控制", "不超过预算", "不超过预算", "10"],
    [_, _, "质量指标", "保证财政建设补助专款专用", "专款专用", "专款专用", "10"],
    [_, _, "成本", "每年财政补助1000万元", "1000万元", "1000万元", "10"],
    [_, _, "时效", "1年", "1年", "1年", "10"],
    [_, "效益指标", "经济效益", "完成东津院区建设,医院东津医疗收入达到5亿元", "5亿元", "6.47亿元", "10"],
    [_, _, "可持续性", "院区建成后,可持续为周边群众提供医疗服务", "服务范围扩大", _, _],
    # The stored copy ends inside this row's 实际完成值 (「服务范」).
]

MERGES = [
    "A1:G1", "A2:D2", "E2:G2", "B3:G3", "B4:D4", "F4:G4", "B5:G5", "B6:G6", "B7:G7",
    "A8:A9", "B8:C8", "B9:C9",
    "A10:A16", "B11:B14", "B15:B16",
]
