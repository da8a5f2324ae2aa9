"""The kit loan schedule on the built pages (issue 21): an item away on a loan says when it is free
again, its booked and current loans are listed without their borrowers, "nearest available" leaves it
out at build time and hands the browser what it needs to decide again, and the open data carries the
schedule but not who borrowed. The fixture's Southhaven University oxygen cage is out 18 to 22 November
2026 and booked 23 to 24 November and 1 to 4 December (a cancelled loan in between); the build's day
is 2026-11-21."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import page

UNIVERSITY = "Southhaven University Veterinary Hospital"
BORROWERS = ("Eastmarsh Out-of-Hours", "eastmarsh-out-of-hours-vets", "Tollerby", "tollerby-marsh")


def _kit_row(html, holder: str):
    return next(li for li in html.select("#all + ul li.kb-kit") if holder in li.get_text())


def test_an_item_out_on_loan_says_when_it_is_free_again(fixture_site: Path) -> None:
    row = _kit_row(page(fixture_site, "kit/oxygen-cage"), UNIVERSITY)
    assert "kb-kit--unavailable" in row["class"]
    # out until the 22nd, then booked for the 23rd and 24th: free again on the 25th
    assert row.select_one(".kb-kit__status").get_text(" ", strip=True) == \
        "On loan, free again from 25 November 2026 · can be borrowed"
    assert row.select_one(".kb-kit__status time")["datetime"] == "2026-11-25"
    assert row.select_one(".kb-kit__loans").get_text(" ", strip=True) == (
        "Out 18 November 2026 to 22 November 2026 ; Booked 23 November 2026 to 24 November 2026 ; "
        "Booked 1 December 2026 to 4 December 2026")


def test_the_holders_page_shows_the_loan_too(fixture_site: Path) -> None:
    kit = page(fixture_site, "organisations/southhaven-university-veterinary-hospital").select_one("#kit + ul")
    assert "On loan, free again from 25 November 2026" in kit.get_text(" ", strip=True)


def test_nearest_available_skips_the_item_on_loan_and_keeps_it_for_the_browser(fixture_site: Path) -> None:
    html = page(fixture_site, "kit/oxygen-cage")
    near = html.select_one("#kb-kit-near")
    assert near["data-kb-shown"] == "5"
    assert not near.has_attr("data-kb-today")  # not a demo read at demo_data_as_of: the reader's own day
    for section in near.select(".kb-kit-region"):
        shown = [li.a.get_text() for li in section.select("ol li:not([hidden])")]
        assert UNIVERSITY not in shown and shown, section["data-region"]
        kept = [li for li in section.select("ol li[hidden]") if li.a.get_text() == UNIVERSITY]
        assert len(kept) == 1 and kept[0].has_attr("data-pagefind-ignore")
        assert json.loads(kept[0]["data-kit"]) == {
            "status": "available", "due": "2027-04-02",
            # booked and out loans only: the cancelled one blocks nothing
            "loans": [["2026-11-18", "2026-11-22"], ["2026-11-23", "2026-11-24"], ["2026-12-01", "2026-12-04"]]}
    southhaven = [li.a.get_text() for li in near.select("[data-region='southhaven'] li:not([hidden])")]
    assert southhaven == ["Southhaven Animal Emergency Hospital", "Saltwick Veterinary Hospital"]


def test_the_kit_pages_name_no_borrower(fixture_site: Path) -> None:
    # (the kit library lists the borrowers' own kit: its pages are read where only loans could name them)
    for url in ("kit/oxygen-cage", "organisations/southhaven-university-veterinary-hospital"):
        text = page(fixture_site, url).select_one(".kb-page").decode()
        assert not [b for b in BORROWERS if b in text], url


def test_open_data_has_the_schedule_without_borrowers(fixture_site: Path) -> None:
    item = json.loads((fixture_site / "api/v1/equipment/southhaven-oxygen-cage-2.json").read_text(encoding="utf-8"))
    assert item["available"] is False
    assert [(loan["from"], loan["to"], loan["status"]) for loan in item["loans"]] == [
        ("2026-11-18", "2026-11-22", "out"), ("2026-11-23", "2026-11-24", "booked"),
        ("2026-11-25", "2026-11-28", "cancelled"), ("2026-12-01", "2026-12-04", "booked")]
    assert all("borrower" not in loan for loan in item["loans"])
