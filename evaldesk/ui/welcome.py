"""The first page a clerk sees when evaldesk starts without a file: what to do next.

New, Open, 从上年文件新建 (the most common start), the recent files and the bundled example, in
place of an empty table. The page steps aside as soon as there is a document to show — a file
opened by any route, a new blank table, or the first edit — and comes back for nothing else.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evaldesk.ui import i18n

if TYPE_CHECKING:
    from evaldesk.ui.mainwindow import MainWindow

EXAMPLE_NAME = "2021年度区信访局预算项目绩效自评表.xlsx"


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files _tr() under no context


def example_path() -> Path | None:
    """The bundled example: beside the package in a checkout, in the bundle when frozen."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    path = base / "examples" / EXAMPLE_NAME
    return path if path.exists() else None


def recent_files() -> list[Path]:
    value = i18n.settings().value("files/recent", [])
    entries: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [Path(str(e)) for e in entries if Path(str(e)).exists()]


class WelcomePage(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("welcomePage")
        self._window = window
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 40)
        title = QLabel(_tr("预算项目绩效自评表"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        hint = QLabel(_tr("每年最常见的做法：打开上年的表，生成本年度的新表，再逐项修改金额和完成情况。"),
                      self)
        hint.setWordWrap(True)
        outer.addWidget(hint)
        outer.addSpacing(16)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("last_year", _tr("从上年文件新建…"), self._new_from_last_year),
            ("open", _tr("打开…"), window.open_dialog),
            ("new", _tr("新建空白表"), self._new_blank),
            ("example", _tr("打开示例"), self._open_example),
        ):
            button = QPushButton(text, self)
            button.setMinimumHeight(44)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        self.buttons["last_year"].setDefault(True)
        self.buttons["example"].setEnabled(example_path() is not None)
        outer.addLayout(buttons)
        outer.addSpacing(20)

        outer.addWidget(QLabel(_tr("最近打开的文件"), self))
        self.recent = QListWidget(self)
        self.recent.itemActivated.connect(self._open_recent)
        outer.addWidget(self.recent, 1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in recent_files():
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not self.recent.count():
            placeholder = QListWidgetItem(_tr("（还没有打开过文件）"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self._window.open_path(Path(str(path)))

    def _open_example(self) -> None:
        path = example_path()
        if path is not None:
            self._window.open_path(path, ask=False)

    def _new_from_last_year(self) -> None:
        self._window.newyear.act_new_from_last_year.trigger()

    def _new_blank(self) -> None:
        self._window.new_file()  # a fresh document: the switch shows the editor on its reset


class WelcomeSwitch(QObject):
    """Shows the welcome page or the editor in the window's central area.

    A QObject child of the window, so that the document's signals stop reaching it when the
    window is gone (the document may outlive its window).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        editor = window.takeCentralWidget()
        assert editor is not None, "the window builds its editor before the welcome page"
        self.stack = QStackedWidget(window)
        self.page = WelcomePage(window)
        self.stack.addWidget(self.page)
        self.stack.addWidget(editor)
        window.setCentralWidget(self.stack)
        self._editor = editor
        doc = window.doc
        # A new or opened document (reset), or anything typed into the blank one, is a document
        # to show; the page never comes back while the window lives.
        doc.reset.connect(self.show_editor)
        doc.undo_stack.indexChanged.connect(self.show_editor)
        self._hidden_docks: list[QDockWidget] = []
        if doc.path is not None or doc.report.projects:
            self.show_editor()
        else:
            self.stack.setCurrentWidget(self.page)
            # After the window has restored its saved layout, which would show the docks again.
            QTimer.singleShot(0, self._hide_docks)

    def _hide_docks(self) -> None:
        """The problems panel and the project form say nothing about no document."""
        if not self.showing_welcome:
            return
        for dock in self.window.findChildren(QDockWidget):
            if dock.isVisible():
                dock.hide()
                self._hidden_docks.append(dock)

    @property
    def showing_welcome(self) -> bool:
        return self.stack.currentWidget() is self.page

    @Slot()
    @Slot(int)
    def show_editor(self, *_args: object) -> None:
        if self.stack.currentWidget() is not self._editor:
            self.stack.setCurrentWidget(self._editor)
            for dock in self._hidden_docks:
                dock.show()
            self._hidden_docks.clear()
            self.window.table.setFocus()


def install(window: MainWindow) -> WelcomeSwitch:
    return WelcomeSwitch(window)
