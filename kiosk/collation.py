"""A-Z order and index letters for names (no Qt: the directory and tests share it).

Chinese names file under the first letter of their pinyin, as a Chinese directory does; the
order is taken from the content's own script, so it never moves between 简体 and 繁體. Names
written in a Latin-script language (English, German) file under their own first letter, with
accents and umlauts sorted as their base letter (Österreich under O), as a German index does.
"""

from __future__ import annotations

import os
import unicodedata
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


@lru_cache(maxsize=4096)
def latin_key(name: str) -> str:
    """Sort key for a name in Latin script: letters without their accents, case folded (ß as ss)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def index_letter(key: str) -> str:
    """The A-Z index letter a sort key files under; '#' for one starting with a digit or symbol."""
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def name_key(name: str, *, latin: bool, pinyin: str | None = None) -> str:
    """The key a directory sorts a name by: its own letters where the language is written in Latin
    script (a name left in Chinese there still files under its pinyin), else its pinyin or the
    curator's `pinyin` override."""
    if latin and index_letter(latin_key(name)) != "#":
        return latin_key(name)
    return pinyin_key(name, pinyin)
