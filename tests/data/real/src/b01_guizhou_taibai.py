# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""绥阳县太白镇人民政府 部门整体支出绩效自评表 (2021 budget year, filled 2022-02-03).

Transcribed from the stored copy of
https://www.suiyang.gov.cn/xzjd_5682378/tbz_5682388/zfxxgk_5682340/fdzdgknr_5682343/czyjs_5865203/202208/t20220824_76240024.html
The stored copy is the page's table as text, cells in reading order, and it ENDS inside the
indicator header row (after 「分值」 and a cut 「得分计算…」): no indicator row, no 总分 was stored.
Everything below is exactly the text stored, nothing after the cut is supplied.

Column spans are reconstructed: the text export pads merged cells with empty cells at the end of
each row, so only the order of the cells is certain, not how far each one spans.
All cells are text, exactly as the page printed them (an HTML table).
"""

SHEET = "部门整体支出绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3

_GOAL = (
    "(1)制定和组织实施经济、科技和社会发展计划,制定资源开发技术改造和产业结构调整方案,组织指导好各业生产,"
    "搞好商品流通,协调好本乡与外地区的经济交流与合作,抓好招商引资,人才引进项目开发,不断培育市场体系,"
    "组织经济运行,促进经济发展。(2)制定并组织实施村镇建设规划,部署重点工程建设,地方道路建设及公共设施,"
    "水利设施的管理,负责土地、林木、水等自然资源和生态环境的保护,做好护林防火工作。(3)按计划组织本级财政收入"
    "和地方税的征收,完成国家财政计划,不断培植税源,管好财政资金,增强财政实力。(4)完成上级政府交办的其它事项。"
)
_DONE = (
    "(1)积极履职,强化管理,较好地完成本年工作任务。 (2)通过加强预算收支管理,不断建立健全内部管理制度,"
    "部门整体支出管理水平得到提升 (3)制定并组织实施村镇建设规划,负责土地、林木、水等自然资源和生态环境的保护,"
    "做好护林防火工作。 (4)按计划组织本级财政收入和地方税的征收,管好财政资金,增强财政实力。 "
    "(5)完成上级政府交办的其它事项。"
)

_ = None
ROWS = [
    ["部门整体支出绩效自评表", _, _, _, _, _, _, _, _, _],
    ["单位(盖章):绥阳县太白镇人民政府", _, _, _, _, "填报日期:2022年2月3日", _, _, _, _],
    ["部门(单位)名称", "绥阳县太白镇人民政府", _, _, _, _, _, _, _, _],
    ["部门(单位)总体 资金(万元)", "资 金 来 源", "年初预算数(A)", "全年执行数(B)", "分值(10分)", "得分",
     "得分计算方法", _, _, _],
    [_, "年度资金总额:", "1172.55", "1268.72", "10", "10", "执行率*该指标分值,最高不得超过分值上限。", _, _, _],
    [_, "基本支出", "985.19", "914.97", "10", "10", _, _, _, _],
    [_, "项目支出", "187.36", "353.75", "10", "10", _, _, _, _],
    [_, "其他", _, _, _, _, _, _, _, _],
    ["年度总体目标", "年初设定目标", _, _, _, "年度总体目标完成情况", _, _, _, _],
    [_, _GOAL, _, _, _, _DONE, _, _, _, _],
    # The stored copy stops in this row, after 「分值」.
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "全年实际值(B)", "分值", _, _, _],
]

MERGES = [
    "A1:J1", "A2:E2", "F2:J2", "B3:J3",
    "A4:A8", "G4:J4", "G5:J8",
    "A9:A10", "B9:E9", "F9:J9", "B10:E10", "F10:J10",
]

WIDTHS = {"A": 14, "B": 16, "C": 14, "D": 14, "E": 12, "F": 12, "G": 12}
