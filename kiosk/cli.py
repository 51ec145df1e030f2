"""The `kiosk` command: one function per verb. Qt is imported only by the verbs that show things."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk import __version__
from kiosk.paths import default_content_dir

Verb = Callable[[argparse.Namespace], int]


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def cmd_validate(args: argparse.Namespace) -> int:
    from kiosk.content import load_content

    result = load_content(args.content, args.media)
    if result.problems:
        for problem in result.problems:
            _out(str(problem))
        _out(f"\n{len(result.problems)} problem(s) found; the kiosk keeps showing its last good content until they are fixed.")
        return 1
    counts = ", ".join(f"{n} {what}" for what, n in result.summary().items())
    _out(f"{args.content}: OK: {counts}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from kiosk.content.schema import SCHEMA_DIR_NAME, write_schemas

    out = args.out or Path(args.content) / SCHEMA_DIR_NAME
    for path in write_schemas(Path(out)):
        _out(f"wrote {path}")
    return 0


def _add_content_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("content", nargs="?", type=Path, default=None, help="content folder (default: the bundled one)")
    parser.add_argument("--media", type=Path, default=None, help="media folder (default: media/ beside content/)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Tiexi / Sino-German park exhibition kiosk")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True)

    validate = verbs.add_parser("validate", help="check content/ and media/; print every problem with file:line:col")
    _add_content_args(validate)
    validate.set_defaults(func=cmd_validate)

    schema = verbs.add_parser("schema", help="write JSON Schemas for editors (VS Code YAML) into content/.schema")
    _add_content_args(schema)
    schema.add_argument("--out", type=Path, default=None, help="folder for the schema files")
    schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(args, "content") and args.content is None:
        args.content = default_content_dir()
    func: Verb = args.func
    return func(args)
