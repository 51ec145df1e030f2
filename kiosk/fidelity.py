"""Round-trip fidelity: how close does the kiosk's Traditional come to what the HK press wrote?

The content is written in Simplified and the Traditional variant is made by OpenCC plus the
glossary. The four Traditional source texts are the only evidence of how the press writes
these names and terms, so we turn each into Simplified (hk2s), back into Traditional (the
variant's configuration, s2hk) with OpenCC alone and through the ScriptEngine with the content
glossary, and count the Han characters that come back different. The remaining differences,
most frequent first, are what a curator reads to decide what (if anything) belongs in the
glossary: proper nouns, not house-style variants. No Qt here.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from kiosk.content.load import LoadResult
from kiosk.content.model import ExhibitionSettings, Glossary
from kiosk.paths import app_root
from kiosk.proof import proof_rows
from kiosk.script import Converter, ScriptEngine
from kiosk.ui.strings import UI_STRINGS
from kiosk.wordforms import SourceVocabulary, WordFormReport, check_word_forms

# CJK Unified Ideographs, extension A, compatibility ideographs and the supplementary planes.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# The configuration that undoes each Simplified -> Traditional one.
REVERSE = {"s2hk": "hk2s", "s2tw": "tw2s", "s2twp": "tw2sp", "s2t": "t2s"}

ConverterFactory = Callable[[str], Converter]
ModelT = TypeVar("ModelT", bound=BaseModel)


def _opencc(config: str) -> Converter:
    import opencc

    return opencc.OpenCC(config)


def default_seeds_dir() -> Path:
    """The shared source texts beside the repository (../shared/seeds)."""
    return app_root().parent / "shared" / "seeds"


def han_count(text: str) -> int:
    return len(HAN.findall(text))


@dataclass(frozen=True)
class Difference:
    """One kind of difference: what the source wrote, what came back, how often, and where first."""

    original: str
    produced: str
    count: int
    example: str

    def to_dict(self) -> dict[str, Any]:
        return {"original": self.original, "produced": self.produced, "count": self.count, "example": self.example}


@dataclass(frozen=True)
class Measure:
    """Han characters of a text, how many came back different, and the differences by frequency."""

    han: int
    differing: int
    differences: tuple[Difference, ...] = field(default=())

    @property
    def share(self) -> float:
        return self.differing / self.han if self.han else 0.0

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        return {
            "han": self.han,
            "differing": self.differing,
            "share": round(self.share, 6),
            "differences": [d.to_dict() for d in self.differences[:top]],
        }


def _runs(original: str, produced: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, original run, produced run) for each stretch that differs."""
    if len(original) == len(produced):  # OpenCC's configurations here convert character for character
        i, n = 0, len(original)
        while i < n:
            if original[i] == produced[i]:
                i += 1
                continue
            j = i
            while j < n and original[j] != produced[j]:
                j += 1
            yield i, j, original[i:j], produced[i:j]
            i = j
        return
    matcher = difflib.SequenceMatcher(None, original, produced, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield i1, i2, original[i1:i2], produced[j1:j2]


def _context(text: str, start: int, end: int, width: int = 8) -> str:
    return text[max(0, start - width) : end + width].replace("\n", " ").strip()


def measure(original: str, produced: str) -> Measure:
    """Compare a produced text with the original it should reproduce."""
    counter: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    differing = 0
    for start, end, before, after in _runs(original, produced):
        differing += max(han_count(before), han_count(after))
        key = (before, after)
        counter[key] += 1
        examples.setdefault(key, _context(original, start, end))
    return Measure(han_count(original), differing, _ranked(counter, examples))


def _ranked(counter: Counter[tuple[str, str]], examples: dict[tuple[str, str], str]) -> tuple[Difference, ...]:
    ordered = sorted(counter.items(), key=lambda item: -item[1])  # stable: ties stay in order of first sight
    return tuple(Difference(a, b, n, examples[(a, b)]) for (a, b), n in ordered)


def combine(measures: Iterable[Measure]) -> Measure:
    """The overall measure of several texts."""
    measures = list(measures)
    counter: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    for m in measures:
        for d in m.differences:
            counter[(d.original, d.produced)] += d.count
            examples.setdefault((d.original, d.produced), d.example)
    return Measure(sum(m.han for m in measures), sum(m.differing for m in measures), _ranked(counter, examples))


@dataclass(frozen=True)
class FileFidelity:
    file: str
    opencc: Measure
    glossary: Measure


@dataclass(frozen=True)
class FidelityReport:
    variant: str
    forward: str
    back: str
    files: tuple[FileFidelity, ...]
    skipped: tuple[str, ...]
    word_forms: WordFormReport | None = None

    @property
    def opencc(self) -> Measure:
        return combine(f.opencc for f in self.files)

    @property
    def glossary(self) -> Measure:
        return combine(f.glossary for f in self.files)

    def fixed_by_glossary(self) -> list[tuple[str, str, int]]:
        """Differences OpenCC alone leaves that the glossary removes (original, produced, count)."""
        after = {(d.original, d.produced): d.count for d in self.glossary.differences}
        return [
            (d.original, d.produced, d.count - after.get((d.original, d.produced), 0))
            for d in self.opencc.differences
            if d.count > after.get((d.original, d.produced), 0)
        ]


def traditional_variant(settings: ExhibitionSettings) -> str:
    """The variant made from Simplified content by an OpenCC s2* configuration (zh-Hant here)."""
    if settings.script != "zh-Hans":
        raise ValueError("round-trip fidelity measures Simplified content converted to Traditional")
    for variant in settings.variants:
        if variant.opencc in REVERSE:
            return variant.id
    raise ValueError("no variant converts to Traditional (opencc: s2hk, s2tw, s2twp or s2t)")


def is_traditional(text: str, to_simplified: Converter, to_traditional: Converter) -> bool:
    """A text is Traditional if making it Simplified changes more than making it Traditional."""

    def changed(converter: Converter) -> int:
        return sum(a != b for a, b in zip(text, converter.convert(text), strict=False))

    return changed(to_simplified) > changed(to_traditional)


def measure_fidelity(
    seeds: Sequence[Path],
    settings: ExhibitionSettings,
    glossary: Glossary,
    variant_id: str | None = None,
    converter_factory: ConverterFactory = _opencc,
) -> FidelityReport:
    """Round-trip every Traditional text in `seeds`; Simplified ones are listed as skipped."""
    variant_id, forward_config, back_config = _converters(settings, variant_id, converter_factory)
    forward, back = converter_factory(forward_config), converter_factory(back_config)
    engine = ScriptEngine(settings, glossary, converter_factory)
    files: list[FileFidelity] = []
    skipped: list[str] = []
    for path in sorted(seeds):
        original = path.read_text(encoding="utf-8")
        if not is_traditional(original, forward, back):
            skipped.append(path.name)
            continue
        simplified = forward.convert(original)
        files.append(
            FileFidelity(
                path.name,
                measure(original, back.convert(simplified)),
                measure(original, engine.convert(simplified, variant_id)),
            )
        )
    return FidelityReport(variant_id, forward_config, back_config, tuple(files), tuple(skipped))


def _converters(settings: ExhibitionSettings, variant_id: str | None,
                converter_factory: ConverterFactory) -> tuple[str, str, str]:
    """(variant, forward configuration Traditional -> Simplified, back configuration)."""
    variant_id = variant_id or traditional_variant(settings)
    by_id = {v.id: v for v in settings.variants}
    if variant_id not in by_id:
        raise ValueError(f"unknown variant '{variant_id}' (exhibition.yaml variants: {', '.join(by_id)})")
    back_config = by_id[variant_id].opencc
    if back_config is None or back_config not in REVERSE:
        raise ValueError(f"variant '{variant_id}' is not made by an OpenCC s2* configuration ({back_config})")
    return variant_id, REVERSE[back_config], back_config


def check_content_word_forms(
    seeds: Sequence[Path],
    result: LoadResult,
    variant_id: str | None = None,
    converter_factory: ConverterFactory = _opencc,
) -> WordFormReport:
    """Every content text and interface word as the kiosk shows it in the Traditional variant,
    word by word against the forms the Traditional sources print."""
    if result.exhibition is None:
        raise ValueError("the content did not validate; fix its problems before checking word forms")
    settings = result.exhibition.settings
    variant_id, forward_config, back_config = _converters(settings, variant_id, converter_factory)
    forward, back = converter_factory(forward_config), converter_factory(back_config)
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds)]
    vocabulary = SourceVocabulary([t for t in texts if is_traditional(t, forward, back)], forward)
    engine = ScriptEngine(settings, result.exhibition.glossary, converter_factory)
    rendered = [(f"{row.file}:{row.line}:{row.col}", row.variants[variant_id].text)
                for row in proof_rows(result, engine)]
    rendered += [(f"interface word '{key}'", engine.text(value, variant_id)) for key, value in UI_STRINGS.items()]
    return check_word_forms(vocabulary, rendered)


def _pct(m: Measure) -> str:
    return f"{m.differing:>4} ({m.share:.2%})"


def to_table(report: FidelityReport, top: int = 20) -> str:
    """A plain-text report for the terminal."""
    lines = [
        f"Round trip: Traditional source -> {report.forward} -> {report.back}, "
        f"OpenCC alone vs ScriptEngine {report.variant} with the content glossary",
        "",
        f"{'file':<28} {'Han chars':>9}  {'OpenCC alone':>14}  {'with glossary':>14}",
    ]
    for f in report.files:
        lines.append(f"{f.file:<28} {f.opencc.han:>9}  {_pct(f.opencc):>14}  {_pct(f.glossary):>14}")
    overall_o, overall_g = report.opencc, report.glossary
    lines.append(f"{'overall':<28} {overall_o.han:>9}  {_pct(overall_o):>14}  {_pct(overall_g):>14}")
    if report.skipped:
        lines.append(f"skipped (not Traditional): {', '.join(report.skipped)}")
    fixed = report.fixed_by_glossary()
    if fixed:
        lines += ["", "Fixed by the glossary:"]
        lines += [f"  {a} -> {b}  x{n}" for a, b, n in fixed]
    lines += ["", f"Most frequent remaining differences (source -> produced, count, first seen), top {top}:"]
    for d in overall_g.differences[:top]:
        lines.append(f"  {d.original} -> {d.produced}  {d.count:>3}  …{d.example}…")
    if report.word_forms is not None:
        forms = report.word_forms
        lines += ["", f"Word forms of the kiosk's {report.variant}: {forms.words} words in {forms.texts} texts checked "
                      f"against the sources' vocabulary ({forms.both_ways} in a form the sources print both ways); "
                      f"{len(forms.findings)} printed otherwise than the sources print them"]
        lines += [f"  {finding}" for finding in forms.findings]
    return "\n".join(lines)


def to_json(report: FidelityReport, top: int | None = None) -> str:
    data = {
        "variant": report.variant,
        "forward": report.forward,
        "back": report.back,
        "files": [
            {"file": f.file, "opencc": f.opencc.to_dict(top), "glossary": f.glossary.to_dict(top)} for f in report.files
        ],
        "overall": {"opencc": report.opencc.to_dict(top), "glossary": report.glossary.to_dict(top)},
        "fixed_by_glossary": [{"original": a, "produced": b, "count": n} for a, b, n in report.fixed_by_glossary()],
        "skipped": list(report.skipped),
    }
    if report.word_forms is not None:
        data["word_forms"] = report.word_forms.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2)
