"""Checks that cross files: unique ids, references between files, media and map features."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from pathlib import Path

from pydantic import BaseModel

from kiosk.colours import Palette, unreadable
from kiosk.content.geo import Feature, load_outlines
from kiosk.content.glyphs import glyph_problems
from kiosk.content.media import MediaError, check_film, check_image, check_subtitles, large_photo_note
from kiosk.content.model import Exhibition
from kiosk.content.problems import Problem
from kiosk.content.walk import file_parts, iter_media, iter_sources, iter_texts
from kiosk.content.yamlsource import Loc, YamlDocument


class _Reporter:
    def __init__(self, documents: dict[str, YamlDocument]) -> None:
        self.documents = documents
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, file: str, loc: Loc, message: str, *, key: bool = False) -> None:
        self.problems.append(self._located(file, loc, message, key))

    def warn(self, file: str, loc: Loc, message: str) -> None:
        self.warnings.append(self._located(file, loc, message, False))

    def _located(self, file: str, loc: Loc, message: str, key: bool) -> Problem:
        doc = self.documents[file]
        line, col = doc.position(loc, key=key)
        return Problem(doc.display, line, col, message)

    def unique(self, file: str, base: Loc, items: Iterable[BaseModel], what: str) -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            item_id = item.id  # type: ignore[attr-defined]
            if item_id in seen:
                first_line = self.documents[file].position((*base, seen[item_id], "id"))[0]
                self.add(file, (*base, index, "id"), f"duplicate {what} id '{item_id}' (first used at line {first_line})")
            else:
                seen[item_id] = index

    def reference(self, file: str, loc: Loc, value: str, known: Collection[str], what: str, where: str) -> None:
        if value in known:  # a set: a large exhibition checks tens of thousands of references
            return
        known = sorted(set(known))
        guess = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        listed = ", ".join(sorted(known)[:8]) + (", ..." if len(known) > 8 else "")
        self.add(file, loc, f"{what} '{value}' is not defined in {where} ({hint}known: {listed})")


Outlines = dict[str, tuple[Feature, ...]]  # a map layer's GeoJSON (its media path) -> its features


def check_references(ex: Exhibition, documents: dict[str, YamlDocument],
                     media_dir: Path) -> tuple[list[Problem], list[Problem], Outlines]:
    """Every problem across files, the warnings (a very large photo), and the map outlines read
    while checking them."""
    r = _Reporter(documents)
    sources = {s.id for s in ex.settings.sources}
    eras = {e.id for e in ex.timeline.eras}
    events = {e.id for e in ex.timeline.events}
    companies = {c.id for c in ex.companies}
    sectors = {s.id for s in ex.sectors}
    layers = {m.id for m in ex.layers}

    r.unique("exhibition.yaml", ("sources",), ex.settings.sources, "source")
    r.unique("exhibition.yaml", ("variants",), ex.settings.variants, "variant")
    r.unique("timeline.yaml", ("eras",), ex.timeline.eras, "era")
    r.unique("timeline.yaml", ("events",), ex.timeline.events, "event")
    r.unique("sectors.yaml", ("sectors",), ex.sectors, "sector")
    r.unique("companies.yaml", ("companies",), ex.companies, "company")
    r.unique("maps.yaml", ("layers",), ex.layers, "map layer")
    r.unique("figures.yaml", ("figures",), ex.figures, "figure")
    r.unique("figures.yaml", ("comparisons",), ex.comparisons, "comparison")
    r.unique("figures.yaml", ("charts",), ex.charts, "chart")

    for file, part, prefix in file_parts(ex):
        for loc, source_id in iter_sources(part, prefix):
            r.reference(file, loc, source_id, sources, "source", "exhibition.yaml sources")

    for i, event in enumerate(ex.timeline.events):
        at = ("events", i)
        r.reference("timeline.yaml", (*at, "era"), event.era, eras, "era", "timeline.yaml eras")
        for j, company_id in enumerate(event.companies):
            r.reference("timeline.yaml", (*at, "companies", j), company_id, companies, "company", "companies.yaml")

    for i, company in enumerate(ex.companies):
        at = ("companies", i)
        r.reference("companies.yaml", (*at, "sector"), company.sector, sectors, "sector", "sectors.yaml")
        for j, event_id in enumerate(company.events):
            r.reference("companies.yaml", (*at, "events", j), event_id, events, "event", "timeline.yaml")
        if company.location:
            r.reference("companies.yaml", (*at, "location", "layer"), company.location.layer, layers, "map layer", "maps.yaml")

    _check_comparisons(r, ex, events)
    _check_charts(r, ex)
    _check_theme(r, ex)

    variant_ids = [v.id for v in ex.settings.variants]
    for section, tables in (("phrases", ex.glossary.phrases), ("forms", ex.glossary.forms)):
        for variant_id in tables:
            r.reference("glossary.yaml", (section, variant_id), variant_id, variant_ids, "variant", "exhibition.yaml variants")

    _check_text_variants(r, ex, [*variant_ids, ex.settings.script], ex.settings.script)
    outlines = _check_media(r, ex, media_dir)
    _check_layers(r, ex, {base: frozenset(f.id for f in features) for base, features in outlines.items()}, layers)
    return r.problems, r.warnings, outlines


def _check_comparisons(r: _Reporter, ex: Exhibition, events: set[str]) -> None:
    """A comparison sets a plan's goal beside what later texts report, so its target must be a
    target and its results must not be."""
    figures = ex.figures_by_id
    for i, comparison in enumerate(ex.comparisons):
        at = ("comparisons", i)
        r.reference("figures.yaml", (*at, "target"), comparison.target, figures.keys(), "figure", "figures.yaml")
        target = figures.get(comparison.target)
        if target is not None and target.kind != "target":
            r.add("figures.yaml", (*at, "target"), f"figure '{target.id}' is a {target.kind}, not a target: "
                  "a comparison's target must be a plan's goal (kind: target)")
        for j, result_id in enumerate(comparison.results):
            r.reference("figures.yaml", (*at, "results", j), result_id, figures.keys(), "figure", "figures.yaml")
            result = figures.get(result_id)
            if result is not None and result.kind == "target":
                r.add("figures.yaml", (*at, "results", j), f"figure '{result_id}' is a target: a comparison's results "
                      "must be what a source reports (kind: result or estimate)")
        if comparison.event is not None:
            r.reference("figures.yaml", (*at, "event"), comparison.event, events, "event", "timeline.yaml")


def _check_charts(r: _Reporter, ex: Exhibition) -> None:
    """A chart draws what can be drawn together: shares are percentages, a change or a ranking
    compares two or more figures in one unit, and a chart is about one scope (it is shown
    there, under its first figure's topic)."""
    figures = ex.figures_by_id
    for i, chart in enumerate(ex.charts):
        at = ("charts", i)
        drawn = []
        for j, figure_id in enumerate(chart.figures):
            r.reference("figures.yaml", (*at, "figures", j), figure_id, figures.keys(), "figure", "figures.yaml")
            if figure_id in figures:
                drawn.append(figures[figure_id])
        if len(drawn) < len(chart.figures):
            continue
        if chart.kind == "share":
            for j, figure in enumerate(drawn):
                if figure.unit != "%":
                    r.add("figures.yaml", (*at, "figures", j), f"figure '{figure.id}' is in {figure.unit}: "
                          "a share chart draws percentages (unit: \"%\") as parts of their whole")
        elif len(drawn) < 2:  # noqa: PLR2004 - a comparison needs two
            r.add("figures.yaml", (*at, "figures"), f"a {chart.kind} chart compares two or more figures")
        elif len(units := sorted({str(figure.unit) for figure in drawn})) > 1:
            r.add("figures.yaml", (*at, "figures"),
                  f"a {chart.kind} chart draws one unit to one scale; these are in {', '.join(units)}")
        scopes = {figure.scope for figure in drawn}
        if len(scopes) > 1:
            r.add("figures.yaml", (*at, "figures"), "a chart is shown under one scope of the figures screen: its "
                  "figures are about " + ", ".join(sorted(scopes)))


def _check_theme(r: _Reporter, ex: Exhibition) -> None:
    """A curator's colours must leave every text readable: WCAG 2.2's 4.5:1 (3:1 for the large
    figures), on every ground the views draw that text on (kiosk.colours). One problem per
    colour the curator set, naming every ground it fails on."""
    theme = ex.settings.theme
    failing: dict[str, list[str]] = {}
    for found in unreadable(Palette(accent=theme.accent, ink=theme.ink, paper=theme.paper)):
        pair, _, ratio = found.partition(": ")
        text, _, ground = pair.partition(" on ")
        role = text if text in theme.model_fields_set else ground if ground in theme.model_fields_set else text
        failing.setdefault(role, []).append(f"{pair} ({ratio})")
    for role, pairs in failing.items():
        lighter = role == "paper"  # a ground under dark text; ink and accent are drawn on light grounds or under white
        r.add("exhibition.yaml", ("theme", role), f"too faint to read: {', '.join(pairs)}; text needs 4.5:1 "
              f"(3:1 for large figures): choose a {'lighter' if lighter else 'darker'} {role}")


def _check_text_variants(r: _Reporter, ex: Exhibition, allowed: list[str], script: str) -> None:
    for file, part, prefix in file_parts(ex):
        positions = r.documents[file].positions
        for loc, value in iter_texts(part, prefix):
            # Texts from translation files were checked where they are written (translations.py).
            written_here = [(loc, value)] if isinstance(value, str) else [
                ((*loc, k), v) for k, v in value.items() if (*loc, k) in positions]
            for at, text in written_here:
                for message in glyph_problems(text):
                    r.add(file, at, message)
            if isinstance(value, dict) and script not in value:
                r.add(file, loc, f"a per-variant text must include the content's own script ({script}), "
                      "from which the other variants are made")
            if isinstance(value, dict):
                for variant in value:
                    if variant not in allowed and (*loc, variant) in positions:
                        r.add(file, (*loc, variant), f"'{variant}' is not a variant this exhibition offers "
                              f"(exhibition.yaml variants: {', '.join(dict.fromkeys(allowed))})", key=True)


def _check_media(r: _Reporter, ex: Exhibition, media_dir: Path) -> Outlines:
    outlines: Outlines = {}
    for file, part, prefix in file_parts(ex):
        for loc, reference, kind in iter_media(part, prefix):
            try:
                if kind == "geojson":
                    if reference not in outlines:
                        outlines[reference] = load_outlines(media_dir, reference)
                elif kind == "film":
                    check_film(media_dir, reference)
                elif kind == "subtitles":
                    check_subtitles(media_dir, reference)
                else:
                    note = large_photo_note(check_image(media_dir, reference), reference)
                    if note:
                        r.warn(file, loc, note)
            except MediaError as exc:
                r.add(file, loc, str(exc))
    return outlines


def _check_layers(
    r: _Reporter, ex: Exhibition, feature_ids: dict[str, frozenset[str]], layers: set[str]
) -> None:
    for i, layer in enumerate(ex.layers):
        at = ("layers", i)
        r.unique("maps.yaml", (*at, "zones"), layer.zones, "zone")
        r.unique("maps.yaml", (*at, "places"), layer.places, "place")
        known = feature_ids.get(layer.base)
        for j, zone in enumerate(layer.zones):
            if known is not None:
                r.reference("maps.yaml", (*at, "zones", j, "feature"), zone.feature, known, "feature", f"media/{layer.base}")
        for j, feature in enumerate(layer.highlight):
            if known is not None:
                r.reference("maps.yaml", (*at, "highlight", j), feature, known, "feature", f"media/{layer.base}")
        for feature, target in layer.drill.items():
            if known is not None:
                r.reference("maps.yaml", (*at, "drill", feature), feature, known, "feature", f"media/{layer.base}")
            r.reference("maps.yaml", (*at, "drill", feature), target, layers, "map layer", "maps.yaml")
