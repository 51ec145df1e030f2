"""PySide6's import hook, kept from reading every module's source.

PySide6 replaces Python's import with its own. After each module imported once PySide6 is
loaded, it reads that module's whole source (inspect.getsource) to see whether it names PySide6,
for the opt-in `from __feature__ import snake_case` syntax; linecache then keeps every line for
the life of the process. In a running kiosk that was 262 files (pydantic, babel, yaml,
pypinyin ...) and 11.7 MiB of resident memory, read at start. The kiosk uses no __feature__
syntax, so every module is answered "does not use PySide6" without a line read: PySide6 then
leaves the Qt lookups made from it alone. (Answered "uses PySide6, no feature", as PySide6 had
answered for the kiosk's own modules, every Qt call from every module paid for the feature
check: a profile opened 3 ms slower at the median.) napari/napari#8584 found the same hook
costing start-up time. A process that runs the kiosk calls `spare_source_reads` before
importing the rest.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - installs the hook quieted here


def spare_source_reads() -> bool:
    """Quiet PySide6's hook; False where this PySide6 has none to quiet."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # noqa: SLF001 - the hook's one question
    return True


def _uses_pyside(_module: object) -> bool:
    return False
