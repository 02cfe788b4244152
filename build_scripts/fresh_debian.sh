#!/usr/bin/env bash
# Prove that a fresh, minimal Debian 12 needs nothing by hand: debootstrap a minbase bookworm,
# install only `git make python3` in it (as a new user would, and no recommended packages, so
# nothing comes along by luck), clone this branch inside, run `make test`, then `make run` on a
# virtual screen, check that the main window came up, and close it. Everything else the project
# needs must come from its own files (build_scripts/setup.sh).
#
#   sudo build_scripts/fresh_debian.sh [--root DIR] [--log FILE] [--keep]
#
# Needs root and the network to the Debian mirror and PyPI. Takes ~20-30 min on 2 cores (most of
# it the package downloads and the test suite). Not in CI for that reason; run it before changing
# setup.sh or the project's dependencies. --keep leaves the chroot for a look afterwards.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
root=/var/tmp/evaldesk-fresh-bookworm
log=$here/fresh_debian.log
keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --root) root=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--root DIR] [--log FILE] [--keep]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "fresh_debian: needs root (debootstrap, chroot)" >&2; exit 2; }
case $root in /|/usr|/var|/tmp|"$here"*) echo "fresh_debian: refusing --root $root" >&2; exit 2 ;; esac

mkdir -p "$(dirname "$log")"
exec > >(tee "$log") 2>&1
say() { printf '[fresh_debian %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# shellcheck source=linux/chroot_common.sh
. "$here/build_scripts/linux/chroot_common.sh"
mirror=$(apt_mirror)
security=${mirror%/debian}/debian-security

host_tools=(debootstrap xvfb x11-utils)
need=()
for pkg in "${host_tools[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  say "host: installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

xvfb_pid=
run_pid=
mounted=()
cleanup() {
  set +e
  [ -n "$run_pid" ] && kill -TERM -- "-$run_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  unmount_chroot "$root" "${mounted[@]}"
  if [ "$keep" = 0 ] && [ -d "$root" ]; then rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
trap "exit 143" TERM INT HUP  # so that the EXIT trap unmounts when the run is stopped
bind() {  # bind SRC DEST [ro]
  mkdir -p "$2"
  mount --bind "$1" "$2"; mounted+=("$2")
  [ "${3:-}" = ro ] && mount -o remount,bind,ro "$2"
  return 0
}

say "mirror $mirror; chroot $root; log $log"
say "project $(git -C "$here" rev-parse --abbrev-ref HEAD) at $(git -C "$here" rev-parse --short HEAD)"
rm -rf --one-file-system "$root"
mkdir -p "$root" "$root.debs"
say "debootstrap --variant=minbase bookworm"
debootstrap --variant=minbase --cache-dir="$root.debs" bookworm "$root" "$mirror" >/dev/null
cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Where the host reaches the registries through a TLS-inspecting proxy, its certificate authority
# is the host's network, not the project's: hand the host's local CAs to the chroot (the
# ca-certificates package that setup.sh installs adds them to the system store).
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
mount -t proc proc "$root/proc"; mounted+=("$root/proc")
bind /sys "$root/sys" ro
bind /dev "$root/dev"
bind /dev/pts "$root/dev/pts"
mount -t tmpfs tmpfs "$root/dev/shm"; mounted+=("$root/dev/shm")
mkdir -p "$root/tmp/.X11-unix"
bind /tmp/.X11-unix "$root/tmp/.X11-unix"

# A clean environment, as a new user's login has, but for the host's own CA settings (see above).
net_env=()
for var in SSL_CERT_FILE PIP_CERT REQUESTS_CA_BUNDLE; do
  [ -n "${!var:-}" ] && net_env+=("$var=${!var}")
done
in_chroot() { chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb "${net_env[@]}" \
                PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

say "chroot: $(in_chroot sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), $(in_chroot ldd --version | head -1)"
say "apt-get install git make python3 (and nothing else)"
in_chroot apt-get update -qq
in_chroot env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends git make python3 >/dev/null
say "chroot has $(in_chroot python3 --version); venv module usable: $(in_chroot python3 -c 'import ensurepip' 2>/dev/null && echo yes || echo no)"

# A clean clone of the committed branch: what is not committed is not tested.
branch=$(git -C "$here" rev-parse --abbrev-ref HEAD)
git -C "$here" bundle create -q "$root/tmp/evaldesk.bundle" "refs/heads/$branch"
in_chroot git clone -q -b "$branch" /tmp/evaldesk.bundle /root/evaldesk
say "cloned $(in_chroot git -C /root/evaldesk log --oneline -1)"

say "make test"
start=$SECONDS
if ! in_chroot sh -c 'cd /root/evaldesk && make test'; then
  say "FAIL: make test ($((SECONDS - start)) s)"
  exit 1
fi
say "make test passed in $((SECONDS - start)) s"

# make run with a display: the window must come up on it. The virtual screen runs on the host and
# its socket is shared with the chroot, so the check below sees what a user would see.
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.2; done
say "make run on $display (Xvfb 1366x768)"
setsid chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DISPLAY="$display" "${net_env[@]}" \
  PATH=/usr/local/bin:/usr/bin:/bin sh -c 'cd /root/evaldesk && exec make run' &
run_pid=$!
window=
for _ in $(seq 240); do
  # The main window's title is "FILE — 预算项目绩效自评" once the example has loaded (it shows
  # "未命名" before); xwininfo prints it as UTF-8.
  window=$(xwininfo -display "$display" -root -tree 2>/dev/null | grep -E '\.xlsx.* — 预算项目绩效自评' \
             | head -1 || true)
  [ -n "$window" ] && break
  kill -0 "$run_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$window" ]; then
  say "FAIL: make run: no main window with the example on $display"
  exit 1
fi
say "window up: $(echo "$window" | sed 's/^ *//')"
sleep 3
kill -0 "$run_pid" 2>/dev/null || { say "FAIL: make run exited by itself"; exit 1; }
if command -v import >/dev/null && import -version 2>/dev/null | grep -q ImageMagick; then
  import -display "$display" -window root "${log%.log}.png" && say "screenshot ${log%.log}.png"
fi
kill -TERM -- "-$run_pid"
wait "$run_pid" 2>/dev/null || true
run_pid=
say "make run: window shown, closed after 3 s"
say "PASS: fresh bookworm: make test and make run need nothing by hand"
