"""The report's own lines above and below the table, editable through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSize, Qt
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from evaldesk.ui.document import Document


class HeaderForm(QWidget):
    """标题, 年度, 单位, 部门名称(盖章); 单位负责人, 填表人, 联系电话, 填报日期 — as on the paper."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.edits: dict[str, QLineEdit] = {}
        self._captions: dict[str, QLabel] = {}
        self._narrow: bool | None = None
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 4)
        outer.setSpacing(4)
        # (field, label, fixed width in characters; 0 = takes the free space)
        fields = (("title", self.tr("标题"), 0), ("year", self.tr("年度"), 6), ("unit", self.tr("单位"), 6),
                  ("department", self.tr("部门名称(盖章)"), 0), ("head", self.tr("单位负责人"), 9),
                  ("preparer", self.tr("填表人"), 9), ("phone", self.tr("联系电话"), 14),
                  ("fill_date", self.tr("填报日期"), 13))
        self._stretch = {name: not chars for name, _label, chars in fields}
        char = self.fontMetrics().horizontalAdvance("中")
        for name, label, chars in fields:
            caption = QLabel(self.tr("%1：").replace("%1", label), self)
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
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            self.edits[name] = edit
            self._captions[name] = caption
        self._rows = [QHBoxLayout() for _ in range(3)]
        for row in self._rows:
            row.setSpacing(6)
            outer.addLayout(row)
        self._arrange(narrow=False)
        self.edits["year"].setMaxLength(4)
        self.edits["year"].setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self))
        self.edits["year"].setPlaceholderText("2021")
        self.edits["unit"].setPlaceholderText("万元")
        self.edits["phone"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        doc.headerChanged.connect(self._show)
        for name in self.edits:
            self._show(name)

    # Two lines as on the paper where there is room; on a small screen (1024 px, or beside the
    # project form at 1366 px) the second line's fields wrap onto a third, so the header never
    # makes the window wider than the screen.
    WIDE = (("title", "year", "unit"), ("department", "head", "preparer", "phone", "fill_date"), ())
    NARROW = (("title", "year", "unit"), ("department", "head", "preparer"), ("phone", "fill_date"))

    def _row_width(self, names: tuple[str, ...]) -> int:
        if not names:
            return 0
        row = self._rows[0]
        width = 0
        for name in names:
            edit = self.edits[name]
            width += self._captions[name].sizeHint().width() + max(edit.minimumWidth(), 1)
        return width + row.spacing() * (2 * len(names) - 1) + 10 * len(names)

    def _min_width(self, arrangement: tuple[tuple[str, ...], ...]) -> int:
        margins = self._outer.contentsMargins()
        return max(self._row_width(names) for names in arrangement) + margins.left() + margins.right()

    def _arrange(self, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for row in self._rows:
            while row.count():
                row.takeAt(0)
        for row, names in zip(self._rows, self.NARROW if narrow else self.WIDE, strict=True):
            for name in names:
                row.addWidget(self._captions[name])
                row.addWidget(self.edits[name], 1 if self._stretch[name] else 0)
                row.addSpacing(10)
            if names and not any(self._stretch[n] for n in names):
                row.addStretch(1)
        for name in self.edits:
            self._captions[name].show()
        self.updateGeometry()

    @property
    def narrow(self) -> bool:
        return bool(self._narrow)

    def minimumSizeHint(self) -> QSize:
        # At least room for a whole title in the first line (about 50 characters with the
        # labels) whatever the language: the window's minimum then does not change when the
        # clerk switches to English, whose labels are a little longer.
        floor = 50 * self.fontMetrics().horizontalAdvance("中")
        hint = super().minimumSizeHint()
        return QSize(max(self._min_width(self.NARROW), floor), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(narrow=event.size().width() < self._min_width(self.WIDE))
        super().resizeEvent(event)

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
