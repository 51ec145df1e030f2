"""Walk a validated model and find its text fields and media references, with their paths.

The proof sheet, the reference checker and the script engine's warm-up all need "every text
in the content and where it came from"; this is the one place that knows how to find them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from kiosk.content.model import Exhibition, MapLayer, MediaItem, is_source_field, is_text_annotation

Loc = tuple[str | int, ...]


def file_parts(ex: Exhibition) -> Iterable[tuple[str, BaseModel, Loc]]:
    """Each content file's part of the model, with the path prefix its values have in that file.

    Walking these parts (rather than the Exhibition itself) gives paths that point into the
    curator's file, so a message or proof row can say file:line:col.
    """
    yield "exhibition.yaml", ex.settings, ()
    yield "timeline.yaml", ex.timeline, ()
    yield "glossary.yaml", ex.glossary, ()
    for file, key, items in (
        ("sectors.yaml", "sectors", ex.sectors),
        ("companies.yaml", "companies", ex.companies),
        ("maps.yaml", "layers", ex.layers),
        ("figures.yaml", "figures", ex.figures),
        ("figures.yaml", "comparisons", ex.comparisons),
        ("figures.yaml", "charts", ex.charts),
    ):
        for index, item in enumerate(items):
            yield file, item, (key, index)


@cache
def _fields(model_class: type[BaseModel]) -> tuple[tuple[str, str, bool], ...]:
    """(attribute, key in the file, is a text field) for each field of a model class: worked
    out once per class, not once per item (a large exhibition has thousands of items)."""
    return tuple((name, info.alias or name, is_text_annotation(info.annotation))
                 for name, info in model_class.model_fields.items())


@cache
def _source_fields(model_class: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name, info in model_class.model_fields.items() if is_source_field(info))


def iter_sources(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Yield (path, source id) for every source a model and the models inside it cite."""
    for name in _source_fields(type(model)):
        for index, source_id in enumerate(getattr(model, name) or ()):
            yield (*loc, name, index), source_id
    for child, child_loc in _children(model, loc):
        yield from iter_sources(child, child_loc)


def _children(model: BaseModel, loc: Loc) -> Iterator[tuple[BaseModel, Loc]]:
    """The models directly inside `model` (fields and items of tuple fields), with their paths."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield value, (*loc, name)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield item, (*loc, name, index)


def iter_texts(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str | dict[str, str]]]:
    """Yield (path, value) for every text field set in `model` and the models inside it."""
    for name, key, is_text in _fields(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        if is_text:
            yield (*loc, key), value
        else:
            yield from _iter_nested(value, (*loc, key))


def _iter_nested(value: Any, loc: Loc) -> Iterator[tuple[Loc, str | dict[str, str]]]:
    if isinstance(value, BaseModel):
        yield from iter_texts(value, loc)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _iter_nested(item, (*loc, index))


def iter_media(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, str]]:
    """Yield (path, reference, kind) for every media reference: images, films, their subtitles
    and map outlines."""
    if isinstance(model, MediaItem):
        yield (*loc, "file"), model.file, "film" if model.is_film else "image"
        if model.poster:
            yield (*loc, "poster"), model.poster, "image"
        for variant, subtitles in (model.subtitles or {}).items():
            yield (*loc, "subtitles", variant), subtitles, "subtitles"
    if isinstance(model, MapLayer):
        yield (*loc, "base"), model.base, "geojson"
    for child, child_loc in _children(model, loc):
        yield from iter_media(child, child_loc)
