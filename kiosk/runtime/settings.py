"""This machine's settings: one YAML file, each setting declared once below.

Kept apart from content/ because curators replace content wholesale while the screen index
and the admin PIN belong to one PC. The model is the single declaration of every setting:
its default, bounds and description feed validation, `kiosk config` and the installer's
table (`kiosk config docs`). A bad file must never stop the kiosk from starting, so
`load_settings` never raises: a broken setting falls back to its default and comes back as
a located message for the log and the admin panel, while the good settings around it (the
PIN above all) still apply.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.content.messages import problems_from
from kiosk.content.problems import ContentError
from kiosk.content.yamlsource import YamlDocument, read_yaml
from kiosk.runtime.machine import settings_file
from kiosk.runtime.pin import PIN_HASH_PATTERN

_IGNORED = "this setting is ignored until it is fixed"
_ALL_DEFAULTS = "all settings take their defaults until it is fixed"
_HEADER = """\
# Settings of this kiosk PC (not the exhibition content).
# Change them with `kiosk config set KEY VALUE`; `kiosk config` lists every setting.
# Settings left out here take their default.
"""

Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]


class MachineSettings(BaseModel):
    """Every per-machine setting, with its default, bounds and meaning."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True)

    screen: int = Field(
        0,
        ge=0,
        le=15,
        description="Index of the screen to show the kiosk on (0 = primary); a missing screen falls back to the primary.",
    )
    show_cursor: bool = Field(False, description="Show the mouse pointer (touch screens hide it).")
    idle_timeout_s: int | None = Field(
        None,
        ge=10,
        le=3600,
        description="Seconds without a touch before returning home; unset = the content's own value.",
    )
    content_dir: Path | None = Field(
        None, description="Full path of the content folder; unset = the bundled content."
    )
    media_dir: Path | None = Field(
        None, description="Full path of the media folder; unset = media/ beside the content."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Least severe message written to the log."
    )
    pin_hash: str | None = Field(
        None,
        pattern=PIN_HASH_PATTERN,
        description="Salted hash of the admin PIN, set with `kiosk config set-pin`; unset = the admin panel cannot be opened on screen.",
    )
    admin_corner: Corner = Field("top-left", description="Screen corner to hold to ask for the admin PIN.")
    admin_hold_s: float = Field(3.0, ge=1, le=10, description="Seconds the admin corner must be held.")
    keep_awake: bool = Field(
        True, description="Stop the screen saver and display sleep while the kiosk runs."
    )
    film_sound: bool = Field(
        False, description="Films start with their sound on (off by default: a visitor taps the sound button)."
    )
    screen_lower_edge_mm: int | None = Field(
        None, ge=0, le=2500,
        description="Height of the picture's lower edge above the floor, in mm; unset = 500 for a portrait screen, "
                    "680 for a landscape one. `kiosk self-test` checks every control lies 380-1220 mm above the floor.",
    )
    screen_height_mm: int | None = Field(
        None, ge=100, le=3000,
        description="Height of the picture itself, in mm; unset = 1218 for portrait (a 55-inch screen stood upright), "
                    "535 for landscape (a 43-inch screen).",
    )

    @field_validator("content_dir", "media_dir")
    @classmethod
    def _full_path(cls, value: Path | None) -> Path | None:
        # A relative path would depend on the folder the service happens to start in.
        if value is None:
            return None
        value = value.expanduser()
        if not value.is_absolute():
            raise ValueError(
                f"'{value}' is not a full path; give one such as /srv/kiosk/content or D:\\kiosk\\content"
            )
        return value


SETTING_NAMES: tuple[str, ...] = tuple(MachineSettings.model_fields)
SECRET_SETTINGS = frozenset({"pin_hash"})


class SettingError(ValueError):
    """A key or value that `kiosk config set` cannot accept; the message is for the user."""


def settings_path() -> Path:
    return settings_file()


@dataclass(frozen=True)
class LoadedSettings:
    """What reading the file gave: the settings in force and a message per problem.

    `whole_file` is False when the file could not be read or parsed at all; writing over it
    would then lose every setting in it, so `kiosk config set` refuses until it is fixed.
    """

    settings: MachineSettings
    problems: list[str]
    whole_file: bool = True


def read_settings(path: Path | None = None) -> LoadedSettings:
    """Read `path` (default: this machine's file); never raises. A missing file means defaults."""
    path = Path(path) if path is not None else settings_path()
    display = str(path)
    try:
        if not path.is_file():
            return LoadedSettings(MachineSettings(), [])
        doc = read_yaml(path, display)
    except ContentError as exc:
        return LoadedSettings(MachineSettings(), [f"{exc.problem}; {_ALL_DEFAULTS}"], whole_file=False)
    except OSError as exc:
        message = f"{display}: cannot read the file ({exc.strerror or exc}); {_ALL_DEFAULTS}"
        return LoadedSettings(MachineSettings(), [message], whole_file=False)
    except RecursionError:  # an alias inside its own anchor (a: &x [*x]) recurses in the reader
        message = f"{display}: a YAML alias refers to itself; {_ALL_DEFAULTS}"
        return LoadedSettings(MachineSettings(), [message], whole_file=False)
    data = doc.data
    if data is None or data == {}:
        return LoadedSettings(MachineSettings(), [])
    if not isinstance(data, dict):
        message = f"{display}:1:1: expected 'key: value' lines; {_ALL_DEFAULTS}"
        return LoadedSettings(MachineSettings(), [message], whole_file=False)
    try:
        return LoadedSettings(MachineSettings.model_validate(data), [])
    except ValidationError as exc:
        problems = [f"{problem}; {_IGNORED}" for problem in problems_from(exc, MachineSettings, doc)]
        bad = {error["loc"][0] for error in exc.errors() if error["loc"]}
    good = {key: value for key, value in data.items() if key not in bad}
    try:
        return LoadedSettings(MachineSettings.model_validate(good), problems)
    except ValidationError:  # pragma: no cover - each field validates on its own
        return LoadedSettings(MachineSettings(), problems)


def load_settings(path: Path | None = None) -> tuple[MachineSettings, list[str]]:
    """The settings in force and a plain, located message per problem; never raises.

    A broken setting falls back to its default while the others still apply.
    """
    loaded = read_settings(path)
    return loaded.settings, loaded.problems


def to_yaml(settings: MachineSettings) -> str:
    """The file's text: only settings that differ from their default, so new defaults reach old files."""
    changed = settings.model_dump(mode="json", exclude_defaults=True)
    body = yaml.safe_dump(changed, sort_keys=False, allow_unicode=True) if changed else ""
    return _HEADER + body


def save_settings(settings: MachineSettings, path: Path | None = None) -> Path:
    """Write atomically (temp file + os.replace): a power cut leaves the old file or the new one."""
    path = Path(path) if path is not None else settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as tmp:
            tmp.write(to_yaml(settings))
            tmp.flush()
            os.fsync(tmp.fileno())
        # mkstemp makes the file private; an installer running as admin must leave it readable
        # by the kiosk's own account.
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def check_key(key: str) -> None:
    """SettingError naming the closest known setting, for a key that is not one."""
    if key not in SETTING_NAMES:
        guess = difflib.get_close_matches(key, SETTING_NAMES, n=1, cutoff=0.6)
        hint = f" (did you mean '{guess[0]}'?)" if guess else ""
        raise SettingError(f"unknown setting '{key}'{hint}; known: {', '.join(SETTING_NAMES)}")


def with_value(settings: MachineSettings, key: str, value: Any) -> MachineSettings:
    """A copy of `settings` with `key` set to `value`, parsed and checked by the model."""
    check_key(key)
    data = {**settings.model_dump(exclude_defaults=True), key: value}
    try:
        return MachineSettings.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, MachineSettings, YamlDocument(key, data))
        raise SettingError(f"{key}: " + "; ".join(p.message for p in problems)) from None


def without_value(settings: MachineSettings, key: str) -> MachineSettings:
    """A copy of `settings` with `key` back at its default."""
    check_key(key)
    data = settings.model_dump(exclude_defaults=True)
    data.pop(key, None)
    return MachineSettings.model_validate(data)


@dataclass(frozen=True)
class SettingInfo:
    """One setting described for people: the `kiosk config` listing and the installer's table."""

    key: str
    allowed: str
    default: str
    description: str


def format_value(key: str, value: Any) -> str:
    if key in SECRET_SETTINGS:
        return "(set)" if value else "(not set)"
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _allowed(schema: dict[str, Any]) -> str:
    options = schema.get("anyOf")
    if options:
        parts = [_allowed(option) for option in options if option.get("type") != "null"]
        return " or ".join(parts) + (", or unset" if len(parts) < len(options) else "")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = {"integer": "whole number", "number": "number", "boolean": "true | false", "string": "text"}.get(
        schema.get("type", ""), "value"
    )
    if schema.get("format") == "path":
        kind = "folder path"
    if "minimum" in schema or "maximum" in schema:
        kind += f" {schema.get('minimum', '')}..{schema.get('maximum', '')}"
    if "pattern" in schema:
        kind = "hash (use set-pin)"
    return kind


def describe_settings() -> list[SettingInfo]:
    """Every setting's allowed values, default and description, straight from the model."""
    properties = MachineSettings.model_json_schema()["properties"]
    infos = []
    for key, field in MachineSettings.model_fields.items():
        infos.append(
            SettingInfo(
                key=key,
                allowed=_allowed(properties[key]),
                default=format_value(key, field.default),
                description=field.description or "",
            )
        )
    return infos
