#!/usr/bin/env bash
# Start a built Linux bundle on a system older than the build machine, as on a clerk's desktop:
# a debootstrapped minimal Debian with only what a desktop has (libGL, fontconfig, X11/xcb, a
# Chinese font), then the smoke test's checks on the unpacked .tar.gz there: the programs start,
# `evaldesk-cli check` and `pdf` work, the window opens offscreen and on Xvfb.
#
#   sudo build_scripts/linux/check_old_glibc.sh ARCHIVE.tar.gz [--suite bullseye] [--root DIR]
#        [--python PY] [--log FILE] [--keep]
#
# The target is glibc 2.28 (UOS 20, Kylin V10), but the Debian mirrors no longer carry Debian 10
# (glibc 2.28); the oldest Debian they have is 11, bullseye, with glibc 2.31. That still tells a
# bundle built for 2.28 from one built on Debian 12: anything linked against glibc >= 2.34 (where
# libpthread moved into libc) fails to start there. The exact 2.28 bound is glibc_scan.py's job.
# The smoke test runs with PY (default: the glibc 2.28 Python that build_glibc228.sh made), which
# therefore runs on the old system too.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
archive=
suite=bullseye
root=/var/tmp/evaldesk-old-glibc
python=/var/tmp/evaldesk-glibc228/python/bin/python3.11
log=$here/check_old_glibc.log
keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --suite) suite=$2; shift 2 ;;
    --root) root=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -*) echo "usage: $0 ARCHIVE.tar.gz [--suite S] [--root DIR] [--python PY] [--log FILE] [--keep]" >&2
        exit 2 ;;
    *) archive=$(readlink -f "$1"); shift ;;
  esac
done
[ -f "$archive" ] || { echo "check_old_glibc: no bundle archive given (dist-glibc228/evaldesk-*.tar.gz)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "check_old_glibc: needs root (debootstrap, chroot)" >&2; exit 2; }
case $root in /|/usr|/var|/tmp|"$here"*) echo "check_old_glibc: refusing --root $root" >&2; exit 2 ;; esac
python=$(readlink -f "$python")
pyhome=$(dirname "$(dirname "$python")")
[ -x "$python" ] || { echo "check_old_glibc: no Python at $python (run build_glibc228.sh)" >&2; exit 2; }

mkdir -p "$(dirname "$log")"
exec > >(tee "$log") 2>&1
say() { printf '[old_glibc %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# shellcheck source=chroot_common.sh
. "$here/build_scripts/linux/chroot_common.sh"
mirror=$(apt_mirror)
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null

mounted=()
cleanup() {
  set +e
  unmount_chroot "$root" "${mounted[@]}"
  if [ "$keep" = 0 ] && [ -d "$root" ]; then rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
trap "exit 143" TERM INT HUP  # so that the EXIT trap unmounts when the run is stopped
bind() {  # bind SRC DEST: read-only
  mkdir -p "$2"
  mount --bind "$1" "$2"; mounted+=("$2")
  mount -o remount,bind,ro "$2"
}

say "archive $archive"
say "debootstrap --variant=minbase $suite ($mirror)"
rm -rf --one-file-system "$root"
mkdir -p "$root" "$root.debs"
debootstrap --variant=minbase --cache-dir="$root.debs" "$suite" "$root" "$mirror" >/dev/null
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"; mounted+=("$root/proc")
mount -t tmpfs tmpfs "$root/tmp"; mounted+=("$root/tmp")
mount -t tmpfs tmpfs "$root/dev/shm"; mounted+=("$root/dev/shm")

in_chroot() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
                PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
# What a desktop has and the bundle leaves to the system (build.py LINUX_SYSTEM_LIBRARIES, the
# xcb platform plugin's libraries), a Chinese font; Xvfb, poppler and binutils for the checks.
desktop=(libgl1 libegl1 libfontconfig1 libfreetype6 libx11-6 libx11-xcb1 libxcb1 libxkbcommon0
         libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
         libxcb-render-util0 libxcb-image0 libdbus-1-3 libglib2.0-0 fonts-wqy-microhei fonts-dejavu-core)
checks=(xvfb xauth poppler-utils binutils)
say "apt-get install ${desktop[*]} ${checks[*]}"
in_chroot apt-get update -qq
in_chroot env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${desktop[@]}" "${checks[@]}" >/dev/null
say "chroot: $(in_chroot sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), $(in_chroot ldd --version | head -1)"

mkdir -p "$root/opt"
tar xzf "$archive" -C "$root/opt"
bundle=/opt/$(basename "$archive" .tar.gz)
say "unpacked to $bundle"
missing=$(in_chroot sh -c "ldd $bundle/evaldesk $bundle/_internal/libpython3*.so* \
            $bundle/_internal/PySide6/Qt/plugins/platforms/*.so 2>&1" | grep -E 'not found|GLIBC' || true)
if [ -n "$missing" ]; then
  say "FAIL: ldd: $missing"
  exit 1
fi
say "ldd: every library of the programs and the platform plugins resolves"
say "evaldesk-cli --version: $(in_chroot "$bundle/evaldesk-cli" --version)"

# The smoke test's own checks, run there: its code and the example read-only from this checkout.
bind "$here" "$root/src"
bind "$pyhome" "$root$pyhome"
say "smoke_test.py --bundle $bundle (Python $("$python" -c 'import platform; print(platform.python_version())') built for glibc 2.28)"
if ! in_chroot env PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 "$python" /src/build_scripts/smoke_test.py --bundle "$bundle"; then
  say "FAIL: smoke test on $suite"
  exit 1
fi
say "PASS: the bundle runs on $suite ($(in_chroot ldd --version | head -1 | grep -oE '[0-9.]+$'))"
