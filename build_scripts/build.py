"""Build the desktop bundle: ``python build_scripts/build.py`` (the one build command).

Runs PyInstaller on build_scripts/evaldesk.spec with the Python that runs this script (a clean
virtual environment with the project and PyInstaller installed: see build_scripts/README.md), then
on Linux adds the .desktop file, the icon and install.sh and packs ``dist/evaldesk-VERSION-linux-
ARCH.tar.gz``. On Windows the folder ``dist/evaldesk`` is what installer.iss packs.

This module is also the packaging policy the spec imports — which Python modules, Qt plugins and
shared libraries go into the bundle — so that tests can check it without running PyInstaller.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable
from pathlib import Path, PurePath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "evaldesk.spec"
LINUX_FILES = HERE / "linux"

GUI_NAME = "evaldesk"  # windowed: Start menu, file association, double click
CLI_NAME = "evaldesk-cli"  # console: check/dump/convert/pdf print to stdout and give exit codes
BUNDLE_NAME = "evaldesk"  # the folder dist/evaldesk

# Modules the app never imports but that the build environment may have: dev tools, and the heavy
# data stack (pandas is not a dependency; a stray import must fail the smoke test, not bloat the
# bundle). tkinter/unittest/pydoc are stdlib parts PyInstaller would otherwise follow from hooks.
PYTHON_EXCLUDES = (
    "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "pdb", "lib2to3", "idlelib", "test",
    "ensurepip", "venv", "distutils", "setuptools", "pkg_resources", "pip", "wheel",
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff",
    "numpy", "pandas", "openpyxl", "pypdf", "defusedxml", "PIL", "matplotlib", "IPython",
)

# The Qt modules evaldesk imports (tests/test_packaging.py checks this against the source).
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")

# Every other PySide6 module of PySide6-Essentials: PySide6/__init__ names them all, and the
# QtGui hook pulls the QtDBus wrapper in, so PyInstaller would bundle their Python wrappers and
# Qt libraries unless told not to.
QT_MODULES_EXCLUDED = (
    "QtConcurrent", "QtDBus", "QtDesigner", "QtHelp", "QtNetwork", "QtOpenGL", "QtOpenGLWidgets",
    "QtQml", "QtQuick", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtSql", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtUiTools", "QtXml", "QtStateMachine", "QtGraphs", "QtCharts",
    "QtDataVisualization", "QtWebEngineCore", "QtWebEngineWidgets", "QtMultimedia",
    "QtMultimediaWidgets", "QtPdf", "QtPdfWidgets", "QtNetworkAuth", "QtBluetooth",
    "QtPositioning", "QtSerialPort", "QtWebSockets", "QtRemoteObjects", "QtScxml",
    "QtSpatialAudio", "QtTextToSpeech", "QtHttpServer", "QtWebChannel", "QtAxContainer",
    "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation", "Qt3DExtras",
)


def python_excludes() -> list[str]:
    return [*PYTHON_EXCLUDES, *(f"PySide6.{name}" for name in QT_MODULES_EXCLUDED)]


# Qt plugins kept, by plugin folder; a folder not named here is left out whole, None keeps all.
# Names are file stems without "lib" (Linux) so one table serves both systems.
QT_PLUGINS_KEPT: dict[str, frozenset[str] | None] = {
    # xcb (X11) and wayland for desktops; offscreen for `evaldesk-cli pdf` without a display and
    # for the smoke test; windows on Windows.
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows"}),
    # Native file dialogs through the desktop portal; the gtk3 theme would drag GTK, cairo and
    # pango (15 MB of the build machine's libraries that must match the user's GTK) into the bundle.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Chinese input methods reach Qt through IBus (fcitx5 speaks the IBus protocol too).
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}),
    # Toolbar icons are SVG (resources/icons); .ico for the Windows window icon.
    "imageformats": frozenset({"qsvg", "qico"}),
    "iconengines": frozenset({"qsvgicon"}),
    # Printing is a core feature: every print-support plugin stays (CUPS, Windows spooler).
    "printsupport": None,
    # Windows 11 look (qmodernwindowsstyle) and the classic one.
    "styles": None,
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": None,
}

# Qt translations: ours come from resources/translations; of Qt's only the Chinese catalogue
# of qtbase (保存/取消 on standard buttons and dialogs) is used.
QT_TRANSLATIONS_KEPT = frozenset({"qtbase_zh_CN.qm"})

# Libraries every Linux desktop has and whose copy must match the system: fontconfig and
# freetype read the system's fonts.conf (an older bundled copy prints "Fontconfig warning" and may
# miss fonts), X11/xcb/dbus talk to the system's servers. Kept out of the bundle on purpose.
LINUX_SYSTEM_LIBRARIES = frozenset({
    "libfontconfig.so.1", "libfreetype.so.6", "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1",
    "libdbus-1.so.3",
})

# DLLs nothing kept loads on Windows. OpenGL/ANGLE: a widgets app drawing with the raster engine
# never uses them. Qt6Network: PyInstaller's PySide6 hook collects it, but no module evaldesk
# imports and no kept plugin links it (it came with the dropped TLS and network-information
# plugins); the smoke test's window, pdf and printing runs prove the bundle works without it.
WINDOWS_UNUSED_DLLS = frozenset({"opengl32sw.dll", "d3dcompiler_47.dll", "libegl.dll", "libglesv2.dll",
                                 "qt6network.dll"})


def _stem(file_name: str) -> str:
    name = file_name.split(".")[0]
    return name[3:] if name.startswith("lib") else name


def qt_plugin_kept(dest: str) -> bool:
    """Whether a bundled file under .../Qt/plugins/ (or plugins/ on Windows) stays; others: True."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "plugins" not in parts:
        return True
    rest = parts[parts.index("plugins") + 1:]
    if len(rest) < 2 or "PySide6" not in parts:
        return True
    kind, file_name = rest[0], rest[-1]
    if kind not in QT_PLUGINS_KEPT:
        return False
    kept = QT_PLUGINS_KEPT[kind]
    return kept is None or _stem(file_name) in kept


def qt_translation_kept(dest: str) -> bool:
    parts = PurePath(dest.replace("\\", "/")).parts
    if "PySide6" in parts and "translations" in parts and dest.endswith(".qm"):
        return parts[-1] in QT_TRANSLATIONS_KEPT
    return True


# Set by linux/build_glibc228.sh: a bundle for older systems than the build machine must not carry
# the build machine's own libraries (glib, libstdc++, CUPS, xkbcommon … built for its newer glibc):
# it takes every library from the wheels and its own Python, and the rest from the clerk's system.
LEAVE_HOST_LIBRARIES_ENV = "EVALDESK_LEAVE_HOST_LIBRARIES"
LINUX_HOST_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def system_library(dest: str, system: str = sys.platform, source: str | None = None) -> bool:
    """A library the bundle must leave to the system (see LINUX_SYSTEM_LIBRARIES, and above)."""
    name = PurePath(dest.replace("\\", "/")).name
    if system.startswith("linux"):
        from_host = (source is not None and os.environ.get(LEAVE_HOST_LIBRARIES_ENV) == "1"
                     and os.path.realpath(source).startswith(LINUX_HOST_LIBRARY_DIRS))
        return name in LINUX_SYSTEM_LIBRARIES or from_host
    if system.startswith("win"):
        return name.lower() in WINDOWS_UNUSED_DLLS
    return False


def reachable_libraries(roots: Iterable[str], needed: dict[str, list[str]]) -> set[str]:
    """Base names of the shared libraries that ``roots`` load, directly or not.

    ``needed`` maps a base name to the base names it links against (its DT_NEEDED). Libraries
    that only left-out plugins used (EGL device integration, the gtk3 theme's cairo, QtNetwork's
    OpenSSL) are then not reachable and are dropped.
    """
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        for dep in needed.get(name, ()):
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    return seen


# The windowed and the console program run the same code; each is a small script written by the
# spec into PyInstaller's work folder. EVALDESK_SMOKE_EXIT_AFTER_MS is the test hook of
# smoke_test.py and bench_startup.py: at the window's first paint it prints
# "EVALDESK-SMOKE shown", after that many milliseconds it prints what the window shows and closes
# it through the normal close path (settings saved, unsaved-changes check), so the exit code is
# the app's own. Until app.main offers such a hook itself, it lives here, outside the app.
SMOKE_ENV = "EVALDESK_SMOKE_EXIT_AFTER_MS"
SMOKE_MARK = "EVALDESK-SMOKE"
SMOKE_SCREENSHOT_ENV = "EVALDESK_SMOKE_SCREENSHOT"  # a PNG of the window, taken before closing

_SMOKE_HOOK = '''
def _smoke_hook(after_ms):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from evaldesk.ui import mainwindow

    class FirstPaint(QObject):
        def __init__(self, window):
            super().__init__(window)
            self.window = window

        def eventFilter(self, watched, event):
            if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                    and watched.window() is self.window):
                QApplication.instance().removeEventFilter(self)
                print("{mark} shown", flush=True)
                QTimer.singleShot(after_ms, self.report_and_close)
            return False

        def report_and_close(self):
            window = self.window
            if window._task is not None:  # still opening the file: the window refuses to close
                QTimer.singleShot(50, self.report_and_close)
                return
            print("{mark} title=" + repr(window.windowTitle()) + " projects="
                  + str(len(window.doc.report.projects)), flush=True)
            # What the print dialog will offer: on Windows the printers come from the spooler
            # through Qt6PrintSupport itself, on Linux from the CUPS plugin.
            from PySide6.QtPrintSupport import QPrinterInfo
            print("{mark} printers=" + json.dumps(QPrinterInfo.availablePrinterNames())
                  + " default=" + json.dumps(QPrinterInfo.defaultPrinterName()), flush=True)
            if os.environ.get("{shot}"):
                window.grab().save(os.environ["{shot}"])
            window.close()

    class SmokeWindow(mainwindow.MainWindow):
        _watch = None

        def showEvent(self, event):
            super().showEvent(event)
            if self._watch is None:
                self._watch = FirstPaint(self)
                QApplication.instance().installEventFilter(self._watch)

    mainwindow.MainWindow = SmokeWindow


if os.environ.get("{env}"):
    _smoke_hook(int(os.environ["{env}"]))
'''.replace("{mark}", SMOKE_MARK).replace("{env}", SMOKE_ENV).replace(
    "{shot}", SMOKE_SCREENSHOT_ENV)

_ENTRY = '''"""{doc} (written by build_scripts/build.py for evaldesk.spec)."""
import json
import os
import sys
{hook}
from {module} import main

sys.exit(main())
'''


def entry_script(name: str) -> str:
    """Source of the frozen program ``name`` (GUI_NAME or CLI_NAME)."""
    if name == GUI_NAME:
        # The windowed program always opens the window: it has no console to print to, and a
        # double-clicked 自评表.xlsx arrives as its only argument.
        return _ENTRY.format(doc="evaldesk: the window", hook=_SMOKE_HOOK, module="evaldesk.app")
    if name == CLI_NAME:
        return _ENTRY.format(doc="evaldesk-cli: the command line; no command opens the window",
                             hook=_SMOKE_HOOK, module="evaldesk.cli")
    raise ValueError(name)


def write_entry_scripts(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in (GUI_NAME, CLI_NAME):
        path = folder / f"{name.replace('-', '_')}_entry.py"
        path.write_text(entry_script(name), encoding="utf-8")
        paths[name] = path
    return paths


# -- the build command --------------------------------------------------------------------------


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def linux_archive_name(version: str) -> str:
    return f"evaldesk-{version}-linux-{platform.machine() or 'x86_64'}.tar.gz"


# Windows' Chinese font names (宋体, 黑体, 仿宋…) resolved to the desktop's CJK fonts, so the
# drafted 绩效自评报告 opens in LibreOffice/WPS with its headings bold (see the file).
FONT_ALIASES = "65-evaldesk-chinese-office-fonts.conf"


def add_linux_files(bundle: Path) -> None:
    """The .desktop file, the icon, the font aliases and install.sh beside the programs (see
    linux/install.sh)."""
    for name in ("evaldesk.desktop", "evaldesk.svg", "evaldesk.png", FONT_ALIASES, "install.sh"):
        shutil.copy2(LINUX_FILES / name, bundle / name)
    (bundle / "install.sh").chmod(0o755)


def make_tarball(bundle: Path, archive: Path) -> Path:
    # Named entries under one top folder, so `tar xf` makes evaldesk-VERSION/ and nothing else.
    top = archive.name.removesuffix(".tar.gz")
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top)
    return archive


def run_pyinstaller(python: str, dist: Path, work: Path) -> None:
    command = [python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    # Not from the repository: `python -m` puts the working folder first on sys.path, and the
    # bundle must take evaldesk from the environment it was installed into.
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(command, check=True, cwd=work)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the evaldesk folder bundle with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default build/pyinstaller)")
    parser.add_argument("--no-archive", action="store_true", help="Linux: skip the .tar.gz")
    parser.add_argument("--installer", action="store_true",
                        help="Windows: also compile installer.iss with Inno Setup 6")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(HERE))
    from version_info import project_version

    version = project_version()
    started = time.perf_counter()
    run_pyinstaller(sys.executable, args.dist.resolve(), args.work.resolve())
    bundle = args.dist.resolve() / BUNDLE_NAME
    built = time.perf_counter() - started
    print(f"build: {bundle} ({folder_size(bundle) / 1e6:.1f} MB) in {built:.0f} s")
    if sys.platform.startswith("linux"):
        add_linux_files(bundle)
        if not args.no_archive:
            archive = make_tarball(bundle, args.dist.resolve() / linux_archive_name(version))
            print(f"build: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    elif os.name == "nt":
        iscc = find_iscc()
        if args.installer and iscc is None:
            print("build: Inno Setup's ISCC.exe not found (install Inno Setup 6 or put it on PATH)")
            return 1
        if args.installer and iscc is not None:
            subprocess.run([str(iscc), f"/DAppVersion={version}", str(HERE / "installer.iss")],
                           check=True)
        else:
            print("build: for the installer run `iscc build_scripts\\installer.iss` (see README)")
    return 0


def find_iscc() -> Path | None:
    """Inno Setup's command-line compiler: on PATH or where its installer puts it."""
    found = shutil.which("iscc")
    if found:
        return Path(found)
    local = os.environ.get("LOCALAPPDATA")
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES"),
                 local and str(Path(local) / "Programs")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return Path(base) / "Inno Setup 6" / "ISCC.exe"
    return None


if __name__ == "__main__":
    sys.exit(main())
