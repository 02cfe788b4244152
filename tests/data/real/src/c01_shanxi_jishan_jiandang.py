# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""稷山县项目支出绩效自评表（2020年度）— 建档立卡个人缴费县级配套资金, 稷山县医疗保障局 (山西 运城).

Transcribed from the stored copy of https://keke.chddh.cn/archives/bqg98jldqdz7y2xm7pe6.html, a
document-sharing page holding the text of the publisher's workbook 「建档立卡个人缴费县级配套绩效
自评表.xlsx」. The stored text is the sheet's cells with the empty ones dropped and in the order a
text extraction of a merged-cell sheet gives (labels of merged cells come where their block
ends); the layout below is the MoF 2020 form (财预〔2020〕10号) that the headings and the count of
figures per row show. Everything up to 总分 is in the copy: the form is complete.

Irregularities, kept or said here, never mended:
- Each funds row holds ONE budget figure (65.66) before 全年执行数, under two headings 年初预算数
  and 全年预算数: the copy cannot tell which column held it. It is placed under 全年预算数 (the
  rate's base; 65.07 / 65.66 = 99.10 %, printed 99 %) and 年初预算数 is left empty.
- 上年结转资金 and 其他资金 hold only 「— —」: placed in 分值 and 得分 as in the 当年财政拨款 row.
- A stray 「年度」 stands between 效益指标(30分) and 社会效益 in the copy (probably a piece of a
  wrapped heading); it cannot be placed and is left out.
- The 二级指标 of the benefit row reads 「社会效益」 (not 社会效益指标) in the copy; kept.
- Headings broken over lines in the copy (「产出 指标 (50分 )」, 「服务对象满 … 意度指标」,
  「推进了因病致贫问题的基本性 解决」) are joined.
All cells are text as printed.
"""

SHEET = "绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_ = None
ROWS = [
    ["稷山县项目支出绩效自评表", _, _, _, _, _, _, _, _],
    ["(2020年度)", _, _, _, _, _, _, _, _],
    ["项目名称", "建档立卡个人缴费县级配套资金", _, _, _, _, _, _, _],
    ["主管部门", "稷山县医疗保障局", _, _, "实施单位", "稷山县医疗保险服务中心", _, _, _],
    ["项目资金\n(万元)", _, _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [_, "年度资金总额", _, _, "65.66", "65.07", "10", "99%", "9"],
    [_, "其中:当年财政拨款", _, _, "65.66", "65.07", "—", "99%", "—"],
    [_, "上年结转资金", _, _, _, _, "—", _, "—"],
    [_, "其他资金", _, _, _, _, "—", _, "—"],
    ["年度总体目标", "预期目标", _, _, _, "实际完成情况", _, _, _],
    [_, "提高医疗保障水平,推进因病致贫问题的根本性解决", _, _, _, "提高医疗保障水平,推进了因病致贫问题的基本性解决", _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [_, "产出指标(50分)", "数量指标", "指标1:全县参合人数", "8755", "8676", "15", "13", "建档立卡中有新增死亡人员,导致有偏差"],
    [_, _, "质量指标", "指标1:资金是否全部纳入医保统筹", "100%", "100%", "15", "15", _],
    [_, _, "时效指标", "指标1:资金是否全部及时纳入", "100%", "100%", "10", "10", _],
    [_, _, "成本指标", "指标1:配套资金每人每年", "75元", "75元", "10", "10", _],
    [_, "效益指标(30分)", "社会效益", "指标1:是否解决建档立卡人员看病难贵问题", "95%", "95%", "30", "27", _],
    [_, "满意度指标(10分)", "服务对象满意度指标", "指标1:是否满意", "95%", "95%", "10", "9", _],
    ["总分", _, _, _, _, _, "100", "94", _],
]

MERGES = [
    "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4",
    "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
    "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11",
    "A12:A18", "B13:B16",
    "A19:F19",
]

WIDTHS = {"A": 10, "B": 14, "C": 14, "D": 30, "E": 12, "F": 12, "G": 8, "H": 8, "I": 30}
