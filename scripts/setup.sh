#!/usr/bin/env bash
# Set up a development or preview machine: system libraries for a real Qt window (Linux, when
# run as root with apt), the CJK fonts build step, and a virtual environment in .venv.
#   scripts/setup.sh          runtime only
#   scripts/setup.sh --test   plus the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt's xcb platform needs these for a real window (xvfb-run, a Linux kiosk PC).
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libegl1 libgl1
  libfontconfig1 libdbus-1-3 libglib2.0-0
  # Films: QtMultimedia's FFmpeg backend (in the PySide6-Addons wheel) links the sound server's client.
  libpulse0
  # A virtual screen for previews and screenshots.
  xvfb xauth
)
# The tests also try the Linux lock-down: openbox on the virtual screen, keys sent by xdotool.
# They make their own test films and subtitles with ffmpeg (H.264/AAC in MP4, VP9 in WebM).
[ "${1:-}" = "--test" ] && APT_PACKAGES+=(openbox xdotool x11-utils ffmpeg)

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"
echo "setup: ready (.venv)"
