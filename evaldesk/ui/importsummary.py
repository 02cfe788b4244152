"""读入情况: what the reader made of a file not in evaldesk's own layout, shown on opening it.

Before trusting the checks of a form laid out by another bureau, a clerk sees which heading
became which field, what was converted ("150万" → 150 万元, 元 → 万元), which rows were taken as
不适用 and what found no place, each with its cell. The data is the reader's
``evaldesk.core.import_summary.ImportSummary``; this is only its view.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core.import_summary import EntryKind, ImportSummary
from evaldesk.ui import i18n

SHOW_ON_OPEN_KEY = "importSummary/showOnOpen"
UNPLACED_BACKGROUND = QColor("#f9d6d5")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportSummaryDialog", text)


def kind_titles() -> dict[EntryKind, str]:
    return {
        EntryKind.HEADING: _tr("识别的表头"),
        EntryKind.CONVERTED: _tr("换算的数值"),
        EntryKind.NOT_APPLICABLE: _tr("按不适用读入"),
        EntryKind.UNPLACED: _tr("未能归位（未导入，请核对）"),
    }


def show_on_open() -> bool:
    value = i18n.settings().value(SHOW_ON_OPEN_KEY, True)
    return value not in (False, "false", "0", 0)


def worth_showing(summary: ImportSummary | None) -> bool:
    """Our own files and a standard header read as is have nothing to tell."""
    return summary is not None and bool(summary.entries)


class ImportSummaryDialog(QDialog):
    def __init__(self, summary: ImportSummary, parent: QWidget | None = None,
                 profile: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("读入情况 - %1").replace("%1", summary.source))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "此文件不是本软件保存的格式，已按表中文字读入。请先核对下列对应关系，再看检查结果。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        sheets = {e.sheet for e in summary.entries}
        one_sheet = len(sheets) == 1 and "" not in sheets
        where = self.tr("识别为：%1").replace("%1", summary.layout or "—")
        if one_sheet:
            where += self.tr("　工作表：%1").replace("%1", next(iter(sheets)))
        self.layout_label = QLabel(where)
        self.layout_label.setWordWrap(True)
        bold = QFont(self.layout_label.font())
        bold.setBold(True)
        self.layout_label.setFont(bold)
        layout.addWidget(self.layout_label)
        # The scores and several checks follow the profile: said where the clerk checks the
        # reading, not only in a status message that is gone a few seconds later.
        self.profile_label = QLabel(profile)
        self.profile_label.setWordWrap(True)
        self.profile_label.setVisible(bool(profile))
        layout.addWidget(self.profile_label)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("单元格"), self.tr("表中文字"), self.tr("读作")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 230)
        titles = kind_titles()
        for kind in (EntryKind.UNPLACED, EntryKind.CONVERTED, EntryKind.NOT_APPLICABLE,
                     EntryKind.HEADING):
            entries = sorted(summary.of_kind(kind), key=lambda e: e.order)
            group = QTreeWidgetItem([f"{titles[kind]}（{len(entries)}）"])
            group.setFirstColumnSpanned(True)
            group_font = QFont(group.font(0))
            group_font.setBold(True)
            group.setFont(0, group_font)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for entry in entries:
                cell = entry.cell if one_sheet else "!".join(
                    p for p in (entry.sheet, entry.cell) if p)
                text = " ".join(entry.text.split())  # a heading's line breaks are print's
                item = QTreeWidgetItem([cell, text, entry.meaning])
                item.setToolTip(1, entry.text)
                item.setToolTip(2, entry.meaning)
                if kind is EntryKind.UNPLACED:
                    for column in range(3):
                        item.setBackground(column, QBrush(UNPLACED_BACKGROUND))
                group.addChild(item)
            # What needs the clerk's eye is open; the long list of recognised headings too,
            # unless there is something more pressing above it.
            group.setExpanded(bool(entries))
        layout.addWidget(self.tree, 1)

        self.show_again = QCheckBox(self.tr("打开其他格式的表格时显示此窗口"))
        self.show_again.setChecked(show_on_open())
        self.show_again.toggled.connect(
            lambda on: i18n.settings().setValue(SHOW_ON_OPEN_KEY, bool(on)))
        layout.addWidget(self.show_again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def group_counts(self) -> dict[str, int]:
        """Each group's heading and how many entries it lists (for tests and screenshots)."""
        counts: dict[str, int] = {}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None:
                counts[item.text(0)] = item.childCount()
        return counts
