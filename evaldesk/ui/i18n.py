"""Languages: Chinese by default (the source strings are Chinese), English as a translation.

Qt's own dialogs and buttons (保存/不保存/取消) come from ``qtbase_zh_CN.qm`` shipped with Qt.
The choice is remembered in QSettings and applied at the next start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = {CHINESE: "中文", ENGLISH: "English"}
SETTINGS_KEY = "ui/language"


def settings() -> QSettings:
    # An .ini file on every system (not the Windows registry): easy to back up or reset, and the
    # tests and screenshot script can point it at a folder of their own with QSettings.setPath.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "evaldesk", "evaldesk")


def translations_dir() -> Path:
    # In a frozen build the resources sit beside the executable's bundle.
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "resources" / "translations"


def saved_language() -> str:
    value = settings().value(SETTINGS_KEY, CHINESE)
    return value if isinstance(value, str) and value in LANGUAGES else CHINESE


def save_language(language: str) -> None:
    settings().setValue(SETTINGS_KEY, language)


_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load the translators for ``language`` (default: the saved one); returns it."""
    language = language or saved_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == CHINESE:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for name in ("qtbase_zh_CN", "qt_zh_CN"):
            qt = QTranslator(app)
            if qt.load(name, qt_dir):
                app.installTranslator(qt)
                _installed.append(qt)
                break
        from evaldesk.ui.filedialogs import QtWording

        wording = QtWording(app)  # installed last: asked before Qt's catalogue
        app.installTranslator(wording)
        _installed.append(wording)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        own = QTranslator(app)
        if own.load(f"evaldesk_{language}", str(translations_dir())):
            app.installTranslator(own)
            _installed.append(own)
    return language
