"""Read one YAML file safely into plain Python values, remembering where each value stood.

PyYAML's SafeLoader composes the node tree (no Python objects, no tags that run code); we then
build the values ourselves so that we can (a) record the line and column of every key and
value for error messages, (b) reject duplicate keys, which YAML silently overwrites, and
(c) stop alias expansion before a "billion laughs" file eats the kiosk's memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kiosk.content.problems import ContentError, Problem

# libyaml's composer is ~10x faster and gives the same nodes and marks; fall back if absent.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"


class _COMPOSER(_SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, resolving plain scalars that cannot be anything but text (most content:
    they start with a Han character) without trying YAML's number, date and boolean patterns on
    each. Those patterns are keyed by first character; any other scalar is resolved as before."""

    _TYPED_STARTS = frozenset(k for k in _SAFE_LOADER.yaml_implicit_resolvers if k is not None)

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in self._TYPED_STARTS \
                and None not in self.yaml_implicit_resolvers and not self.yaml_path_resolvers:
            return _STR_TAG
        return str(super().resolve(kind, value, implicit))

MAX_FILE_BYTES = 10 * 1024 * 1024  # bundled files are ~40 KB; even 100x that is under 10 MB
MAX_NODES = 500_000  # values built per file, counting every alias expansion (100x content: ~80k)

Loc = tuple[str | int, ...]

# The tags plain YAML resolves to; anything else (!!python/..., custom !tags) is refused.
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")
}


@dataclass
class YamlDocument:
    """A file's data plus a map from each value's path to its 1-based (line, column)."""

    display: str
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Where `loc` stands; for a missing path, the nearest existing parent."""
        table = self.key_positions if key else self.positions
        if key and loc in table:
            return table[loc]
        while loc not in self.positions and loc:
            loc = loc[:-1]
        return self.positions.get(loc, (1, 1))


def _problem(display: str, line: int, col: int, message: str) -> ContentError:
    return ContentError(Problem(display, line, col, message))


def _decode(raw: bytes, display: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _problem(
            display, line, col, "the file is not UTF-8 text; save it as UTF-8 (your editor's 'Save with encoding')"
        ) from None


def _check_tabs(text: str, display: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise _problem(display, number, indent.index("\t") + 1, "indent with spaces, not tabs")


class _Builder:
    _scalar_constructor = yaml.SafeLoader(stream="")

    def __init__(self, display: str) -> None:
        self.display = display
        self.nodes = 0
        self.doc = YamlDocument(display, None)
        self._building: set[int] = set()  # nodes being built: an alias back to one is a cycle

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _problem(
                self.display,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"the file expands to more than {MAX_NODES:,} values (too many aliases); write the content out plainly",
            )
        self.doc.positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _PLAIN_TAGS:
            raise _problem(
                self.display,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"the tag {node.tag} is not allowed in content; remove it",
            )
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if id(node) in self._building:
            raise _problem(
                self.display,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                "an alias refers to the value that contains it (a loop); write the content out plainly",
            )
        self._building.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        finally:
            self._building.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _problem(
                    self.display,
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    "merge keys (<<) are not supported in content; write the fields out",
                )
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key is None or isinstance(key, list | dict):
                raise _problem(self.display, line, col, "a key must be a plain word or text")
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                first = self.doc.key_positions[(*loc, key)]
                raise _problem(
                    self.display, line, col, f"duplicate key '{key}' (first given at line {first[0]}); keep only one"
                )
            self.doc.key_positions[(*loc, key)] = (line, col)
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        # Text and dates are the node's own string (dates stay text: the content model parses
        # YYYY, YYYY-MM and YYYY-MM-DD itself); the constructor is only asked for the rest.
        if node.tag in (_STR_TAG, "tag:yaml.org,2002:timestamp"):
            return node.value
        if node.tag == "tag:yaml.org,2002:binary":
            raise _problem(
                self.display, node.start_mark.line + 1, node.start_mark.column + 1, "binary values are not content"
            )
        # The tag's own constructor, called directly: construct_object would keep every node it
        # ever saw in the shared constructor's cache (a reload's worth of memory, each reload).
        constructors: dict[str | None, Callable[[Any, yaml.Node], Any]] = type(self._scalar_constructor).yaml_constructors
        construct = constructors.get(node.tag, constructors[None])
        try:
            return construct(self._scalar_constructor, node)
        except yaml.YAMLError:
            raise _problem(
                self.display,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"'{node.value}' is not a value content can hold",
            ) from None


def read_yaml(path: Path, display: str) -> YamlDocument:
    """Parse `path`; raise ContentError with a located, plain message on any problem."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _problem(display, 1, 1, f"the file is {size / 1e6:.1f} MB; content files must stay under {MAX_FILE_BYTES // 2**20} MB")
    text = _decode(path.read_bytes(), display)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _problem(display, line, 1, "the file contains a NUL byte; it is not a text file")
    _check_tabs(text, display)
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "not valid YAML"
        raise _problem(display, line, col, f"YAML syntax: {what}; check the indentation and punctuation here") from None
    except yaml.YAMLError as exc:  # pragma: no cover - composer errors are all marked
        raise _problem(display, 1, 1, f"YAML syntax: {exc}") from None
    builder = _Builder(display)
    builder.doc.data = {} if node is None else builder.build(node, ())
    return builder.doc
