#!/usr/bin/env bash
# Build the Linux bundle so that it runs on glibc 2.28 — UOS 20 and Kylin V10, the domestic
# desktops — from any newer Debian/Ubuntu (here: Debian 12, glibc 2.36).
#
#   build_scripts/linux/build_glibc228.sh [--work DIR] [--dist DIR]
#   → DIST/evaldesk/ and DIST/evaldesk-VERSION-linux-x86_64.tar.gz   (default DIST: dist-glibc228/)
#
# A bundle needs the glibc its Python was built against: the Debian 12 Python makes it need 2.36.
# Debian 10 (glibc 2.28) has left the Debian mirrors, so instead of building inside an old system
# this builds the one thing that matters, the Python, for glibc 2.28:
#   1. Zig from PyPI (the `ziglang` wheel): `zig cc -target x86_64-linux-gnu.2.28` compiles and
#      links against glibc 2.28's symbol versions whatever glibc the build machine has.
#   2. CPython 3.11 from Debian 12's python3.11 source package (upstream 3.11.2 with Debian's
#      security fixes; not Debian's file-layout patches), with zlib and libffi from their Debian
#      source packages, linked in statically. No OpenSSL, SQLite, bz2, lzma, readline, Tk:
#      evaldesk uses none, and each would be one more library that could need a newer system.
#   3. A venv from that Python with the project and the smoke test's PyInstaller pins, from wheels
#      for manylinux_2_28 that the machine's own pip downloads (the new Python has no ssl module,
#      so it installs offline); PySide6 6.11's wheels are themselves manylinux_2_28.
#   4. build.py, as for any release; then glibc_scan.py fails the build if any file in the bundle
#      needs more than glibc 2.28 / GCC 8's libstdc++.
# WORK (default /var/tmp/evaldesk-glibc228) keeps the sources, Zig and the built Python: the first
# run takes ~15 min on 2 cores (compiling Python), later runs ~3 min. Needs: apt-get (for the
# source packages; no root needed), make, patch, python3 with venv, binutils.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
work=/var/tmp/evaldesk-glibc228
dist=$here/dist-glibc228
while [ $# -gt 0 ]; do
  case $1 in
    --work) work=$2; shift 2 ;;
    --dist) dist=$2; shift 2 ;;
    *) echo "usage: $0 [--work DIR] [--dist DIR]" >&2; exit 2 ;;
  esac
done
mkdir -p "$work" "$dist"
work=$(cd "$work" && pwd) dist=$(cd "$dist" && pwd)
say() { printf '[glibc228 %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
target=x86_64-linux-gnu.2.28
python_version=3.11

# --- 1. Zig --------------------------------------------------------------------------------
if [ ! -x "$work/zig-venv/bin/python" ]; then
  say "Zig from PyPI"
  python3 -m venv "$work/zig-venv"
  "$work/zig-venv/bin/pip" install -q ziglang==0.17.1  # the version this was verified with
fi
zig=$("$work/zig-venv/bin/python" -c 'import ziglang, pathlib; print(pathlib.Path(ziglang.__file__).parent / "zig")')
mkdir -p "$work/bin"
# Wrappers, because configure scripts want CC to be one word. Zig's linker, unlike GNU ld,
# knows the soname only as -soname (not -h) and wants at least one object besides libraries (for
# libpython3.so, which is nothing but a link to libpython3.11). UBSan is off: zig turns it on
# for unoptimised compiles, as configure's test programs are. Clang makes __DATE__ (Python's build
# date in sys.version) an error, for reproducible builds; a warning is enough here.
printf '' | "$zig" cc -target "$target" -x c -c - -o "$work/bin/empty.o"
cat > "$work/bin/cc" <<EOF
#!/usr/bin/env bash
args=() shared=0 objects=0
for arg in "\$@"; do
  case \$arg in
    -Wl,-h*) args+=("-Wl,-soname,\${arg#-Wl,-h}") ;;
    -shared) shared=1; args+=("\$arg") ;;
    *.c|*.o|*.a) objects=1; args+=("\$arg") ;;
    *) args+=("\$arg") ;;
  esac
done
[ \$shared = 1 ] && [ \$objects = 0 ] && args+=("$work/bin/empty.o")
exec "$zig" cc -target $target -fno-sanitize=undefined -Wno-error=date-time "\${args[@]}"
EOF
printf '#!/bin/sh\nexec "%s" ar "$@"\n' "$zig" > "$work/bin/ar"
printf '#!/bin/sh\nexec "%s" ranlib "$@"\n' "$zig" > "$work/bin/ranlib"
chmod +x "$work/bin/cc" "$work/bin/ar" "$work/bin/ranlib"
say "zig $("$zig" version), target $target"

# --- 2. Python 3.11 for glibc 2.28 ---------------------------------------------------------
python=$work/python/bin/python$python_version
if [ ! -x "$python" ]; then
  src=$work/src deps=$work/deps
  mkdir -p "$src" "$work/apt/lists/partial" "$work/apt/cache/archives/partial"
  # Debian's source packages through apt's own checks (signed Release → Sources → checksums), with a
  # private apt state so the machine's apt configuration is not touched.
  mirror=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources \
             /etc/apt/sources.list 2>/dev/null | head -1 | grep -oE 'https?://[^ ]+' || true)
  echo "deb-src ${mirror:-http://deb.debian.org/debian} bookworm main" > "$work/apt/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
            -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
            -o Debug::NoDropPrivs=1 -o APT::Sandbox::User=root)
  say "Debian 12 source packages: python3.11 zlib libffi"
  apt-get "${apt_opts[@]}" update -qq
  (cd "$src" && apt-get "${apt_opts[@]}" source --download-only -qq python3.11 zlib libffi)

  export PATH=$work/bin:$PATH CC=cc AR=ar RANLIB=ranlib
  rm -rf "$deps" "$src/build"
  mkdir -p "$src/build"
  cd "$src/build"
  tar xjf "$src"/zlib_*.orig.tar.bz2
  (cd zlib-*/ && CFLAGS="-O2 -fPIC" ./configure --static --prefix="$deps" >/dev/null \
     && make -j"$(nproc)" >/dev/null 2>&1 && make install >/dev/null 2>&1)
  tar xzf "$src"/libffi_*.orig.tar.gz
  # Static trampolines need a declaration clang (zig) insists on; they are a hardening option
  # that Debian's own libffi build does not enable either.
  (cd libffi-*/ && ./configure --prefix="$deps" --disable-shared --enable-static --with-pic \
     --disable-docs --disable-multi-os-directory --disable-exec-static-tramp CFLAGS=-O2 >/dev/null \
     && make -j"$(nproc)" >/dev/null 2>&1 && make install >/dev/null 2>&1)
  say "built zlib and libffi (static)"

  tar xzf "$src"/python3.11_*.orig.tar.gz
  tar xJf "$src"/python3.11_*.debian.tar.xz
  cd Python-3.11.*/
  # Debian's patches up to destshared-location.diff adapt Python to Debian's file layout (dist-
  # packages, multiarch, no ensurepip); the ones after it are fixes taken from upstream (CVE-…,
  # crashes). Apply only those, and stop if one does not apply.
  applied=0
  for patch_name in $(sed -n '/^destshared-location.diff$/,$p' ../debian/patches/series | tail -n +2 \
                        | grep -v '^#'); do
    patch -p1 -s -N < "../debian/patches/$patch_name"
    applied=$((applied + 1))
  done
  # setup.py adds the build machine's multiarch headers (/usr/include/x86_64-linux-gnu, glibc 2.36)
  # to every extension module it compiles; with them zig's glibc 2.28 headers no longer parse.
  sed -i 's/^\(\s*\)self\.add_multiarch_paths()$/\1pass  # not the build machine'"'"'s headers/' setup.py
  grep -q "not the build machine's headers" setup.py
  # Debian's CVE-2026-4224 fix makes pyexpat.c use an internal header, which Debian's own build
  # allows by compiling pyexpat into the interpreter; as a module it needs Py_BUILD_CORE_MODULE.
  sed -i "s/Extension('pyexpat', sources=\['pyexpat.c'\])/Extension('pyexpat', sources=['pyexpat.c'], define_macros=[('Py_BUILD_CORE_MODULE', '1')])/" setup.py
  grep -q "Extension('pyexpat', sources=\['pyexpat.c'\], define_macros" setup.py
  say "Python $(sed -n 's/^#define PY_VERSION[[:space:]]*"\(.*\)"/\1/p' Include/patchlevel.h) with $applied Debian fixes; configure + make (~10 min)"
  PKG_CONFIG_PATH=$deps/lib/pkgconfig PKG_CONFIG_LIBDIR=$deps/lib/pkgconfig \
  ./configure --prefix="$work/python" --enable-shared --with-ensurepip=install \
    CPPFLAGS="-I$deps/include" LDFLAGS="-L$deps/lib -Wl,-rpath,$work/python/lib" \
    LIBFFI_CFLAGS="-I$deps/include" LIBFFI_LIBS="-L$deps/lib -lffi" \
    ZLIB_CFLAGS="-I$deps/include" ZLIB_LIBS="-L$deps/lib -lz" > "$work/python-configure.log"
  make -j"$(nproc)" > "$work/python-make.log" 2>&1
  make install > "$work/python-install.log" 2>&1
  # Built with -g: debug information would be ~4/5 of libpython in the bundle.
  strip --strip-debug "$work/python/lib/libpython$python_version.so.1.0" \
    "$work/python/lib/python$python_version"/lib-dynload/*.so
  cd "$here"
fi
# What evaldesk and the build need of the standard library's compiled modules.
"$python" -c 'import zlib, ctypes, _decimal, pyexpat, _elementtree, _json, hashlib, _struct, select' \
  || { echo "glibc228: the built Python lacks a module evaldesk needs" >&2; exit 1; }
say "Python $("$python" -c 'import sys; print(sys.version.split()[0])'), built for glibc 2.28: $(python3 "$here/build_scripts/linux/glibc_scan.py" "$work/python" --max-glibc 2.28 | grep 'newest GLIBC_')"

# --- 3. build venv ---
# PySide6 6.10 and later are built for manylinux_2_34 (glibc 2.34, GCC 11's libstdc++): their Qt
# cannot start on glibc 2.28 whatever Python carries it. 6.9.3 is the newest PySide6 whose wheels
# are manylinux_2_28, so the glibc 2.28 bundle carries it instead of pyproject.toml's pin; the test
# suite passes with it too (see build_scripts/README.md).
qt_for_glibc228=PySide6-Essentials==6.9.3
wheels=$work/wheels
rm -rf "$wheels" "$work/build-venv"
mkdir -p "$wheels"
read -r -a pins < <(python3 - "$here" "$qt_for_glibc228" <<'EOF'
import sys, tomllib
from pathlib import Path
root = Path(sys.argv[1])
sys.path.insert(0, str(root / "build_scripts"))
from smoke_test import PYINSTALLER  # the pins the smoke test builds with, spelled once
project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
qt = sys.argv[2]
dependencies = [qt if d.lower().startswith("pyside6-essentials") else d for d in project["dependencies"]]
print(" ".join([*dependencies, *PYINSTALLER]))
EOF
)
say "wheels for manylinux_2_28: ${pins[*]}"
# pip takes --platform literally: every manylinux tag up to 2.28 must be named to be accepted.
platforms=(--platform linux_x86_64 --platform manylinux1_x86_64 --platform manylinux2010_x86_64
           --platform manylinux2014_x86_64)
for minor in $(seq 5 28); do platforms+=(--platform "manylinux_2_${minor}_x86_64"); done
python3 -m pip download -q -d "$wheels" --only-binary=:all: "${platforms[@]}" \
  --python-version "$python_version" --implementation cp "${pins[@]}"
python3 -m pip wheel -q --no-deps -w "$wheels" "$here"
"$python" -m venv "$work/build-venv"
# --isolated: the machine's pip.conf (indexes, constraints) is for its own Python, not this one.
"$work/build-venv/bin/python" -m pip install -q --isolated --no-index --find-links "$wheels" "${pins[@]}"
# --no-deps: evaldesk's own metadata asks for the newer PySide6 (see above)
"$work/build-venv/bin/python" -m pip install -q --isolated --no-index --find-links "$wheels" --no-deps evaldesk

# --- 4. build and check --------------------------------------------------------------------
rm -rf "$dist/evaldesk" "$dist"/evaldesk-*-linux-*.tar.gz
# Leave the build machine's libraries out (build.py: LEAVE_HOST_LIBRARIES_ENV); the clerk's system
# has its own glib, libstdc++, CUPS, xkbcommon …, older and matching its glibc.
EVALDESK_LEAVE_HOST_LIBRARIES=1 \
  "$work/build-venv/bin/python" "$here/build_scripts/build.py" --dist "$dist" --work "$work/pyinstaller"
python3 "$here/build_scripts/linux/glibc_scan.py" "$dist/evaldesk" --max-glibc 2.28
say "done: $(ls "$dist"/evaldesk-*-linux-*.tar.gz)"
