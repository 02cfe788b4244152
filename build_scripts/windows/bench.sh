#!/usr/bin/env bash
# The Windows bench: evaldesk as a Windows program on a Chinese Windows (ANSI code page 936),
# under Wine, after setup.sh. Stages (default: all, in this order):
#   tests      the whole test suite with the Windows Python and Qt's native "windows" platform
#   cli        `evaldesk check` redirected by a batch file on cp936 and on cp1252 (English Windows);
#              the files must read back as GBK / UTF-8 without a single undecodable byte
#   build      the PyInstaller bundle (build_scripts/build.py) with the Windows Python
#   smoke      build_scripts/smoke_test.py on the built .exe files: window, check, pdf, printers,
#              nothing unused bundled; then the bundle's evaldesk-cli redirected like `cli`
#   installer  installer.iss compiled with ISCC, installed silently, the installed program
#              started (command line and window), uninstalled; nothing may be left behind
# Usage: bash build_scripts/windows/bench.sh [stage...]      (or `make windows`: setup + all)
# Output and logs: build/windows-bench/ (bench.log per stage, summary.txt with the timings).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
W=${EVALDESK_WINE_CACHE:-$ROOT/build/windows-cache}
OUT=$ROOT/build/windows-bench
STAGES=${*:-tests cli build smoke installer}
[ -f "$W/ready" ] || { echo "windows-bench: run build_scripts/windows/setup.sh first" >&2; exit 2; }
# One virtual screen for the whole bench: an uninstaller that hands over to a copy of itself must
# not lose its display when the first process exits (as it would with one xvfb-run per program).
if [ -z "${EVALDESK_BENCH_SCREEN:-}" ]; then
  exec env EVALDESK_BENCH_SCREEN=1 xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" "$@"
fi
mkdir -p "$OUT"
cd "$ROOT"

# A Chinese Windows 10. Wine passes the Linux environment on, except QT_* (WINEQT_* arrive as
# QT_*). WINEDLLOVERRIDES: no prompt to install Mono or Gecko, which nothing here needs.
# The locale is given to Wine alone (wine_run): this shell keeps the machine's.
export WINEPREFIX="$W/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" PYTHONDONTWRITEBYTECODE=1
WINE_LOCALE=zh_CN.UTF-8
unset QT_QPA_PLATFORM PYTHONPATH PYTHONIOENCODING WAYLAND_DISPLAY
PY="$W/py311/python.exe"
PYBUILD="$OUT/pybuild/python.exe"
DIST="$OUT/dist"
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
winpath() { echo "Z:${1//\//\\}"; }

# wine_run SECONDS PROGRAM ARGS...: stdout through a pipe and stdin from /dev/null (a console
# program under Wine dies at start-up otherwise); killed after SECONDS; then waits until every
# Windows process it started has ended.
wine_run() {
  local seconds=$1; shift
  timeout -k 30 "$seconds" env LOCPATH="$W/locale" LANG="$WINE_LOCALE" LC_ALL="$WINE_LOCALE" \
    wine "$@" </dev/null 2>&1 | cat
  local status=${PIPESTATUS[0]}
  timeout 60 wineserver -w
  return "$status"
}

stage_tests() {
  # --timeout: one hung test fails alone. -rsfE lists every skip with its reason.
  WINEQT_QPA_PLATFORM=windows wine_run 3000 "$PY" -m pytest -p no:cacheprovider -q -rsfE \
    --timeout 300 --basetemp "$(winpath "$OUT/pytest")" | tee "$OUT/tests.log" | tail -40
  local status=${PIPESTATUS[0]}
  grep -E '^[0-9]+ (passed|failed)|passed|failed' "$OUT/tests.log" | tail -1 > "$OUT/tests.counts"
  return "$status"
}

# check_redirect NAME PROGRAM-PATH (Linux path of python.exe or evaldesk-cli.exe)
check_redirect() {
  local name=$1 program=$2 dir="$OUT/cli-$1" status=0 invoke
  rm -rf "$dir" && mkdir -p "$dir"
  # The example under a name with spaces and Chinese, as a clerk would keep it.
  cp "examples/2021年度区信访局预算项目绩效自评表.xlsx" "$dir/2021年度 区信访局 自评表.xlsx"
  cp "examples/2021年度区信访局预算项目绩效自评表.xlsx" "$dir/example.xlsx"
  case $program in
    *python.exe) invoke="\"$(winpath "$program")\" -m evaldesk" ;;
    *) invoke="\"$(winpath "$program")\"" ;;
  esac
  # A batch file as Notepad saves it on a Chinese PC (GBK): the report to 结果.txt, the summary
  # line to 汇总.txt. On an English Windows (cp1252) the names are ASCII.
  printf '@echo off\r\ncd /d "%%~dp0"\r\nset PYTHONPATH=%s\r\n%s check "2021年度 区信访局 自评表.xlsx" > 结果.txt 2> 汇总.txt\r\necho exit=%%ERRORLEVEL%%> 退出码.txt\r\n' \
    "$(winpath "$ROOT")" "$invoke" | iconv -f utf-8 -t gbk > "$dir/检查.bat"
  printf '@echo off\r\ncd /d "%%~dp0"\r\nset PYTHONPATH=%s\r\n%s check example.xlsx > result.txt 2> summary.txt\r\necho exit=%%ERRORLEVEL%%> exitcode.txt\r\n' \
    "$(winpath "$ROOT")" "$invoke" > "$dir/check-en.bat"
  wine_run 300 cmd /c "$(winpath "$dir")\\检查.bat" >/dev/null
  WINE_LOCALE=en_US.UTF-8 wine_run 300 cmd /c "$(winpath "$dir")\\check-en.bat" >/dev/null
  for spec in "结果.txt 汇总.txt 退出码.txt gbk cp936" "result.txt summary.txt exitcode.txt utf-8 cp1252"; do
    set -- $spec
    local out="$dir/$1" err="$dir/$2" code="$dir/$3" encoding=$4 page=$5
    # iconv without -c: one byte that is not $encoding fails the check.
    if [ ! -s "$out" ] || ! iconv -f "$encoding" -t utf-8 "$out" | tr -d '\r' > "$out.utf8" \
       || ! iconv -f "$encoding" -t utf-8 "$err" | tr -d '\r' > "$err.utf8"; then
      echo "  FAIL  [$name $page] the redirected report is missing or not $encoding"; status=1; continue
    fi
    local lines findings
    lines=$(grep -c . "$out.utf8")
    findings=$(grep -cE ': (错误|警告)：.*\[[A-Z_]+\]$' "$out.utf8")
    if [ "$lines" -gt 0 ] && [ "$lines" = "$findings" ] && grep -q '个项目' "$err.utf8" \
       && grep -q 'exit=1' "$code" && ! grep -q Traceback "$err.utf8"; then
      echo "  ok    [$name $page] $findings finding lines, every one readable as $encoding; $(tr -d '\r' < "$code")"
    else
      echo "  FAIL  [$name $page] $lines lines, $findings finding lines; $(cat "$code" 2>/dev/null)"
      head -5 "$out.utf8" "$err.utf8"; status=1
    fi
  done
  head -3 "$dir/结果.txt.utf8" 2>/dev/null | sed 's/^/        /'
  return "$status"
}

stage_cli() { check_redirect source "$PY"; }

stage_build() {
  # PyInstaller takes evaldesk from site-packages (build.py runs outside the checkout): a wheel
  # built here, installed into a copy of the Windows Python.
  rm -rf "$OUT/pybuild" "$OUT/wheel" "$DIST" "$OUT/pyinstaller"
  cp -a "$W/py311" "$OUT/pybuild"
  # From a copy of what the package is made of: setuptools would otherwise walk build/ (the
  # Wine prefix, tens of thousands of files) for minutes.
  rm -rf "$OUT/src" && mkdir -p "$OUT/src"
  cp -r pyproject.toml README.md evaldesk "$OUT/src/"
  find "$OUT/src" -name __pycache__ -prune -exec rm -rf {} +
  python3 -m pip wheel -q --no-deps --disable-pip-version-check -w "$OUT/wheel" "$OUT/src" || return 1
  python3 -m pip install -q --no-deps --no-compile --disable-pip-version-check \
    --target "$OUT/pybuild/Lib/site-packages" --platform win_amd64 --only-binary=:all: \
    --python-version 3.11 --implementation cp "$OUT"/wheel/evaldesk-*.whl || return 1
  PYTHONIOENCODING=utf-8 wine_run 1800 "$PYBUILD" build_scripts/build.py \
    --dist "$(winpath "$DIST")" --work "$(winpath "$OUT/pyinstaller")" \
    | grep -v -e 'api-ms-win-' -e '^$'
  local status=${PIPESTATUS[0]}
  [ -f "$DIST/evaldesk/evaldesk.exe" ] && [ -f "$DIST/evaldesk/evaldesk-cli.exe" ] || status=1
  return "$status"
}

stage_smoke() {
  [ -f "$DIST/evaldesk/evaldesk-cli.exe" ] || { echo "no bundle: run the build stage"; return 1; }
  rm -rf "$OUT/smoke"
  PYTHONIOENCODING=utf-8 wine_run 900 "$PYBUILD" build_scripts/smoke_test.py \
    --bundle "$(winpath "$DIST/evaldesk")" --keep "$(winpath "$OUT/smoke")"
  local status=${PIPESTATUS[0]}
  check_redirect bundle "$DIST/evaldesk/evaldesk-cli.exe" || status=1
  return "$status"
}

stage_installer() {
  local status=0 app="$WINEPREFIX/drive_c/Program Files/evaldesk" setup="$DIST/evaldesk-$VERSION-setup.exe"
  rm -f "$setup"
  wine_run 900 "$W/inno/package/bin/ISCC.exe" /Q "/DAppVersion=$VERSION" \
    "/DBundle=$(winpath "$DIST/evaldesk")" "/O$(winpath "$DIST")" 'build_scripts\installer.iss' \
    | iconv -f gbk -t utf-8 -c
  [ -f "$setup" ] || { echo "  FAIL  ISCC made no $setup"; return 1; }
  echo "  ok    installer $(basename "$setup") ($(du -m "$setup" | cut -f1) MB)"
  # Per-user installs ({autopf} -> FOLDERID_UserProgramFiles) are not implemented by Wine 8:
  # /ALLUSERS installs for all users, as an administrator would.
  wine_run 600 "$setup" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS \
    '/TASKS=xlsxopenwith,desktopicon' "/LOG=$(winpath "$OUT/setup.log")" >/dev/null
  [ -f "$app/evaldesk.exe" ] && echo "  ok    installed in C:\\Program Files\\evaldesk" \
    || { echo "  FAIL  nothing installed (see $OUT/setup.log)"; return 1; }
  # Inno Setup records the language the setup ran in beside the uninstaller's entry. The
  # registry is read from the prefix's file (Wine's reg.exe prints nothing into a pipe).
  local registry="$WINEPREFIX/system.reg"
  grep -a -q '^"Inno Setup: Language"="chinesesimplified"' "$registry" && echo "  ok    the setup ran in Chinese (Inno Setup: Language = chinesesimplified)" \
    || { echo "  FAIL  the setup did not run in Chinese"; status=1; }
  echo "  ok    registry entries made: $(grep -a -c evaldesk "$registry") lines name evaldesk"
  local version
  version=$(wine_run 120 'C:\Program Files\evaldesk\evaldesk-cli.exe' --version | tr -d '\r' | grep -a '^evaldesk ')
  [ "$version" = "evaldesk $VERSION" ] && echo "  ok    installed evaldesk-cli --version: $version" \
    || { echo "  FAIL  installed evaldesk-cli --version: $version"; status=1; }
  # The installed program opens its window on the example, paints, closes and exits 0.
  local shown
  # Five seconds on screen, then its picture (docs/img/windows-wine-window.png comes from here).
  shown=$(EVALDESK_SMOKE_EXIT_AFTER_MS=5000 EVALDESK_SMOKE_SCREENSHOT="$(winpath "$OUT/installed-window.png")" wine_run 180 'C:\Program Files\evaldesk\evaldesk-cli.exe' \
    'C:\Program Files\evaldesk\_internal\examples\2021年度区信访局预算项目绩效自评表.xlsx' \
    | iconv -f gbk -t utf-8 | tr -d '\r')
  local code=$?
  if grep -q '^EVALDESK-SMOKE shown' <<<"$shown" && grep -q 'projects=[1-9]' <<<"$shown" && [ "$code" = 0 ]; then
    echo "  ok    the installed program opened the example: $(grep title= <<<"$shown")"
  else
    echo "  FAIL  the installed program's window (exit $code): $shown"; status=1
  fi
  wine_run 300 'C:\Program Files\evaldesk\unins000.exe' /VERYSILENT /SUPPRESSMSGBOXES /NORESTART >/dev/null
  timeout 60 wineserver -w
  local left
  left=$(grep -a -c evaldesk "$registry")
  if [ ! -e "$app" ] && [ "$left" = 0 ]; then
    echo "  ok    uninstalled cleanly: no program folder, no registry entry naming evaldesk"
  else
    echo "  FAIL  uninstall left: $(ls "$app" 2>/dev/null | head -5) registry hits: $left"; status=1
  fi
  return "$status"
}

overall=0
: > "$OUT/summary.txt"
for stage in $STAGES; do
  echo "=== windows-bench: $stage"
  started=$(date +%s)
  "stage_$stage" 2>&1 | tee "$OUT/$stage.log"
  status=${PIPESTATUS[0]}
  line="$stage: $([ "$status" = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - started )) s"
  [ "$stage" = tests ] && line="$line ($(cat "$OUT/tests.counts" 2>/dev/null))"
  echo "$line" | tee -a "$OUT/summary.txt"
  [ "$status" = 0 ] || overall=1
done
echo "=== windows-bench summary"; cat "$OUT/summary.txt"
exit "$overall"
