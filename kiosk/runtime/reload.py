"""Live content reload: watch content/ and media/, validate changes off the GUI thread, and
hand over a new exhibition only when it validated.

A curator's editor saving, or a USB copy in progress, shows up as a burst of changes and
half-written files. We wait for the folders to be quiet (debounce), then validate in a worker
thread; a half-written file simply fails validation and the next change event tries again.
Nothing here touches the running views: the controller swaps content in at an idle moment.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from kiosk.content.load import LoadResult, load_content
from kiosk.content.model import Exhibition

log = logging.getLogger(__name__)

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(*folders: Path) -> Fingerprint:
    """Name, size and mtime of every file below the folders: cheap, and catches any change."""
    entries = []
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue  # vanished between listing and stat: the next poll sees it
                entries.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


@dataclass(frozen=True)
class ContentChanges:
    """What a reload changed: the parts of the model (settings, timeline, companies ...) and
    whether files under media/ did. Nothing changed (a curator saved without editing): the
    window is left as it is. The admin panel shows the last one."""

    parts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def between(cls, old: Exhibition, new: Exhibition, *, media_changed: bool) -> ContentChanges:
        parts = {name for name in Exhibition.model_fields if getattr(old, name) != getattr(new, name)}
        return cls(frozenset(parts | ({"media"} if media_changed else set())))

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __str__(self) -> str:
        return ", ".join(sorted(self.parts)) or "nothing"


class _Validate(QRunnable):
    def __init__(self, reloader: ContentReloader, content: Path, media: Path) -> None:
        super().__init__()
        self.reloader, self.content, self.media = reloader, content, media

    def run(self) -> None:
        try:
            result = load_content(self.content, self.media)
        except Exception:  # a loader bug must not kill the kiosk; report it as a failed reload
            log.exception("content validation crashed")
            result = LoadResult(None, [])
        self.reloader._finished.emit(result)


class ContentReloader(QObject):
    """Emits `content_did_validate(result)` after the folders change and settle."""

    content_did_validate = Signal(object)  # LoadResult, good or bad
    _finished = Signal(object)

    def __init__(self, content: Path, media: Path, *, settle_ms: int = 1500, poll_ms: int = 3000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.content, self.media = Path(content), Path(media)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._seen = fingerprint(self.content, self.media)
        self._busy = False
        self._again = False
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self._start_validation)
        # The watcher reacts fast; the poll catches what it misses (files replaced by atomic
        # saves, removable drives, network shares).
        self.watcher = QFileSystemWatcher(self)
        self._watch()
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_ms)
        self.poll.timeout.connect(self._poll)
        self.poll.start()
        self._finished.connect(self._deliver)

    def _watch(self) -> None:
        paths = [str(p) for folder in (self.content, self.media) if folder.is_dir()
                 for p in [folder, *folder.rglob("*")] if not p.name.startswith(".")]
        known = set(self.watcher.directories()) | set(self.watcher.files())
        fresh = [p for p in paths if p not in known]
        if fresh:
            self.watcher.addPaths(fresh)

    def _changed(self, _path: str = "") -> None:
        self.settle.start()  # restart: wait until the folders have been quiet for settle_ms

    def _poll(self) -> None:
        if fingerprint(self.content, self.media) != self._seen:
            self._changed()

    def check_now(self) -> None:
        """Validate now (the admin panel's Reload button)."""
        self.settle.stop()
        self._start_validation()

    def _start_validation(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._seen = fingerprint(self.content, self.media)
        self._watch()
        self.pool.start(_Validate(self, self.content, self.media))

    def _deliver(self, result: LoadResult) -> None:
        self._busy = False
        self.content_did_validate.emit(result)
        if self._again or fingerprint(self.content, self.media) != self._seen:
            self._again = False
            self._changed()

    def stop(self) -> None:
        self.poll.stop()
        self.settle.stop()
        self.pool.waitForDone(5000)
