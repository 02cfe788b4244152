"""The window's entry point: ``evaldesk FILE`` and ``python -m evaldesk FILE`` end up here.

Importing this module is cheap (no Qt, no pandas): Qt is imported inside ``main``, so that the
command line can decide first whether a window is wanted at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

# CJK UI fonts in order of preference; the first one installed wins.
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")


def _choose_font() -> bool:
    """Use a CJK UI font; False when the system has no font that writes Simplified Chinese."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    available = set(QFontDatabase.families())
    for family in UI_FONTS:
        if family in available:
            font = QFont(family)
            font.setPointSizeF(max(9.0, QApplication.font().pointSizeF()))
            QApplication.setFont(font)
            return True
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    return bool(QFontDatabase.families(chinese))


# Platforms without a screen: nobody could ever close a message box there.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


def _warn_no_chinese_font() -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    # The first line is English: without a Chinese font the Chinese lines show as boxes.
    text = ("No Chinese font was found on this computer: Chinese text will show as boxes.\n"
            "Install a Chinese font (e.g. Noto Sans CJK SC or WenQuanYi Micro Hei) and restart.\n\n"
            "未找到中文字体，中文将显示为方框。请安装中文字体（如文泉驿微米黑或思源黑体）后重新启动。")
    if QGuiApplication.platformName() in HEADLESS_PLATFORMS:
        # A modal box would block a headless run (a smoke test, a screenshot job) for ever.
        if sys.stderr is not None:
            sys.stderr.write("evaldesk: " + text.replace("\n\n", "\n") + "\n")
        return
    QMessageBox.warning(None, "evaldesk", text)


def _set_identity(app: object) -> None:
    """The window icon, and the desktop file name Wayland matches windows with."""
    from PySide6.QtGui import QGuiApplication, QIcon

    from evaldesk.ui.i18n import translations_dir

    icon = translations_dir().parent / "icons" / "evaldesk.svg"
    if icon.exists():
        QGuiApplication.setWindowIcon(QIcon(str(icon)))
    QGuiApplication.setDesktopFileName("evaldesk")


def create_window(path: Path | None = None) -> object:
    """Build the main window in a running QApplication (tests, screenshots, benchmarks)."""
    from evaldesk.ui.mainwindow import MainWindow

    window = MainWindow()
    if path is not None:
        window.open_path(path, ask=False)
    return window


def main(argv: list[str] | None = None) -> int:
    """Open the window (on ``argv[0]`` if given) and run until it is closed."""
    args = list(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("evaldesk")
    QCoreApplication.setApplicationName("evaldesk")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in args if a.startswith("-")]])
    assert isinstance(app, QApplication)
    from evaldesk.ui import i18n

    i18n.install(app)
    _set_identity(app)
    if not _choose_font():
        _warn_no_chinese_font()
    files = [a for a in args if not a.startswith("-")]
    from evaldesk.ui import recovery

    # The crash dialog, the edit journal, the offer to restore what a crash left, then the file
    # asked for; the windows are kept referenced while the app runs.
    _windows = recovery.start_session([Path(f) for f in files[:1]])
    try:
        return app.exec()
    finally:
        recovery.end_session()


if __name__ == "__main__":
    raise SystemExit(main())
