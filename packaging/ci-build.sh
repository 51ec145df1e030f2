#!/usr/bin/env bash
# CI: build the Linux package and run the built program the way an exhibition PC does, with no
# Python on PATH and a clean environment: --version, validate, self-test (every view offscreen),
# the self-test again on photos and a film, a real X11 window under Xvfb when there is one, and
# install.sh into a scratch prefix.
# Runs after scripts/setup.sh (it needs .venv). About two minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[build]"
.venv/bin/python packaging/build.py --clean
built=$(date +%s)

bundle=dist/tiexi-kiosk
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home"
clean=(env -i "HOME=$scratch/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)

echo "packaging: $("${clean[@]}" "$bundle/kiosk" --version)"
"${clean[@]}" "$bundle/kiosk" validate
# The kiosk hyphenates in a child of itself (kiosk hyphenate): the patterns must be in the bundle.
printf '{"de": ["Hochleistungsausrüstungsfertigung"]}' >"$scratch/words.json"
"${clean[@]}" "$bundle/kiosk" hyphenate "$scratch/words.json" "$scratch/hyphenated.json"
grep -q $'\xc2\xad' "$scratch/hyphenated.json" || { echo "packaging: hyphenate gave no soft hyphen"; exit 1; }
# The offscreen platform cannot resize native windows; Qt says so once per window.
"${clean[@]}" "$bundle/kiosk" self-test 2>&1 | sed '/propagateSizeHints/d'

# Photos and a film as curators bring them (kiosk bench's media pack, with smaller photos): the
# frozen build decodes the photos and plays the film to a frame, with the codecs it carries.
.venv/bin/python -c 'import sys; from pathlib import Path; from kiosk.bench.media_pack import write_media_pack
write_media_pack(Path("content"), Path("media"), Path(sys.argv[1]), (3000, 2000))' "$scratch/pack"
"${clean[@]}" "$bundle/kiosk" self-test "$scratch/pack/content" --sizes 1920x1080 --normal-size-only >"$scratch/pack.log" 2>&1 \
  || { tail -40 "$scratch/pack.log"; echo "packaging: the self-test with photos and a film failed"; exit 1; }
grep -E '^(self-test|FAIL)' "$scratch/pack.log"
grep -q ' 1 films played, 0 failures' "$scratch/pack.log" || { echo "packaging: the film was not played"; exit 1; }
# A film with no poster shows a frame taken by a child of the kiosk (kiosk film-still).
"${clean[@]}" "$bundle/kiosk" film-still "$scratch/pack/media/bench/film.mp4" "$scratch/still.jpg" >/dev/null 2>&1 \
  && test -s "$scratch/still.jpg" || { echo "packaging: film-still gave no frame"; exit 1; }

if command -v xvfb-run >/dev/null; then
  # A real X11 window: the xcb plugin and the libraries it needs are in the bundle.
  unset QT_QPA_PLATFORM
  xvfb-run -a -s "-screen 0 1920x1080x24" bash -c '
    env -i HOME="$1" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "$2" run &
    pid=$!
    sleep 6
    kill -0 "$pid" || { wait "$pid"; echo "packaging: the kiosk did not stay up under X11 (exit $?)"; exit 1; }
    kill -TERM "$pid"
    wait "$pid" || { echo "packaging: the kiosk did not stop cleanly on SIGTERM"; exit 1; }
    echo "packaging: X11 window: started, stayed up, stopped on SIGTERM"
  ' _ "$scratch/home" "$bundle/kiosk"
fi

archive="$(ls dist/tiexi-kiosk-*-linux-*.tar.gz)"
bash packaging/linux/install.sh --prefix "$scratch/opt" --no-deps --no-service --no-link "$archive" >/dev/null
"${clean[@]}" "$scratch/opt/current/kiosk" validate >/dev/null
echo "packaging: install.sh put $("$scratch/opt/current/kiosk" --version) in a scratch prefix; it validates there"

done_at=$(date +%s)
echo "packaging: OK; build $((built - started)) s, checks $((done_at - built)) s"
