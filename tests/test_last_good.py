"""The last good content: whole (with its media), replaced so that a kill at any moment leaves a
usable copy, and used whenever the live content cannot be."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content import load_content
from kiosk.runtime import lastgood
from kiosk.runtime.controller import load_with_fallback


def media_of(content: Path) -> Path:
    return content.parent / "media"


def test_a_restart_after_a_referenced_photo_was_deleted_shows_the_last_good_copy(exhibition_dir: Path) -> None:
    shown, failed = load_with_fallback(exhibition_dir, media_of(exhibition_dir))
    assert shown.ok
    assert failed is None
    (media_of(exhibition_dir) / "photos" / "plant.png").unlink()
    shown, failed = load_with_fallback(exhibition_dir, media_of(exhibition_dir))
    assert failed is not None
    assert "plant.png" in str(failed.problems[0])
    assert shown.ok, "the copy holds the photo it referenced"
    assert shown.exhibition.events_by_id["plant-opens"].media[0].file == "photos/plant.png"


def test_a_restart_after_a_broken_edit_shows_the_last_good_copy(exhibition_dir: Path) -> None:
    load_with_fallback(exhibition_dir, media_of(exhibition_dir))
    (exhibition_dir / "timeline.yaml").write_text("events: [", encoding="utf-8")
    shown, failed = load_with_fallback(exhibition_dir, media_of(exhibition_dir))
    assert shown.ok
    assert failed is not None
    assert "timeline.yaml" in str(failed.problems[0])


def test_a_kill_between_writing_the_new_copy_and_naming_it_keeps_the_old(exhibition_dir: Path) -> None:
    first = lastgood.remember(load_content(exhibition_dir), media_of(exhibition_dir))
    edit = exhibition_dir / "exhibition.yaml"
    edit.write_text(edit.read_text(encoding="utf-8").replace("测试展览", "新的展览"), encoding="utf-8")

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # the process dies at the one step that names the new copy

    changed = load_content(exhibition_dir)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", killed)
        with pytest.raises(KeyboardInterrupt):
            lastgood.remember(changed, media_of(exhibition_dir))
    assert len(list(lastgood.store_dir().glob("copy-*"))) == 2, "the new copy was written, not named"
    assert lastgood.recall() == (first / "content", first / "media")
    assert load_content(*lastgood.recall()).exhibition.settings.title == "测试展览"


def test_a_copy_cut_short_is_never_used(exhibition_dir: Path) -> None:
    whole = lastgood.remember(load_content(exhibition_dir), media_of(exhibition_dir))
    (lastgood.store_dir() / lastgood.POINTER).unlink()  # the pointer lost too
    cut = lastgood.store_dir() / "copy-9999999999999999999"  # newer, but without its completion mark
    (cut / "content").mkdir(parents=True)
    assert lastgood.recall() == (whole / "content", whole / "media")
    (whole / lastgood.COMPLETE).unlink()
    assert lastgood.recall() is None


def test_only_one_copy_is_kept(exhibition_dir: Path) -> None:
    for _ in range(3):
        lastgood.remember(load_content(exhibition_dir), media_of(exhibition_dir))
    assert len(list(lastgood.store_dir().glob("copy-*"))) == 1


def test_the_fallbacks_own_problems_reach_the_log(exhibition_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    copy = lastgood.remember(load_content(exhibition_dir), media_of(exhibition_dir))
    (copy / "content" / "figures.yaml").unlink()
    (copy / "content" / "figures.yaml").write_text("figures: [", encoding="utf-8")
    (exhibition_dir / "timeline.yaml").write_text("events: [", encoding="utf-8")
    shown, failed = load_with_fallback(exhibition_dir, media_of(exhibition_dir))
    assert not shown.ok
    assert any("last good copy:" in r.message and "figures.yaml" in r.message for r in caplog.records)


def test_a_photo_unchanged_since_the_last_copy_is_not_copied_again(exhibition_dir: Path) -> None:
    copied: list[str] = []
    real_copy = lastgood._copy
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lastgood, "_copy", lambda source, target: (copied.append(source.name), real_copy(source, target)))
        lastgood.remember(load_content(exhibition_dir), media_of(exhibition_dir))
        assert "plant.png" in copied
        copied.clear()
        second = lastgood.remember(load_content(exhibition_dir), media_of(exhibition_dir))
        assert "plant.png" not in copied, "linked to the previous copy's own file"
        assert "timeline.yaml" in copied, "content files are always copied"
        live = media_of(exhibition_dir) / "photos" / "plant.png"
        live.write_bytes(live.read_bytes())  # rewritten in place by a curator: a new mtime
        copied.clear()
        lastgood.remember(load_content(exhibition_dir), media_of(exhibition_dir))
        assert "plant.png" in copied
    photo = second / "media" / "photos" / "plant.png"
    assert not photo.exists(), "older copies are removed"
