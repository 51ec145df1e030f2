"""A fact tile draws its own texts (kiosk.ui.widgets.tile_text): the number whole on its line,
stepping down before it wraps; the unit on its baseline; the estimate or target mark beside the
number where there is room and below where not; the label and the year in two lines at most;
and nothing cut, which kiosk.ui.fit checks inside the tile as it does in labels."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.fit import misfits
from kiosk.ui.widgets import FactTile
from kiosk.ui.widgets.tile_text import WRAP, TileTexts, arranged, natural_width, part_font
from tests.conftest import open_kiosk
from tests.factory import write_exhibition

GERMAN = TileTexts(value="mehr als 2.500", unit="Unternehmen", mark="Planziel",
                   caption="Angesiedelte Unternehmen mit deutschem Kapital im Park", meta="2024 · ②")


def latin() -> QFont:
    return QFont(theme.font_families("Latin"))


@pytest.fixture
def ctx(qtbot, tmp_path):  # noqa: ANN001, ANN201
    from kiosk.content import load_content

    result = load_content(write_exhibition(tmp_path))
    assert result.ok, result.problems
    return open_kiosk(qtbot, result, tmp_path / "media").ctx


def test_the_number_keeps_its_line_at_full_size_where_it_fits(qapp) -> None:  # noqa: ANN001
    shown = arranged(GERMAN, latin(), 1200)
    value, unit = shown.piece("value"), shown.piece("unit")
    assert value.px == theme.TYPE["figure"]
    assert value.flags == 0, "one line"
    assert unit.box.left() > value.box.right(), "the unit beside the number"
    assert shown.mark_in_row
    assert shown.piece("mark").box.left() > unit.box.left()


def test_the_number_steps_down_before_it_wraps_and_wraps_before_it_is_cut(qapp) -> None:  # noqa: ANN001
    def number_width(px: int) -> int:
        font = latin()
        font.setPixelSize(px)
        font.setBold(True)
        return QFontMetrics(font).horizontalAdvance(GERMAN.value)

    full, least = number_width(theme.TYPE["figure"]), number_width(theme.TYPE["subheading"])
    widths = [natural_width(GERMAN, latin()) + 20, full + 10, (full + least) // 2, least - 10]
    shown = [arranged(GERMAN, latin(), width) for width in widths]
    sizes = [arrangement.piece("value").px for arrangement in shown]
    assert sizes[:2] == [theme.TYPE["figure"]] * 2, "at full size while it fits, the unit yielding its place"
    assert theme.TYPE["figure"] > sizes[2] > theme.TYPE["subheading"] == sizes[3], sizes
    for width, arrangement in zip(widths, shown, strict=True):
        assert arrangement.piece("value").box.width() <= width
    assert shown[0].piece("unit").box.top() < shown[0].piece("value").box.bottom(), "beside the number"
    assert shown[1].piece("unit").box.top() > shown[1].piece("value").box.bottom(), "below it"
    assert shown[3].piece("value").flags == WRAP, "at its least size the number wraps"
    assert shown[3].problems == ()
    fonts = {arrangement.piece("value").font(latin()).pixelSize() for arrangement in shown}
    assert fonts == {theme.TYPE["figure"]}, "one font drawn smaller, not a font (an engine) per size"


def test_number_and_unit_stand_on_one_baseline(qapp) -> None:  # noqa: ANN001
    base = QFont(theme.font_families("SC"))
    shown = arranged(TileTexts(value="近40", unit="家"), base, 600)
    value, unit = shown.piece("value"), shown.piece("unit")
    value_base = value.box.top() + QFontMetrics(value.font(base)).ascent()
    unit_base = unit.box.bottom() + 1 - QFontMetrics(unit.font(base)).descent()
    assert value_base == unit_base


def test_the_mark_goes_below_the_texts_where_the_numbers_line_has_no_room(qapp) -> None:  # noqa: ANN001
    shown = arranged(GERMAN, latin(), 420)
    assert not shown.mark_in_row
    assert shown.piece("mark").box.top() > shown.piece("meta").box.bottom()
    assert shown.height == shown.piece("mark").box.bottom() + 1
    plain = arranged(TileTexts(value="26", unit="万辆", caption="年产量"), QFont(theme.font_families("SC")), 420)
    assert plain.piece("mark") is None, "a result carries no mark"


def test_label_and_year_take_two_lines_at_most_and_say_where_they_were_cut(qapp) -> None:  # noqa: ANN001
    long = TileTexts(value="26", unit="万辆", caption="在中德园的全体系年产量（十年来由14万辆增长至26万辆）" * 3, meta="2024年")
    font = QFont(theme.font_families("SC"))
    shown = arranged(long, font, 300)
    caption = shown.piece("caption")
    assert caption.text.endswith("…")
    lines = round(caption.box.height() / QFontMetrics(caption.font(font)).lineSpacing())
    assert lines == 2
    assert arranged(long, font, 300) is shown, "asked again, the arrangement is the one kept"


def test_a_word_wider_than_its_tile_is_a_problem_it_reports(qapp) -> None:  # noqa: ANN001
    shown = arranged(TileTexts(value="Hundertmillionen", unit="Yuan"), latin(), 120)
    assert any("Hundertmillionen" in problem for problem in shown.problems)


def near(pixel: QColor, colour: QColor) -> bool:
    """`colour`, give or take antialiasing's nearest shades."""
    return abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) + abs(pixel.blue() - colour.blue()) < 24


def ink(image: QImage, colour: QColor) -> int:
    """Pixels drawn in `colour`."""
    return sum(near(image.pixelColor(x, y), colour) for y in range(image.height()) for x in range(image.width()))


def test_a_tile_draws_a_mark_only_while_its_figure_has_one(qtbot, ctx) -> None:  # noqa: ANN001
    """The spotlight and the figures screen show figure after figure in one tile."""
    ex = ctx.exhibition
    marked = next(f for f in ex.figures if f.kind == "estimate")
    plain = next(f for f in ex.figures if f.kind not in ("target", "estimate"))
    tile = FactTile()
    tile.setStyleSheet(theme.stylesheet(ctx.palette))
    qtbot.addWidget(tile)
    tile.resize(600, 240)
    tile.show()
    mark_colour = ctx.palette.color("target")
    tile.show_fact(ctx, plain)
    assert ink(tile.grab().toImage(), mark_colour) == 0
    tile.show_fact(ctx, marked)
    assert tile.accessibleName().count("预计") == 1, "a screen reader hears the mark too"
    assert ink(tile.grab().toImage(), mark_colour) > 50, "预计 drawn in the mark's colour"
    tile.show_fact(ctx, plain)
    assert ink(tile.grab().toImage(), mark_colour) == 0


def test_a_number_stepped_down_is_drawn_within_the_room_it_was_given(qtbot, ctx) -> None:  # noqa: ANN001
    figure = next(f for f in ctx.exhibition.figures if f.unit)
    tile = FactTile()
    tile.setStyleSheet(theme.stylesheet(ctx.palette))
    qtbot.addWidget(tile)
    tile.show_fact(ctx, figure)
    tile.setMinimumWidth(0)  # narrower than a tile may be: a number of a few digits steps down
    number = tile.arrangement(1000).piece("value").box.width()
    width = 2 * theme.SPACE_M + int(number * 0.7) + 2
    tile.resize(width, tile.heightForWidth(width))
    tile.show()
    value = tile.arrangement().piece("value")
    assert value.scale < 1
    image = tile.grab().toImage()
    accent = ctx.palette.color("accent")
    inked = [x for x in range(image.width()) for y in range(0, image.height(), 2) if near(image.pixelColor(x, y), accent)]
    origin = tile.contentsRect().left() + theme.SPACE_M
    assert inked, "the number is drawn"
    assert max(inked) <= origin + value.box.right() + 1, "and no wider than measured"
    assert max(inked) >= origin + value.box.right() - value.box.width() // 4, "nor much narrower"


def test_a_parts_font_keeps_its_face_in_the_painter_of_a_widget_in_another(qapp) -> None:  # noqa: ANN001
    """A painter resolves the font it is given against the widget's: a family the font does not
    mark as its own would be the widget's, and a number measured in Noto Sans drawn 4% wider
    in the CJK face was cut at its right ('48.8%' lost half its %)."""
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setFont(QFont(theme.font_families("SC")))  # the widget's
    families = {}
    for part in ("value", "unit", "mark", "caption", "meta"):
        painter.setFont(part_font(latin(), part))
        families[part] = painter.font().family()
    painter.end()
    assert set(families.values()) == {theme.FONT_FAMILIES["Latin"]}, families


def test_tiles_in_a_row_get_the_height_their_texts_need_and_fit_checks_inside_them(qtbot, ctx) -> None:  # noqa: ANN001
    ex = ctx.exhibition
    host = QWidget()
    host.setStyleSheet(theme.stylesheet(ctx.palette))
    grid = QGridLayout(host)
    tiles = [FactTile() for _ in ex.figures[:3]]
    for index, (tile, figure) in enumerate(zip(tiles, ex.figures, strict=False)):
        tile.show_fact(ctx, figure, "②")
        grid.addWidget(tile, 0, index)
    qtbot.addWidget(host)
    host.resize(900, 100)
    host.show()
    qtbot.waitUntil(lambda: all(t.height() >= t.heightForWidth(t.width()) for t in tiles))
    assert misfits(host) == []
    tiles[0].setFixedHeight(tiles[0].heightForWidth(tiles[0].width()) // 2)
    qtbot.waitUntil(lambda: bool(misfits(host)))
    (problem,) = misfits(host)
    assert "FactTile" in problem
    assert "cut off at the bottom" in problem


def test_a_tile_measures_and_draws_its_texts_in_their_languages_face(qtbot, ctx) -> None:  # noqa: ANN001
    """Not in the family it inherits, which a switch of language sets before the texts arrive
    (and a screen out of sight only when it is next shown)."""
    tile = FactTile()
    qtbot.addWidget(tile)
    tile.resize(400, 200)
    tile.setFont(latin())  # what a window in English would give it
    figure = ctx.exhibition.figures[0]
    tile.show_fact(ctx, figure)
    assert tile.face.families() == theme.font_families(ctx.region) == [theme.FONT_FAMILIES["SC"]]
    ctx.set_variant("zh-Hant")
    tile.show_fact(ctx, figure)
    assert tile.face.families()[0] == theme.font_family(ctx.region) != theme.FONT_FAMILIES["SC"]
    room = tile.contentsRect().width() - 2 * theme.SPACE_M
    assert tile.arrangement() is arranged(tile.texts, tile.face, room)
