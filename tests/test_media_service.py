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
