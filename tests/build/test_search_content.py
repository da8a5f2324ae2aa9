"""What the search index holds, read from Pagefind's own fragments in the built fixture site: an
organisation is found by what people search for (name, place, species, services), not by its hours
grid or bookkeeping; listing pages do not repeat every entry they list (each entry has its own
page), which at 10,000 organisations also keeps Pagefind's memory within budget."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

SIGNATURE = b"pagefind_dcd"


@pytest.fixture(scope="module")
def fragments(fixture_site: Path) -> dict[str, dict]:
    """Every indexed page's fragment by URL path, as Pagefind wrote it."""
    found = {}
    for path in (fixture_site / "pagefind/fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE)
        fragment = json.loads(data[len(SIGNATURE):])
        found[fragment["url"].split("://", 1)[-1].split("/", 1)[-1].strip("/")] = fragment
    return found


def test_an_organisation_is_indexed_by_what_people_search_for(fragments: dict[str, dict]) -> None:
    org = fragments["organisations/southhaven-animal-emergency-hospital"]["content"]
    for wanted in ("Southhaven Animal Emergency Hospital", "Hamster", "CT scanning", "Southhaven"):
        assert wanted in org
    for left_out in ("Monday", "Details verified", "Save contact", "No limit", "E-mail:"):
        assert left_out not in org


def test_listing_pages_do_not_repeat_their_entries(fragments: dict[str, dict]) -> None:
    directory = fragments["directory"]["content"]
    assert "Southhaven Animal Emergency Hospital" not in directory
    assert "Pebblesham Vets" not in fragments["regions/eastmarsh"]["content"]
    # the region page itself is still found by its name
    assert "Eastmarsh" in fragments["regions/eastmarsh"]["content"]
    get_help = fragments["get-help"]["content"]
    assert "How urgent is it?" in get_help and "Saltwick Veterinary Hospital" not in get_help
