"""A film on a page, played for real: frames decoded by QtMultimedia's FFmpeg offscreen, play and
pause, scrub, the sound button, subtitles in two variants, a film that lies, the idle reset.

The films are made here by ffmpeg (H.264/AAC in MP4, as a promotion office sends them), with
WebVTT subtitles; nothing large is committed. The tests are skipped only where QtMultimedia is
not installed at all; CI has it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import MediaItem
from kiosk.formatting import clock
from tests.conftest import factory_context, show_view
from tests.factory import write_directory_exhibition

pytest.importorskip("PySide6.QtMultimedia", reason="QtMultimedia (PySide6-Addons) is not installed")

from kiosk.ui.widgets import FilmPlayer, film_playing, stop_films  # noqa: E402 - after the skip

FILM_S = 3
VTT_HANS = "WEBVTT\n\n00:00.000 --> 00:01.500\n欢迎来到中德园\n\n00:01.500 --> 00:03.000\n这里是发展历程\n"
# (A test machine has no sound card, no sound server and no GPU: Qt says so, and plays on.)
QUIET = ("No HW decoder found", "Couldn't resolve va", "hwaccel", "hardware", "pa_context_connect",
         "No audio device", "No RHI backend", "Immediate exit requested")


@pytest.fixture(scope="module")
def films(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ffmpeg = shutil.which("ffmpeg")
    assert ffmpeg, "ffmpeg makes the test films: scripts/setup.sh --test installs it"
    folder = tmp_path_factory.mktemp("films")
    subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440", "-t", str(FILM_S), "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(folder / "tour.mp4")], check=True)
    (folder / "tour.zh-Hans.vtt").write_text(VTT_HANS, encoding="utf-8")
    return folder


@pytest.fixture
def ctx(tmp_path: Path, films: Path):  # noqa: ANN201 - a ViewContext
    context = factory_context(tmp_path, write_directory_exhibition)
    shutil.copytree(films, tmp_path / "media" / "films")
    (tmp_path / "media" / "films" / "lying.mp4").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return context


@pytest.fixture
def page(qtbot) -> QWidget:  # noqa: ANN001 - where the films go, shown at a screen's size
    shown = show_view(qtbot, QWidget())
    QVBoxLayout(shown)
    return shown


def film_on(page: QWidget, ctx, file: str = "films/tour.mp4") -> FilmPlayer:  # noqa: ANN001
    item = MediaItem(file=file, caption="园区宣传片", subtitles={"zh-Hans": "films/tour.zh-Hans.vtt"})
    player = FilmPlayer(ctx, item, QSize(640, 360))
    page.layout().addWidget(player)
    player.show()  # a layout shows what joins a page on screen only on its next pass
    return player


@pytest.mark.qt_log_ignore(*QUIET)
def test_a_film_plays_pauses_and_its_frames_are_drawn(qtbot, ctx, page) -> None:  # noqa: ANN001
    player = film_on(page, ctx)
    assert player._player is None, "nothing is opened before the first play"
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.frames_played > 2, timeout=10_000)
    assert player.stage.picture.size() == QSize(640, 360), "a decoded frame"
    assert not player.stage.picture.isNull()
    assert player.playing
    assert film_playing(player.window()), "the idle reset waits while a film plays"
    qtbot.waitUntil(lambda: player.scrub.maximum() == FILM_S * 1000, timeout=5_000)
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not player.playing)
    assert player.stage.paused
    paused_at = player.scrub.value()
    qtbot.wait(300)
    assert player.scrub.value() == paused_at, "paused means still"


@pytest.mark.qt_log_ignore(*QUIET)
def test_scrubbing_moves_the_film_time_and_subtitle(qtbot, ctx, page) -> None:  # noqa: ANN001
    player = film_on(page, ctx)
    player.seek(2_000)
    assert player.time.text().startswith(clock(2_000))
    assert player.stage.subtitle == "这里是发展历程"
    player.seek(500)
    assert player.stage.subtitle == "欢迎来到中德园"
    assert player.scrub.height() >= 64, "a scrub bar a finger can hold"


@pytest.mark.qt_log_ignore(*QUIET)
def test_subtitles_follow_the_variant(qtbot, ctx, page) -> None:  # noqa: ANN001
    player = film_on(page, ctx)
    player.seek(500)
    assert player.stage.subtitle == "欢迎来到中德园"
    ctx.set_variant("zh-Hant")  # no file of its own: the simplified one, converted
    assert player.stage.subtitle == "歡迎來到中德園"
    ctx.set_variant("zh-Hans")
    assert player.stage.subtitle == "欢迎来到中德园"


@pytest.mark.qt_log_ignore(*QUIET)
def test_a_film_starts_muted_unless_the_machine_says_otherwise(qtbot, ctx, page) -> None:  # noqa: ANN001
    player = film_on(page, ctx)
    player.play()
    assert not player.audible
    qtbot.mouseClick(player.sound_button, Qt.MouseButton.LeftButton)
    assert player.audible
    ctx.film_sound = True
    loud = film_on(page, ctx)
    loud.play()
    assert loud.audible
    loud.loop_silently()  # the attract loop: never a sound
    assert not loud.audible


@pytest.mark.qt_log_ignore(*QUIET)
def test_the_idle_reset_stops_films_and_shows_the_start(qtbot, ctx, page) -> None:  # noqa: ANN001
    player = film_on(page, ctx)
    player.play()
    qtbot.waitUntil(lambda: player.frames_played > 0, timeout=10_000)
    stop_films(player.window())
    assert not player.playing
    assert player.stage.paused
    assert player.stage.picture is None


def test_a_film_that_lies_shows_its_caption_and_says_it_cannot_play(qtbot, ctx, page) -> None:  # noqa: ANN001
    player = film_on(page, ctx, "films/lying.mp4")
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    assert player.problem.isVisible()
    assert player.problem.text() == ctx.ui("film_unavailable")
    assert not player.play_button.isEnabled()


def test_the_clock_reads_as_players_do() -> None:
    assert [clock(ms) for ms in (0, 7_400, 65_000, 3_725_000)] == ["0:00", "0:07", "1:05", "1:02:05"]


@pytest.mark.qt_log_ignore(*QUIET)
def test_the_attract_film_loops_silently_on_home_without_holding_off_the_idle_reset(
        qtbot, tmp_path: Path, films: Path, navigate) -> None:  # noqa: ANN001
    from kiosk.content import load_content
    from kiosk.ui.home.view import HomeView
    from tests.conftest import view_context
    from tests.factory import write_exhibition

    content = write_exhibition(tmp_path)
    shutil.copytree(films, tmp_path / "media" / "films")
    exhibition = content / "exhibition.yaml"
    exhibition.write_text(exhibition.read_text(encoding="utf-8").replace(
        "idle_timeout_s:", "attract_film: {file: films/tour.mp4, caption: 园区宣传片}\nidle_timeout_s:"), encoding="utf-8")
    result = load_content(content)
    assert result.ok, result.problems
    home = show_view(qtbot, HomeView(view_context(result, tmp_path / "media"), navigate))
    film = home.film
    assert film is not None
    assert not film.play_button.isVisible(), "a picture only"
    home.enter(None)
    qtbot.waitUntil(lambda: film.stage.picture is not None, timeout=10_000)
    assert film.playing
    assert not film.audible
    assert film._player.loops() == film._player.Loops.Infinite
    assert not film_playing(home.window()), "the attract film does not hold off the idle reset"
    home.leave()
    qtbot.waitUntil(lambda: not film.playing)


@pytest.mark.qt_log_ignore(*QUIET)
def test_a_photo_and_a_film_in_a_narrow_column_shrink_to_it_keeping_their_shape(qtbot, ctx) -> None:  # noqa: ANN001
    """A portrait screen's sheet is narrower than the largest box a photo or film may take:
    they narrow to the column (nothing runs off its edge) and keep their shape."""
    from PySide6.QtGui import QColor, QImage

    from kiosk.ui.widgets import MediaImage

    photo = QImage(1600, 900, QImage.Format.Format_RGB32)
    photo.fill(QColor("teal"))
    assert photo.save(str(ctx.media.media_dir / "films" / "wide.png"))
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    image = MediaImage(ctx.media, "films/wide.png", QSize(1100, 620))
    film = FilmPlayer(ctx, MediaItem(file="films/tour.mp4"), QSize(1100, 620))
    layout.addWidget(image)
    layout.addWidget(film)
    layout.addStretch(1)
    show_view(qtbot, column, (600, 1400))
    for shown in (image, film.stage):
        assert shown.width() == 600, type(shown).__name__
        assert shown.height() == pytest.approx(shown.width() * 620 / 1100 if shown is film.stage else 600 * 9 / 16, abs=1)


@pytest.mark.qt_log_ignore(*QUIET, "cannot play here")
def test_the_self_test_plays_each_film_to_a_frame_and_fails_on_one_that_cannot(
        qtbot, tmp_path: Path, films: Path) -> None:  # noqa: ANN001
    """What CI runs on the frozen build: a build or a machine that cannot decode films fails
    its self-test, not in front of a visitor."""
    from kiosk.content import load_content
    from kiosk.screens import Screen
    from kiosk.ui.snapshots import SelfTestReport, check_films, self_test
    from tests.conftest import open_kiosk
    from tests.factory import write_exhibition

    content = write_exhibition(tmp_path)
    shutil.copytree(films, tmp_path / "media" / "films")
    timeline = content / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace(
        "      - file: photos/plant.png", "      - {file: films/tour.mp4, caption: 园区宣传片}\n      - file: photos/plant.png"),
        encoding="utf-8")
    result = load_content(content)
    assert result.ok, result.problems
    kiosk = open_kiosk(qtbot, result, tmp_path / "media")
    report = self_test(kiosk)
    assert report.failures == []
    assert report.films == {"films/tour.mp4"}
    player = next(film for film in kiosk.window.findChildren(FilmPlayer) if film.item.file == "films/tour.mp4")
    assert not player.playing, "played to a frame, then back to its start"

    (tmp_path / "media" / "films" / "tour.mp4").write_bytes(b"\x00" * 4096)  # broken after validation
    kiosk.window.navigate(Screen.TIMELINE, "plant-opens")
    qtbot.wait(1)
    broken = SelfTestReport()
    failures = check_films(kiosk, broken)
    assert len(failures) == 1
    assert failures[0].startswith("film media/films/tour.mp4 cannot play: ")


def _stills_on(ctx, folder: Path) -> None:  # noqa: ANN001 - a machine's thumbnails folder, where stills go
    from kiosk.media.service import MediaService

    ctx.media = MediaService(ctx.media.media_dir, thumbnails=folder)


@pytest.mark.qt_log_ignore(*QUIET)
def test_a_film_without_a_poster_shows_a_frame_a_second_in_taken_once_per_machine(
        qtbot, ctx, page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import kiosk.media.service as service

    _stills_on(ctx, tmp_path / "thumbnails")
    player = film_on(page, ctx)
    qtbot.waitUntil(lambda: player.stage.picture is not None, timeout=20_000)
    assert player.stage.picture.size() == QSize(640, 360)
    assert player._player is None, "taken in a child process, not by this kiosk"
    assert player.frames_played == 0
    assert len(list((tmp_path / "thumbnails").glob("*/*-still.jpg"))) == 1

    monkeypatch.setattr(service, "take_still", lambda *_args: pytest.fail("the still is on disk already"))
    _stills_on(ctx, tmp_path / "thumbnails")  # a restart
    again = film_on(page, ctx)
    qtbot.waitUntil(lambda: again.stage.picture is not None, timeout=10_000)


def test_a_film_whose_still_cannot_be_taken_is_not_asked_twice(
        qtbot, ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import kiosk.media.service as service

    taken: list[Path] = []
    monkeypatch.setattr(service, "take_still", lambda film, _out: taken.append(film) and False)
    _stills_on(ctx, tmp_path / "thumbnails")
    for _ in range(2):
        answers: list[object] = []
        ctx.media.request("films/tour.mp4", QSize(640, 360), answers.append)
        qtbot.waitUntil(lambda a=answers: a == [None], timeout=10_000)
    assert len(taken) == 1, "one try per film: the dark stage and its play mark will do"


def test_a_child_that_hangs_is_stopped_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import kiosk.media.still as still

    monkeypatch.setattr(still, "kiosk_command", lambda *_args: [sys.executable, "-c", "import time; time.sleep(60)"])
    monkeypatch.setattr(still, "TAKE_TIMEOUT_S", 0.5)
    out = tmp_path / "ab" / "still.jpg"
    assert still.take_still(tmp_path / "film.mp4", out) is False
    assert list(tmp_path.rglob("*")) == [out.parent], "no still, no partial file"
