#!/usr/bin/env bash
# Start the kiosk on the bundled content. Extra arguments go to `kiosk run`
# (e.g. --windowed --size 1920x1080). Without a display, it opens on a virtual screen.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/kiosk ] || bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/kiosk run "$@"
fi
exec .venv/bin/kiosk run "$@"
