"""The last good content, kept on disk so that a restart after a broken edit still shows something.

A copy is whole: the content files and every media file they reference, so a photo deleted or
overwritten in media/ later does not spoil it. Files are copied, never linked to the live ones (a
curator's editor may rewrite a file in place); a media file unchanged since the previous copy is
linked to that copy's own file instead, so a hall's photos are not copied again on every save. Copies are
written into a fresh folder, flushed to disk, and only then named current by replacing a small
pointer file; the copy before is removed after that. A kill or power cut at any moment leaves
the pointer naming a complete copy (the old one or the new one), and a copy is only ever used
if it carries its completion mark.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from kiosk.content.load import LoadResult
from kiosk.content.model import FILE_MODELS
from kiosk.content.walk import file_parts, iter_media
from kiosk.runtime.machine import data_dir

log = logging.getLogger(__name__)

POINTER = "CURRENT"
COMPLETE = "COMPLETE"  # written last into a copy: a copy without it was cut short


def store_dir() -> Path:
    return data_dir() / "last-good"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows opens no folders; NTFS journals the renames
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    with open(target, "rb") as handle:
        os.fsync(handle.fileno())


def _same_file(a: Path, b: Path) -> bool:
    try:
        sa, sb = a.stat(), b.stat()
    except OSError:
        return False
    return sa.st_size == sb.st_size and sa.st_mtime_ns == sb.st_mtime_ns  # copy2 keeps the mtime


def _place_media(source: Path, target: Path, kept: Path | None) -> None:
    """Copy `source` to `target`, or link the previous copy's file `kept` when it is the same."""
    if kept is not None and _same_file(source, kept):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(kept, target)  # our own earlier copy: nobody edits it
            return
        except OSError:
            pass
    _copy(source, target)


def remember(result: LoadResult, media_dir: Path) -> Path:
    """Keep validated content and the media it references as the last good copy; its folder."""
    exhibition, content_dir = result.exhibition, result.content_dir
    if exhibition is None or content_dir is None:
        raise ValueError("only validated content is kept")
    store = store_dir()
    store.mkdir(parents=True, exist_ok=True)
    before = recall()
    copy = store / f"copy-{time.time_ns()}"
    for name in FILE_MODELS:
        _copy(content_dir / name, copy / "content" / name)
    references = {reference for _file, part, prefix in file_parts(exhibition)
                  for _loc, reference, _kind in iter_media(part, prefix)}
    for reference in sorted(references):
        _place_media(media_dir / reference, copy / "media" / reference,
                     before[1] / reference if before is not None else None)
    _write_durably(copy / COMPLETE, b"")
    _fsync_dir(copy)
    pointer = store / POINTER
    staged = store / (POINTER + ".new")
    _write_durably(staged, copy.name.encode())
    os.replace(staged, pointer)  # the one step that makes the new copy current
    _fsync_dir(store)
    for old in store.glob("copy-*"):
        if old != copy:
            shutil.rmtree(old, ignore_errors=True)
    return copy


def recall() -> tuple[Path, Path] | None:
    """(content folder, media folder) of the last good copy, or None if there is none whole."""
    store = store_dir()
    candidates: list[Path] = []
    try:
        named = (store / POINTER).read_text(encoding="utf-8").strip()
        if named:
            candidates.append(store / named)
    except OSError:
        pass
    # A pointer lost or naming a copy that is gone: the newest whole copy will do.
    candidates += sorted(store.glob("copy-*"), key=lambda p: p.name, reverse=True)
    for copy in candidates:
        if (copy / COMPLETE).is_file():
            return copy / "content", copy / "media"
        log.warning("last good copy %s is incomplete; not used", copy)
    return None
