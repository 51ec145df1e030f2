"""Turn pydantic's validation errors into sentences a curator understands, with a location.

Pydantic speaks of `string_type` and `extra_forbidden` and puts union member names such as
`function-plain[parse()]` into its paths; a curator needs "expected text here, got a list"
at the line and column of the value, and "unknown key 'secotr' (did you mean 'sector'?)".
"""

from __future__ import annotations

import difflib
import types
import typing
from collections import defaultdict
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from kiosk.content.model import COLOR_PATTERN, ID_PATTERN, VARIANT_PATTERN, is_text_annotation
from kiosk.content.problems import Problem
from kiosk.content.yamlsource import Loc, YamlDocument


def _describe_input(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:27] + "..."
        return f"the text '{short}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    return type(value).__name__


def _clean_loc(data: Any, loc: tuple[Any, ...], kind: str) -> Loc:
    """Drop pydantic's union-member tags from `loc`, keeping the path through the data."""
    clean: list[str | int] = []
    current = data
    for position, step in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(current, dict) and step in current:
            clean.append(step)
            current = current[step]
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            clean.append(step)
            current = current[step]
        elif last and kind == "missing":
            clean.append(step)  # a missing field: not in the data, but it is what the message names
        # anything else is a union member tag such as 'str' or 'function-plain[parse()]'
    return tuple(clean)


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation allows (Annotated, Optional and unions opened up)."""
    if get_origin(annotation) is Annotated:
        return _unwrap(get_args(annotation)[0])
    if get_origin(annotation) in (typing.Union, types.UnionType):
        return [t for arg in get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class whose fields live at `loc` below `root`, if there is one."""
    candidates: list[Any] = [root]
    for step in loc:
        following: list[Any] = []
        for cls in candidates:
            origin = get_origin(cls)
            if isinstance(cls, type) and issubclass(cls, BaseModel) and isinstance(step, str):
                field = cls.model_fields.get(step) or next(
                    (f for f in cls.model_fields.values() if f.alias == step), None
                )
                if field is not None:
                    following += _unwrap(field.annotation)
            elif origin in (tuple, list) and isinstance(step, int):
                following += _unwrap(get_args(cls)[0])
            elif origin is dict:
                following += _unwrap(get_args(cls)[1])
        candidates = following
    return next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)


def _field_names(cls: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in cls.model_fields.items()]


_PATTERN_WORDS = {
    ID_PATTERN: "expected an id in kebab-case: lowercase letters, digits and hyphens (e.g. bmw-brilliance)",
    COLOR_PATTERN: "expected a colour written #RRGGBB (e.g. #1E6FB8)",
    VARIANT_PATTERN: "expected a variant tag such as zh-Hans or zh-Hant",
}


def _sentence(error: dict[str, Any], root: type[BaseModel], loc: Loc) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    got = _describe_input(error.get("input"))
    name = loc[-1] if loc else "file"
    if kind == "missing":
        return f"'{name}' is required here but missing"
    if kind == "extra_forbidden":
        cls = model_at(root, loc[:-1])
        known = _field_names(cls) if cls else []
        guess = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        return f"unknown key '{name}'{hint}; expected one of: {', '.join(known)}"
    if kind in ("string_type", "str_type"):
        return f"expected text here, got {got}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {got}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {got}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {got}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of fields (key: value lines), got {got}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list (lines starting with '- '), got {got}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, got {got}"
    if kind == "string_pattern_mismatch":
        return f"{_PATTERN_WORDS.get(ctx.get('pattern', ''), 'the text has the wrong form')}, got {got}"
    if kind == "string_too_short":
        return "this text must not be empty"
    if kind == "string_too_long":
        return f"this text is too long (at most {ctx.get('max_length')} characters)"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"greater_than_equal": "at least", "greater_than": "more than", "less_than_equal": "at most", "less_than": "less than"}
        limit = next(iter(ctx.values()), "")
        return f"must be {words[kind]} {limit}, got {got}"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    return f"{error['msg']} (got {got})"


def _is_text_field(root: type[BaseModel], loc: Loc) -> bool:
    if not loc or not isinstance(loc[-1], str):
        return False
    cls = model_at(root, loc[:-1])
    if cls is None:
        return False
    field = cls.model_fields.get(loc[-1])
    return field is not None and is_text_annotation(field.annotation)


def problems_from(exc: ValidationError, root: type[BaseModel], doc: YamlDocument) -> list[Problem]:
    """One located problem per wrong value; alternatives of a union are merged into one."""
    grouped: dict[Loc, list[dict[str, Any]]] = defaultdict(list)
    for error in exc.errors(include_url=False):
        grouped[_clean_loc(doc.data, error["loc"], error["type"])].append(dict(error))
    # A list whose items failed is also reported "too short" (its valid items are none): noise.
    for loc in [loc for loc, errs in grouped.items() if all(e["type"] == "too_short" for e in errs)]:
        if any(other[: len(loc)] == loc and other != loc for other in grouped):
            del grouped[loc]
    problems = []
    for loc, errors in grouped.items():
        if _is_text_field(root, loc) and all(e["type"] != "missing" for e in errors):
            got = _describe_input(errors[0].get("input"))
            message = f"expected text, or a mapping per variant such as {{zh-Hans: ..., zh-Hant: ...}}, got {got}"
            if isinstance(errors[0].get("input"), dict):
                message = "; ".join(dict.fromkeys(_sentence(e, root, loc) for e in errors if "dict" in str(e["loc"])))
        else:
            message = " or ".join(dict.fromkeys(_sentence(e, root, loc) for e in errors))
        is_key = errors[0]["type"] == "extra_forbidden"
        line, col = doc.position(loc, key=is_key)
        problems.append(Problem(doc.display, line, col, message))
    return problems
