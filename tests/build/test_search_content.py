"""What the search index holds, read from Pagefind's own fragments in the built fixture site: an
organisation is found by what people search for (name, place, species, services), not by its hours
grid or bookkeeping; listing pages do not repeat every entry they list (each entry has its own
page), which at 10,000 organisations also keeps Pagefind's memory within budget."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator.host.search import BUNDLES, CLINICS, GUIDANCE, NETWORK

SIGNATURE = b"pagefind_dcd"


@pytest.fixture(scope="module")
def fragments(fixture_site: Path) -> dict[str, dict]:
    """Every indexed page's fragment by URL path, as Pagefind wrote it (every bundle)."""
    found = {}
    for path in [path for bundle in BUNDLES
                 for path in (fixture_site / bundle.folder / "fragment").glob("*.pf_fragment")]:
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


def test_guidance_and_the_network_are_separate_bundles(fixture_site: Path) -> None:
    """An owner's first search loads the guidance bundle only; organisations, and directory, cases and
    training, are in the two bundles merged on request (generator/host/search.py)."""
    def urls(bundle) -> set[str]:
        out = set()
        for path in (fixture_site / bundle.folder / "fragment").glob("*.pf_fragment"):
            out.add(json.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])["url"].strip("/"))
        return out

    guidance, clinics, network = urls(GUIDANCE), urls(CLINICS), urls(NETWORK)
    assert {"triage/gut-stasis", "get-help", "first-aid/species/hamster", ""} <= guidance
    assert not {u for u in guidance if u.startswith(("organisations/", "regions/", "cases/", "species/"))}
    assert "organisations/southhaven-animal-emergency-hospital" in clinics
    assert all(u.startswith("organisations/") for u in clinics)
    assert {"regions/eastmarsh", "directory"} <= network
    assert not guidance & network and not guidance & clinics and not clinics & network


def test_excerpts_are_clean_summaries(fragments: dict[str, dict]) -> None:
    """A result shows the page's summary (its meta description), not its text run together."""
    guide = fragments["triage/gut-stasis"]
    assert guide["meta"]["summary"].startswith(guide["meta"]["summary"][:20]) and len(guide["meta"]["summary"]) > 40
    assert guide["filters"]["type"] == ["Problem guide"]
    for url, fragment in fragments.items():
        assert "!!" not in fragment["content"], url  # tier symbols are decoration, not words
