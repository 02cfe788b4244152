# ruff: noqa: E501  (one published row per line, so the transcription reads like the table)
"""马铃薯种薯繁育示范推广项目绩效目标自评表（2022年度）, 原州区农技中心 (宁夏 固原) — PARTIAL, GARBLED COPY.

Transcribed from the stored copy of https://www.bigxun.com/view/1651813082920488962, a document-sharing
page holding an OCR text of the form (run-on, no cell separators, several cells garbled). Only what
can be READ is transcribed; every unreadable cell is left EMPTY and listed here with the copy's
characters, never guessed:
- the title reads 「马铃薯冲薯繁育…」 in the copy (冲 for 种, an OCR slip): kept as stored;
- 项目名称 reads 「碟令薯樽轴示施」: unreadable, left empty;
- 数量指标 指标3 一级种薯繁育基地: 分值 / 年度指标值 / 全年实际值 / 得分 read 「8000亩\\n8535.5亩」 (four
  cells in two tokens, the split unknowable): all four left empty;
- 质量指标 指标1 采购的原原种合格率: 指标值 / 实际值 read 「采购的原原种合格率290$290%」: left empty
  (分值 8 and 得分 8 are readable);
- 时效指标 指标1: 指标值 / 实际值 read 「11月底完成100%100%」 (three tokens for two cells): left empty
  (分值 8, 得分 8 readable);
- 经济效益 指标值 / 实际值 「工5%」 / 「工5%」, 社会效益 指标1 「80%」 / 「^80%」 and 指标2 「250%」 /
  「5=50%」: comparators garbled, left empty (分值 and 得分 readable).
- Funds: the copy reads 「年度资金总额 全年预算数(A) 300 全年执行数(B) 执行率(B/A) 其中 中央补助 自治区补助
  300万元 / 259.45万元 / 86.5% 市县资金」: 300 stands in the 年度资金总额 row, 300万元 / 259.45万元 /
  86.5% in the 自治区补助 row; whether the latter two were merged over both rows cannot be told.
The stored copy ENDS inside the 满意度 row (「种薯繁育企业、种植农户调」): that row and everything after
it are not transcribed. All cells are text as printed.
"""

SHEET = "绩效目标自评表"
TITLE_ROWS = (1,)
BOXED_FROM_ROW = 2

_GOAL = ("一是通过政府招标采购方式,采购马铃薯原原种425万粒,免费向全区农户、种植大户、合作社和企业发放,完成马铃薯原种繁育田850亩;"
         "二是企业自行采购马铃薯原原种200万粒,建成原种基地400亩,共计建成原种繁育基地1250亩,平均亩产马铃薯原种2500公斤")

_ = None
ROWS = [
    ["马铃薯冲薯繁育示范推广项目绩效目标自评表(2022年度)", _, _, _, _, _, _, _, _],
    ["项目总得分", "99分", _, _, _, _, _, _, _],
    ["项目名称", _, _, _, "项目实施单位/项目负责人", "原州区农技中心/杨勃兴", _, _, _],
    ["自治区主管部门", "农业农村厅", _, _, "专项实施期", "2022年3月-2022年11月", _, _, _],
    ["市县财政部门", "原州区财政局", _, _, "市县主管部门", "原州区农业农村局", _, _, _],
    ["资金情况(万元)", _, _, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", _, _, _],
    [_, "年度资金总额", _, "300", _, _, _, _, _],
    [_, "其中", "中央补助", _, _, _, _, _, _],
    [_, _, "自治区补助", "300万元", "259.45万元", "86.5%", _, _, _],
    [_, _, "市县资金", _, _, _, _, _, _],
    ["年度总体目标", _GOAL, _, _, _, _, _, _, _],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及改进措施"],
    [_, "产出指标(40分)", "数量指标", "指标1免费发放原原种", "8", "550万粒", "550万粒", "8", _],
    [_, _, _, "指标2企业自行采购", "8", "200万粒", "200万粒", "8", _],
    [_, _, _, "指标3一级种薯繁育基地", _, _, _, _, _],
    [_, _, "质量指标", "指标1采购的原原种合格率", "8", _, _, "8", _],
    [_, _, "时效指标", "指标12021年11月30日前完成资金支付", "8", _, _, "8", _],
    [_, _, "成本指标", "指标1种薯采购价格不高于市场价", "8", "是", "是", "8", _],
    [_, "效益指标(40分)", "经济效益指标", "指标1种薯亩均收入较鲜薯亩均收入", "8", _, _, "8", _],
    [_, _, "社会效益指标", "指标1一级种薯推广面积占总面积比例", "8", _, _, "8", _],
    [_, _, _, "指标2群众对脱毒种薯和主食化专用品种的认知度", "8", _, _, "8", _],
    [_, _, "生态效益", "指标1病害减少,防治病虫害使用的化学农药量较上年减少", "8", "2%", "2%", "8", _],
    [_, _, "可持续影响指标", "持续完善马铃薯种薯繁育体系,保障脱毒马铃薯种薯供应,促进主食化产业衔接", "8", "是", "基本达到", "7", "加强技术指导,加大宣传力度;加大项目支持力度"],
    # The stored copy ends inside the next row (满意度指标(20分) | 服务对象满意度 | 种薯繁育企业、种植农户调…).
]

MERGES = [
    "A1:I1", "B2:I2", "B3:D3", "F3:I3", "B4:D4", "F4:I4", "B5:D5", "F5:I5",
    "A6:A10", "B6:C6", "F6:I6", "B7:C7", "F7:I7", "B8:B10", "F8:I8", "F9:I9", "F10:I10",
    "B11:I11",
    "A12:A23", "B13:B18", "C13:C15", "B19:B23", "C20:C21",
]

WIDTHS = {"A": 12, "B": 14, "C": 14, "D": 34, "E": 8, "F": 14, "G": 14, "H": 8, "I": 28}
