"""Build the kiosk for offline exhibition PCs (no Python, no internet): one command.

    .venv/bin/python packaging/build.py

gives (on Linux; on Windows the same folder, then compile packaging/windows/tiexi-kiosk.iss)

    dist/tiexi-kiosk/                                 the program; start it as dist/tiexi-kiosk/kiosk
        kiosk                                         the executable (kiosk.exe + kioskw.exe on Windows)
        _internal/                                    Python, Qt and libraries: nobody edits these
        content/  media/                              the exhibition, BESIDE the executable: curators edit these
        install/                                      (Linux) install.sh, systemd unit, autostart entry
        INSTALL.md                                    the installer's guide (packaging/README.md)
    dist/tiexi-kiosk-<version>-linux-x86_64.tar.gz    what goes on the USB stick

What goes into the build is declared once, in the capitals below: `tiexi-kiosk.spec` (the
PyInstaller spec) builds from them and tests/test_packaging.py checks them. Qt is pruned to
what the kiosk uses: the Qt modules it imports, the plugins named in QT_PLUGINS, and only the
libraries those still need (a closure over their link-time imports), so dropping a plugin also
drops what it alone pulled in (the GTK theme plugin alone brings GTK, cairo and pango).

Options: --no-archive (folder only), --docs (only refresh the settings table in
packaging/README.md), --clean (empty PyInstaller's cache first).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
SPEC = HERE / "tiexi-kiosk.spec"
GUIDE = HERE / "README.md"
HOOKS = HERE / "pyinstaller-hooks"  # our run-time hook for PySide6, in place of PyInstaller's

APP_NAME = "tiexi-kiosk"  # the folder in dist/ and the archive's name
EXE_NAME = "kiosk"  # the command: `kiosk run`, `kiosk validate`, ...
WINDOWED_EXE_NAME = "kioskw"  # Windows only: no console window, for the logon task
ENTRY_POINT = REPO / "kiosk" / "__main__.py"
BUILD_INFO_NAME = "_build_info.json"  # read by kiosk/version.py from inside the bundle
BUILD_INFO = REPO / "build" / BUILD_INFO_NAME
ISS_VERSION_NAME = "version.iss"  # build/version.iss: the version for packaging/windows/tiexi-kiosk.iss

# Copied BESIDE the executable, not into _internal: kiosk/paths.py's app_root() finds them
# there, and curators edit them in place.
BESIDE_EXECUTABLE = ("content", "media")
IGNORED_FILES = ("__pycache__", "*.pyc", ".DS_Store", "Thumbs.db", "desktop.ini", "*~", ".~lock.*")

# Qt modules the kiosk imports, and those their bindings import in turn (QtMultimedia's imports
# QtNetwork; without it the frozen build could not play a film). PySide6.QtSvg is not here: the
# svg image plugin below needs only the Qt6Svg library, which the closure keeps.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtNetwork")

# Qt plugins kept, per plugin folder, by base name (no lib prefix, no .so/.dll). Every other
# plugin and every other folder (generic/evdev input, egl device integrations, GTK and portal
# themes, icon engines, tls, network information, ...) is left out. PNG is built into QtGui.
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    # xcb: X11 and Xwayland; wayland: a Wayland compositor such as cage; offscreen: self-test
    # and screenshots; windows: Windows.
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows"),
    "imageformats": ("qjpeg", "qgif", "qsvg", "qwebp"),
    "xcbglintegrations": ("qxcb-egl-integration", "qxcb-glx-integration"),
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    "platforminputcontexts": ("composeplatforminputcontextplugin",),  # dead keys on the admin's keyboard
    "styles": ("qmodernwindowsstyle",),  # Windows' native style plugin; Fusion is built in
    # Films: the FFmpeg backend (its libav* libraries come with it, from the PySide6-Addons wheel).
    "multimedia": ("ffmpegmediaplugin",),
}

# Python modules never wanted in the build: the rest of PySide6 and the other Qt bindings
# qtpy (qtawesome's shim) could pick, the test and build tools, and modules only optional
# imports reach (ssl: nothing here goes online).
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDBus", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimediaWidgets",
    "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtPrintSupport", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip
EXCLUDED_MODULES = (
    *(f"PySide6.{name}" for name in EXCLUDED_QT_MODULES),
    "PyQt5", "PyQt6", "PySide2", "shiboken2",
    "tkinter", "unittest", "pydoc", "doctest", "pdb", "xmlrpc", "ftplib", "smtplib", "sqlite3",
    "lib2to3", "ensurepip", "idlelib", "distutils", "setuptools", "pkg_resources", "pip",
    "pytest", "pytestqt", "_pytest", "ruff", "PyInstaller", "ssl",
)  # fmt: skip

# Data each package needs at run time, by package folder; the hooks' other files (OpenCC's
# command-line tools, headers and static libraries; qtawesome's tests) are left out.
PACKAGE_DATA: dict[str, tuple[str, ...]] = {
    "opencc": ("clib/share/opencc/*.json", "clib/share/opencc/*.ocd2"),  # s2hk, hk2s, ... and their dictionaries
    "qtawesome": ("fonts/*.ttf", "fonts/*.json"),  # icon fonts and charmaps (the kiosk loads mdi6 alone)
    "pypinyin": ("*.json",),  # pinyin_dict.json, phrases_dict.json: company names sort by pinyin
}

# Libraries to keep even though nothing links them: loaded by name at run time.
ALWAYS_KEEP_LIBRARIES = (
    "libpython3*",  # the bootloader loads it
    "python3*.dll", "vcruntime*.dll", "msvcp*.dll", "ucrtbase*.dll", "api-ms-win-*.dll",
)  # fmt: skip
# (Qt opens libdbus-1 by name too; the system's copy serves, it matches the system's bus.)

# Data dropped from what the Qt hooks collect: Qt's own translations (the kiosk has its own
# strings and shows no Qt dialogs).
DROPPED_DATA = ("PySide6/Qt/translations/*", "PySide6/translations/*")

# PyInstaller strips nothing: `strip` breaks the FFmpeg libraries inside PySide6-Addons
# (libavformat.so.61: "ELF load command address/offset not page-aligned"), and the frozen kiosk
# then has no multimedia backend and plays no film (caught by CI's self-test on a film). The
# build strips the rest itself (`strip_binaries`): about 12 MB of the archive.
STRIP = False
STRIP_BATCH = 200
UNSTRIPPED = re.compile(r"^(libav|libsw|libQt6FFmpeg|libffmpeg)")  # FFmpeg's own, and the plugin on it

GUIDE_BEGIN = "<!-- BEGIN kiosk config docs: generated by packaging/build.py, do not edit by hand -->"
GUIDE_END = "<!-- END kiosk config docs -->"

_PLUGIN_RE = re.compile(r"(?:^|/)plugins/(?P<folder>[^/]+)/(?P<file>[^/]+)$")

TocEntry = tuple[str, str, str]  # PyInstaller's (destination name, source path, type code)


# --- what the spec calls -------------------------------------------------------------------


def plugin_name(filename: str) -> str:
    """'libqxcb.so' -> 'qxcb'; 'qwindows.dll' -> 'qwindows'."""
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_plugin(dest: str) -> tuple[str, str] | None:
    """(folder, name) when `dest` is a Qt plugin in the bundle, else None."""
    match = _PLUGIN_RE.search(dest.replace("\\", "/"))
    if match is None or "PySide6" not in dest:
        return None
    return match["folder"], plugin_name(match["file"])


def wanted_plugin(dest: str) -> bool:
    folder, name = qt_plugin(dest) or ("", "")
    return name in QT_PLUGINS.get(folder, ())


def hidden_imports() -> list[str]:
    """Every kiosk module (views are imported lazily, by name) and the Qt modules it uses."""
    from PyInstaller.utils.hooks import collect_submodules

    return [*collect_submodules("kiosk"), *(f"PySide6.{name}" for name in QT_MODULES)]


def package_data() -> list[tuple[str, str]]:
    from PyInstaller.utils.hooks import collect_data_files

    found = []
    for package, patterns in PACKAGE_DATA.items():
        found += collect_data_files(package, includes=list(patterns))
    return found


def _package_data_wanted(dest: str) -> bool:
    package, _, rest = dest.replace("\\", "/").partition("/")
    patterns = PACKAGE_DATA.get(package)
    return patterns is None or any(fnmatch.fnmatch(rest, pattern) for pattern in patterns)


def keep_datas(datas: Iterable[TocEntry]) -> list[TocEntry]:
    kept = []
    for entry in datas:
        dest = entry[0].replace("\\", "/")
        if any(fnmatch.fnmatch(dest, pattern) for pattern in DROPPED_DATA):
            continue
        if _package_data_wanted(dest):
            kept.append(entry)
    return kept


def drop_dangling_links(toc: Iterable[TocEntry], *kept: Iterable[TocEntry]) -> list[TocEntry]:
    """PyInstaller's SYMLINK entries whose target is still in the build (libQt6Gui.so.6 -> PySide6/Qt/lib/...)."""
    present = {entry[0].replace("\\", "/") for entries in kept for entry in entries}
    return [entry for entry in toc if entry[2] != "SYMLINK" or entry[1].replace("\\", "/") in present]


def keep_binaries(binaries: Sequence[TocEntry]) -> list[TocEntry]:
    """Python extensions, the wanted Qt plugins, ALWAYS_KEEP_LIBRARIES, and what those link to."""

    def key(name: str) -> str:
        base = name.replace("\\", "/").rsplit("/", 1)[-1]
        return base.lower() if sys.platform == "win32" else base

    by_name: dict[str, list[TocEntry]] = {}
    for entry in binaries:
        by_name.setdefault(key(entry[0]), []).append(entry)

    def is_root(entry: TocEntry) -> bool:
        dest, _src, kind = entry
        if qt_plugin(dest) is not None:
            return wanted_plugin(dest)
        if kind == "EXTENSION":
            return True
        return any(fnmatch.fnmatch(key(dest), pattern.lower()) for pattern in ALWAYS_KEEP_LIBRARIES)

    kept: dict[str, TocEntry] = {}
    todo = [entry for entry in binaries if is_root(entry)]
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept[entry[0]] = entry
        if not os.path.isfile(entry[1]):
            continue
        from PyInstaller.depend.bindepend import get_imports

        for name, _path in get_imports(entry[1]):
            todo += [dep for dep in by_name.get(key(name), []) if dep[0] not in kept]
    return [entry for entry in binaries if entry[0] in kept]


# --- the build ------------------------------------------------------------------------------


def kiosk_version() -> str:
    text = (REPO / "kiosk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if match is None:
        raise SystemExit("build: no __version__ in kiosk/__init__.py")
    return match[1]


def git_commit() -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown"


def write_build_info(path: Path = BUILD_INFO) -> dict[str, str]:
    info = {
        "version": kiosk_version(),
        "commit": git_commit(),
        "built": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "platform": f"{sys.platform}-{platform.machine().lower()}",
        "python": platform.python_version(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    # The same for the Windows installer script (tiexi-kiosk.iss #includes it).
    iss = f'#define AppVersion "{info["version"]}"\n#define AppCommit "{info["commit"]}"\n'
    (path.parent / ISS_VERSION_NAME).write_text(iss, encoding="utf-8")
    return info


def settings_table() -> str:
    """`kiosk config docs`, the per-machine settings table, generated from the settings model."""
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "config", "docs"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env={**os.environ, "KIOSK_CONFIG_DIR": str(REPO / "build" / "no-config")},
    )
    return done.stdout.strip()


def as_subsection(markdown: str) -> str:
    """Headings one level down: the generated table sits inside a section of the guide."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.splitlines())


def refresh_guide(guide: Path = GUIDE) -> bool:
    """Put the current settings table between the markers in the guide; True if it changed."""
    text = guide.read_text(encoding="utf-8")
    start, end = text.find(GUIDE_BEGIN), text.find(GUIDE_END)
    if start < 0 or end < start:
        raise SystemExit(f"build: {guide} lacks the markers {GUIDE_BEGIN!r} ... {GUIDE_END!r}")
    new = text[: start + len(GUIDE_BEGIN)] + "\n" + as_subsection(settings_table()) + "\n" + text[end:]
    if new == text:
        return False
    guide.write_text(new, encoding="utf-8")
    return True


def run_pyinstaller(clean: bool) -> None:
    try:
        import PyInstaller.__main__
    except ImportError:
        raise SystemExit('build: PyInstaller is missing; install it with: .venv/bin/python -m pip install -e ".[build]"') from None

    args = ["--noconfirm", "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(WORK)]
    PyInstaller.__main__.run([*args, *(["--clean"] if clean else []), str(SPEC)])


def copy_beside_executable(bundle: Path) -> None:
    for name in BESIDE_EXECUTABLE:
        target = bundle / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(REPO / name, target, ignore=shutil.ignore_patterns(*IGNORED_FILES))
    shutil.copy2(GUIDE, bundle / "INSTALL.md")
    if sys.platform.startswith("linux"):
        install = bundle / "install"
        if install.exists():
            shutil.rmtree(install)
        shutil.copytree(HERE / "linux", install)


def strippable(path: Path) -> bool:
    """A Linux binary of the bundle that `strip` may shrink (not FFmpeg's, which it breaks)."""
    if UNSTRIPPED.match(path.name) or path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def strip_binaries(bundle: Path) -> None:
    """Strip what the host's Python and libraries carry of debug symbols (Linux)."""
    tool = shutil.which("strip")
    if tool is None or not sys.platform.startswith("linux"):
        return
    binaries = [path for path in bundle.rglob("*") if strippable(path)]
    for start in range(0, len(binaries), STRIP_BATCH):
        subprocess.run([tool, *map(str, binaries[start:start + STRIP_BATCH])], check=True)


def check_bundle(bundle: Path, info: dict[str, str]) -> None:
    """Fail the build now rather than on an exhibition PC: the executable starts and says who it is."""
    exe = bundle / (EXE_NAME + (".exe" if sys.platform == "win32" else ""))
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False, env=clean_env())
    expected = f"kiosk {info['version']} ({info['commit']})"
    if done.returncode != 0 or done.stdout.strip() != expected:
        raise SystemExit(f"build: {exe} --version gave {done.stdout!r} {done.stderr!r}, expected {expected!r}")
    missing = [name for name in ("s2hk.json", "hk2s.json") if not list(bundle.rglob(name))]
    missing += [name for name in BESIDE_EXECUTABLE if not (bundle / name).is_dir()]
    if missing:
        raise SystemExit(f"build: missing from {bundle}: {', '.join(missing)}")


def clean_env() -> dict[str, str]:
    """What an exhibition PC has: no Python, no virtual environment."""
    keep = ("HOME", "USERPROFILE", "SYSTEMROOT", "SYSTEMDRIVE", "TEMP", "TMP", "PROGRAMDATA", "APPDATA", "LOCALAPPDATA")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env["PATH"] = os.environ.get("SYSTEMROOT", "C:\\Windows") + "\\System32" if sys.platform == "win32" else "/usr/bin:/bin"
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def archive_name(version: str) -> str:
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(), platform.machine().lower())
    return f"{APP_NAME}-{version}-linux-{machine}.tar.gz"


def make_archive(bundle: Path, version: str) -> Path:
    """A .tar.gz whose one top folder is tiexi-kiosk/; symbolic links stay links."""
    path = DIST / archive_name(version)
    tmp = path.with_suffix(".partial")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=APP_NAME, filter=_normalise)
    tmp.replace(path)
    return path


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def du(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1_000_000:6.1f} MB"


def size_report(bundle: Path, archive: Path | None, top: int = 12) -> str:
    lines = [f"{mb(du(bundle))}  {bundle.relative_to(REPO)}/"]
    parts = [p for p in bundle.iterdir() if p.name != "_internal"] + list((bundle / "_internal").iterdir())
    qt = bundle / "_internal" / "PySide6" / "Qt"
    if qt.is_dir():
        parts = [p for p in parts if p.name != "PySide6"] + list((bundle / "_internal" / "PySide6").iterdir())
        parts = [p for p in parts if p != qt] + list(qt.glob("*/*"))
    for part in sorted(parts, key=du, reverse=True)[:top]:
        lines.append(f"  {mb(du(part))}  {part.relative_to(bundle)}")
    if archive is not None:
        lines.append(f"{mb(archive.stat().st_size)}  {archive.relative_to(REPO)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="build the folder only, no .tar.gz")
    parser.add_argument("--docs", action="store_true", help="only refresh the settings table in packaging/README.md")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    args = parser.parse_args(argv)

    if refresh_guide():
        print(f"build: refreshed the settings table in {GUIDE.relative_to(REPO)}")
    if args.docs:
        return 0
    started = time.monotonic()
    info = write_build_info()
    print(f"build: kiosk {info['version']} ({info['commit']}) for {info['platform']}")
    run_pyinstaller(args.clean)
    bundle = DIST / APP_NAME
    copy_beside_executable(bundle)
    strip_binaries(bundle)
    check_bundle(bundle, info)
    archive = None
    if sys.platform.startswith("linux") and not args.no_archive:
        archive = make_archive(bundle, info["version"])
    print(size_report(bundle, archive))
    print(f"build: done in {time.monotonic() - started:.0f} s")
    if sys.platform == "win32":
        print("build: next, compile packaging\\windows\\tiexi-kiosk.iss with Inno Setup 6 (ISCC.exe)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
