"""Smoke test of the desktop bundle: build it from a clean environment and use it like a clerk.

    python build_scripts/smoke_test.py            build in a temp folder, check, clean up
    python build_scripts/smoke_test.py --keep DIR keep the venv, the bundle and the outputs in DIR
    python build_scripts/smoke_test.py --bundle dist/evaldesk   check an existing bundle only

Steps: a fresh virtual environment (python -m venv), the project installed from a copy of the
source (not editable, so a file missing from the package fails here) with the pinned PyInstaller,
build_scripts/build.py, then the built programs:
  - the window opens offscreen (and on a virtual X screen when Xvfb is installed) on the example,
    paints, shows the example's projects, closes through its normal close path and exits 0; on
    Windows it opens on the desktop through the native platform (Qt's offscreen platform there
    reads no system fonts: it is not how the program ever runs on Windows);
  - the printers Qt offers are the system's (on Windows: the spooler's, EnumPrintersW);
  - ``evaldesk-cli check`` prints Chinese findings and exits 1 (the example has an error),
    ``evaldesk-cli pdf`` writes a PDF and exits 1 ("written, but the report has errors");
  - nothing unexpected on stderr: no Qt warnings (QFont, qt.qpa, platform plugin, Fontconfig);
  - the bundle holds what printing needs (Linux: the CUPS print-support plugin; Windows:
    Qt6PrintSupport.dll, which talks to the spooler itself and has no plugin) and the Chinese Qt
    catalogue, none of the Qt modules or Python packages evaldesk does not use, and stays under
    200 MB.
Exit status 0 when every check passed, 1 otherwise. Takes about a minute with pip's cache warm.
"""

from __future__ import annotations

import argparse
import ast
import json
import locale
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import build as policy  # noqa: E402
from version_info import project_version  # noqa: E402

# Verified with PySide6-Essentials 6.11.3 on Python 3.11 (Linux); bump both together after
# running this script.
PYINSTALLER = ("pyinstaller==6.22.3", "pyinstaller-hooks-contrib==2026.9")
EXAMPLE = ROOT / "examples" / "2021年度区信访局预算项目绩效自评表.xlsx"
MAX_BUNDLE_BYTES = 200 * 1000 * 1000
GUI_TIMEOUT_S = 120.0  # a bound, not a target: Wine on a loaded CI machine took 25 s to paint
WINDOWS = sys.platform.startswith("win")
# What the programs write into a pipe: on Windows the ANSI code page (GBK on a Chinese PC), as a
# clerk's batch job receives it; UTF-8 on Linux.
OUTPUT_ENCODING = locale.getpreferredencoding(False) if WINDOWS else "utf-8"

# Qt libraries that would mean an unused module slipped in (QtSvg and QtDBus stay: the SVG icon
# plugins and QtGui itself load them).
UNUSED_QT_LIBRARIES = ("Qml", "Quick", "Network", "OpenGL", "Pdf", "Sql", "Test", "VirtualKeyboard",
                       "WebEngineCore", "Multimedia", "EglFSDeviceIntegration")
# The offscreen platform prints this for every top-level window it is asked to size; it is the
# platform plugin's own stub, not a fault of the bundle (the xcb run below must be fully clean).
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"
CJK = re.compile(r"[\u4e00-\u9fff]")


def exe(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if WINDOWS else name)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def run(command: Sequence[str | Path], env: dict[str, str], timeout: float = 120.0,
        cwd: Path | None = None) -> Run:
    started = time.perf_counter()
    try:
        done = subprocess.run([str(c) for c in command], env=env, cwd=cwd, capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode(OUTPUT_ENCODING, "replace")
        err = (exc.stderr or b"").decode(OUTPUT_ENCODING, "replace")
        return Run(-1, out, err + f"\n[smoke] timed out after {timeout:.0f} s", timeout)
    return Run(done.returncode, done.stdout.decode(OUTPUT_ENCODING, "replace"),
               done.stderr.decode(OUTPUT_ENCODING, "replace"), time.perf_counter() - started)


@dataclass
class Checks:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        if ok:
            self.passed.append(what)
            print(f"  ok    {what}")
        else:
            self.failed.append(what)
            print(f"  FAIL  {what}" + (f"\n        {detail.strip()[:2000]}" if detail else ""))
        return ok


def unexpected_stderr(text: str, allowed: Callable[[str], bool] = lambda line: False) -> list[str]:
    """Every line the programs should not have printed: the expected stderr is empty, so any Qt
    warning (QFont, qt.qpa.*, "Could not find the Qt platform plugin"), Fontconfig message or
    traceback counts."""
    return [line for line in text.splitlines() if line.strip() and not allowed(line)]


def clean_env(config: Path, **extra: str) -> dict[str, str]:
    """The user's environment less Python's and Qt's variables that could mask a missing piece."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "EVALDESK_")) and k not in ("VIRTUAL_ENV",)}
    # A fresh profile: no remembered language, window geometry or recent files.
    env["XDG_CONFIG_HOME"] = str(config)
    env.update(extra)
    return env


# -- building -----------------------------------------------------------------------------------


def copy_source(target: Path) -> Path:
    """The project as pip sees it, without the developer's venv, caches and earlier builds."""
    ignore = shutil.ignore_patterns(".venv", ".git", "build", "dist", "__pycache__", "*.egg-info",
                                    ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis",
                                    "out", "tests", "benchmarks", "docs")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if WINDOWS else "bin/python")


def build_bundle(work: Path, python: str = sys.executable) -> tuple[Path, dict[str, float]]:
    """Fresh venv → pip install project + PyInstaller → build.py. Returns the bundle and timings."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    venv = work / "venv"
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    py = str(venv_python(venv))
    source = copy_source(work / "src")
    subprocess.run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(source), *PYINSTALLER], check=True)
    timings["venv and pip install"] = time.perf_counter() - started
    started = time.perf_counter()
    # build.py from the repository, run by the clean venv: evaldesk comes from site-packages.
    subprocess.run([py, str(HERE / "build.py"), "--dist", str(work / "dist"),
                    "--work", str(work / "pyinstaller")], check=True)
    timings["pyinstaller build"] = time.perf_counter() - started
    return work / "dist" / policy.BUNDLE_NAME, timings


# -- checking -----------------------------------------------------------------------------------


def check_contents(checks: Checks, bundle: Path, work_folder: Path | None) -> int:
    files = [p for p in bundle.rglob("*") if p.is_file() or p.is_symlink()]
    names = {p.relative_to(bundle).as_posix() for p in files}
    size = policy.folder_size(bundle)
    checks.check(size < MAX_BUNDLE_BYTES, f"bundle size {size / 1e6:.1f} MB < 200 MB")
    for name in (policy.GUI_NAME, policy.CLI_NAME):
        checks.check(exe(bundle, name).is_file(), f"{exe(bundle, name).name} in the bundle")
    if WINDOWS:
        checks.check(any(n.lower().endswith("/qt6printsupport.dll") for n in names),
                     "Qt6PrintSupport.dll bundled (Windows printing; no plugin on Windows)")
    else:
        checks.check(any("/printsupport/" in n for n in names), "print-support plugin bundled",
                     "no Qt/plugins/printsupport/*")
    checks.check(any(n.endswith("/translations/qtbase_zh_CN.qm") for n in names),
                 "Qt's Chinese catalogue qtbase_zh_CN.qm bundled")
    ours = sorted(p.name for p in (ROOT / "resources" / "translations").glob("*.qm"))
    checks.check(all(f"_internal/resources/translations/{q}" in names for q in ours),
                 f"our translations bundled ({', '.join(ours)})")
    platforms = {Path(n).name for n in names if "/plugins/platforms/" in n}
    wanted = {"qwindows.dll", "qoffscreen.dll"} if WINDOWS else {"libqxcb.so", "libqoffscreen.so"}
    checks.check(wanted <= platforms, f"platform plugins {sorted(wanted)}", f"found {sorted(platforms)}")
    wrappers = sorted(n for n in names for module in policy.QT_MODULES_EXCLUDED
                      if re.search(rf"/PySide6/{module}\.", n))
    checks.check(not wrappers, "no PySide6 module evaldesk does not import", "\n".join(wrappers[:20]))
    libraries = sorted(n for n in names for lib in UNUSED_QT_LIBRARIES
                       if re.search(rf"(^|/)(lib)?Qt6{lib}\.", n))
    checks.check(not libraries, "no Qt library for QML, Quick, Network, OpenGL, ...",
                 "\n".join(libraries[:20]))
    if not WINDOWS:
        bundled_system = sorted(n for n in names if Path(n).name in policy.LINUX_SYSTEM_LIBRARIES)
        checks.check(not bundled_system, "fontconfig/freetype/X11 left to the system",
                     "\n".join(bundled_system))
        dangling = sorted(n for n in names if (bundle / n).is_symlink() and not (bundle / n).exists())
        checks.check(not dangling, "no dangling symbolic links", "\n".join(dangling[:20]))
    if work_folder is not None:
        # The PYZ table of contents names every Python module that went in.
        tocs = list(work_folder.rglob("PYZ-00.toc"))
        if checks.check(bool(tocs), "PyInstaller's module list found"):
            entries = [entry for entry in ast.literal_eval(tocs[0].read_text("utf-8"))[-1]
                       if isinstance(entry, tuple)]
            modules = {entry[0] for entry in entries}
            source = next((str(entry[1]) for entry in entries if entry[0] == "evaldesk"), "")
            checks.check("site-packages" in source.replace("\\", "/"),
                         "evaldesk bundled from the installed package, not the source tree", source)
            heavy = sorted(m for m in modules
                           if m.split(".")[0] in policy.PYTHON_EXCLUDES or (m.startswith("PySide6.")
                           and m.split(".")[1] not in policy.QT_MODULES_USED))
            checks.check(not heavy, "no test tools, pandas/numpy or unused Qt wrappers bundled",
                         "\n".join(heavy[:20]))
    return size


def project_count(cli: Path, env: dict[str, str]) -> int | None:
    dumped = run([cli, "dump", EXAMPLE], env)
    try:
        return len(json.loads(dumped.stdout)["projects"])
    except (ValueError, KeyError, TypeError):
        return None


def check_cli(checks: Checks, bundle: Path, out: Path, env: dict[str, str]) -> None:
    cli = exe(bundle, policy.CLI_NAME)
    # No display and no QT_QPA_PLATFORM: `pdf` must find its way to the offscreen platform itself,
    # as it does for a clerk's batch job over SSH.
    env = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    version = run([cli, "--version"], env)
    checks.check(version.returncode == 0 and project_version() in version.stdout,
                 f"evaldesk-cli --version prints {project_version()}", version.stdout + version.stderr)

    check = run([cli, "check", EXAMPLE], env)
    checks.check(check.returncode == 1, "evaldesk-cli check exits 1 (the example has an error)",
                 f"exit {check.returncode}\n{check.stderr}")
    checks.check(bool(CJK.search(check.stdout)) and "错误" in check.stdout,
                 "evaldesk-cli check prints Chinese findings", check.stdout[:500])
    summary = [line for line in check.stderr.splitlines() if line.strip()]
    checks.check(len(summary) == 1 and "个项目" in summary[0],
                 "evaldesk-cli check: stderr is the one summary line", check.stderr)

    # A damaged legacy .xls: the preflight opens its compound file with olefile (bundled?) and
    # says in one line that it cannot be read; no traceback.
    broken = out / "damaged.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    damaged = run([cli, "check", broken], env)
    checks.check(damaged.returncode == 2 and "Traceback" not in damaged.stderr
                 and len(damaged.stderr.strip().splitlines()) == 1,
                 "evaldesk-cli check of a damaged .xls: exit 2, one line",
                 f"exit {damaged.returncode}\n{damaged.stderr}")

    pdf = out / "out.pdf"
    made = run([cli, "pdf", EXAMPLE, "-o", pdf], env)
    checks.check(made.returncode == 1, "evaldesk-cli pdf exits 1 (written, report has errors)",
                 f"exit {made.returncode}\n{made.stderr}")
    head = pdf.read_bytes()[:5] if pdf.exists() else b""
    checks.check(head == b"%PDF-", f"PDF written ({pdf.stat().st_size if pdf.exists() else 0} bytes)")
    checks.check(not made.stderr.strip(), "evaldesk-cli pdf: nothing on stderr (no Qt/font warnings)",
                 made.stderr)
    if pdf.exists() and shutil.which("pdftotext"):
        text = run(["pdftotext", "-layout", pdf, "-"], env).stdout
        checks.check("绩效" in text, "the PDF's text is Chinese (fonts embedded, not boxes)", text[:300])


def check_self_report(checks: Checks, bundle: Path, out: Path, env: dict[str, str]) -> None:
    """`report` drafts the 绩效自评报告: python-docx and its template files made it into the bundle."""
    import zipfile

    docx = out / "自评报告.docx"
    made = run([exe(bundle, policy.CLI_NAME), "report", EXAMPLE, "-o", docx], env)
    checks.check(made.returncode == 0 and "Traceback" not in made.stderr,
                 "evaldesk-cli report exits 0", f"exit {made.returncode}\n{made.stderr}")
    body = ""
    if docx.exists() and zipfile.is_zipfile(docx):
        with zipfile.ZipFile(docx) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
    checks.check("474.59" in body and "自评结论" in body,
                 "the drafted .docx holds the example's total and the outline", body[:300])


def check_window(checks: Checks, bundle: Path, out: Path, env: dict[str, str],
                 platform: str, expected_projects: int | None) -> float | None:
    """Open the example in the windowed program; returns seconds to the first paint."""
    shot = out / f"window-{platform}.png"
    env = dict(env, EVALDESK_SMOKE_EXIT_AFTER_MS="1500", EVALDESK_SMOKE_SCREENSHOT=str(shot))
    # On Windows the windowed program has no stdout to print the hook's lines to; the console
    # program opens the same window when given no command.
    program = exe(bundle, policy.CLI_NAME if WINDOWS else policy.GUI_NAME)
    command: list[str | Path] = [program, EXAMPLE]
    if platform in ("offscreen", "windows"):
        env["QT_QPA_PLATFORM"] = platform
    else:
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
    started = time.perf_counter()
    shown_at: float | None = None
    # stdout is read on a thread that stamps each line (the first paint's time); the wait for it
    # is bounded, so a window that never paints or never closes (a modal box nobody can see)
    # fails this check instead of hanging the run. stderr goes to a file (no pipe deadlock).
    lines: list[str] = []
    stamps: list[float] = []
    with tempfile.TemporaryFile() as err_file:
        proc = subprocess.Popen([str(c) for c in command], env=env, stdout=subprocess.PIPE,
                                stderr=err_file)
        stdout = proc.stdout
        assert stdout is not None

        def read() -> None:
            for raw in stdout:
                stamps.append(time.perf_counter() - started)
                lines.append(raw.decode(OUTPUT_ENCODING, "replace").rstrip("\r\n"))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        timed_out = False
        try:
            code = proc.wait(timeout=GUI_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            timed_out = True
            proc.kill()
            code = proc.wait(timeout=30)
        reader.join(timeout=10)
        err_file.seek(0)
        stderr = err_file.read().decode(OUTPUT_ENCODING, "replace")
        if timed_out:
            stderr += f"\n[smoke] killed after {GUI_TIMEOUT_S:.0f} s: the window never closed"
    lines = list(lines)
    for line, stamp in zip(lines, stamps, strict=False):
        if line == f"{policy.SMOKE_MARK} shown":
            shown_at = stamp
            break
    where = f"[{platform}]"
    checks.check(shown_at is not None, f"{where} the window shows and paints"
                 + (f" ({shown_at:.2f} s)" if shown_at else ""), "\n".join(lines) + stderr)
    report = next((line for line in lines if line.startswith(f"{policy.SMOKE_MARK} title=")), "")
    checks.check(EXAMPLE.name in report, f"{where} the window title names the example", report)
    if expected_projects is not None:
        checks.check(f"projects={expected_projects}" in report,
                     f"{where} the window holds the example's {expected_projects} projects", report)
    checks.check(code == 0, f"{where} the window closes and the program exits 0", f"exit {code}")
    printers = next((line for line in lines if line.startswith(f"{policy.SMOKE_MARK} printers=")), "")
    check_printers(checks, where, printers)
    noise = unexpected_stderr(stderr, lambda line: platform == "offscreen" and line == OFFSCREEN_NOISE)
    checks.check(not noise, f"{where} nothing unexpected on stderr (no Qt/font warnings)", "\n".join(noise))
    checks.check(shot.exists(), f"{where} screenshot {shot}")
    return shown_at


def system_printers() -> list[str] | None:
    """The printers Windows' spooler has (EnumPrintersW, local and connected); None elsewhere."""
    if not WINDOWS:
        return None
    import ctypes
    from ctypes import wintypes

    winspool = ctypes.WinDLL("winspool.drv")
    flags = 0x2 | 0x4  # PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS
    needed, count = wintypes.DWORD(), wintypes.DWORD()
    winspool.EnumPrintersW(flags, None, 4, None, 0, ctypes.byref(needed), ctypes.byref(count))
    if needed.value == 0:
        return []
    buffer = ctypes.create_string_buffer(needed.value)
    if not winspool.EnumPrintersW(flags, None, 4, buffer, needed, ctypes.byref(needed),
                                  ctypes.byref(count)):
        return None

    class PrinterInfo4(ctypes.Structure):
        _fields_ = [("name", wintypes.LPWSTR), ("server", wintypes.LPWSTR),
                    ("attributes", wintypes.DWORD)]

    infos = ctypes.cast(buffer, ctypes.POINTER(PrinterInfo4))
    return [infos[i].name for i in range(count.value)]


def check_printers(checks: Checks, where: str, line: str) -> None:
    """The print dialog's list: the window reported what QPrinterInfo sees."""
    try:
        listed = json.loads(line.split("printers=", 1)[1].split(" default=", 1)[0])
    except (IndexError, ValueError):
        checks.check(False, f"{where} QPrinterInfo lists the printers", f"no printer report: {line!r}")
        return
    system = system_printers()
    if system is None:
        checks.check(isinstance(listed, list), f"{where} QPrinterInfo lists {len(listed)} printer(s)", line)
    else:
        checks.check(sorted(listed) == sorted(system),
                     f"{where} QPrinterInfo lists the spooler's {len(system)} printer(s)",
                     f"Qt: {listed}\nEnumPrintersW: {system}")


NON_CJK_FONTS = Path("/usr/share/fonts/truetype/dejavu")


def check_without_chinese_fonts(checks: Checks, bundle: Path, out: Path, env: dict[str, str]) -> None:
    """With only Latin fonts visible, `pdf` must refuse in one clear line, not print boxes.

    This also shows the bundle reads the system's fontconfig set-up (FONTCONFIG_FILE), which a
    bundled fontconfig of another version would not do reliably.
    """
    config = out / "fonts-no-cjk.conf"
    config.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{NON_CJK_FONTS}</dir><cachedir>{out / "fontcache"}</cachedir></fontconfig>
""", encoding="utf-8")
    env = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["FONTCONFIG_FILE"] = str(config)
    pdf = out / "no-cjk.pdf"
    made = run([exe(bundle, policy.CLI_NAME), "pdf", EXAMPLE, "-o", pdf], env)
    checks.check(made.returncode == 2 and not pdf.exists() and "字体" in made.stderr
                 and len(made.stderr.strip().splitlines()) == 1,
                 "without Chinese fonts `pdf` exits 2 with one line naming the fonts to install",
                 f"exit {made.returncode}\n{made.stderr}")


def glibc_needed(bundle: Path) -> str | None:
    """The newest GLIBC symbol version any bundled file needs: the oldest Linux it runs on."""
    if not shutil.which("objdump"):
        return None
    newest = (0, 0)
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink() or not (".so" in path.name or os.access(path, os.X_OK)):
            continue
        symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True,
                                 check=False).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", symbols):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}" if newest != (0, 0) else None


def check_linux_files(checks: Checks, bundle: Path) -> None:
    desktop = bundle / "evaldesk.desktop"
    checks.check(desktop.is_file() and (bundle / "install.sh").is_file()
                 and (bundle / policy.FONT_ALIASES).is_file(),
                 ".desktop, install.sh and the font aliases in the bundle")
    if desktop.is_file() and shutil.which("desktop-file-validate"):
        valid = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True,
                               check=False)
        checks.check(valid.returncode == 0 and not valid.stdout.strip(), "desktop-file-validate passes",
                     valid.stdout + valid.stderr)
    archives = list(bundle.parent.glob("evaldesk-*-linux-*.tar.gz"))
    checks.check(len(archives) == 1, "the .tar.gz for Linux is made",
                 ", ".join(a.name for a in archives))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the bundle from a clean venv and smoke-test it.")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it")
    parser.add_argument("--bundle", type=Path, help="test this built bundle instead of building")
    parser.add_argument("--python", default=sys.executable,
                        help="the Python 3.11 to make the clean venv from (default: this one)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="evaldesk-smoke-"))
    if args.keep and not args.bundle and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    checks = Checks()
    try:
        timings: dict[str, float] = {}
        if args.bundle:
            bundle = args.bundle.resolve()
            pyi_work = None
        else:
            print(f"smoke: building in {work}")
            bundle, timings = build_bundle(work, args.python)
            pyi_work = work / "pyinstaller"
        out = work / "out"
        out.mkdir(exist_ok=True)
        env = clean_env(work / "config")
        print("smoke: bundle contents")
        size = check_contents(checks, bundle, pyi_work)
        if sys.platform.startswith("linux") and not args.bundle:
            check_linux_files(checks, bundle)
        print("smoke: command line")
        check_cli(checks, bundle, out, env)
        check_self_report(checks, bundle, out, env)
        expected = project_count(exe(bundle, policy.CLI_NAME), env)
        checks.check(expected is not None and expected > 0, f"evaldesk-cli dump lists {expected} projects")
        if sys.platform.startswith("linux") and NON_CJK_FONTS.is_dir():
            check_without_chinese_fonts(checks, bundle, out, env)
        print("smoke: window")
        shown: dict[str, float | None] = {}
        if WINDOWS:
            shown["windows"] = check_window(checks, bundle, out, env, "windows", expected)
        else:
            shown["offscreen"] = check_window(checks, bundle, out, env, "offscreen", expected)
        if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
            shown["xcb"] = check_window(checks, bundle, out, env, "xcb", expected)
        print("smoke: figures")
        for what, seconds in timings.items():
            print(f"  {what}: {seconds:.0f} s")
        print(f"  bundle: {size / 1e6:.1f} MB")
        glibc = glibc_needed(bundle) if sys.platform.startswith("linux") else None
        if glibc:
            print(f"  needs glibc >= {glibc} (that of the build machine: build on the oldest target)")
        for platform, paint in shown.items():
            if paint is not None:
                print(f"  first paint [{platform}]: {paint:.2f} s (this run, not a benchmark)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    verdict = "all passed" if not checks.failed else f"{len(checks.failed)} FAILED"
    print(f"smoke: {len(checks.passed) + len(checks.failed)} checks, {verdict} ({total:.0f} s)")
    for what in checks.failed:
        print(f"  failed: {what}")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
