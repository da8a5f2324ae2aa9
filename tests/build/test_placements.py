"""Placements and exchanges on the built fixture site (issue 21): their own pages under training/,
listed on the training page and on the host's page, found by the search's Training and region
filters, and published in the open data. The build's day is 2026-11-21: the nursing placement's
September intake has passed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator.host.search import NETWORK
from tests.helpers import page

NURSING = "small-mammal-nursing-placement-at-southhaven-university"
EXCHANGE = "rescue-intake-exchange-in-eastmarsh"


def test_a_placement_page_says_where_what_when_and_how_to_apply(fixture_site: Path) -> None:
    html = page(fixture_site, f"training/placements/{NURSING}")
    facts = dict(zip([dt.get_text(" ", strip=True) for dt in html.select(".kb-facts dt")],
                     [dd.get_text(" ", strip=True) for dd in html.select(".kb-facts dd")], strict=True))
    assert facts == {"Placement at": "Southhaven University Veterinary Hospital , Southhaven",
                     "Your role": "Visiting veterinary nurse", "For": "technicians and nurses",
                     "Length": "10 days", "Places": "2 at a time",
                     "Before this": "Small-mammal handling basics , Oxygen therapy for rodents"}
    host = html.select_one(".kb-facts dd a")["href"]
    assert host == "../../../organisations/southhaven-university-veterinary-hospital/"
    dates = [li.get_text(" ", strip=True) for li in html.select(".kb-placement-dates li")]
    assert dates == ["11 January 2027 to 22 January 2027", "8 March 2027 to 19 March 2027"]  # September has passed
    assert html.select_one(".kb-placement-deadline").get_text(" ", strip=True) == "Apply by 11 December 2026 ."
    assert html.select_one("#apply ~ ul a")["href"] == "mailto:placements@southhaven-uvh.example"
    assert len(html.select("#competencies + ul li")) == 4


def test_a_placement_is_listed_with_training_and_on_its_hosts_page(fixture_site: Path) -> None:
    listed = page(fixture_site, "training").select("#placements ~ ul.kb-placements li")
    texts = {li.a.get_text(): li.get_text(" ", strip=True) for li in listed}
    assert "next from 11 January 2027" in texts["Small-mammal nursing placement at Southhaven University"]
    assert "exchange · Eastmarsh Hamster and Gerbil Rescue · 3 days · 1 place" in texts[
        "Rescue intake exchange in Eastmarsh"]
    host = page(fixture_site, "organisations/eastmarsh-hamster-and-gerbil-rescue").select("#placements + ul li")
    assert [li.a["href"] for li in host] == [f"../../training/placements/{EXCHANGE}/"]
    assert "visiting rescue volunteer, 3 days, next from 7 December 2026" in host[0].get_text(" ", strip=True)
    other = page(fixture_site, "organisations/pebblesham-vets")
    assert other.select_one("#placements") is None


def _fragment(site: Path, url: str) -> dict:
    for path in (site / NETWORK.folder / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        if fragment["url"].rstrip("/").endswith(url):
            return fragment
    raise AssertionError(f"{url} is not in the search index")


def test_search_finds_placements_with_the_training_and_region_filters(fixture_site: Path) -> None:
    fragment = _fragment(fixture_site, f"training/placements/{EXCHANGE}")
    assert fragment["filters"]["type"] == ["Training"]
    assert fragment["filters"]["region"] == ["Eastmarsh"]
    assert "intake checks" in fragment["content"]


def test_open_data_publishes_placements(fixture_site: Path) -> None:
    listing = json.loads((fixture_site / "api/v1/training-placements.json").read_text(encoding="utf-8"))
    items = {item["id"]: item for item in (listing["items"] if isinstance(listing, dict) else listing)}
    assert set(items) == {NURSING, EXCHANGE}
    nursing = items[NURSING]
    assert nursing["host"] == "southhaven-university-veterinary-hospital" and nursing["capacity"] == 2
    assert nursing["dates"][1] == {"from": "2027-01-11", "to": "2027-01-22"}
    assert nursing["url"].endswith(f"/training/placements/{NURSING}/")
