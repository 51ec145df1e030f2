"""Assemble the kiosk: Qt application, fonts, content, script engine, window and its screens."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import heap
from kiosk.content.load import LoadResult
from kiosk.media.service import MediaService
from kiosk.screens import Screen
from kiosk.script import ScriptEngine
from kiosk.ui.context import ViewContext
from kiosk.ui.fonts import register_bundled_fonts
from kiosk.ui.window import KioskWindow, ViewFactory


def retire(window: QWidget) -> None:
    """Let a window replaced by a reload go, with the pixmaps Qt cached for it (icons drawn at
    its sizes): over a day of reloads the cache would otherwise fill with the dead window's."""
    window.close()
    window.deleteLater()
    QPixmapCache.clear()


def qt_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up for touch: no synthesized double behaviour, fonts bundled."""
    app = QApplication.instance()
    # Without this, a widget the stylesheet styles copies its parent's font family once and
    # keeps it, so the script toggle's one setFont on the window would not reach it.
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles, True)
    if app is None:
        heap.keep_large_blocks_apart()  # before the first photo or film frame is made
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("tiexi-kiosk")
    register_bundled_fonts()
    return app  # type: ignore[return-value]


@dataclass
class Kiosk:
    """The parts a running kiosk is made of, for the runtime layer and tests."""

    window: KioskWindow
    ctx: ViewContext
    result: LoadResult


def build_window(result: LoadResult, media_dir: Path, variant: str | None = None,
                 factories: Mapping[Screen, ViewFactory] | None = None, thumbnails: Path | None = None,
                 film_sound: bool = False) -> Kiosk:
    """The window on validated content; `factories` stand in for screens' views (tests);
    `thumbnails` is where decoded photos are kept on disk (none: kept in memory only);
    `film_sound`: films start with their sound on (the machine setting)."""
    exhibition = result.exhibition
    assert exhibition is not None, "build_window needs validated content"
    engine = ScriptEngine(exhibition.settings, exhibition.glossary)
    ctx = ViewContext(exhibition, engine, MediaService(media_dir, thumbnails=thumbnails), variant, result.outlines)
    ctx.film_sound = film_sound
    window = KioskWindow(ctx, factories)
    return Kiosk(window, ctx, result)
