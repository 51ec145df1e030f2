"""Companies directory: A-Z order, sector filter, index strip, columns, lazy cards, taps and drags.

One CompanyDirectory on tests/factory.py's directory exhibition (19 companies in three sectors,
several screens tall), shown at a screen's size; where a tap sends the visitor is read off a
Navigations recorder. Moving on to the profile and Back: tests/test_visitor_journey.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.companies.directory import CompanyDirectory
from tests import gestures
from tests.conftest import factory_context, show_view
from tests.factory import write_directory_exhibition


@pytest.fixture
def ctx(tmp_path: Path):  # noqa: ANN201 - a ViewContext
    return factory_context(tmp_path, write_directory_exhibition)


@pytest.fixture
def view(qtbot, ctx, navigate) -> CompanyDirectory:  # noqa: ANN001
    directory = CompanyDirectory(ctx, navigate)
    show_view(qtbot, directory)
    directory.enter(None)
    return directory


def tap(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown_cards(view: CompanyDirectory) -> dict[str, str]:
    """Company id -> the name its card shows, in display order, read off the cards as a visitor
    scrolling from top to bottom meets them (cards are built as they come near the screen)."""
    seen: dict[str, str] = {}
    bar = view.area.verticalScrollBar()
    step = view.area.viewport().height() // 2
    for y in [*range(0, bar.maximum(), step), bar.maximum()]:
        view.scroll_to(y)
        for company_id, card in view.cards.items():
            if company_id in view.canvas.slots:
                assert not card.isHidden()
                assert card.geometry() == view.canvas.slots[company_id]
                seen[company_id] = card.name.text()
    view.scroll_to(0)
    assert set(seen) == set(view.canvas.shown_ids()), "every shown company's card turned up"
    return {company_id: seen[company_id] for company_id in view.canvas.shown_ids()}


def shown_names(view: CompanyDirectory) -> list[str]:
    return list(shown_cards(view).values())


def in_viewport(view: CompanyDirectory, company_id: str) -> bool:
    card = view.cards[company_id]
    top_left = card.mapTo(view.area.viewport(), card.rect().topLeft())
    return view.area.viewport().rect().contains(top_left)


def test_cards_are_in_pinyin_order_under_letter_headers(qtbot, ctx, view) -> None:  # noqa: ANN001
    names = shown_names(view)
    assert len(names) == len(ctx.exhibition.companies)
    # hua < san < shen: 三生制药 files under its everyday name, not 沈阳三生…
    assert names.index("华晨宝马") < names.index("三生制药") < names.index("沈鼓集团")
    assert names[0] == "安泰科技"
    letters = [s.letter for s in view.canvas.sections]
    assert letters == sorted(letters)
    names = shown_cards(view)
    assert [names[c.id] for c in view.sections["S"].companies] == ["三生制药", "沈鼓集团"]
    assert list(view.strip.buttons) == letters


def test_sector_chip_filters_the_cards_and_the_strip(qtbot, ctx, view, navigate) -> None:  # noqa: ANN001
    assert list(view.chips) == [None, "automotive", "life-science", "machinery"]
    tap(qtbot, view.chips["life-science"])
    assert shown_names(view) == ["三生制药"]
    assert view.current_item() == "life-science"
    assert [letter for letter, b in view.strip.buttons.items() if not b.isHidden()] == ["S"]
    assert view.sector_note.text() == "生物药与沈阳国际生命健康城。"
    assert view.count.text().startswith("1")
    tap(qtbot, view.chips[None])
    assert len(shown_names(view)) == len(ctx.exhibition.companies)
    assert view.current_item() is None
    assert view.sector_note.isHidden()
    assert navigate == [], "filtering stays on the screen"


def test_entering_with_a_sector_prefilters_and_reset_clears(qtbot, view) -> None:  # noqa: ANN001
    view.enter("machinery")
    assert view.chips["machinery"].isChecked()
    assert view.current_item() == "machinery"
    assert "华晨宝马" not in shown_names(view)
    assert "沈鼓集团" in shown_names(view)
    view.scroll_to(view.area.verticalScrollBar().maximum())
    view.reset()
    assert view.current_item() is None
    assert view.chips[None].isChecked()
    assert view.area.verticalScrollBar().value() == 0


def test_entering_with_a_company_scrolls_its_card_into_view(qtbot, view) -> None:  # noqa: ANN001
    view.enter("machinery")
    view.enter("carmaker")  # filtered out by the sector shown: the filter goes
    assert view.current_item() is None
    for company_id in ("college", "carmaker", "compressors"):  # 中德学院 is last (Z), far down
        view.enter(company_id)
        QApplication.processEvents()  # the directory shows the card again once laid out
        assert in_viewport(view, company_id), f"{company_id} is scrolled into view"
    assert view.area.verticalScrollBar().value() > 0


def test_index_strip_scrolls_to_its_section(qtbot, view) -> None:  # noqa: ANN001
    bar = view.area.verticalScrollBar()
    assert bar.maximum() > 0, "the test content must be taller than the screen"
    for button in view.strip.buttons.values():
        assert min(button.width(), button.height()) >= theme.TOUCH_MIN
    tap(qtbot, view.strip.buttons["M"])
    section = view.sections["M"]
    assert bar.value() == min(section.top, bar.maximum()) > 0
    header_y = section.header.mapTo(view.area.viewport(), section.header.rect().topLeft()).y()
    assert 0 <= header_y < view.area.viewport().height()
    assert view.strip.buttons["M"].isChecked()


def test_columns_follow_the_orientation(qtbot, view) -> None:  # noqa: ANN001
    assert view.canvas.columns == 4
    view.resize(1080, 1920)
    qtbot.waitUntil(lambda: view.canvas.columns == 2)
    first, second = (view.canvas.slots[c.id] for c in view.sections["S"].companies)
    assert first.y() == second.y()
    assert first.x() < second.x()


def test_tapping_a_card_opens_its_profile(qtbot, view, navigate) -> None:  # noqa: ANN001
    view.enter("pharma-co")
    tap(qtbot, view.cards["pharma-co"])
    assert navigate == [(Screen.PROFILE, "pharma-co")]
    tap(qtbot, view.cards[view.canvas.shown_ids()[0]])
    assert navigate[-1] == (Screen.PROFILE, view.canvas.shown_ids()[0])


def test_a_drag_over_the_cards_scrolls_and_opens_nothing(qtbot, view, navigate) -> None:  # noqa: ANN001
    viewport = view.area.viewport()
    card = view.cards[view.canvas.shown_ids()[0]]  # on screen: the finger lands on a tappable card
    start = card.mapTo(viewport, card.rect().center())
    gestures.drag(viewport, start, QPoint(0, -400))
    qtbot.waitUntil(lambda: view.area.verticalScrollBar().value() > 200, timeout=3000)
    assert navigate == []
    assert not card.property("pressed")


def test_cards_are_built_near_the_screen_only_and_far_ones_let_go(qtbot, view, monkeypatch) -> None:  # noqa: ANN001
    from kiosk.ui.companies import directory as companies

    every = view.canvas.shown_ids()
    bar = view.area.verticalScrollBar()
    assert bar.maximum() > 2 * view.area.viewport().height(), "the test content must be several screens tall"
    assert every[-1] not in view.cards, "a card screens below the view is not built yet"
    monkeypatch.setattr(companies, "LIVE_CARDS", 1)  # fewer than a screen holds: all others go
    view.scroll_to(bar.maximum())
    assert every[-1] in view.cards
    assert every[0] not in view.cards, "cards far above were dropped once past LIVE_CARDS"
    view.scroll_to(0)
    bindings = len(view.texts)
    for _ in range(3):
        view.scroll_to(bar.maximum())
        view.scroll_to(0)
    assert len(view.texts) == bindings, "dropped cards take their text bindings with them"
    assert view.cards[every[0]].name.text() == shown_names(view)[0]


def test_a_translated_language_files_names_under_their_own_letters(qtbot, tmp_path, navigate) -> None:  # noqa: ANN001
    """In English the cards follow the English names (BMW under B, 3SBio under #); a name not
    translated keeps its pinyin letter; back in Chinese the pinyin order returns; the card at
    the top of the view stays in view across the switch."""
    from kiosk.content import load_content
    from kiosk.hyphenation import unhyphenated
    from tests.conftest import view_context
    from tests.factory import extend_languages

    content = write_directory_exhibition(tmp_path)
    extend_languages(content)
    exhibition = content / "exhibition.yaml"  # English may fall back: only three names are translated
    exhibition.write_text(exhibition.read_text(encoding="utf-8").replace("complete: true", "complete: false"),
                          encoding="utf-8")
    companies = content / "translations" / "en" / "companies.yaml"
    companies.write_text(companies.read_text(encoding="utf-8") + (
        "  carmaker: {name: BMW Brilliance Automotive}\n"
        "  compressors: {name: Shenyang Blower Works}\n"
        "  pharma-co: {short_name: 3SBio}\n"), encoding="utf-8")
    result = load_content(content)
    assert result.ok, result.problems
    ctx = view_context(result, tmp_path / "media")
    directory = CompanyDirectory(ctx, navigate)
    show_view(qtbot, directory)
    directory.enter(None)
    chinese = [s.letter for s in directory.canvas.sections]

    ctx.set_variant("en")
    names = [unhyphenated(name) for name in shown_names(directory)]
    assert names[0] == "3SBio", "a name starting with a digit files under #, first"
    assert names.index("BMW Brilliance Automotive") < names.index("[简体] 东方电气")  # B before D (dong)
    assert names.index("Shenyang Blower Works") < names.index("[简体] 特变电工")  # S before T (te)
    sections = {s.letter: [c.id for c in s.companies] for s in directory.canvas.sections}
    assert sections["#"] == ["pharma-co"]
    assert "carmaker" in sections["B"]
    assert list(sections) == sorted(sections)
    assert directory.strip.visible_letters == list(sections)
    shown = sorted((b for b in directory.strip.buttons.values() if not b.isHidden()), key=lambda b: (b.x(), b.y()))
    assert [b.text() for b in shown] == list(sections), "the strip reads top to bottom in the new order"

    directory.scroll_to_letter("S")
    ctx.set_variant("zh-Hans")
    assert [s.letter for s in directory.canvas.sections] == chinese
    assert in_viewport(directory, "compressors"), "the card read before the switch is still in view"
    # cards built out of sight take their words a frame later
    qtbot.waitUntil(lambda: all(not card.name.text().startswith("[") for card in directory.cards.values()))
    assert shown_names(directory)[0] == "安泰科技"


def test_a_finger_that_slides_off_a_card_lifts_its_pressed_look(qtbot, view) -> None:  # noqa: ANN001
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    card = view.cards[view.canvas.shown_ids()[0]]
    qtbot.mousePress(card, Qt.MouseButton.LeftButton)
    assert card.property("pressed")
    QApplication.sendEvent(card, QEvent(QEvent.Type.Leave))
    assert not card.property("pressed")
    from kiosk.ui.widgets import TapFrame

    assert "event" not in vars(TapFrame), "no Python event() on cards: it would run for every event a card gets"
