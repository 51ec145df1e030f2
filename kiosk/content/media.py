"""Checks on files that content refers to under media/: where they are and what they are.

A media path in content may only name a file inside media/. Nothing here follows a URL or
reads outside that folder, so content cannot make the kiosk fetch or expose anything else.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

from kiosk.content.films import Cue, FilmError, SubtitleError, parse_webvtt, probe_film

MediaKind = Literal["image", "film", "subtitles", "geojson"]

MAX_IMAGE_BYTES = 40 * 1024 * 1024
MAX_GEOJSON_BYTES = 20 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class MediaError(ValueError):
    """A media reference that the kiosk will not show; the message is for curators."""


def sniff_image(head: bytes) -> str | None:
    """The image format the first bytes announce, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    text = head.lstrip().lower()
    if text.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head.lower():
        return "svg"
    return None


_SUFFIX_FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".webp": "webp", ".svg": "svg"}


def resolve_media(media_root: Path, reference: str) -> Path:
    """The file a content reference names, or MediaError saying why it may not be used."""
    if _SCHEME.match(reference) and not PureWindowsPath(reference).drive:
        raise MediaError(f"'{reference}' is a web address; the kiosk is offline: put the file in media/ and name it")
    if PurePosixPath(reference).is_absolute() or PureWindowsPath(reference).is_absolute() or reference.startswith("\\"):
        raise MediaError(f"'{reference}' is an absolute path; write it relative to media/, e.g. photos/name.jpg")
    if ".." in PurePosixPath(reference.replace("\\", "/")).parts:
        raise MediaError(f"'{reference}' climbs out of media/ with '..'; media files must be inside media/")
    root = media_root.resolve()
    path = (root / reference).resolve()
    if not path.is_relative_to(root):
        raise MediaError(f"'{reference}' leads outside media/ (through a link); copy the file into media/")
    if not path.is_file():
        raise MediaError(_not_found(root, reference))
    return path


def _not_found(root: Path, reference: str) -> str:
    folder = (root / reference).parent
    message = f"media/{reference} does not exist"
    if folder.is_dir():
        names = [p.name for p in folder.iterdir() if p.is_file()]
        close = difflib.get_close_matches(Path(reference).name, names, n=1, cutoff=0.6)
        if close:
            message += f" (did you mean '{close[0]}'?)"
    return message


def check_image(media_root: Path, reference: str) -> Path:
    path = resolve_media(media_root, reference)
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise MediaError(f"media/{reference}: expected an image (.png, .jpg, .webp, .gif or .svg), not '{suffix or 'no suffix'}'")
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise MediaError(f"media/{reference} is {size / 1e6:.0f} MB; images must stay under 40 MB (resize it)")
    with path.open("rb") as handle:
        found = sniff_image(handle.read(1024))
    expected = _SUFFIX_FORMATS[suffix]
    if found is None:
        raise MediaError(f"media/{reference} is named {suffix} but is not an image file")
    if found != expected:
        raise MediaError(f"media/{reference} is named {suffix} but holds a {found.upper()} image; rename it to .{found}")
    if found == "svg":
        _check_svg_is_self_contained(path, reference)
    else:
        _check_decode_cost(path, reference, found)
    return path


# Qt refuses to decode an image whose pixels would take more than 256 MB (about 67 megapixels);
# a file that claims more is a decompression bomb or a scan the kiosk cannot show. Camera and
# phone photos (24-50 MP) pass.
MAX_PIXELS = 60_000_000


def image_size(path: Path, kind: str) -> tuple[int, int] | None:
    """Width and height as the file's header states them (no decoding), or None if unreadable."""
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    try:
        if kind == "png":
            return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        if kind == "gif":
            return int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:10], "little")
        if kind == "webp":
            return _webp_size(head)
        if kind == "jpeg":
            return _jpeg_size(head)
    except IndexError:
        return None
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8 ":
        return int.from_bytes(head[26:28], "little") & 0x3FFF, int.from_bytes(head[28:30], "little") & 0x3FFF
    if chunk == b"VP8L":
        b0, b1, b2, b3 = head[21:25]
        return 1 + (b0 | (b1 & 0x3F) << 8), 1 + (b1 >> 6 | b2 << 2 | (b3 & 0x0F) << 10)
    if chunk == b"VP8X":
        return 1 + int.from_bytes(head[24:27], "little"), 1 + int.from_bytes(head[27:30], "little")
    return None


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    """The frame header (SOFn) gives the size; walk the segments before it."""
    at = 2
    while at + 9 < len(head):
        if head[at] != 0xFF:
            return None
        marker = head[at + 1]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(head[at + 7:at + 9], "big"), int.from_bytes(head[at + 5:at + 7], "big")
        at += 2 + int.from_bytes(head[at + 2:at + 4], "big")
    return None


def _check_decode_cost(path: Path, reference: str, kind: str) -> None:
    size = image_size(path, kind)
    if size is None:
        return  # a header this check cannot read: the decoder will tell
    width, height = size
    if width * height > MAX_PIXELS:
        raise MediaError(f"media/{reference} is {width:,} × {height:,} pixels ({width * height / 1e6:.0f} megapixels); "
                         f"the kiosk decodes photos up to {MAX_PIXELS / 1e6:.0f} megapixels: scale it down "
                         "(e.g. to 8,000 pixels on the long side)")


# What in an SVG could make the kiosk read something other than the file itself: a link or image
# by href, a CSS url(), an @import, or an external entity. Links to the file's own parts (#id)
# and data: URIs stay inside it.
_SVG_REFERENCE = re.compile(
    r"""(?:\b(?:xlink:)?href|\bsrc)\s*=\s*(["'])\s*(?!#|data:)(?P<attr>[^"']*)\1"""
    r"""|url\(\s*(["']?)\s*(?!#|data:)(?P<url>[^)"']*)\3\s*\)"""
    r"""|@import\s+(?P<import>[^;]+)"""
    r"""|<!ENTITY\s+\S+\s+(?:SYSTEM|PUBLIC)\s+(?P<entity>[^>]+)>""",
    re.IGNORECASE,
)


def _check_svg_is_self_contained(path: Path, reference: str) -> None:
    """An SVG is drawn only if everything it shows is inside it: a reference to another file
    (../../etc/..., an absolute path, a web address) could show what lies outside media/."""
    text = path.read_text(encoding="utf-8", errors="replace")
    match = _SVG_REFERENCE.search(text)
    if match is None:
        return
    target = next(value for value in match.group("attr", "url", "import", "entity") if value is not None)
    line = text.count("\n", 0, match.start()) + 1
    raise MediaError(f"media/{reference}:{line}: the SVG refers to '{target.strip()[:80]}' outside itself; "
                     "the kiosk draws only self-contained SVGs (embed the picture, or save it as PNG)")




# A photo this large is shown, but decoding it the first time takes a while (about a second for
# 48 MP on an exhibition PC): the curator hears how it will be shown, and that a smaller copy would do.
LARGE_PHOTO_PIXELS = 24_000_000
SHOWN_AT_MOST = "3,840 × 2,160"  # the viewer decodes at twice a 1920 × 1080 screen when zoomed


def large_photo_note(path: Path, reference: str) -> str | None:
    """A warning for a very large photo (how it will be shown), or None. For a photo
    `check_image` passed: its name says its format (that check read the first bytes)."""
    kind = _SUFFIX_FORMATS[path.suffix.lower()]
    size = image_size(path, kind) if kind != "svg" else None
    if size is None or size[0] * size[1] <= LARGE_PHOTO_PIXELS:
        return None
    width, height = size
    return (f"media/{reference} is {width:,} × {height:,} pixels ({width * height / 1e6:.0f} megapixels): it is shown "
            f"at most {SHOWN_AT_MOST}, decoded once and then kept as a thumbnail; its first showing waits for the "
            "decode (a copy 6,000 pixels on the long side would look the same on screen)")


def check_film(media_root: Path, reference: str) -> Path:
    """The film's path, or MediaError saying why the kiosk cannot play it."""
    path = resolve_media(media_root, reference)
    try:
        probe_film(path, reference)
    except FilmError as exc:
        raise MediaError(str(exc)) from exc
    return path


def check_subtitles(media_root: Path, reference: str) -> list[Cue]:
    """The cues of a WebVTT file, or MediaError at its file:line."""
    path = resolve_media(media_root, reference)
    if path.suffix.lower() != ".vtt":
        raise MediaError(f"media/{reference}: subtitles must be a WebVTT file (.vtt), not '{path.suffix or 'no suffix'}'")
    try:
        return parse_webvtt(path.read_text(encoding="utf-8"), f"media/{reference}")
    except UnicodeDecodeError as exc:
        raise MediaError(f"media/{reference}: not UTF-8 text (save it as UTF-8): {exc}") from exc
    except SubtitleError as exc:
        raise MediaError(str(exc)) from exc
