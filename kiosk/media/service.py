"""Photos for the views, decoded off the GUI thread at the size they are shown.

Views ask for a reference and a box; they never open a file. What a view needs at once is only
the size the photo will take (`shown_size`, from the file's header: a placeholder of that shape
holds its place, so nothing moves when the photo arrives). The photo itself comes later
(`request`): decoded on a worker thread through QImageReader with a scaled size (a 40 MP photo
shown 800 px wide is read at 800 px, not whole) and its EXIF orientation applied, then kept in
memory within a bound and on disk as a thumbnail named by the file's content, so neither a second
visit nor the first one after a restart or a content reload decodes the original again. A film's
reference gives its still (a frame a second in, kiosk.media.still). A missing or broken file
gives None and a log line, never an exception: the validator has told the curator.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from kiosk.content.films import FILM_SUFFIXES, Cue
from kiosk.content.media import MediaError, check_film, check_image, check_subtitles
from kiosk.media.still import take_still

log = logging.getLogger(__name__)

# Decoded photos kept in memory, at shown size: a few pages' worth. The viewer's screen-sized
# decodes (8 MB each, 33 MB zoomed in) are its own, not kept here. The thumbnails on disk make
# the rest cheap again (a screen-sized one decodes in about 15 ms).
CACHE_BYTES = 32 * 1024 * 1024
THUMBNAIL_BYTES = 512 * 1024 * 1024  # thumbnails kept on disk; the oldest go first
THUMBNAIL_QUALITY = 90  # JPEG quality of an opaque photo's thumbnail (one with alpha is PNG)
HASH_CHUNK = 1024 * 1024

Key = tuple[str, int, int]  # reference, box width, box height
Checked = TypeVar("Checked")
Delivery = Callable[[QImage | None], None]


class MediaService(QObject):
    _decoded = Signal(object, object)  # key, QImage or None: from the worker to the GUI thread

    def __init__(self, media_dir: Path, cache_bytes: int = CACHE_BYTES, thumbnails: Path | None = None,
                 thumbnail_bytes: int = THUMBNAIL_BYTES) -> None:
        super().__init__()
        self.media_dir = media_dir
        self.cache_bytes = cache_bytes
        self.thumbnails = thumbnails
        self.thumbnail_bytes = thumbnail_bytes
        self._cache: OrderedDict[Key, QImage] = OrderedDict()
        self._held = 0
        self._sizes: dict[Key, QSize | None] = {}
        self._cues: dict[str, list[Cue]] = {}
        self._waiting: dict[Key, list[Delivery]] = {}
        self._unkept: set[Key] = set()  # waited for only by callers that hold the photo themselves
        self._digests: dict[tuple[str, int, int], str] = {}  # (path, bytes, mtime) -> content hash
        self._digest_lock = threading.Lock()
        self._no_still: set[str] = set()  # films (by content) whose still could not be taken
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="media")
        self._decoded.connect(self._deliver)
        self.decodes = 0  # originals decoded (not thumbnails): what the disk cache saves
        self.thumbnail_hits = 0

    @property
    def held_bytes(self) -> int:
        """Memory the cached photos take."""
        return self._held

    # --- what a view asks ----------------------------------------------------------------------
    def shown_size(self, reference: str, box: QSize) -> QSize | None:
        """The size the photo takes fitted inside `box` (aspect kept, never blown up, upright),
        from its header alone; None if it cannot be shown."""
        key = (reference, box.width(), box.height())
        if key not in self._sizes:
            self._sizes[key] = self._fit(reference, box)
        size = self._sizes[key]
        return QSize(size) if size is not None else None

    def cached(self, reference: str, box: QSize) -> QImage | None:
        """The photo if it is decoded already (no waiting, no work)."""
        key = (reference, box.width(), box.height())
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def largest_cached(self, reference: str) -> QImage | None:
        """The largest decode of the photo in memory at any size (the viewer shows it while the
        screen-sized one is decoded), or None."""
        found = [image for key, image in self._cache.items() if key[0] == reference]
        return max(found, key=lambda image: image.width() * image.height(), default=None)

    def request(self, reference: str, box: QSize, deliver: Delivery, *, keep: bool = True) -> None:
        """Call `deliver(image or None)` on the GUI thread once the photo is decoded (at once if
        it is in memory). Asking twice for one photo decodes it once. `keep=False`: the caller
        holds the photo as long as it shows it (the viewer's screen-sized decodes, which no
        page shows): it is not kept in memory after (its thumbnail on disk still is)."""
        image = self.cached(reference, box)
        if image is not None:
            deliver(image)
            return
        key = (reference, box.width(), box.height())
        waiting = self._waiting.setdefault(key, [])
        waiting.append(deliver)
        if len(waiting) == 1 and not keep:
            self._unkept.add(key)
        elif keep:
            self._unkept.discard(key)  # one caller that would have it kept is enough
        if len(waiting) == 1:
            self._worker.submit(self._load, key)

    def image(self, reference: str, box: QSize) -> QImage | None:
        """The photo fitted inside `box`, decoded here and now (for what must draw in one go: a
        screenshot, a test); views use `request`."""
        image = self.cached(reference, box)
        if image is None:
            key = (reference, box.width(), box.height())
            image = self._read(key)
            if image is not None:
                self._keep(key, image)
        return image

    def forget(self) -> None:
        """Let the decoded photos go (the idle reset: the next visitor starts afresh, and the
        thumbnails on disk make each photo cheap again)."""
        self._cache.clear()
        self._held = 0

    def subtitles(self, reference: str) -> list[Cue]:
        """The cues of a WebVTT file (read once); none if it cannot be read (logged: the
        validator has told the curator)."""
        if reference not in self._cues:
            self._cues[reference] = self._checked(check_subtitles, reference) or []
        return self._cues[reference]

    def film_path(self, reference: str) -> Path | None:
        """Where a film is, checked as the validator checks it; None (logged) if it cannot play."""
        return self._checked(check_film, reference)

    # --- the worker ----------------------------------------------------------------------------
    def _load(self, key: Key) -> None:
        try:
            image = self._read(key)
        except Exception:  # a worker's exception would vanish silently: say it, show nothing
            log.exception("media/%s not shown", key[0])
            image = None
        self._decoded.emit(key, image)

    def _deliver(self, key: Key, image: QImage | None) -> None:
        if image is not None and key not in self._unkept:
            self._keep(key, image)
        self._unkept.discard(key)
        for deliver in self._waiting.pop(key, []):
            deliver(image)

    def _checked(self, check: Callable[[Path, str], Checked], reference: str) -> Checked | None:
        """`check(media_dir, reference)`, or None and a log line (the validator has already told
        the curator why)."""
        try:
            return check(self.media_dir, reference)
        except (MediaError, OSError) as exc:
            log.warning("media/%s not shown: %s", reference, exc)
            return None

    def _source(self, reference: str) -> Path | None:
        """The picture a reference shows: a photo's file, or a film's still (kiosk.media.still),
        taken once per machine into the thumbnails folder; None when there is none."""
        if Path(reference).suffix.lower() not in FILM_SUFFIXES:
            return self._checked(check_image, reference)
        film = self._checked(check_film, reference)
        if film is None or self.thumbnails is None:
            return None
        digest = self._digest(film)
        still = self.thumbnails / digest[:2] / f"{digest}-still.jpg"
        if still.is_file():
            return still
        if digest in self._no_still or not take_still(film, still):
            self._no_still.add(digest)  # asked once: the dark stage and its play mark will do
            return None
        return still

    def _read(self, key: Key) -> QImage | None:
        reference = key[0]
        path = self._source(reference)
        if path is None:
            return None
        thumbnail = self._thumbnail_path(path, key)
        if thumbnail is not None and thumbnail.is_file():
            image = QImage(str(thumbnail))
            if not image.isNull():
                self.thumbnail_hits += 1
                return image
            thumbnail.unlink(missing_ok=True)  # a broken thumbnail (power cut while written): again
        reader = self._reader(path, QSize(key[1], key[2]))
        image = reader.read()
        self.decodes += 1
        if image.isNull():
            log.warning("media/%s not shown: %s", reference, reader.errorString())
            return None
        if thumbnail is not None and reader.scaledSize().isValid():  # only a smaller copy saves work
            self._save_thumbnail(image, thumbnail)
        return image

    def _fit(self, reference: str, box: QSize) -> QSize | None:
        path = self._checked(check_image, reference)
        if path is None:
            return None
        reader = self._reader(path, box)
        size = reader.scaledSize() if reader.scaledSize().isValid() else reader.size()
        if not size.isValid():
            log.warning("media/%s not shown: %s", reference, reader.errorString())
            return None
        return size.transposed() if _turns(reader) else size

    @staticmethod
    def _reader(path: Path, box: QSize) -> QImageReader:
        """A reader that gives the photo upright and no larger than `box`."""
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # a phone photo stored sideways stands up
        size = reader.size()
        if size.isValid():
            turned = _turns(reader)
            upright = size.transposed() if turned else size
            fitted = upright.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
            if fitted.width() < upright.width():
                reader.setScaledSize(fitted.transposed() if turned else fitted)  # scaled, then turned
        return reader

    # --- the thumbnails on disk ----------------------------------------------------------------
    def _thumbnail_path(self, path: Path, key: Key) -> Path | None:
        if self.thumbnails is None:
            return None
        try:
            digest = self._digest(path)
        except OSError as exc:
            log.warning("media/%s: no thumbnail: %s", key[0], exc)
            return None
        return self.thumbnails / digest[:2] / f"{digest}-{key[1]}x{key[2]}"

    def _digest(self, path: Path) -> str:
        """The file's content hash (named by content: a replaced photo gets new thumbnails),
        remembered while its size and time stay the same."""
        stat = path.stat()
        known = (str(path), stat.st_size, stat.st_mtime_ns)
        with self._digest_lock:
            digest = self._digests.get(known)
        if digest is None:
            sha = hashlib.sha256()
            with path.open("rb") as handle:
                while chunk := handle.read(HASH_CHUNK):
                    sha.update(chunk)
            digest = sha.hexdigest()
            with self._digest_lock:
                self._digests[known] = digest
        return digest

    def _save_thumbnail(self, image: QImage, thumbnail: Path) -> None:
        """Written whole, then renamed: a power cut leaves no half thumbnail under its name."""
        opaque = not image.hasAlphaChannel()
        partial = thumbnail.with_name(f"{thumbnail.name}.{os.getpid()}.partial")
        try:
            thumbnail.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(partial), "JPG" if opaque else "PNG", THUMBNAIL_QUALITY if opaque else -1):
                raise OSError("the image could not be encoded")
            partial.replace(thumbnail)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            log.warning("no thumbnail written at %s: %s", thumbnail, exc)
            return
        self._trim_thumbnails()

    def _trim_thumbnails(self) -> None:
        assert self.thumbnails is not None
        files = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.thumbnails.glob("*/*") if p.is_file()]
        total = sum(size for _mtime, size, _path in files)
        for _mtime, size, path in sorted(files):
            if total <= self.thumbnail_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size

    # --- memory --------------------------------------------------------------------------------
    def _keep(self, key: Key, image: QImage) -> None:
        if key in self._cache:
            return
        self._cache[key] = image
        self._held += image.sizeInBytes()
        while self._held > self.cache_bytes and len(self._cache) > 1:
            _key, dropped = self._cache.popitem(last=False)
            self._held -= dropped.sizeInBytes()


def _turns(reader: QImageReader) -> bool:
    """True if the photo is stored sideways (EXIF orientation 5-8): width and height swap."""
    return bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
