"""A fact tile draws its own texts (kiosk.ui.widgets.tile_text): the number whole on its line,
stepping down before it wraps; the unit on its baseline; the estimate or target mark beside the
number where there is room and below where not; the label and the year in two lines at most;
and nothing cut, which kiosk.ui.fit checks inside the tile as it does in labels."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.fit import misfits
from kiosk.ui.widgets import FactTile
from kiosk.ui.widgets.tile_text import WRAP, TileTexts, arranged, natural_width
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
    assert value.font.pixelSize() == theme.TYPE["figure"]
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
    sizes = [arrangement.piece("value").font.pixelSize() for arrangement in shown]
    assert sizes[:2] == [theme.TYPE["figure"]] * 2, "at full size while it fits, the unit yielding its place"
    assert theme.TYPE["figure"] > sizes[2] > theme.TYPE["subheading"] == sizes[3], sizes
    for width, arrangement in zip(widths, shown, strict=True):
        assert arrangement.piece("value").box.width() <= width
    assert shown[0].piece("unit").box.top() < shown[0].piece("value").box.bottom(), "beside the number"
    assert shown[1].piece("unit").box.top() > shown[1].piece("value").box.bottom(), "below it"
    assert shown[3].piece("value").flags == WRAP, "at its least size the number wraps"
    assert shown[3].problems == ()


def test_number_and_unit_stand_on_one_baseline(qapp) -> None:  # noqa: ANN001
    shown = arranged(TileTexts(value="近40", unit="家"), QFont(theme.font_families("SC")), 600)
    value, unit = shown.piece("value"), shown.piece("unit")
    value_base = value.box.top() + QFontMetrics(value.font).ascent()
    unit_base = unit.box.bottom() + 1 - QFontMetrics(unit.font).descent()
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
    lines = round(caption.box.height() / QFontMetrics(caption.font).lineSpacing())
    assert lines == 2
    assert arranged(long, font, 300) is shown, "asked again, the arrangement is the one kept"


def test_a_word_wider_than_its_tile_is_a_problem_it_reports(qapp) -> None:  # noqa: ANN001
    shown = arranged(TileTexts(value="Hundertmillionen", unit="Yuan"), latin(), 120)
    assert any("Hundertmillionen" in problem for problem in shown.problems)


def ink(image: QImage, colour: QColor) -> int:
    """Pixels drawn in `colour` (give or take antialiasing's nearest shades)."""
    near = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            pixel = image.pixelColor(x, y)
            if abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) + abs(pixel.blue() - colour.blue()) < 24:
                near += 1
    return near


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


def test_a_change_of_face_rearranges_the_tile_in_it(qtbot, ctx) -> None:  # noqa: ANN001
    """A switch of language sets the window's family; the tile's texts follow it."""
    tile = FactTile()
    qtbot.addWidget(tile)
    tile.show_fact(ctx, ctx.exhibition.figures[0])
    tile.setFont(QFont(theme.font_families("SC")))
    assert tile.arrangement().piece("value").font.family() == theme.FONT_FAMILIES["SC"]
    tile.setFont(latin())
    assert tile.arrangement().piece("value").font.family() == theme.FONT_FAMILIES["Latin"]
