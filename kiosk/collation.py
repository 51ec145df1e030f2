"""Pinyin order and A-Z index letters for Chinese names (no Qt: the directory and tests share it)."""

from __future__ import annotations

import os
from functools import lru_cache

# pypinyin's phrase dictionary costs ~45 MiB of a kiosk's memory all day to settle heteronyms
# in running text; names sort well by single-character readings, and a curator's `pinyin:` key
# fixes any that do not (must be set before pypinyin is imported).
os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")

from pypinyin import Style, lazy_pinyin  # noqa: E402


@lru_cache(maxsize=4096)
def pinyin_key(name: str, override: str | None = None) -> str:
    """Sort key: the name's pinyin (or the curator's override), lower case, syllables spaced."""
    if override:
        return override.lower()
    return " ".join(lazy_pinyin(name, style=Style.NORMAL, errors="default")).lower()


def index_letter(name: str, override: str | None = None) -> str:
    """The A-Z index letter a name files under; '#' for names starting with a digit or symbol."""
    key = pinyin_key(name, override)
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"
