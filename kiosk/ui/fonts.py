"""Register the bundled Noto Sans CJK fonts, so nothing depends on what the PC has installed."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from kiosk.paths import fonts_dir

log = logging.getLogger(__name__)
_registered: set[Path] = set()


def register_bundled_fonts(folder: Path | None = None) -> list[str]:
    """Add every .ttc/.otf/.ttf under media/fonts once; return the families now available.

    One TTC per weight carries the SC, TC and HK regional faces, so each script variant can be
    drawn with its own glyph forms (骨, 直, 遍 differ between them).
    """
    folder = folder or fonts_dir()
    families: list[str] = []
    for path in sorted(folder.glob("*.tt[cf]")) + sorted(folder.glob("*.otf")):
        if path in _registered:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("could not load bundled font %s", path)
            continue
        _registered.add(path)
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families
