#!/bin/sh
# Put this unpacked evaldesk folder into the application menu.
#   ./install.sh              for the current user: ~/.local/opt/evaldesk, menu entry, icon,
#                             ~/.local/bin/evaldesk and evaldesk-cli
#   sudo ./install.sh         for everyone: /opt/evaldesk, /usr/local/share/applications, /usr/local/bin
#   ./install.sh --uninstall  remove what the same command installed
# "用 evaldesk 打开" is offered for .xlsx files in the file manager; the default stays unchanged.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" = 0 ]; then
  prefix=/opt/evaldesk share=/usr/local/share bin=/usr/local/bin fontconf=/etc/fonts/conf.d
else
  prefix="$HOME/.local/opt/evaldesk" share="${XDG_DATA_HOME:-$HOME/.local/share}" bin="$HOME/.local/bin"
  fontconf="${XDG_CONFIG_HOME:-$HOME/.config}/fontconfig/conf.d"
fi
# Windows' Chinese font names (宋体, 黑体, 仿宋) resolved to this desktop's CJK fonts, for the
# drafted 绩效自评报告 and any Word file from a Windows office.
aliases=65-evaldesk-chinese-office-fonts.conf
desktop="$share/applications/evaldesk.desktop"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$desktop" "$bin/evaldesk" "$bin/evaldesk-cli" "$fontconf/$aliases" \
        "$share/icons/hicolor/scalable/apps/evaldesk.svg" "$share/icons/hicolor/256x256/apps/evaldesk.png"
  rm -rf "$prefix"
  refresh
  echo "evaldesk removed"
  exit 0
fi

if [ "$here" != "$prefix" ]; then
  rm -rf "$prefix"
  mkdir -p "$(dirname "$prefix")"
  cp -a "$here" "$prefix"
fi
mkdir -p "$share/applications" "$share/icons/hicolor/scalable/apps" "$share/icons/hicolor/256x256/apps" "$bin"
cp "$prefix/evaldesk.svg" "$share/icons/hicolor/scalable/apps/evaldesk.svg"
cp "$prefix/evaldesk.png" "$share/icons/hicolor/256x256/apps/evaldesk.png"
# The menu entry names the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed -e "s|^Exec=evaldesk |Exec=\"$prefix/evaldesk\" |" -e "s|^TryExec=evaldesk\$|TryExec=$prefix/evaldesk|" \
    "$prefix/evaldesk.desktop" > "$desktop"
if [ -f "$prefix/$aliases" ]; then
  mkdir -p "$fontconf"
  cp "$prefix/$aliases" "$fontconf/$aliases"
  command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
fi
ln -sf "$prefix/evaldesk" "$bin/evaldesk"
ln -sf "$prefix/evaldesk-cli" "$bin/evaldesk-cli"
refresh
echo "evaldesk installed in $prefix; menu entry $desktop"
