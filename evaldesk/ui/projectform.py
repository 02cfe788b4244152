"""The project form: every field of the current project beside the table (a dock that follows the
current row, or a window of its own when floated).

The form is a second view of the same project, not a copy: each field commits when the clerk
leaves it (``editingFinished``/focus-out, never per keystroke) through the document's undo stack —
``set_cells`` for the fields the summary table also has, ``ProjectEditCommand`` for the indicator
list — so the table, the scores and the findings follow and one undo restores them all. After an
edit only the current project is scored again; the form never looks at the other projects.

``install(window)`` puts the dock in the main window and ties it to the table: the current row,
the problems panel, and the indicator cells that hold several indicators (double-click or F2 on
such a cell opens the form at that category instead of a cell editor that could not take it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QColor, QInputMethodEvent, QKeyEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core import fields, money
from evaldesk.core.fields import FUND_PARTS, NotANumber
from evaldesk.core.layout import SUMMARY_COLUMNS
from evaldesk.core.records import CATEGORY_BY_KEY, Funds, Project
from evaldesk.core.rules import Finding, field_label
from evaldesk.core.scoring import score_project
from evaldesk.ui.document import BadText, CellChange, Document
from evaldesk.ui.indicators import (
    CommitText,
    IndicatorEditor,
    IndicatorModel,
    findings_of,
    indicator_place,
)
from evaldesk.ui.model import (
    BAD_TEXT_FOREGROUND,
    ERROR_BACKGROUND,
    WARNING_BACKGROUND,
    finding_line,
)
from evaldesk.ui.scoringview import ScoreStrip

if TYPE_CHECKING:
    from evaldesk.ui.mainwindow import MainWindow

TEXT_FOREGROUND = QColor("#202124")
TOTAL_BACKGROUND = "#f2f5f9"  # computed, not typed: the totals look unlike the fields
FORM_WIDTH = 600  # beside the table at 1600 px the frozen columns and a few more stay in view
FORM_MIN_WIDTH = 300  # what the dock may be squeezed to; the form scrolls sideways below its own



def N(text: str) -> str:
    """A label marked for translation (no context, as _tr looks it up); translated where shown."""
    return text


# Rows and columns of the funds block, as the per-project form (family B) names them too.
FUND_ROWS: tuple[tuple[str, str], ...] = (
    ("general", N("一般公共预算（本年财政拨款）")),
    ("fund", N("政府性基金")),
    ("non_fiscal", N("非财政资金（其他资金）")),
    ("carryover", N("上年结转资金")),
)
FUND_SIDES: tuple[tuple[str, str], ...] = (
    ("initial", N("年初预算数")),
    ("budget", N("全年预算数")),
    ("actual", N("全年执行数")),
)
PER_PROJECT_ONLY = frozenset({"initial.general", "initial.fund", "initial.non_fiscal",
                              "initial.carryover", "budget.carryover", "actual.carryover"})

# Fields outside the funds block: key, label.
TEXT_LABELS: dict[str, str] = {
    "seq": N("序号"), "name": N("项目名称"), "code": N("项目编码"), "department": N("部门名称"),
    "authority": N("主管部门"), "implementer": N("实施单位"), "goal": N("年初绩效目标"),
    "completion": N("实际完成情况"), "problems": N("项目执行中存在的问题"), "rectification": N("整改情况"),
    "conclusion": N("评价结论"), "project_lead": N("项目负责人"), "finance_lead": N("财务负责人"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


def field_name(key: str) -> str:
    if key in TEXT_LABELS:
        return _tr(TEXT_LABELS[key])
    side, _, part = key.partition(".")
    sides = dict(FUND_SIDES)
    parts = {**dict(FUND_ROWS), "total": N("合计"), "fiscal": N("财政拨款")}
    if side in sides and part in parts:
        return _tr(sides[side]) + "/" + _tr(parts[part])
    return field_label(key)


def _amount_text(value: Decimal | None) -> str:
    """An amount as the table shows it (0.00, 1,234.50), unless that would hide digits the value
    has (an amount converted from 元): then all of them, so that nothing is rounded unseen."""
    if value is None:
        return ""
    shown = money.format_amount(value, grouping=True)
    return shown if Decimal(shown.replace(",", "")) == value else f"{value:f}"


def _shown(value: Decimal | None) -> str:
    return "—" if value is None else money.format_amount(value, grouping=True)


def _finding_line(finding: Finding) -> str:
    return finding_line(finding)


def _paint(widget: QWidget, found: list[Finding], kind: str) -> None:
    """Colour a field by its findings, as the table colours a cell; the tooltip says why."""
    if found:
        colour = ERROR_BACKGROUND if any(f.is_error for f in found) else WARNING_BACKGROUND
        widget.setStyleSheet(f"{kind} {{ background: {colour.name()}; }}")
    else:
        widget.setStyleSheet("")
    widget.setToolTip("\n".join(_finding_line(f) for f in found))


class FieldLine(QLineEdit):
    """A one-line field; its text is kept while the clerk is typing in it."""

    def show_text(self, text: str) -> None:
        if self.hasFocus() and self.isModified():
            return
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)
        self.setModified(False)


class ProjectForm(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._uid: int | None = None
        self._stale = False
        self._per_project_wanted = False
        self.lines: dict[str, FieldLine] = {}
        self.texts: dict[str, CommitText] = {}
        self.totals: dict[str, QLabel] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        self.caption = QLabel(self)
        self.caption.setObjectName("formCaption")
        self.caption.setWordWrap(True)
        font = self.caption.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.caption.setFont(font)
        outer.addWidget(self.caption)
        self.strip = ScoreStrip(doc, self)
        outer.addWidget(self.strip)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.basic_page = self._build_basic()
        self.indicator_model = IndicatorModel(doc, self)
        self.indicators = IndicatorEditor(self.indicator_model, self)
        self.closing_page = self._build_closing()
        self.tabs.addTab(self.basic_page, self.tr("项目概况"))
        self.tabs.addTab(self.indicators, self.tr("绩效指标与评分"))
        self.tabs.addTab(self.closing_page, self.tr("问题与结论"))

        self.findings = QListWidget(self)
        self.findings.setObjectName("formFindings")
        self.findings.setWordWrap(True)
        self.findings.setAlternatingRowColors(True)
        self.findings.itemActivated.connect(self._finding_chosen)
        self.findings.itemClicked.connect(self._finding_chosen)
        self.findings_caption = QLabel(self)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 2, 0, 0)
        bottom_layout.setSpacing(2)
        bottom_layout.addWidget(self.findings_caption)
        bottom_layout.addWidget(self.findings)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([700, 96])
        outer.addWidget(splitter, 1)

        for key, line in self.lines.items():
            line.setObjectName(f"form_{key.replace('.', '_')}")
            line.editingFinished.connect(lambda k=key: self.commit(k))
            if fields.is_amount_key(key):
                line.textEdited.connect(lambda _t, k=key: self._preview(k.partition(".")[0]))
        for key, text in self.texts.items():
            text.setObjectName(f"form_{key}")
            text.editingFinished.connect(lambda k=key: self.commit(k))

        doc.projectsChanged.connect(self._projects_changed)
        doc.reset.connect(lambda: self.set_project(None))
        doc.rowsRemoved.connect(self._rows_removed)
        doc.seqChanged.connect(self._refresh_caption)
        self.refresh()

    # -- building ----------------------------------------------------------------------------------

    def _line(self, key: str) -> FieldLine:
        line = FieldLine(self)
        self.lines[key] = line
        return line

    def _text(self, key: str, lines: int | None = None) -> CommitText:
        text = CommitText(self)
        text.setTabChangesFocus(True)
        if lines is not None:
            text.setMinimumHeight(text.fontMetrics().lineSpacing() * lines + 12)
        self.texts[key] = text
        return text

    def _build_basic(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 6, 2, 2)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(5)
        rows = ((("seq", 0), ("name", 1)), (("code", 0), ("department", 1)),
                (("authority", 0), ("implementer", 1)))
        for r, row in enumerate(rows):
            for c, (key, _span) in enumerate(row):
                label = QLabel(_tr(TEXT_LABELS[key]), page)
                edit = self._line(key)
                label.setBuddy(edit)
                grid.addWidget(label, r, c * 2)
                grid.addWidget(edit, r, c * 2 + 1)
        char = self.fontMetrics().horizontalAdvance("中")
        self.lines["seq"].setMaximumWidth(char * 4 + 12)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 3)
        layout.addLayout(grid)

        box = QGroupBox(self.tr("项目资金（万元）"), page)
        funds = QGridLayout(box)
        funds.setHorizontalSpacing(6)
        funds.setVerticalSpacing(4)
        self.fund_headers: dict[str, QLabel] = {}
        for c, (side, title) in enumerate(FUND_SIDES, 1):
            header = QLabel(_tr(title), box)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.fund_headers[side] = header
            funds.addWidget(header, 0, c)
        self.fund_labels: dict[str, QLabel] = {}
        for r, (part, title) in enumerate(FUND_ROWS, 1):
            label = QLabel(_tr(title), box)
            self.fund_labels[part] = label
            funds.addWidget(label, r, 0)
            for c, (side, _t) in enumerate(FUND_SIDES, 1):
                edit = self._line(f"{side}.{part}")
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                funds.addWidget(edit, r, c)
        for r, (part, title) in enumerate((("fiscal", N("其中：财政拨款")), ("total", N("合计"))),
                                          len(FUND_ROWS) + 1):
            label = QLabel(_tr(title), box)
            if part == "total":
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            funds.addWidget(label, r, 0)
            for c, (side, _t) in enumerate(FUND_SIDES, 1):
                shown = QLabel(box)
                shown.setObjectName(f"form_{side}_{part}")
                shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                shown.setFrameShape(QFrame.Shape.StyledPanel)
                shown.setMargin(3)
                shown.setAutoFillBackground(True)
                shown.setStyleSheet(f"QLabel {{ background: {TOTAL_BACKGROUND}; }}")
                if part == "total":
                    font = shown.font()
                    font.setBold(True)
                    shown.setFont(font)
                self.totals[f"{side}.{part}"] = shown
                funds.addWidget(shown, r, c)
        rate_row = len(FUND_ROWS) + 3
        funds.addWidget(QLabel(self.tr("预算执行率"), box), rate_row, 0)
        self.rate = QLabel(box)
        self.rate.setObjectName("form_rate")
        self.rate.setTextFormat(Qt.TextFormat.RichText)
        funds.addWidget(self.rate, rate_row, 1, 1, 3)
        self.totals["rate"] = self.rate
        funds.setColumnStretch(0, 0)
        for c in range(1, len(FUND_SIDES) + 1):
            funds.setColumnStretch(c, 1)
        layout.addWidget(box)
        self.per_project = QCheckBox(self.tr("显示单项目表栏目（年初预算数、上年结转资金）"), page)
        self.per_project.clicked.connect(self._per_project_clicked)
        layout.addWidget(self.per_project)
        # The goals take what height is left: roomy beside a short table, scrolled when small.
        for key in ("goal", "completion"):
            label = QLabel(_tr(TEXT_LABELS[key]), page)
            text = self._text(key, 4)
            label.setBuddy(text)
            layout.addWidget(label)
            layout.addWidget(text, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _build_closing(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 6, 2, 2)
        for key, lines in (("problems", 4), ("rectification", 4), ("conclusion", 3)):
            label = QLabel(_tr(TEXT_LABELS[key]), page)
            edit = self._text(key, lines)
            label.setBuddy(edit)
            layout.addWidget(label)
            layout.addWidget(edit, lines)
        leads = QHBoxLayout()
        for key in ("project_lead", "finance_lead"):
            label = QLabel(_tr(TEXT_LABELS[key]), page)
            line_edit = self._line(key)
            label.setBuddy(line_edit)
            leads.addWidget(label)
            leads.addWidget(line_edit, 1)
        layout.addLayout(leads)
        return page

    # -- the project shown ------------------------------------------------------------------------

    @property
    def uid(self) -> int | None:
        return self._uid

    def project(self) -> Project | None:
        return None if self._uid is None else self.doc.project(self._uid)

    def set_project(self, uid: int | None) -> None:
        if uid == self._uid:
            return
        self.flush()
        self._uid = uid
        self.refresh()

    def flush(self) -> None:
        """Commit what is typed but not yet committed (the form is leaving this project)."""
        for key, line in self.lines.items():
            if line.isModified():
                self.commit(key)
        for key, text in self.texts.items():
            if text.document().isModified():
                self.commit(key)
        self.indicators.detail.flush()

    def _projects_changed(self, uids: set[int]) -> None:
        if self._uid is not None and (not uids or self._uid in uids):
            self.refresh()

    def _rows_removed(self) -> None:
        if self._uid is not None and self.doc.project(self._uid) is None:
            self._uid = None
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Show the current project as it is now: fields, totals, score, findings."""
        if not self.isVisible() and self._uid is not None:
            self._stale = True  # hidden: catch up when shown, not on every edit meanwhile
            return
        self._stale = False
        project = self.project()
        self.setEnabled(project is not None)
        self._refresh_caption()
        if project is None:
            self.indicator_model.show(None, None, [])
            self.strip.show_score(None)
            for line in self.lines.values():
                line.show_text("")
                _paint(line, [], "QLineEdit")
            for text in self.texts.values():
                text.set_text("")
                _paint(text, [], "QPlainTextEdit")
            for key, label in self.totals.items():
                label.setText("")
                label.setToolTip("")
                if key != "rate":
                    label.setStyleSheet(f"QLabel {{ background: {TOTAL_BACKGROUND}; }}")
            self.findings.clear()
            self.findings_caption.setText("")
            return
        score = score_project(project, self.doc.profile)
        found = findings_of(self.doc, project.uid)
        self.indicator_model.show(project.uid, score, found)
        self.strip.show_score(score)
        for key, line in self.lines.items():
            value = fields.get_value(project, key)
            line.show_text(value if isinstance(value, str) else _amount_text(value))
            bad = key in project.bad_values
            here = [f for f in found if f.field == key]
            _paint(line, here, "QLineEdit")
            if bad:
                line.setStyleSheet(line.styleSheet()
                                   + f"QLineEdit {{ color: {BAD_TEXT_FOREGROUND.name()}; }}")
        for key, text in self.texts.items():
            value = fields.get_value(project, key)
            if not (text.hasFocus() and text.document().isModified()):
                text.set_text(value if isinstance(value, str) else "")
            _paint(text, [f for f in found if f.field == key], "QPlainTextEdit")
        self._show_funds(project, found)
        self._show_findings(found)

    def _refresh_caption(self) -> None:
        project = self.project()
        if project is None:
            self.caption.setText(self.tr("未选中项目：在表格中点选一行"))
            return
        row = self.doc.row_of(project.uid)
        name = project.name or self.tr("（未命名项目）")
        self.caption.setText(self.tr("第 %1 行　%2 %3").replace("%1", str(row + 1))
                             .replace("%2", project.seq).replace("%3", name))

    def _show_funds(self, project: Project, found: list[Finding]) -> None:
        has_data = any(getattr(project.initial, part) is not None for part in FUND_PARTS) \
            or project.budget.carryover is not None or project.actual.carryover is not None
        per_project = self._per_project_wanted or has_data
        self.per_project.setChecked(per_project)
        self.per_project.setEnabled(not has_data)
        for key in PER_PROJECT_ONLY:
            self.lines[key].setVisible(per_project)
        self.fund_headers["initial"].setVisible(per_project)
        self.fund_labels["carryover"].setVisible(per_project)
        for part in ("total", "fiscal"):
            self.totals[f"initial.{part}"].setVisible(per_project)
        for side, _title in FUND_SIDES:
            self._show_totals(side, getattr(project, side), found)
        self._show_rate(project.rate, project.rate_printed, found)

    def _show_totals(self, side: str, funds: Funds, found: list[Finding], preview: bool = False) -> None:
        for part, entered, computed in (("total", funds.total_entered, funds.total_computed),
                                        ("fiscal", funds.fiscal_entered, funds.fiscal_computed)):
            label = self.totals[f"{side}.{part}"]
            shown = entered if entered is not None else computed
            text = _shown(shown) if shown is not None else ""
            if entered is not None and entered != computed:
                text += self.tr("（各项之和 %1）").replace("%1", _shown(computed))
            label.setText(text)
            here = [f for f in found if f.field == f"{side}.{part}"]
            colour = TOTAL_BACKGROUND
            if here:
                colour = (ERROR_BACKGROUND if any(f.is_error for f in here) else WARNING_BACKGROUND).name()
            style = "font-style: italic; color: #5f6368;" if preview else ""
            label.setStyleSheet(f"QLabel {{ background: {colour}; {style} }}")
            tip = self.tr("由各资金来源自动计算") if not here else \
                "\n".join(_finding_line(f) for f in here)
            label.setToolTip(tip)

    def _show_rate(self, rate: Decimal | None, printed: Decimal | None, found: list[Finding],
                   preview: bool = False) -> None:
        text = money.format_rate(rate) if rate is not None else "—"
        if printed is not None and not preview and (rate is None or money.format_rate(printed)
                                                     != money.format_rate(rate)):
            text += self.tr("（表中填 %1）").replace("%1", money.format_rate(printed))
        here = [f for f in found if f.field == "rate"]
        if here:
            colour = "#b3261e" if any(f.is_error for f in here) else "#8a5a00"
            text = f"<span style='color:{colour}'>{text}</span>"
        self.rate.setText(f"<b>{text}</b>")
        self.rate.setToolTip("\n".join(_finding_line(f) for f in here)
                             or self.tr("全年执行数合计 ÷ 全年预算数合计"))

    def _preview(self, side: str) -> None:
        """Totals and rate as they will be once the amount being typed is committed."""
        project = self.project()
        if project is None:
            return
        stored: Funds = getattr(project, side)
        parts: dict[str, Decimal | None] = {}
        changed = False
        for part in FUND_PARTS:
            key = f"{side}.{part}"
            value = getattr(stored, part)
            try:
                typed = fields.parse_for(key, self.lines[key].text())
            except NotANumber:
                typed = value
            assert typed is None or isinstance(typed, Decimal)
            changed |= typed != value
            parts[part] = typed
        if not changed:
            self._show_funds(project, findings_of(self.doc, project.uid))
            return
        funds = Funds(general=parts["general"], fund=parts["fund"], non_fiscal=parts["non_fiscal"],
                      carryover=parts["carryover"])
        self._show_totals(side, funds, [], preview=True)
        budget = funds.total if side == "budget" else project.budget.total
        actual = funds.total if side == "actual" else project.actual.total
        if side != "initial":
            rate = None if budget is None or actual is None or budget == 0 else actual / budget
            self._show_rate(rate, None, [], preview=True)

    def _per_project_clicked(self, on: bool) -> None:
        self._per_project_wanted = on
        project = self.project()
        if project is not None:
            self._show_funds(project, findings_of(self.doc, project.uid))

    def _show_findings(self, found: list[Finding]) -> None:
        self.findings.clear()
        for finding in found:
            where = self._where(finding.field)
            item = QListWidgetItem(_finding_line(finding if not where else
                                                 Finding(finding.code, finding.severity,
                                                         finding.project_uid, finding.field,
                                                         f"{where}：{finding.message}")))
            item.setData(Qt.ItemDataRole.UserRole, finding.field)
            item.setForeground(BAD_TEXT_FOREGROUND if finding.is_error else TEXT_FOREGROUND)
            self.findings.addItem(item)
        errors = sum(f.is_error for f in found)
        self.findings_caption.setText(
            self.tr("本项目问题：错误 %1，警告 %2").replace("%1", str(errors))
            .replace("%2", str(len(found) - errors)) if found else self.tr("本项目未发现问题"))

    def _where(self, key: str) -> str:
        if not key:
            return ""
        return indicator_place(key) or field_name(key)

    # -- committing --------------------------------------------------------------------------------

    def commit(self, key: str) -> None:
        """The clerk left field ``key``: one undo step if its value changed."""
        project = self.project()
        widget: QLineEdit | QPlainTextEdit = self.lines[key] if key in self.lines else self.texts[key]
        if isinstance(widget, QLineEdit):
            text = widget.text()
            widget.setModified(False)
        else:
            text = widget.toPlainText()
            widget.document().setModified(False)
        if project is None or not self.indicator_model.alive:
            return
        label = self.tr("编辑「%1」").replace("%1", field_name(key))
        try:
            value = fields.parse_for(key, text)
        except NotANumber as exc:
            # Kept as the field's text, red with its finding, as the table keeps it: never lost.
            if project.bad_values.get(key) != text:
                self.doc.set_cells([CellChange(project.uid, key, BadText(text))], label)
            self.doc.message.emit(str(exc))
            return
        if fields.get_value(project, key) == value and key not in project.bad_values:
            self.refresh()  # shows the stored spelling ("1,2" typed back as it was)
            return
        self.doc.set_cells([CellChange(project.uid, key, value)], label)

    # -- navigation --------------------------------------------------------------------------------

    def _tab_of(self, widget: QWidget) -> None:
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                self.tabs.setCurrentIndex(i)
                return

    def open_category(self, category: str) -> None:
        """Show the indicators tab at the category's indicators (from a table cell with several)."""
        self.tabs.setCurrentWidget(self.indicators)
        self.indicators.show_category(category)
        self.indicators.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_field(self, key: str) -> None:
        if key.startswith("indicator:"):
            index, _, part = key.removeprefix("indicator:").partition(".")
            if index.isdigit():
                self.tabs.setCurrentWidget(self.indicators)
                self.indicators.select_row(int(index))
                target = self.indicators.detail.widget_for(part)
                if target is not None:
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if key.startswith("ind."):
            self.open_category(key.split(".")[1])
            return
        widget: QWidget | None = self.lines.get(key) or self.texts.get(key) or self.totals.get(key)
        if widget is not None:
            self._tab_of(widget)
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        self.go_to_field(str(item.data(Qt.ItemDataRole.UserRole) or ""))


class ProjectFormDock(QDockWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectFormDock")
        self.setWindowTitle(self.tr("项目表单"))
        self.form = ProjectForm(doc, self)
        self.bridge: TableBridge | None = None
        # Scrolled, not squeezed: on a small screen the table keeps its share of the width, the
        # form scrolls sideways below its own minimum, and the window never grows for the form
        # (in English its labels are longer).
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setObjectName("projectFormScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setMinimumWidth(FORM_MIN_WIDTH)
        self.setWidget(self.form_scroll)
        self.topLevelChanged.connect(self._floated)

    def _floated(self, floating: bool) -> None:
        # A window of its own has room for every indicator column.
        self.form.indicators.set_compact(not floating)

    def open_window(self) -> None:
        self.show()
        self.setFloating(True)
        self.resize(max(self.width(), 980), max(self.height(), 820))
        self.raise_()
        self.activateWindow()

    def reveal(self) -> None:
        self.show()
        self.raise_()

    def open_category(self, uid: int, category: str) -> None:
        self.reveal()
        self.form.set_project(uid)
        self.form.open_category(category)

    def show_finding(self, uid: int, key: str) -> None:
        """A finding chosen in the problems panel: the form shows the field the table has no cell
        for (scores, per-project fields) or the category of a multi-indicator cell."""
        if key in _TABLE_KEYS and not self._is_multi(uid, key):
            return
        self.reveal()
        self.form.set_project(uid)
        self.form.go_to_field(key)

    def _is_multi(self, uid: int, key: str) -> bool:
        project = self.form.doc.project(uid)
        return project is not None and multi_category(project, key) is not None


_TABLE_KEYS = frozenset(c.key for c in SUMMARY_COLUMNS)


def multi_category(project: Project, key: str) -> str | None:
    """The category of an indicator cell that shows several indicators (the form edits those)."""
    parts = key.split(".")
    if len(parts) != 3 or parts[0] != "ind" or parts[1] not in CATEGORY_BY_KEY:
        return None
    return parts[1] if len(project.indicators_in(parts[1])) > 1 else None


class TableBridge(QObject):
    """Turns an edit of a multi-indicator cell (double-click, F2, typing) into opening the form."""

    def __init__(self, win: MainWindow, dock: ProjectFormDock) -> None:
        super().__init__(win)
        self._win = win
        self._dock = dock
        for view in (win.table, win.table.frozen):
            view.installEventFilter(self)
            view.viewport().installEventFilter(self)

    def _category_at(self, index: QModelIndex) -> tuple[int, str] | None:
        if not index.isValid():
            return None
        projects = self._win.doc.projects
        if index.row() >= len(projects):
            return None
        project = projects[index.row()]
        category = multi_category(project, SUMMARY_COLUMNS[index.column()].key)
        return None if category is None else (project.uid, category)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        target: tuple[int, str] | None = None
        if kind == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            view = watched.parent()
            if isinstance(view, QAbstractItemView):
                target = self._category_at(view.indexAt(event.position().toPoint()))
        elif kind in (QEvent.Type.KeyPress, QEvent.Type.InputMethod) \
                and isinstance(watched, QAbstractItemView) \
                and watched.state() != QAbstractItemView.State.EditingState \
                and self._opens_editor(event):
            target = self._category_at(watched.currentIndex())
        if target is None:
            return False
        self._dock.open_category(*target)
        return True

    @staticmethod
    def _opens_editor(event: QEvent) -> bool:
        if isinstance(event, QInputMethodEvent):
            return bool(event.commitString())
        if not isinstance(event, QKeyEvent):
            return False
        if event.key() == Qt.Key.Key_F2:
            return True
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        text = event.text()
        return bool(text) and text.isprintable() and not mods


def install(win: MainWindow) -> ProjectFormDock:
    """The form beside the table, following its current row; returns the dock."""
    dock = ProjectFormDock(win.doc, win)
    win.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    win.resizeDocks([dock], [FORM_WIDTH], Qt.Orientation.Horizontal)
    doc = win.doc

    def follow(current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        dock.form.set_project(doc.projects[row].uid if 0 <= row < len(doc.projects) else None)

    win.table.selectionModel().currentRowChanged.connect(follow)
    follow(win.table.currentIndex(), QModelIndex())
    dock.bridge = TableBridge(win, dock)
    win.problems.findingActivated.connect(dock.show_finding)

    toggle = dock.toggleViewAction()
    toggle.setText(_tr("项目表单"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+E"))
    window_action = QAction(_tr("在独立窗口中打开项目表单"), win)
    window_action.triggered.connect(lambda _c=False: dock.open_window())
    win.addAction(toggle)
    menu = win.view_menu
    if menu.actions():
        menu.insertActions(menu.actions()[0], [toggle, window_action])
    else:
        menu.addActions([toggle, window_action])
    return dock
