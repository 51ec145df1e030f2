"""Soft hyphens in long words, so German compounds break at a syllable instead of overflowing.

Qt's text layout breaks a line at U+00AD and draws a hyphen there, and draws nothing where the
word fits; pyphen carries the LibreOffice hyphenation patterns. Only words long enough to be a
problem are touched: a short word moves to the next line whole. No Qt here.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor

import pyphen

SOFT_HYPHEN = "\u00ad"
BREAK_AFTER = "\u200b"  # zero width space: a line may break here, nothing is drawn
MIN_WORD = 10  # letters: shorter words fit any text column the kiosk has
_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")


# Reading a language's patterns takes pyphen most of a second: done once per process, and ahead
# of the first switch to the language, on a thread of its own (preload), while home shows.
_loading: dict[str, Future[pyphen.Pyphen]] = {}
_lock = threading.Lock()
_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hyphenation")
WAITING = object()  # what a warm-up step yields while the patterns are still being read


def _load(language: str) -> Future[pyphen.Pyphen]:
    """The reading of a language's patterns: started once, on the loader thread."""
    with _lock:
        if language not in _loading:
            _loading[language] = _loader.submit(pyphen.Pyphen, lang=language)
        return _loading[language]


def _ready(language: str) -> pyphen.Pyphen | None:
    """The language's patterns if they are read; else None, and they are being read."""
    future = _load(language)
    return future.result() if future.done() else None


def _hyphenate_later(language: str, word: str) -> None:
    """A word met after the patterns were let go (a text composed at run time): it shows whole
    now, and is hyphenated on the loader thread, after which the patterns go again."""
    with _lock:
        waiting = _missed.setdefault(language, set())
        first = not waiting
        waiting.add(word)
    if first:
        _load(language).add_done_callback(lambda future: _catch_up(language, future.result()))


def _catch_up(language: str, dictionary: pyphen.Pyphen) -> None:
    with _lock:
        words = _missed.pop(language, set())
        preloading = language in _preloaded
    done = _done.setdefault(language, {})
    for word in words:
        done[word] = dictionary.inserted(word, hyphen=SOFT_HYPHEN)
    if not preloading:  # read for these words alone: let go (a warm-up lets go of its own)
        with _lock:
            _loading.pop(language, None)
            pyphen.hdcache.pop(language, None)


def preload(locales: Iterable[str]) -> None:
    """Start reading the patterns of these languages in the background (kept until `release`)."""
    for locale in locales:
        language = pyphen.language_fallback(locale)
        if language:
            with _lock:
                _preloaded.add(language)
            _load(language)


def release() -> None:
    """Let the patterns go once every text of the content is hyphenated (German's take 17 MiB):
    the words already done are kept (`_done`), and a new word after a content reload reads the
    patterns again."""
    with _lock:
        for future in _loading.values():
            if not future.done():
                return  # still being read: next time
        _loading.clear()
        _preloaded.clear()
        pyphen.hdcache.clear()  # pyphen keeps every dictionary it read


# Each long word as hyphenated, per language: all the content's words stay, the patterns need not.
_done: dict[str, dict[str, str]] = {}
_missed: dict[str, set[str]] = {}  # words met while the patterns were away, per language
_preloaded: set[str] = set()  # languages whose patterns stay until release()


def held() -> set[str]:
    """The languages whose patterns are in memory now."""
    with _lock:
        return set(_loading)


def ready(locale: str) -> bool:
    """True once the language's patterns are read (or it has none): using it waits for nothing."""
    language = pyphen.language_fallback(locale)
    with _lock:
        future = _loading.get(language) if language else None
    return language is None or (future is not None and future.done())


class Hyphenator:
    """Hyphenates the texts of one language (a CLDR locale such as de or en_GB)."""

    def __init__(self, locale: str, cache_size: int = 16_384) -> None:
        self.language = pyphen.language_fallback(locale)
        self._words = _done.setdefault(self.language, {}) if self.language else {}
        self._texts: dict[str, str] = {}  # whole texts, each once all its words were hyphenated
        self._cache_size = cache_size
        self._whole = True

    @property
    def available(self) -> bool:
        return self.language is not None

    def hyphenate(self, text: str) -> str:
        """`text` with soft hyphens in its long words. Never waits: a word met while the patterns
        are away shows whole this time (see `_hyphenate_later`)."""
        done = self._texts.get(text)
        if done is None:
            self._whole = True
            done = self._hyphenate(text)
            if self._whole:
                if len(self._texts) >= self._cache_size:
                    self._texts.clear()
                self._texts[text] = done
        return done

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        done = self._words.get(word)
        if done is None:
            assert self.language is not None
            dictionary = _ready(self.language)
            if dictionary is None:
                self._whole = False
                _hyphenate_later(self.language, word)
                return word
            done = self._words[word] = dictionary.inserted(word, hyphen=SOFT_HYPHEN)
        return done

    def _hyphenate(self, text: str) -> str:
        if SOFT_HYPHEN in text:
            return text
        # A middle dot joins names (Xinghuo·Chain): a line may break after it.
        text = text.replace("·", "·" + BREAK_AFTER) if "·" in text else text
        return _WORD.sub(self._word, text) if self.language is not None else text


def unhyphenated(text: str) -> str:
    """The text as written (for comparing, searching, logging)."""
    return text.replace(SOFT_HYPHEN, "").replace(BREAK_AFTER, "")


_JOINS = re.compile(f"([ {SOFT_HYPHEN}{BREAK_AFTER}])")


def break_lines(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Lines of `text` for a widget that does not wrap by itself (a button), each as long as
    `fits` allows: broken at spaces, and inside a long word at its soft hyphens (shown as -)."""
    pieces = _JOINS.split(text)  # piece, join, piece, join ...
    lines: list[str] = []
    line = pieces[0]
    for join, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        joined = f"{line}{' ' if join == ' ' else ''}{piece}"
        if fits(joined) or not line:
            line = joined
            continue
        lines.append(line + ("-" if join == SOFT_HYPHEN else ""))
        line = piece
    lines.append(line)
    return [unhyphenated(part) for part in lines]
