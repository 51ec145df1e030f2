"""The media service: photos decoded at the size shown, turned upright, cached, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from kiosk.media.service import MediaService


def write_photo(path: Path, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 40))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))


def test_a_photo_is_decoded_at_the_size_it_is_shown(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    write_photo(tmp_path / "photos" / "big.jpg", 3000, 2000)
    media = MediaService(tmp_path)
    image = media.image("photos/big.jpg", QSize(600, 600))
    assert image is not None
    assert (image.width(), image.height()) == (600, 400)
    assert media.image("photos/big.jpg", QSize(600, 600)) is image, "the second visit costs nothing"


def test_a_small_photo_is_not_blown_up(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    write_photo(tmp_path / "photos" / "small.png", 120, 80)
    image = MediaService(tmp_path).image("photos/small.png", QSize(600, 600))
    assert image is not None
    assert (image.width(), image.height()) == (120, 80)


def test_missing_broken_or_outside_files_give_nothing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    media = MediaService(tmp_path)
    assert media.image("photos/missing.png", QSize(100, 100)) is None
    assert media.image("photos/broken.png", QSize(100, 100)) is None
    assert media.image("../outside.png", QSize(100, 100)) is None


def test_the_memory_cache_stays_within_its_bound(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    for n in range(4):
        write_photo(tmp_path / "photos" / f"p{n}.png", 400, 400)
    one_photo = 400 * 400 * 4
    media = MediaService(tmp_path, cache_bytes=2 * one_photo)
    for n in range(4):
        media.image(f"photos/p{n}.png", QSize(400, 400))
    assert media.held_bytes <= 2 * one_photo
    assert media.image("photos/p3.png", QSize(400, 400)) is media.image("photos/p3.png", QSize(400, 400))


def test_an_svg_that_reaches_outside_media_is_never_drawn(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    secret = tmp_path / "secret.png"
    write_photo(secret, 20, 20)
    (tmp_path / "media" / "photos").mkdir(parents=True)
    (tmp_path / "media" / "photos" / "trap.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">'
        f'<image href="{secret}" width="20" height="20"/></svg>', encoding="utf-8")
    media = MediaService(tmp_path / "media")
    assert media.image("photos/trap.svg", QSize(20, 20)) is None
    (tmp_path / "media" / "photos" / "plain.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20"/></svg>',
        encoding="utf-8")
    assert media.image("photos/plain.svg", QSize(20, 20)) is not None, "a self-contained SVG is drawn"


def with_orientation(jpeg: bytes, orientation: int) -> bytes:
    """The JPEG with an EXIF block saying how the camera was held (as phones store portraits)."""
    import struct

    ifd = struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + ifd
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


@pytest.mark.parametrize(("orientation", "upright"), [(1, (300, 200)), (3, (300, 200)), (6, (200, 300)),
                                                      (8, (200, 300)), (5, (200, 300)), (2, (300, 200))])
def test_a_phone_photo_stored_sideways_stands_upright(qtbot, tmp_path: Path, orientation: int,  # noqa: ANN001
                                                      upright: tuple[int, int]) -> None:
    plain = tmp_path / "plain.jpg"
    write_photo(plain, 300, 200)
    (tmp_path / "photos").mkdir(exist_ok=True)
    (tmp_path / "photos" / "phone.jpg").write_bytes(with_orientation(plain.read_bytes(), orientation))
    image = MediaService(tmp_path).image("photos/phone.jpg", QSize(1000, 1000))
    assert image is not None
    assert (image.width(), image.height()) == upright
    small = MediaService(tmp_path).image("photos/phone.jpg", QSize(100, 100))
    assert small is not None
    assert max(small.width(), small.height()) == 100, "decoded at the shown size, then turned"
    assert (small.width() > small.height()) == (upright[0] > upright[1])


# --- off the GUI thread, and on disk --------------------------------------------------------------
def _requested(qtbot, media: MediaService, reference: str, box: QSize) -> QImage | None:  # noqa: ANN001
    got: list[QImage | None] = []
    media.request(reference, box, got.append)
    qtbot.waitUntil(lambda: bool(got))
    return got[0]


def test_a_photo_is_decoded_off_the_gui_thread_and_delivered_on_it(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    write_photo(tmp_path / "photos" / "big.jpg", 3000, 2000)
    media = MediaService(tmp_path)
    box = QSize(600, 600)
    assert media.shown_size("photos/big.jpg", box) == QSize(600, 400), "the shape is known from the header"
    assert media.cached("photos/big.jpg", box) is None, "nothing decoded yet"
    got: list[QImage | None] = []
    media.request("photos/big.jpg", box, got.append)
    media.request("photos/big.jpg", box, got.append)  # asked twice while decoding: decoded once
    assert got == [], "request never waits for the decode"
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got[0] is got[1] is media.cached("photos/big.jpg", box)
    assert media.decodes == 1
    assert (got[0].width(), got[0].height()) == (600, 400)


def test_a_photo_its_caller_holds_is_delivered_and_not_kept(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    write_photo(tmp_path / "photos" / "big.jpg", 3000, 2000)
    media = MediaService(tmp_path)
    got: list[QImage | None] = []
    media.request("photos/big.jpg", QSize(600, 600), got.append, keep=False)
    qtbot.waitUntil(lambda: bool(got))
    assert got[0] is not None
    assert got[0].width() == 600
    assert (media.cached("photos/big.jpg", QSize(600, 600)), media.held_bytes) == (None, 0)
    # Asked for by a caller that holds it and one that does not, while decoding: kept.
    media.request("photos/big.jpg", QSize(300, 300), got.append, keep=False)
    media.request("photos/big.jpg", QSize(300, 300), got.append)
    qtbot.waitUntil(lambda: len(got) == 3)
    assert media.cached("photos/big.jpg", QSize(300, 300)) is got[1] is got[2]


@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_a_broken_photo_is_delivered_as_nothing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cut.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 40)
    assert _requested(qtbot, MediaService(tmp_path), "photos/cut.jpg", QSize(100, 100)) is None


def test_thumbnails_on_disk_spare_the_decode_after_a_restart(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    write_photo(tmp_path / "media" / "photos" / "big.jpg", 3000, 2000)
    thumbs = tmp_path / "thumbs"
    first = MediaService(tmp_path / "media", thumbnails=thumbs)
    assert _requested(qtbot, first, "photos/big.jpg", QSize(600, 600)) is not None
    assert first.decodes == 1
    assert len(list(thumbs.glob("*/*"))) == 1
    again = MediaService(tmp_path / "media", thumbnails=thumbs)  # a restart: memory is empty
    image = _requested(qtbot, again, "photos/big.jpg", QSize(600, 600))
    assert image is not None
    assert (image.width(), image.height()) == (600, 400)
    assert (again.decodes, again.thumbnail_hits) == (0, 1)
    # A curator replaces the photo under the same name: thumbnails are named by content.
    write_photo(tmp_path / "media" / "photos" / "big.jpg", 2000, 2000)
    replaced = MediaService(tmp_path / "media", thumbnails=thumbs)
    image = _requested(qtbot, replaced, "photos/big.jpg", QSize(600, 600))
    assert image is not None
    assert (image.width(), image.height()) == (600, 600)
    assert replaced.decodes == 1


@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_a_thumbnail_cut_short_is_made_again(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    write_photo(tmp_path / "media" / "photos" / "big.jpg", 3000, 2000)
    thumbs = tmp_path / "thumbs"
    assert _requested(qtbot, MediaService(tmp_path / "media", thumbnails=thumbs), "photos/big.jpg", QSize(600, 600))
    (thumb,) = thumbs.glob("*/*")
    thumb.write_bytes(thumb.read_bytes()[:50])  # a power cut mid-write (were it not renamed whole)
    again = MediaService(tmp_path / "media", thumbnails=thumbs)
    assert _requested(qtbot, again, "photos/big.jpg", QSize(600, 600)) is not None
    assert again.decodes == 1
    assert not QImage(str(thumb)).isNull(), "written again, whole"


def test_the_disk_cache_keeps_within_its_bound(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    for n in range(4):
        write_photo(tmp_path / "media" / "photos" / f"p{n}.png", 1200 + n, 1200)
    thumbs = tmp_path / "thumbs"
    media = MediaService(tmp_path / "media", thumbnails=thumbs, thumbnail_bytes=1)
    for n in range(4):
        assert _requested(qtbot, media, f"photos/p{n}.png", QSize(300, 300)) is not None
    assert len(list(thumbs.glob("*/*"))) <= 1


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_gives_the_upright_shape_before_and_after_decoding(
        qtbot, tmp_path: Path, orientation: int) -> None:  # noqa: ANN001
    plain = tmp_path / "plain.jpg"
    write_photo(plain, 300, 200)
    (tmp_path / "photos").mkdir(exist_ok=True)
    (tmp_path / "photos" / "phone.jpg").write_bytes(with_orientation(plain.read_bytes(), orientation))
    media = MediaService(tmp_path)
    shape = media.shown_size("photos/phone.jpg", QSize(150, 150))
    image = _requested(qtbot, media, "photos/phone.jpg", QSize(150, 150))
    assert image is not None
    assert shape == image.size()
    assert (shape.width() > shape.height()) == (orientation < 5)


def test_forgetting_lets_the_decoded_photos_go(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    write_photo(tmp_path / "photos" / "big.jpg", 3000, 2000)
    media = MediaService(tmp_path)
    assert media.image("photos/big.jpg", QSize(600, 600)) is not None
    assert media.held_bytes > 0
    media.forget()  # the idle reset
    assert (media.held_bytes, media.cached("photos/big.jpg", QSize(600, 600))) == (0, None)
