"""Run by test_screens.py in a child process whose only screen is the size under test.

Qt reads the screen (and ``QT_SCALE_FACTOR``) once, when the QApplication is made, and the test
session's QApplication is already made: so each screen gets a process of its own, on the
offscreen platform with a configuration file that gives it that screen. Prints one JSON object
with what the window measured.

    python tests/ui/screen_probe.py SETTINGS_DIR [--remembered-big]

``--remembered-big`` first remembers the geometry of a window 1900×1040 at x=1500, as a laptop
left on its big monitor would have.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolButton  # noqa: E402

EXAMPLE = REPO / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"


def settle(app: QApplication) -> None:
    for _ in range(6):
        QThreadPool.globalInstance().waitForDone(2000)
        app.processEvents()


def measure(win: object, app: QApplication) -> dict[str, object]:
    from evaldesk.ui.mainwindow import MainWindow

    assert isinstance(win, MainWindow)
    settle(app)
    screen = win.screen()
    area = screen.availableGeometry()
    frame = win.frameGeometry()
    toolbar = win.toolbar
    hidden = [a.text() for a in toolbar.actions()
              if not a.isSeparator() and (w := toolbar.widgetForAction(a)) is not None
              and (not w.isVisible() or not toolbar.rect().contains(w.geometry()))]
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    off_screen = [type(w).__name__ for w in (win.statusBar(), win.header_form, win.project_form)
                  if (w.isVisible() and not area.contains(
                      w.mapToGlobal(w.rect().topLeft()))) or (w.isVisible() and not area.contains(
                      w.mapToGlobal(w.rect().bottomRight())))]
    return {
        "screen": [area.x(), area.y(), area.width(), area.height()],
        "scale": screen.devicePixelRatio(),
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "maximized": win.isMaximized(),
        "min_hint": [win.minimumSizeHint().width(), win.minimumSizeHint().height()],
        "min_size": [win.minimumSize().width(), win.minimumSize().height()],
        "hidden_actions": hidden,
        "extension_shown": bool(extension is not None and extension.isVisible()),
        "off_screen": off_screen,
        "header_narrow": win.header_form.narrow,
    }


def main() -> int:
    settings_dir = sys.argv[1]
    QCoreApplication.setOrganizationName("evaldesk-screen-probe")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication([])
    from evaldesk.app import _choose_font
    from evaldesk.io import read_report
    from evaldesk.ui import i18n
    from evaldesk.ui.document import Document
    from evaldesk.ui.mainwindow import MainWindow

    if "--remembered-big" in sys.argv:
        from PySide6.QtWidgets import QMainWindow

        big = QMainWindow()
        big.setGeometry(1500, 100, 1900, 1040)
        i18n.settings().setValue("window/geometry", big.saveGeometry())
    i18n.install(app, i18n.CHINESE)
    _choose_font()
    doc = Document(read_report(EXAMPLE), EXAMPLE)
    win = MainWindow(doc)
    win.show()
    result: dict[str, object] = {"start": measure(win, app)}

    # A morning's typing: names, amounts, texts, each edit a new undo step with a longer name.
    from evaldesk.core.layout import COLUMN_INDEX

    keys = ("name", "budget.general", "actual.general", "goal", "problems")
    for n in range(50):
        key = keys[n % len(keys)]
        row = n % len(doc.projects)
        text = f"{1000 + n}.5" if "." in key else f"第{n}次修改的很长很长的文字内容" * 2
        win.select_cell(row, COLUMN_INDEX[key])
        win.model.setData(win.model.index(row, COLUMN_INDEX[key]), text)
        settle(app)
    result["edited"] = measure(win, app)
    win.doc.undo_stack.setClean()
    win.close()

    # English: what the window is after the language is switched (the switch restarts it).
    i18n.install(app, i18n.ENGLISH)
    english = MainWindow(doc)
    english.show()
    result["english"] = measure(english, app)
    english.doc.undo_stack.setClean()
    english.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
