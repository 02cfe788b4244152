# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""广水市财政预算支出项目绩效目标自评表 — 乡村道路建设养护项目 (2021年度), 广水市交通运输局 (湖北 随州) — PARTIAL.

Transcribed from the stored copy of https://pdf.wenkuvip.com/archives/bqg98jldqkx8g2xm7pe6.html, a
document-sharing page holding the text layer of 「广水市交通运输局2021年度乡村道路项目自评表.pdf」.
A PDF text layer: cells come column by column and out of order; the layout below is reconstructed
from the headings (a Hubei county template: 自评总分 in the head, 项目属性 ticks, 项目资金 by source —
中央 / 省、地 / 本级 / 其他 / 合计 / 执行数 / 执行率 —, then a scoring sheet 项目权重 / 评价内容 / 分值 /
自评分 / 复核分 / 评价标准及依据 with 项目决策 2分, 项目管理 13分, and 项目绩效 85分 per 项目年度目标
with 一级 / 二级 / 指标名称(三级指标) / 年初指标值 / 年终完成值 / 自评分 / 复核分 / 评价标准).

Placed by reading, said here (never guessed):
- 项目资金: the copy holds three 「309」 and 「100 %」 after the six 「(万元)」 headings: they are read as
  合计 309, 执行数 309, 执行率 100 %, and ONE source column holding 309 — which one (中央, 省、地, 本级,
  其他) the copy does not show, so no source cell is filled and that 309 is left out.
- 填报日期 reads 「2022 年 8 月 10」 and a lone 「日」 stands elsewhere in the copy: the date cell holds
  the copy's text 「填报日期:2022 年 8 月 10」 and the lone 「日」 is left out.
- 项目年度目标 holds 「1.完成乡村道路建设养护里程 300 公里; 2. 3.」 (two empty numbered lines, kept).
- 单位领导审签: is an empty signature cell; the page number 「— 1 —」 is left out.
- The scoring-sheet rows follow the order of the 评价内容 in the copy (决策依据, 财务制度, 组织机构, 运行监管,
  目标申报); each 分值 / 自评分 pair stands next to its 评价内容 there; no 复核分 is filled anywhere.
  Since no source cell is filled, a reader that judges the source split finds 合计 309 not split
  by source (SOURCES_MISSING): that comes from this copy, not from the publisher, and the
  expectation's truncation note says so (added when the funds block was first read, 2026-12).
The stored copy ENDS inside the 质量指标 rows of 项目绩效 (「农村公路建设验收合格率 … 农村」): only the
数量指标 row of 项目绩效 is transcribed. All cells are text as printed.
"""

SHEET = "绩效目标自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_ = None
ROWS = [
    ["广水市财政预算支出项目绩效目标自评表", _, _, _, _, _, _, _],
    ["填报日期:2022 年 8 月 10", _, _, _, _, "自评总分: 95", _, _],
    ["项目名称", "乡村道路建设养护项目", _, _, "项目主管单位", "广水市交通运输局", _, _],
    ["项目实施单位", "广水市交通运输局", _, _, "项目负责人", "孙章勇", _, _],
    ["项目属性", "1、常年性 2、延续性□ 3、一次性□ 4、新增性□", _, _, _, _, _, _],
    ["项目资金\n来源", "中央\n(万元)", "省、地\n(万元)", "本级\n(万元)", "其他\n(万元)", "合计\n(万元)", "执行数\n(万元)", "执行率"],
    [_, _, _, _, _, "309", "309", "100 %"],
    ["项目年度目标", "1.完成乡村道路建设养护里程 300 公里;\n2.\n3.", _, _, _, _, _, _],
    ["单位领导审签:", _, _, _, _, _, _, _],
    ["项目权重", "评价内容", _, "分值", "自评分", "复核分", "评价标准及依据", _],
    ["项目决策\n2 分", "决策依据", _, "2", "2", _, "有项目年度工作计划或有上级文件或审批报告计 2 分,没有不得分。", _],
    ["项目管理\n13 分", "财务制度", _, "3", "3", _, "1、单位财务管理制度 1 分;\n2、项目管理制度 1 分;\n3、有制度执行佐证资料 1 分。没有不得分。", _],
    [_, "组织机构", _, "2", "2", _, "有明确的绩效管理机构或专人负责 2 分。没有不得分", _],
    [_, "运行监管", _, "4", "4", _, "1、运行监管记录 3 分;\n2、填报《项目支出绩效监控表》1 分。没有不得分。", _],
    [_, "目标申报", _, "4", "4", _, "1、项目绩效目标全申报的 1 分,缺一项扣 0.5 分,扣完为止;\n2、绩效目标规范 1 分,不规范扣 0.5 分;\n3、按时申报绩效目标计 2 分,逾期扣 1 分。", _],
    ["项目年度目标 1:乡村道路建设养护项目", _, _, _, _, _, _, _],
    ["一级\n指标", "二级\n指标", "指标名称\n(三级指标)", "年初指\n标值", "年终完\n成值", "自评\n分", "复核\n分", "评价标准"],
    ["项目\n绩效\n85 分\n产出\n指标\n40 分", "数量指\n标\n15 分", "乡村道路建设\n养护里程", "300 公\n里", "300 公\n里", "15", _, "1、提供三级指标完成程度的佐证资料;\n2、三级指标分值按三级指标个数平均确定 (15 分÷三级指标个数) ,四舍五入保留整数。"],
    # The stored copy ends inside the next rows (质量指标 12 分 | 农村公路建设验收合格率 / 农村公路养护验收合格率 …).
]

MERGES = [
    "A1:H1", "A2:E2", "F2:H2", "B3:D3", "F3:H3", "B4:D4", "F4:H4", "B5:H5",
    "A6:A7", "B8:H8", "A9:H9",
    "B10:C10", "G10:H10", "B11:C11", "G11:H11",
    "A12:A15", "B12:C12", "G12:H12", "B13:C13", "G13:H13", "B14:C14", "G14:H14", "B15:C15", "G15:H15",
    "A16:H16",
]

WIDTHS = {"A": 12, "B": 12, "C": 16, "D": 10, "E": 10, "F": 10, "G": 12, "H": 40}
