"""Where the kiosk finds its bundled files, in a source checkout and in the frozen build alike."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding content/ and media/: beside the executable when frozen, else the repo."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def default_content_dir() -> Path:
    return app_root() / "content"


def default_media_dir() -> Path:
    return app_root() / "media"


def fonts_dir() -> Path:
    return default_media_dir() / "fonts"


def kiosk_command(*args: str) -> list[str]:
    """The command line of `kiosk ARGS` for this installation (frozen build or Python)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "kiosk", *args]
