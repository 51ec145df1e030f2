"""What a film file is, read from its container's headers, and its WebVTT subtitles. No Qt here.

A curator's film must be one the kiosk can play everywhere, offline, with the FFmpeg inside
QtMultimedia: MP4 with H.264 video (AAC sound, or none), or WebM with VP8 or VP9 (Opus or Vorbis).
The container says which codecs it holds; reading that from the headers (MP4 boxes, WebM's
EBML) tells a curator at validation, with the file named, what a player would only find out
on screen: a renamed photo, a film cut short by a copy, HEVC from a new phone.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

FILM_SUFFIXES = {".mp4": "mp4", ".m4v": "mp4", ".webm": "webm"}
VIDEO_CODECS = {"mp4": {"avc1": "H.264", "avc3": "H.264"}, "webm": {"V_VP8": "VP8", "V_VP9": "VP9"}}
AUDIO_CODECS = {"mp4": {"mp4a": "AAC"}, "webm": {"A_OPUS": "Opus", "A_VORBIS": "Vorbis"}}
# Codecs a curator may well bring, named so the message can say what to do.
KNOWN_ELSEWHERE = {"hvc1": "HEVC (H.265)", "hev1": "HEVC (H.265)", "av01": "AV1", "mp4v": "MPEG-4 Part 2",
                   "V_AV1": "AV1", "V_MPEGH/ISO/HEVC": "HEVC (H.265)", "ac-3": "Dolby Digital", "ec-3": "Dolby Digital Plus"}
CONVERT_HINT = "convert it, e.g. ffmpeg -i in.mov -c:v libx264 -pix_fmt yuv420p -c:a aac out.mp4"


class FilmError(ValueError):
    """A film the kiosk will not play; the message is for curators."""


@dataclass(frozen=True)
class FilmInfo:
    container: str  # mp4 or webm
    video: str  # H.264, VP9 ...
    audio: str | None
    seconds: float | None  # as the header states it


def probe_film(path: Path, reference: str) -> FilmInfo:
    """What the film holds, or FilmError saying why the kiosk cannot play it."""
    container = FILM_SUFFIXES.get(path.suffix.lower())
    if container is None:
        raise FilmError(f"media/{reference}: expected a film (.mp4 or .webm), not '{path.suffix or 'no suffix'}'")
    with path.open("rb") as handle:
        head = handle.read(16)
    found = _sniff(head)
    if found is None:
        raise FilmError(f"media/{reference} is named {path.suffix} but is not a film file")
    if found in ("jpeg", "png"):
        raise FilmError(f"media/{reference} is named {path.suffix} but holds a {found.upper()} image, not a film")
    if found != container:
        raise FilmError(f"media/{reference} is named {path.suffix} but holds a {found.upper()} film; rename it to .{found}")
    codecs, seconds = _mp4_tracks(path, reference) if container == "mp4" else _webm_tracks(path)
    for codec in codecs:
        if codec in KNOWN_ELSEWHERE:
            raise FilmError(f"media/{reference} is coded as {KNOWN_ELSEWHERE[codec]}, which the kiosk does not play; "
                            f"{CONVERT_HINT}")
    video = [VIDEO_CODECS[container][c] for c in codecs if c in VIDEO_CODECS[container]]
    audio = [AUDIO_CODECS[container][c] for c in codecs if c in AUDIO_CODECS[container]]
    if not video:  # other tracks (timecode, text) are let be
        raise FilmError(f"media/{reference} has no H.264, VP8 or VP9 video track the kiosk can play; {CONVERT_HINT}")
    return FilmInfo(container, video[0], audio[0] if audio else None, seconds)


def _sniff(head: bytes) -> str | None:
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG"):
        return "png"
    return None


# --- MP4: boxes (size, type), the sample descriptions of each track ------------------------------
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}


def _mp4_tracks(path: Path, reference: str) -> tuple[list[str], float | None]:
    """The codec of each track (the first entry of its sample description) and the duration."""
    size = path.stat().st_size
    codecs: list[str] = []
    seconds: float | None = None
    found_moov = False
    with path.open("rb") as handle:

        def walk(start: int, end: int) -> None:
            nonlocal seconds, found_moov
            at = start
            while at + 8 <= end:
                handle.seek(at)
                header = handle.read(16)
                if len(header) < 8:
                    raise FilmError(f"media/{reference} is cut short (at byte {at:,} of {size:,}): copy it again")
                length, kind = struct.unpack(">I4s", header[:8])
                body = at + 8
                if length == 1:
                    length, body = struct.unpack(">Q", header[8:16])[0], at + 16
                elif length == 0:
                    length = end - at
                if length < 8 or at + length > end:
                    raise FilmError(f"media/{reference} is cut short or damaged (a box at byte {at:,} runs past "
                                    f"the end, {size:,} bytes): copy it again")
                if kind == b"moov":
                    found_moov = True
                if kind in _CONTAINERS:
                    walk(body, at + length)
                elif kind == b"mvhd":
                    seconds = _mvhd_seconds(handle, body)
                elif kind == b"stsd":
                    handle.seek(body + 8)  # version, flags, entry count
                    entry = handle.read(8)
                    if len(entry) == 8:
                        codecs.append(entry[4:8].decode("latin-1"))
                at += length

        walk(0, size)
    if not found_moov:
        raise FilmError(f"media/{reference} has no index (moov box): it was cut short or is still being written")
    return codecs, seconds


def _mvhd_seconds(handle: BinaryIO, body: int) -> float | None:
    handle.seek(body)
    version = handle.read(1)
    if not version:
        return None
    if version[0] == 1:
        handle.seek(body + 20)
        timescale, duration = struct.unpack(">IQ", handle.read(12))
    else:
        handle.seek(body + 12)
        timescale, duration = struct.unpack(">II", handle.read(8))
    return duration / timescale if timescale else None


# --- WebM: the codec IDs in the track entries (near the start of the file) ------------------------
_WEBM_CODEC_ID = re.compile(rb"\x86([\x81-\xbf])")  # the CodecID element and its one-byte size
_CODEC_NAME = re.compile(rb"[VAS]_[A-Z0-9/]+")
_WEBM_HEAD = 256 * 1024


def _webm_tracks(path: Path) -> tuple[list[str], float | None]:
    with path.open("rb") as handle:
        head = handle.read(_WEBM_HEAD)
    codecs = []
    for match in _WEBM_CODEC_ID.finditer(head):
        name = head[match.end():match.end() + (match.group(1)[0] & 0x7F)]
        if _CODEC_NAME.fullmatch(name):
            codecs.append(name.decode("ascii"))
    return codecs, None


# --- WebVTT -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str


class SubtitleError(ValueError):
    """A subtitle file the kiosk cannot read; the message names the file and line."""


_TIMING = re.compile(r"^(?P<start>(?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+(?P<end>(?:\d+:)?\d{2}:\d{2}\.\d{3})(?:\s.*)?$")
_TAG = re.compile(r"<[^>]+>")


def parse_webvtt(text: str, where: str) -> list[Cue]:
    """The cues of a WebVTT file; SubtitleError at `where`:line for what does not parse.

    A file is blocks split by blank lines: the WEBVTT header, then cues (an optional identifier
    line, a timing line, the text) and NOTE, STYLE or REGION blocks, which are skipped."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines[0].startswith("WEBVTT"):
        raise SubtitleError(f"{where}:1: a WebVTT file starts with the line WEBVTT")
    cues: list[Cue] = []
    for first, block in _blocks(lines):
        if first == 1 or block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        at = 0 if "-->" in block[0] or len(block) == 1 else 1  # past the cue's identifier
        timing = _TIMING.match(block[at].strip())
        if timing is None:
            raise SubtitleError(f"{where}:{first + at}: '{block[at].strip()[:60]}' is not a cue timing "
                                "(00:01.000 --> 00:04.000)")
        start, end = _seconds(timing["start"]), _seconds(timing["end"])
        if end <= start:
            raise SubtitleError(f"{where}:{first + at}: the cue ends before it starts")
        cues.append(Cue(start, end, "\n".join(_TAG.sub("", line.strip()) for line in block[at + 1:])))
    return cues


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each block of non-blank lines."""
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if blocks and number == blocks[-1][0] + len(blocks[-1][1]):
            blocks[-1][1].append(line)
        else:
            blocks.append((number, [line]))
    return blocks


def _seconds(stamp: str) -> float:
    parts = stamp.split(":")
    seconds = float(parts[-1]) + int(parts[-2]) * 60
    return seconds + int(parts[0]) * 3600 if len(parts) == 3 else seconds


def cue_at(cues: list[Cue], seconds: float) -> str:
    """The text on screen at `seconds` (cues that overlap are shown together)."""
    return "\n".join(cue.text for cue in cues if cue.start <= seconds < cue.end)
