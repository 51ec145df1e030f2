"""Pydantic models of the exhibition content: one class per thing a curator writes.

Every model is frozen and rejects unknown keys, so a typo in content/ is an error, not a
silently ignored field. Each field carries a description: `kiosk schema` turns them into the
JSON Schema a curator's editor shows while they type.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from functools import cached_property, total_ordering
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.fields import FieldInfo

from kiosk.screens import TILE_SCREENS

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
VARIANT_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="A kebab-case id: lowercase letters, digits and hyphens, e.g. bmw-brilliance."),
]
Color = Annotated[str, StringConstraints(pattern=COLOR_PATTERN), Field(description="A colour as #RRGGBB.")]
ICON_SET = "mdi6"  # Material Design Icons 6: the one icon set the kiosk carries (kiosk.ui.widgets.basics)
ICON_NAME = re.compile(rf"{ICON_SET}\.[a-z0-9]+(-[a-z0-9]+)*")


def _icon(value: str) -> str:
    if not ICON_NAME.fullmatch(value):
        raise ValueError(f"'{value}' is not an icon the kiosk carries: it draws Material Design Icons 6 "
                         "alone, named as mdi6.factory or mdi6.timeline-clock (pictogrammers.com/library/mdi)")
    return value


Icon = Annotated[str, AfterValidator(_icon), WithJsonSchema({
    "type": "string", "pattern": f"^{ICON_NAME.pattern}$",
    "description": "A Material Design Icons 6 name, e.g. mdi6.timeline-clock: the one icon set the kiosk carries."})]
VariantId = Annotated[
    str,
    StringConstraints(pattern=VARIANT_PATTERN),
    Field(description="A script variant tag such as zh-Hans, zh-Hant or en."),
]
ScriptId = Literal["zh-Hans", "zh-Hant"]

# A text field is either a string in the content's own script, or a mapping per variant
# where a curator wants exact wording ({zh-Hans: ..., zh-Hant: ..., en: ...}).
Text = Annotated[
    str | dict[VariantId, Annotated[str, StringConstraints(min_length=1)]],
    Field(description="Text in the content's own script, or a mapping per variant {zh-Hans: ..., zh-Hant: ...}."),
]



def is_text_annotation(annotation: Any) -> bool:
    """True for a field declared `Text` or `Text | None` (pydantic strips the outer Annotated)."""
    if annotation == Text or annotation == get_args(Text)[0]:
        return True
    return get_origin(annotation) in (typing.Union, types.UnionType) and Text in get_args(annotation)


# A media path is relative to media/; the loader checks that it stays inside media/, exists
# and is the kind of file its field expects.
MediaPath = Annotated[
    str,
    StringConstraints(min_length=1),
    Field(description="A file path relative to the media/ folder, e.g. photos/bmw-lydia.jpg."),
]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day: sources often give only a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError("expected a date written as YYYY, YYYY-MM or YYYY-MM-DD")
        match = _DATE_RE.match(str(value).strip())
        if not match:
            raise ValueError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2015-12)")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if not 1900 <= year <= 2100:
            raise ValueError(f"year {year} is outside 1900-2100")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{value}' has month {month}; months run 01-12")
        if day is not None:
            try:
                date(year, month or 1, day)
            except ValueError:
                raise ValueError(f"'{value}' is not a day of the calendar") from None
        return cls(year, month, day)

    def sort_key(self) -> tuple[int, int, int]:
        """Where the date sits among others: a date known only to the year (or month) goes
        after the dated events of that year (month), not before them as if it were 1 January."""
        return (self.year, self.month or 13, self.day or 32)

    def earliest(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    def latest(self) -> tuple[int, int, int]:
        return (self.year, self.month or 12, self.day or 31)

    @property
    def year_only(self) -> bool:
        return self.month is None

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


DateField = Annotated[
    PartialDate,
    PlainValidator(PartialDate.parse),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1900, "maximum": 2100},
            ],
            "description": "A date as YYYY, YYYY-MM or YYYY-MM-DD: give only what the source makes certain.",
        }
    ),
]


def _one_or_many(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


# An item may draw on several source texts: `source: src-000` or `source: [src-000, src-004]`.
_SOURCE_IDS = BeforeValidator(_one_or_many)
SourceIds = Annotated[
    tuple[Id, ...],
    _SOURCE_IDS,
    Field(min_length=1, description="Id of the source text (exhibition.yaml sources), or a list of ids "
                                    "when the item draws on several texts."),
]


def is_source_field(info: FieldInfo) -> bool:
    """True for a field declared `SourceIds` or `SourceIds | None`."""
    if any(meta is _SOURCE_IDS for meta in info.metadata):
        return True
    return any(_SOURCE_IDS in getattr(arg, "__metadata__", ()) for arg in get_args(info.annotation))


# How sure a number is: reported as achieved, expected before the statistics were out (预计),
# or a plan's goal (规划目标). Shown with the number wherever it appears.
QuantityKind = Literal["result", "estimate", "target"]

# How the figures screen groups figures: where they are about, and what they measure.
Scope = Literal["park", "tiexi", "metro"]
Topic = Literal["economy", "investment", "innovation", "people", "green", "openness"]

# The sources' own words that bound a number: 超80%, 突破百亿, 近40家, 约6.2平方公里,
# 30余家, 300多家, 38%以上, 不少于120户, 不超过35个工作日. Part of the quantity, never dropped.
Qualifier = Literal["超", "超过", "突破", "近", "约", "余", "多", "以上", "不少于", "不超过"]


FILM_FILE_SUFFIXES = (".mp4", ".m4v", ".webm")


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class MediaItem(Model):
    file: MediaPath = Field(description="A photo (JPEG, PNG, WebP, GIF or SVG) or a film (MP4 with H.264, "
                                        "WebM with VP8/VP9) under media/.")
    caption: Text | None = Field(None, description="Caption shown under the photo or film.")
    credit: Text | None = Field(None, description="Who made or owns it, and its licence.")
    poster: MediaPath | None = Field(None, description="A film's still, shown before it plays (a photo under media/); "
                                                       "without one the film's first frame shows.")
    subtitles: dict[VariantId, MediaPath] | None = Field(
        None, description="A film's WebVTT subtitles per variant, e.g. {zh-Hans: films/tour.zh.vtt, en: films/tour.en.vtt}; "
                          "a converted variant (zh-Hant) shows its source's subtitles converted.")

    @property
    def is_film(self) -> bool:
        return self.file.lower().endswith(FILM_FILE_SUFFIXES)


class Source(Model):
    id: Id
    file: str = Field(description="The source text's file name in the seeds folder.")
    title: Text = Field(description="Headline of the source text.")
    short: Text | None = Field(None, description="A short name for tiles with no room for the title.")
    about: Text | None = Field(None, description="What the text is, in a phrase (香港报章特刊，2025年底): the source "
                                                 "line of a translated language says this, since the title stays Chinese.")
    publisher: Text | None = Field(None, description="Who published it.")
    written: DateField | None = Field(None, description="When it was written, as far as its content shows.")
    note: Text | None = Field(None, description="How the date was worked out, or caveats.")


# How a variant gets its text: the content's own script (original), made from it by OpenCC
# (converted), or translated by people into files under content/translations/<id>/ (written).
VariantKind = Literal["original", "converted", "written"]


class Variant(Model):
    id: VariantId = Field(description="Variant tag, e.g. zh-Hans, zh-Hant, en or de.")
    label: str = Field(min_length=1, max_length=8,
                       description="The language named in its own name on the picker: 简体, 繁體, English, Deutsch.")
    kind: VariantKind | None = Field(
        None, description="original (the content's script), converted (made by OpenCC) or written (translated "
        "in content/translations/<id>/); left out, it is converted when opencc is given, else original.")
    opencc: str | None = Field(
        None,
        description="OpenCC configuration converting the content's script into this variant "
        "(s2hk, s2tw, t2s, hk2s ...); leave empty when the variant is the content's own script.",
    )
    font: Literal["SC", "TC", "HK", "JP", "KR", "Latin"] = Field(
        description="The face to draw this variant with: regional CJK glyph forms (Noto Sans CJK SC, TC or HK), "
        "or Latin (Noto Sans, with the CJK face for any Chinese it shows)."
    )
    locale: str | None = Field(None, description="The CLDR locale dates and numbers are formatted in "
                                                 "(default: the id, e.g. de or zh_Hant_HK).")
    fallback: tuple[VariantId, ...] = Field(
        (), description="For a written variant: the variants whose text is shown, in order, where a translation "
        "is missing (e.g. [en, zh-Hans]); the content's own script always ends the chain.")
    complete: bool = Field(False, description="True when every text must be translated: a missing one is an "
                                              "error, not a warning.")

    @property
    def how(self) -> VariantKind:
        if self.kind is not None:
            return self.kind
        return "converted" if self.opencc else "original"

    @property
    def written(self) -> bool:
        return self.how == "written"

    @property
    def cldr_locale(self) -> str:
        """The CLDR locale dates and numbers are formatted in (de, en_GB, zh_Hant ...)."""
        return self.locale or self.id.replace("-", "_")

    @model_validator(mode="after")
    def _kind_fits(self) -> Variant:
        if self.how == "converted" and not self.opencc:
            raise ValueError(f"variant '{self.id}' is converted: give its opencc configuration (e.g. s2hk)")
        if self.how != "converted" and self.opencc:
            raise ValueError(f"variant '{self.id}' is {self.how}: only a converted variant takes an opencc configuration")
        if self.fallback and not self.written:
            raise ValueError(f"variant '{self.id}' is {self.how}: only a written variant has a fallback chain")
        if self.id in self.fallback:
            raise ValueError(f"variant '{self.id}' cannot fall back to itself")
        return self


def _tile_screen(value: str) -> str:
    if value not in TILE_SCREENS:
        raise ValueError(f"'{value}' is not a screen a home tile can open (known: {', '.join(TILE_SCREENS)})")
    return value


# The screens a home tile may open come from the one table of screens (kiosk.screens).
TileScreen = Annotated[
    str,
    AfterValidator(_tile_screen),
    WithJsonSchema({"enum": list(TILE_SCREENS), "description": "The screen this tile opens."}),
]


class HomeTile(Model):
    screen: TileScreen = Field(description="The screen this tile opens.")
    title: Text
    subtitle: Text | None = None
    icon: Icon = "mdi6.star"


class Theme(Model):
    accent: Color = Field("#C8102E", description="Accent colour for highlights and the active state.")
    ink: Color = Field("#1B2430", description="Main text colour.")
    paper: Color = Field("#F5F2EC", description="Background colour.")


class ExhibitionSettings(Model):
    title: Text = Field(description="The exhibition's title on the home screen.")
    subtitle: Text | None = None
    script: ScriptId = Field(description="The script the content is written in.")
    default_variant: VariantId = Field(description="The variant shown at start and after an idle reset.")
    variants: tuple[Variant, ...] = Field(min_length=1, description="Variants offered on the toggle, in order.")
    idle_timeout_s: int = Field(90, ge=10, le=3600, description="Seconds without a touch before returning home.")
    attract_interval_s: int = Field(8, ge=3, le=120, description="Seconds between highlights of the attract loop.")
    attract_film: MediaItem | None = Field(
        None, description="A film the home screen plays beside its highlights, silent and looping (MP4 or WebM).")
    home_tiles: tuple[HomeTile, ...] = Field(min_length=1)
    theme: Theme = Theme()
    sources: tuple[Source, ...] = Field(min_length=1, description="The source texts facts are taken from.")
    credits: Text | None = Field(None, description="Credit line shown on the home screen.")

    @model_validator(mode="after")
    def _default_variant_is_offered(self) -> ExhibitionSettings:
        ids = [v.id for v in self.variants]
        if self.default_variant not in ids:
            raise ValueError(f"default_variant '{self.default_variant}' is not one of the variants ({', '.join(ids)})")
        for variant in self.variants:
            if variant.how == "original" and variant.id != self.script:
                raise ValueError(f"variant '{variant.id}' is original but the content is written in {self.script}: "
                                 "say kind: written (translated) or give an opencc configuration (converted)")
            for other in variant.fallback:
                if other not in ids:
                    raise ValueError(f"variant '{variant.id}' falls back to '{other}', which is not one of the "
                                     f"variants ({', '.join(ids)})")
        return self

    def fallback_chain(self, variant_id: str) -> tuple[str, ...]:
        """Where a written variant's missing text comes from, in order, ending at the content's
        script; written variants in the chain bring their own chain (de -> en -> zh-Hans)."""
        by_id = {v.id: v for v in self.variants}
        chain: list[str] = []
        pending = list(by_id[variant_id].fallback)
        while pending:
            other = pending.pop(0)
            if other in chain or other == variant_id:
                continue
            chain.append(other)
            pending[:0] = by_id[other].fallback
        if self.script not in chain:
            chain.append(self.script)
        return tuple(chain)


class Era(Model):
    id: Id
    title: Text
    start: int = Field(ge=1900, le=2100, description="First year of the era.")
    end: int = Field(ge=1900, le=2100, description="Last year of the era.")
    summary: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Era:
        if self.end < self.start:
            raise ValueError(f"era ends ({self.end}) before it starts ({self.start})")
        return self


class Event(Model):
    id: Id
    date: DateField = Field(description="When it happened (or the start of a range).")
    end: DateField | None = Field(None, description="Last date, for an event that spans a range.")
    kind: Literal["milestone", "event", "target"] = Field(
        "event", description="target: a plan's goal, not a result; shown labelled as a target."
    )
    era: Id = Field(description="The era (timeline.yaml eras) this event belongs to.")
    title: Text
    summary: Text = Field(description="One or two sentences shown on the card.")
    body: Text | None = Field(None, description="Longer text for the detail view.")
    media: tuple[MediaItem, ...] = ()
    companies: tuple[Id, ...] = Field((), description="Ids of related companies (companies.yaml).")
    tags: tuple[str, ...] = ()
    source: SourceIds

    @model_validator(mode="after")
    def _range_ordered(self) -> Event:
        if self.end is not None and self.end.latest() < self.date.earliest():
            raise ValueError(f"end {self.end} is before date {self.date}")
        return self


class Timeline(Model):
    eras: tuple[Era, ...] = Field(min_length=1)
    events: tuple[Event, ...] = Field(min_length=1)


class Sector(Model):
    id: Id
    name: Text
    color: Color = Field(description="Marker and chip colour for this sector.")
    icon: Icon = "mdi6.factory"
    description: Text | None = None


class Sectors(Model):
    sectors: tuple[Sector, ...] = Field(min_length=1)


class KeyFact(Model):
    label: Text
    value: float | int | str = Field(description="The number (or short text) shown large.")
    unit: Text | None = Field(None, description="Unit, e.g. 亿元 or 辆.")
    qualifier: Qualifier | None = Field(None, description="The source's bound on the number: 超, 突破, 近, 约, 余, 多, 以上 ...")
    year: int | None = Field(None, ge=1900, le=2100, description="The year the figure refers to.")
    kind: QuantityKind = Field("result", description="result, estimate (预计) or target (a plan's goal).")
    source: SourceIds | None = Field(None, description="The text that gives this number, when it is not the item's "
                                                       "first source (from which a fact without one is taken).")


class Location(Model):
    layer: Id = Field(description="Map layer (maps.yaml) the company is placed on.")
    lon: float = Field(ge=-180, le=180)
    lat: float = Field(ge=-90, le=90)
    approximate: bool = Field(True, description="True when the sources do not give the exact position (示意).")
    note: Text | None = Field(None, description="What the sources do say of where it is, e.g. 报道仅称位于沈阳经济技术开发区.")


class Company(Model):
    id: Id
    kind: Literal["company", "institution"] = "company"
    name: Text
    short_name: Text | None = None
    sector: Id = Field(description="Sector id (sectors.yaml).")
    origin: Text | None = Field(None, description="Country or region of origin, e.g. 德国.")
    summary: Text
    body: Text | None = None
    facts: tuple[KeyFact, ...] = ()
    media: tuple[MediaItem, ...] = ()
    location: Location | None = None
    events: tuple[Id, ...] = Field((), description="Ids of related timeline events.")
    source: SourceIds
    pinyin: str | None = Field(None, description="Sort key for the A-Z index, when the name's first character is ambiguous.")

    @property
    def display_name(self) -> str | dict[str, str]:
        """What visitors call it: the short name where the content gives one (三生制药, not the
        full registered name), so cards, the profile's hero line, map names and the A-Z order agree."""
        return self.short_name or self.name


class Companies(Model):
    companies: tuple[Company, ...] = Field(min_length=1)


# Whether a zone or place exists: the 2021-25 plan only plans some of them.
Status = Literal["planned", "building", "built"]


class Zone(Model):
    id: Id
    name: Text
    feature: str = Field(description="The id property of the outline's feature in the layer's GeoJSON.")
    area_km2: float | None = Field(None, gt=0, description="Planned area in km².")
    area_qualifier: Qualifier | None = Field(None, description="The source's bound on the area, e.g. 约.")
    area_note: Text | None = Field(None, description="Where sources disagree on the area, say so here.")
    color: Color | None = None
    approximate: bool = Field(True, description="True when the outline is schematic (示意).")
    status: Status = Field(description="planned (规划: only a plan names it), building (在建) or built (已建成), "
                                       "as the sources report it.")
    source: SourceIds | None = None


class Place(Model):
    id: Id
    name: Text
    lon: float = Field(ge=-180, le=180)
    lat: float = Field(ge=-90, le=90)
    approximate: bool = True
    status: Status = Field(description="planned (规划), building (在建) or built (已建成), as the sources report it.")
    note: Text | None = None
    source: SourceIds | None = None


class MapLayer(Model):
    id: Id
    title: Text
    base: MediaPath = Field(description="GeoJSON outlines under media/, e.g. maps/shenyang.geojson.")
    highlight: tuple[str, ...] = Field((), description="Feature ids drawn emphasised.")
    zones: tuple[Zone, ...] = ()
    places: tuple[Place, ...] = Field((), description="Named points that are not companies.")
    drill: dict[str, Id] = Field(
        default_factory=dict, description="Tapping the feature (key) opens the layer (value), e.g. tiexi: park."
    )
    credit: Text = Field(description="Credit line for the outlines, shown on the map.")


class Maps(Model):
    layers: tuple[MapLayer, ...] = Field(min_length=1)


class Figure(Model):
    id: Id
    label: Text
    value: float | int
    unit: Text
    qualifier: Qualifier | None = Field(None, description="The source's bound on the number: 超, 突破, 近, 约, 余, 多, 以上 ...")
    year: int = Field(ge=1900, le=2100)
    period: Text | None = Field(None, description="How the source dates it when it gives no year (十年前): shown in "
                                                  "place of the year, which is then the report's.")
    kind: QuantityKind = Field("result", description="estimate: expected before the statistics (预计); target: a plan's goal.")
    scope: Scope = Field(description="Where the figure is about, as the figures screen groups it: park (中德园), tiexi "
                                     "(铁西区, with its companies outside the park) or metro (沈阳 and its metropolitan circle).")
    topic: Topic = Field(description="What it measures, as the figures screen groups it: economy, investment, "
                                     "innovation, people, green or openness (exchange with Germany and the world).")
    note: Text | None = None
    source: SourceIds


class Chart(Model):
    """Figures drawn as a picture on the figures screen, saying in one sentence what it shows.
    share: each figure a part of its whole (unit %), a bar of 100; change: the same measure at
    two or more points, in order (before and after); ranking: comparable figures (one unit),
    longest bar first. Every bar carries its number and its estimate or target mark."""

    id: Id
    kind: Literal["share", "change", "ranking"]
    title: Text = Field(description="One sentence above the chart saying what it shows, e.g. 中德园在铁西区所占的比重。")
    figures: tuple[Id, ...] = Field(min_length=1, description="The figures drawn (figures.yaml ids), all of one scope; "
                                                              "the chart is shown under the first one's topic.")
    note: Text | None = Field(None, description="What a visitor must know to read it right, in the sources' words.")


class Comparison(Model):
    """A plan's goal beside what a later source reports: never implying more than the texts say."""

    id: Id
    title: Text = Field(description="What is compared, e.g. 园区规上工业总产值.")
    target: Id = Field(description="The goal: a figure (figures.yaml) of kind target.")
    results: tuple[Id, ...] = Field(min_length=1, description="What later sources report: figures of kind result or estimate.")
    note: Text | None = Field(None, description="What the sources say of the gap, in their own words; no trend they do not give.")
    event: Id | None = Field(None, description="The timeline event whose detail shows this comparison (e.g. the plan).")


class Figures(Model):
    figures: tuple[Figure, ...] = Field(min_length=1)
    comparisons: tuple[Comparison, ...] = ()
    charts: tuple[Chart, ...] = Field((), description="Figures drawn as bars on the figures screen.")


class Glossary(Model):
    phrases: dict[VariantId, dict[Annotated[str, StringConstraints(min_length=1)], str]] = Field(
        default_factory=dict,
        description="Per variant, phrase in the content's script -> exact wording in that variant. "
        "Used where OpenCC gets a proper noun wrong (沈鼓 -> 瀋鼓, 里达 -> 里達).",
    )
    forms: dict[VariantId, dict[Annotated[str, StringConstraints(min_length=1, max_length=1)],
                                Annotated[str, StringConstraints(min_length=1, max_length=1)]]] = Field(
        default_factory=dict,
        description="Per variant, a character OpenCC prints -> the form the sources print instead "
        "(羣 -> 群, 説 -> 說): the house style of the variant's press, applied after OpenCC.",
    )


UnitWord = Annotated[
    str | dict[Literal["one", "other"], str],
    Field(description="How a unit reads after a number: one word for all counts, or {one: year, other: years}; "
                      "\"{n}\" stands for the number where it is not simply followed by the word (e.g. {n}-mal)."),
]


class LanguageGlossary(Model):
    """content/translations/<id>/glossary.yaml: how one written language names things."""

    names: dict[Annotated[str, StringConstraints(min_length=1)], Annotated[str, StringConstraints(min_length=1)]] = Field(
        default_factory=dict, description="A proper name as the Chinese content writes it -> the one rendering "
        "used everywhere in this language (华晨宝马: BMW Brilliance Automotive).")
    units: dict[str, UnitWord] = Field(
        default_factory=dict, description="A unit after its magnitude (万, 亿, 万亿) is taken off -> its word in this "
        "language (辆: vehicles, 元: yuan, 家: \"\" where the label already says what is counted).")


class Exhibition(Model):
    """The whole validated exhibition, as the views receive it."""

    settings: ExhibitionSettings
    timeline: Timeline
    sectors: tuple[Sector, ...]
    companies: tuple[Company, ...]
    layers: tuple[MapLayer, ...]
    figures: tuple[Figure, ...]
    comparisons: tuple[Comparison, ...]
    charts: tuple[Chart, ...] = ()
    glossary: Glossary
    languages: dict[VariantId, LanguageGlossary] = Field(
        default_factory=dict, description="Each written variant's names and units (translations/<id>/glossary.yaml).")

    @cached_property
    def events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.timeline.events}

    @cached_property
    def companies_by_id(self) -> dict[str, Company]:
        return {c.id: c for c in self.companies}

    @cached_property
    def sectors_by_id(self) -> dict[str, Sector]:
        return {s.id: s for s in self.sectors}

    @cached_property
    def layers_by_id(self) -> dict[str, MapLayer]:
        return {m.id: m for m in self.layers}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.settings.sources}

    @cached_property
    def figures_by_id(self) -> dict[str, Figure]:
        return {f.id: f for f in self.figures}

    @cached_property
    def events_sorted(self) -> tuple[Event, ...]:
        return tuple(sorted(self.timeline.events, key=lambda e: (e.date.sort_key(), e.id)))

    def comparisons_for(self, event_id: str) -> tuple[Comparison, ...]:
        return tuple(c for c in self.comparisons if c.event == event_id)

    def companies_on(self, layer_id: str) -> tuple[Company, ...]:
        return tuple(c for c in self.companies if c.location and c.location.layer == layer_id)

    def events_for(self, company_id: str) -> tuple[Event, ...]:
        """Events that name the company, or that the company names."""
        company = self.companies_by_id[company_id]
        linked = set(company.events)
        return tuple(e for e in self.events_sorted if e.id in linked or company_id in e.companies)


# One content file per part of the model; the loader and `kiosk schema` both use this table.
FILE_MODELS: dict[str, type[Model]] = {
    "exhibition.yaml": ExhibitionSettings,
    "timeline.yaml": Timeline,
    "sectors.yaml": Sectors,
    "companies.yaml": Companies,
    "maps.yaml": Maps,
    "figures.yaml": Figures,
    "glossary.yaml": Glossary,
}
