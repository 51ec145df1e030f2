"""The admin PIN: stored only as a salted scrypt hash, and guessed at a limited rate.

A 4-8 digit PIN has at most 10^8 values, so the hash alone would not stop someone who
copied settings.yaml; scrypt's cost (about 50 ms and 16 MB a try) slows that down, and
the file never holds the PIN itself. At the screen, `PinGate` makes guessing hopeless:
after three wrong PINs it locks, for longer each time.

No PIN configured means the admin panel cannot be opened from the screen at all (the
`PinGate.enabled` flag is False and every attempt is refused): a fresh install must not
hand a visitor a way out of the kiosk. The technician sets one with `kiosk config set-pin`
or stops the kiosk from the operating system.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_DIGITS, MAX_DIGITS = 4, 8

# Hashes written by hand or by a future version may carry other costs; refuse ones that
# would take seconds or gigabytes to check (a crafted settings file must not hang the kiosk).
_MAX_N, _MAX_R, _MAX_P = 2**16, 16, 4

PIN_HASH_PATTERN = r"^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$"

Attempt = Literal["ok", "wrong", "locked"]


def pin_problem(pin: str) -> str | None:
    """Why `pin` is not acceptable as a new PIN, or None if it is."""
    # isdigit() alone accepts '١٢٣٤' and '²'; a touch keypad types only ASCII digits.
    if not (pin.isascii() and pin.isdigit()):
        return "the PIN must be digits only (0-9)"
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"the PIN must have {MIN_DIGITS} to {MAX_DIGITS} digits, not {len(pin)}"
    return None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    # OpenSSL's default memory cap (32 MB) is below what the allowed maxima need.
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=maxmem)


def hash_pin(pin: str) -> str:
    """`scrypt$N$r$p$<salt>$<hash>` (base64) for a valid PIN; ValueError for an invalid one."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(pin, salt, N, R, P, KEY_BYTES)
    b64 = base64.b64encode
    return f"{SCHEME}${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, encoded: str | None) -> bool:
    """True only if `pin` matches; False for a wrong PIN and for a missing or malformed hash."""
    if not encoded or not isinstance(pin, str):
        return False
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return False
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        expected = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return False
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return False
    if not salt or not 16 <= len(expected) <= 64:
        return False
    try:
        actual = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


class PinGate:
    """Checks PINs typed at the screen, locking out after repeated wrong ones.

    The first `free_failures` wrong PINs cost nothing (fat fingers); each one after that
    locks the gate, for `first_lock_s`, then twice as long each time, up to `max_lock_s`.
    While locked, attempts are refused without being checked or counted. A right PIN, or
    `forget_after_s` without a wrong one, starts the count afresh, so a visitor's guesses in
    the morning do not lock out the technician in the evening. With a `state_file` the count
    and any lockout outlive a restart (a guesser cannot pull the plug to try again), kept in
    wall-clock time; every wrong PIN and every lockout is logged. The clocks are injectable
    (monotonic and wall seconds) so tests need not wait.
    """

    def __init__(
        self,
        pin_hash: str | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        state_file: Path | None = None,
        free_failures: int = 3,
        first_lock_s: float = 30.0,
        max_lock_s: float = 15 * 60.0,
        forget_after_s: float = 60 * 60.0,
    ) -> None:
        self._hash = pin_hash
        self._clock = clock
        self._wall = wall
        self._state_file = state_file
        self._free = free_failures
        self._first = first_lock_s
        self._max = max_lock_s
        self._forget = forget_after_s
        self._failures = 0
        self._locked_until = float("-inf")
        self._last_failure = float("-inf")
        self._restore()

    # --- kept across restarts ----------------------------------------------------------------
    def _restore(self) -> None:
        if self._state_file is None or not self._state_file.exists():
            return
        try:
            state = json.loads(self._state_file.read_text(encoding="utf-8"))
            failures, last, until = int(state["failures"]), float(state["last_failure"]), float(state["locked_until"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("PIN lockout state %s unreadable (%s); starting afresh", self._state_file, exc)
            return
        offset = self._clock() - self._wall()  # wall seconds -> this run's monotonic seconds
        self._failures = max(0, failures)
        self._last_failure = last + offset
        self._locked_until = min(until + offset, self._clock() + self._max)  # a wrong wall clock cannot lock for ever
        if self.locked_for() > 0:
            log.warning("admin PIN still locked for %.0f s after a restart", self.locked_for())

    def _save(self) -> None:
        if self._state_file is None:
            return
        offset = self._wall() - self._clock()
        state = {"failures": self._failures, "last_failure": self._last_failure + offset,
                 "locked_until": max(self._locked_until, self._clock()) + offset}
        try:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            staged = self._state_file.with_suffix(".tmp")
            staged.write_text(json.dumps(state), encoding="utf-8")
            os.replace(staged, self._state_file)
        except OSError as exc:
            log.warning("PIN lockout state not kept (%s)", exc)

    @property
    def enabled(self) -> bool:
        """False when no PIN is configured: the admin panel must then stay shut."""
        return bool(self._hash)

    @property
    def failures(self) -> int:
        return self._failures

    def locked_for(self) -> float:
        """Seconds until the next attempt will be checked (0 when not locked)."""
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> Attempt:
        now = self._clock()
        if now < self._locked_until:
            log.warning("admin PIN refused: locked for %.0f s more", self._locked_until - now)
            return "locked"
        if not self.enabled:
            return "wrong"
        if now - self._last_failure >= self._forget:
            self._failures = 0
        if verify_pin(pin, self._hash):
            if self._failures:
                self._failures = 0
                self._locked_until = float("-inf")
                self._save()
            log.info("admin PIN accepted")
            return "ok"
        self._failures += 1
        self._last_failure = now
        extra = self._failures - self._free
        log.warning("wrong admin PIN (%d in a row)", self._failures)
        if extra >= 0:
            lock_s = min(self._first * 2 ** min(extra, 32), self._max)
            self._locked_until = now + lock_s
            log.warning("admin PIN locked for %.0f s after %d wrong PINs", lock_s, self._failures)
        self._save()
        return "wrong"
