"""The script engine: explicit wording, glossary, OpenCC, caching, both directions."""

from __future__ import annotations

from kiosk.content.model import ExhibitionSettings, Glossary
from kiosk.script import ScriptEngine


def settings(script: str = "zh-Hans") -> ExhibitionSettings:
    variants = [
        {"id": "zh-Hans", "label": "简体", "font": "SC", "opencc": None if script == "zh-Hans" else "t2s"},
        {"id": "zh-Hant", "label": "繁體", "font": "HK", "opencc": "s2hk" if script == "zh-Hans" else None},
    ]
    return ExhibitionSettings.model_validate(
        {
            "title": "t",
            "script": script,
            "default_variant": "zh-Hans",
            "variants": variants,
            "home_tiles": [{"screen": "map", "title": "地图"}],
            "sources": [{"id": "s", "file": "s.txt", "title": "s"}],
        }
    )


def engine(phrases: dict[str, str] | None = None, script: str = "zh-Hans") -> ScriptEngine:
    target = "zh-Hant" if script == "zh-Hans" else "zh-Hans"
    return ScriptEngine(settings(script), Glossary(phrases={target: phrases or {}}))


def test_opencc_converts_simplified_to_hong_kong_traditional() -> None:
    assert engine().convert("沈阳铁西区发展", "zh-Hant") == "瀋陽鐵西區發展"
    assert engine().convert("沈阳铁西区发展", "zh-Hans") == "沈阳铁西区发展"


def test_glossary_fixes_what_opencc_gets_wrong() -> None:
    plain = engine()
    assert plain.convert("宝马里达工厂", "zh-Hant") == "寶馬裏達工廠"  # OpenCC alone: wrong 裏
    fixed = engine({"里达": "里達"})
    assert fixed.convert("宝马里达工厂", "zh-Hant") == "寶馬里達工廠"


def test_glossary_longest_match_wins() -> None:
    e = engine({"沈": "沈", "沈鼓": "瀋鼓", "沈鼓集团": "瀋鼓集團"})
    assert e.convert("沈鼓集团与沈鼓", "zh-Hant") == "瀋鼓集團與瀋鼓"
    kinds = [s.kind for s in e.segments("沈鼓集团与沈鼓", "zh-Hant")]
    assert kinds == ["glossary", "opencc", "glossary"]


def test_explicit_wording_beats_glossary_and_opencc() -> None:
    e = engine({"里达": "裡達"})
    value = {"zh-Hans": "宝马里达", "zh-Hant": "寶馬里達廠區"}
    assert e.text(value, "zh-Hant") == "寶馬里達廠區"
    assert e.text(value, "zh-Hans") == "宝马里达"
    assert e.text({"zh-Hans": "宝马里达"}, "zh-Hant") == "寶馬裡達"


def test_content_written_in_traditional_converts_to_simplified() -> None:
    e = engine({"瀋鼓": "沈鼓"}, script="zh-Hant")
    assert e.convert("瀋陽鐵西區的瀋鼓集團", "zh-Hans") == "沈阳铁西区的沈鼓集团"
    assert e.convert("瀋陽鐵西區", "zh-Hant") == "瀋陽鐵西區"


def test_conversions_are_cached() -> None:
    e = engine()
    e.convert("中德园", "zh-Hant")
    hits, misses = e.cache_info()
    assert (hits, misses) == (0, 1)
    for _ in range(5):
        e.text("中德园", "zh-Hant")
    assert e.cache_info() == (5, 1)


def test_toggle_cycles_through_variants() -> None:
    e = engine()
    assert e.next_variant("zh-Hans") == "zh-Hant"
    assert e.next_variant("zh-Hant") == "zh-Hans"


def test_missing_text_is_empty() -> None:
    assert engine().text(None, "zh-Hant") == ""


def test_warm_fills_the_cache_for_every_variant() -> None:
    e = engine()
    assert e.warm(["中德园", {"zh-Hans": "铁西"}]) == 4
    hits, misses = e.cache_info()
    e.text("中德园", "zh-Hant")
    assert e.cache_info() == (hits + 1, misses)
