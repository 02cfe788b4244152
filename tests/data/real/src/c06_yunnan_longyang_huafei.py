# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""2022年度项目支出绩效自评表 — 隆阳区2021年中央化肥减量增效示范县项目补助资金, 隆阳区土壤肥料工作站 (云南 保山) — PARTIAL.

Transcribed from the stored copy of https://longyang.gov.cn/info/5311/13352539.htm (隆阳区农业农村局,
公开目录 绩效自评报告, 2023-05-29; page title 「隆阳区2021年中央化肥减量增效示范县项目补助资金绩效
自评」). The page holds the table as text with 「|」 between cells. The template is the one of a07
(湖北 黄石): 项目类别 / 项目属性 tick lines, 预算执行情况(万元)(20分) with 预算数(A) / 执行数(B) /
执行率(B/A) / 得分(20分*执行率) and one row 年度财政资金总额; 年度绩效目标(80分) with 年初目标值(A) /
实际完成值(B) / 得分 and no weight column.

The stored copy ENDS at the 一级 cell 「生态」 of the row after 受益农户数: that row and everything after
it (生态 / 满意度 rows, 总分, 偏差大或目标未完成原因分析 …) are not transcribed.

Kept as printed: 「£」 (unticked) and 「R」 (ticked) — the Wingdings check boxes as the page renders
them; the comparator 「≧」 (U+2267, not ≥); the heading 「社会效益效益指标」; the numbered sub-items
(1、2、3、 under 一、示范区建立; 1–4 under 二、化肥减量增效田间试验), each carrying its own 得分 beside the
heading's (15.0 = 5.0 + 5.0 + 5.0 and 15.0 = 5.0 + 5.0 + 3.0 + 2.0). All cells are text as printed.
Column spans are the transcriber's: the page gives the cells, not their widths.
"""
SHEET = "项目支出绩效自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 3
WIDTHS = {"A": 14, "B": 12, "C": 14, "D": 30, "E": 14, "F": 14, "G": 12}

_ = None
ROWS = [
    ["2022年度项目支出绩效自评表", _, _, _, _, _, _],
    ["单位名称:隆阳区土壤肥料工作站", _, _, _, "填报日期:2023年3月20日", _, _],
    ["项目名称", "隆阳区2021年中央化肥减量增效示范县项目补助资金", _, _, _, _, _],
    ["主管部门", "隆阳区农业农村局", _, _, "项目实施单位", "隆阳区土壤肥料工作站", _],
    ["项目类别", "1、部门预算项目 £ 2、区直专项 £ 3、上级转移支付项目 R", _, _, _, _, _],
    ["项目属性", "1、持续性项目 £ 2、新增性项目 R", _, _, _, _, _],
    ["预算执行情况(万元) (20分)", _, _, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
    [_, "年度财政资金总额", _, "278.4449", "30.00", "10.77%", "2.16"],
    ["年度绩效目标 (80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    [_, "产出指标", "数量指标", "一、示范区建立", "≧20000亩", "20000亩", "15.0"],
    [_, _, _, "1、水稻侧深施肥+缓控释肥", "≧500亩", "500亩", "5.0"],
    [_, _, _, "2、玉米种肥同播+缓控释肥", "≧1000亩", "1000亩", "5.0"],
    [_, _, _, "3、施用配方肥", "≧18500亩", "18500亩", "5.0"],
    [_, _, _, "二、化肥减量增效田间试验", "≧15组", "15组", "15.0"],
    [_, _, _, "1、肥料利用率", "≧5组", "5组", "5.0"],
    [_, _, _, "2、化肥减量增效", "≧5组", "5组", "5.0"],
    [_, _, _, "3、其他试验(水稻)", "≧3组", "3组", "3.0"],
    [_, _, _, "4、其他试验(玉米)", "≧2组", "2组", "2.0"],
    [_, _, _, "三、土样植株化验", "≧60个", "105个", "5.0"],
    [_, _, _, "四、农户施肥情况调查(户)", "≧300户", "300户", "5.0"],
    [_, _, "质量指标", "示范区配方肥到位率", "≧80%", "85.6%", "10.0"],
    [_, _, "时效指标", "项目按时完成率", "100%", "100%", "10.0"],
    [_, "效益指标", "社会效益效益指标", "受益农户数", "5000户", "5000户", "5.0"],
    # The stored copy ends at the next row's first cell (「生态」…).
]

MERGES = [
    "A1:G1", "A2:D2", "E2:G2", "B3:G3", "B4:D4", "F4:G4", "B5:G5", "B6:G6",
    "A7:A8", "B7:C7", "B8:C8",
    "A9:A23", "B10:B22", "C10:C20",
]
