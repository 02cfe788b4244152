"""What a day of real use found (issue 13): frozen rows in step, a new table that is new, long
messages shown in full, the toolbar that keeps still."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from evaldesk.core.layout import COLUMN_INDEX, FROZEN_COLUMNS
from evaldesk.core.records import Report
from evaldesk.ui import operations
from evaldesk.ui.mainwindow import MainWindow


def settle(qtbot: QtBot) -> None:
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()
    qtbot.wait(30)
    QApplication.processEvents()


def assert_rows_in_step(win: MainWindow) -> None:
    table, frozen = win.table, win.table.frozen
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value()
    for row in range(win.model.rowCount()):
        assert frozen.rowHeight(row) == table.rowHeight(row), row
        assert frozen.rowViewportPosition(row) == table.rowViewportPosition(row), row
    current = table.currentIndex().row()
    y = table.rowViewportPosition(current) + 2
    assert table.rowAt(y) == frozen.rowAt(y) == current


def test_frozen_columns_show_the_current_row(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1000, 520)
    for _ in range(25):
        operations.insert_blank(window.doc, len(window.doc.projects))
    last = len(window.doc.projects) - 1
    # Rows left at the default height used to keep the overlay's own default height: the
    # frozen names drifted a row or more from the table beside them.
    window.select_cell(last, COLUMN_INDEX["name"])
    settle(qtbot)
    assert window.table.verticalScrollBar().value() > 0
    assert_rows_in_step(window)
    window.select_cell(3, COLUMN_INDEX["goal"])
    settle(qtbot)
    assert_rows_in_step(window)
    for row in range(last, -1, -4):
        window.select_cell(row, COLUMN_INDEX["seq"] if row % 2 else COLUMN_INDEX["problems"])
        settle(qtbot)
        assert_rows_in_step(window)
    assert FROZEN_COLUMNS == 3


def test_long_messages_are_shown_in_full(qtbot: QtBot, window: MainWindow) -> None:
    long = "已按上年的自评表生成本年度的自评表：" + "，".join(f"项目{n}的预算已结转" for n in range(30)) \
        + "，请逐项核对。"
    window.show_message(long)
    assert window.message_bar.isVisible()
    assert window.message_bar.text.text() == long
    window.message_bar.hide()
    window.show_message("已保存")
    assert not window.message_bar.isVisible()
    assert window.statusBar().currentMessage() == "已保存"


def test_undo_and_redo_keep_their_width_and_name_the_step(qtbot: QtBot, window: MainWindow) -> None:
    toolbar = window.toolbar
    undo = toolbar.widgetForAction(window.act_undo)
    assert isinstance(undo, QToolButton)
    positions = [toolbar.widgetForAction(a).x() for a in toolbar.actions() if not a.isSeparator()]
    width = undo.sizeHint().width()
    window.doc.set_cell_text(0, COLUMN_INDEX["name"], "一个名字很长很长很长很长很长很长的项目")
    settle(qtbot)
    assert window.act_undo.text() == "撤销"
    assert window.act_undo.toolTip() == "撤销：编辑「项目名称」"
    assert undo.sizeHint().width() == width
    assert [toolbar.widgetForAction(a).x() for a in toolbar.actions() if not a.isSeparator()] \
        == positions
    window.act_undo.trigger()
    assert window.act_redo.isEnabled() and window.act_redo.toolTip() == "重做：编辑「项目名称」"
    assert not window.act_undo.isEnabled()


def test_print_has_a_printer_icon(window: MainWindow) -> None:
    from evaldesk.ui.mainwindow import ICONS

    assert (ICONS / "print.svg").exists()
    assert not window.act_print.icon().isNull()
    apply = window.style().standardIcon(window.style().StandardPixmap.SP_DialogApplyButton)
    assert window.act_print.icon().cacheKey() != apply.cacheKey()


def test_a_new_table_shows_nothing_of_the_last_file(qtbot: QtBot, window: MainWindow,
                                                    seed_path: Path) -> None:
    from tests.ui.test_projectform import other_project, scored_project

    # The timeliness indicator scores below its weight (4 hours against 2): a computed score
    # in the form and an amber 偏差原因 asking why.
    window.doc.replace(Report(year=2021, projects=[scored_project(), other_project()]), None)
    window.select_cell(0, COLUMN_INDEX["name"])
    form = window.project_form.form
    form.tabs.setCurrentWidget(form.indicators)
    form.indicators.select_row(2)
    detail = form.indicators.detail
    assert detail.score.placeholderText().startswith("计算")
    assert detail.reason.styleSheet()
    assert form.strip.total.text()
    window.table.horizontalScrollBar().setValue(window.table.horizontalScrollBar().maximum())
    window.doc.undo_stack.setClean()

    window.new_file()
    settle(qtbot)
    assert window.doc.projects == []
    assert detail.score.placeholderText() == ""
    assert all(not w.text() and not w.styleSheet() for w in detail._lines.values())
    assert detail.reason.toPlainText() == "" and detail.reason.styleSheet() == ""
    assert form.strip.total.text() == "" and form.strip.execution.text() == ""
    assert all(not line.text() and not line.styleSheet() for line in form.lines.values())
    assert all(not label.text() for label in form.totals.values())
    assert form.findings.count() == 0
    assert form.caption.text() == "未选中项目：在表格中点选一行"
    assert window.table.horizontalScrollBar().value() == 0


def test_an_opened_file_starts_at_the_left(qtbot: QtBot, window: MainWindow, seed_path: Path) -> None:
    bar = window.table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    window.doc.undo_stack.setClean()
    window.open_path(seed_path, ask=False)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    settle(qtbot)
    assert bar.value() == 0
    assert window.table.currentIndex().row() == 0


def test_qt_file_dialog_speaks_chinese_and_shows_whole_names(qtbot: QtBot, qapp: QApplication,
                                                           window: MainWindow) -> None:
    from PySide6.QtCore import QDir, Qt
    from PySide6.QtWidgets import QFileDialog, QTreeView

    from evaldesk.ui import i18n

    i18n.install(qapp, i18n.CHINESE)
    folder = Path(__file__).resolve().parents[2] / "examples"
    dialog = QFileDialog(window, "打开", str(folder), "自评表 (*.xlsx *.txt)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Linux shows
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围：")
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "文件类型："
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:2] == ["名称", "大小"]
    longest = max(view.fontMetrics().horizontalAdvance(p.name) for p in folder.iterdir()
                  if p.suffix in (".xlsx", ".txt"))
    qtbot.waitUntil(lambda: view.columnWidth(0) >= longest + 30)  # + the file icon
    assert Path(QDir(dialog.directory()).absolutePath()) == folder
    dialog.reject()


CJK = re.compile(r"[\u3400-\u9fff]")  # Chinese characters (not full-width ＞＝, shown as examples)


def _ui_texts(win: MainWindow) -> set[tuple[str, str]]:
    """Every text the window shows of its own: labels, buttons, titles, tabs, menus, actions,
    placeholders and tooltips."""
    found: set[tuple[str, str]] = set()
    for widget in win.findChildren(QWidget):
        texts = [widget.toolTip(), widget.windowTitle() if isinstance(widget, QDockWidget) else ""]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        found |= {(type(widget).__name__, t) for t in texts if t}
    for action in win.findChildren(QAction):
        found |= {("QAction", t) for t in (action.text(), action.toolTip(), action.statusTip()) if t}
    return found


def _data_words(win: MainWindow) -> set[str]:
    """What is the report's, not the interface's: its own words, the official form's
    categories and the scoring profiles' names (they are printed as they are), findings."""
    from evaldesk.core.records import CATEGORIES, Comparator
    from evaldesk.core.scoring import PROFILES

    report = win.doc.report
    words = {report.title, report.default_title(), report.unit or "万元", report.department}
    for project in report.projects:
        words |= {project.name, project.seq, project.department}
    words |= {c.level1 for c in CATEGORIES} | {c.level2 for c in CATEGORIES}
    words |= {f"{c.level1[:-2]} · {c.level2}" for c in CATEGORIES}
    words |= {p.label for p in PROFILES.values()} | {c.value for c in Comparator}
    words |= {f.message for f in win.doc.findings.findings()}
    words |= {"中文", "Language / 语言"}  # the language menu names each language in itself
    return {w for w in words if w}


def test_english_has_no_untranslated_ui_string(qtbot: QtBot, qapp: QApplication,
                                               seed_report: Report, seed_path: Path) -> None:
    from evaldesk.ui import i18n
    from evaldesk.ui.document import Document

    try:
        i18n.install(qapp, i18n.ENGLISH)
        win = MainWindow(Document(seed_report, seed_path))
        qtbot.addWidget(win)
        win.show()
        win.select_cell(0, COLUMN_INDEX["name"])
        settle(qtbot)
        data = _data_words(win)
        untranslated = sorted((kind, text) for kind, text in _ui_texts(win)
                              if CJK.search(text) and not any(
                                  text == w or text.removeprefix("✖ ").removeprefix("⚠ ") == w
                                  or (len(w) > 1 and w in text and CJK.search(text.replace(w, "")) is None)
                                  for w in data))
        assert untranslated == [], f"{len(untranslated)} untranslated: {untranslated}"
    finally:
        i18n.install(qapp, i18n.CHINESE)


@pytest.mark.skipif(sys.platform == "win32", reason="the Windows Python has no pyside6-lupdate "
                    "(a build tool, checked on Linux); the .qm it makes is what Windows loads")
def test_every_string_of_the_code_is_translated_in_the_ts() -> None:
    """lupdate over the code finds nothing new, and every message has its English."""
    import shutil
    import subprocess
    import sys
    import tempfile

    repo = Path(__file__).resolve().parents[2]
    ts = repo / "resources" / "translations" / "evaldesk_en.ts"
    sys.path.insert(0, str(repo / "build_scripts"))
    import build_translations

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "evaldesk_en.ts"
        shutil.copy(ts, copy)
        lupdate = build_translations._tool("pyside6-lupdate")
        sources = [str(s.relative_to(repo)) for s in build_translations.SOURCES]
        done = subprocess.run([lupdate, *sources, "-tr-function-alias", "tr+=_tr,QT_TR_NOOP+=N",
                               "-source-language", "zh_CN", "-target-language", "en",
                               "-locations", "none", "-no-obsolete", "-ts", str(copy)],
                              cwd=repo, capture_output=True, text=True, check=True)
        assert "(0 new " in done.stdout, done.stdout
        text = copy.read_text(encoding="utf-8")
    assert text.count('type="unfinished"') == 0
    assert text.count('type="vanished"') == 0


def test_choosing_a_language_offers_to_restart_on_the_same_file(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QMessageBox

    from evaldesk.ui import i18n

    saved = tmp_path / "表.xlsx"
    saved.write_bytes(b"")
    window.doc.set_path(saved)
    asked: list[str] = []
    started: list[tuple[str, list[str]]] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, args: (started.append((program, list(args))) or True, 1))
    window.choose_language(i18n.ENGLISH)
    assert i18n.saved_language() == i18n.ENGLISH
    assert "restart" in asked[0]
    assert started and started[0][1][-1] == str(saved)  # the same file comes back
    qtbot.waitUntil(lambda: not window.isVisible())


def test_form_and_table_show_amounts_alike(window: MainWindow) -> None:
    from decimal import Decimal

    project = window.doc.projects[0]
    window.doc.set_cell_text(0, COLUMN_INDEX["budget.fund"], "0")
    window.doc.set_cell_text(0, COLUMN_INDEX["budget.general"], "1234.5")
    window.doc.set_cell_text(0, COLUMN_INDEX["actual.general"], "12.3456")  # more than cents
    window.select_cell(0, COLUMN_INDEX["name"])
    form = window.project_form.form
    for key in ("budget.fund", "budget.general"):
        assert form.lines[key].text() == window.model.index(0, COLUMN_INDEX[key]).data()
    assert form.lines["budget.fund"].text() == "0.00"
    assert form.lines["budget.general"].text() == "1,234.50"
    assert form.lines["actual.general"].text() == "12.3456"  # no digit hidden by rounding
    assert project.actual.general == Decimal("12.3456")


def test_the_form_says_what_an_unscored_indicator_needs_and_totals_the_rest(
        qtbot: QtBot, window: MainWindow) -> None:
    from decimal import Decimal

    from evaldesk.core.records import Funds, Indicator, Project

    indicators = [
        Indicator("quantity", "购置设备", "", unit="件", actual="20件", weight=Decimal(30)),
        Indicator("quality", "验收合格率", "", actual="100%", weight=Decimal(20)),
        Indicator("social", "信访秩序", "有效维护", actual="有效维护", weight=Decimal(30)),
        Indicator("satisfaction", "满意度", "≥90%", actual="95%", weight=Decimal(10)),
    ]
    project = Project(seq="1", department="区信访局", name="设备购置",
                      budget=Funds(general=Decimal(10)), actual=Funds(general=Decimal(10)),
                      indicators=indicators)
    window.doc.replace(Report(year=2021, projects=[project]), None)
    window.select_cell(0, COLUMN_INDEX["name"])
    form = window.project_form.form
    form.tabs.setCurrentWidget(form.indicators)
    detail = form.indicators.detail
    form.indicators.select_row(1)
    assert detail.score.placeholderText() == "计算 20.00"  # "100%" with no target: met
    form.indicators.select_row(0)
    assert detail.score.placeholderText() == "请填写年度指标值"
    assert any("请填写年度指标值" in form.findings.item(i).text() for i in range(form.findings.count()))
    # 10 (rate) + 20 + 30 + 10 so far; the one left is named.
    assert "70.00" in form.strip.total.text() and "1 项未评分" in form.strip.total.text()
    assert "购置设备" in form.strip.total.toolTip()
    window.doc.undo_stack.setClean()
