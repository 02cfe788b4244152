# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""区级部门预算项目支出绩效自评表（2019 年度）— 商品和服务支出, 济南市历城区文化馆.

Transcribed from the stored copy of http://jnslcqwhg.cn/newsinf_id_308.html (the 文化馆's own site,
posted 2020-04-27). The stored text is the table in reading order and ENDS inside the 社会效益指标
row (its 三级指标 text breaks off at 「满足广大人民群众接受素质教育、」): that row and everything after
it (生态效益, 可持续影响, 满意度, 总分) are not transcribed.

The 一级指标 cells read only 「(50分)」 and 「(30分)」 in the stored text, preceded by blank lines where
the heading's words presumably stood (a vertical heading); they are transcribed as stored.
「-」 rows are the publisher's: a 三级指标 cell holding only "-" (an unused second indicator).
"""

SHEET = "项目支出绩效自评表"

_METHOD = ("定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。\n"
           "定性指标计算:根据“三档”原则分别按照指标分值的100-80%(含80%)、80-50%(含50%)、50-0%来记分。")

N = None
ROWS = [
    ["区级部门预算项目支出绩效自评表", N, N, N, N, N, N, N, N],
    ["( 2019 年度)", N, N, N, N, N, N, N, N],
    ["主管部门(盖章):", N, N, N, N, N, N, "单位:万元", N],
    ["项目名称", "商品和服务支出", N, N, "主管部门", "济南市历城区文化和旅游局", N, N, N],
    ["项目实施单位", "济南市历城区文化馆", N, N, "项目负责人", "田延青", "联系电话", "88894492", N],
    ["年度总体目标", "年初设定目标", N, N, "年度总体目标完成情况综述", N, N, N, N],
    [N, "历城区文化馆免费开放", N, N,
     "用于历城区文化馆全年免费开放,主要支付招聘合同人员工资,确保我馆全年正常免费开放和群众文化工作开展。", N, N, N, N],
    ["项目预算\n执行情况\n(10分)", N, "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "得分计算方法", N],
    [N, "年度资金总额", 45, 45, 10, "100%", 10, "执行率*该指标分值,最高不得超过分值上限。", N],
    [N, "其中:财政拨款", 45, 45, "-", "-", "-", N, N],
    [N, "      其他资金", N, N, "-", "-", "-", N, N],
    ["一级\n指标", "二级\n指标", "三级指标", "预期指标值(A)", "实际完成指标值(B)", "分值", "得分", "未完成原因", "得分计算方法"],
    ["(50分)", "数量指标", "全年免费开放", "100%", "100%", 12.5, 12.5, N, _METHOD],
    [N, N, "-", N, N, N, N, N, N],
    [N, "质量指标", "免费开放管理制度健全、执行有效性", "100%", "100%", 12.5, 12.5, N, N],
    [N, N, "-", N, N, N, N, N, N],
    [N, "时效指标", "免费开放率", "100%", "100%", 12.5, 12.5, N, N],
    [N, N, "-", N, N, N, N, N, N],
    [N, "成本指标", "实际成本与工作内容的匹配程度", "45万", "45万", 12.5, 12.5, N, N],
    [N, N, "-", N, N, N, N, N, N],
    [N, "-", "-", N, N, N, N, N, N],
    ["(30分)", "经济效益\n指标", "承担重要公益服务项目、助推民生事业发展", "100%", "100%", 10, 10, N, N],
    [N, N, "-", N, N, N, N, N, N],
    # The stored copy ends inside the next row (社会效益指标 | 促进基本公共文化服务标准化均等化,…).
]

MERGES = [
    "A1:I1", "A2:I2", "A3:G3", "H3:I3",
    "B4:D4", "F4:I4", "B5:D5", "H5:I5",
    "A6:A7", "B6:D6", "E6:I6", "B7:D7", "E7:I7",
    "A8:B8", "H8:I8", "A9:A11", "H9:I11",
    "A13:A21", "B13:B14", "B15:B16", "B17:B18", "B19:B20", "I13:I23",
    "A22:A23", "B22:B23",
]

WIDTHS = {"A": 10, "B": 14, "C": 30, "D": 14, "E": 16, "F": 8, "G": 8, "H": 14, "I": 36}
