"""The admin PIN: hashed with a salt, checked in constant time, guessed at a limited rate."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.runtime.pin import PinGate, hash_pin, pin_problem, verify_pin


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin("2580")


def test_hash_has_the_documented_form_and_a_fresh_salt(pin_hash: str) -> None:
    scheme, n, r, p, salt, digest = pin_hash.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert "2580" not in pin_hash
    assert hash_pin("2580") != pin_hash  # new salt every time


def test_verify(pin_hash: str) -> None:
    assert verify_pin("2580", pin_hash)
    assert not verify_pin("2581", pin_hash)
    assert not verify_pin("", pin_hash)


@pytest.mark.parametrize(
    "encoded",
    [
        None,
        "",
        "2580",
        "bcrypt$16384$8$1$AAAA$AAAA",
        "scrypt$16384$8$1$not base64!$AAAA",
        "scrypt$abc$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # N not a power of 2
        "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",  # too costly
        "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==",
    ],
)
def test_malformed_hash_never_matches_and_never_raises(encoded: str | None) -> None:
    assert verify_pin("2580", encoded) is False


@pytest.mark.parametrize(
    ("pin", "ok"),
    [
        ("1234", True),
        ("12345678", True),
        ("123", False),
        ("123456789", False),
        ("12 4", False),
        ("١٢٣٤", False),
    ],
)
def test_pin_rules(pin: str, ok: bool) -> None:
    assert (pin_problem(pin) is None) is ok
    if not ok:
        with pytest.raises(ValueError, match="PIN"):
            hash_pin(pin)


def test_gate_locks_after_three_wrong_pins_and_doubles(pin_hash: str) -> None:
    clock = FakeClock()
    gate = PinGate(pin_hash, clock=clock)
    assert gate.enabled
    assert [gate.attempt("0000") for _ in range(2)] == ["wrong", "wrong"]
    assert gate.locked_for() == 0
    assert gate.attempt("0000") == "wrong"
    assert gate.locked_for() == pytest.approx(30)
    assert gate.attempt("2580") == "locked"  # even the right PIN waits
    clock.now += 30
    assert gate.attempt("1111") == "wrong"
    assert gate.locked_for() == pytest.approx(60)
    clock.now += 60
    assert gate.attempt("1111") == "wrong"
    assert gate.locked_for() == pytest.approx(120)


def test_gate_lock_is_capped_at_fifteen_minutes(pin_hash: str) -> None:
    clock = FakeClock()
    gate = PinGate(pin_hash, clock=clock, forget_after_s=10**9)
    for _ in range(40):
        clock.now += gate.locked_for()
        assert gate.attempt("9999") == "wrong"
    assert gate.locked_for() == pytest.approx(15 * 60)


def test_right_pin_resets_the_count(pin_hash: str) -> None:
    clock = FakeClock()
    gate = PinGate(pin_hash, clock=clock)
    gate.attempt("0000")
    gate.attempt("0000")
    assert gate.attempt("2580") == "ok"
    assert gate.failures == 0
    gate.attempt("0000")
    gate.attempt("0000")
    assert gate.locked_for() == 0


def test_old_failures_are_forgotten(pin_hash: str) -> None:
    clock = FakeClock()
    gate = PinGate(pin_hash, clock=clock)
    gate.attempt("0000")
    gate.attempt("0000")
    clock.now += 2 * 3600
    assert gate.attempt("0000") == "wrong"
    assert gate.locked_for() == 0


def test_without_a_pin_the_gate_never_opens() -> None:
    gate = PinGate(None, clock=FakeClock())
    assert not gate.enabled
    assert {gate.attempt(pin) for pin in ("", "0000", "1234")} == {"wrong"}


def test_a_lockout_outlives_a_restart(pin_hash: str, tmp_path: Path) -> None:
    state = tmp_path / "pin-lockout.json"
    wall = FakeClock()
    wall.now = 1_800_000_000.0
    clock = FakeClock()
    gate = PinGate(pin_hash, clock=clock, wall=wall, state_file=state)
    for _ in range(3):
        gate.attempt("0000")
    assert gate.locked_for() == pytest.approx(30)
    # The plug is pulled 10 s later; the new process's monotonic clock starts elsewhere.
    wall.now += 10
    restarted = PinGate(pin_hash, clock=FakeClock(), wall=wall, state_file=state)
    assert restarted.locked_for() == pytest.approx(20)
    assert restarted.attempt("2580") == "locked"
    assert restarted.failures == 3
    wall.now += 20
    again = PinGate(pin_hash, clock=FakeClock(), wall=wall, state_file=state)
    assert again.attempt("0000") == "wrong"
    assert again.locked_for() == pytest.approx(60), "the count went on: the next lock is twice as long"


def test_a_garbled_lockout_file_starts_afresh_and_a_far_future_one_is_capped(pin_hash: str, tmp_path: Path) -> None:
    state = tmp_path / "pin-lockout.json"
    state.write_text("{not json", encoding="utf-8")
    assert PinGate(pin_hash, clock=FakeClock(), state_file=state).locked_for() == 0
    state.write_text('{"failures": 9, "last_failure": 0, "locked_until": 1e18}', encoding="utf-8")
    assert PinGate(pin_hash, clock=FakeClock(), state_file=state).locked_for() <= 15 * 60


def test_wrong_pins_and_lockouts_are_logged(pin_hash: str, caplog: pytest.LogCaptureFixture) -> None:
    gate = PinGate(pin_hash, clock=FakeClock())
    with caplog.at_level(logging.INFO, logger="kiosk.runtime.pin"):
        for _ in range(3):
            gate.attempt("0000")
        gate.attempt("2580")
    messages = [r.getMessage() for r in caplog.records]
    assert "wrong admin PIN (1 in a row)" in messages
    assert "admin PIN locked for 30 s after 3 wrong PINs" in messages
    assert any(m.startswith("admin PIN refused: locked for") for m in messages)
