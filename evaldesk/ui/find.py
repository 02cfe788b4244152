"""查找和替换 (Ctrl+F / Ctrl+H): a small non-modal dialog over the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from evaldesk.ui import operations

if TYPE_CHECKING:
    from evaldesk.ui.mainwindow import MainWindow


class FindDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setWindowTitle(self.tr("查找和替换"))
        self.find_edit = QLineEdit(self)
        self.replace_edit = QLineEdit(self)
        self.backwards = QCheckBox(self.tr("向上查找"), self)
        self.result_label = QLabel(self)
        self.next_button = QPushButton(self.tr("查找下一个"), self)
        self.replace_button = QPushButton(self.tr("替换"), self)
        self.replace_all_button = QPushButton(self.tr("全部替换"), self)
        close = QPushButton(self.tr("关闭"), self)
        grid = QGridLayout(self)
        self.replace_label = QLabel(self.tr("替换为："), self)
        grid.addWidget(QLabel(self.tr("查找内容："), self), 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.replace_button, 1, 2)
        grid.addWidget(self.backwards, 2, 1)
        grid.addWidget(self.replace_all_button, 2, 2)
        grid.addWidget(self.result_label, 3, 0, 1, 2)
        grid.addWidget(close, 3, 2)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.hide)
        self.resize(460, self.sizeHint().height())

    def show_for(self, replace: bool) -> None:
        for widget in (self.replace_label, self.replace_edit, self.replace_button,
                       self.replace_all_button):
            widget.setVisible(replace)
        self.setWindowTitle(self.tr("查找和替换") if replace else self.tr("查找"))
        current = self._window.table.currentIndex()
        if current.isValid() and not self.find_edit.text():
            self.find_edit.setText(str(current.data() or "")[:40])
        self.find_edit.selectAll()
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()

    def _start(self) -> tuple[int, int]:
        current = self._window.table.currentIndex()
        if current.isValid():
            return current.row(), current.column()
        return (len(self._window.doc.projects) - 1, 30) if not self.backwards.isChecked() else (0, 0)

    def find_next(self) -> bool:
        cell = operations.find_next(self._window.doc, self.find_edit.text(), self._start(),
                                    forward=not self.backwards.isChecked())
        if cell is None:
            self.result_label.setText(self.tr("找不到「%1」").replace("%1", self.find_edit.text()))
            return False
        self.result_label.clear()
        self._window.select_cell(*cell)
        self.activateWindow()
        return True

    def replace_one(self) -> None:
        current = self._window.table.currentIndex()
        needle = self.find_edit.text()
        if current.isValid() and needle and needle in str(current.data(2) or ""):
            operations.replace(self._window.doc, (current.row(), current.column()),
                               needle, self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> None:
        count = operations.replace_all(self._window.doc, self.find_edit.text(),
                                       self.replace_edit.text())
        self.result_label.setText(self.tr("已替换 %n 处").replace("%n", str(count)))
