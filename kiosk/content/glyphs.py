"""Characters a text may hold: ones the bundled fonts draw, and no bidirectional controls.

A right-to-left override reverses a company's name on screen; a CJK Extension B character or
a flag emoji shows as an empty box, since no bundled font draws it. Both are reported to the
curator where they stand, before a visitor sees them. No Qt, no font library: the fonts'
coverage is a generated table (font_coverage.py).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator

from kiosk.content.font_coverage import COVERED

_STARTS = [start for start, _end in COVERED]
# Embeddings, overrides, isolates and marks that turn the direction of what follows.
BIDI_CONTROLS = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
ALLOWED_CONTROLS = frozenset("\n\t ")
_INVISIBLE = ("Cc", "Cf", "Co", "Cn", "Cs")


def _fine_class() -> re.Pattern[str]:
    """One character class of every character a text may hold, so that a text (nearly every
    one) is cleared in a single C-speed match; only a text that fails is looked at closely."""
    refused = set(BIDI_CONTROLS) | {p for start, end in COVERED for p in range(start, end + 1)
                                    if unicodedata.category(chr(p)) in _INVISIBLE}
    parts = []
    for start, end in COVERED:
        cut = sorted(p for p in refused if start <= p <= end)
        for point in [*cut, end + 1]:
            if start < point:
                parts.append(f"{re.escape(chr(start))}-{re.escape(chr(point - 1))}")
            start = point + 1
    return re.compile(f"[{''.join(parts)}{re.escape(''.join(ALLOWED_CONTROLS))}]*")


_FINE = _fine_class()


def drawable(char: str) -> bool:
    point = ord(char)
    index = bisect.bisect_right(_STARTS, point) - 1
    return index >= 0 and COVERED[index][0] <= point <= COVERED[index][1]


def _describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'an unnamed character')}"


def glyph_problems(text: str) -> Iterator[str]:
    """What is wrong with the characters of `text`, one message per kind of character."""
    if _FINE.fullmatch(text):
        return
    seen: set[str] = set()
    for index, char in enumerate(text, start=1):
        if char in seen or char in ALLOWED_CONTROLS:
            continue
        seen.add(char)
        if ord(char) in BIDI_CONTROLS:
            yield (f"{_describe(char)} (character {index}) turns the direction of the text after it "
                   "on screen; delete it")
        elif unicodedata.category(char) in _INVISIBLE:
            yield f"{_describe(char)} (character {index}) is an invisible control character; delete it"
        elif not drawable(char):
            yield (f"{_describe(char)} (character {index}) is not in the kiosk's fonts and would show "
                   "as an empty box; use a character the fonts have (or a picture)")
