"""Where this machine keeps its own settings and logs, apart from the curators' content.

Content travels between machines (USB stick, git); the screen index, the admin PIN and the
logs belong to one PC and must survive a content update, so they live in per-machine folders.
KIOSK_CONFIG_DIR and KIOSK_DATA_DIR override the platform defaults (tests, portable installs).
Every function takes the environment, platform and home folder as arguments so tests can ask
"where would this go on Windows?" from Linux; none creates a folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "tiexi-kiosk"  # Linux: lower-case folder names under the XDG base dirs
APP_NAME_TITLE = "TiexiKiosk"  # Windows and macOS: the usual title-case folder name
CONFIG_ENV = "KIOSK_CONFIG_DIR"
DATA_ENV = "KIOSK_DATA_DIR"


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def _xdg(env: Mapping[str, str], name: str, fallback: Path) -> Path:
    # The XDG spec says a relative value is invalid and must be ignored.
    value = env.get(name, "")
    return Path(value) if value and Path(value).is_absolute() else fallback


def _windows_base(env: Mapping[str, str]) -> Path:
    # %PROGRAMDATA% (C:\ProgramData) is shared by all users: the kiosk account and the
    # technician's account see the same PIN and logs.
    return Path(env.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME_TITLE


def config_dir(
    env: Mapping[str, str] | None = None, platform: str | None = None, home: Path | None = None
) -> Path:
    """The folder holding settings.yaml for this machine."""
    env = _env(env)
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV]).expanduser()
    platform = platform or sys.platform
    home = home or Path.home()
    if platform.startswith("win"):
        return _windows_base(env) / "config"
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME_TITLE
    return _xdg(env, "XDG_CONFIG_HOME", home / ".config") / APP_NAME


def data_dir(
    env: Mapping[str, str] | None = None, platform: str | None = None, home: Path | None = None
) -> Path:
    """The folder for what the kiosk writes while it runs (logs/ below it)."""
    env = _env(env)
    if env.get(DATA_ENV):
        return Path(env[DATA_ENV]).expanduser()
    platform = platform or sys.platform
    home = home or Path.home()
    if platform.startswith("win"):
        return _windows_base(env)
    if platform == "darwin":
        return home / "Library" / "Application Support" / APP_NAME_TITLE
    return _xdg(env, "XDG_STATE_HOME", home / ".local" / "state") / APP_NAME


def logs_dir(data: Path | None = None) -> Path:
    """Logs go one level below the data folder, so the folder can be zipped and sent as is."""
    return (data if data is not None else data_dir()) / "logs"


def thumbnails_dir(data: Path | None = None) -> Path:
    """Photos as shown, decoded once and kept across restarts (see kiosk.media.service)."""
    return (data if data is not None else data_dir()) / "thumbnails"


SETTINGS_FILE = "settings.yaml"


def settings_file() -> Path:
    """This machine's settings file (it may not exist: every setting then has its default)."""
    return config_dir() / SETTINGS_FILE
