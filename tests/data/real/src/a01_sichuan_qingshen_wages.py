"""青神县发展和改革局 2023 部门预算项目支出绩效自评表 — 51000021R000000019951-工资性支出.

Source: https://www.scqs.gov.cn/info/13206/211004.htm (青神县人民政府网, 眉山市, 四川), as stored.
The page prints the table cell by cell in reading order; every cell below is in that order.
Amounts and rates were figures in the publisher's spreadsheet (a system export, 报表编号
510000_0013zp), so they are number cells printed with the published decimals.
"""
from _cells import Num, Pct
from _sichuan import REASON_NOTE, WIDTHS, layout  # noqa: F401  (build.py reads WIDTHS)

SHEET = "工资性支出"
TITLE_ROWS = (2,)
BOXED_FROM_ROW = 3

ROWS, MERGES = layout(
    code_line="报表编号:510000_0013zp",
    title="部门预算项目支出绩效自评表(2023年度)",
    name="51000021R000000019951-工资性支出",
    dept="青神县发展和改革局本级",
    unit_label="实施单位 (盖章)",
    unit="青神县发展和改革局",
    goal="严格执行相关政策,保障工资及时、足额发放或社保及时、足额缴纳,预算编制科学合理,减少结余资金。",
    completion="对照年度目标,说明相关任务目标的完成情况(100字以内)",
    content=None,
    funds=[
        ["总额", Num("238.93"), Num("251.89"), Num("251.89"), Pct("100.00%"), Num("10"), None],
        ["其中:财政资金", Num("238.93"), Num("251.89"), Num("251.89"), Pct("100.00%"), "/", "/"],
        ["财政专户管理资金", Num("0.00"), Num("0.00"), Num("0.00"), Pct("0.00%"), "/", "/"],
        ["单位资金", Num("0.00"), Num("0.00"), Num("0.00"), Pct("0.00%"), "/", "/"],
        ["其他资金", None, None, None, None, "/", "/"],
    ],
    reason_note=REASON_NOTE,
    indicators=[
        ["产出指标", "数量指标", "发放(缴纳)覆盖率", "=", "100", "%", None, Num("60"), None, None],
        ["效益指标", "社会效益指标", "足额保障率(参保率)", "=", "100", "%", None, Num("30"), None, None],
    ],
    total=[Num("100"), None, None],
    conclusion="结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)",
    problems="结合自评情况,分析存在的问题及原因。(200字以内)",
    improvements="针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内)",
    lead="项目负责人:",
    finance_lead="财务负责人:",
)
