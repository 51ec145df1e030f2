"""The offline build's pieces, checked without building: version record, what build.py declares,
install.sh's upgrade and rollback on a fake archive, the Linux unit and the Windows installer.

The build itself (a minute, 170 MB) runs in CI through packaging/ci-build.sh.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import kiosk
from kiosk import version

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
INSTALL_SH = PACKAGING / "linux" / "install.sh"
ISS = PACKAGING / "windows" / "tiexi-kiosk.iss"
TASK_XML = PACKAGING / "windows" / "tiexi-kiosk-task.xml"
TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}

needs_bash = pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="needs bash")


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """packaging/build.py as a module (by path: a `packaging` package would be PyPI's)."""
    spec = importlib.util.spec_from_file_location("kiosk_build_plan_test", PACKAGING / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# --- version -----------------------------------------------------------------------------------


def test_version_from_source_is_package_version_and_git_commit() -> None:
    info = version.build_info()
    assert info.version == kiosk.__version__
    assert info.commit == version.git_commit(REPO)
    assert re.fullmatch(r"[0-9a-f]{4,40}|unknown", info.commit)
    assert version.version_text() == f"kiosk {kiosk.__version__} ({info.commit})"


def test_git_commit_outside_a_repository_or_without_git_is_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert version.git_commit(tmp_path) == "unknown"

    def no_git(*_args: object, **_kwargs: object) -> None:
        raise FileNotFoundError("git")

    monkeypatch.setattr(subprocess, "run", no_git)
    assert version.git_commit(REPO) == "unknown"


def test_packaged_build_record_is_read(tmp_path: Path) -> None:
    record = tmp_path / version.BUILD_INFO_FILE
    record.write_text(json.dumps({"version": "1.2.3", "commit": "abc1234", "built": "2026-01-01T00:00:00Z"}))
    assert str(version.read_build_info(record)) == "kiosk 1.2.3 (abc1234)"
    record.write_text("{not json")
    assert version.read_build_info(record) is None
    assert version.read_build_info(tmp_path / "missing.json") is None


def test_cli_version_prints_version_and_commit(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == version.version_text() + "\n"


def test_build_writes_the_record_version_py_reads(build: ModuleType, tmp_path: Path) -> None:
    info = build.write_build_info(tmp_path / build.BUILD_INFO_NAME)
    assert build.BUILD_INFO_NAME == version.BUILD_INFO_FILE
    read = version.read_build_info(tmp_path / build.BUILD_INFO_NAME)
    assert read is not None
    assert (read.version, read.commit) == (kiosk.__version__, info["commit"])
    iss = (tmp_path / build.ISS_VERSION_NAME).read_text()
    assert f'#define AppVersion "{kiosk.__version__}"' in iss


# --- what the build declares -------------------------------------------------------------------


def test_content_and_media_go_beside_the_executable(build: ModuleType) -> None:
    assert build.BESIDE_EXECUTABLE == ("content", "media")
    for name in build.BESIDE_EXECUTABLE:
        assert (REPO / name).is_dir()
    assert build.ENTRY_POINT.is_file()
    assert build.EXE_NAME == "kiosk"


def test_opencc_data_for_the_variants_is_declared(build: ModuleType) -> None:
    """s2hk (the toggle) and hk2s (fidelity) with every dictionary their configs name."""
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    needed = set()
    for config in ("s2hk.json", "hk2s.json", "s2tw.json", "t2s.json"):
        needed.add(config)
        needed.update(re.findall(r'"file"\s*:\s*"([^"]+)"', (share / config).read_text(encoding="utf-8")))
    patterns = build.PACKAGE_DATA["opencc"]
    for name in sorted(needed):
        assert (share / name).is_file(), name
        assert any(fnmatch.fnmatch(f"clib/share/opencc/{name}", p) for p in patterns), name


def test_qtawesome_fonts_and_pypinyin_data_are_declared(build: ModuleType) -> None:
    assert any(fnmatch.fnmatch("fonts/materialdesignicons6-webfont-6.9.96.ttf", p) for p in build.PACKAGE_DATA["qtawesome"])
    assert any(fnmatch.fnmatch("fonts/materialdesignicons6-webfont-charmap-6.9.96.json", p) for p in build.PACKAGE_DATA["qtawesome"])
    assert any(fnmatch.fnmatch("pinyin_dict.json", p) for p in build.PACKAGE_DATA["pypinyin"])
    assert any(fnmatch.fnmatch("phrases_dict.json", p) for p in build.PACKAGE_DATA["pypinyin"])


def test_every_qt_module_a_kept_binding_imports_is_kept(build: ModuleType) -> None:
    """A binding imports others when it is imported (QtMultimedia imports QtNetwork): one left
    out of the bundle makes the import fail there, and only there."""
    code = ("import importlib, sys\n"
            f"for name in {list(build.QT_MODULES)!r}: importlib.import_module('PySide6.' + name)\n"
            "print(' '.join(m.split('.')[1] for m in sys.modules if m.startswith('PySide6.Qt')))")
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert set(imported) <= set(build.QT_MODULES)
    assert not {f"PySide6.{name}" for name in imported} & set(build.EXCLUDED_MODULES)


def test_qt_plugins_the_kiosk_needs_are_declared_and_exist(build: ModuleType) -> None:
    plugins = build.QT_PLUGINS
    assert {"qxcb", "qoffscreen", "qwayland", "qwindows"} <= set(plugins["platforms"])
    assert {"qjpeg", "qgif", "qsvg", "qwebp"} <= set(plugins["imageformats"])
    assert {"QtCore", "QtGui", "QtWidgets", "QtMultimedia"} <= set(build.QT_MODULES)
    assert plugins["multimedia"] == ("ffmpegmediaplugin",), "films: the FFmpeg backend"
    for module in ("QtQml", "QtQuick", "QtWebEngineCore", "QtMultimediaWidgets"):
        assert f"PySide6.{module}" in build.EXCLUDED_MODULES
    if sys.platform.startswith("linux"):
        import PySide6

        root = Path(PySide6.__file__).parent / "Qt" / "plugins"
        present = {(p.parent.name, build.plugin_name(p.name)) for p in root.glob("*/*.so")}
        for folder, names in plugins.items():
            for name in names:
                if name not in {"qwindows", "qmodernwindowsstyle"}:
                    assert (folder, name) in present, f"{folder}/{name} is not in this PySide6"


def test_prune_keeps_wanted_plugins_extensions_and_python(build: ModuleType) -> None:
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/nowhere/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "/nowhere/libqeglfs.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/nowhere/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "/nowhere/libqjpeg.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", "/nowhere/libqtiff.so", "BINARY"),
        ("PySide6/plugins/platforms/qwindows.dll", "/nowhere/qwindows.dll", "BINARY"),
        ("PySide6/QtCore.abi3.so", "/nowhere/QtCore.abi3.so", "EXTENSION"),
        ("libpython3.11.so.1.0", "/nowhere/libpython3.11.so.1.0", "BINARY"),
        ("libgtk-3.so.0", "/nowhere/libgtk-3.so.0", "BINARY"),
    ]
    kept = {dest for dest, _src, _kind in build.keep_binaries(toc)}
    assert kept == {
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/QtCore.abi3.so",
        "libpython3.11.so.1.0",
    }


def test_prune_drops_qt_translations_and_opencc_tools(build: ModuleType) -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
        ("opencc/clib/share/opencc/s2hk.json", "x", "DATA"),
        ("opencc/clib/include/opencc/Dict.hpp", "x", "DATA"),
        ("opencc/clib/lib64/libopencc.a", "x", "DATA"),
        ("qtawesome/fonts/phosphor-1.3.0.ttf", "x", "DATA"),
        ("yaml/__init__.py", "x", "DATA"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    kept = build.keep_datas(datas)
    binaries = [("PySide6/Qt/lib/libQt6Gui.so.6", "x", "BINARY")]
    kept = {dest for dest, _src, _kind in build.drop_dangling_links(kept, binaries, kept)}
    assert kept == {
        "opencc/clib/share/opencc/s2hk.json",
        "qtawesome/fonts/phosphor-1.3.0.ttf",
        "yaml/__init__.py",
        "libQt6Gui.so.6",
    }


def test_spec_builds_from_the_declarations(build: ModuleType) -> None:
    spec = build.SPEC.read_text(encoding="utf-8")
    for used in ("plan.keep_binaries", "plan.keep_datas", "plan.package_data()", "plan.hidden_imports()",
                 "plan.EXCLUDED_MODULES", "plan.BUILD_INFO", "plan.HOOKS", "plan.STRIP", "plan.WINDOWED_EXE_NAME",
                 "pyi_rth_kiosk_streams.py"):
        assert used in spec, used
    assert (build.HOOKS / "rthooks.dat").is_file()
    assert (build.HOOKS / "pyi_rth_kiosk_streams.py").is_file()


def test_guide_has_the_current_settings_table(build: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main

    assert main(["config", "docs"]) == 0
    table = build.as_subsection(capsys.readouterr().out.strip())
    guide = build.GUIDE.read_text(encoding="utf-8")
    between = guide.split(build.GUIDE_BEGIN, 1)[1].split(build.GUIDE_END, 1)[0].strip()
    assert between == table, "the settings changed: refresh the guide with `.venv/bin/python packaging/build.py --docs`"


# --- install.sh ----------------------------------------------------------------------------------

FAKE_KIOSK = """#!/bin/sh
# A stand-in for the built kiosk: --version, and validate (fails while content/BROKEN exists).
here="$(cd "$(dirname "$0")" && pwd -P)"
case "$1" in
  --version) echo "kiosk @VERSION@ (abc1234)" ;;
  validate) if [ -e "$here/content/BROKEN" ]; then echo "content/BROKEN:1:1: broken"; exit 1; fi
            echo "$here/content: OK" ;;
  *) exit 2 ;;
esac
"""


def fake_archive(folder: Path, version_: str, *, exhibition: str = "title: shipped\n", media: dict[str, str] | None = None) -> Path:
    """A tiny tiexi-kiosk-<version>-linux-x86_64.tar.gz shaped like the real one."""
    root = folder / f"src-{version_}" / "tiexi-kiosk"
    (root / "content").mkdir(parents=True)
    (root / "content" / "exhibition.yaml").write_text(exhibition, encoding="utf-8")
    for name, text in {"fonts/font.ttc": "font v1", **(media or {})}.items():
        (root / "media" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "media" / name).write_text(text, encoding="utf-8")
    (root / "_internal").mkdir()
    shutil.copytree(PACKAGING / "linux", root / "install")
    exe = root / "kiosk"
    exe.write_text(FAKE_KIOSK.replace("@VERSION@", version_), encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    archive = folder / f"tiexi-kiosk-{version_}-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(root, arcname="tiexi-kiosk")
    return archive


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """install.sh as an ordinary account (CI runs as root): `id` and `systemctl` are stand-ins."""
    shims = tmp_path / "shims"
    shims.mkdir()
    (shims / "id").write_text('#!/bin/sh\ncase "$1" in -u) echo 1000 ;; -un) echo visitor ;; *) exec /usr/bin/id "$@" ;; esac\n')
    (shims / "systemctl").write_text('#!/bin/sh\necho "$*" >> "$HOME/systemctl.log"\nexit 1\n')
    for shim in shims.iterdir():
        shim.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "PATH": f"{shims}:/usr/bin:/bin", "LANG": "C.UTF-8"}


def install(env: dict[str, str], *args: str | Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["bash", str(INSTALL_SH), *map(str, args)], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode == 0) == ok, done.stdout + done.stderr
    return done


def current(prefix: Path, link: str = "current") -> str:
    return os.readlink(prefix / link)


@needs_bash
@pytest.mark.slow
def test_install_upgrade_keeps_curators_content_and_rollback(tmp_path: Path, user_env: dict[str, str]) -> None:
    home = Path(user_env["HOME"])
    prefix = home / ".local" / "opt" / "tiexi-kiosk"
    v1 = fake_archive(tmp_path, "1.0.0")
    v2 = fake_archive(tmp_path, "1.1.0", exhibition="title: shipped in 1.1\n", media={"fonts/font.ttc": "font v2", "maps/new.geojson": "{}"})

    install(user_env, v1)
    assert current(prefix) == "versions/1.0.0-abc1234"
    assert (prefix / "content" / "exhibition.yaml").read_text() == "title: shipped\n"
    assert os.readlink(prefix / "versions" / "1.0.0-abc1234" / "content") == "../../content"
    # The service files name this prefix; the command and the enablement are there.
    unit = (home / ".config" / "systemd" / "user" / "tiexi-kiosk.service").read_text()
    assert f"ExecStart={prefix}/current/kiosk supervise" in unit
    assert (home / ".config" / "systemd" / "user" / "graphical-session.target.wants" / "tiexi-kiosk.service").is_symlink()
    assert (home / ".config" / "autostart" / "tiexi-kiosk.desktop").is_file()
    assert os.readlink(home / ".local" / "bin" / "tiexi-kiosk") == f"{prefix}/current/kiosk"

    # A curator edits the content and a media file, then the PC is upgraded.
    (prefix / "content" / "exhibition.yaml").write_text("title: edited by a curator\n")
    (prefix / "media" / "mine.jpg").write_text("curator's photo")
    done = install(user_env, v2)
    assert current(prefix) == "versions/1.1.0-abc1234"
    assert current(prefix, "previous") == "versions/1.0.0-abc1234"
    assert (prefix / "content" / "exhibition.yaml").read_text() == "title: edited by a curator\n"
    assert (prefix / "media" / "mine.jpg").read_text() == "curator's photo"
    assert (prefix / "media" / "fonts" / "font.ttc").read_text() == "font v1", "a kept media file was overwritten"
    assert (prefix / "media" / "maps" / "new.geojson").is_file(), "a media file new in 1.1 was not added"
    assert (prefix / "versions" / "1.1.0-abc1234" / "content.shipped" / "exhibition.yaml").read_text() == "title: shipped in 1.1\n"
    assert "added 1 new file" in done.stdout

    install(user_env, "--rollback")
    assert (current(prefix), current(prefix, "previous")) == ("versions/1.0.0-abc1234", "versions/1.1.0-abc1234")
    assert (prefix / "content" / "exhibition.yaml").read_text() == "title: edited by a curator\n"
    install(user_env, "--rollback")
    assert current(prefix) == "versions/1.1.0-abc1234"

    # Installing the current version again changes nothing.
    assert "already installed" in install(user_env, v2).stdout


@needs_bash
@pytest.mark.slow
def test_install_refuses_a_version_that_rejects_the_content_and_prunes_old_ones(tmp_path: Path, user_env: dict[str, str]) -> None:
    prefix = tmp_path / "opt"
    common = ("--prefix", prefix, "--no-service", "--no-link", "--no-deps")
    install(user_env, *common, fake_archive(tmp_path, "1.0.0"))
    install(user_env, *common, fake_archive(tmp_path, "1.1.0"))
    v12 = fake_archive(tmp_path, "1.2.0")
    (prefix / "content" / "BROKEN").write_text("")
    done = install(user_env, *common, v12, ok=False)
    assert "not switched" in done.stderr
    assert current(prefix) == "versions/1.1.0-abc1234"
    assert sorted(p.name for p in (prefix / "versions").iterdir()) == ["1.0.0-abc1234", "1.1.0-abc1234"]
    install(user_env, *common, "--rollback", ok=False)  # 1.0.0 rejects it too
    assert current(prefix) == "versions/1.1.0-abc1234"

    (prefix / "content" / "BROKEN").unlink()
    install(user_env, *common, v12)
    assert sorted(p.name for p in (prefix / "versions").iterdir()) == ["1.1.0-abc1234", "1.2.0-abc1234"]
    assert not (Path(user_env["HOME"]) / ".config").exists(), "--no-service wrote service files"


@needs_bash
@pytest.mark.slow
def test_install_runs_from_an_unpacked_archive(tmp_path: Path, user_env: dict[str, str]) -> None:
    archive = fake_archive(tmp_path, "2.0.0")
    unpacked = tmp_path / "usb"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    prefix = tmp_path / "opt"
    done = subprocess.run(
        ["bash", str(unpacked / "tiexi-kiosk" / "install" / "install.sh"), "--prefix", str(prefix), "--no-service", "--no-link"],
        env=user_env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert current(prefix) == "versions/2.0.0-abc1234"
    assert (prefix / "media" / "fonts" / "font.ttc").is_file()


# --- the Linux unit and autostart entry --------------------------------------------------------


def test_systemd_unit_restarts_the_supervisor() -> None:
    unit = (PACKAGING / "linux" / "tiexi-kiosk.service").read_text(encoding="utf-8")
    lines = {line.split("=", 1)[0]: line.split("=", 1)[1] for line in unit.splitlines() if "=" in line and not line.startswith("#")}
    assert lines["ExecStart"] == "/opt/tiexi-kiosk/current/kiosk supervise"  # install.sh rewrites /opt/tiexi-kiosk
    assert lines["Restart"] == "always"
    assert lines["RestartSec"] == "3"
    assert lines["After"] == "graphical-session.target"
    assert lines["WantedBy"] == "graphical-session.target"
    desktop = (PACKAGING / "linux" / "tiexi-kiosk.desktop").read_text(encoding="utf-8")
    assert "systemctl --user start tiexi-kiosk.service" in desktop


# --- the Windows installer ---------------------------------------------------------------------


def iss_section(name: str) -> list[str]:
    text = ISS.read_text(encoding="utf-8")
    body = text.split(f"[{name}]\n", 1)[1]
    body = re.split(r"^\[\w+\]$", body, maxsplit=1, flags=re.M)[0]
    return [line for line in body.splitlines() if line and not line.startswith(";")]


def test_installer_never_overwrites_or_removes_the_curators_content() -> None:
    files = iss_section("Files")
    for folder in ("content", "media"):
        entries = [line for line in files if f'DestDir: "{{#DataDir}}\\{folder}"' in line]
        assert entries, folder
        for line in entries:
            assert "onlyifdoesntexist" in line, line
            assert "uninsneveruninstall" in line, line
    dirs = iss_section("Dirs")
    for folder in ("content", "media", "config", "logs"):
        line = next(line for line in dirs if f'{{#DataDir}}\\{folder}"' in line)
        assert "users-modify" in line, line
        assert "uninsneveruninstall" in line, line


def test_installer_points_the_kiosk_at_programdata_and_registers_the_task() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert '#define DataDir "{commonappdata}\\TiexiKiosk"' in text
    run = "\n".join(iss_section("Run"))
    assert 'config set content_dir ""{#DataDir}\\content""' in run
    assert 'config set media_dir ""{#DataDir}\\media""' in run
    assert '/Create /TN ""{#TaskName}"" /XML ""{app}\\tiexi-kiosk-task.xml"" /F' in run
    assert "schtasks.exe\"; Parameters: \"/Delete" in "\n".join(iss_section("UninstallRun"))


def test_installer_ships_what_the_build_makes(build: ModuleType) -> None:
    files = "\n".join(iss_section("Files"))
    for name in (f"{build.EXE_NAME}.exe", f"{build.WINDOWED_EXE_NAME}.exe", "INSTALL.md", "_internal\\*", "media\\fonts\\*"):
        assert f'"{{#Dist}}\\{name}"' in files, name
    assert f'#define Dist "..\\..\\dist\\{build.APP_NAME}"' in ISS.read_text(encoding="utf-8")
    assert f'#include "..\\..\\build\\{build.ISS_VERSION_NAME}"' in ISS.read_text(encoding="utf-8")
    assert (REPO / "media" / "fonts").is_dir()


@pytest.mark.parametrize("user", ["", "KIOSK-PC\\visitor & co"])
def test_scheduled_task_restarts_on_failure_without_time_limit(user: str) -> None:
    """The template, filled in as the installer's WriteTaskXml does, is a valid task."""
    text = TASK_XML.read_text(encoding="utf-8")
    escaped = user.replace("&", "&amp;")
    text = text.replace("@KIOSK_USER@", f"<UserId>{escaped}</UserId>" if user else "")
    text = text.replace("@KIOSKW_EXE@", "C:\\Program Files\\TiexiKiosk\\kioskw.exe").replace("@APP_DIR@", "C:\\Program Files\\TiexiKiosk")
    task = ET.fromstring(text.encode("utf-8"))
    settings = task.find("t:Settings", TASK_NS)
    assert settings is not None
    assert settings.findtext("t:RestartOnFailure/t:Interval", namespaces=TASK_NS) == "PT1M"
    assert settings.findtext("t:RestartOnFailure/t:Count", namespaces=TASK_NS) == "999"
    assert settings.findtext("t:ExecutionTimeLimit", namespaces=TASK_NS) == "PT0S"
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=TASK_NS) == "false"
    trigger = task.find("t:Triggers/t:LogonTrigger", TASK_NS)
    assert trigger is not None
    assert (trigger.findtext("t:UserId", namespaces=TASK_NS) or "") == user
    action = task.find("t:Actions/t:Exec", TASK_NS)
    assert action is not None
    assert action.findtext("t:Command", namespaces=TASK_NS) == '"C:\\Program Files\\TiexiKiosk\\kioskw.exe"'
    assert action.findtext("t:Arguments", namespaces=TASK_NS) == "supervise"
    for placeholder in ("@KIOSK_USER@", "@KIOSKW_EXE@", "@APP_DIR@"):
        assert placeholder in ISS.read_text(encoding="utf-8")


def test_the_build_strips_binaries_but_not_ffmpegs(build: ModuleType, tmp_path: Path) -> None:
    """`strip` breaks PySide6-Addons' FFmpeg (the frozen kiosk then plays no film): left alone."""
    elf = b"\x7fELF" + b"\x00" * 60
    for name in ("libQt6Core.so.6", "libavformat.so.61", "libswscale.so.8", "libQt6FFmpegStub-va.so.2",
                 "libffmpegmediaplugin.so", "notes.txt"):
        (tmp_path / name).write_bytes(elf if name != "notes.txt" else b"text")
    assert [p.name for p in sorted(tmp_path.iterdir()) if build.strippable(p)] == ["libQt6Core.so.6"]
    assert build.STRIP is False, "PyInstaller's own strip would reach FFmpeg too"
