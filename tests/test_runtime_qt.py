"""Unattended behaviour: idle reset, close refusal, admin corner and PIN, live reload.

The window on tests/factory.py's timeline exhibition (an event far along the track to leave the
timeline scrolled); the reload tests run a controller on write_exhibition's content.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk import heap
from kiosk.content import load_content
from kiosk.runtime.controller import KioskController, RunOptions
from kiosk.runtime.idle import IdleWatcher
from kiosk.runtime.kiosk_mode import KioskGuard
from kiosk.runtime.pin import PinGate, hash_pin
from kiosk.runtime.reload import ContentReloader
from kiosk.runtime.settings import MachineSettings
from kiosk.screens import Screen
from kiosk.ui.admin.panel import AdminCorner, PinPad
from tests.conftest import factory_kiosk
from tests.factory import write_timeline_exhibition

LATE_EVENT = "net-zero-goal"  # the last card on the track: opening it scrolls far along


@pytest.fixture
def kiosk(qtbot, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201 - a Kiosk
    """The window on factory content (not the bundled content conftest's `kiosk` opens)."""
    return factory_kiosk(qtbot, tmp_path_factory, write_timeline_exhibition)


def test_idle_timeout_resets_to_home_in_default_script(qtbot, kiosk, monkeypatch) -> None:  # noqa: ANN001
    window = kiosk.window
    trims: list[bool] = []
    monkeypatch.setattr(heap, "give_back", lambda: trims.append(True) or True)
    window.navigate(Screen.TIMELINE, LATE_EVENT)
    timeline = window.view(Screen.TIMELINE)
    assert timeline.current_item() == LATE_EVENT
    assert timeline.area.horizontalScrollBar().value() > 0
    window.set_variant("zh-Hant")
    idle = IdleWatcher(150)
    idle.idle_did_time_out.connect(window.reset)
    with qtbot.waitSignal(idle.idle_did_time_out, timeout=2000):
        pass
    assert window.current == Screen.HOME
    assert kiosk.ctx.variant == "zh-Hans"
    assert window.top_bar.variant_buttons["zh-Hans"].isChecked()
    assert not timeline.detail.isVisible()
    assert timeline.area.horizontalScrollBar().value() == 0
    assert kiosk.ctx.media.held_bytes == 0, "decoded photos go between visitors"
    qtbot.waitUntil(lambda: trims == [True], timeout=1000)  # and the pages they were freed into
    idle.stop()


def test_input_rearms_the_idle_timer(qtbot, kiosk) -> None:  # noqa: ANN001
    """Input restarts the countdown: a timeout already due when a tap comes in does not fire,
    and once the input stops it runs out. No race with the timer: the countdown is let run out
    while no event loop can deliver it, and the tap is delivered first."""
    idle = IdleWatcher(300)
    fired = []
    idle.idle_did_time_out.connect(lambda: fired.append(True))
    for _ in range(3):
        time.sleep(0.35)  # past the timeout, with no event loop running: the timeout is due
        QTest.mouseClick(kiosk.window.top_bar.title, Qt.MouseButton.LeftButton)
        QApplication.processEvents()  # a timeout still due would be delivered here
        assert not fired, "the tap restarted the countdown"
    with qtbot.waitSignal(idle.idle_did_time_out, timeout=5000):
        pass
    assert fired == [True]
    idle.stop()


def test_close_requests_and_exit_keys_are_refused(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    guard = KioskGuard(window)
    assert window.close() is False
    assert window.isVisible()
    for key, mods in [(Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)]:
        event = QKeyEvent(QEvent.Type.KeyPress, key, mods)
        assert guard.eventFilter(window, event) is True
    assert guard.refused >= 5
    guard.allow_close()
    assert window.close() is True
    QApplication.instance().removeEventFilter(guard)


def test_holding_the_admin_corner_asks_for_the_pin(qtbot, kiosk) -> None:  # noqa: ANN001
    window = kiosk.window
    corner = AdminCorner(window, "top-left", 200)
    with qtbot.waitSignal(corner.admin_did_request, timeout=2000):
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    fired = []
    corner.admin_did_request.connect(lambda: fired.append(True))
    # A tap: pressed and lifted before the hold could run out (no event loop runs in between).
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    assert corner.timer.isActive(), "a press in the corner starts the hold"
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    assert not corner.timer.isActive()
    qtbot.wait(300)  # longer than the hold
    assert not fired, "a short tap in the corner is not the gesture"
    middle = window.rect().center()
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert not corner.timer.isActive(), "a press elsewhere is not the gesture"
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    QApplication.instance().removeEventFilter(corner)


def type_pin(qtbot, pad: PinPad, pin: str) -> None:  # noqa: ANN001
    for digit in pin:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.keys["OK"], Qt.MouseButton.LeftButton)


def test_pin_pad_right_wrong_and_rate_limited(qtbot, kiosk) -> None:  # noqa: ANN001
    now = [1000.0]
    gate = PinGate(hash_pin("2468"), clock=lambda: now[0])
    pad = PinPad(kiosk.window, gate)
    passed = []
    pad.pin_did_pass.connect(lambda: passed.append(True))
    pad.open()
    for _ in range(3):
        type_pin(qtbot, pad, "1111")
    assert not passed
    type_pin(qtbot, pad, "1111")  # the fourth wrong one locks the gate
    type_pin(qtbot, pad, "2468")
    assert not passed, "while locked even the right PIN is refused"
    assert "30" in pad.message.text() or "Locked" in pad.message.text()
    now[0] += 31
    type_pin(qtbot, pad, "2468")
    assert passed
    assert not pad.isVisible()


def test_without_a_pin_the_pad_stays_shut(qtbot, kiosk) -> None:  # noqa: ANN001
    pad = PinPad(kiosk.window, PinGate(None))
    pad.open()
    passed = []
    pad.pin_did_pass.connect(lambda: passed.append(True))
    type_pin(qtbot, pad, "0000")
    assert not passed
    assert "set-pin" in pad.message.text()


def test_reloader_reports_good_bad_and_half_written_changes(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    reloader = ContentReloader(exhibition_dir, exhibition_dir.parent / "media", settle_ms=50, poll_ms=100)
    path = exhibition_dir / "figures.yaml"
    good = path.read_text(encoding="utf-8")
    with qtbot.waitSignal(reloader.content_did_validate, timeout=5000) as blocker:
        path.write_text(good[: len(good) // 2], encoding="utf-8")  # a save caught half-way
    assert not blocker.args[0].ok
    with qtbot.waitSignal(reloader.content_did_validate, timeout=5000) as blocker:
        path.write_text(good.replace("1220", "1221"), encoding="utf-8")
    assert blocker.args[0].ok
    assert blocker.args[0].exhibition.figures[0].value == 1221
    reloader.stop()


def make_controller(qtbot, exhibition_dir: Path, swap_after_idle_ms: int = 0) -> KioskController:  # noqa: ANN001

    media = exhibition_dir.parent / "media"
    options = RunOptions(content=exhibition_dir, media=media, kiosk_mode=False, size=(1280, 800),
                         idle_timeout_ms=60_000, reload_settle_ms=50, reload_poll_ms=100,
                         swap_after_idle_ms=swap_after_idle_ms)
    controller = KioskController(options, MachineSettings(), load_content(exhibition_dir, media))
    controller.show()
    return controller


def test_good_change_is_swapped_in_and_bad_change_keeps_last_good(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    controller = make_controller(qtbot, exhibition_dir)
    home = controller.kiosk.window.view(Screen.HOME)
    assert home.title.text() == "测试展览"
    path = exhibition_dir / "exhibition.yaml"
    text = path.read_text(encoding="utf-8")
    with qtbot.waitSignal(controller.reloader.content_did_validate, timeout=5000):
        path.write_text(text.replace("idle_timeout_s: 30", "idle_timeout_s: [oops"), encoding="utf-8")
    assert controller.kiosk.window.view(Screen.HOME).title.text() == "测试展览"
    assert controller.last_problems
    assert "exhibition.yaml" in str(controller.last_problems[0])
    assert any("Last content check failed" in line for line in controller.status_lines())
    with qtbot.waitSignal(controller.content_did_reload, timeout=5000) as blocker:
        path.write_text(text.replace("测试展览", "新的展览"), encoding="utf-8")
    assert "settings" in blocker.args[0].parts
    assert controller.kiosk.window.view(Screen.HOME).title.text() == "新的展览"
    assert controller.last_problems == []
    assert any(line.startswith("最近一次更新 / Last reload:") and "settings" in line for line in controller.status_lines())
    stop(controller)


def test_the_idle_reset_waits_while_a_visitor_watches_a_film(qtbot, exhibition_dir: Path,  # noqa: ANN001
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    controller = make_controller(qtbot, exhibition_dir)
    window = controller.kiosk.window
    window.navigate(Screen.COMPANIES)
    monkeypatch.setattr(type(window), "film_playing", lambda _self: True)
    controller.on_idle()
    assert window.current == Screen.COMPANIES, "not reset while a film plays"
    assert controller.idle.timer.isActive(), "the countdown starts again"
    monkeypatch.setattr(type(window), "film_playing", lambda _self: False)
    controller.reset_to_start()
    assert window.current == Screen.HOME
    stop(controller)


def test_still_there_warns_before_the_reset_and_a_touch_keeps_the_visitor_s_place(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    controller = make_controller(qtbot, exhibition_dir)
    window, prompt = controller.kiosk.window, controller.prompt
    window.navigate(Screen.COMPANIES)
    controller.on_idle()
    assert prompt.isVisible()
    assert prompt.geometry() == window.rect(), "over the whole screen: the answering touch lands on it"
    assert (prompt.question.text(), prompt.countdown.text()) == ("还在浏览吗？", "10 秒后回到首页")
    qtbot.mouseClick(prompt, Qt.MouseButton.LeftButton)  # the visitor is there
    assert not prompt.isVisible()
    assert window.current == Screen.COMPANIES
    controller.on_idle()
    with qtbot.waitSignal(prompt.ran_out, timeout=15_000):
        prompt.left = 1  # the last second
    assert window.current == Screen.HOME
    assert not prompt.isVisible()
    controller.on_idle()  # on home: no question, straight back to the start
    assert not prompt.isVisible()
    stop(controller)


def stop(controller: KioskController) -> None:
    controller.reloader.stop()
    controller.idle.stop()
    controller.kiosk.window.close()


def edit_and_wait(qtbot, controller: KioskController, path: Path, old: str, new: str) -> None:  # noqa: ANN001
    text = path.read_text(encoding="utf-8")
    with qtbot.waitSignal(controller.reloader.content_did_validate, timeout=5000):
        path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_reload_keeps_the_visitors_language_and_place(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    controller = make_controller(qtbot, exhibition_dir)
    controller.kiosk.window.set_variant("zh-Hant")
    controller.kiosk.window.navigate(Screen.TIMELINE, "plant-opens")
    with qtbot.waitSignal(controller.content_did_reload, timeout=5000):
        edit_and_wait(qtbot, controller, exhibition_dir / "timeline.yaml", "沈阳工厂投产。", "沈阳工厂正式投产。")
    window = controller.kiosk.window
    assert controller.kiosk.ctx.variant == "zh-Hant"
    assert window.place() == (Screen.TIMELINE, "plant-opens")
    assert window.top_bar.variant_buttons["zh-Hant"].isChecked()
    stop(controller)


def test_a_reload_that_removes_the_item_shown_lands_on_its_screens_top(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    controller = make_controller(qtbot, exhibition_dir)
    controller.kiosk.window.navigate(Screen.PROFILE, "acme")
    companies = exhibition_dir / "companies.yaml"
    timeline = exhibition_dir / "timeline.yaml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("    companies: [acme]\n", ""), encoding="utf-8")
    extra = "  - id: other\n    name: 另一家\n    sector: automotive\n    summary: 另一家企业。\n    source: src-a\n"
    with qtbot.waitSignal(controller.content_did_reload, timeout=5000):
        companies.write_text("companies:\n" + extra, encoding="utf-8")
    assert controller.kiosk.window.place() == (Screen.COMPANIES, None)
    stop(controller)


def test_a_reload_waits_for_a_quiet_moment_even_at_home(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    controller = make_controller(qtbot, exhibition_dir, swap_after_idle_ms=60_000)
    before = controller.kiosk
    assert controller.kiosk.window.current == Screen.HOME
    edit_and_wait(qtbot, controller, exhibition_dir / "exhibition.yaml", "测试展览", "新的展览")
    assert controller.pending is not None, "validated, waiting"
    assert controller.kiosk is before, "a visitor may be touching the home screen: no swap yet"
    controller.options = RunOptions(**{**controller.options.__dict__, "swap_after_idle_ms": 0})
    with qtbot.waitSignal(controller.content_did_reload, timeout=5000):
        pass
    assert controller.kiosk is not before
    stop(controller)


def test_a_save_that_changes_nothing_leaves_the_window_alone(qtbot, exhibition_dir: Path) -> None:  # noqa: ANN001
    controller = make_controller(qtbot, exhibition_dir)
    before = controller.kiosk
    path = exhibition_dir / "figures.yaml"
    with qtbot.waitSignal(controller.reloader.content_did_validate, timeout=5000):
        path.write_text(path.read_text(encoding="utf-8") + "\n# a curator's note\n", encoding="utf-8")
    qtbot.wait(50)
    assert controller.kiosk is before
    assert controller.last_reload is not None
    assert str(controller.last_reload[1]) == "nothing"
    stop(controller)


def test_restart_after_a_broken_edit_shows_the_last_good_content(exhibition_dir: Path) -> None:
    from kiosk.runtime.controller import load_with_fallback

    media = exhibition_dir.parent / "media"
    shown, failed = load_with_fallback(exhibition_dir, media)
    assert shown.ok
    assert failed is None
    (exhibition_dir / "timeline.yaml").write_text("events: [", encoding="utf-8")
    shown, failed = load_with_fallback(exhibition_dir, media)
    assert shown.ok, "the copy kept from the last good start stands in"
    assert shown.exhibition.timeline.events[0].id == "approval"
    assert failed is not None
    assert "timeline.yaml" in str(failed.problems[0])
