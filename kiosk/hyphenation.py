"""Soft hyphens in long words, so German compounds break at a syllable instead of overflowing.

Qt's text layout breaks a line at U+00AD and draws a hyphen there, and draws nothing where the
word fits; pyphen carries the LibreOffice hyphenation patterns. Only words long enough to be a
problem are touched: a short word moves to the next line whole. No Qt here.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyphen

from kiosk.paths import kiosk_command

SOFT_HYPHEN = "\u00ad"
BREAK_AFTER = "\u200b"  # zero width space: a line may break here, nothing is drawn
MIN_WORD = 10  # letters: shorter words fit any text column the kiosk has
_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")


# Reading a language's patterns takes pyphen half a second and leaves 17 MiB of small objects in
# the heap even once let go (measured: the allocator cannot give fragmented pages back). So no
# pattern is ever read here: words are hyphenated in batches by a short-lived child process
# (`kiosk hyphenate`), on a thread of its own, and only the answers come back.
_done: dict[str, dict[str, str]] = {}  # each long word as hyphenated, per language
_asked: dict[str, set[str]] = {}  # words waiting for the next batch, per language
_running: set[str] = set()  # languages with words in the batch being hyphenated now
_lock = threading.Lock()
_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hyphenation")
_scheduled = False
BATCH_TIMEOUT_S = 120  # a child that runs longer is stuck: its words stay whole
WAITING = object()  # what a warm-up step yields while a batch is still being hyphenated
log = logging.getLogger(__name__)


def ask(words: dict[str, set[str]]) -> None:
    """Queue words {language: words} for the next batch (started at once unless one is queued)."""
    global _scheduled
    with _lock:
        for language, some in words.items():
            _asked.setdefault(language, set()).update(some)
        if _scheduled or not any(words.values()):
            return
        _scheduled = True
    _loader.submit(_run_batch)


def _run_batch() -> None:
    global _scheduled
    with _lock:
        batch = {language: sorted(words) for language, words in _asked.items() if words}
        _asked.clear()
        _running.update(batch)
        _scheduled = False
    try:
        answers = _hyphenate_in_child(batch)
    finally:
        with _lock:
            for language, words in batch.items():
                _done.setdefault(language, {}).update(zip(words, answers.get(language, words), strict=True))
            _running.clear()


def _hyphenate_in_child(batch: dict[str, list[str]]) -> dict[str, list[str]]:
    """`batch`'s words as hyphenated by `kiosk hyphenate`; a failing child leaves them whole
    (logged) rather than taking the kiosk down. Files, not pipes: a windowed build on Windows
    has no standard streams."""
    with tempfile.TemporaryDirectory(prefix="kiosk-hyphenate-") as folder:
        asked, answered = Path(folder, "words.json"), Path(folder, "hyphenated.json")
        asked.write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
        command = kiosk_command("hyphenate", str(asked), str(answered))
        try:
            finished = subprocess.run(command, capture_output=True, text=True, timeout=BATCH_TIMEOUT_S,
                                      creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0), check=False)
            if finished.returncode == 0:
                answers: dict[str, list[str]] = json.loads(answered.read_text(encoding="utf-8"))
                if all(len(answers.get(language, ())) == len(words) for language, words in batch.items()):
                    return answers
                log.warning("hyphenation answered the wrong words; long words stay whole")
                return batch
            log.warning("hyphenation failed (exit %s); long words stay whole: %s",
                        finished.returncode, finished.stderr.strip()[-500:])
        except (OSError, subprocess.SubprocessError, ValueError) as error:
            log.warning("hyphenation failed; long words stay whole: %s", error)
    return batch


def hyphenate_file(asked: Path, answered: Path) -> None:
    """The child's side: read {language: [word]} from `asked`, write the same lists hyphenated
    to `answered` (written whole, then renamed: the parent never reads half an answer)."""
    batch: dict[str, list[str]] = json.loads(asked.read_text(encoding="utf-8"))
    answers = {}
    for language, words in batch.items():
        dictionary = pyphen.Pyphen(lang=language)
        answers[language] = [dictionary.inserted(word, hyphen=SOFT_HYPHEN) for word in words]
    partial = answered.with_suffix(".partial")
    partial.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    partial.replace(answered)


def ready(locale: str) -> bool:
    """True once every word asked for in this language is hyphenated (or it has no patterns)."""
    language = pyphen.language_fallback(locale)
    with _lock:
        return language is None or (not _asked.get(language) and language not in _running)


class Hyphenator:
    """Hyphenates the texts of one language (a CLDR locale such as de or en_GB)."""

    def __init__(self, locale: str, cache_size: int = 16_384) -> None:
        self.language = pyphen.language_fallback(locale)
        with _lock:
            self._words = _done.setdefault(self.language, {}) if self.language else {}
        self._texts: dict[str, str] = {}  # whole texts, each once all its words were hyphenated
        self._cache_size = cache_size
        self._whole = True

    @property
    def available(self) -> bool:
        return self.language is not None

    def hyphenate(self, text: str) -> str:
        """`text` with soft hyphens in its long words. Never waits: a word not hyphenated yet
        shows whole this time and goes to the next batch (the warm-up sends every content word
        ahead, so only a text composed at run time meets one)."""
        done = self._texts.get(text)
        if done is None:
            self._whole = True
            done = self._hyphenate(text)
            if self._whole:
                if len(self._texts) >= self._cache_size:
                    self._texts.clear()
                self._texts[text] = done
        return done

    def missing(self, texts: Iterable[str]) -> set[str]:
        """The long words of `texts` not hyphenated yet (to `ask` for them in one batch)."""
        if self.language is None:
            return set()
        return {word for text in texts for word in _WORD.findall(text) if word not in self._words}

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        done = self._words.get(word)
        if done is None:
            assert self.language is not None
            self._whole = False
            ask({self.language: {word}})
            return word
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
