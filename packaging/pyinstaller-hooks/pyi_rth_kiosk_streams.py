"""Give the windowed Windows executable (kioskw.exe) somewhere to write.

Built without a console, it starts with sys.stdout and sys.stderr set to None, so any
print-like write (a content problem reported by `kiosk run`, a warning) would raise. The
kiosk's own log file still records everything that matters.
"""


def _pyi_rthook() -> None:
    import os
    import sys

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # open for the life of the process


_pyi_rthook()
del _pyi_rthook
