"""Per-machine settings: the file round-trips, a bad file never stops the kiosk, `kiosk config` checks values."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path, PureWindowsPath

import pytest

from kiosk.cli import main
from kiosk.runtime import machine
from kiosk.runtime.pin import verify_pin
from kiosk.runtime.settings import (
    MachineSettings,
    describe_settings,
    load_settings,
    read_settings,
    save_settings,
    settings_path,
)


def test_settings_path_follows_the_test_config_dir() -> None:
    assert settings_path() == Path(os.environ["KIOSK_CONFIG_DIR"]) / "settings.yaml"


def test_platform_defaults() -> None:
    home = Path("/home/kiosk")
    assert machine.config_dir({}, "linux", home) == home / ".config" / "tiexi-kiosk"
    assert machine.data_dir({}, "linux", home) == home / ".local" / "state" / "tiexi-kiosk"
    xdg = {"XDG_CONFIG_HOME": "/etc/xdg-user", "XDG_STATE_HOME": "relative/ignored"}
    assert machine.config_dir(xdg, "linux", home) == Path("/etc/xdg-user/tiexi-kiosk")
    assert machine.data_dir(xdg, "linux", home) == home / ".local" / "state" / "tiexi-kiosk"
    windows = {"PROGRAMDATA": r"D:\ProgramData"}
    assert PureWindowsPath(str(machine.config_dir(windows, "win32", home))) == PureWindowsPath(
        r"D:\ProgramData\TiexiKiosk\config"
    )
    assert PureWindowsPath(
        str(machine.logs_dir(machine.data_dir(windows, "win32", home)))
    ) == PureWindowsPath(r"D:\ProgramData\TiexiKiosk\logs")
    assert "Application Support" in str(machine.config_dir({}, "darwin", home))
    override = {"KIOSK_CONFIG_DIR": "/srv/cfg", "KIOSK_DATA_DIR": "/srv/data"}
    assert machine.config_dir(override, "win32", home) == Path("/srv/cfg")
    assert machine.data_dir(override, "darwin", home) == Path("/srv/data")


def test_missing_file_gives_defaults_without_problems() -> None:
    assert load_settings() == (MachineSettings(), [])


def test_round_trip_keeps_every_value(tmp_path: Path) -> None:
    settings = MachineSettings(
        screen=1,
        show_cursor=True,
        idle_timeout_s=45,
        content_dir=tmp_path / "内容",
        log_level="DEBUG",
        admin_corner="bottom-right",
        admin_hold_s=2.5,
        keep_awake=False,
    )
    path = save_settings(settings)
    assert path == settings_path()
    assert load_settings() == (settings, [])
    text = path.read_text(encoding="utf-8")
    assert "media_dir" not in text  # only what differs from the defaults is written
    assert not list(path.parent.glob(".settings-*"))  # no temp file left behind


def test_save_replaces_and_keeps_the_file_readable() -> None:
    save_settings(MachineSettings(screen=1))
    save_settings(MachineSettings(screen=2))
    assert load_settings()[0].screen == 2
    if os.name == "posix":
        assert settings_path().stat().st_mode & 0o044 == 0o044


def test_syntax_error_gives_defaults_and_a_located_message() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("screen: 1\nadmin_corner: [top-right\n", encoding="utf-8")
    settings, problems = load_settings()
    assert settings == MachineSettings()
    assert len(problems) == 1
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: YAML syntax", problems[0])


def test_bad_value_falls_back_for_that_setting_only() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("screen: 2\nidle_timeout_s: 5\nadmin_corner: sideways\n", encoding="utf-8")
    settings, problems = load_settings()
    assert settings.screen == 2
    assert settings.idle_timeout_s is None
    assert settings.admin_corner == "top-left"
    assert any(p.startswith(f"{path}:2:") and "at least 10" in p for p in problems)
    assert any(p.startswith(f"{path}:3:") and "top-right" in p for p in problems)


def test_unknown_key_is_reported_with_a_suggestion() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("keep_awake: false\nscren: 1\n", encoding="utf-8")
    settings, problems = load_settings()
    assert settings == MachineSettings(keep_awake=False)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:2:1: unknown key 'scren' (did you mean 'screen'?)")


@pytest.mark.parametrize("text", ["- a\n- b\n", "\x00", "!!python/object:os.system {}\n", "a: &x [*x]\n"])
def test_hostile_or_odd_files_never_raise(text: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings()
    assert settings == MachineSettings()
    assert problems


def test_a_hand_written_pin_hash_that_is_not_one_leaves_the_admin_panel_shut() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("pin_hash: '1234'\n", encoding="utf-8")
    settings, problems = load_settings()
    assert settings.pin_hash is None
    assert problems[0].startswith(f"{path}:1:")


def test_config_get_unknown_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "get", "idle_timeout"]) == 2
    assert "did you mean 'idle_timeout_s'" in capsys.readouterr().err


def test_relative_content_dir_is_refused() -> None:
    with pytest.raises(ValueError, match="not a full path"):
        MachineSettings(content_dir=Path("content"))


def test_every_setting_has_a_description_and_a_default() -> None:
    for name, field in MachineSettings.model_fields.items():
        assert field.description, name
        assert not field.is_required(), name
    assert [info.key for info in describe_settings()] == list(MachineSettings.model_fields)


# --- the `kiosk config` verb -------------------------------------------------------------


def test_config_set_then_get(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "set", "idle_timeout_s", "120"]) == 0
    assert load_settings()[0].idle_timeout_s == 120
    capsys.readouterr()
    assert main(["config", "get", "idle_timeout_s"]) == 0
    assert capsys.readouterr().out.strip() == "120"
    assert main(["config", "unset", "idle_timeout_s"]) == 0
    assert load_settings()[0].idle_timeout_s is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("idle_timeout_s", "5", "at least 10"),
        ("idle_timeout_s", "soon", "whole number"),
        ("admin_corner", "sideways", "'top-right'"),
        ("admin_hold_s", "30", "at most 10"),
        ("content_dir", "relative/path", "not a full path"),
        ("scren", "1", "did you mean 'screen'"),
        ("pin_hash", "1234", "set-pin"),
    ],
)
def test_config_set_rejects_bad_values(
    capsys: pytest.CaptureFixture[str], key: str, value: str, message: str
) -> None:
    assert main(["config", "set", key, value]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert not settings_path().exists()


def test_config_set_refuses_to_overwrite_an_unreadable_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("screen: [1\n", encoding="utf-8")
    assert main(["config", "set", "screen", "2"]) == 1
    assert "fix or delete" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "screen: [1\n"


def test_config_show_lists_every_setting_and_hides_the_hash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "set", "show_cursor", "yes"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("4321\n"))
    assert main(["config", "set-pin", "--pin-stdin"]) == 0
    capsys.readouterr()
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    for name in MachineSettings.model_fields:
        assert f"\n{name} = " in out
    assert "show_cursor = true   (changed)" in out
    assert "pin_hash = (set)" in out
    assert "scrypt$" not in out


def test_set_pin_stores_only_a_hash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("271828\n"))
    assert main(["config", "set-pin", "--pin-stdin"]) == 0
    text = settings_path().read_text(encoding="utf-8")
    assert "271828" not in text
    assert verify_pin("271828", load_settings()[0].pin_hash)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_set_pin_rejects_bad_pins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pin: str
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    assert main(["config", "set-pin", "--pin-stdin"]) == 2
    assert "nothing changed" in capsys.readouterr().err
    assert not settings_path().exists()


def test_set_pin_asks_twice_without_echo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["2468", "2469"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["config", "set-pin"]) == 2
    assert "differ" in capsys.readouterr().err
    answers = iter(["2468", "2468"])
    assert main(["config", "set-pin"]) == 0
    assert verify_pin("2468", load_settings()[0].pin_hash)


def test_config_docs_is_a_markdown_table_of_every_setting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "docs"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(MachineSettings.model_fields)
    for row in rows:  # pipes inside cells are escaped, so each row has exactly four cells
        assert len(re.split(r"(?<!\\)\|", row)) == 6


def test_read_settings_marks_an_unreadable_file() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("admin_corner: top-right\n", encoding="utf-8")
    assert read_settings().whole_file
    path.write_text("admin_corner: [\n", encoding="utf-8")
    assert not read_settings().whole_file
