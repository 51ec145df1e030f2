#!/usr/bin/env bash
# Install, upgrade or roll back the exhibition kiosk on a Linux PC (no Python needed).
#
#   sudo ./install.sh tiexi-kiosk-0.1.0-linux-x86_64.tar.gz     install or upgrade from the archive
#   sudo tiexi-kiosk/install/install.sh                          the same, from an unpacked archive
#   sudo ./install.sh --rollback                                 back to the previous version
#
# Layout (PREFIX is /opt/tiexi-kiosk as root, ~/.local/opt/tiexi-kiosk otherwise):
#   PREFIX/current -> versions/<version>-<commit>   what runs: PREFIX/current/kiosk
#   PREFIX/previous -> versions/...                 kept for --rollback; older ones are removed
#   PREFIX/content/  PREFIX/media/                  the curators' exhibition, kept across upgrades;
#                                                   every version's content/ and media/ link here
#   PREFIX/versions/<v>/content.shipped/            the content that version came with, for reference
# An upgrade never touches PREFIX/content; it only adds media files the kept media/ lacks (a new
# font, say). It checks the kept content with the new version and does not switch to a version
# that rejects it (unless --force).
#
# Options:
#   --prefix DIR   install folder (default above)
#   --user NAME    (as root) the account the kiosk runs as: it gets content/ and media/ and the
#                  autostart; default: the user who ran sudo
#   --no-deps      do not install Debian packages (root on Debian/Ubuntu installs what Qt's xcb needs)
#   --no-service   do not install the systemd user unit and the autostart entry
#   --no-link      do not add the `tiexi-kiosk` command (/usr/local/bin or ~/.local/bin)
#   --force        switch even if the new (or, with --rollback, the previous) version rejects the content
#   --rollback     make the previous version current again (content stays as it is)
set -euo pipefail

APP=tiexi-kiosk
UNIT=tiexi-kiosk.service
DEB_PACKAGES=(
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  libwayland-client0 libwayland-cursor0 libwayland-egl1  # a Wayland compositor such as cage
  x11-xserver-utils  # xset: keeps the screen awake under X11 (the keep_awake setting)
)

say() { printf '%s\n' "$*"; }
warn() { printf 'install.sh: warning: %s\n' "$*" >&2; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

is_root() { [ "$(id -u)" = 0 ]; }

prefix="" kiosk_user="${SUDO_USER:-}" deps=1 service=1 link=1 force=0 rollback=0 source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    --user) kiosk_user="${2:?--user needs an account name}"; shift 2 ;;
    --user=*) kiosk_user="${1#*=}"; shift ;;
    --no-deps) deps=0; shift ;;
    --no-service) service=0; shift ;;
    --no-link) link=0; shift ;;
    --force) force=1; shift ;;
    --rollback) rollback=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$source" ] || die "give one archive, not '$source' and '$1'"; source="$1"; shift ;;
  esac
done

if [ -z "$prefix" ]; then
  if is_root; then prefix=/opt/$APP; else prefix="$HOME/.local/opt/$APP"; fi
fi
mkdir -p "$prefix/versions"
prefix="$(cd "$prefix" && pwd -P)"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"

# The account whose session runs the kiosk, and its home folder.
if is_root; then
  [ "$kiosk_user" = root ] && kiosk_user=""
  if [ -n "$kiosk_user" ]; then
    getent passwd "$kiosk_user" >/dev/null || die "no such account: $kiosk_user"
    kiosk_home="$(getent passwd "$kiosk_user" | cut -d: -f6)"
  fi
else
  kiosk_user="$(id -un)"
  kiosk_home="$HOME"
fi

version_of() {  # "kiosk 0.1.0 (abc1234)" -> "0.1.0-abc1234"
  local text
  text="$("$1/kiosk" --version 2>&1)" || { printf '%s\n' "$text" >&2; return 1; }
  printf '%s\n' "$text" | sed -n 's/^kiosk \([^ ]*\) (\([^)]*\))$/\1-\2/p'
}

link_to() {  # link_to TARGET NAME: replace the link NAME in one step (rename over it)
  ln -sfn "$1" "$2.new.$$"
  mv -Tf "$2.new.$$" "$2"
}

target_of() { if [ -L "$prefix/$1" ]; then readlink "$prefix/$1"; fi; }

checks_content() {  # checks_content VERSION_DIR: does that version accept the kept content?
  local out
  if out="$("$1/kiosk" validate 2>&1)"; then
    say "  checked with this version: $(printf '%s\n' "$out" | tail -n 1)"
    return 0
  fi
  printf '%s\n' "$out" >&2
  return 1
}

restart_hint() {
  if ! is_root && command -v systemctl >/dev/null && systemctl --user is-active --quiet "$UNIT" 2>/dev/null; then
    systemctl --user try-restart "$UNIT" && say "Restarted the running kiosk." && return
  fi
  say "If the kiosk is running, restart it: log out and in, or as its user: systemctl --user restart $APP"
}

prune() {  # keep current and previous only
  local cur prev dir
  cur="$(target_of current)" prev="$(target_of previous)"
  shopt -s nullglob
  for dir in "$prefix"/versions/*/; do
    dir="versions/$(basename "$dir")"
    [ "$dir" = "$cur" ] || [ "$dir" = "$prev" ] || { say "  removing old $dir"; rm -rf "${prefix:?}/$dir"; }
  done
}

# --- rollback ------------------------------------------------------------------------------
if [ "$rollback" = 1 ]; then
  cur="$(target_of current)" prev="$(target_of previous)"
  if [ -z "$prev" ] || [ ! -x "$prefix/$prev/kiosk" ]; then die "no previous version in $prefix to roll back to"; fi
  say "Switching $prefix back from ${cur#versions/} to ${prev#versions/}"
  if ! checks_content "$prefix/$prev"; then
    [ "$force" = 1 ] || die "${prev#versions/} rejects the content in $prefix/content (above); fix it or use --force"
    warn "switching anyway (--force)"
  fi
  link_to "$prev" "$prefix/current"
  [ -n "$cur" ] && link_to "$cur" "$prefix/previous"
  say "Now current: $(cd "$prefix/current" && ./kiosk --version). Undo with: $0 --rollback --prefix $prefix"
  restart_hint
  exit 0
fi

# --- what to install -----------------------------------------------------------------------
staging="$prefix/versions/.staging.$$"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging"
if [ -n "$source" ]; then
  [ -f "$source" ] || die "no such archive: $source"
  tar -xzf "$source" -C "$staging" --no-same-owner
  tops=("$staging"/*)
  if [ ${#tops[@]} != 1 ] || [ ! -x "${tops[0]}/kiosk" ]; then
    die "$source is not a kiosk build (expected one folder with a kiosk program in it)"
  fi
  new="${tops[0]}"
elif [ -x "$here/../kiosk" ]; then
  new="$staging/$APP"
  cp -a "$here/.." "$new"
else
  die "give the archive to install (tiexi-kiosk-VERSION-linux-x86_64.tar.gz), or run the install.sh inside an unpacked one"
fi

id="$(version_of "$new")" || die "the new build does not start on this PC (above)"
[ -n "$id" ] || die "cannot tell the new build's version"
dest="versions/$id"
if [ "$(target_of current)" = "$dest" ] && [ "$force" = 0 ]; then
  say "$APP ${id} is already installed and current in $prefix (use --force to reinstall it)."
  exit 0
fi
if [ "$(target_of current)" = "$dest" ]; then
  cur_backup="$prefix/versions/.replaced.$$"
  mv "$prefix/$dest" "$cur_backup"
else
  rm -rf "${prefix:?}/$dest"
fi

# --- install it beside the others --------------------------------------------------------------
say "Installing $APP $id into $prefix"
mv "$new" "$prefix/$dest"
v="$prefix/$dest"
mv "$v/content" "$v/content.shipped"
mv "$v/media" "$v/media.shipped"
if [ ! -d "$prefix/content" ]; then
  cp -a "$v/content.shipped" "$prefix/content"
  say "  content: the bundled exhibition, in $prefix/content"
else
  say "  content: kept $prefix/content (this version's own is in $dest/content.shipped)"
fi
if [ ! -d "$prefix/media" ]; then
  mv "$v/media.shipped" "$prefix/media"
else
  added=0
  while IFS= read -r -d '' f; do  # only files the kept media lacks; never overwrite a curator's file
    if [ -e "$prefix/media/$f" ] || [ -L "$prefix/media/$f" ]; then continue; fi
    mkdir -p "$(dirname "$prefix/media/$f")"
    cp -a "$v/media.shipped/$f" "$prefix/media/$f"
    added=$((added + 1))
  done < <(cd "$v/media.shipped" && find . -type f -print0)
  rm -rf "$v/media.shipped"
  say "  media: kept $prefix/media, added $added new file(s) from this version"
fi
ln -s ../../content "$v/content"
ln -s ../../media "$v/media"
if is_root && [ -n "$kiosk_user" ]; then
  chown -R "$kiosk_user": "$prefix/content" "$prefix/media"
fi

if ! checks_content "$v"; then
  if [ "$force" = 0 ]; then
    if [ -n "${cur_backup:-}" ]; then rm -rf "$v"; mv "$cur_backup" "$v"; else rm -rf "$v"; fi
    die "$id rejects the content in $prefix/content (above): not switched. Fix the content, or use --force"
  fi
  warn "switching anyway (--force); the kiosk shows its last good content or an error until it is fixed"
fi

old="$(target_of current)"
if [ -n "$old" ] && [ "$old" != "$dest" ]; then link_to "$old" "$prefix/previous"; fi
link_to "$dest" "$prefix/current"
rm -rf "${cur_backup:-}"
prune

# --- the system around it ------------------------------------------------------------------
if [ "$link" = 1 ]; then
  if is_root; then bindir=/usr/local/bin; else bindir="$HOME/.local/bin"; fi
  mkdir -p "$bindir"
  link_to "$prefix/current/kiosk" "$bindir/$APP"
  say "  command: $bindir/$APP (e.g. $APP validate)"
fi

if [ "$deps" = 1 ] && is_root && command -v apt-get >/dev/null && command -v dpkg >/dev/null; then
  missing=()
  for pkg in "${DEB_PACKAGES[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "  installing Debian packages for a real window: ${missing[*]}"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
      warn "could not install ${missing[*]} (offline?). Install them from a local mirror or USB stick;"
      warn "without libxcb-cursor0 in particular the kiosk cannot open its window under X11."
    fi
  fi
fi

if [ "$service" = 1 ]; then
  units="$here"
  [ -f "$v/install/$UNIT" ] && units="$v/install"
  if is_root; then unit_dir=/etc/systemd/user; else unit_dir="$kiosk_home/.config/systemd/user"; fi
  mkdir -p "$unit_dir"
  sed "s#/opt/tiexi-kiosk#$prefix#g" "$units/$UNIT" > "$unit_dir/$UNIT"
  if [ -n "$kiosk_user" ]; then
    # What `systemctl --user enable` does, done by hand so it works without the user's session.
    wants="$kiosk_home/.config/systemd/user/graphical-session.target.wants"
    autostart="$kiosk_home/.config/autostart"
    mkdir -p "$wants" "$autostart"
    ln -sfn "$unit_dir/$UNIT" "$wants/$UNIT"
    sed "s#/opt/tiexi-kiosk#$prefix#g" "$units/$APP.desktop" > "$autostart/$APP.desktop"
    if is_root; then
      chown "$kiosk_user": "$kiosk_home/.config" "$kiosk_home/.config/systemd" "$kiosk_home/.config/systemd/user" \
        "$wants" "$autostart" "$autostart/$APP.desktop" 2>/dev/null || true
      chown -h "$kiosk_user": "$wants/$UNIT" 2>/dev/null || true
    else
      systemctl --user daemon-reload 2>/dev/null || true
    fi
    say "  starts at log-in of $kiosk_user: $unit_dir/$UNIT, $autostart/$APP.desktop"
  else
    warn "no kiosk account given (--user NAME): the unit is in $unit_dir but starts for nobody yet"
  fi
fi

say ""
say "Installed: $(cd "$prefix/current" && ./kiosk --version) in $prefix/current"
say "  curators edit: $prefix/content and $prefix/media (check with: $prefix/current/kiosk validate)"
[ -n "$(target_of previous)" ] && say "  previous version kept: $(target_of previous) (roll back: $0 --rollback --prefix $prefix)"
say ""
say "Next steps:"
say "  1. As the kiosk's account${kiosk_user:+ ($kiosk_user)}, set the admin PIN; without one the admin panel cannot be opened:"
say "       $prefix/current/kiosk config set-pin"
say "  2. Start it: log in as that account (or: systemctl --user start $APP); see $prefix/current/INSTALL.md"
[ -n "$old" ] && [ "$old" != "$dest" ] && restart_hint
exit 0
