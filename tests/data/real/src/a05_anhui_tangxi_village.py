"""池州市贵池区棠溪镇人民政府 2022 项目支出绩效自评表 — 村级补助及运转经费 (PARTIAL).

Source: http://www.anthempetcare.com/upload_cz/download?id=502367&siteId=2 — the stored copy of
a WPS document (same template and metadata as a04) filed under a download link of that host;
the form names 219-池州市贵池区棠溪镇人民政府 (安徽). The host is not a government site.
The stored copy ends in the 可持续影响指标 row (「…10 10 可持续影响」): that row and everything
after it (满意度, 总分 …) are NOT in it and are left out, never guessed.
Printed quirks kept: the 年度资金总额 row reads 0 across although 本年财政拨款 is 202.64 / 132.912 /
132.912; the 预期目标 is written in 元 and its parts add to 1,740,000 元, not the 2,026,400 元 it
states; a run of dots (「 .. 」 and 126 「.」) follows it in the copy — placed at the end of the
预期目标 cell, where the reading order puts it (it could belong to the cell's margin: unknown).
"""
from _anhui import WIDTHS, layout  # noqa: F401  (build.py reads WIDTHS)

SHEET = "村级补助及运转经费"
TITLE_ROWS = (2,)
BOXED_FROM_ROW = 4

_ = None
ROWS, MERGES = layout(
    name="村级补助及运转经费",
    dept="219-池州市贵池区棠溪镇人民政府",
    unit="219001-池州市贵池区棠溪镇人民政府",
    funds=[
        ["年度资金总额:", "0", "0", "0", "10", "0", "0"],
        ["其中:本年财政拨款", "202.64", "132.912", "132.912", _, _, _],
        ["上年结转资金", _, _, _, _, _, _],
        ["其他资金", _, _, _, _, _, _],
    ],
    goal="本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,"
         "村民监督委员会 工资28000元,村级事务补助960000元,村级工作目标奖励100000元。 .. " + "." * 126,
    completion="本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬"
               "152000元,村民监督委员会 工资28000元,村级事务补助660000元,村级工作目标奖励50000元。",
    indicators=[
        ["产出指标(50分)", "数量指标", "补助村(社区)数量", "=8个", "8", "8", "8", _],
        [_, _, "保障村干部人数", "=42个", "42", "8", "8", _],
        [_, "质量指标", "补助资格合规性", "合规", "达成预期指标", "8", "8", _],
        [_, _, "经费审批流程规范性", "严格执行相关制度规定", "达成预期指标", "8", "8", _],
        [_, "时效指标", "补助经费到位及时性", "及时", "达成预期指标", "8", "8", _],
        [_, "成本指标", "项目总成本", "≤202.6万元", "132.9", "10", "10", _],
        ["效益指标(30分)", "经济效益指标", "对保障村(社区)两委机构正常运行的影响程度", "效果明显",
         "达成预期指标", "10", "10", _],
        [_, "社会效益指标", "提高村(社区)干部工作积极性的影响程度", "效果明显", "达成预期指标", "10", "10",
         _],
    ],
)
