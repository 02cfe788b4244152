"""File → 从执行数据导入…: the year's figures from the budget system's spending export.

``core.fill`` plans every change before anything is touched; here the clerk sees the plan
(project, field, old → new; names that are only close, to confirm one by one; rows and projects
that matched nothing) and applies it as one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core.fields import edit_order
from evaldesk.core.fill import FillPlan, Match, MatchKind, field_name, plan_fill
from evaldesk.core.money import format_amount
from evaldesk.ui.document import CellChange, Document
from evaldesk.ui.menus import insert_after

if TYPE_CHECKING:
    from evaldesk.io.read_export import ExportTable
    from evaldesk.ui.mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


def _amount(value: object) -> str:
    if value is None or value == "":
        return _tr("（空）")
    return format_amount(value) if isinstance(value, Decimal) else str(value)


class FillPreview(QDialog):
    """What the export will change; close names are unticked until the clerk ticks them."""

    def __init__(self, table: ExportTable, plan: FillPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("从执行数据导入：预览"))
        self.plan = plan
        layout = QVBoxLayout(self)
        unit = (_tr("金额单位：%1").replace("%1", table.unit) if table.unit_stated
                else _tr("文件未注明金额单位，按「元」换算；如不对，请取消后在文件中注明单位"))
        if table.unit == "元":
            unit += _tr("（已精确换算为万元）")
        certain = sum(1 for m in plan.matches if not m.needs_confirmation)
        self.summary = QLabel(
            _tr("「%1」：%2 个项目的数据，其中 %3 个与本表项目对应，%4 个名称相近待确认。%5")
            .replace("%1", Path(table.source).name).replace("%2", str(plan.entry_count))
            .replace("%3", str(certain)).replace("%4", str(len(plan.close_matches)))
            .replace("%5", unit))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_tr("项目 / 字段"), _tr("原值"), _tr("新值"), _tr("依据")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setUniformRowHeights(True)
        self._match_items: dict[int, QTreeWidgetItem] = {}
        for match in plan.matches:
            self._add_match(match)
        self._add_list(_tr("导出表中有、本表中找不到的项目（未导入）"),
                       [f"{e.label}（第 {'、'.join(map(str, e.lines))} 行）"
                        for e in plan.unmatched_entries])
        self._add_list(_tr("名称在本表中出现多次、无法确定的（未导入）"),
                       [f"{e.label} → {'、'.join(names)}" for e, names in plan.ambiguous])
        self._add_list(_tr("本表中有、导出表中没有的项目（未改动）"),
                       [f"{p.seq} {p.name}".strip() for p in plan.unmatched_projects])
        self._add_list(_tr("未读取的行"), table.skipped)
        layout.addWidget(self.tree, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(_tr("应用"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.itemChanged.connect(lambda *_: self._update_button())
        self._update_button()
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(900, screen.width() - 40) if screen else 900
        height = min(640, screen.height() - 80) if screen else 640
        self.resize(width, height)

    def _add_match(self, match: Match) -> None:
        how = {MatchKind.CODE: _tr("项目编码相同"), MatchKind.NAME: _tr("项目名称相同"),
               MatchKind.CLOSE: _tr("名称相近（%1%）：导出表为「%2」，请勾选确认")
               .replace("%1", str(round(match.similarity * 100))).replace("%2", match.entry.name)}
        top = QTreeWidgetItem([match.project_name, "", "", how[match.kind]])
        top.setToolTip(3, how[match.kind])
        if match.needs_confirmation:
            top.setCheckState(0, Qt.CheckState.Unchecked)
            # The reason to tick or not is the other name: give it the whole width.
            hint = QTreeWidgetItem(top, [how[match.kind]])
            hint.setFirstColumnSpanned(True)
            top.setText(3, _tr("名称相近，请确认"))
        if not match.changes:
            top.setText(1, _tr("数字相同，无需改动"))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for change in match.changes:
            old = _amount(change.old)
            if change.carried:
                old = _tr("%1（上年数）").replace("%1", old)
            item = QTreeWidgetItem(top, [field_name(change.key), old, _amount(change.new), ""])
            item.setTextAlignment(1, right)
            item.setTextAlignment(2, right)
        self.tree.addTopLevelItem(top)
        top.setExpanded(True)
        self._match_items[match.project_uid] = top

    def _add_list(self, title: str, lines: Sequence[str]) -> None:
        if not lines:
            return
        top = QTreeWidgetItem([f"{title}：{len(lines)}"])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        for line in lines:
            QTreeWidgetItem(top, [line]).setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(top)
        top.setFirstColumnSpanned(True)
        top.setExpanded(True)

    def confirmed(self) -> list[int]:
        return [m.project_uid for m in self.plan.close_matches
                if self._match_items[m.project_uid].checkState(0) == Qt.CheckState.Checked]

    def set_confirmed(self, uid: int, on: bool = True) -> None:
        self._match_items[uid].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_button(self) -> None:
        self.apply_button.setEnabled(bool(self.plan.changes(self.confirmed())))


def fill_changes(plan: FillPlan, confirmed: Sequence[int]) -> list[CellChange]:
    changes = [CellChange(uid, c.key, c.new) for uid, c in plan.changes(confirmed)]
    return sorted(changes, key=lambda c: edit_order(c.key))


def apply_plan(doc: Document, plan: FillPlan, confirmed: Sequence[int]) -> int:
    """One undo step for the whole import; how many projects it changed."""
    changes = fill_changes(plan, confirmed)
    if not changes:
        return 0
    projects = len({c.uid for c in changes})
    doc.set_cells(changes, _tr("从执行数据导入（%n 个项目）").replace("%n", str(projects)))
    return projects


class FillFromExport:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.act_fill = QAction(_tr("从执行数据导入(&I)…"), window)
        self.act_fill.setStatusTip(
            _tr("从预算管理一体化系统或财务软件导出的执行数据（.xlsx/.xls/.csv）填入预算数和支出数，先预览再应用"))
        self.act_fill.triggered.connect(lambda _c=False: self.choose())
        window.addAction(self.act_fill)
        insert_after(window.newyear.act_new_from_last_year, [self.act_fill])
        self.last_dialog: FillPreview | None = None

    def choose(self) -> None:
        path = self._window.choose_file(
            _tr("选择执行数据导出文件"),
            _tr("执行数据 (*.xlsx *.xls *.xlsm *.ods *.csv *.txt *.htm *.html);;所有文件 (*)"))
        if path is not None:
            self.fill_from(path)

    def fill_from(self, path: Path) -> int:
        """Read, preview, apply what the clerk accepts; the number of projects changed."""
        from evaldesk.io import ReadError
        from evaldesk.io.read_export import read_export

        window = self._window
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            table = read_export(path)
        except ReadError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(window, _tr("无法导入执行数据"), f"{path}\n\n{error.reason}")
            return 0
        plan = plan_fill(window.doc.report, table.rows)
        QApplication.restoreOverrideCursor()
        dialog = FillPreview(table, plan, window)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        count = apply_plan(window.doc, plan, dialog.confirmed())
        window.show_message(_tr("已从「%1」导入 %n 个项目的预算数和支出数（可撤销）")
                            .replace("%1", path.name).replace("%n", str(count)))
        return count


def install(window: MainWindow) -> FillFromExport:
    return FillFromExport(window)
