"""The proof sheet: every text, each variant, glossary and overrides marked, content escaped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import LoadResult, load_content
from kiosk.content.walk import file_parts, iter_texts
from kiosk.proof import ProofRow, counts, field_path, proof_rows, to_html, to_json
from kiosk.script import ScriptEngine
from tests.factory import line_col

HOSTILE = "<script>alert(1)</script> & \"quoted\" 'single'"


def _load(content: Path) -> tuple[LoadResult, ScriptEngine]:
    result = load_content(content)
    assert result.ok, result.problems
    assert result.exhibition is not None
    return result, ScriptEngine(result.exhibition.settings, result.exhibition.glossary)


def _rows(content: Path) -> list[ProofRow]:
    return proof_rows(*_load(content))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_text_field_is_listed(exhibition_dir: Path) -> None:
    result, engine = _load(exhibition_dir)
    assert result.exhibition is not None
    expected = [
        field_path(loc) for _, part, prefix in file_parts(result.exhibition) for loc, _ in iter_texts(part, prefix)
    ]
    rows = proof_rows(result, engine)
    assert [row.path for row in rows] == expected
    assert len(rows) > 10


def test_where_names_file_line_column_and_field(exhibition_dir: Path) -> None:
    rows = {row.path: row for row in _rows(exhibition_dir)}
    line, col = line_col(exhibition_dir / "companies.yaml", "宝马里达工厂")
    row = rows["companies[0].name"]
    assert row.where.endswith(f"companies.yaml:{line}:{col} companies[0].name")
    assert row.source == "宝马里达工厂"
    assert "layers[0].zones[0].name" in rows


def test_rows_show_what_the_kiosk_shows(exhibition_dir: Path) -> None:
    result, engine = _load(exhibition_dir)
    assert result.exhibition is not None
    values = {
        field_path(loc): value
        for _, part, prefix in file_parts(result.exhibition)
        for loc, value in iter_texts(part, prefix)
    }
    for row in proof_rows(result, engine):
        for variant_id, proof in row.variants.items():
            assert proof.text == engine.text(values[row.path], variant_id)


def test_json_keys_are_where_source_variants_and_notes(exhibition_dir: Path) -> None:
    rows = _rows(exhibition_dir)
    data = json.loads(to_json(rows))
    assert len(data) == len(rows)
    assert all(set(item) == {"where", "source", "zh-Hans", "zh-Hant", "notes"} for item in data)
    assert all(set(item["notes"]) == {"zh-Hans", "zh-Hant"} for item in data)
    only = json.loads(to_json(rows, only_variant="zh-Hant"))
    assert all(set(item) == {"where", "source", "zh-Hant", "notes"} for item in only)


def test_glossary_replacements_are_noted_and_highlighted(exhibition_dir: Path) -> None:
    rows = _rows(exhibition_dir)
    row = next(r for r in rows if r.path == "companies[0].name")
    hant = row.variants["zh-Hant"]
    assert hant.text == "寶馬里達工廠"
    assert hant.notes() == {"explicit": False, "glossary": [{"phrase": "里达", "as": "里達"}], "opencc": True}
    assert not row.variants["zh-Hans"].opencc_changed
    page = to_html(rows, _load(exhibition_dir)[1].variants)
    assert '<mark class="glossary" title="glossary: 里达 → 里達">里達</mark>' in page
    assert counts(rows).glossary == 1


def test_explicit_overrides_are_marked(exhibition_dir: Path) -> None:
    _edit(
        exhibition_dir / "companies.yaml",
        "name: 宝马里达工厂",
        "name: {zh-Hans: 宝马里达工厂, zh-Hant: 寶馬里達廠區}",
    )
    result, engine = _load(exhibition_dir)
    rows = proof_rows(result, engine)
    row = next(r for r in rows if r.path == "companies[0].name")
    assert row.source == "宝马里达工厂"
    assert row.variants["zh-Hant"].explicit
    assert row.variants["zh-Hant"].text == "寶馬里達廠區"
    assert not row.variants["zh-Hans"].explicit  # the content's own script is the source, not an override
    assert counts(rows).explicit == 1
    assert counts(rows).glossary == 0
    page = to_html(rows, engine.variants)
    assert '<mark class="explicit" title="explicit wording in the content">寶馬里達廠區</mark>' in page


def test_html_escapes_hostile_content(exhibition_dir: Path) -> None:
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    _edit(exhibition_dir / "companies.yaml", "summary: 一家位于沈阳的工厂。", f'summary: "{quoted}"')
    _edit(exhibition_dir / "glossary.yaml", "里达: 里達", "里达: '里達\"><b onclick=x>'")
    rows = _rows(exhibition_dir)
    assert any(row.source == HOSTILE for row in rows)
    page = to_html(rows, _load(exhibition_dir)[1].variants)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in page
    assert "<b onclick" not in page
    assert 'title="glossary: 里达 → 里達&quot;&gt;&lt;b onclick=x&gt;"' in page


def test_html_page_is_self_contained_with_regional_glyphs(exhibition_dir: Path) -> None:
    rows = _rows(exhibition_dir)
    page = to_html(rows, _load(exhibition_dir)[1].variants)
    assert page.startswith("<!DOCTYPE html>")
    assert "http" not in page  # nothing fetched from the network
    assert 'lang="zh-Hans"' in page
    assert 'lang="zh-HK"' in page
    assert '.font-SC { font-family: "Noto Sans CJK SC"' in page
    assert '.font-HK { font-family: "Noto Sans CJK HK"' in page
    total = counts(rows)
    assert f"<li><b>{total.texts}</b>texts</li>" in page
    only = to_html(rows, _load(exhibition_dir)[1].variants, only_variant="zh-Hant")
    assert "简体 <small>" not in only
    assert "繁體 <small>zh-Hant</small>" in only


def test_proof_rows_refuse_content_that_did_not_validate(exhibition_dir: Path) -> None:
    _, engine = _load(exhibition_dir)
    with pytest.raises(ValueError, match="did not validate"):
        proof_rows(LoadResult(None, []), engine)


def test_cli_proof_json(exhibition_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["proof", str(exhibition_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == len(_rows(exhibition_dir))
    name = next(item for item in data if item["where"].endswith(" companies[0].name"))
    assert name["zh-Hant"] == "寶馬里達工廠"


def test_cli_proof_writes_html_and_counts(
    exhibition_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet.html"
    assert main(["proof", str(exhibition_dir), "-o", str(out), "--variant", "zh-Hant"]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}" in printed
    assert "1 glossary replacements" in printed
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_proof_reports_problems_and_unknown_variants(
    exhibition_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["proof", str(exhibition_dir), "--json", "--variant", "en"]) == 2
    assert "unknown variant 'en'" in capsys.readouterr().err
    _edit(exhibition_dir / "companies.yaml", "sector: automotive", "sector: auto")
    assert main(["proof", str(exhibition_dir), "--json"]) == 1
    out = capsys.readouterr().out
    assert "companies.yaml:" in out
    assert "sector 'auto' is not defined" in out


def test_proof_and_fidelity_import_without_qt() -> None:
    code = (
        "import sys\n"
        "class _NoQt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'qtawesome'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, _NoQt())\n"
        "import kiosk.proof, kiosk.fidelity\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
