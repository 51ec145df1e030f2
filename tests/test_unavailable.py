"""Never a black screen: with nothing valid to show the kiosk shows a calm page, keeps its admin
corner, keeps checking, and shows the exhibition as soon as the content validates."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content import load_content
from kiosk.runtime.controller import KioskController, RunOptions, load_with_fallback
from kiosk.runtime.settings import MachineSettings
from kiosk.ui.unavailable import UnavailablePage
from kiosk.ui.window import KioskWindow


def controller_on(qtbot, content: Path, media: Path, warnings: list[str] | None = None) -> KioskController:  # noqa: ANN001
    shown, failed = load_with_fallback(content, media)
    options = RunOptions(content=content, media=media, kiosk_mode=False, size=(1280, 800), idle_timeout_ms=60_000,
                         reload_settle_ms=50, reload_poll_ms=100, swap_after_idle_ms=0)
    controller = KioskController(options, MachineSettings(), shown, failed, warnings=warnings)
    controller.show()
    qtbot.addWidget(controller.window)
    return controller


def stop(controller: KioskController) -> None:
    controller.reloader.stop()
    controller.idle.stop()
    controller.window.close()


def test_broken_content_and_no_last_good_copy_show_the_calm_page_until_fixed(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    timeline = exhibition_dir / "timeline.yaml"
    good = timeline.read_text(encoding="utf-8")
    timeline.write_text("events: [", encoding="utf-8")
    controller = controller_on(qtbot, exhibition_dir, exhibition_dir.parent / "media")
    page = controller.window
    assert isinstance(page, UnavailablePage)
    assert page.isVisible()
    assert {"展览内容暂时无法显示", "展覽內容暫時無法顯示"} <= {line.text() for line in page.lines}
    assert any("timeline.yaml" in line for line in controller.status_lines()), "the panel says why"
    assert controller.corner is not None, "the admin corner still works"
    with qtbot.waitSignal(controller.content_did_reload, timeout=5000):
        timeline.write_text(good, encoding="utf-8")
    assert isinstance(controller.window, KioskWindow)
    assert controller.window.isVisible()
    assert controller.last_problems == []
    stop(controller)


def test_content_that_is_away_at_boot_shows_the_page_and_then_the_exhibition(qtbot, tmp_path: Path, exhibition_dir: Path) -> None:  # noqa: ANN001
    away = tmp_path / "share" / "content"
    media = exhibition_dir.parent / "media"
    controller = controller_on(qtbot, away, media)
    assert isinstance(controller.window, UnavailablePage)
    assert not load_content(away, media).ok
    with qtbot.waitSignal(controller.content_did_reload, timeout=5000):
        shutil.copytree(exhibition_dir, away)  # the share comes back
    assert isinstance(controller.window, KioskWindow)
    stop(controller)


def test_a_degraded_run_is_named_in_the_admin_panel(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    warning = "the state folder cannot be written; the log is in /tmp/tiexi-kiosk"
    controller = controller_on(qtbot, exhibition_dir, exhibition_dir.parent / "media", [warning])
    assert f"注意 / Warning: {warning}" in controller.status_lines()
    stop(controller)
