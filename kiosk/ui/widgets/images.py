"""Photos from media/, as the media service decodes them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.media.service import MediaService


class MediaImage(QLabel):
    """A photo fitted to `max_size`; a missing or broken file shows nothing, never crashes."""

    def __init__(self, media: MediaService, reference: str, max_size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = media.image(reference, max_size)
        self.ok = image is not None
        if image is not None:
            self.setPixmap(QPixmap.fromImage(image))
        self.setVisible(self.ok)
