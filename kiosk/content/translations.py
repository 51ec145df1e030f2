"""Written variants: English, German ... translated by people, one folder per language.

content/translations/<variant>/ holds one file per content file, mirroring it: items keyed by
their ids (a home tile by its screen), lists without ids (a company's facts, an item's media)
in the same order, and only the text fields. Each translated text joins its field as one more
entry of the per-variant mapping ({zh-Hans: ..., en: ...}), so every view reads it through the
one text road (ScriptEngine.text) and nothing downstream knows where it came from.

A text a written variant lacks is a located problem at the Chinese text it should translate: an
error where the exhibition declares the variant complete, a warning where it relies on the
fallback chain (shown to visitors with a marker).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.content.glyphs import glyph_problems
from kiosk.content.messages import problems_from
from kiosk.content.model import (
    FILE_MODELS,
    Exhibition,
    ExhibitionSettings,
    HomeTile,
    LanguageGlossary,
    is_text_annotation,
)
from kiosk.content.problems import ContentError, Problem
from kiosk.content.units import split_unit
from kiosk.content.walk import file_parts, iter_texts
from kiosk.content.yamlsource import Loc, YamlDocument, read_yaml

FOLDER = "translations"
GLOSSARY = "glossary.yaml"
# The content files a translation folder mirrors (the Chinese glossary has no translation: a
# language's own glossary.yaml holds its names and units instead).
MIRRORED = tuple(name for name in FILE_MODELS if name != GLOSSARY)
UNIT_FIELD = "unit"  # named per language in the glossary's units, not per text


def document_name(variant: str, file: str) -> str:
    """The key a translation file's document has among the loader's documents."""
    return f"{FOLDER}/{variant}/{file}"


class _Overlay:
    """Lays one translation file's texts over its content file's model."""

    def __init__(self, variant: str, script: str, doc: YamlDocument, problems: list[Problem]) -> None:
        self.variant = variant
        self.script = script
        self.doc = doc
        self.problems = problems

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> None:
        line, col = self.doc.position(loc, key=key)
        self.problems.append(Problem(self.doc.display, line, col, message))

    def model(self, model: BaseModel, data: Any, loc: Loc) -> BaseModel:
        if not isinstance(data, dict):
            self.problem(loc, "expected the item's texts as key: value lines")
            return model
        fields = {info.alias or name: (name, info) for name, info in type(model).model_fields.items()}
        updates: dict[str, Any] = {}
        for key, value in data.items():
            at = (*loc, key)
            if key == "$schema" and not loc:
                continue
            if key not in fields:
                texts = ", ".join(k for k, (name, info) in fields.items()
                                  if is_text_annotation(info.annotation) or _holds_models(getattr(model, name)))
                self.problem(at, f"'{key}' is not a field here (its texts: {texts or 'none'})", key=True)
                continue
            name, info = fields[key]
            current = getattr(model, name)
            if is_text_annotation(info.annotation):
                translated = self.text(current, value, at, key)
                if translated is not None:
                    updates[name] = translated
            elif isinstance(current, BaseModel):
                updates[name] = self.model(current, value, at)
            elif _holds_models(current):
                updates[name] = self.items(current, value, at)
            elif current is None or current == ():
                self.problem(at, f"the content file has no {key} here to translate", key=True)
            else:
                self.problem(at, f"'{key}' is not text: a translation gives only texts (numbers, ids and dates "
                             "come from the content file)", key=True)
        return model.model_copy(update=updates) if updates else model

    def text(self, current: str | dict[str, str] | None, value: Any, at: Loc, key: str) -> dict[str, str] | None:
        if current is None:
            self.problem(at, f"the content file has no {key} here to translate", key=True)
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(at, "expected the translated text")
            return None
        for message in glyph_problems(value):
            self.problem(at, message)
        written = dict(current) if isinstance(current, dict) else {self.script: current}
        if self.variant in written:
            self.problem(at, f"this text is also given as {self.variant} in the content file; keep one of the two")
            return None
        written[self.variant] = value
        return written

    def items(self, current: tuple[BaseModel, ...], value: Any, at: Loc) -> tuple[BaseModel, ...]:
        key_field = "id" if "id" in type(current[0]).model_fields else "screen" if isinstance(current[0], HomeTile) else None
        items = list(current)
        if key_field is None:
            if not isinstance(value, list):
                self.problem(at, "expected a list in the same order as in the content file")
                return current
            for index, entry in enumerate(value):
                if index >= len(items):
                    self.problem((*at, index), f"the content file has only {len(items)} item(s) here")
                    break
                items[index] = self.model(items[index], entry, (*at, index))
            return tuple(items)
        if not isinstance(value, dict):
            self.problem(at, f"expected the items keyed by their {key_field}")
            return current
        positions = {getattr(item, key_field): i for i, item in enumerate(items)}
        for item_key, entry in value.items():
            if item_key not in positions:
                guess = difflib.get_close_matches(str(item_key), list(positions), n=1, cutoff=0.6)
                hint = f" (did you mean '{guess[0]}'?)" if guess else ""
                self.problem((*at, item_key), f"no item with {key_field} '{item_key}' in the content file{hint}",
                             key=True)
                continue
            index = positions[item_key]
            items[index] = self.model(items[index], entry, (*at, item_key))
        return tuple(items)


def _holds_models(value: Any) -> bool:
    return isinstance(value, BaseModel) or (isinstance(value, tuple) and bool(value) and isinstance(value[0], BaseModel))


def _read(path: Path, display: str, problems: list[Problem]) -> YamlDocument | None:
    try:
        return read_yaml(path, display)
    except ContentError as exc:
        problems.append(exc.problem)
        return None


def apply_translations(content_dir: Path, settings: ExhibitionSettings, parts: dict[str, BaseModel],
                       documents: dict[str, YamlDocument],
                       display: Any = str) -> tuple[dict[str, LanguageGlossary], list[Problem]]:
    """Lay every written variant's texts over `parts` (in place); return each written language's
    glossary and the problems found in the translation files."""
    problems: list[Problem] = []
    languages: dict[str, LanguageGlossary] = {}
    for variant in settings.variants:
        if not variant.written:
            continue
        folder = content_dir / FOLDER / variant.id
        if folder.is_dir():
            for extra in sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")):
                if extra.name not in (*MIRRORED, GLOSSARY):
                    problems.append(Problem(display(extra), 1, 1, "not a translation file: a translation folder "
                                            f"mirrors the content files ({', '.join((*MIRRORED, GLOSSARY))})"))
        glossary = folder / GLOSSARY
        languages[variant.id] = LanguageGlossary()
        if glossary.is_file() and (doc := _read(glossary, display(glossary), problems)):
            documents[document_name(variant.id, GLOSSARY)] = doc
            try:
                data = doc.data if isinstance(doc.data, dict) else {}
                languages[variant.id] = LanguageGlossary.model_validate(
                    {k: v for k, v in data.items() if k != "$schema"})
            except ValidationError as exc:
                problems += problems_from(exc, LanguageGlossary, doc)
        for file in MIRRORED:
            path = folder / file
            if not path.is_file() or file not in parts:
                continue
            doc = _read(path, display(path), problems)
            if doc is None:
                continue
            documents[document_name(variant.id, file)] = doc
            overlay = _Overlay(variant.id, settings.script, doc, problems)
            parts[file] = overlay.model(parts[file], doc.data if doc.data is not None else {}, ())
    return languages, problems


def missing_texts(ex: Exhibition, documents: dict[str, YamlDocument]) -> Iterator[tuple[str, Problem]]:
    """(variant, problem) for every text a written variant lacks, located at the text to translate;
    a unit is not translated text by text but named once in the language's glossary."""
    written = [v for v in ex.settings.variants if v.written]
    for file, part, prefix in file_parts(ex):
        if file == GLOSSARY:
            continue
        doc = documents[file]
        for loc, value in iter_texts(part, prefix):
            for variant in written:
                where = doc.position(loc)
                if loc[-1] == UNIT_FIELD:
                    base = split_unit(value if isinstance(value, str) else value.get(ex.settings.script, ""))[1]
                    glossary = ex.languages.get(variant.id)
                    if base and base != "%" and (glossary is None or base not in glossary.units):
                        yield variant.id, Problem(doc.display, *where, f"no {variant.label} ({variant.id}) word for "
                                                  f"the unit '{base}' in {document_name(variant.id, GLOSSARY)} units")
                elif isinstance(value, str) or variant.id not in value:
                    yield variant.id, Problem(doc.display, *where, f"no {variant.label} ({variant.id}) translation "
                                              f"of {loc[-1]} in {document_name(variant.id, file)}")
