"""House rules that keep the views honest: design tokens live in theme.py and nowhere else."""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "kiosk" / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
ALLOWED_NUMBERS = {1000}  # milliseconds per second
SMALL = 2  # 0, 1 and 2 are arithmetic (halves, doubling, indices), not sizes


def ui_modules() -> list[Path]:
    return [p for p in sorted(UI.glob("*.py")) if p.name != "theme.py"]


def test_no_hex_colours_outside_the_theme() -> None:
    offenders = []
    for path in ui_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and HEX.search(node.value):
                offenders.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert offenders == [], "colours belong in kiosk/ui/theme.py:\n" + "\n".join(offenders)


def named_constants(tree: ast.Module) -> set[int]:
    """ids of the literal nodes given a name at module level (NAME = 8): those are named."""
    named = set()
    for statement in tree.body:
        if isinstance(statement, ast.Assign | ast.AnnAssign):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            if all(isinstance(t, ast.Name) and t.id.isupper() for t in targets) and statement.value is not None:
                named |= {id(n) for n in ast.walk(statement.value)}
    return named


def test_no_bare_numbers_outside_the_theme() -> None:
    offenders = []
    for path in ui_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named = named_constants(tree)
        for node in ast.walk(tree):
            if id(node) in named:
                continue
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, int | float)
                and not isinstance(node.value, bool)
                and abs(node.value) > SMALL
                and node.value not in ALLOWED_NUMBERS
            ):
                offenders.append(f"{path.name}:{node.lineno}: {node.value}")
    assert offenders == [], "sizes and timings belong in kiosk/ui/theme.py (or a named constant):\n" + "\n".join(offenders)
