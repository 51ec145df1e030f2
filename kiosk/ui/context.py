"""What every view is given: the exhibition, the script engine, the palette and the variant.

Passed explicitly into each view's constructor (no globals), so a test can build one view on a
tiny exhibition. The variant is the only state that changes; every text reaches the screen
through a view's TextBinder, which re-renders on `variant_did_change`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kiosk import hyphenation
from kiosk.content.films import Cue
from kiosk.content.geo import Feature
from kiosk.content.model import Company, Event, Exhibition, MediaItem
from kiosk.formatting import (
    Quantity,
    QuantityText,
    Wording,
    format_quantity,
    format_span,
    plural_form,
    read_locale,
)
from kiosk.hyphenation import Hyphenator
from kiosk.media.service import MediaService
from kiosk.script import ScriptEngine
from kiosk.ui import theme
from kiosk.ui.holding import holder_of
from kiosk.ui.pacing import AfterFrame
from kiosk.ui.strings import UI_COUNTS, UI_STRINGS

TextValue = str | Mapping[str, str] | None
CITATION_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def citation(cited: tuple[str, ...], listed: tuple[str, ...]) -> str:
    """The marks (①②) of the `listed` sources a figure `cited`, as the source line numbers them."""
    return "".join(CITATION_MARKS[listed.index(i)] for i in cited if i in listed)


class ViewContext(QObject):
    variant_did_change = Signal(str)

    def __init__(self, exhibition: Exhibition, engine: ScriptEngine, media: MediaService,
                 variant: str | None = None, outlines: Mapping[str, tuple[Feature, ...]] | None = None) -> None:
        super().__init__()
        self.exhibition = exhibition
        self.outlines = outlines or {}  # each map layer's features, read with the content
        self.media = media  # every photo is decoded there
        self.film_sound = False  # films start muted unless the machine says otherwise
        self.engine = engine
        self.palette = theme.palette_for(exhibition.settings.theme)
        self.variant = variant or exhibition.settings.default_variant
        self._wordings: dict[str, Wording] = {}
        self._hyphenators: dict[str, Hyphenator | None] = {}

    # --- text ------------------------------------------------------------------------------
    def t(self, value: TextValue) -> str:
        """A content text in the current variant (long words of a written language hyphenated)."""
        return self._shown(self.engine.text(value, self.variant))

    def ui(self, key: str) -> str:
        """One of the app's own interface words in the current variant."""
        return self._shown(self.engine.text(UI_STRINGS[key], self.variant))

    def _shown(self, text: str) -> str:
        if self.variant not in self._hyphenators:
            variant = self.engine.variant(self.variant)
            self._hyphenators[self.variant] = Hyphenator(self.locale) if variant.written else None
        hyphenator = self._hyphenators[self.variant]
        return hyphenator.hyphenate(text) if hyphenator else text

    def hyphenate_ahead(self, values: Iterable[TextValue]) -> None:
        """Send the long words of `values` in every written language to be hyphenated, in one
        batch in a child process (see kiosk.hyphenation): the first switch to German then finds
        every word of the content done. `languages_ready` waits for it."""
        missing: dict[str, set[str]] = {}
        for variant in self.engine.variants:
            hyphenator = Hyphenator(variant.cldr_locale) if variant.written else None
            if hyphenator and hyphenator.language:
                texts = (self.engine.text(value, variant.id) for value in values)
                missing.setdefault(hyphenator.language, set()).update(hyphenator.missing(texts))
        hyphenation.ask(missing)

    def languages_ready(self) -> Iterator[object]:
        """Steps of a sliced job that end once every written language's CLDR data is read and
        every word asked for is hyphenated."""
        for variant in self.engine.variants:
            if variant.written:
                read_locale(variant.cldr_locale)
                yield
            while variant.written and not hyphenation.ready(variant.cldr_locale):
                yield hyphenation.WAITING

    @property
    def locale(self) -> str:
        """The CLDR locale of the current variant (de, en_GB, zh_Hant ...)."""
        return self.engine.variant(self.variant).cldr_locale

    def count(self, key: str, n: int) -> str:
        """A number with its noun (63 家 / 63 companies and institutions), plural by CLDR."""
        forms = UI_COUNTS[key].get(self.variant) or self.engine.text(
            {k: v for k, v in UI_COUNTS[key].items() if isinstance(v, str)}, self.variant)
        if not isinstance(forms, str):
            forms = forms.get(plural_form(n, self.wording.locale)) or forms["other"]
        return forms.format(n=n)

    @property
    def wording(self) -> Wording:
        """How the current variant writes numbers and dates (kept per variant: a toggle back
        costs nothing)."""
        if self.variant not in self._wordings:
            variant = self.engine.variant(self.variant)
            if not variant.written:
                wording = Wording(word=self.t)
            else:
                glossary = self.exhibition.languages.get(variant.id)
                wording = Wording(
                    locale=self.locale,
                    units=glossary.units if glossary else {},
                    qualifiers={key.split(":", 1)[1]: self.ui(key) for key in UI_STRINGS if key.startswith("qualifier:")},
                    year_only=self.ui("year_only"),
                    compact="short" if self.ui("number_style") == "short" else "long",
                )
            self._wordings[self.variant] = wording
        return self._wordings[self.variant]

    @property
    def written(self) -> bool:
        """True while a translated language (English, German) shows, not a Chinese script."""
        return self.engine.variant(self.variant).written

    def original(self, value: TextValue) -> str:
        """A name as the Chinese content writes it, in the nearest Chinese script: shown beside a
        translated name so a visitor can find the place or firm on Chinese signs."""
        return self.engine.text(value, self.exhibition.settings.script)

    def quantity(self, item: Quantity, unit: TextValue = None) -> QuantityText:
        """A number with its unit and its source's qualifier in the current variant: 近40家,
        30餘家, nearly 40, 122 billion yuan, 260.000 Fahrzeuge."""
        return format_quantity(item.value, self.engine.written(unit), item.qualifier, self.wording)

    def area(self, value: float, qualifier: str | None) -> QuantityText:
        """A zone's area: 约6.2 平方公里 / about 6.2 km²."""
        quantity = format_quantity(value, None, qualifier, self.wording)
        return QuantityText(quantity.number, f"{quantity.unit}{self.ui('km2')}".strip(), " ")

    def caption_line(self, item: MediaItem) -> str:
        """A photo's caption and who made it, in the variant: 里达厂区  ·  华晨宝马."""
        return "  ·  ".join(part for part in (self.t(item.caption), self.t(item.credit)) if part)

    def subtitles(self, item: MediaItem) -> list[Cue]:
        """A film's subtitle cues in the current variant: its own file; for a converted variant
        (繁體) the content script's file converted; for a written one its fallback chain's."""
        files = item.subtitles or {}
        if not files:
            return []
        shown = self.variant if self.variant in files else self.engine.shown_variant(files, self.variant)
        if shown in files:
            return self.media.subtitles(files[shown])
        script = self.engine.script
        if script not in files:
            return []
        return [Cue(cue.start, cue.end, self.engine.convert(cue.text, shown)) for cue in self.media.subtitles(files[script])]

    def origin_line(self, company: Company) -> str:
        """来自 德国, where the sources name a country; empty otherwise."""
        return f"{self.ui('origin')} {self.t(company.origin)}" if company.origin else ""

    def when(self, event: Event) -> str:
        """An event's date or span as precise as known (2015年内, 2024年3月27日, 27 March 2024)."""
        text = format_span(event.date, event.end, self.wording)
        return text if self.written else self.engine.convert(text, self.variant)

    def source_line(self, source_ids: tuple[str, ...] | None, *, numbered: bool = False) -> str:
        """资料来源：title（file）；title（file）, each as a visitor can look it up (numbered ①②
        where the item's figures cite them by number); empty when nothing is cited."""
        sources = self.exhibition.sources_by_id
        if self.written:  # the texts stay Chinese: say what each is (Hong Kong press supplement, ...)
            names = [f"{CITATION_MARKS[n] if numbered else ''}"
                     f"{self.t(sources[i].about or sources[i].short or sources[i].title)} ({sources[i].file}, {self.ui('in_chinese')})"
                     for n, i in enumerate(source_ids or ()) if i in sources]
            return f"{self.ui('source')}: {'; '.join(names)}" if names else ""
        names = [f"{CITATION_MARKS[n] if numbered else ''}{self.t(sources[i].title)}（{sources[i].file}）"
                 for n, i in enumerate(source_ids or ()) if i in sources]
        return f"{self.ui('source')}：{'；'.join(names)}" if names else ""

    def source_short(self, source_ids: tuple[str, ...]) -> str:
        """来源：short names, for a tile that has no room for whole titles."""
        sources = self.exhibition.sources_by_id
        names = [self.t(sources[i].short or sources[i].title) for i in source_ids if i in sources]
        if self.written:
            return f"{self.ui('source_short')}: {'; '.join(names)}" if names else ""
        return f"{self.ui('source_short')}：{'、'.join(names)}" if names else ""

    @property
    def region(self) -> str:
        return self.engine.variant(self.variant).font

    def font(self, size: str = "body", *, bold: bool = False) -> QFont:
        return theme.font(self.region, size, bold=bold)

    def set_variant(self, variant: str) -> None:
        if variant != self.variant:
            self.variant = variant
            self.variant_did_change.emit(variant)


class TextBinder(QObject):
    """The one road from the visitor's variant to every text on screen.

    Each view keeps one binder (`host`: the view). A binding says which widget shows which text
    and how to render it; a redraw re-fills a block that is made as a whole (a map card, the
    spotlight, a scene's names). On a toggle the binder re-renders everything bound, at once if
    its view shows and otherwise when the view is next shown: a toggle costs what is on screen,
    and a hidden screen is never shown in the old variant. Widgets built on demand are let go
    with `discard`, their bindings with them.
    """

    def __init__(self, ctx: ViewContext, host: QWidget | None = None) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self._bindings: list[tuple[QObject, Callable[[str], None], Callable[[], str]]] = []
        self._after: list[Callable[[], None]] = []
        self._later: list[tuple[QObject, Callable[[str], None], Callable[[], str]]] = []
        self._after_paint = AfterFrame(self, self._refresh_later, painted=host)
        self.stale = False
        ctx.variant_did_change.connect(self._variant_changed)
        if host is not None:
            host.installEventFilter(self)

    def bind(self, widget: QObject, setter: Callable[[str], None], render: Callable[[], str]) -> None:
        self._bindings.append((widget, setter, render))
        setter(render())

    def text(self, widget: QWidget, value: TextValue, *, setter: str = "setText") -> None:
        """Show a content text on `widget` (via setText unless told otherwise)."""
        self.bind(widget, getattr(widget, setter), lambda: self.ctx.t(value))

    def ui(self, widget: QWidget, key: str, *, setter: str = "setText") -> None:
        """Show one of the app's own words on `widget`."""
        self.bind(widget, getattr(widget, setter), lambda: self.ctx.ui(key))

    def redraw(self, widget: QObject, fill: Callable[[], None]) -> None:
        """Re-fill `widget` with `fill` on each toggle: a block its view makes as a whole (and
        fills itself the first time)."""
        self._bindings.append((widget, lambda _text: fill(), str))

    def after_refresh(self, step: Callable[[], None]) -> None:
        """Run `step` once every binding shows the new variant (re-flow, keep a scroll place)."""
        self._after.append(step)

    def _variant_changed(self, _variant: str) -> None:
        if self.host is None or self.host.isVisible():
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # getattr: while a view is torn down, Qt may still hand events to a binder whose Python
        # side is already gone.
        if event.type() == QEvent.Type.Show and getattr(self, "stale", False) and watched is self.host:
            self.refresh()
        return False

    def refresh(self) -> None:
        """Re-render what shows now; what the view holds out of sight (cards a screen or more
        along a track) follows right after the paint, so a switch costs what is on screen."""
        self.stale = False
        alive = []
        later = []
        for binding in self._bindings:
            widget, setter, render = binding
            if not shiboken6.isValid(widget):
                continue
            alive.append(binding)
            if isinstance(widget, QWidget) and widget is not self.host and widget.visibleRegion().isEmpty():
                later.append(binding)
                holder = holder_of(widget)
                if holder is not None and holder.far_out_of_sight():
                    holder.hold()  # not laid out in the old words and the new face before the paint
            else:
                setter(render())
        self._bindings = alive
        for step in self._after:
            step()
        if later:
            self._later = later
            self._after_paint.request()

    def flush(self) -> None:
        """Re-render now what waits for the paint (a screen change is about to show it)."""
        if self._later:
            self._refresh_later()

    def _refresh_later(self) -> None:
        later, self._later = self._later, []
        for widget, setter, render in later:
            if shiboken6.isValid(widget):
                setter(render())
                holder = holder_of(widget) if isinstance(widget, QWidget) else None
                if holder is not None:
                    holder.release()
        if later:
            for step in self._after:
                step()

    def discard(self, widget: QWidget) -> None:
        """Delete a widget built on demand (a card scrolled far away) with the bindings of
        everything in it, so a toggle does not re-render what no longer exists."""
        self.forget(widget)
        widget.hide()
        widget.deleteLater()

    def forget(self, widget: QWidget) -> None:
        """Drop the bindings of `widget` and everything in it (it is being rebuilt)."""
        gone = {id(w) for w in (widget, *widget.findChildren(QObject))}
        self._bindings = [b for b in self._bindings if id(b[0]) not in gone]

    def __len__(self) -> int:
        return len(self._bindings)
