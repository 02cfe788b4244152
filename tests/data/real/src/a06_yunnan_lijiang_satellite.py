"""丽江市古城区自然资源局 2020 项目支出绩效自评表 — 2020年省级自然资源卫片执法补助经费 (PARTIAL).

Source: http://m.jjiadianqingjie.com.cn/changyong/13241.html, item 「2020年云南省级自然资源卫片
执法补助经费」 (2021-06-28, credited to the WeChat account yn2553), as stored. That host re-posted
the table with its text converted to traditional characters (項目支出績效自評表 …); the form is a
丽江市 (云南) one and was written in simplified characters, so the transcription converts the
characters back — character for character, figures and symbols untouched (the 指标性质 cells
keep U+FE66 「﹦」, as printed).
The stored copy ends in the 满意度 row right after its 分值 「10.00」: that row's 得分 and 偏差原因
and everything after it (总分 …) are NOT in it and are left empty / out, never guessed.
Printed quirks kept: the 项目名称 cell holds 「…补助经费支出绩效自评表」; 预期目标 and 实际完成情况
both only repeat the project's name; 分值 printed as 10.00 / 20 / 20.00; a two-row indicator
header (绩效指标 over 一级/二级/三级, 年度指标值 over 指标性质/指标值/度量单位).
"""
SHEET = "项目支出绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 2
WIDTHS = {"A": 12, "B": 18, "C": 18, "D": 8, "E": 10, "F": 8, "G": 10, "H": 8, "I": 8, "J": 20}

_ = None
ROWS = [
    ["2020年度项目支出绩效自评表", _, _, _, _, _, _, _, _, _],
    ["项目名称", "2020年省级自然资源卫片执法补助经费支出绩效自评表", _, _, _, _, _, _, _, _],
    ["主管部门", "丽江市自然资源和规划局", _, _, _, "实施单位", "丽江市古城区自然资源局", _, _, _],
    ["项目资金\n(万元)", _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", _, _],
    [_, "年度资金总额", "7.29", "7.29", "7.29", "10.00", "100%", "10.00", _, _],
    [_, "其中:当年财政拨款", "7.29", "7.29", "7.29", _, "100%", _, _, _],
    [_, "上年结转资金", _, _, _, _, _, _, _, _],
    [_, "其他资金", _, _, _, _, _, _, _, _],
    ["年度\n总体\n目标", "预期目标", _, _, _, "实际完成情况", _, _, _, _],
    [_, "自然资源卫片执法补助经费", _, _, _, "自然资源卫片执法补助经费", _, _, _, _],
    ["绩效指标", _, _, "年度指标值", _, _, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一级\n指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", _, _, _, _],
    ["产出指标", "数量指标", "卫片执法补助经费", "﹦", "72890", "元", "72890", "10.00", "9.00", _],
    [_, "质量指标", "项目验收合格率", "﹦", "100", "%", "100", "20", "19", _],
    [_, "时效指标", "项目完成及时率", "﹦", "100", "%", "100", "20.00", "19.00", _],
    ["效益指标", "社会效益指标", "违法行为责停率", "≥", "95", "%", "95", "30.00", "27.00", _],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥", "95", "%", "95", "10.00", _, _],
]

MERGES = [
    "A1:J1", "B2:J2", "B3:E3", "G3:J3",
    "A4:A8", "H4:J4", "H5:J5", "H6:J6", "H7:J7", "H8:J8",
    "A9:A10", "B9:E9", "F9:J9", "B10:E10", "F10:J10",
    "A11:C11", "D11:F11", "G11:G12", "H11:H12", "I11:I12", "J11:J12",
    "A13:A15",
]
