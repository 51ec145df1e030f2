"""Photos for the views, decoded at the size they are shown and kept within a memory bound.

Views ask for a reference and a box; they never open a file. Decoding goes through
QImageReader with a scaled size (a 24 MP photo shown 800 px wide is read at 800 px, not whole)
and EXIF orientation applied, and the result is cached by (reference, size) so the second visit
costs nothing. A missing or broken file gives None and a log line, never an exception: the
validator has already told the curator. (Decoding off the GUI thread and a disk cache of
thumbnails are the photos issue's next step; they belong here too.)
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from kiosk.content.media import MediaError, check_image

log = logging.getLogger(__name__)

CACHE_BYTES = 96 * 1024 * 1024  # decoded photos kept in memory, at shown size


class MediaService:
    def __init__(self, media_dir: Path, cache_bytes: int = CACHE_BYTES) -> None:
        self.media_dir = media_dir
        self.cache_bytes = cache_bytes
        self._cache: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()
        self._held = 0

    @property
    def held_bytes(self) -> int:
        """Memory the cached photos take."""
        return self._held

    def image(self, reference: str, box: QSize) -> QImage | None:
        """The photo fitted inside `box` (aspect kept), or None if it cannot be shown."""
        key = (reference, box.width(), box.height())
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        image = self._decode(reference, box)
        if image is not None:
            self._keep(key, image)
        return image

    def _decode(self, reference: str, box: QSize) -> QImage | None:
        try:
            path = check_image(self.media_dir, reference)
        except (MediaError, OSError) as exc:
            log.warning("media/%s not shown: %s", reference, exc)
            return None
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # a phone photo stored sideways stands up
        size = reader.size()
        if size.isValid():
            if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
                size = size.transposed()
            fitted = size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
            if fitted.width() < size.width():
                if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
                    fitted = fitted.transposed()  # the reader scales before it turns the image
                reader.setScaledSize(fitted)
        image = reader.read()
        if image.isNull():
            log.warning("media/%s not shown: %s", reference, reader.errorString())
            return None
        return image

    def _keep(self, key: tuple[str, int, int], image: QImage) -> None:
        self._cache[key] = image
        self._held += image.sizeInBytes()
        while self._held > self.cache_bytes and len(self._cache) > 1:
            _key, dropped = self._cache.popitem(last=False)
            self._held -= dropped.sizeInBytes()
