"""A company's profile: who it is, what the sources say, its key figures, its place and its story.

One page per company, built when the company is opened and dropped when another is. A script
toggle re-renders the page's texts in place (nothing is rebuilt), so the visitor keeps both the
open company and the scroll position.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Company, Event, Exhibition, KeyFact, MediaItem
from kiosk.screens import Screen
from kiosk.ui import theme
from kiosk.ui.context import TextBinder, ViewContext, citation
from kiosk.ui.navigation import Navigate
from kiosk.ui.pacing import AfterFrame
from kiosk.ui.widgets import (
    Chip,
    FactTile,
    FilmPlayer,
    KindMark,
    MediaImage,
    PhotoSet,
    TapFrame,
    TouchButton,
    flickable,
    hide_unless,
    icon,
    label,
    repolish,
    rule,
    show_if,
)


def clear(layout: QLayout) -> None:
    """Take every item out of a layout, leaving its widgets alive for re-arranging.

    Widgets go out through removeWidget, which deletes their layout item in C++: an item merely
    taken stays registered as the widget's item, and the widget's next layout then never hears
    of its size changes (stale heights, clipped or gaping blocks).
    """
    while layout.count():
        widget = layout.itemAt(0).widget()
        if widget is not None:
            layout.removeWidget(widget)
        else:
            layout.takeAt(0)


# --- the page ------------------------------------------------------------------------------
class EventRow(TapFrame):
    """A related timeline event: its date and title; tapping opens it on the timeline."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event = event
        self.setMinimumHeight(theme.EVENT_ROW_HEIGHT)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_S, theme.SPACE_S, theme.SPACE_S)
        layout.setSpacing(theme.SPACE_S)
        text = QVBoxLayout()
        text.setSpacing(theme.SPACE_XS)
        head = QHBoxLayout()
        head.setSpacing(theme.SPACE_S)
        self.date = label("", "caption", wrap=False)
        texts.bind(self.date, self.date.setText, lambda: ctx.when(event))
        head.addWidget(self.date)
        if event.kind == "target":  # a plan's goal, labelled so it never reads as something done
            badge = label("", "target", wrap=False)
            texts.ui(badge, "target")
            head.addWidget(badge)
        head.addStretch(1)
        text.addLayout(head)
        self.title = label("", "strong")
        texts.text(self.title, event.title)
        text.addWidget(self.title)
        layout.addLayout(text, 1)
        chevron = QLabel()
        chevron.setPixmap(icon("mdi6.chevron-right", ctx.palette.muted, theme.ICON_M))
        layout.addWidget(chevron, 0, Qt.AlignmentFlag.AlignVCenter)


class FactGrid(QWidget):
    """Key-fact tiles in as many columns as the column width allows."""

    def __init__(self, tiles: list[FactTile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(theme.SPACE_S)
        self.filler = QWidget(self)
        self.columns = 0
        self.fit = 1
        self.shape = (0, 0)  # (columns of tiles, columns of width they share)
        self.set_columns(1)

    def extend(self, tiles: list[FactTile]) -> None:
        """More tiles after the first ones (those below the fold, made after the first paint)."""
        self.tiles += tiles
        self.shape = (0, 0)
        self.set_columns(self.fit)
        for tile in tiles:
            tile.show()  # now, not on the layout's next pass: they belong to this frame

    def set_columns(self, fit: int) -> bool:
        """Lay the tiles out for at most `fit` columns, in balanced rows (4 tiles: 2 x 2, not
        3 + 1). Returns whether anything moved."""
        fit = self.fit = max(1, fit)
        rows = max(1, math.ceil(len(self.tiles) / fit))
        columns = max(1, math.ceil(len(self.tiles) / rows))
        spread = max(columns, min(fit, 2))
        if (columns, spread) == self.shape:
            return False
        self.shape = (columns, spread)
        self.columns = columns
        clear(self.grid)
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
        # A lone tile keeps half the width rather than stretching into a banner: an empty
        # column takes no space in a QGridLayout, so a blank widget holds the other half.
        self.filler.setVisible(spread > columns)
        if spread > columns:
            self.grid.addWidget(self.filler, 0, columns)
        for column in range(max(self.grid.columnCount(), spread)):
            self.grid.setColumnStretch(column, 1 if column < spread else 0)
        return True


def stack(spacing: int) -> tuple[QWidget, QVBoxLayout]:
    """A borderless vertical block: one part of the profile page."""
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return host, layout


class ProfilePage(QWidget):
    """Everything about one company, arranged in two columns (landscape) or one (portrait)."""

    def __init__(self, ctx: ViewContext, texts: TextBinder, navigate: Navigate, company: Company,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        self.company = company
        self.texts = texts  # the screen's binder: a page replaced by the next is discarded from it
        # What lies below the fold of a long page (BMW's: its later figures, its photos, its
        # events) is made a frame after the first paint: the tap waits only for what it shows.
        self._later: list[Callable[[], None]] = []
        ex = ctx.exhibition
        self.sector = ex.sectors_by_id[company.sector]

        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_XL)
        outer.setSpacing(theme.SPACE_L)
        outer.addWidget(self._header())
        outer.addWidget(rule())
        columns = QHBoxLayout()
        columns.setSpacing(theme.SPACE_XL)
        self.main = QVBoxLayout()
        self.main.setSpacing(theme.SPACE_L)
        self.side_host = QWidget()
        self.side = QVBoxLayout(self.side_host)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.side.setSpacing(theme.SPACE_L)
        columns.addLayout(self.main, theme.PROFILE_TEXT_STRETCH)
        columns.addWidget(self.side_host, theme.PROFILE_SIDE_STRETCH)
        outer.addLayout(columns, 1)

        self.summary = label("", "lead")
        self.texts.text(self.summary, company.summary)
        self.body = label("", "body")
        self.texts.text(self.body, company.body)
        hide_unless(self.body, company.body is not None)
        self.gallery = self._gallery()
        self.source = label("", "caption")
        # Every text the profile cites, numbered, so that each key figure can say which gives it.
        self.cited = tuple(dict.fromkeys((*company.source, *(i for f in company.facts for i in f.source or ()))))
        self.texts.bind(self.source, self.source.setText,
                        lambda: ctx.source_line(self.cited, numbered=len(self.cited) > 1))
        self.map_block = self._map_block()
        self.facts_block = self._facts_block()
        self.events_block = self._events_block()
        self.portrait: bool | None = None
        self.arrange(portrait=False)
        self._finishing = AfterFrame(self, self.finish, painted=self)
        if self._later:
            self._finishing.request()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self._later:  # built off the window, shown now: after the paint that shows it
            self._finishing.request()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().hideEvent(event)
        # Out of view (the visitor went on, or another company replaced it) before its later
        # parts were made: they wait until it shows again. Made now they were wasted, and ran
        # inside the visitor's next tap (the bench's: 6-17 ms into it, before its paint).
        self._finishing.cancel()

    @property
    def finished(self) -> bool:
        return not self._later

    def finish(self) -> None:
        """Make now what waits for the paint (after it, or when a test or a reader needs it)."""
        later, self._later = self._later, []
        for make in later:
            make()
        if later:
            self.fit_to(self.width())

    # --- parts -----------------------------------------------------------------------------
    def _header(self) -> QWidget:
        ctx, company = self.ctx, self.company
        host, layout = stack(theme.SPACE_S)
        kicker = QHBoxLayout()
        kicker.setSpacing(theme.SPACE_M)
        self.sector_chip = Chip("", dot=self.sector.color)
        self.sector_chip.setCheckable(False)
        self.texts.text(self.sector_chip, self.sector.name)
        # The chip leads on to the directory filtered to this sector: browsing by neighbours.
        self.sector_chip.clicked.connect(
            lambda _=False: self.navigate(Screen.COMPANIES, self.company.sector))
        kicker.addWidget(self.sector_chip)
        self.origin = label("", "caption", wrap=False)
        self.texts.bind(self.origin, self.origin.setText,
                        lambda: ctx.origin_line(company))
        hide_unless(self.origin, company.origin is not None)
        kicker.addWidget(self.origin)
        self.kind = KindMark(ctx, self.texts, company.kind)
        kicker.addWidget(self.kind)
        kicker.addStretch(1)
        layout.addLayout(kicker)
        layout.addSpacing(theme.SPACE_XS)
        name = self.ctx.engine.written(company.display_name)
        self.name = label("", "display" if len(name) <= theme.PROFILE_DISPLAY_NAME_CHARS else "title")
        self.texts.text(self.name, company.display_name)
        layout.addWidget(self.name)
        # The registered name under the everyday one, when the content gives both.
        self.full_name = label("", "subheading")
        self.texts.text(self.full_name, company.name)
        hide_unless(self.full_name, company.short_name is not None)
        layout.addWidget(self.full_name)
        # In English or German, the name as Chinese signs and maps write it, to find the firm by.
        self.chinese_name = label("", "subheading")
        self.chinese_name.setProperty("variant", ctx.exhibition.settings.script)
        self.texts.bind(self.chinese_name, lambda text: show_if(self.chinese_name, text),
                        lambda: ctx.original(company.name) if ctx.written else "")
        layout.addWidget(self.chinese_name)
        return host

    def _gallery(self) -> QWidget:
        """The photos and films, made after the first paint (below a long text; a photo shows
        its placeholder until it is decoded anyway)."""
        host, layout = stack(theme.SPACE_XS)
        self.images: list[MediaImage] = []
        self.photos = PhotoSet(self.ctx, self)  # a tap opens the viewer
        hide_unless(host, bool(self.company.media))

        def fill() -> None:
            size = QSize(theme.PROFILE_GALLERY_WIDTH, theme.PROFILE_GALLERY_HEIGHT)
            for item in self.company.media:
                if item.is_film:
                    layout.addWidget(FilmPlayer(self.ctx, item, size), 0, Qt.AlignmentFlag.AlignLeft)
                    self._caption(layout, item)
                    continue
                image = MediaImage(self.ctx.media, item.file, size)
                if not image.ok:  # a missing photo hides quietly; `kiosk validate` reports it
                    image.deleteLater()
                    continue
                self.images.append(image)
                self.photos.add(image, item)
                layout.addWidget(image, 0, Qt.AlignmentFlag.AlignLeft)
                self._caption(layout, item)
            host.setVisible(layout.count() > 0)  # on the page by now

        self._later.append(fill)
        return host

    def _caption(self, layout: QVBoxLayout, item: MediaItem) -> None:
        if item.caption or item.credit:
            caption = label("", "caption")
            self.texts.bind(caption, caption.setText, lambda: self.ctx.caption_line(item))
            layout.addWidget(caption)
        layout.addSpacing(theme.SPACE_S)

    def _map_block(self) -> QWidget:
        ctx, company = self.ctx, self.company
        host, layout = stack(theme.SPACE_XS)
        self.map_button = TouchButton(icon_name="mdi6.map-marker-radius-outline", color=ctx.palette.on_accent)
        self.map_button.setProperty("accent", True)
        self.map_button.setFont(theme.role_font("button-strong"))
        self.texts.ui(self.map_button, "on_map")
        self.map_button.clicked.connect(lambda _=False: self.navigate(Screen.MAP, self.company.id))
        layout.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        if company.location is not None and company.location.approximate:
            note = label("", "approximate", wrap=False)
            self.texts.ui(note, "approximate")
            layout.addWidget(note)
        hide_unless(host, company.location is not None)
        return host

    def _heading(self, key: str) -> QWidget:
        heading = label("", "heading", wrap=False)
        self.texts.ui(heading, key)
        return heading

    def _facts_block(self) -> QWidget:
        host, layout = stack(theme.SPACE_S)
        layout.addWidget(self._heading("key_facts"))
        facts = self.company.facts
        self.fact_tiles = [self._fact_tile(fact) for fact in facts[:theme.PROFILE_FACTS_AT_ONCE]]
        self.fact_grid = FactGrid(list(self.fact_tiles))
        layout.addWidget(self.fact_grid)
        hide_unless(host, bool(facts))
        if len(facts) > theme.PROFILE_FACTS_AT_ONCE:
            def more() -> None:
                tiles = [self._fact_tile(fact) for fact in facts[theme.PROFILE_FACTS_AT_ONCE:]]
                self.fact_tiles += tiles
                self.fact_grid.extend(tiles)

            self._later.append(more)
        return host

    def _fact_tile(self, fact: KeyFact) -> FactTile:
        tile = FactTile()
        # Tiles in one row share its height, so their tops and bottoms line up.
        tile.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        if fact.kind == "target":  # drawn apart (dashed, target colour) as well as badged
            tile.setProperty("target", True)
            repolish(tile)
        cite = citation(fact.source or self.company.source[:1], self.cited) if len(self.cited) > 1 else ""
        self.texts.bind(tile, lambda _t, f=fact, w=tile, c=cite: w.show_fact(self.ctx, f, c), lambda: "")
        return tile

    def _events_block(self) -> QWidget:
        host, layout = stack(theme.SPACE_S)
        layout.addWidget(self._heading("related_events"))
        self.event_rows: list[EventRow] = []
        events = self.ctx.exhibition.events_for(self.company.id)
        if not events:
            self.no_events = label("", "caption")
            self.texts.ui(self.no_events, "no_events")
            layout.addWidget(self.no_events)

        def rows() -> None:  # at the foot of the page
            for event in events:
                row = EventRow(self.ctx, self.texts, event)
                row.tapped.connect(lambda e=event.id: self.navigate(Screen.TIMELINE, e))
                self.event_rows.append(row)
                layout.addWidget(row)
                row.show()

        self._later.append(rows)
        return host

    # --- arrangement -----------------------------------------------------------------------
    def arrange(self, *, portrait: bool) -> None:
        """Landscape: the story left, figures/map/events right. Portrait: one column, with the
        figures and the map straight after the summary, where a visitor's eye still is."""
        if portrait == self.portrait:
            return
        self.portrait = portrait
        clear(self.main)
        clear(self.side)
        if portrait:
            order = [self.summary, self.map_block, self.facts_block, self.body, self.gallery,
                     self.events_block, self.source]
            for widget in order:
                self.main.addWidget(widget)
            self.side_host.hide()
        else:
            for widget in (self.summary, self.body, self.gallery, self.source):
                self.main.addWidget(widget)
            for widget in (self.map_block, self.facts_block, self.events_block):
                self.side.addWidget(widget)
            self.side.addStretch(1)
            self.side_host.show()
        self.main.addStretch(1)
        self.fit_to(self.width())

    def fit_to(self, width: int) -> None:
        """Pick the layout and fact columns for a page `width` wide (the scroll viewport)."""
        content = width - 2 * theme.SPACE_XL
        if not self.portrait:
            share = theme.PROFILE_SIDE_STRETCH / (theme.PROFILE_TEXT_STRETCH + theme.PROFILE_SIDE_STRETCH)
            content = int((content - theme.SPACE_XL) * share)
        step = theme.FACT_TILE_MIN_WIDTH + theme.SPACE_S
        self.fact_grid.set_columns((content + theme.SPACE_S) // step)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self.fit_to(self.width())


class CompanyProfile(QWidget):
    """The PROFILE screen: one company's page in a vertical, flickable scroll area."""

    def __init__(self, ctx: ViewContext, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.navigate = navigate
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.area, self.scroller = flickable()
        layout.addWidget(self.area)
        # Pages come and go inside one holder the area keeps. Taking a page out of the area
        # itself makes it a window: every one of its widgets is told of a new parent, font and
        # palette, which cost the tap after BMW's page (60 widgets) 3 ms.
        holder = QWidget()
        self.pages = QVBoxLayout(holder)
        self.pages.setContentsMargins(0, 0, 0, 0)
        self.area.setWidget(holder)
        self.page: ProfilePage | None = None
        self.texts = TextBinder(ctx, self)
        self.texts.after_refresh(self._keep_place)
        self._retired: list[QWidget] = []
        self._retiring = AfterFrame(self, self._let_go)

    def _let_go(self) -> None:
        retired, self._retired = self._retired, []
        for page in retired:
            self.texts.discard(page)

    @property
    def company(self) -> Company | None:
        return self.page.company if self.page is not None else None

    def show_company(self, company: Company) -> None:
        old = self.page
        if old is not None:  # let go after the new page's paint: the tap waits for none of it
            old.hide()
            self.pages.removeWidget(old)
            self._retired.append(old)
            self._retiring.request()
        page = ProfilePage(self.ctx, self.texts, self.navigate, company)
        page.arrange(portrait=self._portrait())
        self.pages.addWidget(page)
        # Shown and measured now, as the area's setWidget would: not at the event loop's next pass.
        page.show()
        self.pages.activate()
        QCoreApplication.sendPostedEvents(self.area.viewport(), QEvent.Type.LayoutRequest)
        self.page = page
        self.scroll_to_top()

    def finish(self) -> None:
        """Make now what the page makes after its first paint (a self-test or a screenshot
        judges the page as a visitor sees it a frame later)."""
        if self.page is not None:
            self.page.finish()

    def scroll_to_top(self) -> None:
        self.scroller.stop()
        self.area.verticalScrollBar().setValue(0)

    def _portrait(self) -> bool:
        return self.height() > self.width()

    def _keep_place(self) -> None:
        """After a toggle: the new glyphs can reflow a line; put the reader back where they
        were once the layout has settled."""
        bar = self.area.verticalScrollBar()
        position = bar.value()
        QTimer.singleShot(0, self, lambda: bar.setValue(position))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        if self.page is not None:
            self.page.arrange(portrait=self._portrait())

    # --- ScreenView -------------------------------------------------------------------------
    @staticmethod
    def showcase(exhibition: Exhibition) -> list[str | None]:
        return [exhibition.companies[0].id]

    @staticmethod
    def items(exhibition: Exhibition) -> Iterable[str]:
        return [company.id for company in exhibition.companies]

    def warm(self) -> Iterator[None]:
        yield from ()

    def enter(self, item: str | None) -> None:
        company = self.ctx.exhibition.companies_by_id.get(item) if item else None
        if company is None:
            return  # nothing new to show: keep the page (Back from the map or timeline)
        if self.company is not None and company.id == self.company.id:
            return  # the same company again keeps its scroll position
        self.show_company(company)

    def leave(self) -> None:
        self.scroller.stop()

    def reset(self) -> None:
        self.scroll_to_top()

    def current_item(self) -> str | None:
        return self.company.id if self.company is not None else None
