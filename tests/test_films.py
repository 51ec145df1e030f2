"""Films and subtitles as the validator reads them: containers and codecs from the headers, a
lying or cut file refused where the content names it, WebVTT cues with located errors, and the
warning for a very large photo. Pure: the containers are built here, byte by byte, no Qt.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from kiosk.content import load_content
from kiosk.content.films import FilmError, SubtitleError, cue_at, parse_webvtt, probe_film
from tests.factory import line_col
from tests.test_content_load import _jpeg_claiming, edit, expect_one


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4(*codecs: bytes, seconds: int = 90, moov: bool = True) -> bytes:
    """An MP4 as a camera or an editor writes it: ftyp, then moov with a track per codec."""
    ftyp = box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2avc1mp41")
    mvhd = box(b"mvhd", b"\x00\x00\x00\x00" + struct.pack(">IIII", 0, 0, 1000, seconds * 1000) + b"\x00" * 80)

    def track(codec: bytes) -> bytes:
        stsd = box(b"stsd", b"\x00\x00\x00\x00" + struct.pack(">I", 1) + struct.pack(">I", 16) + codec + b"\x00" * 8)
        return box(b"trak", box(b"mdia", box(b"minf", box(b"stbl", stsd))))

    body = mvhd + b"".join(track(c) for c in codecs)
    return ftyp + (box(b"moov", body) if moov else b"") + box(b"mdat", b"\x00" * 64)


def webm(*codecs: bytes) -> bytes:
    entries = b"".join(b"\xae" + bytes([0x80 | (len(c) + 2)]) + b"\x86" + bytes([0x80 | len(c)]) + c for c in codecs)
    return b"\x1a\x45\xdf\xa3\x9f\x42\x82\x84webm" + b"\x16\x54\xae\x6b" + bytes([0x80 | len(entries)]) + entries


def probe(tmp_path: Path, name: str, data: bytes):  # noqa: ANN201 - FilmInfo
    path = tmp_path / name
    path.write_bytes(data)
    return probe_film(path, name)


def test_the_films_the_kiosk_plays_are_read_from_their_headers(tmp_path: Path) -> None:
    info = probe(tmp_path, "tour.mp4", mp4(b"avc1", b"mp4a", seconds=95))
    assert (info.container, info.video, info.audio, info.seconds) == ("mp4", "H.264", "AAC", 95.0)
    assert probe(tmp_path, "quiet.mp4", mp4(b"avc1", b"tmcd")).audio is None
    info = probe(tmp_path, "loop.webm", webm(b"V_VP9", b"A_OPUS"))
    assert (info.container, info.video, info.audio) == ("webm", "VP9", "Opus")


@pytest.mark.parametrize(("name", "data", "fragment"), [
    ("phone.mp4", mp4(b"hvc1", b"mp4a"), "coded as HEVC (H.265), which the kiosk does not play; convert it"),
    ("old.mp4", mp4(b"mp4v"), "MPEG-4 Part 2"),
    ("new.webm", webm(b"V_AV1"), "AV1"),
    ("photo.mp4", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "holds a JPEG image, not a film"),
    ("notes.mp4", b"Promotional film, final cut, see USB stick", "is not a film file"),
    ("renamed.mp4", webm(b"V_VP8"), "holds a WEBM film; rename it to .webm"),
    ("cut.mp4", mp4(b"avc1")[:-40], "cut short"),
    ("unfinished.mp4", mp4(b"avc1", moov=False), "no index (moov box)"),
    ("sound.mp4", mp4(b"mp4a"), "no H.264, VP8 or VP9 video track"),
    ("tour.mov", mp4(b"avc1"), "expected a film (.mp4 or .webm)"),
])
def test_a_film_the_kiosk_cannot_play_is_refused_saying_why(tmp_path: Path, name: str, data: bytes, fragment: str) -> None:
    with pytest.raises(FilmError) as refused:
        probe(tmp_path, name, data)
    assert fragment in str(refused.value)
    assert f"media/{name}" in str(refused.value)


VTT = """WEBVTT

NOTE written by the promotion office

1
00:00.500 --> 00:02.000
欢迎来到<b>中德园</b>

00:01:59.000 --> 00:02:03.250 line:90%
第二句
第二行
"""


def test_webvtt_cues_are_read_with_their_times_and_without_tags() -> None:
    cues = parse_webvtt(VTT, "media/films/tour.vtt")
    assert [(c.start, c.end, c.text) for c in cues] == [(0.5, 2.0, "欢迎来到中德园"), (119.0, 123.25, "第二句\n第二行")]
    assert cue_at(cues, 1.0) == "欢迎来到中德园"
    assert cue_at(cues, 2.0) == ""
    assert cue_at(cues, 120) == "第二句\n第二行"


@pytest.mark.parametrize(("text", "where"), [
    ("1\n00:00.500 --> 00:02.000\nhi\n", ":1: a WebVTT file starts with the line WEBVTT"),
    ("WEBVTT\n\n00:00,500 --> 00:02,000\nhi\n", ":3: '00:00,500 --> 00:02,000' is not a cue timing"),
    ("WEBVTT\n\n\n00:05.000 --> 00:02.000\nhi\n", ":4: the cue ends before it starts"),
])
def test_webvtt_that_does_not_parse_says_where(text: str, where: str) -> None:
    with pytest.raises(SubtitleError) as refused:
        parse_webvtt(text, "media/films/tour.vtt")
    assert str(refused.value).startswith(f"media/films/tour.vtt{where}")


# --- in the content: located where the YAML names the file -------------------------------------
def test_a_lying_film_is_refused_where_the_timeline_names_it(exhibition_dir: Path) -> None:
    (exhibition_dir.parent / "media" / "films").mkdir()
    (exhibition_dir.parent / "media" / "films" / "tour.mp4").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "films/tour.mp4")
    expect_one(exhibition_dir, "timeline.yaml", "films/tour.mp4", "holds a PNG image, not a film")


def test_a_missing_film_is_refused(exhibition_dir: Path) -> None:
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "films/tour.mp4")
    expect_one(exhibition_dir, "timeline.yaml", "films/tour.mp4", "media/films/tour.mp4 does not exist")


def test_a_film_with_subtitles_and_a_poster_validates_and_bad_subtitles_say_their_line(exhibition_dir: Path) -> None:
    films = exhibition_dir.parent / "media" / "films"
    films.mkdir()
    (films / "tour.mp4").write_bytes(mp4(b"avc1", b"mp4a"))
    (films / "tour.vtt").write_text(VTT, encoding="utf-8")
    edit(exhibition_dir / "timeline.yaml", "file: photos/plant.png",
         "file: films/tour.mp4\n        poster: photos/plant.png\n        subtitles: {zh-Hans: films/tour.vtt}")
    result = load_content(exhibition_dir)
    assert result.ok, result.problems
    (films / "tour.vtt").write_text(VTT.replace("00:00.500 --> 00:02.000", "00:00.500 -> 00:02.000"), encoding="utf-8")
    expect_one(exhibition_dir, "timeline.yaml", "films/tour.vtt", "media/films/tour.vtt:6:", "is not a cue timing")


def test_a_very_large_photo_is_shown_with_a_warning_that_says_how(exhibition_dir: Path) -> None:
    photo = exhibition_dir.parent / "media" / "photos" / "camera.jpg"
    photo.write_bytes(_jpeg_claiming(8_000, 6_000))
    edit(exhibition_dir / "timeline.yaml", "photos/plant.png", "photos/camera.jpg")
    result = load_content(exhibition_dir)
    assert result.ok
    (warning,) = [w for w in result.warnings if "megapixels" in w.message]
    assert (warning.line, warning.col) == line_col(exhibition_dir / "timeline.yaml", "photos/camera.jpg")
    assert "8,000 × 6,000 pixels (48 megapixels): it is shown at most 3,840 × 2,160" in warning.message
