"""Alerts in the demo as built (read as of extra.demo_data_as_of, noon UTC): which are current, coming
and archived, where their banners are, the feed and the open data, and that the one for members only is
nowhere. The browser side (appearing and expiring with the clock) is tests/browser/test_alerts.py."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.helpers import page

CURRENT = {"southhaven-chinchilla-clinic-burst-pipe", "southhaven-imaging-video-consults-down"}
COMING = {"northvale-christmas-cover"}
ENDED = {"eastmarsh-phone-line-fault"}
MEMBERS = "northvale-dental-referral-line"
REFERRALS_ONLY = "southhaven-imaging-video-consults-down"  # names only a clinic taking vets' referrals
ATOM = "{http://www.w3.org/2005/Atom}"


def _linked(html, selector: str) -> set[str]:
    return {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in html.select(selector)}


def test_the_alerts_page_lists_current_and_coming_and_links_the_archive(demo_site: Path) -> None:
    html = page(demo_site, "alerts")
    assert _linked(html, "#current + ul a") == CURRENT
    assert _linked(html, "#coming + ul a") == COMING
    assert _linked(page(demo_site, "alerts/archive"), "ul.kb-alert-list a") == ENDED
    assert html.select_one("[data-pagefind-filter='type:Alert']") is not None


def test_banners_are_where_the_alert_applies_and_shown_only_while_current(demo_site: Path) -> None:
    clinic = page(demo_site, "organisations/southhaven-chinchilla-and-degu-clinic")
    [banner] = clinic.select(".kb-alert-banner")
    assert "burst pipe" in banner.get_text() and not banner.has_attr("hidden")
    region = page(demo_site, "regions/southhaven")
    assert len(region.select(".kb-alert-banner:not([hidden])")) == 2
    northvale = page(demo_site, "regions/northvale").select(".kb-alert-banner")
    assert [b.has_attr("hidden") for b in northvale] == [True]  # the Christmas one: in the page, not shown yet
    assert page(demo_site, "regions/westmoor").select(".kb-alert-banner") == []
    # Get help carries the alerts owners act on: not the one about a referral-only imaging centre's
    # video consults (a vets' matter), which its region's page still carries
    get_help = page(demo_site, "get-help")
    assert _linked(get_help, ".kb-alert-banner a") == (CURRENT | COMING) - {REFERRALS_ONLY}
    assert REFERRALS_ONLY in _linked(region, ".kb-alert-banner a")


def test_without_javascript_get_help_says_the_closed_clinic_is_not_taking_animals_and_gives_no_call_button(
        demo_site: Path) -> None:
    rows = page(demo_site, "get-help").select(".gh-static .gh-clinic")
    closed = [r for r in rows if "Southhaven Chinchilla and Degu Clinic" in r.get_text()]
    assert closed and all("Not taking animals now" in r.get_text() for r in closed)
    # and no button to ring it: its phones may only play a message, and an owner taps the first button
    assert not any(r.select("a[href^='tel:']") for r in closed)
    others = [r for r in rows if "Southhaven Animal Emergency Hospital" in r.get_text()]
    assert others and not any("Not taking animals now" in r.get_text() for r in others)
    assert all(r.select("a[href^='tel:']") for r in others)


def test_every_list_gives_a_clinic_closed_by_a_current_alert_no_number_to_ring(demo_site: Path) -> None:
    """The species', regions', services' and the directory's rows (one memo of the row's end, per build):
    the closed clinic's row says so instead of its number; the open ones keep theirs."""
    closed_id = "southhaven-chinchilla-and-degu-clinic"
    seen = 0
    for path in ["species/degu", "species/chinchilla", "regions/southhaven", "directory", "services/triage"]:
        for row in page(demo_site, path).select("li.kb-org"):
            name = row.select_one("a.kb-org__name")
            if name is None:
                continue
            if name["href"].rstrip("/").endswith(closed_id):
                seen += 1
                assert not row.select("a[href^='tel:']") and "Not taking animals now" in row.get_text(), path
            elif "kb-badge--closed" not in str(row):
                assert row.select("a[href^='tel:']"), (path, name.get_text())
    assert seen == 5


def test_an_alerts_page_gives_the_numbers_to_ring_instead(demo_site: Path) -> None:
    html = page(demo_site, "alerts/southhaven-chinchilla-clinic-burst-pipe")
    assert html.select_one("#instead") is not None
    calls = html.select("#instead ~ ul a[href^='tel:']")
    assert len(calls) == 2
    assert "2026-11-24" not in html.get_text() and "Tuesday 24 November 2026, 09:00" in html.get_text()


def test_the_feed_and_the_open_data_carry_public_alerts_only(demo_site: Path) -> None:
    feed = ET.parse(demo_site / "alerts/feed.xml").getroot()
    ids = {e.find(f"{ATOM}id").text.rstrip("/").rsplit("/", 1)[-1] for e in feed.iter(f"{ATOM}entry")}
    assert ids == CURRENT | COMING | ENDED
    api = json.loads((demo_site / "api/v1/alerts.json").read_text(encoding="utf-8"))
    entries = api["items"]
    assert {e["id"] for e in entries} == CURRENT | COMING | ENDED


def test_the_members_only_alert_is_in_no_output_file(demo_site: Path) -> None:
    leaks = [p for p in demo_site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml", ".js", ".txt")
             and MEMBERS in p.read_text(encoding="utf-8", errors="replace")]
    assert leaks == []


def test_the_region_data_the_finder_reads_carries_current_and_coming_alerts(demo_site: Path) -> None:
    data = json.loads((demo_site / "help/southhaven.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in data["regions"]["southhaven"]["alerts"]} == CURRENT
    closures = data["orgs"]["southhaven-small-mammal-imaging"]["closures"]
    assert [c[2] for c in closures] == [["telemedicine-consults"]]
