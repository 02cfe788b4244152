#!/usr/bin/env bash
# Prepare a fresh machine of this kind (Debian, Python 3.11) for running or testing evaldesk:
# the system libraries Qt needs headless, a CJK font, LibreOffice and poppler for the tests that
# compare with a real spreadsheet client and look at PDFs, and a virtual environment in .venv.
# Safe to run again: it installs only what is missing, and remakes a .venv that an earlier,
# interrupted run left without pip.
set -euo pipefail
cd "$(dirname "$0")/.."

py=${PYTHON:-python3}
command -v "$py" >/dev/null || { echo "setup: $py not found: install Python 3.11 (python3)" >&2; exit 1; }

want_tests=0
[ "${1:-}" = "--tests" ] && want_tests=1

debs=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfontconfig1 libfreetype6
      libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
      libxcb-render-util0 libxcb-image0 fonts-wqy-microhei xvfb xauth)
if [ "$want_tests" = 1 ]; then
  # LibreOffice is the real spreadsheet client the tests compare our workbooks with (and Writer
  # the word processor that must open the drafted 绩效自评报告);
  # poppler turns printed PDFs into text and pictures.
  debs+=(poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui desktop-file-utils binutils)
fi

# Debian splits its Python: `python3` alone has no ensurepip, so `python3 -m venv` stops with
# "ensurepip is not available" (python3-venv brings it and the pip/setuptools wheels it installs
# from), and the PyInstaller build of `make smoke` needs the shared libpython, which only
# libpythonX.Y ships. Asked for only when the interpreter is Debian's own: a Python built elsewhere
# (PYTHON=...) brings its own ensurepip and libpython.
py_real=$(readlink -f "$(command -v "$py")")
if dpkg-query -S "$py_real" >/dev/null 2>&1; then
  py_ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  debs+=("python${py_ver}-venv" "libpython${py_ver}" python3-venv)
fi
# pip downloads over HTTPS: a minimal system (debootstrap) has no CA certificates.
debs+=(ca-certificates)

missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages (as root): ${missing[*]}" >&2
    exit 1
  fi
fi

# A venv made while ensurepip was missing has a python but no pip, and one whose interpreter was
# removed (a Python upgrade) has neither: both would fail at every later run, so make it again.
if [ -e .venv ] && ! .venv/bin/python -c 'import pip' >/dev/null 2>&1; then
  echo "setup: .venv is incomplete (no working python with pip): making it again" >&2
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  # A failure here must not leave a half-made .venv behind for the next run to trip over.
  "$py" -m venv .venv || { rm -rf .venv; exit 1; }
fi
stamp=.venv/.evaldesk-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
  touch "$stamp"
fi
