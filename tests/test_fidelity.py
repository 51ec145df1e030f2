"""Round-trip fidelity: known differences on tiny texts, the glossary's effect, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_content
from kiosk.content.model import ExhibitionSettings, Glossary
from kiosk.fidelity import (
    Difference,
    check_content_word_forms,
    combine,
    default_seeds_dir,
    han_count,
    measure,
    measure_fidelity,
    to_json,
    to_table,
    traditional_variant,
)
from kiosk.script import ScriptEngine
from kiosk.wordforms import SourceVocabulary, check_word_forms

TRADITIONAL = "寶馬里達工廠位於瀋陽鐵西區。\n瀋鼓集團在這裏。"
SIMPLIFIED = "中德（沈阳）高端装备制造产业园建设方案，国务院批复。"


def test_han_count_ignores_latin_digits_and_punctuation() -> None:
    assert han_count("2025年，BMW里達工廠「新」") == 6


def test_measure_finds_a_known_difference() -> None:
    m = measure("寶馬里達工廠", "寶馬裏達工廠")
    assert (m.han, m.differing) == (6, 1)
    assert m.share == pytest.approx(1 / 6)
    assert m.differences == (Difference("里", "裏", 1, "寶馬里達工廠"),)


def test_measure_counts_repeats_and_runs() -> None:
    m = measure("瀋鼓集團與瀋鼓，京瀋醫院", "沈鼓集團與沈鼓，京沈醫院")
    assert m.differing == 3
    assert [(d.original, d.produced, d.count) for d in m.differences] == [("瀋", "沈", 3)]
    runs = measure("四樑八柱", "四梁八杜")
    assert [(d.original, d.produced) for d in runs.differences] == [("樑", "梁"), ("柱", "杜")]
    adjacent = measure("里達", "裏逹")
    assert [(d.original, d.produced, d.count) for d in adjacent.differences] == [("里達", "裏逹", 1)]
    assert adjacent.differing == 2


def test_measure_handles_texts_of_different_length() -> None:
    m = measure("中德園區建設", "中德園建設")
    assert m.han == 6
    assert m.differing == 1
    assert [(d.original, d.produced) for d in m.differences] == [("區", "")]


def test_identical_texts_have_no_difference() -> None:
    m = measure(TRADITIONAL, TRADITIONAL)
    assert (m.differing, m.differences, m.share) == (0, (), 0.0)
    assert measure("", "").share == 0.0


def test_combine_adds_up_files() -> None:
    total = combine([measure("里達", "裏達"), measure("寶馬里", "寶馬裏"), measure("瀋", "沈")])
    assert (total.han, total.differing) == (6, 3)
    assert [(d.original, d.count) for d in total.differences] == [("里", 2), ("瀋", 1)]


def _script_settings(content: Path) -> tuple[ExhibitionSettings, Glossary]:
    ex = load_content(content).exhibition
    assert ex is not None
    return ex.settings, ex.glossary


def _seeds(root: Path) -> list[Path]:
    root.mkdir()
    (root / "000_t.txt").write_text(TRADITIONAL, encoding="utf-8")
    (root / "001_s.txt").write_text(SIMPLIFIED, encoding="utf-8")
    return sorted(root.glob("*.txt"))


def test_round_trip_with_and_without_the_glossary(exhibition_dir: Path, tmp_path: Path) -> None:
    settings, glossary = _script_settings(exhibition_dir)
    assert traditional_variant(settings) == "zh-Hant"
    report = measure_fidelity(_seeds(tmp_path / "seeds"), settings, glossary)
    assert (report.forward, report.back, report.variant) == ("hk2s", "s2hk", "zh-Hant")
    assert report.skipped == ("001_s.txt",)
    [only] = report.files
    assert only.opencc.han == han_count(TRADITIONAL)
    # OpenCC alone: 里達 -> 裏達 and 瀋鼓 -> 沈鼓; the fixture glossary knows only 里达.
    assert [(d.original, d.produced, d.count) for d in only.opencc.differences] == [("里", "裏", 1), ("瀋", "沈", 1)]
    assert [(d.original, d.produced) for d in only.glossary.differences] == [("瀋", "沈")]
    assert report.fixed_by_glossary() == [("里", "裏", 1)]
    better = measure_fidelity(
        _seeds(tmp_path / "again"), settings, Glossary(phrases={"zh-Hant": {"里达": "里達", "沈鼓": "瀋鼓"}})
    )
    assert better.glossary.differing == 0
    assert better.opencc.differing == 2


def test_report_as_table_and_json(exhibition_dir: Path, tmp_path: Path) -> None:
    settings, glossary = _script_settings(exhibition_dir)
    report = measure_fidelity(_seeds(tmp_path / "seeds"), settings, glossary)
    table = to_table(report)
    assert "000_t.txt" in table
    assert "overall" in table
    assert "skipped (not Traditional): 001_s.txt" in table
    assert "瀋 -> 沈" in table
    data = json.loads(to_json(report))
    assert set(data) == {"variant", "forward", "back", "files", "overall", "fixed_by_glossary", "skipped"}
    assert data["files"][0]["opencc"]["differing"] == 2
    assert data["overall"]["glossary"]["differing"] == 1


def test_cli_fidelity(exhibition_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    _seeds(seeds)
    assert main(["fidelity", str(exhibition_dir), "--seeds", str(seeds), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["opencc"]["differing"] == 2
    assert main(["fidelity", str(exhibition_dir), "--seeds", str(seeds)]) == 0
    assert "overall" in capsys.readouterr().out


def test_cli_fidelity_reports_broken_settings(
    exhibition_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    _seeds(seeds)
    path = exhibition_dir / "exhibition.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("script: zh-Hans", "script: zh-Latn"), encoding="utf-8")
    assert main(["fidelity", str(exhibition_dir), "--seeds", str(seeds)]) == 1
    assert "exhibition.yaml:2:" in capsys.readouterr().out
    assert main(["fidelity", str(exhibition_dir), "--seeds", str(tmp_path / "none")]) == 1
    assert "no source texts" in capsys.readouterr().err


class _Hk2s:
    """hk2s for the few characters these tests use (the real OpenCC is tested on the bundle)."""

    TABLE = str.maketrans("錶表羣群啓啟夥說", "表表群群启启伙说")

    def convert(self, text: str) -> str:
        return text.translate(self.TABLE)


def test_a_word_printed_otherwise_than_the_sources_is_a_finding() -> None:
    vocabulary = SourceVocabulary(["他表示，產業集群啓動。合作夥伴啟動儀式。"], _Hk2s())
    report = check_word_forms(vocabulary, [("a.yaml:3:5", "院士錶示，產業集羣。"), ("b.yaml:1:1", "合作夥伴")])
    assert sorted((f.produced, f.attested, f.where) for f in report.findings) == [
        ("產業集羣", ("產業集群",), "a.yaml:3:5"), ("錶示", ("表示",), "a.yaml:3:5")]
    assert report.texts == 2
    assert report.words == 3  # 錶示, 產業集羣, 合作夥伴 (院士 is not in the sources)


def test_a_form_the_sources_print_both_ways_is_no_finding() -> None:
    vocabulary = SourceVocabulary(["產業啓動，啟動儀式。"], _Hk2s())
    report = check_word_forms(vocabulary, [("x", "啓動儀式")])
    assert report.findings == ()
    assert report.both_ways == 1


def test_words_the_sources_never_use_are_not_judged() -> None:
    vocabulary = SourceVocabulary(["他表示"], _Hk2s())
    assert check_word_forms(vocabulary, [("x", "說")]).words == 0


def test_house_forms_apply_after_opencc_but_not_to_glossary_phrases(exhibition_dir: Path) -> None:
    settings, _ = _script_settings(exhibition_dir)
    glossary = Glossary(phrases={"zh-Hant": {"羣岛": "羣島"}}, forms={"zh-Hant": {"羣": "群", "説": "說"}})
    engine = ScriptEngine(settings, glossary)
    assert engine.convert("产业集群，他说", "zh-Hant") == "產業集群，他說"
    assert engine.convert("羣岛", "zh-Hant") == "羣島", "a curator's exact phrase is kept as written"


def test_the_bundled_traditional_prints_every_word_as_the_sources_do(bundled_result) -> None:  # noqa: ANN001
    """Fails when a new text brings a word the Hong Kong sources print in another form."""
    seeds = sorted(default_seeds_dir().glob("*.txt"))
    if not seeds:
        pytest.skip("the source texts (../shared/seeds) are not beside this checkout")
    report = check_content_word_forms(seeds, bundled_result)
    assert report.words > 5000
    assert [str(f) for f in report.findings] == []
