"""Point Qt at the bundle's plugins without importing QtCore at start-up.

PyInstaller's hook for PySide6 imports QtCore in every run to register a qt.conf; the
PySide6 wheel's QtCore already embeds its own relocatable one, and the build keeps no
QML, translations or TLS backends, so the plugin folder is all Qt needs to be told. The
command-line verbs (`kiosk validate`, `kiosk config`, `kiosk supervise`) never touch Qt
and start about 60 ms sooner.
"""


def _pyi_rthook() -> None:
    import os
    import sys

    qt_dir = os.path.join(sys._MEIPASS, "PySide6") if sys.platform == "win32" else os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")


_pyi_rthook()
del _pyi_rthook
