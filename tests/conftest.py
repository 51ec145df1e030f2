"""Test set-up: offscreen Qt, no real per-machine config, GUI tests marked `gui`."""

from __future__ import annotations

import os
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
def _private_machine_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real per-machine settings and logs."""
    home = tmp_path_factory.mktemp("machine")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(home / "config"))


@pytest.fixture
def exhibition_dir(tmp_path: Path) -> Path:
    """A small valid exhibition: tmp/content and tmp/media."""
    return write_exhibition(tmp_path)


@pytest.fixture
def bundled_content() -> Path:
    return REPO / "content"
