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


def test_the_pages_are_planned_with_the_collector_paused_and_their_plans_then_frozen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Planning makes every page's plan, which lives until the page is written: full collections
    during it freed nothing (four at 5,000 organisations), so it runs paused and its plans are frozen."""
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    import generator.host.plugin as plugin  # noqa: PLC0415

    planning: list[tuple[bool, int]] = []
    plan_pages = plugin.plan_pages

    def planned(catalog: object) -> list:
        planning.append((gc.isenabled(), gc.get_freeze_count()))
        return plan_pages(catalog)

    monkeypatch.setattr(plugin, "plan_pages", planned)
    tree = make_tree(tmp_path / "tree")
    gc.unfreeze()
    gc.enable()
    build(load_config(str(tree / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    [(enabled, frozen_before)] = planning
    assert not enabled and gc.isenabled()
    assert gc.get_freeze_count() > frozen_before  # the plans made since joined the frozen objects
    gc.unfreeze()
