"""Screenshots of the main window for the docs, drawn offscreen.

    .venv/bin/python build_scripts/screenshots.py [--out docs/img]

Writes window-main.png (the example as opened), window-frozen.png (scrolled right: the frozen
序号/部门名称/项目名称 and the indicator header), window-editing.png (a finding being corrected
in a multi-line editor), window-district.png (400 generated projects with a reviewer's findings)
and window-english.png (the English UI); then the window as it opens on the screens clerks have:
window-1366x768.png, window-1024x768.png and window-150pct.png (a 1920×1080 laptop at 150 %, Qt
sees 1280×720), each drawn by a child process whose offscreen screen is that size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# A desk monitor for the docs' pictures (1600×940 windows); the window on small screens is drawn by
# child processes with screens of their own (``screen_shots``). The default offscreen screen is
# 800×800, on which the window now starts maximised.
_SCREEN = Path(tempfile.gettempdir()) / "evaldesk-screenshots-screen.json"
_SCREEN.write_text(json.dumps({"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920,
                                            "height": 1200, "logicalDpi": 96, "dpr": 1}]}))
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # `make screenshots` says offscreen
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget  # noqa: E402

from evaldesk.app import _choose_font  # noqa: E402
from evaldesk.core.layout import COLUMN_INDEX  # noqa: E402
from evaldesk.core.records import Report  # noqa: E402
from evaldesk.ui import i18n  # noqa: E402
from evaldesk.ui.delegates import TextEditor  # noqa: E402
from evaldesk.ui.document import Document  # noqa: E402
from evaldesk.ui.mainwindow import MainWindow  # noqa: E402

EXAMPLE = REPO / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"
SEED = REPO / "tests" / "data" / "000_f385ac392f5d94c6.txt"
SIZE = (1600, 940)


def load_example() -> tuple[Report, Path]:
    if EXAMPLE.exists():
        from evaldesk.io import read_report

        return read_report(EXAMPLE), EXAMPLE
    from evaldesk.io.read_text import read_text

    return read_text(SEED), SEED


def settle(app: QApplication, rounds: int = 8) -> None:
    """Let loading threads finish and the debounced panels refresh before a picture is taken."""
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(2000)
        app.processEvents()
    QTest.qWait(250)  # the problems panel and the compare view refresh on short timers


def start_app(language: str = i18n.CHINESE) -> QApplication:
    """A QApplication for pictures: settings in a throw-away folder, so screenshots neither
    depend on nor change the user's remembered window and language; the UI font chosen."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("evaldesk-screenshots")
    app = QApplication([])
    i18n.install(app, language)
    _choose_font()
    return app


def output_folder(description: str, argv: list[str] | None) -> Path:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    folder: Path = parser.parse_args(argv).out
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def window(app: QApplication) -> MainWindow:
    report, path = load_example()
    win = MainWindow(Document(report, path))
    win.resize(*SIZE)
    win.show()
    win.resizeDocks([win.problems], [200], Qt.Orientation.Vertical)
    settle(app)
    return win


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


# name, screen width and height in device pixels, scale factor (Windows' display scaling)
SCREENS = (("1366x768", 1366, 768, 1.0), ("1024x768", 1024, 768, 1.0), ("150pct", 1920, 1080, 1.5))


def screen_shots(out: Path) -> None:
    """The window as a fresh start opens it on each of SCREENS, one child process each: Qt reads
    the screen and the scale factor once, when the QApplication is made."""
    for name, width, height, scale in SCREENS:
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder) / "screen.json"
            config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
                {"name": name, "x": 0, "y": 0, "width": width, "height": height,
                 "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                       QT_SCALE_FACTOR=str(scale))
            subprocess.run([sys.executable, __file__, "--out", str(out), "--screen", name],
                           env=env, check=True)


def on_screen(out: Path, name: str) -> None:
    app = start_app()
    report, path = load_example()
    win = MainWindow(Document(report, path))  # sized for the screen, as at a fresh start
    win.show()
    settle(app)
    win.select_cell(1, COLUMN_INDEX["name"])
    settle(app)
    save(win, out / f"window-{name}.png")
    win.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img")
    parser.add_argument("--screen", help="only the window on this screen (a child's job)")
    args = parser.parse_args(argv)
    if args.screen:
        on_screen(args.out, args.screen)
        return 0
    out = output_folder(__doc__.splitlines()[0] if __doc__ else "", ["--out", str(args.out)])
    app = start_app()

    win = window(app)
    win.select_cell(0, COLUMN_INDEX["name"])
    settle(app)
    save(win, out / "window-main.png")

    win.table.horizontalScrollBar().setValue(win.table.columnViewportPosition(COLUMN_INDEX["goal"])
                                             - win.table.frozen_width())
    win.select_cell(1, COLUMN_INDEX["ind.quantity.content"])
    settle(app)
    save(win, out / "window-frozen.png")

    win.table.horizontalScrollBar().setValue(win.table.horizontalScrollBar().maximum())
    win.select_cell(5, COLUMN_INDEX["problems"])
    settle(app)
    win.table.scrollTo(win.table.currentIndex(), QAbstractItemView.ScrollHint.PositionAtBottom)
    settle(app)
    win.table.edit(win.table.currentIndex())
    settle(app)
    editor = QApplication.focusWidget()
    if isinstance(editor, TextEditor):
        editor.setText("参训人员因疫情分两批次组织，\n部分培训改为线上，相应经费结余")
    settle(app)
    save(win, out / "window-editing.png")
    if isinstance(editor, TextEditor):
        QTest.keyClick(editor, Qt.Key.Key_Return)  # commit: the warning on 问题 clears
    win.doc.undo_stack.setClean()
    win.close()

    # A district's consolidated table: hundreds of projects, the mistakes a reviewer finds.
    from benchmarks.generate import make_report

    district = make_report(400, seed=1)
    win = MainWindow(Document(district, Path("龙岗区2021年度预算项目绩效自评汇总表.xlsx")))
    win.resize(*SIZE)
    win.show()
    win.resizeDocks([win.problems], [200], Qt.Orientation.Vertical)
    settle(app)
    flagged = next(f for f in win.doc.findings.findings() if f.is_error and f.field.startswith("actual"))
    assert flagged.project_uid is not None
    win.select_finding(flagged.project_uid, flagged.field)
    win.table.scrollTo(win.table.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)
    win.table.horizontalScrollBar().setValue(0)
    settle(app)
    save(win, out / "window-district.png")
    win.close()

    i18n.install(app, i18n.ENGLISH)
    win = window(app)
    win.select_cell(2, COLUMN_INDEX["name"])
    settle(app)
    save(win, out / "window-english.png")
    win.close()
    screen_shots(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
