"""Script variants: turn content text into the variant a visitor chose (简体 / 繁體 ...).

Order of precedence for one text field and one variant:
1. the field's own explicit wording for that variant ({zh-Hans: ..., zh-Hant: ...});
2. the content glossary's phrase overrides, longest match first (proper nouns OpenCC gets
   wrong: 沈鼓 -> 瀋鼓, 里达 -> 里達);
3. OpenCC with the variant's configuration (s2hk, s2tw, t2s ...), then the glossary's
   character forms: the variant's house style where it differs from OpenCC's (羣 -> 群).
Results are cached per (text, variant), so a toggle never converts the same string twice.
No Qt here: the proof sheet and tests use it without a display.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

from kiosk.content.model import ExhibitionSettings, Glossary, Variant

SegmentKind = Literal["same", "opencc", "glossary", "explicit"]

# Before a text shown from a fallback language (not yet translated): "[English] ...", so a
# visitor can always tell why a text is not in the language they chose.
FALLBACK_MARK = "[{label}] "


class Converter(Protocol):
    def convert(self, text: str) -> str: ...


@dataclass(frozen=True)
class Segment:
    """A piece of converted text and what produced it (for the proof sheet's highlighting)."""

    source: str
    text: str
    kind: SegmentKind


def _opencc(config: str) -> Converter:
    import opencc  # imported here so `kiosk validate` never pays for loading dictionaries

    return opencc.OpenCC(config)


class _Identity:
    def convert(self, text: str) -> str:
        return text


class ScriptEngine:
    """Converts text into each variant the exhibition offers."""

    def __init__(
        self,
        settings: ExhibitionSettings,
        glossary: Glossary,
        converter_factory: Callable[[str], Converter] = _opencc,
        cache_size: int = 65_536,
    ) -> None:
        self.script = settings.script
        self.variants: tuple[Variant, ...] = settings.variants
        self.default_variant = settings.default_variant
        self._by_id = {v.id: v for v in self.variants}
        self._converters: dict[str, Converter] = {}
        self._factory = converter_factory
        self._patterns: dict[str, tuple[re.Pattern[str] | None, Mapping[str, str]]] = {}
        for variant in self.variants:
            phrases = glossary.phrases.get(variant.id, {})
            ordered = sorted(phrases, key=len, reverse=True)  # alternation order = longest first
            pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
            self._patterns[variant.id] = (pattern, phrases)
        self._forms = {v: str.maketrans(table) for v, table in glossary.forms.items()}
        self._cached = lru_cache(maxsize=cache_size)(self._convert_uncached)
        # Written variants (en, de): where a missing text is taken from, in order.
        self._chains = {v.id: settings.fallback_chain(v.id) for v in self.variants if v.written}

    def variant(self, variant_id: str) -> Variant:
        return self._by_id[variant_id]

    def next_variant(self, variant_id: str) -> str:
        """The variant a one-tap toggle moves to after `variant_id`."""
        ids = [v.id for v in self.variants]
        return ids[(ids.index(variant_id) + 1) % len(ids)]

    def _converter(self, variant_id: str) -> Converter:
        if self._by_id[variant_id].written:  # nothing converts into a written language
            return _Identity()
        if variant_id not in self._converters:
            config = self._by_id[variant_id].opencc
            self._converters[variant_id] = self._factory(config) if config else _Identity()
        return self._converters[variant_id]

    def segments(self, text: str, variant_id: str) -> list[Segment]:
        """Split `text` into glossary phrases and the OpenCC-converted stretches between them."""
        pattern, phrases = self._patterns[variant_id]
        converter = self._converter(variant_id)
        forms = self._forms.get(variant_id)
        pieces: list[Segment] = []
        position = 0
        for match in pattern.finditer(text) if pattern else ():
            if match.start() > position:
                pieces.append(self._plain(text[position : match.start()], converter, forms))
            pieces.append(Segment(match.group(), phrases[match.group()], "glossary"))
            position = match.end()
        if position < len(text):
            pieces.append(self._plain(text[position:], converter, forms))
        return pieces

    @staticmethod
    def _plain(source: str, converter: Converter, forms: dict[int, str] | None) -> Segment:
        converted = converter.convert(source)
        if forms:
            converted = converted.translate(forms)
        return Segment(source, converted, "same" if converted == source else "opencc")

    def _convert_uncached(self, text: str, variant_id: str) -> str:
        return "".join(segment.text for segment in self.segments(text, variant_id))

    def convert(self, text: str, variant_id: str) -> str:
        """A string in the content's script, in `variant_id` (cached)."""
        return self._cached(text, variant_id)

    def written(self, value: str | Mapping[str, str] | None) -> str:
        """A content text as written in the content's own script (what sorting and proofing
        go by: the A-Z order must not move on a toggle)."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        # The validator requires the content's own script; be lenient at run time.
        return value.get(self.script) or next(iter(value.values()), "")

    def text(self, value: str | Mapping[str, str] | None, variant_id: str) -> str:
        """Any content text field (plain or per-variant mapping) in `variant_id`; a text a
        written variant lacks comes from its fallback chain, marked with the language it is in."""
        if isinstance(value, Mapping) and variant_id in value:
            return value[variant_id]
        chain = self._chains.get(variant_id)
        if chain is None:
            return self.convert(self.written(value), variant_id)
        shown, text = self.fallback(value, chain)
        return FALLBACK_MARK.format(label=self._by_id[shown].label) + text if text else ""

    def words(self, value: str | Mapping[str, str] | None, variant_id: str) -> str:
        """A text in `variant_id` as words only: one that falls back comes without its language
        mark (what a directory files a name under)."""
        chain = self._chains.get(variant_id)
        if chain is None or isinstance(value, Mapping) and variant_id in value:
            return self.text(value, variant_id)
        return self.fallback(value, chain)[1]

    def fallback(self, value: str | Mapping[str, str] | None, chain: Iterable[str]) -> tuple[str, str]:
        """(variant shown, text) for a text missing in a written variant: the first variant of
        the chain that has it, written or made (a converted variant converts the script's text)."""
        for other in chain:
            if isinstance(value, Mapping) and other in value:
                return other, value[other]
            if not self._by_id[other].written:
                return other, self.text(value, other)
        return self.script, self.written(value)

    def shown_variant(self, value: str | Mapping[str, str] | None, variant_id: str) -> str:
        """The variant a text is really shown in (differs from `variant_id` when it falls back)."""
        if isinstance(value, Mapping) and variant_id in value or variant_id not in self._chains:
            return variant_id
        return self.fallback(value, self._chains[variant_id])[0]

    def warm(self, values: Iterable[str | Mapping[str, str]]) -> int:
        """Convert `values` into every variant ahead of time (loads OpenCC, fills the cache).

        Run once after the first frame is on screen, so the first tap on the toggle costs what
        every later one does.
        """
        count = 0
        for value in values:
            for variant in self.variants:
                self.text(value, variant.id)
                count += 1
        return count

    def cache_info(self) -> tuple[int, int]:
        """(hits, misses) of the conversion cache."""
        info = self._cached.cache_info()
        return info.hits, info.misses
