"""Which pages' specs an edit changes. `kb serve` renders a page's body again only when its spec differs
from the last rebuild's (generator/host/plugin.py), so a context that holds a whole clinic where the
page shows only its name would render that page again on every edit to any clinic."""

from __future__ import annotations

from pathlib import Path

from benchmarks.reload import ORGANISATION, edit_summary
from benchmarks.synthetic import copy_demo_tree
from generator.core.history import read_history
from generator.core.remembered import RememberedFiles
from generator.host.config import settings_from_config
from generator.site.history import plan_history
from generator.site.pipeline import load_catalog
from generator.site.plan import plan_pages


def _specs(settings, remembered):
    catalog, _ = load_catalog(settings, remembered=remembered)
    specs = plan_pages(catalog)
    specs += plan_history(specs, read_history(catalog.settings.root))
    return {spec.src_uri: spec for spec in specs}


def test_a_clinic_summary_edit_leaves_guides_training_and_histories_alone(tmp_path: Path) -> None:
    tree = copy_demo_tree(tmp_path / "network").parent
    settings, remembered = settings_from_config(tree / "mkdocs.yml"), RememberedFiles()
    before = _specs(settings, remembered)
    edit_summary(tree / "directory/organisations" / f"{ORGANISATION}.yml", "speccheck")
    after = _specs(settings, remembered)
    assert sorted(before) == sorted(after)
    changed = {uri: after[uri].template for uri in after if after[uri] != before[uri]}
    assert changed.get(f"organisations/{ORGANISATION}.md") == "organisation.html"
    # the guides name the kit's holder (id and name), the training pages their hosts' names, the
    # history pages their guideline's title: none shows a summary
    templates = set(changed.values())
    assert not templates & {"problem.html", "module.html", "training-index.html", "changes.html"}, changed
    assert len(changed) < len(after) / 5
