"""`kiosk config`: read and change this machine's settings from a terminal or an install script.

It lives here rather than in cli.py because it has six sub-verbs; cli.py only registers it.
Values are parsed and checked by `MachineSettings`, so the command accepts exactly what the
kiosk will, and says why when it does not (exit code 2). The PIN is read without echo and
only its salted hash is written.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path, PureWindowsPath

from kiosk.runtime import machine
from kiosk.runtime.pin import hash_pin, pin_problem
from kiosk.runtime.settings import (
    SECRET_SETTINGS,
    SettingError,
    check_key,
    describe_settings,
    format_value,
    read_settings,
    save_settings,
    settings_path,
    with_value,
    without_value,
)

USAGE_ERROR = 2


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(f"kiosk config: {text}\n")


def _show(_args: argparse.Namespace) -> int:
    path = settings_path()
    loaded = read_settings(path)
    state = "" if path.is_file() else " (not created yet: every setting has its default)"
    _out(f"Settings file: {path}{state}")
    for problem in loaded.problems:
        _out(f"problem: {problem}")
    for info in describe_settings():
        value = format_value(info.key, getattr(loaded.settings, info.key))
        mark = "" if value == info.default else "   (changed)"
        _out("")
        _out(f"{info.key} = {value}{mark}")
        _out(f"    default: {info.default}; allowed: {info.allowed}")
        _out(f"    {info.description}")
    return 0


def _get(args: argparse.Namespace) -> int:
    try:
        check_key(args.key)
    except SettingError as exc:
        _err(str(exc))
        return USAGE_ERROR
    _out(format_value(args.key, getattr(read_settings().settings, args.key)))
    return 0


def _change(key: str, value: object, *, unset: bool = False) -> int:
    """Apply one change to the file; refuses to overwrite a file it could not read."""
    path = settings_path()
    loaded = read_settings(path)
    if not loaded.whole_file:
        for problem in loaded.problems:
            _err(problem)
        _err(f"not changed: fix or delete {path} first, or every setting in it would be lost")
        return 1
    try:
        settings = without_value(loaded.settings, key) if unset else with_value(loaded.settings, key, value)
    except SettingError as exc:
        _err(str(exc))
        return USAGE_ERROR
    for problem in loaded.problems:
        _err(f"dropped from the file: {problem}")
    save_settings(settings, path)
    return 0


def _set(args: argparse.Namespace) -> int:
    if args.key in SECRET_SETTINGS:
        _err(f"set '{args.key}' with `kiosk config set-pin`, which stores only the PIN's hash")
        return USAGE_ERROR
    code = _change(args.key, args.value)
    if code == 0:
        _out(f"{args.key} = {format_value(args.key, getattr(read_settings().settings, args.key))}")
    return code


def _unset(args: argparse.Namespace) -> int:
    code = _change(args.key, None, unset=True)
    if code == 0:
        _out(f"{args.key} is back to its default")
    return code


def _read_pin(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass("New admin PIN (4-8 digits): ")
    if pin_problem(first):
        return first  # say what is wrong before asking again
    if getpass.getpass("The same PIN again: ") != first:
        _err("the two PINs differ; nothing changed")
        return None
    return first


def _set_pin(args: argparse.Namespace) -> int:
    pin = _read_pin(args.pin_stdin)
    if pin is None:
        return USAGE_ERROR
    problem = pin_problem(pin)
    if problem:
        _err(f"{problem}; nothing changed")
        return USAGE_ERROR
    code = _change("pin_hash", hash_pin(pin))
    if code == 0:
        _out("Admin PIN set: hold the admin corner on the screen and type it to open the admin panel.")
    return code


def _docs(_args: argparse.Namespace) -> int:
    """A Markdown table for the installer's guide, generated from the model so it cannot drift."""
    linux = machine.config_dir(env={}, platform="linux", home=Path("~"))
    windows = PureWindowsPath(str(machine.config_dir(env={}, platform="win32")))
    mac = machine.config_dir(env={}, platform="darwin", home=Path("~"))
    _out("## Settings of each kiosk PC")
    _out("")
    _out(f"Each PC keeps its own `{settings_path().name}`, apart from the exhibition content:")
    _out(f"`{windows}` on Windows, `{linux}` on Linux, `{mac}` on macOS")
    _out(f"(or the folder named by `{machine.CONFIG_ENV}`). Change a setting with")
    _out("`kiosk config set KEY VALUE`, put one back with `kiosk config unset KEY`, and set the")
    _out("admin PIN with `kiosk config set-pin`. Without a PIN the admin panel cannot be opened")
    _out("from the screen.")
    _out("")
    _out("| Setting | Default | Allowed values | What it does |")
    _out("|---|---|---|---|")
    for info in describe_settings():
        cells = [f"`{info.key}`", info.default, info.allowed, info.description]
        _out("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return 0


def _path(_args: argparse.Namespace) -> int:
    _out(str(settings_path()))
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    actions = {"get": _get, "set": _set, "unset": _unset, "set-pin": _set_pin, "docs": _docs, "path": _path}
    return actions.get(args.action or "", _show)(args)
