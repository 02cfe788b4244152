"""Which of a file's columns is which field of the form, when the header words do not say.

A reader raises ``HeaderNeedsMapping`` when it found a header but could not recognise a needed
column (项目名称, 预算金额, 实际支出). The dialog shows the file's headings beside the form's fields,
each field with a choice of the file's columns, the recognised ones chosen already and the
needed ones that are still missing highlighted. The answer is remembered per header signature
(the same template next year, or another department's copy of it, is read without asking).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evaldesk.core.layout import SUMMARY_COLUMNS
from evaldesk.io.grid import NEEDED_FIELDS, HeaderInfo, field_label_short
from evaldesk.ui import i18n

SETTINGS_GROUP = "columnMappings"
NEEDED_BACKGROUND = QColor("#fdebc8")
MISSING_BACKGROUND = QColor("#f9d6d5")
_NEEDED_KEYS = frozenset(key for group in NEEDED_FIELDS for key in group)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how a clerk names a column in Excel or WPS."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _settings_key(signature: str) -> str:
    # QSettings keys may not hold every character a heading has ("/" nests groups): a hash.
    import hashlib

    return f"{SETTINGS_GROUP}/{hashlib.sha1(signature.encode('utf-8')).hexdigest()}"


def remembered_mapping(signature: str) -> dict[str, int] | None:
    value = i18n.settings().value(_settings_key(signature))
    if not isinstance(value, str):
        return None
    try:
        stored = json.loads(value)
    except ValueError:
        return None
    if not isinstance(stored, dict) or stored.get("signature") != signature:
        return None
    mapping = stored.get("mapping")
    if not isinstance(mapping, dict):
        return None
    return {str(k): int(v) for k, v in mapping.items() if isinstance(v, int)}


def remember_mapping(signature: str, mapping: Mapping[str, int]) -> None:
    i18n.settings().setValue(_settings_key(signature), json.dumps(
        {"signature": signature, "mapping": dict(mapping)}, ensure_ascii=False))


def satisfies_needed(mapping: Mapping[str, int]) -> list[str]:
    """The needed fields (first of each group) the mapping still lacks."""
    return [group[0] for group in NEEDED_FIELDS if not any(k in mapping for k in group)]


class MappingDialog(QDialog):
    """The file's columns on the left, the form's fields with a column choice on the right."""

    def __init__(self, info: HeaderInfo, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("指定各列对应的栏目"))
        self.info = info
        self._headings = dict(info.headings)
        layout = QVBoxLayout(self)
        missing = "、".join(f"「{field_label_short(k)}」" for k in info.missing)
        intro = QLabel(self.tr("文件「%1」的表头中没有认出 %2 列。请为这些栏目选出文件中对应的列；"
                               "已认出的栏目已经选好，可以更改。")
                       .replace("%1", Path(source).name).replace("%2", missing), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        panes = QHBoxLayout()
        self.file_columns = QTableWidget(len(info.headings), 2, self)
        self.file_columns.setHorizontalHeaderLabels([self.tr("列"), self.tr("文件中的表头")])
        self._heading_items: list[QTableWidgetItem] = []
        for row, (col, text) in enumerate(info.headings):
            self.file_columns.setItem(row, 0, QTableWidgetItem(column_letter(col)))
            item = QTableWidgetItem(text)
            self.file_columns.setItem(row, 1, item)
            self._heading_items.append(item)
        self._read_only(self.file_columns)
        panes.addWidget(self.file_columns, 2)

        self.fields = QTableWidget(len(SUMMARY_COLUMNS), 2, self)
        self.fields.setHorizontalHeaderLabels([self.tr("自评表栏目"), self.tr("文件中的列")])
        self.combos: dict[str, QComboBox] = {}
        self._field_items: list[QTableWidgetItem] = []
        for row, column in enumerate(SUMMARY_COLUMNS):
            needed = column.key in _NEEDED_KEYS
            label = QTableWidgetItem(field_label_short(column.key) + (self.tr("（必需）") if needed else ""))
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.fields.setItem(row, 0, label)
            self._field_items.append(label)
            combo = QComboBox(self.fields)
            combo.addItem(self.tr("（无）"), -1)
            for col, text in info.headings:
                combo.addItem(f"{column_letter(col)} 列：{text}", col)
            chosen = info.matched.get(column.key)
            if chosen is not None:
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(lambda _i, key=column.key: self._chosen(key))
            self.fields.setCellWidget(row, 1, combo)
            self.combos[column.key] = combo
        self._read_only(self.fields)
        panes.addWidget(self.fields, 3)
        layout.addLayout(panes, 1)

        self.remember = QCheckBox(self.tr("记住这种表头的对应关系（表头相同的文件不再询问）"), self)
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b3261e")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(980, 640)
        self._refresh()
        first_missing = next((r for r, c in enumerate(SUMMARY_COLUMNS) if c.key in info.missing), 0)
        self.fields.scrollToItem(self._field_items[first_missing],
                                 QAbstractItemView.ScrollHint.PositionAtCenter)

    @staticmethod
    def _read_only(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

    def choose(self, key: str, column: int | None) -> None:
        """Pick the file column for a field (None: no column), as the clerk would."""
        combo = self.combos[key]
        combo.setCurrentIndex(0 if column is None else max(0, combo.findData(column)))

    def _chosen(self, key: str) -> None:
        column = self.combos[key].currentData()
        if isinstance(column, int) and column >= 0:
            # One file column is one field: choosing it here takes it from any other field.
            for other, combo in self.combos.items():
                if other != key and combo.currentData() == column:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._refresh()

    def mapping(self) -> dict[str, int]:
        chosen: dict[str, int] = {}
        for key, combo in self.combos.items():
            column = combo.currentData()
            if isinstance(column, int) and column >= 0:
                chosen[key] = column
        return chosen

    def _refresh(self) -> None:
        mapping = self.mapping()
        lacking = satisfies_needed(mapping)
        lacking_keys = {k for group in NEEDED_FIELDS if group[0] in lacking for k in group}
        for item, column in zip(self._field_items, SUMMARY_COLUMNS, strict=True):
            if column.key in lacking_keys:
                item.setBackground(QBrush(MISSING_BACKGROUND))
            elif column.key in _NEEDED_KEYS:
                item.setBackground(QBrush(NEEDED_BACKGROUND))
            else:
                item.setBackground(QBrush())
        used = {c: k for k, c in mapping.items()}
        for item, (col, _text) in zip(self._heading_items, self.info.headings, strict=True):
            key = used.get(col)
            item.setToolTip(field_label_short(key) if key else self.tr("不导入"))
            item.setForeground(QBrush(QColor("#000000" if key else "#8a8a8a")))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not lacking)
        self.problem.setText("" if not lacking else self.tr("还需指定：%1").replace(
            "%1", "、".join(f"「{field_label_short(k)}」" for k in lacking)))


def ask_mapping(parent: QWidget | None, source: str, info: HeaderInfo) -> dict[str, int] | None:
    """Show the dialog; the clerk's mapping (remembered if asked), or None when cancelled."""
    dialog = MappingDialog(info, source, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        mapping = dialog.mapping()
        if dialog.remember.isChecked():
            remember_mapping(info.signature, mapping)
        return mapping
    finally:
        dialog.deleteLater()


def resolve_mapping(parent: QWidget | None, source: str, info: HeaderInfo, *,
                    tried_remembered: bool) -> tuple[dict[str, int] | None, bool]:
    """A remembered mapping for this header (first try), else the clerk's answer.

    Returns (mapping or None when cancelled, whether it was the remembered one).
    """
    if not tried_remembered:
        known = remembered_mapping(info.signature)
        if known and not satisfies_needed(known):
            return known, True
    return ask_mapping(parent, source, info), False
