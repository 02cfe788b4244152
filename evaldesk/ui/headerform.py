"""The report's own lines above and below the table, editable through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from evaldesk.ui.document import Document


class HeaderForm(QWidget):
    """标题, 年度, 单位, 部门名称(盖章); 单位负责人, 填表人, 联系电话, 填报日期 — as on the paper."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.edits: dict[str, QLineEdit] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 4)
        outer.setSpacing(4)
        # (field, label, fixed width in characters; 0 = takes the free space)
        rows = (
            (("title", self.tr("标题"), 0), ("year", self.tr("年度"), 6), ("unit", self.tr("单位"), 6)),
            (("department", self.tr("部门名称(盖章)"), 0), ("head", self.tr("单位负责人"), 9),
             ("preparer", self.tr("填表人"), 9), ("phone", self.tr("联系电话"), 14),
             ("fill_date", self.tr("填报日期"), 13)),
        )
        char = self.fontMetrics().horizontalAdvance("中")
        for row in rows:
            line = QHBoxLayout()
            line.setSpacing(6)
            for name, label, chars in row:
                caption = QLabel(label + "：", self)
                edit = QLineEdit(self)
                edit.setObjectName(f"header_{name}")
                caption.setBuddy(edit)
                if chars:
                    # Short fields give way (down to about two thirds) before the department
                    # and title fields get too narrow to show a name, e.g. beside the form dock.
                    edit.setMaximumWidth(chars * char + 12)
                    edit.setMinimumWidth(int(chars * char * 0.6) + 12)
                else:
                    edit.setMinimumWidth(10 * char + 12)
                line.addWidget(caption)
                line.addWidget(edit, 0 if chars else 1)
                line.addSpacing(10)
                edit.editingFinished.connect(lambda n=name: self._commit(n))
                self.edits[name] = edit
            outer.addLayout(line)
        self.edits["year"].setMaxLength(4)
        self.edits["year"].setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self))
        self.edits["year"].setPlaceholderText("2021")
        self.edits["unit"].setPlaceholderText("万元")
        self.edits["phone"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        doc.headerChanged.connect(self._show)
        for name in self.edits:
            self._show(name)

    def _commit(self, name: str) -> None:
        self._doc.set_header_line(name, self.edits[name].text())

    def _show(self, name: str) -> None:
        edit = self.edits.get(name)
        if edit is None:
            return
        value = self._doc.get_header(name)
        if edit.text() != value:
            edit.setText(value)
        if name in ("title", "year", "department"):
            self.edits["title"].setPlaceholderText(self._doc.report.default_title())
