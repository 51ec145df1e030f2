"""Photos from media/, as the media service decodes them."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.media.service import MediaService
from kiosk.ui.widgets.basics import TapFrame


def keep_shape(widget: QWidget, most: QSize) -> None:
    """A picture's widget: at most `most` (never blown up), narrower where its column is (a
    portrait screen's sheet), its height following its width so the shape stays."""
    widget.setMaximumSize(most)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    widget.setSizePolicy(policy)


def shape_height(most: QSize, width: int) -> int:
    """The height of a picture of `most`'s shape shown `width` wide (never wider than `most`)."""
    return round(min(width, most.width()) * most.height() / max(most.width(), 1))


class MediaImage(TapFrame):
    """A photo fitted to `max_size`. It takes the photo's shape at once and shows a placeholder
    there while the photo is decoded off the GUI thread, so a page with photos opens without
    waiting and nothing moves when they arrive. A missing or broken file shows nothing (`ok` is
    False), never crashes. Tapping it emits `tapped` (the page opens the viewer)."""

    # Until the header is read (Qt asks sizes while the frame is still being made): no shape.
    ok = False
    shown = QSize()

    def __init__(self, media: MediaService, reference: str, max_size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reference = reference
        self.setProperty("card", False)
        self.setProperty("photo", True)  # the placeholder's colour, from the theme
        self._image: QImage | None = None  # the service's own copy, shared, drawn as it is
        size = media.shown_size(reference, max_size)
        if size is None:
            self.hide()
            return
        self.ok, self.shown = True, size
        keep_shape(self, size)
        media.request(reference, max_size, self._arrived)

    @property
    def loaded(self) -> bool:
        return self._image is not None

    def _arrived(self, image: QImage | None) -> None:
        if not shiboken6.isValid(self):
            return  # the page went while the photo was decoded
        if image is None:  # the header read, the pixels did not: the validator has said why
            self.ok = False
            self.hide()
            return
        self._image = image
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.shown) if self.ok else QSize()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return shape_height(self.shown, width) if self.ok else 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._image is None:
            super().paintEvent(event)  # the placeholder: the theme's background
            return
        painter = QPainter(self)
        painter.drawImage(self.rect(), self._image)
