"""Test set-up: offscreen Qt, no real per-machine config, GUI tests marked `gui`."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: the tests never need a real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.factory import write_exhibition  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _still_and_quiet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A kiosk in a test does not warm up behind the test's back (a test of the warm-up turns
    it on) and does not animate (zooms and glides land at once); timings a test needs, it sets."""
    from kiosk.ui import theme

    monkeypatch.setattr(theme, "WARM_UP_DELAY_MS", -1)
    monkeypatch.setattr(theme, "ANIMATION_MS", 0)
    yield
    theme.set_text_scale(1.0)  # a test that tried the larger text leaves the next at normal size


@pytest.fixture(autouse=True)
def _private_machine_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real per-machine settings and logs."""
    home = tmp_path_factory.mktemp("machine")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(home / "config"))


@pytest.fixture(autouse=True)
def _unfrozen_heap():  # noqa: ANN202
    """A kiosk freezes its heap once started (kiosk.heap); the next test's garbage must not be
    kept alive by the last test's freeze."""
    yield
    gc.unfreeze()


@pytest.fixture
def exhibition_dir(tmp_path: Path) -> Path:
    """A small valid exhibition: tmp/content and tmp/media."""
    return write_exhibition(tmp_path)


@pytest.fixture
def bundled_content() -> Path:
    return REPO / "content"


@pytest.fixture(scope="session")
def bundled_result():  # noqa: ANN201 - a LoadResult; imported lazily to keep collection light
    from kiosk.content import load_content

    result = load_content(REPO / "content", REPO / "media")
    assert result.ok, result.problems
    return result


class Navigations(list):
    """Stands in for the window's navigate(): a view under test records where it sent the visitor."""

    def __call__(self, screen, item=None) -> None:  # noqa: ANN001
        self.append((screen, item))


@pytest.fixture
def navigate() -> Navigations:
    return Navigations()


def factory_context(root: Path, write=write_exhibition, variant: str | None = None):  # noqa: ANN001, ANN201
    """The ViewContext of a small exhibition that `write` puts under `root` (tests/factory.py)."""
    from kiosk.content import load_content

    result = load_content(write(root))
    assert result.ok, result.problems
    return view_context(result, root / "media", variant)


def view_context(result, media: Path, variant: str | None = None):  # noqa: ANN001, ANN201 - a ViewContext
    """What the window gives each view, on validated content (napari's order: model, then view)."""
    from kiosk.media.service import MediaService
    from kiosk.script import ScriptEngine
    from kiosk.ui.app import qt_application
    from kiosk.ui.context import ViewContext

    qt_application()
    ex = result.exhibition
    return ViewContext(ex, ScriptEngine(ex.settings, ex.glossary), MediaService(media), variant, result.outlines)


def show_view(qtbot, view, size: tuple[int, int] = (1920, 1080)):  # noqa: ANN001, ANN201
    """A view on its own, shown at a screen's size, as the window would show it."""
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


def open_kiosk(qtbot, result, media: Path, factories=None):  # noqa: ANN001, ANN201 - a Kiosk
    """The kiosk window on validated content, shown at 1920x1080 on the offscreen screen."""
    from kiosk.ui.app import build_window, qt_application

    qt_application()
    built = build_window(result, media, factories=factories)
    qtbot.addWidget(built.window)
    built.window.resize(1920, 1080)
    built.window.show()
    qtbot.waitExposed(built.window)
    return built


@pytest.fixture
def kiosk(qtbot, bundled_result):  # noqa: ANN001, ANN201
    """The kiosk window on the bundled content (a module of window tests on factory content
    overrides it with `factory_kiosk`)."""
    return open_kiosk(qtbot, bundled_result, REPO / "media")


def factory_kiosk(qtbot, tmp_path_factory: pytest.TempPathFactory, write):  # noqa: ANN001, ANN201 - a Kiosk
    """The kiosk window on a small exhibition that `write` makes (tests/factory.py)."""
    from kiosk.content import load_content

    root = tmp_path_factory.mktemp("exhibition")
    result = load_content(write(root))
    assert result.ok, result.problems
    return open_kiosk(qtbot, result, root / "media")
