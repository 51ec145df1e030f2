"""A film's still, for a film the curator gave no poster: one frame, taken in a child process.

The kiosk never opens a player just to show a picture: stopping a QMediaPlayer that is still
opening its file hung the GUI thread once in a handful of test runs (kiosk/ui/widgets/film.py).
So the frame is taken by `kiosk film-still FILM OUT` in a process of its own, which the media
service waits for on its worker thread with a time limit: a film that hangs its decoder costs a
killed child and a dark stage with a play mark, never the kiosk. The still is saved beside the
thumbnails, named by the film's content, so each film is opened for this once per machine.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from kiosk.paths import kiosk_command

log = logging.getLogger(__name__)

STILL_AT_MS = 1000  # a film's first frame is often black (a fade in); a second in is its picture
FRAME_SLACK_US = 40_000  # a frame that starts within this of the time asked for is that frame
TAKE_TIMEOUT_S = 20.0  # a full-HD film gives its frame in well under a second (kiosk bench)
STILL_QUALITY = 90
CHILD_CODE_CANNOT = 2


def take_still(film: Path, out: Path) -> bool:
    """Run `kiosk film-still` for `film`, writing `out` whole (or not at all); True if it did."""
    partial = out.with_name(f"{out.name}.{os.getpid()}.partial")
    command = kiosk_command("film-still", str(film), str(partial))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # a child never opens a window
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        finished = subprocess.run(command, capture_output=True, text=True, timeout=TAKE_TIMEOUT_S, env=env,
                                  creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0), check=False)
        if finished.returncode != 0 or not partial.is_file():
            log.warning("no still of %s: %s", film.name, (finished.stderr.strip().splitlines() or ["no frame"])[-1])
            return False
        partial.replace(out)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("no still of %s: %s", film.name, exc)
        return False
    finally:
        partial.unlink(missing_ok=True)


def write_still(film: Path, out: Path, at_ms: int = STILL_AT_MS, limit_s: float = TAKE_TIMEOUT_S) -> int:
    """The child's side: decode `film` up to `at_ms` (or its middle, if shorter) and save that
    frame as JPEG at `out`. An exit code: 0 when saved."""
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    loop = QEventLoop()
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    wanted = {"at_us": at_ms * 1000}
    saved: list[bool] = []

    def loaded(status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia:
            duration = player.duration()
            if 0 < duration < 2 * at_ms:
                wanted["at_us"] = duration * 1000 // 2
            player.setPosition(wanted["at_us"] // 1000)
            player.play()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            loop.quit()

    def frame(video: QVideoFrame) -> None:
        if saved or not video.isValid():
            return
        start = video.startTime()
        if start >= 0 and start + FRAME_SLACK_US < wanted["at_us"]:
            return  # decoding on from the key frame before the time asked for
        saved.append(video.toImage().save(str(out), "JPG", STILL_QUALITY))
        loop.quit()

    player.mediaStatusChanged.connect(loaded)
    player.errorOccurred.connect(lambda _error, text: (sys.stderr.write(f"{text}\n"), loop.quit()))
    sink.videoFrameChanged.connect(frame)
    QTimer.singleShot(int(limit_s * 1000), loop.quit)
    player.setSource(QUrl.fromLocalFile(str(film.resolve())))
    loop.exec()
    sink.videoFrameChanged.disconnect(frame)
    player.mediaStatusChanged.disconnect(loaded)
    del app  # the process ends here: the player goes with it, stopped or not
    if not saved or not saved[0]:
        sys.stderr.write(f"no frame of {film.name} could be saved\n")
        return CHILD_CODE_CANNOT
    return 0
