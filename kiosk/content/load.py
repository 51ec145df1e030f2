"""Load content/ into an Exhibition, reporting every problem at once with file:line:col.

Order: read each YAML file safely, validate it against its model, then check what crosses
files (ids, references, media, map features). Nothing is returned as usable unless all of it
passed, so a running kiosk can keep its last good content when a curator's edit is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from kiosk import heap
from kiosk.content.geo import Feature
from kiosk.content.messages import problems_from
from kiosk.content.model import (
    FILE_MODELS,
    Companies,
    Exhibition,
    ExhibitionSettings,
    Figures,
    Glossary,
    Maps,
    Sectors,
    Timeline,
)
from kiosk.content.problems import ContentError, Problem
from kiosk.content.references import check_references
from kiosk.content.translations import apply_translations, missing_texts
from kiosk.content.yamlsource import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass
class LoadResult:
    exhibition: Exhibition | None
    problems: list[Problem]
    documents: dict[str, YamlDocument] = field(default_factory=dict)
    content_dir: Path | None = None
    # Each map layer's outlines (GeoJSON under media/, by path), read once here: views open no file.
    outlines: dict[str, tuple[Feature, ...]] = field(default_factory=dict)
    # What works but is not finished: texts a written variant still shows from its fallback.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exhibition is not None and not self.problems

    def where(self, file: str, loc: tuple[str | int, ...]) -> tuple[str, int, int]:
        """The display path, line and column of a value, for proof sheets and the admin panel."""
        doc = self.documents[file]
        line, col = doc.position(loc)
        return doc.display, line, col

    def summary(self) -> dict[str, int]:
        ex = self.exhibition
        if ex is None:
            return {}
        return {
            "eras": len(ex.timeline.eras),
            "events": len(ex.timeline.events),
            "sectors": len(ex.sectors),
            "companies": len(ex.companies),
            "map layers": len(ex.layers),
            "zones": sum(len(layer.zones) for layer in ex.layers),
            "places": sum(len(layer.places) for layer in ex.layers),
            "figures": len(ex.figures),
            "sources": len(ex.settings.sources),
            "glossary phrases": sum(len(p) for p in ex.glossary.phrases.values()),
        }


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _validate(doc: YamlDocument, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    if not isinstance(doc.data, dict):
        return None, [Problem(doc.display, 1, 1, "expected a mapping of fields (key: value lines) at the top of the file")]
    data = {k: v for k, v in doc.data.items() if k != "$schema"}
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, problems_from(exc, model, doc)


def load_content(content_dir: Path, media_dir: Path | None = None) -> LoadResult:
    """Read and check every content file; media_dir defaults to media/ beside content/."""
    # Reading makes hundreds of thousands of objects and no reference cycles: the collector
    # would walk the growing heap again and again for nothing (a third of the time on a large
    # exhibition). It is paused for the load, and collects once after.
    with heap.paused():
        return _load_content(content_dir, media_dir)


def _load_content(content_dir: Path, media_dir: Path | None) -> LoadResult:
    content_dir = Path(content_dir)
    media_dir = Path(media_dir) if media_dir else content_dir.parent / "media"
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    parts: dict[str, BaseModel] = {}
    if not content_dir.is_dir():
        return LoadResult(None, [Problem(_display(content_dir), 1, 1, "content folder not found")])
    for name, model in FILE_MODELS.items():
        path = content_dir / name
        display = _display(path)
        if not path.is_file():
            problems.append(Problem(display, 1, 1, f"missing file: every exhibition needs {name}"))
            continue
        try:
            doc = read_yaml(path, display)
        except ContentError as exc:
            problems.append(exc.problem)
            continue
        documents[name] = doc
        validated, found = _validate(doc, model)
        problems += found
        if validated is not None:
            parts[name] = validated
    if len(parts) != len(FILE_MODELS):
        return LoadResult(None, sorted(problems), documents, content_dir)

    def part(name: str, kind: type[M]) -> M:
        value = parts[name]
        assert isinstance(value, kind), (name, kind)  # FILE_MODELS gives each file its model
        return value

    settings = part("exhibition.yaml", ExhibitionSettings)
    languages, found = apply_translations(content_dir, settings, parts, documents, lambda p: _display(p))
    problems += found
    settings = part("exhibition.yaml", ExhibitionSettings)  # with its translated texts
    figures = part("figures.yaml", Figures)
    exhibition = Exhibition(
        settings=settings,
        timeline=part("timeline.yaml", Timeline),
        sectors=part("sectors.yaml", Sectors).sectors,
        companies=part("companies.yaml", Companies).companies,
        layers=part("maps.yaml", Maps).layers,
        figures=figures.figures,
        comparisons=figures.comparisons,
        charts=figures.charts,
        glossary=part("glossary.yaml", Glossary),
        languages=languages,
    )
    found, warnings, outlines = check_references(exhibition, documents, media_dir)
    problems += found
    complete = {v.id for v in settings.variants if v.complete}
    for variant, missing in missing_texts(exhibition, documents):
        (problems if variant in complete else warnings).append(missing)
    if problems:
        return LoadResult(None, sorted(problems), documents, content_dir, warnings=sorted(warnings))
    return LoadResult(exhibition, [], documents, content_dir, outlines, sorted(warnings))
