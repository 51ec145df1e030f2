"""Timeline: events on a horizontal, flickable track under era bands, a year scrubber, a detail.

Cards are built lazily as they scroll into view, so a content pack ten times the bundled one
starts as fast; the track's geometry is computed from the model alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Comparison, Event, Exhibition
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, TextValue, ViewContext
from kiosk.ui.holding import Holder
from kiosk.ui.navigation import Navigate
from kiosk.ui.pacing import AfterFrame
from kiosk.ui.reach import needs_reach
from kiosk.ui.widgets import (
    Chip,
    ElidedLabel,
    FactTile,
    FilmPlayer,
    FlowLayout,
    MediaImage,
    PhotoSet,
    TapFrame,
    TouchButton,
    flickable,
    hide_unless,
    label,
    make_kinetic,
    repolish,
)

BUILD_AHEAD = 2  # screens' worth of cards built beyond the visible range


def slot() -> int:
    """One event's share of the track (its card grows with the type)."""
    return theme.CARD_WIDTH + theme.SPACE_M


class EventCard(TapFrame):
    def __init__(self, ctx: ViewContext, texts: TextBinder, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = event
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_M, theme.SPACE_M, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_XS)
        head = QHBoxLayout()
        self.date = label("", "caption", wrap=False)
        texts.bind(self.date, self.date.setText, lambda: ctx.when(event))
        head.addWidget(self.date, 1)
        if event.kind == "target":
            badge = label("", "target", wrap=False)
            texts.ui(badge, "target")
            head.addWidget(badge)
        layout.addLayout(head)
        self.title = ElidedLabel("heading", theme.CARD_TITLE_LINES)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary = ElidedLabel("body", theme.CARD_TITLE_LINES)
        self.summary.fill_height()  # what the card's height leaves below date and title
        texts.bind(self.title, self.title.set_full_text, lambda: ctx.t(event.title))
        # Tall portrait cards have room for the body too; the label elides whatever does not fit.
        texts.bind(self.summary, self.summary.set_full_text,
                   lambda: "\n".join(filter(None, (ctx.t(event.summary), ctx.t(event.body)))))
        layout.addWidget(self.title)
        layout.addWidget(self.summary, 1)

    def set_height(self, height: int) -> None:
        self.setFixedSize(theme.CARD_WIDTH, height)


class EraBand(QFrame):
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.shade)
        painter.drawRoundedRect(self.rect(), theme.RADIUS_S, theme.RADIUS_S)

    def __init__(self, ctx: ViewContext, texts: TextBinder, era, shade: str, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("EraBand")
        # Painted here, not by a style sheet of its own: a widget with its own sheet no longer
        # follows the window's font, so its names would stay in the first script's face.
        self.shade = QColor(shade)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_S, theme.SPACE_XS, theme.SPACE_S, theme.SPACE_XS)
        layout.setSpacing(0)
        self.title = ElidedLabel("body", 1)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        texts.bind(self.title, self.title.set_full_text, lambda: ctx.t(era.title))
        layout.addWidget(self.title)
        layout.addWidget(label(f"{era.start}—{era.end}", "caption", wrap=False))


class Track(QWidget):
    """The scrolling canvas: era bands on top, year ticks, and event cards in date order."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, events: tuple[Event, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.texts = texts
        self.events = events
        self.cards: dict[int, EventCard] = {}
        self.on_tap = lambda _event: None
        self.card_height = theme.CARD_HEIGHT
        self._in_view = range(0)
        width = theme.SPACE_XL * 2 + len(events) * slot()
        self.setFixedSize(width, self.card_top + self.card_height)
        self._place_eras()
        self._place_years()

    def x_of(self, index: int) -> int:
        return theme.SPACE_XL + index * slot()

    @property
    def card_top(self) -> int:
        return theme.ERA_BAND_HEIGHT + theme.SPACE_S + theme.YEAR_TICK_HEIGHT + theme.SPACE_S

    def _place_eras(self) -> None:
        shades = [self.ctx.palette.map_land, self.ctx.palette.line]
        by_era: dict[str, list[int]] = {}
        for index, event in enumerate(self.events):
            by_era.setdefault(event.era, []).append(index)
        eras = {e.id: e for e in self.ctx.exhibition.timeline.eras}
        for n, (era_id, indices) in enumerate(by_era.items()):
            band = EraBand(self.ctx, self.texts, eras[era_id], shades[n % 2], self)
            left, right = self.x_of(min(indices)), self.x_of(max(indices)) + theme.CARD_WIDTH
            band.setGeometry(left, 0, right - left, theme.ERA_BAND_HEIGHT)

    def _place_years(self) -> None:
        last_year = None
        for index, event in enumerate(self.events):
            if event.date.year != last_year:
                last_year = event.date.year
                tick = label(str(last_year), "heading", wrap=False, parent=self)
                theme.apply_role(tick, "title")
                tick.setGeometry(self.x_of(index), theme.ERA_BAND_HEIGHT + theme.SPACE_S,
                                 theme.CARD_WIDTH, theme.YEAR_TICK_HEIGHT)

    def _slots(self, left: int, right: int) -> range:
        first = max(0, (left - theme.SPACE_XL) // slot())
        return range(first, min(len(self.events) - 1, (right - theme.SPACE_XL) // slot()) + 1)

    def ensure_cards(self, left: int, right: int, *, settle: bool = False) -> None:
        """Build the cards whose slots fall within [left, right] of the track (hidden until they
        come into view, see `show_cards`). To `settle` (the range built ahead once the track is
        still) is also to let the cards beyond it go: a hidden card is neither laid out nor
        painted, but a switch of language still gives every label in it the new face, and a
        visitor who has been through the years would otherwise leave dozens of them built."""
        wanted = self._slots(left, right)
        for index in wanted:
            if index not in self.cards:
                card = EventCard(self.ctx, self.texts, self.events[index], self)
                card.setVisible(index in self._in_view)
                card.move(self.x_of(index), self.card_top)
                card.set_height(self.card_height)
                card.tapped.connect(lambda e=self.events[index]: self.on_tap(e))
                self.cards[index] = card
        if settle:
            for index in [i for i in self.cards if i not in wanted]:
                self.texts.discard(self.cards.pop(index))

    def show_cards(self, left: int, right: int) -> None:
        """Show the built cards within [left, right] and hide the rest. A hidden card is neither
        laid out nor painted: a switch of language re-lays out what is in view, not the screens
        of cards built ahead on either side."""
        self._in_view = self._slots(left, right)
        for index, card in self.cards.items():
            if card.isHidden() == (index in self._in_view):
                card.setVisible(index in self._in_view)

    def fit_height(self, available: int, *, portrait: bool = False) -> None:
        """Let cards grow into the height the screen offers: on a portrait screen all of it,
        so the track fills the screen rather than floating in a band of empty paper."""
        room = available - self.card_top
        height = max(theme.CARD_HEIGHT, room if portrait else min(theme.CARD_MAX_HEIGHT, room))
        if height != self.card_height:
            self.card_height = height
            self.setFixedHeight(self.card_top + height)
            for card in self.cards.values():
                card.set_height(height)

    def index_at(self, x: int) -> int:
        return max(0, min(len(self.events) - 1, (x - theme.SPACE_XL) // slot()))


class EventDetail(QFrame):
    """A sheet over the track: the whole event, its media, related companies and its source."""

    refilled = Signal()  # its texts are in a new language: its height may have changed

    def __init__(self, ctx: ViewContext, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        self.setObjectName("Sheet")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.shown: Event | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        outer.setSpacing(theme.SPACE_S)
        head = QHBoxLayout()
        self.prev = TouchButton(icon_name="mdi6.chevron-left", color=ctx.palette.ink)
        self.next = TouchButton(icon_name="mdi6.chevron-right", color=ctx.palette.ink)
        self.close_button = TouchButton(icon_name="mdi6.close", color=ctx.palette.ink)
        self.date = label("", "subheading", wrap=False)
        self.badge = label("", "target", wrap=False)
        head.addWidget(self.date)
        head.addWidget(self.badge)
        head.addStretch(1)
        outer.addLayout(head)
        # Previous, next and close along the sheet's bottom edge: within reach however tall the
        # screen (kiosk.reach), and where a thumb rests after reading down the page.
        controls = QHBoxLayout()
        controls.addStretch(1)
        for button in (self.prev, self.next, self.close_button):
            controls.addWidget(button)
        needs_reach(self.prev, self.next, self.close_button)
        self.title = label("", "title")
        outer.addWidget(self.title)
        self.scroll, _scroller = flickable()
        outer.addWidget(self.scroll, 1)
        outer.addLayout(controls)
        self.body_host: QWidget | None = None
        # The sheet's own binder: its texts follow a switch of language without a rebuild.
        self.texts = TextBinder(ctx, self)
        for button, key in ((self.prev, "previous"), (self.next, "next"), (self.close_button, "close")):
            self.texts.ui(button, key, setter="setAccessibleName")  # icon-only: named for screen readers
        self.texts.redraw(self, self._fill_head)
        self.texts.after_refresh(self.refilled.emit)

    def height_for_width(self, width: int) -> int:
        """The sheet's natural height at `width`, so short events get a short sheet."""
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        chrome = theme.TOUCH_MIN + self.title.heightForWidth(inner) + 2 * self.layout().spacing()
        body = self.body_host.layout().heightForWidth(self._body_width(inner)) if self.body_host else 0
        return margins.top() + margins.bottom() + chrome + body + theme.SPACE_M

    def _body_width(self, inner: int) -> int:
        """The width the body is laid out at: the sheet's, less the scroll bar's while it shows
        (a sheet at its tallest stays so). Measured at the width it will have, every text on
        the sheet is measured at one width, not at two."""
        bar = self.scroll.verticalScrollBar()
        return inner - bar.width() if bar.isVisible() else inner

    def show_event(self, event: Event) -> None:
        self.shown = event
        self.render()

    def _fill_head(self) -> None:
        event, ctx = self.shown, self.ctx
        if event is None:
            return
        self.date.setText(ctx.when(event))
        self.badge.setText(ctx.ui("target") if event.kind == "target" else "")
        self.title.setText(ctx.t(event.title))

    def render(self) -> None:
        """Build the contents for the current event once; a language switch then re-fills the
        texts through the sheet's binder instead of building it again."""
        event, ctx, texts = self.shown, self.ctx, self.texts
        if event is None:
            return
        self._fill_head()
        position = self.scroll.verticalScrollBar().value()
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, theme.SPACE_S, 0)
        layout.setSpacing(theme.SPACE_M)

        def text(value: TextValue, role: str) -> None:
            shown = label("", role)
            texts.text(shown, value)
            layout.addWidget(shown)

        def words(render: Callable[[], str], role: str) -> None:
            shown = label("", role)
            texts.bind(shown, shown.setText, render)
            layout.addWidget(shown)

        text(event.summary, "subheading")
        if event.body:
            text(event.body, "body")
        photos = PhotoSet(ctx, host)
        box = QSize(theme.DETAIL_IMAGE_WIDTH, theme.DETAIL_IMAGE_HEIGHT)
        for item in event.media:
            if item.is_film:
                layout.addWidget(FilmPlayer(ctx, item, box))
                words(lambda item=item: ctx.caption_line(item), "caption")
                continue
            image = MediaImage(ctx.media, item.file, box)
            if image.ok:
                photos.add(image, item)
                layout.addWidget(image)
                if item.caption or item.credit:
                    words(lambda item=item: ctx.caption_line(item), "caption")
        companies = [ctx.exhibition.companies_by_id[c] for c in event.companies]
        if companies:
            words(lambda: ctx.ui("related_companies"), "heading")
            row = QWidget()
            flow = FlowLayout(row)
            for company in companies:
                chip = Chip("", dot=ctx.exhibition.sectors_by_id[company.sector].color)
                texts.text(chip, company.display_name)
                chip.setCheckable(False)
                chip.clicked.connect(lambda _=False, c=company.id: self.navigate(Screen.PROFILE, c))
                flow.addWidget(chip)
            layout.addWidget(row)
        comparisons = ctx.exhibition.comparisons_for(event.id)
        if comparisons:
            words(lambda: ctx.ui("targets_and_results"), "heading")
            for comparison in comparisons:
                compared = ComparisonRow(ctx, comparison)
                for tile in compared.tiles:  # each figure, with its source, on the figures screen
                    tile.tappable = True
                    tile.tapped.connect(lambda t=tile: self.navigate(Screen.FIGURES, getattr(t.fact, "id", None)))
                texts.redraw(compared, compared.fill)
                layout.addWidget(Holder(compared))  # far out of sight, it sits out a switch's first paint
        words(lambda: ctx.source_line(event.source), "caption")
        layout.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            texts.discard(old)
        self.scroll.setWidget(host)
        self.body_host = host
        QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(position))


class ComparisonRow(QWidget):
    """A plan's goal beside what later sources report, each tile saying where it comes from,
    and the sources' own words on the gap."""

    def __init__(self, ctx: ViewContext, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.comparison = comparison
        figures = ctx.exhibition.figures_by_id
        self.figures = (figures[comparison.target], *(figures[i] for i in comparison.results))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_XS)
        self.title = label("", "subheading")
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_S)
        self.tiles: list[FactTile] = []
        for figure in self.figures:
            tile = FactTile()
            if figure.kind == "target":
                tile.setProperty("target", True)
            self.tiles.append(tile)
            row.addWidget(tile, 1)
        layout.addLayout(row)
        self.note = label("", "body")
        hide_unless(self.note, bool(comparison.note))
        layout.addWidget(self.note)
        self.fill()

    def fill(self) -> None:
        """The texts in the current language (again on each switch)."""
        ctx = self.ctx
        self.title.setText(ctx.t(self.comparison.title))
        for tile, figure in zip(self.tiles, self.figures, strict=True):
            tile.show_fact(ctx, figure, ctx.source_short(figure.source))
        self.note.setText(ctx.t(self.comparison.note))


class TimelineView(QWidget):
    def __init__(self, ctx: ViewContext, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        self.texts = TextBinder(ctx, self)
        self.events = ctx.exhibition.events_sorted
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.SPACE_M, 0, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_M)

        self.years = sorted({e.date.year for e in self.events})
        scrub = QHBoxLayout()
        scrub.setContentsMargins(theme.SPACE_XL, 0, theme.SPACE_XL, 0)
        scrub.setSpacing(theme.SPACE_XS)
        self.year_buttons: dict[int, Chip] = {}
        for year in self.years:
            chip = Chip(str(year))
            chip.clicked.connect(lambda _=False, y=year: self.jump_to_year(y))
            self.year_buttons[year] = chip
            scrub.addWidget(chip)
        scrub.addStretch(1)
        self.scrub_host = QWidget()
        self.scrub_host.setLayout(scrub)
        scrub_area = QScrollArea()
        scrub_area.setWidget(self.scrub_host)
        scrub_area.setWidgetResizable(True)
        scrub_area.setFixedHeight(theme.TOUCH_MIN + theme.SPACE_S)
        make_kinetic(scrub_area, horizontal=True)
        self.scrub_area = scrub_area
        layout.addWidget(scrub_area)

        self.track = Track(ctx, self.texts, self.events)
        self.track.on_tap = self.open_event
        self.area = QScrollArea()
        self.area.setWidget(self.track)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.scroller = make_kinetic(self.area, horizontal=True)
        self.area.viewport().installEventFilter(self)
        self._ahead = AfterFrame(self, lambda left, right: self.track.ensure_cards(left, right, settle=True))
        self.area.horizontalScrollBar().valueChanged.connect(self._scrolled)
        layout.addWidget(self.area, 1)

        self.hint = label("", "caption", wrap=False)
        self.hint.setContentsMargins(theme.SPACE_XL, 0, 0, 0)
        # One height in every face: a line a pixel taller in CJK would resize the track, and
        # every card with it, on each switch of language.
        self.hint.setFixedHeight(theme.CAPTION_LINE_HEIGHT)
        self.texts.bind(self.hint, self.hint.setText,
                        lambda: f"{ctx.count('events', len(self.events))} · {self.years[0]}–{self.years[-1]}")
        layout.addWidget(self.hint)

        self.scrim = TapFrame(self)
        self.scrim.setObjectName("Overlay")
        self.scrim.setProperty("card", False)
        self.scrim.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.scrim.tapped.connect(self.close_event)
        self.scrim.hide()
        self.detail = EventDetail(ctx, navigate, self)
        self.detail.hide()
        self.detail.close_button.clicked.connect(self.close_event)
        self.detail.prev.clicked.connect(lambda: self._step(-1))
        self.detail.next.clicked.connect(lambda: self._step(1))
        self.detail.refilled.connect(self._place_detail)

    # --- geometry --------------------------------------------------------------------------
    def _scrolled(self, value: int) -> None:
        width = self.area.viewport().width()
        self.track.show_cards(value - slot(), value + width + slot())  # a card's worth on each side
        self.track.ensure_cards(value, value + width)  # what shows now; the rest after the paint
        self._ahead.request(value - width * BUILD_AHEAD, value + width * (1 + BUILD_AHEAD))
        year = self.events[self.track.index_at(value + slot() // 2)].date.year
        for y, chip in self.year_buttons.items():
            if chip.isChecked() != (y == year):
                chip.setChecked(y == year)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt override
        if watched is self.area.viewport() and event.type() == QEvent.Type.Resize:
            self.track.fit_height(event.size().height() - theme.SPACE_M, portrait=self.height() > self.width())
            self._scrolled(self.area.horizontalScrollBar().value())
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        # The years to jump to above the track on a wide screen; below it, within reach, on a
        # tall one (kiosk.reach).
        portrait = self.height() > self.width()
        layout = self.layout()
        if (layout.indexOf(self.scrub_area) > layout.indexOf(self.area)) != portrait:
            layout.removeWidget(self.scrub_area)
            layout.insertWidget(layout.indexOf(self.area) + 1 if portrait else 0, self.scrub_area)
        self._place_detail()

    def _place_detail(self) -> None:
        margin = theme.SPACE_L
        portrait = self.height() > self.width()
        width = self.width() - 2 * margin if portrait else min(self.width() - 2 * margin, theme.DETAIL_WIDTH)
        available = self.height() - 2 * margin
        height = min(available, self.detail.height_for_width(width))
        self.detail.setGeometry((self.width() - width) // 2, (self.height() - height) // 2, width, height)
        self.scrim.setGeometry(self.rect())

    # --- actions ---------------------------------------------------------------------------
    def scroll_to_index(self, index: int) -> None:
        self.scroller.stop()
        self.area.horizontalScrollBar().setValue(max(0, self.track.x_of(index) - theme.SPACE_XL))

    def jump_to_year(self, year: int) -> None:
        index = next(i for i, e in enumerate(self.events) if e.date.year >= year)
        self.scroll_to_index(index)

    def open_event(self, event: Event) -> None:
        index = self.events.index(event)
        self.scroll_to_index(index)
        self.detail.show_event(event)
        self._place_detail()
        self.scrim.show()
        self.scrim.raise_()
        self.detail.show()
        self.detail.raise_()
        for card_index, card in self.track.cards.items():
            current = card_index == index
            if bool(card.property("current")) != current:
                card.setProperty("current", current)
                repolish(card)

    def close_event(self) -> None:
        self.scrim.hide()
        self.detail.hide()
        self.detail.shown = None

    def _step(self, delta: int) -> None:
        if self.detail.shown is None:
            return
        index = self.events.index(self.detail.shown) + delta
        if 0 <= index < len(self.events):
            self.open_event(self.events[index])

    # --- ScreenView -------------------------------------------------------------------------
    @staticmethod
    def showcase(exhibition: Exhibition) -> list[str | None]:
        """The track, its first event, and the first event that sets a plan's goals beside results."""
        compared = [c.event for c in exhibition.comparisons if c.event][:1]
        return [None, exhibition.events_sorted[0].id, *compared]

    @staticmethod
    def items(exhibition: Exhibition) -> Iterable[str]:
        return [event.id for event in exhibition.events_sorted]

    def warm(self) -> Iterator[None]:
        yield from ()

    def enter(self, item: str | None) -> None:
        if item is not None and item in self.ctx.exhibition.events_by_id:
            self.open_event(self.ctx.exhibition.events_by_id[item])
        else:
            self.close_event()  # the track without a detail (Back from an event, or a fresh visit)
        self._scrolled(self.area.horizontalScrollBar().value())

    def leave(self) -> None:
        self.scroller.stop()

    def reset(self) -> None:
        self.close_event()
        self.scroll_to_index(0)

    def current_item(self) -> str | None:
        return self.detail.shown.id if self.detail.shown is not None and self.detail.isVisible() else None
