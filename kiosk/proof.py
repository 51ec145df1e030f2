"""Proof sheet: every text of the content beside each script variant the kiosk will show.

Curators write in one script and the kiosk makes the others (explicit wording, then the
glossary, then OpenCC). Nobody can check that by tapping through the kiosk, so this lists every
text field with where it stands (file:line:col and field path), what was written, and each
variant, marking which parts came from the glossary and which texts are explicit overrides.
No Qt: it runs on a curator's laptop and in CI.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.content.load import LoadResult
from kiosk.content.model import Variant
from kiosk.content.translations import UNIT_FIELD
from kiosk.content.units import split_unit
from kiosk.content.walk import Loc, file_parts, iter_texts
from kiosk.script import ScriptEngine, Segment, SegmentKind

STEM_MIN = 5  # letters: a longer word may take an ending (-en, -es, -s) and still be the name


@dataclass(frozen=True)
class NameUse:
    """A name of a language's glossary that the Chinese text uses, and whether the translation
    renders it the glossary's way."""

    chinese: str
    rendering: str
    found: bool


@dataclass(frozen=True)
class VariantProof:
    """One text in one variant, split into the pieces that made it."""

    text: str
    segments: tuple[Segment, ...]
    fallback: str | None = None  # a written variant's missing text: the variant it is shown in
    names: tuple[NameUse, ...] = ()
    written: bool = False  # a translation (English, German), not a script conversion

    @property
    def explicit(self) -> bool:
        """True when the curator wrote this variant's wording in the content."""
        return any(s.kind == "explicit" for s in self.segments)

    @property
    def glossary(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.kind == "glossary")

    @property
    def opencc_changed(self) -> bool:
        return any(s.kind == "opencc" for s in self.segments)

    def notes(self) -> dict[str, Any]:
        notes: dict[str, Any] = {
            "explicit": self.explicit,
            "glossary": [{"phrase": s.source, "as": s.text} for s in self.glossary],
            "opencc": self.opencc_changed,
        }
        if self.fallback:
            notes["fallback"] = self.fallback
        if self.names:
            notes["names"] = [{"name": n.chinese, "as": n.rendering, "found": n.found} for n in self.names]
        return notes


@dataclass(frozen=True)
class ProofRow:
    """A text field: where it is, what the curator wrote, and what each variant shows."""

    file: str
    line: int
    col: int
    path: str
    source: str
    variants: Mapping[str, VariantProof]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.col} {self.path}"

    def to_dict(self, only_variant: str | None = None) -> dict[str, Any]:
        """where, source, one key per variant id, and `notes` (variant ids never clash with these)."""
        shown = {k: v for k, v in self.variants.items() if only_variant in (None, k)}
        return {
            "where": self.where,
            "source": self.source,
            **{k: v.text for k, v in shown.items()},
            "notes": {k: v.notes() for k, v in shown.items()},
        }


@dataclass(frozen=True)
class ProofCounts:
    texts: int
    opencc_changed: int
    glossary: int
    explicit: int
    fallbacks: int = 0
    names_found: int = 0
    names_missed: int = 0

    def __str__(self) -> str:
        text = (
            f"{self.texts} texts, {self.opencc_changed} changed by OpenCC, "
            f"{self.glossary} glossary replacements, {self.explicit} explicit overrides"
        )
        if self.fallbacks or self.names_found or self.names_missed:
            text += (f", {self.fallbacks} shown from a fallback language, glossary names "
                     f"{self.names_found} rendered as listed and {self.names_missed} not")
        return text


def field_path(loc: Loc) -> str:
    """('companies', 3, 'summary') -> 'companies[3].summary', as a curator reads it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _variant_proof(value: str | Mapping[str, str], variant_id: str, engine: ScriptEngine,
                   names: Mapping[str, str] | None = None) -> VariantProof:
    # Mirrors ScriptEngine.text so the sheet shows exactly what the kiosk will show.
    if engine.variant(variant_id).written:
        text = engine.text(value, variant_id)
        shown = engine.shown_variant(value, variant_id)
        source = engine.written(value)
        used = [chinese for chinese in (names or {}) if chinese in source and shown == variant_id]
        # the longest names only: 铁西 inside 铁西区 is the district's name, not a second use
        used = [c for c in used if not any(c != other and c in other for other in used)]
        uses = tuple(NameUse(c, names[c], _rendered(names[c], text)) for c in used) if names else ()
        kind: SegmentKind = "explicit" if shown == variant_id else "same"
        return VariantProof(text, (Segment(source, text, kind),), None if shown == variant_id else shown, uses,
                            written=True)
    if isinstance(value, Mapping) and variant_id in value:
        text = value[variant_id]
        kind = "same" if variant_id == engine.script else "explicit"
        return VariantProof(text, (Segment(text, text, kind),))
    segments = tuple(engine.segments(engine.written(value), variant_id))
    return VariantProof("".join(s.text for s in segments), segments)


def _rendered(rendering: str, text: str) -> bool:
    """The glossary's rendering is in the text, allowing for German endings (des Chinesisch-
    Deutschen Industrieparks for der Chinesisch-Deutsche Industriepark)."""
    if rendering in text:
        return True
    stems = [word[:-2] if len(word) > STEM_MIN else word for word in rendering.split()]
    return all(stem in text for stem in stems)


def _unit_proof(value: str | Mapping[str, str], variant_id: str, engine: ScriptEngine,
                result: LoadResult) -> VariantProof:
    """A unit in a written language: the magnitude the code multiplies by, and the glossary's word."""
    magnitude, base = split_unit(engine.written(value))
    glossary = result.exhibition.languages.get(variant_id) if result.exhibition is not None else None
    word = glossary.units.get(base, base) if glossary is not None else base
    shown = word if isinstance(word, str) else " / ".join(word.values())
    text = f"× {magnitude:,} · {shown}" if magnitude != 1 else shown
    return VariantProof(text, (Segment(engine.written(value), text, "explicit"),), written=True)


def _names(result: LoadResult, variant_id: str) -> Mapping[str, str]:
    ex = result.exhibition
    glossary = ex.languages.get(variant_id) if ex is not None else None
    return glossary.names if glossary is not None else {}


def proof_rows(result: LoadResult, engine: ScriptEngine) -> list[ProofRow]:
    """One row per text field of a validated content, in file order."""
    if result.exhibition is None:
        raise ValueError("the content did not validate; fix its problems before making a proof")
    rows: list[ProofRow] = []
    for file, part, prefix in file_parts(result.exhibition):
        for loc, value in iter_texts(part, prefix):
            display, line, col = result.where(file, loc)
            variants = {v.id: _unit_proof(value, v.id, engine, result) if loc[-1] == UNIT_FIELD and v.written
                        else _variant_proof(value, v.id, engine, _names(result, v.id)) for v in engine.variants}
            rows.append(ProofRow(display, line, col, field_path(loc), engine.written(value), variants))
    return rows


def counts(rows: Sequence[ProofRow], only_variant: str | None = None) -> ProofCounts:
    """Totals for the top of the sheet and the CLI: texts, OpenCC changes, glossary hits, overrides."""
    shown = [[v for k, v in row.variants.items() if only_variant in (None, k)] for row in rows]
    return ProofCounts(
        texts=len(rows),
        opencc_changed=sum(any(v.opencc_changed for v in vs) for vs in shown),
        glossary=sum(len(v.glossary) for vs in shown for v in vs),
        explicit=sum(v.explicit for vs in shown for v in vs),
        fallbacks=sum(v.fallback is not None for vs in shown for v in vs),
        names_found=sum(n.found for vs in shown for v in vs for n in v.names),
        names_missed=sum(not n.found for vs in shown for v in vs for n in v.names),
    )


def to_json(rows: Sequence[ProofRow], only_variant: str | None = None) -> str:
    return json.dumps([row.to_dict(only_variant) for row in rows], ensure_ascii=False, indent=2)


# lang makes a browser pick regional glyph forms (骨, 直, 遍); the font list does the same
# where the Noto CJK fonts are installed, as they are on the exhibition PCs.
_LANG = {"SC": "zh-Hans", "TC": "zh-Hant", "HK": "zh-HK", "JP": "ja", "KR": "ko"}

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5rem; color: #17212b; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
.counts { display: flex; gap: 1.5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.counts b { font-size: 1.3rem; display: block; }
.legend mark { padding: 0 .25em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .4rem .5rem; vertical-align: top; text-align: left; }
th { position: sticky; top: 0; background: #f4f1ea; }
td { white-space: pre-wrap; }
td.where { font: 12px/1.4 ui-monospace, monospace; color: #555; white-space: normal; }
mark.glossary { background: #ffe08a; }
mark.explicit { background: #bfe3ff; outline: 1px solid #4a90c8; }
mark.fallback { background: #f6d5d5; }
mark.name { background: #d8f0c8; }
.missed { color: #b5121b; font-size: 12px; }
tr.changed td.source { border-left: 3px solid #b5121b; }
"""


def _font_css(font: str) -> str:
    return f'"Noto Sans CJK {font}", "Noto Sans {font}", "Source Han Sans {font}", sans-serif'


def _cell(proof: VariantProof) -> str:
    if proof.fallback is not None:
        return (f'<mark class="fallback" title="not translated: shown from {html.escape(proof.fallback)}">'
                f"{html.escape(proof.text)}</mark>")
    if proof.written:
        return _written_cell(proof)
    parts = []
    for s in proof.segments:
        text = html.escape(s.text)
        if s.kind == "glossary":
            title = html.escape(f"glossary: {s.source} → {s.text}")
            parts.append(f'<mark class="glossary" title="{title}">{text}</mark>')
        elif s.kind == "explicit":
            parts.append(f'<mark class="explicit" title="explicit wording in the content">{text}</mark>')
        else:
            parts.append(text)
    return "".join(parts)


def _written_cell(proof: VariantProof) -> str:
    """A translation, its glossary names marked (a name rendered otherwise is listed below it)."""
    text = html.escape(proof.text)
    for use in sorted(proof.names, key=lambda n: -len(n.rendering)):
        if use.found:
            title = html.escape(f"glossary name: {use.chinese} → {use.rendering}")
            text = text.replace(html.escape(use.rendering),
                                f'<mark class="name" title="{title}">{html.escape(use.rendering)}</mark>', 1)
    missed = [f"{html.escape(u.chinese)} → {html.escape(u.rendering)}" for u in proof.names if not u.found]
    if missed:
        text += f'<div class="missed">glossary name not used: {"; ".join(missed)}</div>'
    return text


def _script_font(variants: Sequence[Variant], script: str | None) -> tuple[str, str]:
    own = next((v for v in variants if v.id == script or (script is None and v.opencc is None)), None)
    if own is not None:
        return _lang(own), own.font
    return ("zh-Hant", "TC") if script == "zh-Hant" else ("zh-Hans", "SC")


def to_html(
    rows: Sequence[ProofRow],
    variants: Sequence[Variant],
    only_variant: str | None = None,
    *,
    script: str | None = None,
    title: str = "Script variants proof",
) -> str:
    """A self-contained page (inline CSS, no scripts); all content is escaped: it is untrusted."""
    shown = [v for v in variants if only_variant in (None, v.id)]
    total = counts(rows, only_variant)
    source_lang, source_font = _script_font(variants, script)
    fonts = sorted({source_font, *(v.font for v in shown)})
    css = _CSS + "".join(f".font-{f} {{ font-family: {_font_css(f)}; }}\n" for f in fonts)
    head_cells = "".join(
        f'<th lang="{html.escape(_lang(v))}" class="font-{v.font}">{html.escape(v.label)} '
        f"<small>{html.escape(v.id)}</small></th>"
        for v in shown
    )
    body = []
    for row in rows:
        changed = any(row.variants[v.id].text != row.source for v in shown)
        cells = "".join(
            f'<td lang="{html.escape(_lang(v))}" class="font-{v.font}">{_cell(row.variants[v.id])}</td>' for v in shown
        )
        body.append(
            f'<tr{" class=changed" if changed else ""}><td class="where">{html.escape(row.where)}</td>'
            f'<td class="source font-{source_font}" lang="{source_lang}">{html.escape(row.source)}</td>{cells}</tr>'
        )
    stats = "".join(
        f"<li><b>{n}</b>{label}</li>"
        for n, label in (
            (total.texts, "texts"),
            (total.opencc_changed, "changed by OpenCC"),
            (total.glossary, "glossary replacements"),
            (total.explicit, "explicit overrides"),
            (total.fallbacks, "shown from a fallback language"),
            (total.names_found, "glossary names rendered as listed"),
            (total.names_missed, "glossary names rendered otherwise"),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{css}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<ul class="counts">{stats}</ul>
<p class="legend"><mark class="glossary">glossary</mark> phrase from content/glossary.yaml &nbsp;
<mark class="explicit">explicit</mark> wording written per variant in the content &nbsp;
<mark class="name">name</mark> a name as the language's glossary renders it &nbsp;
<mark class="fallback">fallback</mark> not translated yet: shown, marked, from another language &nbsp;
other text: OpenCC</p>
<table>
<thead><tr><th>where</th><th>source</th>{head_cells}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
</body>
</html>
"""


def _lang(variant: Variant) -> str:
    return _LANG.get(variant.font, variant.id) if variant.id.startswith("zh") else variant.id
