"""The content model: YAML in content/ -> an immutable, validated Exhibition.

Nothing below this package may import Qt (tests/test_core_without_qt.py enforces it), so the
validator runs on a curator's laptop, in CI and inside the kiosk alike.
"""

from kiosk.content.load import LoadResult, load_content
from kiosk.content.model import Exhibition
from kiosk.content.problems import Problem

__all__ = ["Exhibition", "LoadResult", "Problem", "load_content"]
