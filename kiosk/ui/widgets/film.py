"""A film on a page: poster, play and pause, a scrub bar a finger can hold, time, sound, subtitles.

QtMultimedia (PySide6-Addons) plays it with the FFmpeg inside the wheel: H.264 and VP8/9 are
decoded in software, offline. Frames arrive through a QVideoSink and are drawn here, with the
subtitles over the picture, so what a visitor sees is what a screenshot and a test see. A film
starts muted (a hall decides: the machine setting `film_sound`) and is opened only when first
played. If the platform cannot play it, the poster and caption still show, with a line saying so.
"""

from __future__ import annotations

import logging
from types import ModuleType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QMetaObject, QRect, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QHideEvent, QIcon, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QSlider, QVBoxLayout, QWidget

from kiosk.content.films import Cue, cue_at
from kiosk.content.model import MediaItem
from kiosk.formatting import clock
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.reach import needs_reach
from kiosk.ui.widgets.basics import TouchButton, glyph_icon, hide_unless, icon, label
from kiosk.ui.widgets.images import keep_shape, shape_height

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame

log = logging.getLogger(__name__)


def _multimedia() -> ModuleType | None:
    """QtMultimedia, imported on the first play (it loads FFmpeg's libraries: kept out of the
    start); None where PySide6-Addons is missing: posters and captions still show."""
    try:
        from PySide6 import QtMultimedia
    except ImportError:
        return None
    return QtMultimedia
MS_PER_S = 1000


class FilmStage(QWidget):
    """The picture (or the poster before it plays) fitted, and the subtitle over its foot; at
    most `box`, narrower in a narrower column, of `box`'s shape."""

    def __init__(self, box: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = box
        keep_shape(self, box)
        self.picture: QImage | None = None
        self.subtitle = ""
        self.paused = True

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.box)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return shape_height(self.box, width)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.FILM_GROUND))
        if self.picture is not None and not self.picture.isNull():
            size = self.picture.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                            size.width(), size.height())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.picture)
        if self.paused:
            self._draw_play_mark(painter)
        if self.subtitle:
            self._draw_subtitle(painter)

    def _draw_play_mark(self, painter: QPainter) -> None:
        painter.save()  # the icon's painting leaves its own state on the painter
        side = theme.FILM_PLAY_MARK
        centre = self.rect().center()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.FILM_MARK_GROUND))
        painter.drawEllipse(centre, side // 2, side // 2)
        mark = QRect(0, 0, side, side)
        mark.moveCenter(centre)
        painter.drawPixmap(mark, icon("mdi6.play", theme.ICON_ON_DARK, side))
        painter.restore()

    def _draw_subtitle(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPixelSize(theme.TYPE["subheading"])
        painter.setFont(font)
        margin = theme.SPACE_M
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
        room = self.rect().adjusted(margin, margin, -margin, -margin)
        shown = painter.boundingRect(room, flags, self.subtitle).adjusted(-theme.SPACE_S, -theme.SPACE_XS,
                                                                          theme.SPACE_S, theme.SPACE_XS)
        painter.fillRect(shown, QColor(theme.SUBTITLE_GROUND))
        painter.setPen(QColor(theme.ICON_ON_DARK))
        painter.drawText(room, flags, self.subtitle)


class FilmPlayer(QWidget):
    """One film of a page, `box` the largest size its picture takes. The attract loop's film
    (`attract`) shows only its picture, and does not hold off the idle reset."""

    def __init__(self, ctx: ViewContext, item: MediaItem, box: QSize, parent: QWidget | None = None,
                 *, attract: bool = False) -> None:
        super().__init__(parent)
        self.ctx, self.item, self.attract = ctx, item, attract
        self.texts = TextBinder(ctx, self)
        self._player: QMediaPlayer | None = None
        self._cues: list[Cue] = []
        self._scrubbing = False
        self._pending_seek: int | None = None
        self.frames_played = 0
        self.failure: str | None = None  # why the platform could not play it, once it said so
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_XS)
        self.stage = FilmStage(box)
        layout.addWidget(self.stage)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_S)
        self.play_button = TouchButton(icon_name="mdi6.play")
        self.play_button.clicked.connect(self.toggle)
        self.scrub = QSlider(Qt.Orientation.Horizontal)
        self.scrub.setProperty("scrub", True)
        self.scrub.setMinimumHeight(theme.TOUCH_MIN)
        self.scrub.sliderPressed.connect(self._scrub_started)
        self.scrub.sliderReleased.connect(self._scrub_ended)
        self.scrub.sliderMoved.connect(self.seek)
        self.time = label("0:00", "caption", wrap=False)
        self.sound_button = TouchButton(icon_name="mdi6.volume-off")
        self.sound_button.setCheckable(True)
        self.sound_button.setChecked(ctx.film_sound)
        self.sound_button.toggled.connect(self._sound)
        needs_reach(self.play_button, self.scrub, self.sound_button)
        for widget in (self.play_button, self.scrub, self.time, self.sound_button):
            row.addWidget(widget, 1 if widget is self.scrub else 0)
            hide_unless(widget, not attract)
        layout.addLayout(row)
        self.problem = label("", "caption")  # the platform cannot play it: poster and caption stay
        self.problem.hide()
        layout.addWidget(self.problem)
        self.texts.redraw(self, self._variant_changed)
        self._variant_changed()
        self._show_poster()

    # --- what shows before it plays -----------------------------------------------------------
    def _show_poster(self) -> None:
        """The curator's still, or else a frame a second into the film, taken once per machine
        in a child process (kiosk.media.still); until it comes, the dark stage and its play mark."""
        self.ctx.media.request(self.item.poster or self.item.file, self.stage.box, self._poster_arrived)

    def _poster_arrived(self, image: QImage | None) -> None:
        if shiboken6.isValid(self) and image is not None and not self.playing and self.stage.picture is None:
            self.stage.picture = image
            self.stage.update()

    # --- playing ----------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self._player is not None and self._player.isPlaying()

    def _open(self) -> QMediaPlayer | None:
        """The player, made on the first play: a page with films opens no file until asked."""
        multimedia = _multimedia()
        if multimedia is None:
            self._cannot_play("QtMultimedia (PySide6-Addons) is missing")
            return None
        if self._player is None:
            path = self.ctx.media.film_path(self.item.file)
            if path is None:
                self._cannot_play("")
                return None
            self._player = multimedia.QMediaPlayer(self)
            self._audio: QAudioOutput | None = None
            self._sound(self.sound_button.isChecked())
            self._sink = multimedia.QVideoSink(self)
            self._sink.videoFrameChanged.connect(self._frame)
            self._player.setVideoSink(self._sink)
            self._player.durationChanged.connect(self._duration)
            self._player.positionChanged.connect(self._position)
            self._player.playbackStateChanged.connect(self._state)
            self._player.errorOccurred.connect(lambda _error, text: self._cannot_play(text))
            self._player.mediaStatusChanged.connect(self._status)
            self._player.setSource(QUrl.fromLocalFile(str(path)))
        return self._player

    def play(self) -> None:
        player = self._open()
        if player is not None:
            player.play()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def stop(self) -> None:
        """Back to the start with the poster (the idle reset)."""
        self._release()
        self.stage.picture = None
        self.stage.subtitle = ""
        self.stage.paused = True
        self._show_poster()
        self.stage.update()

    def _release(self) -> None:
        """Let the player go with its decoder (tens of megabytes for a full-HD film); the next
        play opens the film again.

        Stopped and deleted from the event loop, not from here: the binding calls stop() holding
        Python's lock, and the player's audio thread, tearing down, calls into a Python-made
        object and waits for that lock while stop() waits for the thread (a hang, caught with
        gdb in the tests). From the event loop the lock is free."""
        if self._player is None:
            return
        player, parts = self._player, (self._player, self._sink, self._audio)
        self._sink.videoFrameChanged.disconnect(self._frame)  # nothing still emitted reaches Python
        for signal, slot in ((player.durationChanged, self._duration), (player.positionChanged, self._position),
                             (player.playbackStateChanged, self._state), (player.mediaStatusChanged, self._status)):
            signal.disconnect(slot)
        QMetaObject.invokeMethod(player, "stop", Qt.ConnectionType.QueuedConnection)
        for part in parts:
            if part is not None:
                part.deleteLater()
        self._player = None
        self._state(None)

    def seek(self, ms: int) -> None:
        player = self._open()
        if player is None:
            return
        status = type(player).MediaStatus
        if player.mediaStatus() in (status.NoMedia, status.LoadingMedia):
            self._pending_seek = ms  # the film is still being opened: there, once it is
        else:
            player.setPosition(ms)
        self._position(ms)

    def loop_silently(self) -> None:
        """For the attract loop: muted, round and round."""
        player = self._open()
        if player is not None:
            self.sound_button.setChecked(False)
            player.setLoops(type(player).Loops.Infinite)
            player.play()

    # --- what the player reports ------------------------------------------------------------------
    def _frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self.stage.picture = frame.toImage()
        self.stage.update()
        if self.playing:
            self.frames_played += 1

    def _duration(self, ms: int) -> None:
        self.scrub.setRange(0, ms)
        self._position(self._player.position() if self._player is not None else 0)

    def _position(self, ms: int) -> None:
        if not self._scrubbing:
            self.scrub.setValue(ms)
        total = self._player.duration() if self._player is not None else 0
        self.time.setText(f"{clock(ms)} / {clock(total)}")
        subtitle = cue_at(self._cues, ms / MS_PER_S)
        if subtitle != self.stage.subtitle:
            self.stage.subtitle = subtitle
            self.stage.update()

    def _state(self, _state: object) -> None:
        playing = self.playing
        self.play_button.setIcon(_icon("mdi6.pause" if playing else "mdi6.play"))
        self.stage.paused = not playing
        self.stage.update()

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._player is None:
            return
        known = type(self._player).MediaStatus
        if status == known.InvalidMedia:
            self._cannot_play("the file could not be decoded")
        elif status == known.LoadedMedia and self._pending_seek is not None:
            self._player.setPosition(self._pending_seek)
            self._pending_seek = None

    def _cannot_play(self, reason: str) -> None:
        if self.failure is not None:
            return  # said once
        self.failure = reason or "the film is missing"
        log.warning("film media/%s cannot play here: %s", self.item.file, reason)
        self.texts.ui(self.problem, "film_unavailable")
        self.problem.show()
        for control in (self.play_button, self.scrub, self.sound_button):
            control.setEnabled(False)

    def _scrub_started(self) -> None:
        self._scrubbing = True

    def _scrub_ended(self) -> None:
        self._scrubbing = False
        self.seek(self.scrub.value())

    def _sound(self, on: bool) -> None:
        """Sound on gives the player an audio output; muted, it has none (no sound device is
        opened, and no audio thread runs for a film nobody hears)."""
        self.sound_button.setIcon(_icon("mdi6.volume-high" if on else "mdi6.volume-off"))
        multimedia = _multimedia()
        if self._player is None or multimedia is None:
            return
        if on and self._audio is None:
            self._audio = multimedia.QAudioOutput(self)
            self._player.setAudioOutput(self._audio)
        if self._audio is not None:
            self._audio.setMuted(not on)

    @property
    def audible(self) -> bool:
        return self._player is not None and self._audio is not None and not self._audio.isMuted()

    def _variant_changed(self) -> None:
        self._cues = self.ctx.subtitles(self.item)
        if self._player is not None:
            self._position(self._player.position())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - the page went: the film waits
        self.pause()
        super().hideEvent(event)


def _icon(name: str) -> QIcon:
    return glyph_icon(name, theme.ICON_DEFAULT_COLOR)


def stop_films(window: QWidget) -> None:
    """Stop every film in `window` (the idle reset)."""
    for film in window.findChildren(FilmPlayer):
        film.stop()


def film_playing(window: QWidget) -> bool:
    """A visitor is watching a film (the attract loop's film does not count)."""
    return any(film.playing and not film.attract for film in window.findChildren(FilmPlayer))
