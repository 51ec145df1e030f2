"""Resident memory of this process, in MiB, without psutil."""

from __future__ import annotations

import sys
from pathlib import Path

STATUS = Path("/proc/self/status")


def rss_mib(*, peak: bool = False) -> float:
    """VmRSS (or VmHWM, the peak, with peak=True) from /proc on Linux; elsewhere the peak from
    getrusage (the only figure it has); 0.0 where neither exists (Windows without psutil)."""
    field = "VmHWM:" if peak else "VmRSS:"
    try:
        for line in STATUS.read_text().splitlines():
            if line.startswith(field):
                return round(int(line.split()[1]) / 1024, 1)  # kB
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return 0.0
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)  # bytes on macOS, kB elsewhere
