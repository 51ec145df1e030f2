"""Companies: an A-Z directory of company cards, filtered by sector, leading to each profile.

Cards are sorted by the name a visitor knows (the short name where there is one): in Chinese by
its pinyin, taken from the content's own script so the order never moves between 简体 and 繁體;
in English and German by the name as written there, under its own first letter (kiosk.collation). The grid is
placed by hand rather than by a QGridLayout: the view needs each section's y position for the
A-Z strip anyway, and re-flowing 4 <-> 2 columns on rotation is then one loop.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.collation import index_letter, name_key
from kiosk.content.model import Company, Exhibition
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext
from kiosk.ui.navigation import Navigate
from kiosk.ui.pacing import AfterFrame
from kiosk.ui.widgets import (
    Chip,
    ChipFlow,
    ElidedLabel,
    FitLabel,
    KindMark,
    TapFrame,
    TouchButton,
    color_dot,
    drop_farthest,
    flickable,
    label,
    rule,
)

BUILD_AHEAD = 1  # screens' worth of cards built above and below the visible part
LIVE_CARDS = 96  # cards kept built at most (more than the widest build range holds)


def sort_key(ctx: ViewContext, company: Company) -> str:
    """Where a company files in the current language: the pinyin of its Chinese name (the
    curator's `pinyin` key wins), or in a translated language its name there."""
    if ctx.written:
        return name_key(ctx.engine.words(company.display_name, ctx.variant), latin=True, pinyin=company.pinyin)
    return name_key(ctx.engine.written(company.display_name), latin=False, pinyin=company.pinyin)


def order_of(ctx: ViewContext) -> str:
    """Which order the directory shows: one for the Chinese scripts, one per translated language."""
    return ctx.variant if ctx.written else "pinyin"


def sorted_companies(ctx: ViewContext) -> list[Company]:
    """Companies in A-Z order of their display name in the current language (see `sort_key`)."""
    return sorted(ctx.exhibition.companies, key=lambda c: (sort_key(ctx, c), c.id))


def letter_of(ctx: ViewContext, company: Company) -> str:
    return index_letter(sort_key(ctx, company))


class CompanyCard(TapFrame):
    """Sector, name, a one-line summary and the origin: enough to recognise, one tap to read."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, company: Company, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.company = company
        sector = ctx.exhibition.sectors_by_id[company.sector]
        self.setFixedHeight(theme.COMPANY_CARD_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_M, theme.SPACE_M, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_XS)
        head = QHBoxLayout()
        head.setSpacing(theme.SPACE_XS)
        head.addWidget(color_dot(sector.color))
        self.sector = ElidedLabel("caption", 1)  # the chips above name the sector in full
        self.sector.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        texts.bind(self.sector, self.sector.set_full_text, lambda: ctx.t(sector.name))
        head.addWidget(self.sector, 1)
        if company.kind == "institution":
            head.addWidget(KindMark(ctx, texts, company.kind))
        layout.addLayout(head)
        layout.addSpacing(theme.SPACE_XS)
        self.name = FitLabel("heading", theme.TYPE["body"], max_lines=2)
        self.name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        texts.text(self.name, company.display_name)
        layout.addWidget(self.name)
        layout.addStretch(1)
        self.summary = ElidedLabel("body", 1)
        # One line; the card, not the text, decides the width.
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        texts.bind(self.summary, self.summary.set_full_text, lambda: ctx.t(company.summary))
        layout.addWidget(self.summary)
        self.origin = label("", "caption", wrap=False)
        texts.bind(self.origin, self.origin.setText,
                   lambda: ctx.origin_line(company) or " ")  # a line kept, so cards align
        layout.addWidget(self.origin)


@dataclass
class Section:
    letter: str
    header: QWidget
    companies: list[Company] = field(default_factory=list)
    top: int = 0  # y on the canvas, valid while the section is shown
    shown: bool = True


class DirectoryCanvas(QWidget):
    """The scrolled content: a letter header, then that letter's cards in columns.

    Every company has a slot (its place in the grid for the width and filter now), but a card
    widget is built only for slots near the visible part, as the view scrolls there, and at
    most LIVE_CARDS are kept: a directory ten times the bundled one opens as fast as the
    bundled one, and a day of scrolling does not leave every card alive."""

    def __init__(self, companies: dict[str, Company], make_card: Callable[[Company], CompanyCard],
                 texts: TextBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.companies = companies
        self.make_card = make_card
        self.texts = texts
        self.sections: list[Section] = []
        self.sector: str | None = None
        self.columns = 1
        self.slots: dict[str, QRect] = {}  # shown company id -> its place, in display order
        self.cards: dict[str, CompanyCard] = {}  # the cards built now
        self._tops: list[int] = []  # slots' top edges in display order, for finding a band
        self._ids: list[str] = []

    def accepts(self, company: Company) -> bool:
        return self.sector is None or company.sector == self.sector

    def shown_ids(self) -> list[str]:
        return list(self.slots)

    def relayout(self) -> None:
        width, gap = self.width(), theme.SPACE_M
        self.columns = max(1, (width + gap) // (theme.COMPANY_CARD_MIN_WIDTH + gap))
        card_width = (width - gap * (self.columns - 1)) // self.columns
        self.slots = {}
        y = 0
        for section in self.sections:
            shown = [company for company in section.companies if self.accepts(company)]
            section.shown = bool(shown)
            section.header.setVisible(section.shown)
            if not shown:
                continue
            section.top = y
            section.header.setGeometry(0, y, width, theme.SECTION_HEADER_HEIGHT)
            y += theme.SECTION_HEADER_HEIGHT + theme.SPACE_S
            for index, company in enumerate(shown):
                row, column = divmod(index, self.columns)
                self.slots[company.id] = QRect(column * (card_width + gap),
                                               y + row * (theme.COMPANY_CARD_HEIGHT + gap),
                                               card_width, theme.COMPANY_CARD_HEIGHT)
            rows = math.ceil(len(shown) / self.columns)
            y += rows * theme.COMPANY_CARD_HEIGHT + (rows - 1) * gap + theme.SPACE_L
        self._ids = list(self.slots)
        self._tops = [slot.top() for slot in self.slots.values()]
        for company_id, card in self.cards.items():
            slot = self.slots.get(company_id)
            card.setVisible(slot is not None)
            if slot is not None:
                card.setGeometry(slot)
        self.setMinimumHeight(y + theme.SPACE_L)  # room to scroll the last card clear of the edge

    def ensure_cards(self, top: int, bottom: int) -> None:
        """Build (and place) the cards whose slots reach into [top, bottom] of the canvas (the
        directory asks as it scrolls, and after every relayout, which scrolls it)."""
        first = bisect.bisect_left(self._tops, top - theme.COMPANY_CARD_HEIGHT)
        last = bisect.bisect_right(self._tops, bottom)
        wanted = self._ids[first:last]
        for company_id in wanted:
            card = self.cards.get(company_id)
            if card is None:
                card = self.make_card(self.companies[company_id])
                card.setParent(self)
                self.cards[company_id] = card
            card.setGeometry(self.slots[company_id])
            card.show()
        middle = (top + bottom) / 2

        def distance(company_id: str) -> float:
            slot = self.slots.get(company_id)
            return math.inf if slot is None else abs(slot.center().y() - middle)  # filtered out: first to go

        drop_farthest(self.cards, LIVE_CARDS, set(wanted), distance, self.texts)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self.relayout()


class IndexStrip(QWidget):
    """A-Z buttons for the letters on show; a second column only if one does not fit the height."""

    letter_chosen = Signal(str)

    def __init__(self, letters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IndexStrip")
        # The strip takes the height it is given and never asks for more.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        self.setFixedWidth(theme.TOUCH_MIN)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, TouchButton] = {}
        self.visible_letters: list[str] = []
        self.show_letters(letters)

    def _button(self, letter: str) -> TouchButton:
        """The letter's button, made the first time a language's names start with it."""
        if letter not in self.buttons:
            button = TouchButton(letter, self)
            button.setCheckable(True)
            button.setFont(theme.role_font("button-strong"))
            button.clicked.connect(lambda _=False, x=letter: self.letter_chosen.emit(x))
            self.group.addButton(button)
            self.buttons[letter] = button
        return self.buttons[letter]

    def show_letters(self, letters: list[str]) -> None:
        for letter in letters:
            self._button(letter)
        self.visible_letters = list(letters)
        self.place()

    def mark(self, letter: str | None) -> None:
        button = self.buttons.get(letter) if letter else None
        if button is not None and not button.isChecked():
            button.setChecked(True)

    def place(self) -> None:
        size = theme.TOUCH_MIN
        shown = [self.buttons[letter] for letter in self.visible_letters]
        per_column = max(1, self.height() // size)
        columns = max(1, math.ceil(len(shown) / per_column))
        self.setFixedWidth(columns * size)
        for button in self.buttons.values():
            button.setVisible(button in shown)
        for index, button in enumerate(shown):
            column, row = divmod(index, per_column)
            button.setGeometry(column * size, row * size, size, size)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self.place()


class CompanyDirectory(QWidget):
    """The COMPANIES screen: sector chips, the A-Z card grid and its index strip."""

    def __init__(self, ctx: ViewContext, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        self.texts = TextBinder(ctx, self)
        ex = ctx.exhibition
        outer = QHBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_M, 0)
        outer.setSpacing(theme.SPACE_M)
        column = QVBoxLayout()
        column.setSpacing(theme.SPACE_M)
        outer.addLayout(column, 1)

        # Sector chips, wrapping onto a second row rather than hiding any off-screen.
        filters = QHBoxLayout()
        filters.setSpacing(theme.SPACE_M)
        self.chip_row = ChipFlow()
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.chips: dict[str | None, Chip] = {}
        self._add_chip(None, Chip(""), lambda: ctx.ui("all"))
        for sector in ex.sectors:
            if any(c.sector == sector.id for c in ex.companies):
                self._add_chip(sector.id, Chip("", dot=sector.color), lambda s=sector: ctx.t(s.name))
        filters.addWidget(self.chip_row, 1)
        self.count = label("", "caption", wrap=False)
        filters.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        column.addLayout(filters)
        # What the chosen sector stands for, from sectors.yaml: context for a filtered list.
        # At most a few lines, so the cards keep the screen at any type size (the Aa button).
        self.sector_note = ElidedLabel("subheading", theme.SECTOR_NOTE_LINES)
        column.addWidget(self.sector_note)

        self.canvas = DirectoryCanvas(ex.companies_by_id, self._make_card, self.texts)
        self.sections: dict[str, Section] = {}
        self._headers: dict[str, QWidget] = {}  # one per letter, kept across languages
        self._order = ""
        self._arrange()

        self.area, self.scroller = flickable()
        self.area.setWidget(self.canvas)
        self._ahead = AfterFrame(self, self.canvas.ensure_cards)
        self.area.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.area.viewport().installEventFilter(self)  # a taller viewport shows more cards
        column.addWidget(self.area, 1)

        self.strip = IndexStrip(list(self.sections))
        self.strip.letter_chosen.connect(self.scroll_to_letter)
        outer.addWidget(self.strip)

        self.set_sector(None, force=True)
        self.texts.redraw(self.count, self._show_sector_texts)
        self.texts.after_refresh(self.chip_row.relayout)  # chip widths follow the new glyphs
        self.texts.after_refresh(self._rearrange)

    def _arrange(self) -> None:
        """File every company under its letter in the current language's order."""
        self._order = order_of(self.ctx)
        self.sections = {}
        self.canvas.sections = []
        for company in sorted_companies(self.ctx):
            letter = letter_of(self.ctx, company)
            if letter not in self.sections:
                self.sections[letter] = Section(letter, self._section_header(letter))
                self.canvas.sections.append(self.sections[letter])
            self.sections[letter].companies.append(company)
        for letter, header in self._headers.items():
            if letter not in self.sections:
                header.hide()

    def _rearrange(self) -> None:
        """A switch between Chinese and a translated language re-files the cards; the card at
        the top of the view stays there."""
        if order_of(self.ctx) == self._order:
            return
        top = self.area.verticalScrollBar().value()
        at_top = next((cid for cid, slot in self.canvas.slots.items() if slot.bottom() > top), None)
        self._arrange()
        self.canvas.relayout()
        self.strip.show_letters([s.letter for s in self.sections.values() if s.shown])
        if at_top is not None and top > 0:
            self._show_card(at_top)
        else:
            self.scroll_to(0)

    def _make_card(self, company: Company) -> CompanyCard:
        card = CompanyCard(self.ctx, self.texts, company)
        card.tapped.connect(lambda c=company.id: self.navigate(Screen.PROFILE, c))
        return card

    @property
    def cards(self) -> dict[str, CompanyCard]:
        """The cards built now: those on and near the screen (see DirectoryCanvas)."""
        return self.canvas.cards

    def _add_chip(self, sector: str | None, chip: Chip, render) -> None:  # noqa: ANN001
        self.texts.bind(chip, chip.setText, render)
        chip.clicked.connect(lambda _=False: self.set_sector(sector))
        self.chip_group.addButton(chip)
        self.chips[sector] = chip
        self.chip_row.add(chip)

    def _section_header(self, letter: str) -> QWidget:
        if letter in self._headers:
            return self._headers[letter]
        header = self._headers[letter] = QWidget(self.canvas)
        layout = QHBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(label(letter, "letter", wrap=False))
        layout.addWidget(rule(), 1, Qt.AlignmentFlag.AlignVCenter)
        return header

    # --- state -----------------------------------------------------------------------------
    @property
    def sector(self) -> str | None:
        return self.canvas.sector

    def set_sector(self, sector: str | None, *, force: bool = False) -> None:
        """Show one sector's cards (None: all), from the top. Same sector again: nothing moves."""
        if sector not in self.chips:
            sector = None
        if sector == self.canvas.sector and not force:
            self.chips[sector].setChecked(True)
            return
        self.canvas.sector = sector
        self.chips[sector].setChecked(True)
        self.canvas.relayout()
        self.strip.show_letters([s.letter for s in self.sections.values() if s.shown])
        self._show_sector_texts()
        self.scroll_to(0)

    def _show_sector_texts(self) -> None:
        """How many cards show, and what the chosen sector stands for (sectors.yaml)."""
        self.count.setText(self.ctx.count("companies", len(self.canvas.slots)))
        sector = self.ctx.exhibition.sectors_by_id.get(self.sector or "")
        self.sector_note.set_full_text(self.ctx.t(sector.description) if sector is not None else "")
        self.sector_note.setVisible(bool(self.sector_note.full_text))

    # --- scrolling -------------------------------------------------------------------------
    def scroll_to(self, y: int) -> None:
        self.scroller.stop()
        self.area.verticalScrollBar().setValue(y)
        self._scrolled(self.area.verticalScrollBar().value())

    def scroll_to_letter(self, letter: str) -> None:
        section = self.sections.get(letter)
        if section is not None and section.shown:
            self.scroll_to(section.top)
            self.strip.mark(letter)

    def section_at(self, y: int) -> Section | None:
        """The section whose header was last passed at scroll position y."""
        current = None
        for section in self.sections.values():
            if section.shown and section.top <= y + theme.SECTION_HEADER_HEIGHT:
                current = section
        return current

    def _scrolled(self, value: int) -> None:
        height = self.area.viewport().height()
        self.canvas.ensure_cards(value, value + height)  # what shows now; the rest after the paint
        self._ahead.request(value - height * BUILD_AHEAD, value + height * (1 + BUILD_AHEAD))
        bar = self.area.verticalScrollBar()
        if bar.maximum() and value >= bar.maximum():  # at the end, the last letter is the one read
            shown = [s for s in self.sections.values() if s.shown]
            section = shown[-1] if shown else None
        else:
            section = self.section_at(value)
        self.strip.mark(section.letter if section else None)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt override
        if watched is self.area.viewport() and event.type() == QEvent.Type.Resize:
            self._scrolled(self.area.verticalScrollBar().value())
        return super().eventFilter(watched, event)

    # --- ScreenView -------------------------------------------------------------------------
    @staticmethod
    def showcase(exhibition: Exhibition) -> list[str | None]:
        return [None]

    @staticmethod
    def items(exhibition: Exhibition) -> Iterable[str]:
        """The directory filtered to each sector."""
        return [sector.id for sector in exhibition.sectors]

    def warm(self) -> Iterator[None]:
        yield from ()

    def enter(self, item: str | None) -> None:
        ex = self.ctx.exhibition
        if item in ex.companies_by_id:  # bring one company's card into view
            if not self.canvas.accepts(ex.companies_by_id[item]):
                self.set_sector(None)
            self._show_card(item)
            # A directory built just now has not had its real width yet (columns, y): again
            # once it has been laid out.
            QTimer.singleShot(0, self, lambda: self._show_card(item))
            return
        self.set_sector(item if item in ex.sectors_by_id else None)

    def _show_card(self, company_id: str) -> None:
        self.canvas.relayout()
        self.scroll_to(self.canvas.slots[company_id].y() - theme.SECTION_HEADER_HEIGHT)

    def leave(self) -> None:
        self.scroller.stop()

    def reset(self) -> None:
        self.set_sector(None)
        self.scroll_to(0)

    def current_item(self) -> str | None:
        return self.canvas.sector
