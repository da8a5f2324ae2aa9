"""signs.yml is read and parsed once per load: every check, quoting macro and page works from the one
Source the loader kept (with its positions), instead of reading the file again (it was parsed 29 times
per load before the registry)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.core import sources
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from generator.site.plan import plan_pages
from tests.helpers import REPO, make_tree

SIGNS = "content/triage/signs.yml"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each file was read and parsed, by its path in the repository."""
    counted: Counter[str] = Counter()
    read_text, compose = sources.read_text, sources.yaml.compose

    def counting_read(path: Path, root: Path):
        counted[sources.display_path(path, root)] += 1
        return read_text(path, root)

    def counting_compose(text, *args, **kwargs):
        counted["composed " + text[:60]] += 1
        return compose(text, *args, **kwargs)

    monkeypatch.setattr(sources, "read_text", counting_read)
    monkeypatch.setattr(sources.yaml, "compose", counting_compose)
    return counted


def test_signs_yml_is_parsed_once_per_load_of_the_demo(parses: Counter[str]) -> None:
    catalog, issues = load_catalog(Settings(root=REPO, demo_data=True))
    assert catalog["signs"] and not issues.failing(strict=True)
    plan_pages(catalog)  # planning reads no file again
    text = (REPO / SIGNS).read_text(encoding="utf-8")
    assert parses[SIGNS] == 1
    assert parses["composed " + text[:60]] == 1


def test_signs_yml_is_parsed_once_when_guidance_has_mistakes(tmp_path: Path, parses: Counter[str]) -> None:
    """Reporting a located mistake in a guide that quotes signs.yml does not read signs.yml again."""
    tree = make_tree(tmp_path / "tree")
    guide = next((tree / "content/triage/problems").glob("*.yml"))
    guide.write_text(guide.read_text(encoding="utf-8").replace("body_system:", "body_system: nowhere\nx_:", 1),
                     encoding="utf-8")
    catalog, issues = load_catalog(Settings(root=tree, demo_data=True))
    assert issues.failing(strict=False)
    assert parses[SIGNS] == 1
