"""与上年对比: last year's budget, actual and rate beside this year's, with what moved.

Last year's figures come from the projects themselves after a rollover (``Project.previous``)
or, for a report without them, from last year's file chosen in the dock, matched project by
project on 部门名称 + 项目名称 (spaces ignored; on the name alone where the department differs
but the name is unique on both sides). Projects only one year has are listed too: a project
dropped since last year is as much a change as a new one. Nothing here changes the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core import money
from evaldesk.core.records import PreviousYear, Project, Report
from evaldesk.ui.document import Document
from evaldesk.ui.menus import append_to_menu_of

if TYPE_CHECKING:
    from evaldesk.core.rules import Checker
    from evaldesk.ui.mainwindow import MainWindow

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 20
UidRole = Qt.ItemDataRole.UserRole + 21
# A change this large (either way) is what a reviewer asks about: the cell is set in bold.
NOTABLE_CHANGE = Decimal("0.2")
NEW_BACKGROUND = QColor("#e8f3e8")
DROPPED_BACKGROUND = QColor("#eeeeee")


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


def _key(text: str) -> str:
    return "".join(text.split())


def match_previous(current: Report, last: Report) -> tuple[dict[int, PreviousYear], list[Project]]:
    """Last year's figures for this year's projects (by uid), and last year's projects unmatched.

    Matched on 部门名称 + 项目名称; a project whose department was renamed or left empty is still
    matched on its name when that name is unique in both years.
    """
    by_both: dict[tuple[str, str], list[Project]] = {}
    by_name: dict[str, list[Project]] = {}
    for project in last.projects:
        by_both.setdefault((_key(project.department), _key(project.name)), []).append(project)
        by_name.setdefault(_key(project.name), []).append(project)
    current_names: dict[str, int] = {}
    for project in current.projects:
        current_names[_key(project.name)] = current_names.get(_key(project.name), 0) + 1
    used: set[int] = set()
    found: dict[int, PreviousYear] = {}
    for project in current.projects:
        name = _key(project.name)
        if not name:
            continue
        candidates = [p for p in by_both.get((_key(project.department), name), []) if id(p) not in used]
        if not candidates and current_names[name] == 1:
            candidates = [p for p in by_name.get(name, []) if id(p) not in used]
            if len(candidates) > 1:
                candidates = []
        if candidates:
            old = candidates[0]
            used.add(id(old))
            found[project.uid] = PreviousYear(last.year, old.budget.total, old.actual.total,
                                              old.rate_shown)
    unmatched = [p for p in last.projects if id(p) not in used and _key(p.name)]
    return found, unmatched


@dataclass(frozen=True)
class CompareRow:
    uid: int | None  # this year's project; None for a project only last year had
    seq: str
    department: str
    name: str
    previous: PreviousYear | None
    budget: Decimal | None
    actual: Decimal | None
    rate: Decimal | None

    @property
    def status(self) -> str:
        if self.uid is None:
            return _tr("本年无此项目")
        if self.previous is None:
            return _tr("上年无此项目")
        return ""


def change(old: Decimal | None, new: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """(amount, fraction) of the change; the fraction is None where last year's figure was 0."""
    if old is None or new is None:
        return None, None
    delta = new - old
    return delta, (delta / old if old else None)


def _signed_amount(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = money.format_amount(value, grouping=True)
    return "+" + text if value > 0 else text


def _signed_rate(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = money.format_rate(value)
    return "+" + text if value > 0 else text


@dataclass(frozen=True)
class _Column:
    header: str
    value: Callable[[CompareRow], Decimal | str | None]
    kind: str  # "text", "amount", "rate", "change", "change%"


def _prev(attr: str) -> Callable[[CompareRow], Decimal | None]:
    def get(row: CompareRow) -> Decimal | None:
        value: Decimal | None = getattr(row.previous, attr) if row.previous is not None else None
        return value
    return get


def _columns() -> list[_Column]:
    return [
        _Column(_tr("序号"), lambda r: r.seq, "text"),
        _Column(_tr("部门名称"), lambda r: r.department, "text"),
        _Column(_tr("项目名称"), lambda r: r.name, "text"),
        _Column(_tr("上年预算"), _prev("budget"), "amount"),
        _Column(_tr("本年预算"), lambda r: r.budget, "amount"),
        _Column(_tr("预算增减"), lambda r: change(_prev("budget")(r), r.budget)[0], "change"),
        _Column(_tr("预算增减幅度"), lambda r: change(_prev("budget")(r), r.budget)[1], "change%"),
        _Column(_tr("上年实际支出"), _prev("actual"), "amount"),
        _Column(_tr("本年实际支出"), lambda r: r.actual, "amount"),
        _Column(_tr("支出增减"), lambda r: change(_prev("actual")(r), r.actual)[0], "change"),
        _Column(_tr("支出增减幅度"), lambda r: change(_prev("actual")(r), r.actual)[1], "change%"),
        _Column(_tr("上年执行率"), _prev("rate"), "rate"),
        _Column(_tr("本年执行率"), lambda r: r.rate, "rate"),
        _Column(_tr("说明"), lambda r: r.status, "text"),
    ]


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class CompareModel(QAbstractTableModel):
    """One row per project of either year; rebuilt from the document a moment after a change."""

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.columns = _columns()
        self.rows: list[CompareRow] = []
        self.last_year: Report | None = None  # a file chosen to compare against
        self.last_year_source = ""
        self._from_file: dict[int, PreviousYear] = {}
        self._dropped: list[Project] = []
        # Rows are made when the dock first shows (CompareDock._shown), not with the window:
        # sorting 5,000 rows nobody looks at was half of opening a district file.

    def set_last_year(self, report: Report | None, source: str = "") -> None:
        self.last_year = report
        self.last_year_source = source
        self.refresh()

    def forget(self) -> None:
        """No rows and no file of last year (a new document, while the dock is hidden)."""
        self.last_year, self.last_year_source = None, ""
        self._from_file, self._dropped = {}, []
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def has_previous(self) -> bool:
        return any(r.previous is not None for r in self.rows)

    def refresh(self) -> None:
        report = self._doc.report
        if self.last_year is not None:
            self._from_file, self._dropped = match_previous(report, self.last_year)
        else:
            self._from_file, self._dropped = {}, []
        rows: list[CompareRow] = []
        for project in report.projects:
            previous = self._from_file.get(project.uid) if self.last_year is not None \
                else project.previous
            rows.append(CompareRow(project.uid, project.seq, project.department, project.name,
                                   previous, project.budget.total, project.actual.total,
                                   project.rate_shown))
        year = self.last_year.year if self.last_year is not None else None
        for old in self._dropped:
            rows.append(CompareRow(None, "", old.department, old.name,
                                   PreviousYear(year, old.budget.total, old.actual.total,
                                                old.rate_shown),
                                   None, None, None))
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def totals(self, side: str) -> tuple[Decimal, Decimal, int]:
        """(last year's, this year's, how many projects) of ``side`` ("budget" or "actual") over
        the projects that have the figure in both years, so the change is like for like (an
        actual not yet filled in this year is not a fall to zero)."""
        zero = Decimal(0)
        old_sum, new_sum, count = zero, zero, 0
        for row in self.rows:
            if row.uid is None or row.previous is None:
                continue
            old: Decimal | None = getattr(row.previous, side)
            new: Decimal | None = getattr(row, side)
            if old is not None and new is not None:
                old_sum, new_sum, count = old_sum + old, new_sum + new, count + 1
        return old_sum, new_sum, count

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        value = column.value(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, Decimal):
                if column.kind == "change":
                    return _signed_amount(value)
                if column.kind == "change%":
                    return _signed_rate(value)
                if column.kind == "rate":
                    return money.format_rate(value)
                return money.format_amount(value, grouping=True)
            return value or ""
        if role == SortRole:
            return value
        if role == UidRole:
            return row.uid
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if column.kind == "text" else _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.uid is None:
                return QBrush(DROPPED_BACKGROUND)
            if row.previous is None:
                return QBrush(NEW_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.FontRole and column.kind == "change%" \
                and isinstance(value, Decimal) and abs(value) >= NOTABLE_CHANGE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "change%" and value is None \
                and row.previous is not None and row.uid is not None:
            return _tr("上年金额为 0 或空，无法计算增减幅度")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CompareSortProxy(QSortFilterProxyModel):
    """Numbers by value, text by text; an empty cell sorts after every figure either way."""

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a is None or a == "" or b is None or b == "":
            empty_a = a is None or a == ""
            empty_b = b is None or b == ""
            if empty_a == empty_b:
                return False
            # Qt reverses lessThan for a descending sort: keep empty cells at the bottom.
            return (not empty_a) if self.sortOrder() == Qt.SortOrder.AscendingOrder else empty_a
        if isinstance(a, Decimal) and isinstance(b, Decimal):
            return a < b
        if isinstance(a, str) and isinstance(b, str) and a.isdigit() and b.isdigit():
            return int(a) < int(b)
        return str(a) < str(b)


class CompareDock(QDockWidget):
    projectActivated = Signal(int)  # uid
    chooseFileRequested = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(_tr("与上年对比"), parent)
        self.setObjectName("compareDock")
        self._doc = doc
        self.model = CompareModel(doc, self)
        self.proxy = CompareSortProxy(self)
        self.proxy.setSourceModel(self.model)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.source_label = QLabel(body)
        self.source_label.setWordWrap(True)
        bar.addWidget(self.source_label, 1)
        self.choose_button = QPushButton(_tr("选择上年文件…"), body)
        self.choose_button.clicked.connect(self.chooseFileRequested)
        bar.addWidget(self.choose_button)
        layout.addLayout(bar)
        self.view = QTableView(body)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the report's own order first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        digit = self.fontMetrics().horizontalAdvance("0")
        for col, column in enumerate(self.model.columns):
            width = {"text": 10, "amount": 11, "change": 11, "change%": 10, "rate": 9}[column.kind]
            self.view.setColumnWidth(col, digit * width + 16)
        self.view.setColumnWidth(0, digit * 4 + 16)
        self.view.setColumnWidth(2, digit * 22 + 16)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        layout.addWidget(self.view, 1)
        self.totals_label = QLabel(body)
        layout.addWidget(self.totals_label)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        for signal in (doc.rowsInserted, doc.rowsRemoved, doc.rowsMoved, doc.seqChanged):
            signal.connect(self._schedule)
        doc.projectsChanged.connect(self._schedule)
        doc.reset.connect(self._document_replaced)
        self.visibilityChanged.connect(self._shown)
        self._describe()

    def _shown(self, visible: bool) -> None:
        if visible:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # Shown from the View menu, visibilityChanged may come only later: the rows (made when
        # the dock is first seen) must be there as it appears.
        super().showEvent(event)
        if not self.model.rows:
            self.refresh()

    def _schedule(self, *_args: object) -> None:
        # Kept current only while shown: a hidden dock costs nothing per keystroke.
        if self.isVisible():
            self._timer.start()

    def _document_replaced(self) -> None:
        if self.isVisible():
            self.model.set_last_year(None)
        else:
            self.model.forget()  # made afresh when the dock is shown
        self._describe()

    def refresh(self) -> None:
        self._timer.stop()
        self.model.refresh()
        self._describe()

    def set_last_year(self, report: Report, source: str) -> None:
        self.model.set_last_year(report, source)
        self._describe()

    def _describe(self) -> None:
        model = self.model
        if model.last_year is not None:
            matched = sum(1 for r in model.rows if r.uid is not None and r.previous is not None)
            text = _tr("上年数据来自「%1」：%2 个项目对上，本年新增 %3 个，上年有而本年无 %4 个") \
                .replace("%1", Path(model.last_year_source).name).replace("%2", str(matched)) \
                .replace("%3", str(sum(1 for r in model.rows if r.uid is not None and r.previous is None))) \
                .replace("%4", str(sum(1 for r in model.rows if r.uid is None)))
        elif model.has_previous():
            year = next((r.previous.year for r in model.rows if r.previous is not None), None)
            text = _tr("上年（%1 年）数据来自从上年文件新建时保留的数字").replace(
                "%1", str(year) if year else "?")
        else:
            text = _tr("本表没有上年数据：请选择上年的自评表进行对比（按部门名称和项目名称对应）")
        self.source_label.setText(text)
        if not model.has_previous():
            self.totals_label.setText("")
            return
        parts = []
        for side, label in (("budget", _tr("预算")), ("actual", _tr("实际支出"))):
            old, new, count = model.totals(side)
            if not count:
                parts.append(_tr("%1：本年尚未填写").replace("%1", label))
                continue
            amount, fraction = change(old, new)
            parts.append(_tr("%1 %2 → %3 万元（%4，%5；%6 个项目）").replace("%1", label)
                         .replace("%2", money.format_amount(old, grouping=True))
                         .replace("%3", money.format_amount(new, grouping=True))
                         .replace("%4", _signed_amount(amount))
                         .replace("%5", _signed_rate(fraction) or "—").replace("%6", str(count)))
        self.totals_label.setText(_tr("两年都有的数字合计：") + "；".join(parts))

    def _activated(self, index: QModelIndex) -> None:
        uid = index.data(UidRole)
        if isinstance(uid, int):
            self.projectActivated.emit(uid)


class Compare(QObject):
    """The View menu's 与上年对比 and the dock's 选择上年文件…"""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dock = CompareDock(window.doc, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.problems, self.dock)
        window.problems.raise_()
        self.dock.hide()
        self.dock.projectActivated.connect(self._select)
        self.dock.chooseFileRequested.connect(self.choose_file)
        self.action: QAction = self.dock.toggleViewAction()
        self.action.setText(_tr("与上年对比"))
        # Tabbed with the problems panel: chosen from the View menu, it comes to the front.
        # (After the event loop has put the shown dock back in its tab bar.)
        self.action.toggled.connect(lambda on: QTimer.singleShot(0, self.dock.raise_) if on else None)
        append_to_menu_of(window.problems.toggleViewAction(), [self.action])

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.dock.refresh()

    def _select(self, uid: int) -> None:
        self._window.select_finding(uid, "budget.total")

    def choose_file(self) -> None:
        path = self._window.choose_file(_tr("选择上年的自评表"))
        if path is not None:
            self.compare_with(path)

    def compare_with(self, path: Path) -> None:
        self._window.open_path(path, ask=False, then=self._loaded)

    def _loaded(self, path: Path, report: Report, _checker: Checker) -> None:
        self.dock.set_last_year(report, str(path))
        self.show()
        self._window.show_message(_tr("已载入上年数据：%1").replace("%1", path.name))


def install(window: MainWindow) -> Compare:
    return Compare(window)
