# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""2022年度共享工程项目自评表 — 共享工程, 黄石市图书馆 (湖北 黄石).

Transcribed from the stored copy of https://www.hsslib.org.cn/info/72903.jspx (黄石市图书馆's own
site, 「附表2」, uploaded 2023-08-14). The page holds the table as text with 「|」 between cells;
a cell merged down from a row above is left out of the rows below it, as HTML row spans are.
The layout is the Hubei form of a07 / c06 / c11 (hubei-exec20: 项目类别 / 项目属性 / 项目类型 tick
boxes; 预算执行情况(万元)(20分) with 预算数(A) / 执行数(B) / 执行率(B/A) / 得分(20分*执行率);
年度绩效目标1(80分) with 年初目标值(A) / 实际完成值(B) / 得分, one 得分 per 二级指标), here with the
group points printed in the 一级 cells (产出指标(40分), 效益指标(30分), 满意度指标(10分)). The
stored copy stops inside the 满意度 row, after its 三级指标 text (cut_after_cell D25).

Placed by reading, said here:
- Rows that leave out their 得分 cell (WIFI布点全覆盖, 2022年全年, WIFI全覆盖,绿色环保, and both
  社会效益 rows) share the 得分 of the row above: those cells are merged (G13:G14, G16:G17,
  G19:G21, G22:G23). So 经济效益 and 社会效益 share one 得分 「10」: 效益 10 + 10 + 10 = 30, as its
  一级 cell prints.
- The second 社会效益 row holds only 「促进黄石文化经济发展,丰富市民文化活动」: placed as its 三级指标,
  its 年初目标值 / 实际完成值 merged with the row above (E20:E21, F20:F21), as the left-out cells say.
- The lines above the table (附表2, the title, 项目单位(盖章) / 主要领导签字, 填报日期) are one cell
  each, as the page prints them.
Kept as printed: 「1、部门预算项目 ☑ 2、市直专项」 (the 项目类别 line ends there in the copy);
「25TB」, 「100%覆盖」, 「5万」, 「≥360天」 as both target and actual; 「社会公益服务无经济效益」 as an
经济效益 indicator; 「环境效益」 (not 生态效益); 「读者」 as the 满意度 二级指标.
All cells are text as printed.
"""

SHEET = "项目自评表"
TITLE_ROWS = (2,)
BOXED_FROM_ROW = 5

_ = None
ROWS = [
    ["附表2", _, _, _, _, _, _],
    ["2022年度共享工程项目自评表", _, _, _, _, _, _],
    ["项目单位(盖章):黄石市图书馆 主要领导签字:", _, _, _, _, _, _],
    ["填报日期:2023.6.28", _, _, _, _, _, _],
    ["项目名称", "共享工程", _, _, _, _, _],
    ["主管部门", "黄石市文化和旅游局", _, _, "项目实施单位", "黄石市图书馆", _],
    ["项目类别", "1、部门预算项目 ☑ 2、市直专项", _, _, _, _, _],
    ["项目属性", "1、持续性项目 ☑ 2、新增性项目 □", _, _, _, _, _],
    ["项目类型", "1、常年性项目 ☑ 2、延续性项目 □ 3、一次性项目 □", _, _, _, _, _],
    ["预算执行情况(万元)\n(20分)", _, _, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)"],
    [_, "年度财政资金总额", _, "5", "5", "100%", "20"],
    ["年度绩效目标1\n(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    [_, "产出指标(40分)", "数量指标", "一个存储备份器", "25TB", "25TB", "10"],
    [_, _, _, "WIFI布点全覆盖", "100%覆盖", "100%覆盖", _],
    [_, _, "质量指标", "以最新资源面市", "资源采购期以当年为主", "资源采购期以当年为主", "10"],
    [_, _, "时效指标", "可保证读者使用时长", "全天候可用", "全天候", "10"],
    [_, _, _, "2022年全年", "≥360天", "≥360天", _],
    [_, _, "成本指标", "以低价位高质量为采购原则", "5万", "5万", "10"],
    [_, "效益指标(30分)", "经济效益", "社会公益服务无经济效益", "公益性事业", "公益性事业", "10"],
    [_, _, "社会效益", "使读者更方便快捷查找检阅", "独有数据资源查询,查询范围可扩展到省图", "独有数据资源查询,查询范围可扩展到省图", _],
    [_, _, _, "促进黄石文化经济发展,丰富市民文化活动", _, _, _],
    [_, _, "环境效益", "数字图书馆环境优良无污染", "良好", "良好", "10"],
    [_, _, _, "WIFI全覆盖,绿色环保", "良好", "良好", _],
    [_, _, "可持续影响指标", "≥360天服务读者", "≥360天", "≥360天", "10"],
    [_, "满意度指标(10分)", "读者", "在网络上设置读者满意度调查"],
    # The stored copy ends here, inside the 满意度 row.
]

MERGES = [
    "A1:G1", "A2:G2", "A3:G3", "A4:G4",
    "B5:G5", "B6:D6", "F6:G6", "B7:G7", "B8:G8", "B9:G9",
    "A10:A11", "B10:C10", "B11:C11",
    "A12:A25", "B13:B18", "C13:C14", "G13:G14", "C16:C17", "G16:G17",
    "B19:B24", "C20:C21", "E20:E21", "F20:F21", "G19:G21", "C22:C23", "G22:G23",
]

WIDTHS = {"A": 14, "B": 14, "C": 14, "D": 30, "E": 26, "F": 26, "G": 12}
