"""Small statistics for timings: median and p95 of a list of samples (no numpy)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(samples: Sequence[float], digits: int = 2) -> dict[str, float | int]:
    """median, p95, max and count of some timings, rounded for reading."""
    if not samples:
        return {"median": math.nan, "p95": math.nan, "max": math.nan, "n": 0}
    return {
        "median": round(statistics.median(samples), digits),
        "p95": round(percentile(samples, 95), digits),
        "max": round(max(samples), digits),
        "n": len(samples),
    }
