# Shared by fresh_debian.sh and linux/check_old_glibc.sh (sourced, not run): the Debian mirror
# this machine's apt already uses, and unmounting everything a chroot run left mounted.

# The mirror of the machine's apt sources (deb822 or one-line), else Debian's CDN; no trailing /.
apt_mirror() {
  local found
  found=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources \
            /etc/apt/sources.list 2>/dev/null | head -1 | grep -oE 'https?://[^ ]+' || true)
  found=${found:-http://deb.debian.org/debian}
  echo "${found%/}"
}

# unmount_chroot ROOT [MOUNTED...]: the mounts made (last first), then whatever the chroot's own
# package scripts mounted again below ROOT (a second /proc, seen here).
unmount_chroot() {
  local root=$1; shift
  local mounts=("$@") i target
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}"; done
  # Nothing left below ROOT (grep finds nothing) is the usual case, not a failure.
  { findmnt -rn -o TARGET | grep -F "$root/" || true; } | sort -r |
    while read -r target; do umount -l "$target"; done
}
