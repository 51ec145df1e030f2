"""English and German beside 简体 and 繁體: translation files, fallbacks, the picker, faces, fit.

The content side runs without Qt; the window side taps the picker on every screen of a small
exhibition whose German has the longest words German has, in the narrowest places.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pyphen
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk import hyphenation
from kiosk.content import load_content
from kiosk.hyphenation import SOFT_HYPHEN, Hyphenator, unhyphenated
from kiosk.screens import Screen
from kiosk.script import FALLBACK_MARK, ScriptEngine
from tests.factory import LONGEST_GERMAN, line_col, write_exhibition, write_language_exhibition

PATTERNS_READ_S = 30  # waited for at most: a batch takes about a second (start a process, read patterns)

PORTRAIT, LANDSCAPE = (1080, 1920), (1920, 1080)


def _loaded(root: Path):  # noqa: ANN202
    result = load_content(write_language_exhibition(root))
    assert result.ok, result.problems
    return result


# --- the content: translation files over the Chinese ----------------------------------------
def test_a_translation_joins_its_text_and_names_no_number(tmp_path: Path) -> None:
    ex = _loaded(tmp_path).exhibition
    event = ex.events_by_id["plant-opens"]
    assert event.title == {"zh-Hans": "工厂投产", "en": "Plant opens"}
    assert event.media[0].caption["en"] == "The plant"
    assert ex.companies_by_id["acme"].facts[0].label["de"] == LONGEST_GERMAN
    assert ex.languages["en"].units["元"] == "yuan"


def test_a_missing_text_is_a_warning_at_the_chinese_it_should_translate(tmp_path: Path) -> None:
    content = write_language_exhibition(tmp_path)
    result = load_content(content)
    line, col = line_col(content / "timeline.yaml", "沈阳工厂投产。")
    expected = (f"{content / 'timeline.yaml'}:{line}:{col}: no Deutsch (de) translation of summary "
                "in translations/de/timeline.yaml")
    assert expected in [str(w) for w in result.warnings]
    assert all("(de)" in str(w) for w in result.warnings), "English is complete"


def test_a_variant_declared_complete_makes_a_missing_text_an_error(tmp_path: Path) -> None:
    content = write_language_exhibition(tmp_path)
    english = content / "translations" / "en" / "timeline.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "    summary: The Shenyang plant started production.\n", ""), encoding="utf-8")
    result = load_content(content)
    line, col = line_col(content / "timeline.yaml", "沈阳工厂投产。")
    assert not result.ok
    assert f"{content / 'timeline.yaml'}:{line}:{col}: no English (en) translation of summary " \
           "in translations/en/timeline.yaml" in [str(p) for p in result.problems]


def test_translation_files_are_checked_where_they_are_written(tmp_path: Path) -> None:
    content = write_language_exhibition(tmp_path)
    english = content / "translations" / "en" / "timeline.yaml"
    english.write_text(english.read_text(encoding="utf-8")
                       + "  plant-open:\n    title: typo\n"
                       + "  approval-2:\n    date: 2016\n", encoding="utf-8")
    messages = [str(p) for p in load_content(content).problems]
    line, col = line_col(english, "plant-open:")
    assert (f"{english}:{line}:{col}: no item with id 'plant-open' in the content file "
            "(did you mean 'plant-opens'?)") in messages
    assert any("approval-2" in m for m in messages)


def test_a_number_field_cannot_be_translated(tmp_path: Path) -> None:
    content = write_language_exhibition(tmp_path)
    figures = content / "translations" / "en" / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace(
        "  output: {label: Output}", "  output: {label: Output, value: 122}"), encoding="utf-8")
    messages = [str(p) for p in load_content(content).problems]
    assert any("'value' is not text: a translation gives only texts" in m for m in messages), messages


def test_a_unit_without_a_word_in_the_language_is_located(tmp_path: Path) -> None:
    content = write_language_exhibition(tmp_path)
    glossary = content / "translations" / "en" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("  元: yuan\n", ""), encoding="utf-8")
    result = load_content(content)
    line, col = line_col(content / "figures.yaml", "亿元")
    assert (f"{content / 'figures.yaml'}:{line}:{col}: no English (en) word for the unit '元' in "
            "translations/en/glossary.yaml units") in [str(p) for p in result.problems]


def test_the_fallback_chain_is_followed_and_marked(tmp_path: Path) -> None:
    ex = _loaded(tmp_path).exhibition
    engine = ScriptEngine(ex.settings, ex.glossary, converter_factory=lambda config: _Upper())
    assert ex.settings.fallback_chain("de") == ("en", "zh-Hans")
    approval, plant = ex.events_by_id["approval"], ex.events_by_id["plant-opens"]
    assert engine.text(approval.title, "de") == LONGEST_GERMAN
    assert engine.text(plant.title, "de") == FALLBACK_MARK.format(label="English") + "Plant opens"
    assert engine.shown_variant(plant.title, "de") == "en"
    # A text no written language has comes from the content's script, marked as such.
    untranslated = "只有中文"
    assert engine.text(untranslated, "en") == FALLBACK_MARK.format(label="简体") + untranslated


class _Upper:
    def convert(self, text: str) -> str:
        return text


def test_a_fallback_to_itself_or_to_no_variant_is_refused(tmp_path: Path) -> None:
    content = write_language_exhibition(tmp_path)
    settings = content / "exhibition.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("fallback: [en]", "fallback: [fr]"),
                        encoding="utf-8")
    messages = [str(p) for p in load_content(content).problems]
    assert any("falls back to 'fr', which is not one of the variants" in m for m in messages), messages


def test_an_exhibition_without_written_variants_needs_no_translations(tmp_path: Path) -> None:
    result = load_content(write_exhibition(tmp_path))
    assert result.ok
    assert result.warnings == []


def _hyphenated_soon(hyphenator: Hyphenator, text: str) -> str:
    """`text` hyphenated once the batch its long words went to is back."""
    hyphenator.hyphenate(text)  # a missed word goes to a batch
    deadline = time.monotonic() + PATTERNS_READ_S
    while not hyphenation.ready(hyphenator.language or "") and time.monotonic() < deadline:
        time.sleep(0.01)
    return hyphenator.hyphenate(text)


def test_long_words_get_soft_hyphens_and_short_ones_none() -> None:
    german = Hyphenator("de")
    shown = _hyphenated_soon(german, f"Der {LONGEST_GERMAN} wächst")
    assert SOFT_HYPHEN in shown
    assert unhyphenated(shown) == f"Der {LONGEST_GERMAN} wächst"
    assert german.hyphenate("Ein Werk in Shenyang") == "Ein Werk in Shenyang"
    assert unhyphenated(german.hyphenate("Xinghuo·Chain")) == "Xinghuo·Chain"


def test_a_new_word_shows_whole_at_once_and_no_pattern_is_read_in_the_kiosk(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A word the warm-up never saw (a text composed at run time) shows whole at once and is
    hyphenated shortly after, by a child process: reading patterns here would leave 17 MiB in the
    kiosk's heap for the day."""
    def read_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("patterns read in the kiosk's own process")

    monkeypatch.setattr(pyphen, "Pyphen", read_here)
    german = Hyphenator("de")
    text = "Die Donaudampfschifffahrtsgesellschaftskapitäne"
    assert german.hyphenate(text) == text, "no wait for the patterns"
    shown = _hyphenated_soon(german, text)
    assert unhyphenated(shown) == text != shown
    assert german.missing([text]) == set()


def test_a_failing_hyphenation_leaves_words_whole_and_is_logged(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(hyphenation, "kiosk_command", lambda *_args: [sys.executable, "-c", "raise SystemExit(3)"])
    english = Hyphenator("en")
    text = "Electroencephalographically speaking"
    assert _hyphenated_soon(english, text) == text
    assert english.missing([text]) == set(), "not asked again and again"
    assert any("hyphenation failed (exit 3)" in record.getMessage() for record in caplog.records)


# --- the window: picker, faces, fit ----------------------------------------------------------
@pytest.fixture
def languages(qtbot, tmp_path_factory):  # noqa: ANN001, ANN201 - a Kiosk
    from tests.conftest import open_kiosk

    root = tmp_path_factory.mktemp("languages")
    return open_kiosk(qtbot, _loaded(root), root / "media")


def _tap(qtbot, widget: QWidget) -> None:  # noqa: ANN001
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _shown_labels(root: QWidget) -> list[QLabel]:
    return [w for w in root.findChildren(QLabel) if w.isVisibleTo(root) and w.text().strip()]


def test_the_languages_are_ready_with_their_cldr_data_read(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Babel reads a locale's data on first use (over 200 ms measured on a busy PC): the warm-up
    reads it, so a first switch to English or German formats its numbers without waiting."""
    from babel import localedata

    from kiosk import formatting
    from tests.conftest import factory_context

    ctx = factory_context(tmp_path, write_language_exhibition)
    localedata.clear_caches()  # as in a fresh kiosk
    formatting._locale.cache_clear()
    find_file, read = localedata.resolve_locale_filename, []
    monkeypatch.setattr(localedata, "resolve_locale_filename", lambda name: (read.append(name), find_file(name))[1])
    for _step in ctx.languages_ready():
        time.sleep(0.01)
    assert {"en", "de"} <= {name.split("_")[0] for name in read}
    read.clear()
    for variant in ("en", "de"):
        ctx.set_variant(variant)
        ctx.count("events", 2)
        ctx.quantity(ctx.exhibition.companies_by_id["acme"].facts[0])
    assert read == [], "nothing read at the switch"


def test_the_picker_names_each_language_in_its_own_name_on_every_screen(qtbot, languages) -> None:  # noqa: ANN001
    window = languages.window
    buttons = window.top_bar.variant_buttons
    assert [b.text() for b in buttons.values()] == ["简体", "繁體", "English", "Deutsch"]
    for screen, item in ((Screen.HOME, None), (Screen.TIMELINE, "approval"), (Screen.MAP, None),
                         (Screen.COMPANIES, None), (Screen.PROFILE, "acme")):
        window.navigate(screen, item)
        assert all(b.isVisibleTo(window) for b in buttons.values()), screen
        place = window.place()
        _tap(qtbot, buttons["en"])
        assert window.place() == place, "switching keeps the place"
        assert window.ctx.variant == "en"
        assert buttons["en"].isChecked()
        assert not buttons["zh-Hans"].isChecked()
        _tap(qtbot, buttons["zh-Hans"])


def test_switching_language_keeps_the_visitor_on_the_same_item(qtbot, languages) -> None:  # noqa: ANN001
    window = languages.window
    window.navigate(Screen.PROFILE, "acme")
    _tap(qtbot, window.top_bar.variant_buttons["en"])
    assert window.place() == (Screen.PROFILE, "acme")
    texts = [unhyphenated(label.text()) for label in _shown_labels(window)]
    assert "BMW Brilliance Lydia plant" in texts


def test_idle_reset_returns_to_the_default_language(qtbot, languages) -> None:  # noqa: ANN001
    window = languages.window
    _tap(qtbot, window.top_bar.variant_buttons["de"])
    window.navigate(Screen.COMPANIES)
    window.reset()
    assert window.ctx.variant == "zh-Hans"
    assert window.current == Screen.HOME
    assert window.top_bar.variant_buttons["zh-Hans"].isChecked()


def test_the_attract_screen_invites_in_every_language(languages) -> None:  # noqa: ANN001
    home = languages.window.view(Screen.HOME)
    invites = [home.invites.itemAt(i).widget() for i in range(home.invites.count())]
    assert [w.text() for w in invites] == ["轻触屏幕开始浏览", "輕觸屏幕開始瀏覽", "Touch the screen to start",
                                           "Zum Starten den Bildschirm berühren"]
    assert all(w.isVisibleTo(home) for w in invites)


def test_every_text_follows_the_language_into_its_face(qtbot, languages) -> None:  # noqa: ANN001
    """A widget that left the window's font (a style sheet of its own did that) would keep
    drawing English in the CJK face: every label must switch family with the language."""
    window = languages.window
    for screen, item in ((Screen.HOME, None), (Screen.TIMELINE, "approval"), (Screen.MAP, "core"),
                         (Screen.COMPANIES, None), (Screen.PROFILE, "acme")):
        window.navigate(screen, item)
        _tap(qtbot, window.top_bar.variant_buttons["en"])
        invites = set(window.view(Screen.HOME).findChildren(QLabel))
        wrong = [(label.text(), label.font().families()) for label in _shown_labels(window)
                 if label not in invites and label.font().families()[0] != "Noto Sans"]
        assert wrong == [], screen
        _tap(qtbot, window.top_bar.variant_buttons["zh-Hant"])
        wrong = [label.text() for label in _shown_labels(window)
                 if label not in invites and label.font().families()[0] != "Noto Sans CJK HK"]
        assert wrong == [], screen


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_germans_longest_words_fit_in_the_narrowest_places(qtbot, languages, size, monkeypatch) -> None:  # noqa: ANN001
    from kiosk.ui import theme
    from kiosk.ui.snapshots import self_test, wait_for_warm_up

    window = languages.window
    window.resize(*size)
    # As a visitor finds it: after the warm-up has hyphenated every word (alone, this test met
    # words still whole; after other tests, words they had had hyphenated).
    monkeypatch.setattr(theme, "WARM_UP_DELAY_MS", 0)
    window._warm_up()
    wait_for_warm_up(languages)
    report = self_test(languages)
    assert report.renders > 0
    assert report.failures == []
    # and the word really is on screen, broken at syllables, in the places that are narrowest
    window.set_variant("de")
    window.navigate(Screen.COMPANIES)
    qtbot.wait(1)
    shown = [label for label in _shown_labels(window) if unhyphenated(label.text()) == LONGEST_GERMAN]
    assert shown, "the company's German name is on its card"


def test_a_translated_name_keeps_its_chinese_beside_it(qtbot, languages) -> None:  # noqa: ANN001
    """In English a visitor still needs the name Chinese signs use, to find the firm or place."""
    window = languages.window
    window.navigate(Screen.PROFILE, "acme")
    profile = window.view(Screen.PROFILE).page
    assert not profile.chinese_name.isVisibleTo(profile), "no second name in Chinese"
    _tap(qtbot, window.top_bar.variant_buttons["en"])
    qtbot.waitUntil(lambda: profile.chinese_name.isVisibleTo(profile), timeout=1000)  # a hidden line follows the paint
    assert profile.chinese_name.text() == "宝马里达工厂"
    window.navigate(Screen.MAP, "acme")
    card = window.view(Screen.MAP).card
    assert card.chinese_name.isVisibleTo(card)
    assert card.chinese_name.text() == "宝马里达工厂"
