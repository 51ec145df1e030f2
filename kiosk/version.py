"""Which build of the kiosk this is: version and git commit, for `kiosk --version`, logs and bug reports.

The packaged build carries `_build_info.json` beside this module, written by
`packaging/build.py` (an exhibition PC has neither git nor the repository). Run from a
source checkout, the version is `kiosk.__version__` and the commit is asked of git, once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk import __version__

BUILD_INFO_FILE = "_build_info.json"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str
    built: str | None = None  # UTC time of the packaged build; None when run from source

    def __str__(self) -> str:
        return f"kiosk {self.version} ({self.commit})"


def git_commit(repo: Path) -> str:
    """`git rev-parse --short HEAD` in `repo`, or "unknown" when that is not a repository or git is missing."""
    import subprocess  # only a source checkout asks git; the packaged build never does

    try:
        done = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else UNKNOWN


def read_build_info(path: Path) -> BuildInfo | None:
    """The packaged build's record, or None when there is none (a source checkout) or it is unreadable."""
    import json

    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        return None
    return BuildInfo(str(data["version"]), str(data.get("commit") or UNKNOWN), data.get("built"))


@lru_cache(maxsize=1)
def build_info() -> BuildInfo:
    here = Path(__file__).resolve().parent
    packaged = read_build_info(here / BUILD_INFO_FILE)
    if packaged is not None:
        return packaged
    if getattr(sys, "frozen", False):  # a frozen build without its record: say so rather than guess
        return BuildInfo(__version__, UNKNOWN)
    return BuildInfo(__version__, git_commit(here.parent))


def version_text() -> str:
    """`kiosk 0.1.0 (abc1234)`."""
    return str(build_info())


class VersionAction(argparse.Action):
    """`--version` that asks git only when it is used, not on every start of the kiosk."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the version and git commit, then exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        sys.stdout.write(version_text() + "\n")
        parser.exit()
