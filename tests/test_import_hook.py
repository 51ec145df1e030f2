"""PySide6's import hook reads no module's source once quieted (kiosk.ui.import_hook).

Each case runs in a fresh interpreter: the hook acts on modules imported after PySide6 is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import linecache, sys
{first}
sys.path.insert(0, {folder!r})
import imported_later  # an import statement: the hook replaces __import__
print({source!r} in linecache.cache)
"""


def _kept_in_linecache(tmp_path: Path, first: str) -> bool:
    source = tmp_path / "imported_later.py"
    source.write_text('"""A module imported after PySide6."""\nVALUE = 1\n', encoding="utf-8")
    code = PROBE.format(first=first, folder=str(tmp_path), source=str(source))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[1], check=True)
    return done.stdout.strip().splitlines()[-1] == "True"


@pytest.mark.parametrize(("first", "kept"), [
    ("import PySide6.QtCore", True),
    ("from kiosk.ui.import_hook import spare_source_reads; spare_source_reads()", False),
])
def test_a_quieted_hook_reads_no_later_module(tmp_path: Path, first: str, kept: bool) -> None:
    """As shipped, the hook reads each later module's whole source, and linecache keeps it all
    day (11.7 MiB in a running kiosk); quieted, it reads nothing."""
    assert _kept_in_linecache(tmp_path, first) is kept
