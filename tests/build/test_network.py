"""The network handbook and budgets, read from the built fixture site: committee roles, owner and review
of every page, partnerships, the meetings calendar, and budget tables, charts and downloads that
match the data."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import TODAY, VALID, page


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Settings(root=VALID, demo_data=True, today=date.fromisoformat(TODAY)))[0]


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_the_committee_is_listed_by_role_from_the_data(fixture_site: Path, catalog) -> None:
    committee = catalog.handbook["committee"].model.committee
    html = page(fixture_site, "network/committee")
    shown = [h3.get_text(" ", strip=True) for h3 in html.select("h3[id^=role-]")]
    assert [s.split(" (")[0] if "seats)" in s else s for s in shown] == [c.role for c in committee]
    rescue = next(h3 for h3 in html.select("h3[id^=role-]") if "Rescue representative" in h3.get_text())
    assert "(2 seats)" in rescue.get_text()


@pytest.mark.parametrize("page_id", ["committee", "code-of-practice", "joining", "agreements", "ethical-criteria",
                                     "meetings", "policy-positions"])
def test_every_handbook_page_shows_its_owner_and_review(fixture_site: Path, catalog, page_id: str) -> None:
    model = catalog.handbook[page_id].model
    html = page(fixture_site, f"network/{page_id}")
    review = html.select_one("section.kb-review").get_text(" ", strip=True)
    assert f"kept up to date by the {model.owner[:1].lower()}{model.owner[1:]}" in review
    assert f"Reviewed on {_long(model.review.reviewed)}" in review
    assert f"Next review due {_long(model.review.next_review)}" in review
    assert html.select_one('[data-pagefind-filter="type:Network"]') is not None
    assert html.select_one("[data-pagefind-body]") is not None


def test_the_handbook_index_lists_pages_in_order_and_the_budget(fixture_site: Path, catalog) -> None:
    html = page(fixture_site, "network")
    links = [a["href"] for a in html.select("ul.kb-handbook a")]
    ordered = sorted(catalog.handbook.values(), key=lambda e: e.model.order)
    assert links == [f"{e.id}/" for e in ordered] + ["budget/"]


def test_signed_partnerships_link_to_their_organisations(fixture_site: Path, catalog) -> None:
    partnerships = catalog.handbook["agreements"].model.partnerships
    html = page(fixture_site, "network/agreements")
    items = html.select("ul.kb-partnerships li")
    assert sorted(li["data-organisation"] for li in items) == sorted(p.organisation for p in partnerships)
    for li in items:
        partnership = next(p for p in partnerships if p.organisation == li["data-organisation"])
        link = li.select_one("a")
        assert link.get_text() == catalog.organisations[partnership.organisation].model.name
        assert (fixture_site / "network/agreements" / link["href"] / "index.html").resolve().is_file()
        assert li.select_one("time")["datetime"] == partnership.signed.isoformat()
    assert len(html.select("ol.kb-clauses > li")) == len(catalog.handbook["agreements"].model.template)


def test_the_meetings_calendar_holds_the_upcoming_meetings(fixture_site: Path, catalog) -> None:
    meetings = catalog.handbook["meetings"].model.meetings
    today = date.fromisoformat(TODAY)
    coming = {m.id: m for m in meetings if m.starts_at.date() >= today}
    assert coming and len(coming) < len(meetings), "the fixture needs past and upcoming meetings"
    cal = Calendar.from_ical((fixture_site / "network/meetings.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert sorted(str(e["uid"]) for e in events) == sorted(f"network--{mid}@127.0.0.1" for mid in coming)
    for event in events:
        meeting = coming[str(event["uid"]).removeprefix("network--").split("@")[0]]
        assert event.decoded("dtstart") == meeting.starts_at
        assert event["dtstart"].params["TZID"] == "Europe/London"
        assert event.decoded("dtend") == meeting.ends_at
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    html = page(fixture_site, "network/meetings")
    assert len(html.select("ul.kb-meetings > li")) == len(coming)
    assert html.select_one('a[href$="meetings.ics"]') is not None


def test_budget_tables_match_the_data_and_compare_with_the_year_before(fixture_site: Path, catalog) -> None:
    this, before = catalog.budgets["2025"].model, catalog.budgets["2024"].model
    html = page(fixture_site, "network/budget/2025")
    for flow, table_id in (("income", "income-table"), ("spending", "spending-table")):
        rows = html.select(f"#{table_id} tbody tr")
        now, then = getattr(this, flow), getattr(before, flow)
        assert [tr["data-key"] for tr in rows][-1] == "total"
        for tr in rows:
            key = tr["data-key"]
            cells = [td.get_text() for td in tr.select("td")]
            assert int(tr.select_one("td")["data-value"]) == getattr(now, key)
            assert cells[0] == f"£{getattr(now, key):,}" and cells[1] == f"£{getattr(then, key):,}"
            change = getattr(now, key) - getattr(then, key)
            assert cells[2] == ("no change" if change == 0 else f"{'+' if change > 0 else '−'}£{abs(change):,}")
    assert html.select_one("#income-table thead").get_text(" ", strip=True) == "Source 2025 2024 Change"


def test_the_first_year_has_no_comparison(fixture_site: Path) -> None:
    html = page(fixture_site, "network/budget/2024")
    assert [th.get_text() for th in html.select("#income-table thead th")] == ["Source", "2024"]


def test_budget_charts_are_accessible_svg(fixture_site: Path) -> None:
    html = page(fixture_site, "network/budget/2025")
    charts = html.select("figure.kb-figure > svg")
    assert len(charts) == 2
    for svg in charts:
        assert svg["role"] == "img"
        title, desc = (svg.select_one(f"[id='{i}']") for i in svg["aria-labelledby"].split())
        assert "2025" in title.get_text() and "2024" in title.get_text() and desc.get_text()


def test_the_years_side_by_side(fixture_site: Path, catalog) -> None:
    html = page(fixture_site, "network/budget")
    rows = html.select("#budget-years tbody tr")
    budgets = sorted((e.model for e in catalog.budgets.values()), key=lambda b: b.year)
    assert [tr.select_one("th a").get_text() for tr in rows] == [str(b.year) for b in budgets]
    for tr, budget in zip(rows, budgets, strict=True):
        income, spending, balance = (td.get_text() for td in tr.select("td"))
        assert (income, spending) == (f"£{budget.income.total:,}", f"£{budget.spending.total:,}")
        assert balance == f"+£{budget.balance:,}"
    assert "(planned)" in rows[-1].get_text()


def test_budget_csv_and_json_in_the_open_data(fixture_site: Path, catalog) -> None:
    with (fixture_site / "network/budget/budget.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for entry in catalog.budgets.values():
        budget = entry.model
        for flow in ("income", "spending"):
            mine = {r["category"]: int(r["amount"]) for r in rows if r["year"] == entry.id and r["flow"] == flow}
            assert mine == getattr(budget, flow).model_dump()
    api = json.loads((fixture_site / "api/v1/budgets.json").read_text(encoding="utf-8"))
    items = api["items"] if isinstance(api, dict) else api
    by_id = {item["id"]: item for item in items}
    assert sorted(by_id) == sorted(catalog.budgets)
    assert by_id["2025"]["balance"] == catalog.budgets["2025"].model.balance
    open_data = page(fixture_site, "open-data").get_text()
    assert "network/budget/budget.csv" in open_data and "network/meetings.ics" in open_data


def test_handbook_and_budget_reviews_come_last_in_the_audit(tmp_path: Path) -> None:
    """A handbook page due for review soon and an overdue budget are on the coordinators' audit (an
    overdue budget is medium risk, not high like guidance), and the pages reviewed on time are not."""
    from generator.site.audit import audit  # noqa: PLC0415
    from tests.helpers import make_tree  # noqa: PLC0415

    tree = make_tree(tmp_path)
    meetings = tree / "content/network/handbook/meetings.yml"
    meetings.write_text(meetings.read_text().replace("next_review: 2027-04-14", "next_review: 2026-12-01"))
    budget = tree / "content/network/budget/2024.yml"
    budget.write_text(budget.read_text().replace("next_review: 2027-03-12", "next_review: 2026-11-01"))
    found = audit(load_catalog(Settings(root=tree, demo_data=True, today=date.fromisoformat(TODAY)))[0])
    network = [(f.risk, f.title, f.url, f.detail) for f in found if f.what == "network handbook"]
    assert network == [("medium", "Network budget 2024", "network/budget/2024/", "review overdue since 2026-11-01"),
                       ("low", "Meetings", "network/meetings/", "review due on 2026-12-01")]
    first_network = next(i for i, f in enumerate(found) if f.what == "network handbook")
    assert all(f.what != "guidance" for f in found[first_network:] if f.risk == "medium")
