"""Packaging policy, checked without building: the spec, the version resource, the Linux files.

The build itself is exercised by build_scripts/smoke_test.py (a minute, run from CI).
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import evaldesk

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "build_scripts"
LINUX = SCRIPTS / "linux"
EXAMPLE = REPO / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"


def _load(name: str) -> ModuleType:
    # By path and under a unique name: a `build/` folder at the repository root (pip's in-tree
    # builds) would otherwise shadow build_scripts/build.py as a namespace package.
    spec = importlib.util.spec_from_file_location(f"evaldesk_packaging_{name}", SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


policy = _load("build")
version_info = _load("version_info")


def _imports(package: Path) -> set[str]:
    """Every module name imported anywhere under ``package`` (function-level imports included)."""
    names: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


# -- what goes into the bundle --------------------------------------------------------------------


def test_qt_modules_used_are_exactly_those_evaldesk_imports() -> None:
    imported = {name.split(".")[1] for name in _imports(REPO / "evaldesk")
                if name.startswith("PySide6.") and name.split(".")[1].startswith("Qt")}
    # A new Qt module in evaldesk must be added to build_scripts/build.py (QT_MODULES_USED, and
    # taken out of QT_MODULES_EXCLUDED), or the frozen app fails with ImportError.
    assert imported == set(policy.QT_MODULES_USED), "update QT_MODULES_USED in build_scripts/build.py"
    assert not imported & set(policy.QT_MODULES_EXCLUDED)


def test_no_excluded_python_package_is_imported_by_evaldesk() -> None:
    top_level = {name.split(".")[0] for name in _imports(REPO / "evaldesk")}
    assert not top_level & set(policy.PYTHON_EXCLUDES)
    assert "pandas" in policy.PYTHON_EXCLUDES and "pytest" in policy.PYTHON_EXCLUDES


def test_excludes_name_unused_qt_wrappers_and_dev_tools() -> None:
    excludes = policy.python_excludes()
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtNetwork", "PySide6.QtDBus"} <= set(excludes)
    assert not any(name == f"PySide6.{used}" for used in policy.QT_MODULES_USED for name in excludes)


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/plugins/printsupport/windowsprintersupport.dll", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("python_calamine/_python_calamine.cpython-311-x86_64-linux-gnu.so", True),
])
def test_qt_plugin_policy(dest: str, kept: bool) -> None:
    assert policy.qt_plugin_kept(dest) is kept


def test_only_the_chinese_qtbase_catalogue_is_kept() -> None:
    assert policy.qt_translation_kept("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not policy.qt_translation_kept("PySide6/Qt/translations/qtbase_de.qm")
    assert not policy.qt_translation_kept("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert policy.qt_translation_kept("resources/translations/evaldesk_en.qm")


def test_fontconfig_is_left_to_the_system_on_linux_only() -> None:
    assert policy.system_library("libfontconfig.so.1", "linux")
    assert policy.system_library("libfreetype.so.6", "linux")
    assert not policy.system_library("libxcb-cursor.so.0", "linux")  # missing on many desktops
    assert not policy.system_library("libfontconfig.so.1", "win32")
    assert policy.system_library("PySide6/opengl32sw.dll", "win32")
    # Nothing evaldesk loads needs Qt's network library; printing lives in Qt6PrintSupport itself.
    assert policy.system_library("PySide6/Qt6Network.dll", "win32")
    assert not policy.system_library("PySide6/Qt6PrintSupport.dll", "win32")


def test_reachable_libraries_follows_needed_entries_only() -> None:
    needed = {"QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
              "libQt6Widgets.so.6": ["libQt6Gui.so.6"],
              "libQt6Gui.so.6": ["libQt6Core.so.6"],
              "libqeglfs.so": ["libQt6EglFSDeviceIntegration.so.6"]}
    assert policy.reachable_libraries(["QtWidgets.abi3.so"], needed) == {
        "libQt6Widgets.so.6", "libQt6Gui.so.6", "libQt6Core.so.6"}


def _spec_calls(name: str) -> list[dict[str, Any]]:
    tree = ast.parse((SCRIPTS / "evaldesk.spec").read_text("utf-8"))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name:
            calls.append({kw.arg: kw.value for kw in node.keywords if kw.arg})
    return calls


def test_spec_builds_a_windowed_and_a_console_program_into_one_folder_without_upx() -> None:
    exes = _spec_calls("EXE")
    assert len(exes) == 2
    consoles = {ast.unparse(call["name"]): ast.literal_eval(call["console"]) for call in exes}
    assert consoles == {"policy.GUI_NAME": False, "policy.CLI_NAME": True}
    for call in exes:
        assert ast.literal_eval(call["exclude_binaries"]) is True  # folder build, not one-file
        assert ast.literal_eval(call["upx"]) is False
    (collect,) = _spec_calls("COLLECT")
    assert ast.literal_eval(collect["upx"]) is False
    assert policy.GUI_NAME == "evaldesk" and policy.CLI_NAME == "evaldesk-cli"


@pytest.mark.parametrize("name", ["evaldesk", "evaldesk-cli"])
def test_entry_scripts_compile_and_call_the_right_main(name: str) -> None:
    source = policy.entry_script(name)
    compile(source, f"{name}_entry.py", "exec")
    module = "evaldesk.app" if name == "evaldesk" else "evaldesk.cli"
    assert f"from {module} import main" in source


def test_smoke_hook_opens_the_example_and_exits_cleanly(tmp_path: Path) -> None:
    """The hook the smoke test and the benchmark rely on still fits the main window."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVALDESK_")}
    # Offscreen where the smoke test runs it (Linux); on Windows the native platform, since Qt's
    # offscreen platform there reads no system fonts.
    platform = "windows" if sys.platform == "win32" else "offscreen"
    env.update(QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=str(tmp_path),
               **{policy.SMOKE_ENV: "0", policy.SMOKE_SCREENSHOT_ENV: str(tmp_path / "w.png")})
    done = subprocess.run([sys.executable, "-c", policy.entry_script(policy.GUI_NAME), str(EXAMPLE)],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"{policy.SMOKE_MARK} shown" in lines
    report = next(line for line in lines if line.startswith(f"{policy.SMOKE_MARK} title="))
    assert EXAMPLE.name in report and "projects=0" not in report
    assert (tmp_path / "w.png").stat().st_size > 0


# -- version resource -------------------------------------------------------------------------------


def test_version_comes_from_pyproject_and_matches_the_package() -> None:
    with (REPO / "pyproject.toml").open("rb") as handle:
        declared = tomllib.load(handle)["project"]["version"]
    assert version_info.project_version() == declared == evaldesk.__version__


@pytest.mark.parametrize(("text", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2", (2, 0, 0, 0)),
    ("2024.10.1.7", (2024, 10, 1, 7)), ("v3.1", (3, 1, 0, 0)),
])
def test_version_tuple(text: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_info.version_tuple(text) == numbers


@pytest.mark.parametrize("text", ["", "dev", "70000.1"])
def test_version_tuple_refuses_what_windows_cannot_hold(text: str) -> None:
    with pytest.raises(ValueError, match="version"):
        version_info.version_tuple(text)


def test_version_file_is_pyinstallers_format(tmp_path: Path) -> None:
    """Evaluate the file as PyInstaller does, with recording stand-ins for its classes."""
    written = version_info.write_version_files(tmp_path, "1.4.2")
    assert set(written) == {"evaldesk", "evaldesk-cli"}

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    value = eval(written["evaldesk-cli"].read_text("utf-8"), {n: record(n) for n in names})
    _kind, _args, fields = value
    assert fields["ffi"][2]["filevers"] == (1, 4, 2, 0)
    table = fields["kids"][0][1][0][0]
    strings = {item[1][0]: item[1][1] for item in table[1][1]}
    assert strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "evaldesk-cli.exe"
    assert "命令行" in strings["FileDescription"]


# -- Linux desktop files, icon, installer -------------------------------------------------------------


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / "evaldesk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_launches_the_windowed_program_for_xlsx() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == policy.GUI_NAME and entry["Exec"].split()[1] in ("%f", "%F")
    assert entry["Icon"] == "evaldesk" and entry["Terminal"] == "false"
    assert "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" in entry["MimeType"]
    for key in ("Categories", "MimeType", "Keywords"):
        assert entry[key].endswith(";")
    assert "绩效" in entry["Name[zh_CN]"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(LINUX / "evaldesk.desktop")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_linux_files_the_build_copies_exist() -> None:
    for name in ("evaldesk.desktop", "evaldesk.svg", "evaldesk.png", "install.sh"):
        assert (LINUX / name).is_file(), name
    assert (LINUX / "install.sh").read_text("utf-8").startswith("#!/bin/sh")


def test_windows_icon_has_the_sizes_explorer_asks_for() -> None:
    data = (LINUX / "evaldesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        entry = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        width, length, offset = entry[0], entry[6], entry[7]
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_installer_cleans_every_registry_key_it_creates() -> None:
    text = (SCRIPTS / "installer.iss").read_text("utf-8-sig")
    assert "用 evaldesk 打开" in text and "PrivilegesRequired=lowest" in text
    lines = [line for line in text.splitlines() if line.startswith("Root: HKA")]
    assert lines
    owned = [line.split('Subkey: "')[1].split('"')[0] for line in lines if "uninsdeletekey" in line]
    for line in lines:
        subkey = line.split('Subkey: "')[1].split('"')[0]
        assert "uninsdeletevalue" in line or any(subkey.startswith(root) for root in owned), line


def test_the_windows_bench_installs_every_dependency_of_the_project() -> None:
    """build_scripts/windows/requirements-win.txt must follow pyproject.toml: a dependency added
    there and not here breaks the Windows bench's tests and bundle, not Linux's."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    wanted = [*project["dependencies"],
              *(d for d in project["optional-dependencies"]["dev"]
                if not d.startswith(("ruff", "mypy")))]  # the linters run on Linux only
    lines = (REPO / "build_scripts" / "windows" / "requirements-win.txt").read_text("utf-8").splitlines()
    pinned = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    assert set(wanted) <= pinned, sorted(set(wanted) - pinned)
