"""Assemble the kiosk: Qt application, fonts, content, script engine, window and its screens."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.load import LoadResult
from kiosk.script import ScriptEngine
from kiosk.ui.context import ViewContext
from kiosk.ui.fonts import register_bundled_fonts
from kiosk.ui.window import KioskWindow, Screen, ViewFactory


def _home(ctx: ViewContext, window: KioskWindow) -> QWidget:
    from kiosk.ui.home import HomeView

    return HomeView(ctx, window)


def _timeline(ctx: ViewContext, window: KioskWindow) -> QWidget:
    from kiosk.ui.timeline import TimelineView

    return TimelineView(ctx, window)


def _map(ctx: ViewContext, window: KioskWindow) -> QWidget:
    from kiosk.ui.map import MapView

    return MapView(ctx, window)


def _companies(ctx: ViewContext, window: KioskWindow) -> QWidget:
    from kiosk.ui.companies import CompanyDirectory

    return CompanyDirectory(ctx, window)


def _profile(ctx: ViewContext, window: KioskWindow) -> QWidget:
    from kiosk.ui.companies import CompanyProfile

    return CompanyProfile(ctx, window)


FACTORIES: dict[Screen, ViewFactory] = {
    Screen.HOME: _home,
    Screen.TIMELINE: _timeline,
    Screen.MAP: _map,
    Screen.COMPANIES: _companies,
    Screen.PROFILE: _profile,
}


def qt_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up for touch: no synthesized double behaviour, fonts bundled."""
    app = QApplication.instance()
    # Without this, a widget the stylesheet styles copies its parent's font family once and
    # keeps it, so the script toggle's one setFont on the window would not reach it.
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles, True)
    if app is None:
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


def build_window(result: LoadResult, media_dir: Path, variant: str | None = None) -> Kiosk:
    exhibition = result.exhibition
    assert exhibition is not None, "build_window needs validated content"
    engine = ScriptEngine(exhibition.settings, exhibition.glossary)
    ctx = ViewContext(exhibition, engine, media_dir, variant)
    window = KioskWindow(ctx, FACTORIES)
    return Kiosk(window, ctx, result)
