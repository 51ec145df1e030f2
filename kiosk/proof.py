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
from kiosk.content.walk import Loc, file_parts, iter_texts
from kiosk.script import ScriptEngine, Segment, SegmentKind


@dataclass(frozen=True)
class VariantProof:
    """One text in one variant, split into the pieces that made it."""

    text: str
    segments: tuple[Segment, ...]

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
        return {
            "explicit": self.explicit,
            "glossary": [{"phrase": s.source, "as": s.text} for s in self.glossary],
            "opencc": self.opencc_changed,
        }


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

    def __str__(self) -> str:
        return (
            f"{self.texts} texts, {self.opencc_changed} changed by OpenCC, "
            f"{self.glossary} glossary replacements, {self.explicit} explicit overrides"
        )


def field_path(loc: Loc) -> str:
    """('companies', 3, 'summary') -> 'companies[3].summary', as a curator reads it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _variant_proof(value: str | Mapping[str, str], variant_id: str, engine: ScriptEngine) -> VariantProof:
    # Mirrors ScriptEngine.text so the sheet shows exactly what the kiosk will show.
    if isinstance(value, Mapping) and variant_id in value:
        text = value[variant_id]
        kind: SegmentKind = "same" if variant_id == engine.script else "explicit"
        return VariantProof(text, (Segment(text, text, kind),))
    segments = tuple(engine.segments(engine.written(value), variant_id))
    return VariantProof("".join(s.text for s in segments), segments)


def proof_rows(result: LoadResult, engine: ScriptEngine) -> list[ProofRow]:
    """One row per text field of a validated content, in file order."""
    if result.exhibition is None:
        raise ValueError("the content did not validate; fix its problems before making a proof")
    rows: list[ProofRow] = []
    for file, part, prefix in file_parts(result.exhibition):
        for loc, value in iter_texts(part, prefix):
            display, line, col = result.where(file, loc)
            variants = {v.id: _variant_proof(value, v.id, engine) for v in engine.variants}
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
tr.changed td.source { border-left: 3px solid #b5121b; }
"""


def _font_css(font: str) -> str:
    return f'"Noto Sans CJK {font}", "Noto Sans {font}", "Source Han Sans {font}", sans-serif'


def _cell(proof: VariantProof) -> str:
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
