"""The checked content is remembered between starts, and never when the files change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cockpit.content.cache import load_content_cached
from cockpit.content.loader import ContentErrors, load_content
from cockpit.paths import content_dir


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    copy = tmp_path / "content"
    source = content_dir()
    (copy / "scripts").mkdir(parents=True)
    for name in ("objections.yaml", "personas.yaml"):
        shutil.copy(source / name, copy / name)
    for script in (source / "scripts").glob("*.yaml"):
        shutil.copy(script, copy / "scripts" / script.name)
    return copy


def _cached(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "state" / "cockpit" / "content").glob("*.pickle"))


def test_second_load_comes_from_the_cache_and_equals_the_files(folder: Path,
                                                                 tmp_path: Path) -> None:
    first = load_content_cached(folder)
    assert first == load_content(folder)
    [cached] = _cached(tmp_path)
    assert cached.stat().st_mode & 0o777 == 0o600
    assert load_content_cached(folder) == first


def test_an_edited_file_is_read_again(folder: Path, tmp_path: Path) -> None:
    load_content_cached(folder)
    objections = folder / "objections.yaml"
    objections.write_text(objections.read_text(encoding="utf-8").replace(
        "label:", "label: ", 1), encoding="utf-8")
    load_content_cached(folder)
    assert len(_cached(tmp_path)) == 1  # the old entry is dropped


def test_broken_content_is_reported_even_after_a_good_load(folder: Path) -> None:
    load_content_cached(folder)
    (folder / "personas.yaml").write_text("personas: [\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content_cached(folder)
    assert "personas.yaml" in str(caught.value)


def test_a_corrupt_cache_entry_is_ignored(folder: Path, tmp_path: Path) -> None:
    good = load_content_cached(folder)
    [cached] = _cached(tmp_path)
    cached.write_bytes(b"not a pickle")
    assert load_content_cached(folder) == good
