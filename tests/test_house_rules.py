"""House rules: design tokens live in theme.py and nowhere else; the layers hold (import-linter's
contracts in pyproject.toml) and no module imports itself round a circle."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "kiosk" / "ui"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
ALLOWED_NUMBERS = {1000}  # milliseconds per second
SMALL = 2  # 0, 1 and 2 are arithmetic (halves, doubling, indices), not sizes


def ui_modules() -> list[Path]:
    return [p for p in sorted(UI.rglob("*.py")) if p.name != "theme.py"]


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


def test_the_layer_contracts_hold() -> None:
    """content < script, formatting < ui < runtime < tools < cli; the core imports no Qt."""
    # In its own process: import-linter reconfigures logging (dictConfig) in the process it runs in.
    command = [str(Path(sys.executable).parent / "lint-imports"), "--config", str(UI.parent.parent / "pyproject.toml"),
               "--no-cache"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def screen_packages() -> set[str]:
    """The package of each screen in the table of screens, and the admin panel's."""
    from kiosk.screens import Screen

    return {s.view_path.partition(":")[0].rpartition(".")[0] for s in Screen} | {"kiosk.ui.admin"}


def test_no_screen_imports_another_or_the_window() -> None:
    """What screens share lives in kiosk.ui.widgets; a screen is given navigate(), never the
    window. Derived from the table of screens, so a new screen is held to it without a word here."""
    import grimp

    graph = grimp.build_graph("kiosk")
    packages = sorted(screen_packages())
    assert len(packages) >= 5
    crossings = [(a, b) for a in packages for b in packages
                 if a != b and graph.find_shortest_chains(a, b)]
    assert crossings == []
    reaching_up = [(a, b) for a in [*packages, "kiosk.ui.widgets"] for b in ("kiosk.ui.window", "kiosk.ui.app")
                   if graph.find_shortest_chains(a, b)]
    assert reaching_up == []


def test_no_import_circles() -> None:
    import grimp

    graph = grimp.build_graph("kiosk")
    circles = _strongly_connected(graph.modules, graph.find_modules_directly_imported_by)
    assert [sorted(c) for c in circles if len(c) > 1] == []


def _strongly_connected(nodes, edges):  # noqa: ANN001, ANN202 - Tarjan's algorithm over module names
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges(node):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            found.append(component)

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return found
