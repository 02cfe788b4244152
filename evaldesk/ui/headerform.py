"""The report's own lines above and below the table, editable through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from evaldesk.ui.document import Document


class HeaderForm(QWidget):
    """标题, 年度, 单位, 部门名称(盖章); 单位负责人, 填表人, 联系电话, 填报日期 — as on the paper."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 2)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        rows = (
            (("title", self.tr("标题"), 5), ("year", self.tr("年度"), 1), ("unit", self.tr("单位"), 1)),
            (("department", self.tr("部门名称(盖章)"), 3), ("head", self.tr("单位负责人"), 1),
             ("preparer", self.tr("填表人"), 1), ("phone", self.tr("联系电话"), 1),
             ("fill_date", self.tr("填报日期"), 1)),
        )
        for r, row in enumerate(rows):
            col = 0
            for name, label, stretch in row:
                caption = QLabel(label + "：", self)
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                edit = QLineEdit(self)
                edit.setObjectName(f"header_{name}")
                edit.setClearButtonEnabled(False)
                caption.setBuddy(edit)
                grid.addWidget(caption, r, col)
                span = 3 if (r == 0 and name == "title") else 1
                grid.addWidget(edit, r, col + 1, 1, span)
                for c in range(col + 1, col + 1 + span):
                    grid.setColumnStretch(c, max(grid.columnStretch(c), stretch))
                col += 1 + span
                edit.editingFinished.connect(lambda n=name: self._commit(n))
                self.edits[name] = edit
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
