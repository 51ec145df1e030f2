"""The content model and the script engine must work where Qt is absent (curators' laptops, CI)."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'qtawesome'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, _NoQt())
import kiosk.content, kiosk.content.load, kiosk.content.schema, kiosk.content.geo, kiosk.cli
import kiosk.script
import kiosk.runtime.machine, kiosk.runtime.settings, kiosk.runtime.pin, kiosk.runtime.logs
import kiosk.runtime.supervise, kiosk.runtime.configcmd
print('ok')
"""


def test_core_imports_with_qt_blocked() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_names_file_under_their_letter_in_their_script() -> None:
    from kiosk.collation import index_letter, name_key

    assert index_letter(name_key("沈鼓集团", latin=False)) == "S"
    assert index_letter(name_key("华晨宝马", latin=False, pinyin="bao ma")) == "B"  # the curator's key wins
    assert index_letter(name_key("Österreichische Werke", latin=True)) == "O"  # umlauts sort as their base
    assert name_key("Ärzte", latin=True) < name_key("Azur", latin=True) < name_key("Bühler", latin=True)
    assert index_letter(name_key("3SBio", latin=True)) == "#"
    assert index_letter(name_key("沈鼓集团", latin=True)) == "S", "a name left in Chinese keeps its pinyin letter"
