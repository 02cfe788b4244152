#!/usr/bin/env bash
# Prepare a fresh machine of this kind (Debian, Python 3.11) for running or testing evaldesk:
# the system libraries Qt needs headless, a CJK font, LibreOffice and poppler for the tests that
# compare with a real spreadsheet client and look at PDFs, and a virtual environment in .venv.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

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

py=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
stamp=.venv/.evaldesk-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
  touch "$stamp"
fi
