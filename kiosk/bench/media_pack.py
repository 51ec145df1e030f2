"""A pack with what curators bring: camera-sized photos and a film, for `kiosk bench --media-pack`.

Every fifth company gets two 40-megapixel JPEGs of its own (each different, so neither the
memory nor the disk cache can share them), and the first event a short H.264 film with WebVTT
subtitles (made by ffmpeg when the machine has it; the film's figures are left out otherwise).
The photos are drawn by Qt: a gradient and the company's number, so they compress as a photo
does not, but decode as one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication

PHOTO_EVERY = 5
PHOTOS_EACH = 2
PHOTO_SIZE = (7744, 5163)  # 40 megapixels, a full-frame camera's 3:2
FILM_SECONDS = 20
FILM_SIZE = "1920x1080"
SUBTITLES = "WEBVTT\n\n00:00.000 --> 00:05.000\n欢迎来到中德园\n\n00:05.000 --> 00:20.000\n这里是发展历程\n"
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_keep: list[QApplication] = []  # the application made here lives as long as the process


def write_media_pack(content: Path, media: Path, root: Path,
                     photo_size: tuple[int, int] = PHOTO_SIZE) -> tuple[Path, Path, list[str]]:
    """Copy `content` under root/content with the photos and film added, and root/media with
    the original media beside the new files; return (content, media, notes)."""
    if QApplication.instance() is None:  # painting the photos needs Qt's fonts (offscreen is enough)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QApplication([]))
    out_content, out_media = root / "content", root / "media"
    shutil.copytree(content, out_content, dirs_exist_ok=True)
    # Copied, not linked: a link out of media/ is refused by the loader (content stays inside it).
    shutil.copytree(media, out_media, dirs_exist_ok=True)
    bench = out_media / "bench"
    bench.mkdir(exist_ok=True)
    notes: list[str] = []
    companies = _read(out_content / "companies.yaml")
    for number, company in enumerate(companies["companies"][::PHOTO_EVERY]):
        company["media"] = []
        for shot in range(PHOTOS_EACH):
            name = f"bench/{company['id']}-{shot + 1}.jpg"
            _write_photo(out_media / name, photo_size, f"{number}·{shot + 1}", number * PHOTOS_EACH + shot)
            company["media"].append({"file": name, "caption": _words(f"测试照片 {shot + 1}", f"Test photo {shot + 1}",
                                                                     f"Testfoto {shot + 1}"), "credit": _words("基准测试", "Benchmark", "Benchmark")})
    _write(out_content / "companies.yaml", companies)
    if _write_film(bench / "film.mp4"):
        (bench / "film.zh-Hans.vtt").write_text(SUBTITLES, encoding="utf-8")
        timeline = _read(out_content / "timeline.yaml")
        first = timeline["events"][0]
        first["media"] = [*first.get("media", []), {"file": "bench/film.mp4", "caption": _words("测试影片", "Test film", "Testfilm"),
                                                   "subtitles": {"zh-Hans": "bench/film.zh-Hans.vtt"}}]
        _write(out_content / "timeline.yaml", timeline)
    else:
        notes.append("no ffmpeg on this machine: the media pack has photos but no film")
    return out_content, out_media, notes


def _words(chinese: str, english: str, german: str) -> dict[str, str]:
    """A caption in the content's script and the written languages (complete ones require them)."""
    return {"zh-Hans": chinese, "en": english, "de": german}


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _write_photo(path: Path, size: tuple[int, int], label: str, seed: int) -> None:
    width, height = size
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0, QColor.fromHsv(seed * 37 % 360, 120, 200))
    gradient.setColorAt(1, QColor.fromHsv((seed * 37 + 150) % 360, 160, 90))
    painter.fillRect(image.rect(), gradient)
    font = QFont()
    font.setPixelSize(height // 3)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    if not image.save(str(path), "JPG", 85):
        raise RuntimeError(f"could not write {path}")


def _write_film(path: Path) -> bool:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        return False
    subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"testsrc=size={FILM_SIZE}:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440", "-t", str(FILM_SECONDS), "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)], check=True)
    return True
