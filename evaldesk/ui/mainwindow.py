"""The main window: the report's lines, the table, the problems panel, menus and files."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QPoint,
    QProcess,
    QRect,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from evaldesk.core import money
from evaldesk.core.layout import COLUMN_INDEX, SUMMARY_COLUMNS
from evaldesk.core.province import MOF, Proposal, propose_profile
from evaldesk.core.records import Report
from evaldesk.core.rules import Checker
from evaldesk.ui import (
    compare,
    filedialogs,
    fillui,
    i18n,
    mergeui,
    newyear,
    operations,
    projectform,
    selfreport,
    welcome,
)
from evaldesk.ui.document import Document
from evaldesk.ui.find import FindDialog
from evaldesk.ui.headerform import HeaderForm
from evaldesk.ui.messagebar import MessageBar
from evaldesk.ui.model import ProjectTableModel
from evaldesk.ui.problems import ProblemsDock
from evaldesk.ui.recovery import DocumentGuard
from evaldesk.ui.view import FrozenTableView
from evaldesk.ui.workers import Task, snapshot, start_load, start_save

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from evaldesk.ui.preview import PaperChoice

Shortcut = QKeySequence | QKeySequence.StandardKey | str
MAX_RECENT = 8
OPEN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".txt", ".tsv", ".csv", ".htm", ".html")
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
DEFAULT_SIZE = (1400, 860)  # on a screen with room for it; smaller screens start maximised
FRAME_ALLOWANCE = (16, 40)  # a title bar and borders, until the window manager says


class MainWindow(QMainWindow):
    def __init__(self, doc: Document | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.doc = doc if doc is not None else Document()
        self._task: Task | None = None
        self._after_save: Callable[[], None] | None = None
        self._closing = False
        # Before the title is connected: the guard decides read-only before the title shows it.
        self.guard = DocumentGuard(self)

        self.model = ProjectTableModel(self.doc, self)
        self.table = FrozenTableView(self)
        self.table.setModel(self.model)
        self.header_form = HeaderForm(self.doc, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.message_bar = MessageBar(central)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.header_form)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)
        self.problems = ProblemsDock(self.doc, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.problems.findingActivated.connect(self.select_finding)
        self.problems.editRequested.connect(self.edit_finding_cell)
        self._build_status_bar()
        self._build_actions()
        self.setAcceptDrops(True)
        self._apply_column_widths()
        for view in (self.table, self.table.frozen):
            view.clearRequested.connect(self.clear_cells)
            view.cell_delegate.refused.connect(self.show_message)
        self.doc.message.connect(self.show_message)
        self.doc.undo_stack.cleanChanged.connect(self._update_title)
        self.doc.pathChanged.connect(self._update_title)
        self.doc.projectsChanged.connect(self._schedule_status)
        for signal in (self.doc.rowsInserted, self.doc.rowsRemoved, self.doc.reset):
            signal.connect(self._schedule_status)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(30)
        self._status_timer.timeout.connect(self.update_status)
        self._find: FindDialog | None = None
        self.project_form = projectform.install(self)
        self.newyear = newyear.install(self)
        self.fill = fillui.install(self)
        self.merge = mergeui.install(self)
        self.compare = compare.install(self)
        self.self_report = selfreport.install(self)
        self.welcome = welcome.install(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            filedialogs.install(app)
        self._restore_settings()
        self._update_title()
        self.update_status()

    # -- building ---------------------------------------------------------------------------------

    def _icon(self, name: str, fallback: QStyle.StandardPixmap) -> QIcon:
        path = ICONS / f"{name}.svg"
        if path.exists():
            return QIcon(str(path))
        return self.style().standardIcon(fallback)

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut | None = None,
                icon: QIcon | None = None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icon)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        keys = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("新建(&N)"), self.new_file, keys.New,
                                    self._icon("new", sp.SP_FileIcon), self.tr("新建一张空白自评表"))
        self.act_open = self._action(self.tr("打开(&O)…"), self.open_dialog, keys.Open,
                                     self._icon("open", sp.SP_DialogOpenButton),
                                     self.tr("打开 Excel 工作簿或文本表格"))
        self.act_save = self._action(self.tr("保存(&S)"), self.save, keys.Save,
                                     self._icon("save", sp.SP_DialogSaveButton))
        self.act_save_as = self._action(self.tr("另存为(&A)…"), self.save_as, "Ctrl+Shift+S")
        self.act_preview = self._action(self.tr("打印预览(&V)…"), self.print_preview, keys.Print,
                                        self._icon("preview", sp.SP_FileDialogContentsView))
        self.act_print = self._action(self.tr("打印(&P)…"), self.print_report, "Ctrl+Shift+P",
                                      self._icon("print", sp.SP_FileDialogDetailedView))
        self.act_pdf = self._action(self.tr("导出 PDF(&E)…"), self.export_pdf)
        self.act_forms_current = self._action(self.tr("当前项目(&C)…"),
                                              lambda: self.print_project_forms("current"))
        self.act_forms_selected = self._action(self.tr("所选项目(&S)…"),
                                               lambda: self.print_project_forms("selected"))
        self.act_forms_all = self._action(self.tr("全部项目(&A)…"),
                                          lambda: self.print_project_forms("all"))
        self.act_quit = self._action(self.tr("退出(&X)"), self.close, "Ctrl+Q")
        self.act_import_summary = self._action(self.tr("读入情况(&I)…"), self.show_import_summary)
        self.act_import_summary.setEnabled(False)
        self.import_summary_dialog: QDialog | None = None
        self._proposal = Proposal(MOF)  # what the open file's layout pointed to

        # Fixed names, the step in the tooltip: QUndoStack's own actions put the step's name in
        # the text, so the toolbar buttons changed width with every edit and pushed the window
        # wider (and the actions after them into the toolbar's » menu).
        stack = self.doc.undo_stack
        self.act_undo = self._action(self.tr("撤销"), stack.undo, keys.Undo,
                                     self._icon("undo", sp.SP_ArrowBack))
        self.act_redo = self._action(self.tr("重做"), stack.redo, "Ctrl+Y",
                                     self._icon("redo", sp.SP_ArrowForward))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.act_cut = self._action(self.tr("剪切(&T)"), self.cut, keys.Cut)
        self.act_copy = self._action(self.tr("复制(&C)"), self.copy, keys.Copy)
        self.act_paste = self._action(self.tr("粘贴(&P)"), self.paste, keys.Paste)
        self.act_clear = self._action(self.tr("清除内容"), self.clear_cells)
        self.act_clear.setShortcutVisibleInContextMenu(True)
        self.act_fill = self._action(self.tr("向下填充(&D)"), self.fill_down, "Ctrl+D")
        self.act_find = self._action(self.tr("查找(&F)…"), self.show_find, keys.Find,
                                     self._icon("find", sp.SP_FileDialogDetailedView))
        self.act_replace = self._action(self.tr("替换(&R)…"), lambda: self.show_find(replace=True), "Ctrl+H")
        self.act_autofill = QAction(self.tr("自动计算合计、财政拨款与执行率"), self)
        self.act_autofill.setCheckable(True)
        self.act_autofill.setChecked(self.doc.autofill)
        self.act_autofill.toggled.connect(lambda on: setattr(self.doc, "autofill", on))

        self.act_insert_above = self._action(self.tr("在上方插入行"), lambda: self.insert_rows(False),
                                             "Ctrl+Shift+I")
        self.act_insert_below = self._action(self.tr("在下方插入行"), lambda: self.insert_rows(True),
                                             "Ctrl+I", self._icon("row-add", sp.SP_FileDialogNewFolder))
        self.act_delete_rows = self._action(self.tr("删除行"), self.delete_rows, "Ctrl+-",
                                            self._icon("row-delete", sp.SP_TrashIcon))
        self.act_move_up = self._action(self.tr("上移"), lambda: self.move_rows(-1), "Alt+Up",
                                        self._icon("up", sp.SP_ArrowUp))
        self.act_move_down = self._action(self.tr("下移"), lambda: self.move_rows(1), "Alt+Down",
                                          self._icon("down", sp.SP_ArrowDown))
        self.act_duplicate = self._action(self.tr("复制行"), self.duplicate_rows, "Ctrl+Shift+D")

        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        menu.addActions([self.act_new, self.act_open])
        self.recent_menu = menu.addMenu(self.tr("最近打开的文件(&R)"))
        menu.addSeparator()
        menu.addActions([self.act_save, self.act_save_as])
        menu.addSeparator()
        menu.addActions([self.act_preview, self.act_print, self.act_pdf])
        menu.addAction(self.act_import_summary)
        forms_menu = menu.addMenu(self.tr("打印项目表(&J)"))
        forms_menu.addActions([self.act_forms_current, self.act_forms_selected, self.act_forms_all])
        menu.addSeparator()
        menu.addAction(self.act_quit)
        menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        menu.addActions([self.act_undo, self.act_redo])
        menu.addSeparator()
        menu.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_clear, self.act_fill])
        menu.addSeparator()
        menu.addActions([self.act_find, self.act_replace])
        menu.addSeparator()
        menu.addAction(self.act_autofill)
        menu = self.menuBar().addMenu(self.tr("行(&R)"))
        menu.addActions([self.act_insert_above, self.act_insert_below, self.act_duplicate,
                         self.act_delete_rows])
        menu.addSeparator()
        menu.addActions([self.act_move_up, self.act_move_down])
        # Kept for the docks that add to it (projectform): looking it up again through
        # QAction.menu() deletes the menus it passes over under PySide6 6.9 (the Qt of the glibc
        # 2.28 bundle), the File menu and its recent files first.
        menu = self.view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        self.problems.toggleViewAction().setText(self.tr("问题面板"))
        menu.addAction(self.problems.toggleViewAction())
        language_menu = menu.addMenu(self.tr("语言 / Language"))
        group = QActionGroup(self)
        current = i18n.saved_language()
        switch_tip = self.tr("切换界面语言（重新启动后生效） / Switch the language (after a restart)")
        for code, name in i18n.LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.setStatusTip(switch_tip)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, code=code: self.choose_language(code))
        menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        menu.addAction(self.tr("关于 evaldesk"), self.about)

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.act_new, self.act_open, self.act_save])
        toolbar.addSeparator()
        toolbar.addActions([self.act_undo, self.act_redo])
        toolbar.addSeparator()
        toolbar.addActions([self.act_insert_below, self.act_delete_rows, self.act_move_up,
                            self.act_move_down])
        toolbar.addSeparator()
        toolbar.addActions([self.act_find, self.act_preview, self.act_print])
        for action in (self.act_move_up, self.act_move_down):
            # Arrows say it; their names would cost the room the toolbar lacks on 1024 px.
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                button.setToolTip(action.text())
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        self._fill_recent()
        for view in (self.table, self.table.frozen):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self._context_menu(v.viewport().mapToGlobal(pos)))

    def _update_undo_actions(self, *_args: object) -> None:
        stack = self.doc.undo_stack
        if not isValid(stack):
            return  # the stack clears itself as the document goes, after the window
        for action, name, can, step in (
                (self.act_undo, self.tr("撤销"), stack.canUndo(), stack.undoText()),
                (self.act_redo, self.tr("重做"), stack.canRedo(), stack.redoText())):
            action.setEnabled(can)
            tip = f"{name}：{step}" if can and step else name
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _context_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions([self.act_cut, self.act_copy, self.act_paste, self.act_clear, self.act_fill])
        menu.addSeparator()
        menu.addActions([self.act_insert_above, self.act_insert_below, self.act_duplicate,
                         self.act_delete_rows])
        menu.addSeparator()
        menu.addActions([self.act_move_up, self.act_move_down])
        menu.exec(at)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_totals = QLabel(self)
        self.status_counts = QLabel(self)
        self.status_counts.setTextFormat(Qt.TextFormat.RichText)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.hide()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.status_totals)
        bar.addPermanentWidget(self.status_counts)
        # Totals grow as amounts are typed (and are longer in English): the labels take what
        # room there is, cut if need be (the tooltip has it all), and never widen the window.
        for label in (self.status_totals, self.status_counts):
            label.setMinimumWidth(1)

    def _apply_column_widths(self) -> None:
        # Layout widths are in Excel character units: one unit is about a digit's width.
        digit = QFontMetrics(self.table.font()).horizontalAdvance("0")
        for col, column in enumerate(SUMMARY_COLUMNS):
            self.table.setColumnWidth(col, int(column.width * digit * 1.25) + 10)
        self.table.verticalHeader().setDefaultSectionSize(QFontMetrics(self.table.font()).height() + 8)

    # -- status -----------------------------------------------------------------------------------

    def _schedule_status(self, *_args: object) -> None:
        self._status_timer.start()

    def update_status(self) -> None:
        report = self.doc.report
        budget, actual, rate = report.totals()
        self.status_totals.setText(
            self.tr("项目 %1 个  预算合计 %2 万元  实际支出 %3 万元  执行率 %4")
            .replace("%1", str(len(report.projects)))
            .replace("%2", money.format_amount(budget, grouping=True))
            .replace("%3", money.format_amount(actual, grouping=True))
            .replace("%4", money.format_rate(rate)))
        self.status_totals.setToolTip(self.status_totals.text())
        errors, warnings = self.doc.findings.counts()
        self.status_counts.setText(
            self.tr("<span style='color:#b3261e'>错误 %1</span>  "
                    "<span style='color:#8a5a00'>警告 %2</span>")
            .replace("%1", str(errors)).replace("%2", str(warnings)))

    def show_message(self, text: str) -> None:
        """A message for the clerk: in the status bar when it fits there, else in the message
        bar above the table, in full."""
        bar = self.statusBar()
        room = bar.width() - sum(w.width() + 8 for w in (self.busy, self.status_totals,
                                                          self.status_counts) if w.isVisible()) - 24
        # The status bar keeps it too (its history for the next message, what tests read).
        bar.showMessage(text, 8000)
        if "\n" in text or bar.fontMetrics().horizontalAdvance(text) > room:
            self.message_bar.show_text(text)

    def _update_title(self, *_args: object) -> None:
        name = self.doc.path.name if self.doc.path else self.tr("未命名")
        if self.guard.read_only:
            name += self.tr("（只读）")
        self.setWindowTitle(f"{name}[*] — " + self.tr("预算项目绩效自评"))
        if isValid(self.doc.undo_stack):  # not while the document goes after the window
            self.setWindowModified(not self.doc.undo_stack.isClean())

    # -- selection helpers ------------------------------------------------------------------------

    def _selected_cells(self) -> list[tuple[int, int]]:
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes and self.table.currentIndex().isValid():
            indexes = [self.table.currentIndex()]
        return sorted({(i.row(), i.column()) for i in indexes})

    def _selected_rows(self) -> list[int]:
        return sorted({r for r, _c in self._selected_cells()})

    def select_block(self, rows: range, cols: range) -> None:
        if not rows or not cols:
            return
        top_left = self.model.index(rows.start, cols.start)
        bottom_right = self.model.index(rows.stop - 1, cols.stop - 1)
        selection = self.table.selectionModel()
        selection.setCurrentIndex(top_left, QItemSelectionModel.SelectionFlag.NoUpdate)
        from PySide6.QtCore import QItemSelection

        selection.select(QItemSelection(top_left, bottom_right),
                         QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select_cell(self, row: int, col: int) -> None:
        index = self.model.index(row, col)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.focus_current()

    def select_finding(self, uid: int, key: str) -> None:
        row = self.doc.row_of(uid)
        if row >= 0:
            self.select_cell(row, COLUMN_INDEX.get(key, COLUMN_INDEX["seq"]))

    def edit_finding_cell(self, uid: int, key: str) -> None:
        """A finding only typing can cure: its cell, open for typing, what was there selected."""
        self.select_finding(uid, key)
        if key in COLUMN_INDEX and self.doc.row_of(uid) >= 0:
            self.table.edit(self.table.currentIndex())

    # -- editing ----------------------------------------------------------------------------------

    def _table_has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is None or focus in (self.table, self.table.frozen) \
            or self.table.isAncestorOf(focus)

    def copy(self) -> None:
        cells = self._selected_cells()
        if not cells:
            return
        rows = list(range(min(r for r, _ in cells), max(r for r, _ in cells) + 1))
        cols = list(range(min(c for _, c in cells), max(c for _, c in cells) + 1))
        QApplication.clipboard().setText(operations.copy_block(self.doc, rows, cols))

    def cut(self) -> None:
        self.copy()
        self.clear_cells()

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        text = mime.text() if mime is not None else ""
        if not text:
            return
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else len(self.doc.projects)
        col = current.column() if current.isValid() else 0
        result = operations.paste(self.doc, row, col, text, html)
        if result is not None:
            self.select_block(result.rows, result.cols)

    def clear_cells(self) -> None:
        operations.clear(self.doc, self._selected_cells())

    def fill_down(self) -> None:
        cells = self._selected_cells()
        operations.fill_down(self.doc, sorted({r for r, _ in cells}), sorted({c for _, c in cells}))

    def insert_rows(self, below: bool) -> None:
        rows = self._selected_rows()
        current = self.table.currentIndex()
        row = (rows[-1] + 1 if below else rows[0]) if rows else len(self.doc.projects)
        row = operations.insert_blank(self.doc, row)
        self.select_cell(row, current.column() if current.isValid() else COLUMN_INDEX["name"])

    def delete_rows(self) -> None:
        rows = self._selected_rows()
        if not rows:
            return
        current = self.table.currentIndex()
        self.doc.remove_rows(rows)
        if self.doc.projects:
            self.select_cell(min(rows[0], len(self.doc.projects) - 1), max(0, current.column()))

    def move_rows(self, delta: int) -> None:
        rows = self._selected_rows()
        if not rows:
            return
        if rows != list(range(rows[0], rows[-1] + 1)):
            rows = [self.table.currentIndex().row()]
        col = max(0, self.table.currentIndex().column())
        if self.doc.move_rows(rows[0], len(rows), delta):
            self.select_block(range(rows[0] + delta, rows[-1] + delta + 1),
                               range(col, col + 1) if len(rows) == 1 else range(len(SUMMARY_COLUMNS)))

    def duplicate_rows(self) -> None:
        rows = self._selected_rows()
        if rows:
            at = operations.duplicate(self.doc, rows)
            self.select_cell(at, max(0, self.table.currentIndex().column()))

    def show_find(self, replace: bool = False) -> None:
        if self._find is None:
            self._find = FindDialog(self)
        self._find.show_for(replace)

    # -- files ------------------------------------------------------------------------------------

    def maybe_save(self, then: Callable[[], object]) -> bool:
        """Ask about unsaved changes; True when ``then`` may run now (it runs after a save)."""
        if self.doc.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self, self.tr("保存修改"),
            self.tr("「%1」已修改，是否保存？").replace(
                "%1", self.doc.path.name if self.doc.path else self.tr("未命名")),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            self.save(then=then)
            return False
        return answer == buttons.Discard

    def new_file(self) -> None:
        if self.maybe_save(self.new_file):
            self.doc.replace(Report(), None)
            self._scroll_home()
            self.show_message(self.tr("已新建空白自评表"))

    def _scroll_home(self) -> None:
        """Another file starts at its top-left corner, not where the last one was scrolled to."""
        self.table.horizontalScrollBar().setValue(0)
        self.table.verticalScrollBar().setValue(0)
        self.message_bar.hide()

    def open_dialog(self) -> None:
        if not self.maybe_save(self.open_dialog):
            return
        path = self.choose_file(self.tr("打开"))
        if path is not None:
            self.open_path(path, ask=False)

    def choose_file(self, title: str, filters: str = "") -> Path | None:
        """A file to read, chosen starting beside the open document (last year's file, an export
        and this year's table usually share a folder)."""
        start = str(self.doc.path.parent) if self.doc.path else ""
        path, _ = QFileDialog.getOpenFileName(self, title, start, filters or self.tr(
            "自评表 (*.xlsx *.xlsm *.xls *.ods *.txt *.tsv *.csv *.htm *.html);;所有文件 (*)"))
        return Path(path) if path else None

    def open_path(self, path: Path, *, ask: bool = True, mapping: Mapping[str, int] | None = None,
                  then: Callable[[Path, Report, Checker], object] | None = None) -> None:
        """Read ``path`` off the GUI thread and show it, or hand it to ``then`` (a rollover, a
        comparison) instead; a header whose columns were not recognised asks for a mapping."""
        if ask and not self.maybe_save(lambda: self.open_path(path, ask=False, then=then)):
            return
        if self._task is not None:
            self.show_message(self.tr("正在处理上一个文件，请稍候"))
            return
        if then is None and not self.guard.may_open(path):
            return
        self._busy(self.tr("正在打开 %1 …").replace("%1", path.name))
        task = start_load(path, mapping)
        task.signals.done.connect(lambda loaded: self._opened(path, loaded[0], loaded[1], then=then))
        task.signals.failed.connect(lambda reason: self._open_failed(path, task, reason, mapping, then))
        self._task = task

    def _open_failed(self, path: Path, task: Task, reason: str, mapping: Mapping[str, int] | None,
                     then: Callable[[Path, Report, Checker], object] | None) -> None:
        if task.needs_mapping is None:
            self._failed(self.tr("无法打开文件"), path, reason)
            return
        from evaldesk.ui.mapping import resolve_mapping

        self._idle()
        chosen, remembered = resolve_mapping(self, str(path), task.needs_mapping,
                                             tried_remembered=mapping is not None)
        if chosen is None:
            return
        self.open_path(path, ask=False, mapping=chosen, then=then)
        if remembered and self._task is not None:
            # Said after the file is shown (this runs after _opened): a remembered mapping may
            # not fit this file, and the clerk should know it was applied.
            self._task.signals.done.connect(lambda _loaded: self.show_message(
                self.tr("已按上次为这种表头指定的列读取 %1").replace("%1", path.name)))

    def _opened(self, path: Path, report: Report, checker: Checker,
                then: Callable[[Path, Report, Checker], object] | None = None) -> None:
        self._idle()
        if then is not None:
            then(path, report, checker)
            return
        # Asked before the document records the profile in force as the file's own choice.
        proposal = self._proposal = propose_profile(report)
        self.doc.replace(report, path, checker)
        self._add_recent(path)
        self._offer_import_summary(report)
        self._scroll_home()
        if report.projects:
            self.select_cell(0, COLUMN_INDEX["name"])
        opened = self.tr("已打开 %1（%2 个项目）").replace("%1", path.name) \
            .replace("%2", str(len(report.projects)))
        if proposal.recognised:
            # Said, not only applied: the scores and some checks depend on it.
            opened += self.tr("；按表样采用评分方案「%1」（依据：%2），可在项目表单上方更改") \
                .replace("%1", self.doc.profile.label).replace("%2", "、".join(proposal.evidence))
        self.show_message(opened)

    def _profile_line(self) -> str:
        """The scoring profile in force and why, for the 读入情况 window."""
        proposal = self._proposal
        label = self.doc.profile.label
        if self.doc.profile.name != proposal.profile:
            why = self.tr("（已另选）")
        elif proposal.recognised:
            why = self.tr("（按表样识别：%1）").replace("%1", "、".join(proposal.evidence))
        else:
            why = self.tr("（从表样看不出省份，按财政部的规则）")
        return self.tr("评分方案：%1%2；可在项目表单上方的「评分方案」中更改") \
            .replace("%1", label).replace("%2", why)

    def _offer_import_summary(self, report: Report) -> None:
        from evaldesk.ui.importsummary import show_on_open, worth_showing

        if self.import_summary_dialog is not None:
            self.import_summary_dialog.close()
        self.act_import_summary.setEnabled(worth_showing(report.import_summary))
        if worth_showing(report.import_summary) and show_on_open():
            self.show_import_summary()

    def show_import_summary(self) -> None:
        """How the open file (laid out by others) was read: not modal, so the clerk can keep it
        beside the table while checking."""
        from evaldesk.ui.importsummary import ImportSummaryDialog

        summary = self.doc.report.import_summary
        if summary is None:
            return
        if self.import_summary_dialog is not None:
            self.import_summary_dialog.close()
        dialog = ImportSummaryDialog(summary, self, profile=self._profile_line())
        dialog.destroyed.connect(lambda *_: setattr(self, "import_summary_dialog", None))
        self.import_summary_dialog = dialog
        dialog.show()

    def save(self, then: Callable[[], object] | None = None) -> None:
        if self.doc.path is None or self.doc.path.suffix.lower() not in (".xlsx", ".xlsm") \
                or self.guard.read_only:
            self.save_as(then=then)
        else:
            self.save_to(self.doc.path, then=then)

    def save_as(self, then: Callable[[], object] | None = None) -> None:
        if self.doc.path is not None:
            suggested = str(self.doc.path.with_suffix(".xlsx"))
        elif self.doc.suggested_path is not None:
            suggested = str(self.doc.suggested_path)
        else:
            suggested = (self.doc.report.shown_title or self.tr("自评表")) + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), suggested,
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            target = Path(path)
            if target.suffix.lower() != ".xlsx":
                target = target.with_suffix(target.suffix + ".xlsx")
            self.save_to(target, then=then)

    def save_to(self, path: Path, then: Callable[[], object] | None = None) -> None:
        if self._task is not None:
            self.show_message(self.tr("正在处理上一个文件，请稍候"))
            return
        if not self.guard.may_save(path):
            return
        self._commit_pending_edit()
        self._busy(self.tr("正在保存 %1 …").replace("%1", path.name))
        # The state being written: edits made while saving keep the document modified.
        saved_at = self.doc.undo_stack.index()
        task = start_save(self.doc.report, path)
        task.signals.done.connect(lambda _p: self._saved(path, saved_at, then))
        task.signals.failed.connect(lambda reason: self._save_failed(path, reason, then))
        self._task = task

    def _save_failed(self, path: Path, reason: str, then: Callable[[], object] | None) -> None:
        # The document stays open and modified; the box offers 另存为 (then still follows a save).
        self._idle()
        if self.guard.save_failed(path, reason):
            self.save_as(then=then)

    def _saved(self, path: Path, saved_at: int, then: Callable[[], object] | None) -> None:
        self._idle()
        if self.doc.undo_stack.index() == saved_at:
            self.doc.undo_stack.setClean()
        self.doc.set_path(path)
        self._add_recent(path)
        self.show_message(self.tr("已保存 %1").replace("%1", str(path)))
        if then is not None:
            then()

    def _failed(self, title: str, path: Path, reason: str) -> None:
        self._idle()
        QMessageBox.critical(self, title, f"{path}\n\n{reason}")

    def _busy(self, text: str) -> None:
        self.busy.show()
        self.statusBar().showMessage(text)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def _idle(self) -> None:
        self._task = None
        self.busy.hide()
        self.statusBar().clearMessage()
        QApplication.restoreOverrideCursor()

    def _commit_pending_edit(self) -> None:
        focus = QApplication.focusWidget()
        if focus is not None and self.header_form.isAncestorOf(focus):
            focus.clearFocus()  # editingFinished: the header line goes on the stack first
        self.project_form.form.flush()  # a form field still being typed in (also when floating)

    def is_busy(self) -> bool:
        return self._task is not None

    # -- printing (evaldesk.printing paints the official form; guarded until it is installed) -------

    def _printer(self, kind: str = "summary") -> QPrinter | None:
        """A printer on the paper the clerk last chose in the preview for ``kind``."""
        try:
            from evaldesk.ui.preview import load_choice
        except ImportError:
            self.show_message(self.tr("打印功能尚未安装"))
            return None
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(load_choice(kind).page_layout())
        printer.setDocName(self.doc.report.shown_title)
        return printer

    def _paint(self, printer: QPrinter) -> None:
        from evaldesk.printing.paper import print_document
        from evaldesk.printing.summary import SummaryDocument

        print_document(SummaryDocument(self.doc.report), printer)

    def _warn_before_printing(self) -> str | None:
        """The warning of a report that still has errors, said in the status bar and returned
        for the preview's bar."""
        try:
            from evaldesk.printing.notice import print_warning
        except ImportError:
            return None
        warning = print_warning(self.doc.report, self.doc.findings.checker)
        if warning:
            self.show_message(warning)
        return warning

    def print_preview(self) -> None:
        """The summary's preview: page 1 at once, pages painted as they come into view."""
        try:
            from evaldesk.printing.summary import SummaryDocument
            from evaldesk.ui import preview
        except ImportError:
            self.show_message(self.tr("打印功能尚未安装"))
            return
        self._commit_pending_edit()
        warning = self._warn_before_printing()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = SummaryDocument(self.doc.report)
        finally:
            QApplication.restoreOverrideCursor()
        dialog = preview.PrintPreviewDialog(
            document, "summary", self, title=self.tr("打印预览"),
            doc_name=self.doc.report.shown_title, warning=warning,
            export=lambda choice, parent: self.export_pdf(choice=choice, parent=parent,
                                                          then=dialog.show_message))
        dialog.exec()

    def print_project_forms(self, which: str) -> None:
        """Preview (and print from there) the 项目支出绩效自评表 of the "current", "selected" or
        "all" projects, on the forms' remembered paper (A4 portrait at first), scored under the
        document's profile."""
        projects = self.doc.report.projects
        if which == "current":
            rows = [self.table.currentIndex().row()]
        elif which == "selected":
            rows = self._selected_rows()
        else:
            rows = list(range(len(projects)))
        uids = [projects[r].uid for r in rows if 0 <= r < len(projects)]
        if not uids:
            self.show_message(self.tr("请先选中要打印的项目"))
            return
        try:
            from evaldesk.printing.project_form import ProjectFormsDocument
            from evaldesk.ui import preview
        except ImportError:
            self.show_message(self.tr("打印功能尚未安装"))
            return
        self._commit_pending_edit()
        warning = self._warn_before_printing()
        # The forms are built by the preview's worker (seconds for thousands of projects), from a
        # copy of the chosen projects: the clerk may edit again while it runs after a quick close.
        wanted = set(uids)
        frozen = snapshot(dataclasses.replace(
            self.doc.report, projects=[p for p in projects if p.uid in wanted]))
        profile = self.doc.profile
        dialog = preview.PrintPreviewDialog(
            lambda: ProjectFormsDocument(frozen, profile=profile,
                                         progress=lambda *step: dialog.progress(*step)),
            "forms", self, title=self.tr("打印项目表"),
            doc_name=self.doc.report.shown_title, warning=warning,
            export=lambda choice, parent: self.export_pdf(
                "projects", uids, choice=choice, parent=parent, then=dialog.show_message))
        dialog.exec()

    def print_report(self) -> None:
        printer = self._printer()
        if printer is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog

        self._warn_before_printing()
        if QPrintDialog(printer, self).exec():
            self._paint(printer)

    def export_pdf(self, sheets: str = "summary", projects: list[int] | None = None, *,
                   choice: PaperChoice | None = None, parent: QWidget | None = None,
                   then: Callable[[str], object] | None = None) -> None:
        """Write the summary (or the forms of ``projects``) as a PDF off the GUI thread, on
        ``choice`` or the paper last chosen in the preview; ``then`` is told when it is done
        (the preview, which hides the status bar)."""
        try:
            from evaldesk.printing.pdf import export_pdf
            from evaldesk.ui.preview import load_choice
        except ImportError:
            self.show_message(self.tr("导出 PDF 功能尚未安装"))
            return
        kind = "forms" if sheets == "projects" else "summary"
        paper = choice or load_choice(kind)
        suggested = str(self.doc.path.with_suffix(".pdf")) if self.doc.path else \
            self.doc.report.shown_title + ".pdf"
        path, _ = QFileDialog.getSaveFileName(parent or self, self.tr("导出 PDF"), suggested,
                                              "PDF (*.pdf)")
        if not path:
            return
        if self._task is not None:
            self.show_message(self.tr("正在处理上一个文件，请稍候"))
            return
        target = Path(path)
        self._busy(self.tr("正在导出 %1 …").replace("%1", target.name))
        frozen = snapshot(self.doc.report)
        profile = self.doc.profile
        if kind == "forms":
            task = Task(lambda: export_pdf(frozen, target, sheets=sheets, projects=projects,
                                           profile=profile, form_paper=paper.paper,
                                           form_landscape=paper.landscape,
                                           margin_mm=paper.margin_mm))
        else:
            task = Task(lambda: export_pdf(frozen, target, sheets=sheets, paper=paper.paper,
                                           landscape=paper.landscape, margin_mm=paper.margin_mm,
                                           profile=profile))
        task.signals.done.connect(lambda pages: self._exported(target, pages, then))
        task.signals.failed.connect(lambda reason: self._failed(self.tr("无法导出 PDF"), target, reason))
        self._task = task
        QThreadPool.globalInstance().start(task)

    def _exported(self, target: Path, pages: object,
                  then: Callable[[str], object] | None = None) -> None:
        self._idle()
        message = self.tr("已导出 %1（%2 页）").replace("%1", str(target)).replace("%2", str(pages))
        self.show_message(message)
        if then is not None:
            then(message)

    # -- recent files, settings, language -------------------------------------------------------------

    def _recent(self) -> list[str]:
        value = i18n.settings().value("files/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _add_recent(self, path: Path) -> None:
        entries = [str(path)] + [p for p in self._recent() if p != str(path)]
        i18n.settings().setValue("files/recent", entries[:MAX_RECENT])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = self._recent()
        for n, entry in enumerate(entries, 1):
            action = self.recent_menu.addAction(f"&{n} {entry}")
            action.triggered.connect(lambda _c=False, p=entry: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(entries))

    def _restore_settings(self) -> None:
        settings = i18n.settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            self.fit_to_screen(restored=True)
        else:
            self.fit_to_screen()
        state = settings.value("window/state")
        self._share_docks = True  # a first start: the docks' shares are made for the screen
        if isinstance(state, QByteArray):
            self._share_docks = not self.restoreState(state)
        widths = settings.value("table/widths")
        if isinstance(widths, list) and len(widths) == len(SUMMARY_COLUMNS):
            for col, width in enumerate(widths):
                if str(width).isdigit() and int(width) > 10:
                    self.table.setColumnWidth(col, int(width))

    def fit_to_screen(self, *, restored: bool = False) -> None:
        """Size the window for the screen it opens on: maximised on an office PC's small screen
        (1366×768, a laptop at 150 % with 1280×720), else the usual size; a remembered geometry
        is kept inside the screen (a laptop unplugged from its big monitor)."""
        centre = self.geometry().center() if restored else QPoint(-1, -1)
        screen = QGuiApplication.screenAt(centre) if restored else None
        screen = screen or self.screen()
        area = screen.availableGeometry()
        # The title bar and borders are not known before the window is shown: leave room for them.
        frame_w, frame_h = FRAME_ALLOWANCE
        if restored and not self.isMaximized():
            wanted = self.geometry()
        else:
            wanted = QRect(0, 0, *DEFAULT_SIZE)
            wanted.moveCenter(area.center())
        small = area.width() < DEFAULT_SIZE[0] + frame_w or area.height() < DEFAULT_SIZE[1] + frame_h
        fits = wanted.width() + frame_w <= area.width() and wanted.height() + frame_h <= area.height()
        width = min(wanted.width(), area.width() - frame_w)
        height = min(wanted.height(), area.height() - frame_h)
        left = min(max(wanted.left(), area.left() + frame_w // 2),
                   area.right() - width - frame_w // 2)
        top = min(max(wanted.top(), area.top() + frame_h - frame_w // 2),
                  area.bottom() - height - frame_w // 2)
        self.setGeometry(QRect(left, top, width, height))
        if (not restored and small) or (restored and not fits):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_settings(self) -> None:
        settings = i18n.settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("table/widths", [str(self.table.columnWidth(c))
                                           for c in range(len(SUMMARY_COLUMNS))])

    def choose_language(self, code: str) -> None:
        """Remember the language and offer to restart now (the window is built in one language;
        the table, the edits and the file come back: unsaved work is asked about first)."""
        if code == i18n.saved_language():
            return
        i18n.save_language(code)
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, "evaldesk",
                          self.tr("界面语言将在重新启动后切换。\n"
                                  "The language changes after a restart."),
                          buttons.Yes | buttons.No, self)
        box.button(buttons.Yes).setText(self.tr("立即重新启动 / Restart now"))
        box.button(buttons.No).setText(self.tr("稍后 / Later"))
        box.setDefaultButton(buttons.Yes)
        if box.exec() == buttons.Yes:
            self.restart()

    def restart(self) -> None:
        """Close (asking about unsaved changes) and start again on the same file."""
        if not self.maybe_save(self.restart):
            return
        if getattr(sys, "frozen", False):
            program, args = sys.executable, []
        else:
            program, args = sys.executable, ["-m", "evaldesk"]
        if self.doc.path is not None and self.doc.path.exists():
            args.append(str(self.doc.path))
        self.doc.undo_stack.setClean()  # asked above: discarded or saved
        if QProcess.startDetached(program, args)[0]:
            self.close()
        else:
            self.show_message(self.tr("无法重新启动，请手动关闭后再打开"))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于 evaldesk"),
                          self.tr("evaldesk — 预算项目绩效自评表的填报、核对、保存与打印。"))

    # -- window events ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._share_docks:
            self._share_docks = False
            QTimer.singleShot(0, self._size_docks)

    def _size_docks(self) -> None:
        """The first start's shares: the form beside the table takes about 40 % of a small
        screen's width (600 px where there is room), the problems panel a fifth of its height,
        so that the table keeps room for its frozen columns and a few rows."""
        form = self.project_form
        wanted = max(form.form.minimumSizeHint().width() + 24, int(self.width() * 0.4))
        self.resizeDocks([form], [min(projectform.FORM_WIDTH, wanted)], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems], [max(120, min(220, self.height() // 5))],
                         Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self.show_message(self.tr("正在处理文件，请稍候再关闭"))
            event.ignore()
            return
        self._commit_pending_edit()
        if not self.maybe_save(self.close):
            event.ignore()
            return
        self.save_settings()
        self.guard.closed()  # a clean close: the journal goes, the lock is released
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event.mimeData().urls()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event.mimeData().urls())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    @staticmethod
    def _dropped_path(urls: list[QUrl]) -> Path | None:
        for url in urls:
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in OPEN_SUFFIXES:
                return Path(url.toLocalFile())
        return None

