"""The drafted 绩效自评报告 as a Word document (.docx), laid out as a finance bureau expects.

The outline is the one bureaus publish for a unit's 项目支出绩效自评报告 (the MoF's 财预〔2020〕10号
and the provincial notices that follow it): 一、基本情况 二、绩效自评工作开展情况 三、预算执行情况
四、绩效目标完成情况 五、自评结论 六、存在的问题及原因 七、下一步改进措施 八、绩效自评结果应用及公开情况
九、其他需要说明的问题. Every figure comes from ``evaldesk.core.selfreport.summarize``; this module
only writes. What only the clerk can say is left as a yellow-highlighted 【请填写：…】, so nothing a
program guessed passes for the unit's own words, and Word's 查找 finds every place still open.

Typography as in 党政机关公文格式 (GB/T 9704) which bureaus apply to such reports: A4; title in
方正小标宋简体 二号; body 仿宋 三号 with a fixed 28-point line and a two-character indent; first-level
headings 黑体, second-level 楷体; tables 宋体 五号 with amounts right-aligned; page numbers
"— 1 —" in the footer from a PAGE field. Each Chinese font is named for East Asian text
(``w:eastAsia``), which is what Word on a Chinese Windows uses, and listed in the font table with
the Windows family it belongs to (``w:altName``, GB2312 charset, roman or modern), so Word or WPS
without 方正小标宋 falls back to 宋体, and LibreOffice on UOS/Kylin substitutes a CJK serif or sans.

python-docx is imported here only; nothing imports this module until a report is drafted.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaldesk.core.money import format_amount, format_rate
from evaldesk.core.selfreport import SelfReportSummary
from evaldesk.io.atomic import atomic_write
from evaldesk.io.errors import WriteError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

# Fonts by role. Windows 10/11 ship 宋体 (SimSun), 黑体 (SimHei), 仿宋 (FangSong) and 楷体 (KaiTi);
# 仿宋_GB2312 and 方正小标宋简体 come with government installs and are not assumed, except the title
# face, for which the font table names 宋体 as the stand-in.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

# name → (Windows family name, family class) written into the font table.
_FONT_TABLE = {
    TITLE_FONT: ("宋体", "roman"),
    BODY_FONT: ("FangSong", "modern"),
    HEADING_FONT: ("SimHei", "modern"),
    SUBHEADING_FONT: ("KaiTi", "modern"),
    TABLE_FONT: ("SimSun", "auto"),
}

# Sizes in points: 二号 22, 三号 16, 四号 14, 五号 10.5.
TITLE_PT = 22
BODY_PT = 16
FOOTER_PT = 14
TABLE_PT = 10.5
LINE_PT = 28
ROW_CM = 0.7

CELL_STYLE = "表格文字"
HEADER_CELL_STYLE = "表格标题行"

PLACEHOLDER_OPEN = "【请填写："
PLACEHOLDER_CLOSE = "】"
NUMERALS = "一二三四五六七八九十"


def placeholder(what: str) -> str:
    return f"{PLACEHOLDER_OPEN}{what}{PLACEHOLDER_CLOSE}"


def money(amount: Decimal | None) -> str:
    """An amount as the report prints it: two decimals with thousands separators."""
    return format_amount(amount, grouping=True) if amount is not None else "—"


def suggested_file_name(year: int | None, department: str) -> str:
    """``龙岗区信访局2021年度项目支出绩效自评报告.docx``: what the report is, as its title says."""
    name = f"{department}{f'{year}年度' if year else ''}项目支出绩效自评报告.docx"
    # A department line may hold characters Windows forbids in file names.
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name)


def write_self_report(summary: SelfReportSummary, path: Path) -> None:
    """Draft the report into ``path`` (.docx), atomically: a failure leaves any old file as it
    was, and the new file gets the mode the user's umask gives (see ``atomic_write``)."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise WriteError(path, "自评报告只能保存为 Word 文档（.docx）")
    document = build_document(summary)
    atomic_write(path, lambda temp: document.save(str(temp)), verify=_opens_again)


def _opens_again(temp: Path) -> None:
    import docx

    try:
        docx.Document(str(temp))
    except Exception as exc:  # a file Word would refuse must never replace a good one
        raise WriteError(temp, f"生成的文档无法重新打开（{exc}），原文件未改动。") from exc


def build_document(summary: SelfReportSummary) -> DocxDocument:
    import docx

    document = docx.Document()
    writer = _Writer(document)
    writer.setup()
    _write(writer, summary)
    _describe(document, summary)
    return document


def _describe(document: DocxDocument, summary: SelfReportSummary) -> None:
    """File properties of the draft itself: python-docx's template would otherwise name
    "python-docx" as its author, date it 2013 and show its own sample page as the thumbnail in
    Windows Explorer."""
    from datetime import UTC, datetime

    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    now = datetime.now(UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.author = summary.department
    properties.last_modified_by = summary.department
    properties.subject = summary.title
    properties.comments = f"evaldesk 根据《{summary.title}》生成的初稿"
    properties.created = properties.modified = now
    package = document.part.package
    for rid, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)


# ---------------------------------------------------------------------------------------------
# The outline


def _write(w: _Writer, s: SelfReportSummary) -> None:
    unit = s.unit or "万元"
    year = f"{s.year}年度" if s.year else placeholder("年度")
    who = s.department or placeholder("单位名称")
    w.title([who, f"{year}项目支出绩效自评报告"])
    w.body(["根据", placeholder("财政部门关于开展绩效自评工作的通知名称及文号"),
            f"要求，{who}对{year}{s.project_count}个项目支出开展了绩效自评。现将有关情况报告如下："])

    # 一、基本情况
    w.heading(1, "基本情况")
    w.subheading(1, "单位基本情况")
    w.body([placeholder("单位主要职能、内设机构、人员编制及实有人数等基本情况")])
    w.subheading(2, "项目总体情况")
    departments = ""
    if len(s.departments) > 1:
        shown = "、".join(s.departments[:12]) + ("等" if len(s.departments) > 12 else "")
        departments = f"，涉及{len(s.departments)}个部门（单位）：{shown}"
    w.body([f"本次纳入自评的项目共{s.project_count}个{departments}。全年预算{money(s.budget)}{unit}，"
            f"其中财政拨款{money(s.fiscal.budget)}{unit}；实际支出{money(s.actual)}{unit}，"
            f"总体预算执行率{format_rate(s.rate)}。各项目明细见附件《{s.title}》。"])
    w.subheading(3, "项目绩效目标")
    w.body([placeholder("项目年度总体绩效目标概述（立项依据、主要内容、预期产出和效益）")])

    # 二、绩效自评工作开展情况
    w.heading(2, "绩效自评工作开展情况")
    w.body(["对照年初设定的绩效目标，逐项核对各项目的预算执行和指标完成情况，按项目填报"
            f"《{s.title}》。", placeholder("自评工作的组织实施、分工、方法和过程")])

    # 三、预算执行情况
    w.heading(3, "预算执行情况")
    w.subheading(1, "资金投入和使用情况")
    parts = "，".join(f"{line.label}{money(line.budget)}{unit}" for line in s.sources
                     if line.budget or line.actual)
    w.body([f"全年预算合计{money(s.budget)}{unit}（{parts or '未分列资金来源'}），"
            f"实际支出{money(s.actual)}{unit}，预算执行率{format_rate(s.rate)}。按资金来源如下表"
            f"（单位：{unit}）："])
    def row(label: str, budget: Decimal, actual: Decimal, rate: Decimal | None) -> list[str]:
        return [label, money(budget), money(actual), format_rate(rate)]

    # 财政拨款 first with its two parts under it, as the table's own header nests them.
    general, fund, *others = s.sources
    rows = [row(s.fiscal.label, s.fiscal.budget, s.fiscal.actual, s.fiscal.rate),
            row(f"　其中：{general.label}", general.budget, general.actual, general.rate),
            row(f"　　　　{fund.label}", fund.budget, fund.actual, fund.rate),
            *(row(line.label, line.budget, line.actual, line.rate) for line in others),
            row("合计", s.budget, s.actual, s.rate)]
    w.table(["资金来源", "全年预算数", "实际支出数", "执行率"], rows, numeric=(1, 2, 3),
            widths=(5.2, 3.6, 3.6, 3.0), bold_last=True)
    w.subheading(2, "项目执行进度")
    low = len(s.low_rate)
    w.body([f"{s.project_count}个项目中，预算执行率达到100%的{s.full}个，90%（含）至100%的{s.on_track}个，"
            f"低于90%的{low}个" + (f"（预算{money(s.low_rate_budget)}{unit}，实际支出"
                                   f"{money(s.low_rate_actual)}{unit}）" if low else "")
            + (f"，预算为0或未填、无执行率的{s.no_rate}个" if s.no_rate else "")
            + "。" + ("执行率低于90%的项目及原因见第六部分。" if low else "")])
    w.subheading(3, "资金管理情况")
    w.body([placeholder("资金管理制度、支付审批、政府采购、会计核算等情况")])

    # 四、绩效目标完成情况
    w.heading(4, "绩效目标完成情况")
    _indicators(w, s)

    # 五、自评结论
    w.heading(5, "自评结论")
    _conclusion(w, s, unit)

    # 六、存在的问题及原因
    w.heading(6, "存在的问题及原因")
    _problems(w, s, unit)

    # 七、下一步改进措施
    w.heading(7, "下一步改进措施")
    measures = [p for p in s.low_rate if p.rectification]
    if measures:
        w.body(["各项目在自评表中提出的整改措施如下："])
        for k, p in enumerate(measures, 1):
            w.body([f"{k}. {p.name}：{p.rectification}"])
    w.body([placeholder("针对上述问题的改进措施（预算编制、执行监控、绩效目标设定等）")])

    # 八、九
    w.heading(8, "绩效自评结果应用及公开情况")
    w.body([placeholder("自评结果在预算安排、政策调整、改进管理中的应用及信息公开情况")])
    w.heading(9, "其他需要说明的问题")
    w.body([placeholder("其他需要说明的问题；没有则填「无」")])

    w.blank()
    w.body([f"附件：{s.title}"], indent=True)
    w.blank()
    w.right([who if s.department else placeholder("单位名称（盖章）")])
    w.right([placeholder("年　月　日")])


def _indicators(w: _Writer, s: SelfReportSummary) -> None:
    total_set = sum(c.set_ for c in s.categories)
    met = sum(c.met for c in s.categories)
    short = sum(c.short for c in s.categories)
    unjudged = sum(c.unjudged for c in s.categories)
    unfilled = sum(c.unfilled for c in s.categories)
    na = sum(c.not_applicable for c in s.categories)
    sentence = (f"{s.project_count}个项目共设置绩效指标{total_set}个（另有{na}个指标类别填为「不适用」）。"
                f"其中有年度指标值可对照的，已达成{met}个，未完全达成{short}个；"
                f"已填写完成情况但未设年度指标值、无法逐项比对的{unjudged}个")
    sentence += f"；尚未填写完成情况的{unfilled}个。" if unfilled else "。"
    w.body([sentence, "各类指标完成情况如下表："])
    rows = [[c.level1, c.level2, str(c.set_), str(c.met), str(c.short), str(c.unjudged),
             str(c.unfilled), str(c.not_applicable)] for c in s.categories]
    rows.append(["合计", "", str(total_set), str(met), str(short), str(unjudged), str(unfilled), str(na)])
    w.table(["一级指标", "二级指标", "设置", "已达成", "未完全达成", "无指标值", "未填完成", "不适用"],
            rows, numeric=(2, 3, 4, 5, 6, 7), widths=(2.4, 3.4, 1.5, 1.6, 2.2, 2.0, 2.0, 1.7),
            bold_last=True)
    if s.short_indicators:
        w.body([f"未完全达成年度指标值的{len(s.short_indicators)}个指标及偏差原因："])
        w.table(["项目", "指标", "年度指标值", "实际完成值", "偏差原因"],
                [[i.project, f"{i.level2}：{i.name}" if i.name else i.level2, i.target, i.actual,
                  i.reason or "【未说明原因，请补充】"] for i in s.short_indicators],
                widths=(3.6, 4.0, 2.4, 2.4, 3.6), highlight_prefix="【")
    w.subheading(1, "产出指标完成情况")
    w.body([placeholder("主要产出（数量、质量、时效、成本）的完成情况")])
    w.subheading(2, "效益指标完成情况")
    w.body([placeholder("经济、社会、生态效益及可持续影响的实现情况")])
    w.subheading(3, "满意度指标完成情况")
    w.body([placeholder("服务对象满意度调查方式及结果")])


def _conclusion(w: _Writer, s: SelfReportSummary, unit: str) -> None:
    w.body([f"{s.project_count}个项目全年预算{money(s.budget)}{unit}，实际支出{money(s.actual)}{unit}，"
            f"总体预算执行率{format_rate(s.rate)}。"])
    if not s.is_scored:
        w.body(["自评表为汇总表，各项目未设指标分值，不计算得分。",
                placeholder("自评得分及等级（如按项目支出绩效自评表评分，请填写总分和等级）")])
        return
    known = s.totals_known
    average = s.average_score
    grades = s.grade_counts()
    graded = "、".join(f"{g}{n}个" for g, n in grades.items())
    text = (f"按{s.profile_label}评分，设有分值的{len(s.scored)}个项目中{len(known)}个可计算总分")
    if average is not None:
        text += f"，平均{format_amount(average)}分，其中{graded}"
    text += "。"
    if len(known) < len(s.scored):
        text += f"另有{len(s.scored) - len(known)}个项目尚缺得分，未计入。"
    w.body([text])
    w.table(["序号", "项目名称", "总分", "等级"],
            [[p.seq, p.name, format_amount(p.total) if p.total is not None
              else f"未完成评分（{len(p.missing)}项缺得分）", p.grade or "—"] for p in s.scored],
            numeric=(2,), widths=(1.5, 9.5, 2.5, 2.0))
    w.body([placeholder("对整体绩效的评价意见")])


def _problems(w: _Writer, s: SelfReportSummary, unit: str) -> None:
    w.subheading(1, "预算执行率低于90%的项目")
    if s.low_rate:
        unexplained = len(s.unexplained_low_rate)
        w.body([f"{len(s.low_rate)}个项目预算执行率低于90%"
                + (f"，其中{unexplained}个在自评表中未说明原因，须补充" if unexplained else "")
                + f"（单位：{unit}）："])
        w.table(["序号", "项目名称", "预算数", "实际支出", "执行率", "原因（自评表所填）"],
                [[p.seq, p.name, money(p.budget), money(p.actual), format_rate(p.rate),
                  p.reason or "【未说明原因，请补充】"] for p in s.low_rate],
                numeric=(2, 3, 4), widths=(1.2, 4.0, 2.2, 2.2, 1.9, 5.0), highlight_prefix="【")
    else:
        w.body(["各项目预算执行率均不低于90%。"])
    w.subheading(2, "自评表中尚未处理的问题")
    if s.findings:
        w.body([f"生成本报告时，自评表中仍有{s.errors}个错误、{s.warnings}个警告尚未处理"
                "（错误须在报送前改正，警告须核实或说明）："])
        w.table(["项目", "栏目", "问题", "类别"],
                [[f.project, f.field, f.message, "错误" if f.is_error else "警告"]
                 for f in s.findings],
                widths=(3.4, 3.0, 8.2, 1.4))
    else:
        w.body(["生成本报告时，自评表已通过全部检查，没有尚未处理的问题。"])
    w.subheading(3, "其他问题及原因分析")
    w.body([placeholder("项目管理、绩效目标设定等方面存在的问题及原因")])


# ---------------------------------------------------------------------------------------------
# Typography


class _Writer:
    def __init__(self, document: DocxDocument) -> None:
        self.doc = document

    def setup(self) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt

        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(20)
        styles = self.doc.styles
        normal = styles["Normal"]
        _set_fonts(normal.element, BODY_FONT)
        normal.font.size = Pt(BODY_PT)
        self._cell_styles()
        self._page_number_footer()
        self._font_table()

    def _cell_styles(self) -> None:
        """Paragraph styles for table cells, set once: formatting each of thousands of cells'
        runs by hand made a district's report take seconds longer to write."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Pt

        styles = self.doc.styles
        cell = styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = styles["Normal"]
        _set_fonts(cell.element, TABLE_FONT)
        cell.font.size = Pt(TABLE_PT)
        fmt = cell.paragraph_format
        fmt.space_before = fmt.space_after = Pt(1.5)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        head = styles.add_style(HEADER_CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        head.base_style = cell
        _set_fonts(head.element, HEADING_FONT)
        head.font.bold = True
        head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.cell_style, self.header_style = cell, head

    # -- paragraphs --------------------------------------------------------------------------------

    def _paragraph(self, *, line: bool = True) -> Paragraph:
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt

        paragraph = self.doc.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        if line:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(LINE_PT)
        return paragraph

    def title(self, lines: Sequence[str]) -> None:
        """The title centred; the unit's name on its own line when the whole would not fit on
        one (a line of 二号 holds about 19 characters), as bureaus break long titles."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Pt

        paragraph = self._paragraph(line=False)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(36)
        fmt.space_after = Pt(LINE_PT)
        text = "".join(lines)
        if len(text) <= 19:
            lines = [text]
        for k, line in enumerate(lines):
            self._runs(paragraph, [line], TITLE_FONT, TITLE_PT)
            if k < len(lines) - 1:
                paragraph.runs[-1].add_break()
        self.doc.core_properties.title = text.replace(PLACEHOLDER_OPEN, "").replace(
            PLACEHOLDER_CLOSE, "")

    def heading(self, number: int, text: str) -> None:
        paragraph = self._paragraph()
        paragraph.paragraph_format.first_line_indent = self._indent()
        paragraph.paragraph_format.keep_with_next = True
        self._runs(paragraph, [f"{NUMERALS[number - 1]}、{text}"], HEADING_FONT, BODY_PT, bold=True)

    def subheading(self, number: int, text: str) -> None:
        paragraph = self._paragraph()
        paragraph.paragraph_format.first_line_indent = self._indent()
        paragraph.paragraph_format.keep_with_next = True
        self._runs(paragraph, [f"（{NUMERALS[number - 1]}）{text}"], SUBHEADING_FONT, BODY_PT,
                   bold=True)

    def body(self, pieces: Sequence[str], *, indent: bool = True) -> None:
        paragraph = self._paragraph()
        if indent:
            paragraph.paragraph_format.first_line_indent = self._indent()
        self._runs(paragraph, pieces, None, None)  # Normal: 仿宋 三号

    def right(self, pieces: Sequence[str]) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = self._paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._runs(paragraph, pieces, None, None)

    def blank(self) -> None:
        self._paragraph()

    def _indent(self) -> Any:
        from docx.shared import Pt

        return Pt(BODY_PT * 2)

    def _runs(self, paragraph: Paragraph, pieces: Sequence[str], font: str | None,
              size: float | None, *, bold: bool = False,
              highlight_prefix: str = PLACEHOLDER_OPEN) -> None:
        """Write ``pieces`` as runs; a piece that is a place for the clerk is highlighted.
        ``font`` and ``size`` None: the paragraph's style says them."""
        from docx.enum.text import WD_COLOR_INDEX
        from docx.shared import Pt

        for piece in pieces:
            if not piece:
                continue
            run = paragraph.add_run(piece)
            if font is not None:
                _set_fonts(run._element, font)
            if size is not None:
                run.font.size = Pt(size)
            if bold:
                run.bold = True
            if piece.startswith(highlight_prefix):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    # -- tables ------------------------------------------------------------------------------------

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], *,
              numeric: Sequence[int] = (), widths: Sequence[float] = (), bold_last: bool = False,
              highlight_prefix: str = PLACEHOLDER_OPEN) -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if widths:
            # Word reads the cells' widths, LibreOffice the grid's: both are set.
            table.autofit = False
            for column, width in zip(table.columns, widths, strict=True):
                column.width = Cm(width)
        _repeat_header(table.rows[0])
        height = Cm(ROW_CM)
        cell_widths = [Cm(w) for w in widths]
        middle = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_id, header_id = self.cell_style.style_id, self.header_style.style_id
        for r, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
            row.height = height  # at least: a long text still grows its row
            last = bold_last and r == len(rows)
            for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                if cell_widths:
                    cell.width = cell_widths[c]
                cell.vertical_alignment = middle
                paragraph = cell.paragraphs[0]
                # By id on the XML: python-docx's style setter searches every style each time.
                paragraph._p.style = header_id if r == 0 else cell_id
                if r and c in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                self._runs(paragraph, [value], None, None, bold=last,
                           highlight_prefix=highlight_prefix)
        # A table straight after a table would merge with it in Word; a little air between.
        self._paragraph(line=False)

    # -- page furniture ----------------------------------------------------------------------------

    def _page_number_footer(self) -> None:
        """"— 1 —" centred in the footer, the number a PAGE field Word and LibreOffice fill in."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt

        footer = self.doc.sections[0].footer
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

        def run(text: str = "") -> Any:
            r = paragraph.add_run(text)
            _set_fonts(r._element, TABLE_FONT)
            r.font.size = Pt(FOOTER_PT)
            return r

        run("— ")
        for kind in ("begin", None, "separate", "1", "end"):
            r = run()
            if kind is None:
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = " PAGE "
                r._element.append(instr)
            elif kind == "1":
                r.text = "1"
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                r._element.append(char)
        run(" —")

    def _font_table(self) -> None:
        """Name each Chinese font in the font table with its Windows family and GB2312 charset,
        so a missing one (方正小标宋简体 on a plain Windows) is replaced by its kind, not by a
        Latin font."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.oxml import serialize_part_xml
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        try:
            part = self.doc.part.part_related_by(RT.FONT_TABLE)
        except KeyError:
            return
        root = parse_xml(part.blob)
        for name, (alt, family) in _FONT_TABLE.items():
            root.append(parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/>'
                f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/>'
                "</w:font>"))
        part._blob = serialize_part_xml(root)


def _set_fonts(element: Any, east_asian: str) -> None:
    """Latin text in Times New Roman, Chinese in ``east_asian`` (w:eastAsia, which Word uses
    for CJK characters whatever the Latin font is)."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def _repeat_header(row: Any) -> None:
    """The header row repeats on every page a long table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)
