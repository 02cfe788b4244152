# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""稷山县项目支出绩效自评表（2021年度）— 国家基本公共卫生服务, 稷山县翟店镇卫生院 (山西 运城) — PARTIAL.

Transcribed from the stored copy of https://keke.chddh.cn/archives/p4q58rogpx4emom7ewb9.html, a
document-sharing page holding the text of the publisher's workbook 「基本公共卫生服务项目支出绩效
自评表.xlsx」. As in c01 (the same county's template, the same store) the text is the sheet's
cells with the empty ones dropped, in extraction order; the layout is the MoF 2020 form. The copy
ENDS inside the first 质量指标 row (「质量指标 指标1:提升国家基本」): that row and everything after it
(the rest of 产出, 效益, 满意度, 总分) are not transcribed.

Cells placed by reading, each said here (never mended, never invented):
- Funds. The copy holds, in order: a 「0」 right after the heading 年初预算数, then the total row
  「0 207.4538 10 100% 10」 and the 当年财政拨款 row 「207.4538 — 100% —」. As in c01, each row
  carries ONE budget figure before 全年执行数; here the zeros stand by the heading 年初预算数, so
  they are placed under 年初预算数 (the total row's from its own sequence, the sub-row's from
  beside the heading) and 全年预算数 is left empty in both rows. Which zero belongs to which row
  cannot be told (both are 0).
- One 「—」 stands between 一级指标 and the goal text in the copy: it is one of the 「—」 of the
  上年结转资金 / 其他资金 rows (c01 prints two per row); which cell cannot be told, so those two
  rows are left empty and the 「—」 is left out.
- Indicators 1–6 come out of order: the names of 指标1, 指标2, 指标5, 指标6 first, then the targets
  「38508人」 「不少于12 种」 「不少于6 种」 「116次」 「6次」, then the (实际, 分值, 得分) triples
  「37442人 3 3」 「14种 1 1」 「28种 1 1」 「150次 1 1」 「150次 1 1」, then 指标6 in order. They are
  placed in that order on 指标1…指标5. The NAMES of 指标3 and 指标4 are not in the copy: their
  三级指标 cells are left empty (only their values are printed).
- The 一级 (产出指标) and 二级 (数量指标) labels of these 25 rows are not in the copy (in this
  extraction a merged label comes in the middle or at the end of its block, beyond the cut): the
  cells are left empty. The 25 rows precede 「质量指标」 and are evidently 产出 / 数量指标.
- 「不少于12 种」 / 「不少于6 种」 keep the space the copy shows; 「新生入访视数」 and
  「传染病及突发公共卫生事件报告 数」 (joined: 「…报告数」) as printed.
No 偏差原因 text appears anywhere in the stored part. All cells are text as printed.
"""

SHEET = "绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_ = None
ROWS = [
    ["稷山县项目支出绩效自评表", _, _, _, _, _, _, _, _],
    ["(2021年度)", _, _, _, _, _, _, _, _],
    ["项目名称", "国家基本公共卫生服务", _, _, _, _, _, _, _],
    ["主管部门", "稷山县卫生健康和体育局", _, _, "实施单位", "稷山县翟店镇卫生院", _, _, _],
    ["项目资金\n(万元)", _, _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [_, "年度资金总额", _, "0", _, "207.4538", "10", "100%", "10"],
    [_, "其中:当年财政拨款", _, "0", _, "207.4538", "—", "100%", "—"],
    [_, "上年结转资金", _, _, _, _, _, _, _],
    [_, "其他资金", _, _, _, _, _, _, _],
    ["年度总体目标", "预期目标", _, _, _, "实际完成情况", _, _, _],
    [_, "国家基本公共卫生服务", _, _, _, "国家基本公共卫生服务", _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [_, _, _, "指标1:居民健康档案", "38508人", "37442人", "3", "3", _],
    [_, _, _, "指标2:发放健康教育资料", "不少于12 种", "14种", "1", "1", _],
    [_, _, _, _, "不少于6 种", "28种", "1", "1", _],
    [_, _, _, _, "116次", "150次", "1", "1", _],
    [_, _, _, "指标5:举办健康教育知识讲座", "6次", "150次", "1", "1", _],
    [_, _, _, "指标6:举办健康教育宣传咨询活动", "12次", "96次", "1", "1", _],
    [_, _, _, "指标7:建立预防接种证", "221人", "221人", "2", "2", _],
    [_, _, _, "指标8:适龄儿童疫苗接种率", "100.00%", "97.30%", "2", "1.9", _],
    [_, _, _, "指标9:0-6岁儿童健康管理数", "2089人", "2089人", "2", "2", _],
    [_, _, _, "指标10:0-6岁儿童眼保健操覆盖数", "2089人", "2089人", "2", "2", _],
    [_, _, _, "指标11:新生入访视数", "214人", "214人", "2", "2", _],
    [_, _, _, "指标12:孕产妇7天访视数", "214人", "203人", "2", "1.8", _],
    [_, _, _, "指标13:孕产妇42天访视数", "214人", "203人", "2", "1.8", _],
    [_, _, _, "指标14:早孕建册数", "120人", "69人", "2", "1", _],
    [_, _, _, "指标15:老年人体检数", "5662人", "4044人", "2", "1.4", _],
    [_, _, _, "指标16:高血压规范管理数", "3807人", "3224人", "2", "1.9", _],
    [_, _, _, "指标17:高血压随访控制数", "3807人", "3220人", "2", "1.8", _],
    [_, _, _, "指标18:糖尿病规范管理数", "863人", "695人", "2", "1.8", _],
    [_, _, _, "指标19:糖尿病随访控制数", "863人", "683人", "2", "1.7", _],
    [_, _, _, "指标20:严重精神障碍患者管理数", "212人", "209人", "2", "1.8", _],
    [_, _, _, "指标21:肺结核健康规范管理数", "8例", "8例", "2", "2", _],
    [_, _, _, "指标22:老年人中医药规范管理数", "5662人", "4044人", "2", "1.4", _],
    [_, _, _, "指标23:0-36月龄中医药规范管理数", "1228人", "770人", "2", "1.8", _],
    [_, _, _, "指标24:传染病及突发公共卫生事件报告数", "14例", "14例", "2", "2", _],
    [_, _, _, "指标25:家庭医生签约率", "24694人", "22584人", "2", "1.7", _],
    # The stored copy ends inside the next row (质量指标 | 指标1:提升国家基本…).
]

MERGES = [
    "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4",
    "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
    "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11",
]

WIDTHS = {"A": 10, "B": 14, "C": 12, "D": 34, "E": 12, "F": 12, "G": 8, "H": 8, "I": 30}
