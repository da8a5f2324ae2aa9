"""The garbage collector is paused while the open-data exports are made, and only then."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import generator.exports as exports
from generator.common.collector import collector_paused
from generator.host.config import settings_from_config
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    (gc.enable if was_enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_off_in_the_block_and_as_it_was_after_it_even_after_an_error(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled() is enabled


def test_the_exports_are_made_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def made(*args: object) -> exports.Exports:
        seen.append(gc.isenabled())
        return exports.Exports({}, [], [])

    monkeypatch.setattr(exports, "catalog_exports", made)
    monkeypatch.setattr(exports, "summarise", lambda catalog, found: {"paths": []})
    gc.enable()
    assert exports.summarised_exports(None, "", "", {}) == ({"paths": []}, {})
    assert seen == [False] and gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_pauses_the_collector_and_freezes_what_it_loaded_only_if_the_collector_was_on(
        enabled: bool, tmp_path: Path) -> None:
    settings = settings_from_config(make_tree(tmp_path) / "mkdocs.yml")
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()
    catalog, _ = load_catalog(settings)
    assert catalog.organisations
    assert gc.isenabled() is enabled
    assert (gc.get_freeze_count() > 0) is enabled
    gc.unfreeze()
