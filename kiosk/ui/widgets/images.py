"""Images from media/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.media import MediaError, check_image


class MediaImage(QLabel):
    """An image from media/, scaled to fit; a missing or broken file shows nothing, never crashes."""

    def __init__(self, media_dir: Path, reference: str, max_size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        try:
            pixmap = QPixmap(str(check_image(media_dir, reference)))
        except MediaError:
            pixmap = QPixmap()
        self.ok = not pixmap.isNull()
        if self.ok:
            self.setPixmap(pixmap.scaled(max_size, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
        self.setVisible(self.ok)
