"""The full-screen photo viewer: opened by a tap on a page's photo, swiped, pinched, double-tapped,
dragged when zoomed, closed by its button and by the idle reset; its caption follows the variant.

A viewer over a plain host the size of a screen, on tests/factory.py's directory exhibition, with
photos the test draws itself; gestures are real touch events through the window (tests/gestures).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import touch_events
from kiosk.content.model import MediaItem
from kiosk.ui import theme
from kiosk.ui.companies.profile import CompanyProfile
from kiosk.ui.widgets import PhotoViewer, close_viewers
from kiosk.ui.widgets.viewer import open_viewer
from tests.conftest import factory_context, show_view
from tests.factory import write_directory_exhibition
from tests.gestures import drag, pinch

PHOTOS = [("photos/wide.png", 1600, 900, "厂房"), ("photos/tall.png", 900, 1600, "车间"), ("photos/square.png", 1200, 1200, "实验室")]


@pytest.fixture
def ctx(tmp_path: Path):  # noqa: ANN201 - a ViewContext
    context = factory_context(tmp_path, write_directory_exhibition)
    for file, width, height, _caption in PHOTOS:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor(40, 90, 160))
        (tmp_path / "media" / "photos").mkdir(parents=True, exist_ok=True)
        assert image.save(str(tmp_path / "media" / file))
    return context


@pytest.fixture
def items() -> list[MediaItem]:
    return [MediaItem(file=file, caption=caption, credit="园区管委会") for file, _w, _h, caption in PHOTOS]


@pytest.fixture
def host(qtbot) -> QWidget:  # noqa: ANN001 - the window a page sits in
    return show_view(qtbot, QWidget())


def viewer_over(qtbot, ctx, items, host, index: int = 0) -> PhotoViewer:  # noqa: ANN001
    viewer = open_viewer(ctx, items, index, host)
    qtbot.waitExposed(viewer)
    qtbot.waitUntil(lambda: not viewer.stage.fitted().isEmpty())
    return viewer


def tap_twice(widget: QWidget, at: QPoint) -> None:
    """Two quick taps of one finger at the same place."""
    handle, point = widget.window().windowHandle(), widget.mapTo(widget.window(), at)
    for _ in range(2):
        touch_events.press(handle, {0: point})
        QApplication.processEvents()
        touch_events.release(handle, {0: point})
        QApplication.processEvents()
        time.sleep(0.05)


def test_a_tap_on_a_profiles_photo_opens_the_viewer_with_its_caption(qtbot, ctx, navigate) -> None:  # noqa: ANN001
    profile = show_view(qtbot, CompanyProfile(ctx, navigate))
    profile.enter("pharma-co")
    qtbot.waitUntil(lambda: profile.page.finished)
    photo = profile.page.images[0]
    qtbot.waitUntil(lambda: photo.loaded)
    qtbot.mouseClick(photo, Qt.MouseButton.LeftButton)
    (viewer,) = profile.window().findChildren(PhotoViewer)
    assert viewer.isVisible()
    assert viewer.geometry() == profile.window().rect(), "over the whole screen"
    assert viewer.caption.text() == "实验室"
    assert not viewer.counter.isVisible(), "one photo: nothing to page through"


def test_swiping_pages_through_the_photos_and_stops_at_the_ends(qtbot, ctx, items, host) -> None:  # noqa: ANN001
    viewer = viewer_over(qtbot, ctx, items, host)
    stage = viewer.stage
    middle = QPoint(stage.width() // 2, stage.height() // 2)
    far = int(stage.width() * theme.VIEWER_SWIPE_SHARE * 2)
    assert viewer.counter.text() == "1 / 3"
    drag(stage, middle, QPoint(-far, 0))
    assert (viewer.index, viewer.caption.text(), viewer.counter.text()) == (1, "车间  ·  园区管委会", "2 / 3")
    drag(stage, middle, QPoint(-far // 8, 0))  # too short: a swipe begun and let go
    assert viewer.index == 1
    assert stage.fitted().center().x() == pytest.approx(stage.width() / 2), "the photo settles back"
    drag(stage, middle, QPoint(far, 0))
    assert viewer.index == 0
    drag(stage, middle, QPoint(far, 0))
    assert viewer.index == 0, "the first photo stays first"
    assert not viewer.previous.isEnabled()
    qtbot.mouseClick(viewer.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(viewer.next, Qt.MouseButton.LeftButton)
    assert viewer.index == 2
    assert not viewer.next.isEnabled()


def test_pinch_zooms_and_a_zoomed_photo_drags_instead_of_turning(qtbot, monkeypatch, ctx, items, host) -> None:  # noqa: ANN001
    viewer = viewer_over(qtbot, ctx, items, host)
    asked, request = [], ctx.media.request
    monkeypatch.setattr(ctx.media, "request", lambda reference, box, deliver, keep=True: (
        asked.append((reference, box)), request(reference, box, deliver, keep=keep)))
    stage = viewer.stage
    middle = QPoint(stage.width() // 2, stage.height() // 2)
    fitted = stage.fitted()
    pinch(stage, middle, 200, 500)
    assert stage.zoom == pytest.approx(2.5, abs=0.1)
    assert stage.fitted().width() == pytest.approx(fitted.width() * stage.zoom)
    before = stage.fitted().center()
    drag(stage, middle, QPoint(-300, 0))
    assert viewer.index == 0, "zoomed in, a drag moves the photo"
    assert stage.fitted().center().x() == pytest.approx(before.x() - 300, abs=2)
    drag(stage, middle, QPoint(-5000, 0), steps=4)
    assert stage.fitted().right() == pytest.approx(stage.width(), abs=1), "no further than its edge"
    pinch(stage, middle, 600, 100)
    assert stage.zoom == 1.0, "never smaller than the whole photo"
    # Zoomed in, the photo is decoded finer than the screen, to stay sharp.
    box = QSize(viewer.width() * theme.VIEWER_DETAIL_SCALE, viewer.height() * theme.VIEWER_DETAIL_SCALE)
    assert asked == [(items[0].file, box)]
    qtbot.waitUntil(lambda: viewer.sharp)


def test_a_double_tap_zooms_in_where_tapped_and_out_again(qtbot, ctx, items, host) -> None:  # noqa: ANN001
    viewer = viewer_over(qtbot, ctx, items, host)
    stage = viewer.stage
    point = QPoint(stage.width() // 2 + 200, stage.height() // 2)
    tap_twice(stage, point)
    assert stage.zoom == theme.VIEWER_DOUBLE_TAP_ZOOM
    tap_twice(stage, point)
    assert stage.zoom == 1.0
    assert stage.fitted().center().x() == pytest.approx(stage.width() / 2)


def test_the_close_button_and_the_idle_reset_close_it(qtbot, ctx, items, host) -> None:  # noqa: ANN001
    viewer = viewer_over(qtbot, ctx, items, host)
    assert viewer.close_button.height() >= theme.VIEWER_BUTTON
    assert viewer.close_button.geometry().bottom() > viewer.height() * 3 // 4, "along the bottom, within reach"
    with qtbot.waitSignal(viewer.closed):
        qtbot.mouseClick(viewer.close_button, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()
    again = viewer_over(qtbot, ctx, items, host, index=2)
    close_viewers(host)
    assert not again.isVisible()


def test_the_caption_follows_the_variant(qtbot, ctx, items, host) -> None:  # noqa: ANN001
    viewer = viewer_over(qtbot, ctx, items, host, index=2)
    assert viewer.caption.text() == "实验室  ·  园区管委会"
    ctx.set_variant("zh-Hant")
    assert viewer.caption.text() == "實驗室  ·  園區管委會"


def test_the_photo_shows_at_once_from_what_the_page_decoded(qtbot, ctx, items, host) -> None:  # noqa: ANN001
    small = ctx.media.image(items[1].file, QSize(200, 200))
    assert small is not None
    viewer = open_viewer(ctx, items, 1, host)
    assert not viewer.stage.fitted().isEmpty(), "no empty screen while the big one decodes"
    assert not viewer.sharp
    qtbot.waitUntil(lambda: viewer.sharp)
    assert viewer.stage._image.width() > small.width()


def test_the_viewers_screen_sized_photos_go_with_it(qtbot, ctx, items, host) -> None:  # noqa: ANN001
    """A screen-sized decode is 8 MB that no page shows: the viewer holds it while it shows it,
    and the memory the pages' photos are kept in is as it was once the viewer closes."""
    small = ctx.media.image(items[1].file, QSize(200, 200))
    held = ctx.media.held_bytes
    viewer = open_viewer(ctx, items, 1, host)
    qtbot.waitUntil(lambda: viewer.sharp)
    viewer.step(1)
    qtbot.waitUntil(lambda: viewer.sharp)
    assert ctx.media.held_bytes == held, "nothing screen-sized kept"
    viewer.step(-1)
    assert viewer.sharp, "swiped back, the viewer's own decode shows at once"
    assert ctx.media.cached(items[1].file, QSize(200, 200)) is small, "the page's photo stays"
    viewer.close_viewer()
    again = open_viewer(ctx, items, 1, host)
    qtbot.waitUntil(lambda: again.sharp, timeout=2000)  # decoded again (from its thumbnail, on a kiosk)
