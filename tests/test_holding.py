"""A block of a long page sits out a switch of language while out of sight: held at its height,
not laid out, until the paint; then it shows its new words at their own height."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.hyphenation import unhyphenated
from kiosk.screens import Screen
from kiosk.ui.holding import Holder
from kiosk.ui.timeline.view import ComparisonRow, EventDetail
from kiosk.ui.widgets import label

SHORT = "Ein kurzer Satz."
LONG = " ".join(["Ein viel längerer Absatz, der über mehrere Zeilen läuft."] * 12)


class CountingBlock(QWidget):
    """A block whose label counts how often Qt asks its height."""

    def __init__(self) -> None:
        super().__init__()
        self.text = label(SHORT, "body")
        self.asked = 0
        asked_height = self.text.heightForWidth

        def counted(width: int) -> int:
            self.asked += 1
            return asked_height(width)

        self.text.heightForWidth = counted
        QVBoxLayout(self).addWidget(self.text)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_a_held_block_keeps_its_place_is_not_laid_out_and_grows_when_released(qtbot) -> None:  # noqa: ANN001
    page = QWidget()
    layout = QVBoxLayout(page)
    block = CountingBlock()
    holder = Holder(block)
    below = label("Darunter", "body")
    for widget in (label("Darüber", "body"), holder, below):
        layout.addWidget(widget)
    layout.addStretch(1)
    qtbot.addWidget(page)
    page.resize(600, 1200)
    page.show()
    settle()
    height, place = holder.height(), below.y()

    holder.hold()
    block.asked = 0
    block.text.setText(LONG)  # its new words, while it is held
    settle()
    assert block.isHidden()
    assert holder.holding
    assert (holder.height(), below.y()) == (height, place), "the page does not move while the block is held"
    assert block.asked == 0, "a held block is not laid out"

    holder.release()
    settle()
    assert block.isVisible()
    assert not holder.holding
    assert holder.height() > 2 * height, "released, it takes the height its words need"
    assert below.y() > place
    holder.release()  # a second release changes nothing
    assert block.isVisible()


def test_holding_leaves_a_block_hidden_on_purpose_alone(qtbot) -> None:  # noqa: ANN001
    block = CountingBlock()
    holder = Holder(block)
    qtbot.addWidget(holder)
    holder.show()
    block.hide()  # e.g. a row with nothing to show
    holder.hold()
    holder.release()
    assert block.isHidden()
    assert not holder.holding


def test_a_switch_shows_the_sheets_rows_far_out_of_sight_after_its_paint(qtbot, kiosk) -> None:  # noqa: ANN001
    """On the plan with the most comparisons, the rows more than a screen below the fold wait,
    at their height, for the first paint of the new language; the rows in sight or near it
    (which new heights above could bring into sight) take it at once; then every row shows it."""
    ex, window = kiosk.ctx.exhibition, kiosk.window
    event = max(ex.events_sorted, key=lambda e: len(ex.comparisons_for(e.id)))
    window.navigate(Screen.TIMELINE, event.id)
    settle()
    sheet = window.findChild(EventDetail)
    holders = sheet.findChildren(Holder)
    far = [h for h in holders if h.far_out_of_sight()]
    near = [h for h in holders if h not in far]
    assert far
    assert any(h.visibleRegion().isEmpty() for h in near), "a row just out of sight is near"
    heights = [h.height() for h in far]

    qtbot.mouseClick(window.top_bar.variant_buttons["en"], Qt.MouseButton.LeftButton)
    QApplication.processEvents()  # up to the switch's first paint
    assert [h.height() for h in far] == heights
    assert all(h.holding and h.block.isHidden() for h in far)
    assert not any(h.holding for h in near)

    qtbot.waitUntil(lambda: not any(h.holding for h in holders))
    rows = sheet.findChildren(ComparisonRow)
    assert all(row.isVisible() for row in rows)
    # (Soft hyphens apart: a long word's arrive from the hyphenation batch whenever it is done.)
    shown = [unhyphenated(row.title.text()) for row in rows]
    assert shown == [unhyphenated(kiosk.ctx.t(row.comparison.title)) for row in rows]
    assert all(title.isascii() for title in shown), "every row is in English"


def test_only_a_block_in_a_scrolled_page_is_ever_far_out_of_sight(qtbot) -> None:  # noqa: ANN001
    holder = Holder(CountingBlock())
    qtbot.addWidget(holder)
    holder.move(0, 50_000)
    holder.show()
    assert not holder.far_out_of_sight()
