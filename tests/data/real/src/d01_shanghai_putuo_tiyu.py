# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""财政项目支出绩效自评表（2022 年度）— 普陀体育中心与委托运营方结算费用, 上海市普陀区体育事业管理中心 (上海 普陀区).

Transcribed from the stored copy of https://pdf.chddh.cn/archives/48n5zg2zkkjxn27q6rjv.html, a
document-sharing page holding the text of the publisher's PDF 「上海市普陀区体育事业管理中心2022年度
项目自评价.pdf」 (主管部门 上海市普陀区体育局). The PDF holds one 财政项目支出绩效自评表 per page; this is
the first (page 「-1-」), and the only one whose every cell is in the stored text (the second,
援滇对口支援及结对帮扶经费, stops at its indicator names; not transcribed). The stored text is a PDF
text extraction: empty cells are dropped, and labels of merged or wrapped cells come where the
extraction met them (「项目资金 (元)」, 「实施单位」, 「年度 总体 目标」 and the execution rate 「86.19%」
come after the figures they head). The layout is the MoF 2020 form (财预〔2020〕10号) with its
amounts in 元; the headings and the count of figures per row place every figure.

Placed by reading, said here:
- 年度资金总额: 250000.00 / 250000.00 / 「215,457.6」 (with a thousands separator) / 10 / 8.62, and
  the one rate in the copy, 「86.19%」, in 执行率.
- 其中:当年财政拨款: 250000.00 / 250000.00 / 「215457.6」 (no separator) and ONE 「—」: placed in 分值;
  the copy cannot tell whether 执行率 / 得分 held anything else.
- 上年结转资金 and 其他资金: two 「0」 and one 「—」 each, under three amount headings: the zeros are
  placed under 全年预算数 and 全年执行数 (as c01 / c09 do with a row short of one amount) and
  年初预算数 is left empty; the 「—」 in 分值.
- 年度总体目标: the copy holds nothing between 「预期目标」 and 「实际完成情况」: the 预期目标 cell is
  empty on the published form (the second form of the same PDF has an empty 预期目标 too). Kept
  empty — a publisher's omission, not a cut.
- Headings and names broken over lines by the PDF are joined: 「普陀体育中心与委托运营方结 算费用」,
  「上海市普陀区体育 事业管理中心」, 「年度 指标值」, 「实际 完成值」, 「偏差原因分析及 改进措施」,
  「与委托运营方结算完成 … 率」, 「与委托运营方合同完成 率」; 「绩 效 指 标」 as 绩效指标.
- The five indicator value rows (=100% 100% 10 10 / =100% 100% 20 20 / 及时 及时 20 20 / =100% 100%
  30 30 / >=90% 100% 10 10) stand in the order of the five 三级指标 names and of the 二级指标
  labels (数量 / 质量 / 时效 under 产出指标, 社会效益指标 under 效益指标, 服务对象满意度指标 under 满意度指标).
Kept as printed: amounts in 元 with the publisher's decimals; 「=100%」 and 「>=90%」 (ASCII 「>=」);
the empty 偏差原因分析及改进措施 column; 总分 100 / 98.62.
All cells are text as printed.
"""

SHEET = "财政项目支出绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_ = None
ROWS = [
    ["财政项目支出绩效自评表", _, _, _, _, _, _, _, _],
    ["(2022 年度)", _, _, _, _, _, _, _, _],
    ["项目名称", "普陀体育中心与委托运营方结算费用", _, _, _, _, _, _, _],
    ["主管部门", "上海市普陀区体育局", _, _, "实施单位", "上海市普陀区体育事业管理中心", _, _, _],
    ["项目资金\n(元)", _, _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [_, "年度资金总额", _, "250000.00", "250000.00", "215,457.6", "10", "86.19%", "8.62"],
    [_, "其中:当年财政拨款", _, "250000.00", "250000.00", "215457.6", "—", _, _],
    [_, "上年结转资金", _, _, "0", "0", "—", _, _],
    [_, "其他资金", _, _, "0", "0", "—", _, _],
    ["年度总体目标", "预期目标", _, _, _, "实际完成情况", _, _, _],
    [_, _, _, _, _, "已完成普陀体育中心与委托运营方费用结算。", _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [_, "产出指标", "数量指标", "与委托运营方结算完成率", "=100%", "100%", "10", "10", _],
    [_, _, "质量指标", "合同结算条款完成率", "=100%", "100%", "20", "20", _],
    [_, _, "时效指标", "费用结算及时性", "及时", "及时", "20", "20", _],
    [_, "效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", "30", "30", _],
    [_, "满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", "10", "10", _],
    ["总分", _, _, _, _, _, "100", "98.62", _],
]

MERGES = [
    "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4",
    "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
    "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11",
    "A12:A17", "B13:B15",
    "A18:F18",
]

WIDTHS = {"A": 10, "B": 14, "C": 16, "D": 26, "E": 12, "F": 14, "G": 8, "H": 9, "I": 28}
