"""The metrics dashboard and downloads: tables match the data, charts are accessible SVG, and no
count from 1 to 4 is published anywhere, directly or by differencing."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from generator.core.settings import Settings
from generator.kinds.triage.views import tiers_by_rank
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, page


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Settings(root=VALID, demo_data=True))[0]


def _raw(catalog, region: str, period: str):
    return next(e.model for e in catalog.metrics.values() if (e.model.region, e.model.period) == (region, period))


def test_the_fixture_has_small_counts_to_suppress(catalog) -> None:
    small = [v for e in catalog.metrics.values() for row in e.model.time_to_vet
             for v in (row.within_target, row.count - row.within_target) if 0 < v < 5]
    assert small, "without small counts these tests could not fail"


def test_compliance_table_equals_the_data_where_published(fixture_site: Path, catalog) -> None:
    html = page(fixture_site, "metrics/eastmarsh")
    table = html.select_one("#eastmarsh-compliance-table")
    periods = [th["data-period"] for th in table.select("thead th[data-period]")]
    checked = hidden = 0
    withheld = {(r["period"], r["measure"].split(":", 1)[1]) for r in _count_rows(fixture_site / "metrics/metrics.csv")
                if r["region"] == "eastmarsh" and r["measure"].startswith("seen-within-target:")
                and r["published_as"] == "not shown"}
    for tier, tr in zip(tiers_by_rank(catalog), table.select("tbody tr"), strict=True):
        for period, td in zip(periods, tr.select("td"), strict=True):
            row = next(r for r in _raw(catalog, "eastmarsh", period).time_to_vet if r.tier == tier.id)
            outside = row.count - row.within_target
            if 0 < row.within_target < 5 or 0 < outside < 5 or 0 < row.count < 5:
                assert td["data-value"] == "" and "not published" in td.get_text()
                hidden += 1
            elif row.count == 0 or (period, tier.id) in withheld:
                # nothing to divide, or a figure hidden so that a small count elsewhere cannot be worked out
                # (the download says "not shown" for it too)
                assert td["data-value"] == ""
                hidden += row.count > 0
            else:  # a figure that may be published is published: a wrongly blanked cell fails here
                assert float(td["data-value"]) == round(100 * row.within_target / row.count, 1)
                checked += 1
    assert checked and hidden


def test_referral_and_minutes_tables_equal_the_data(fixture_site: Path, catalog) -> None:
    html = page(fixture_site, "metrics/southhaven")
    rows = html.select("#southhaven-referrals-table tbody tr")
    assert rows
    for tr in rows:
        raw = _raw(catalog, "southhaven", tr.th["data-period"]).referrals
        requests = tr.select_one("td[data-key=requests]").get_text()
        # "fewer than 5" only for a count of 1 to 4; every other count is the figure itself
        assert requests == ("fewer than 5" if 0 < raw.requests < 5 else str(raw.requests))
    minutes = html.select_one("#southhaven-minutes-table tbody tr")
    first_period = html.select("#southhaven-minutes-table thead th[data-period]")[0]["data-period"]
    raw_row = next(r for r in _raw(catalog, "southhaven", first_period).time_to_vet if r.tier == "emergency-now")
    cell = minutes.select("td")[0]
    assert (cell["data-value"] == "") if raw_row.count < 5 else (float(cell["data-value"]) == raw_row.median_minutes)


def test_charts_are_accessible_inline_svg(fixture_site: Path) -> None:
    html = page(fixture_site, "metrics/eastmarsh")
    charts = html.select("figure.kb-figure > svg")
    assert len(charts) == 4
    for svg in charts:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.select_one(f"title#{title_id}").get_text()
        assert "table" in svg.select_one(f"desc#{desc_id}").get_text()
    ids = [el["id"] for el in html.select("[id]")]
    assert len(ids) == len(set(ids)), "chart element ids must be unique on the page"
    assert not html.select("script[src*=chart], script[src*=plot]")  # no client-side charting library


def _count_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if not r["measure"].startswith("minutes-to-vet")]


def test_downloads_never_publish_small_counts(fixture_site: Path) -> None:
    rows = _count_rows(fixture_site / "metrics/metrics.csv")
    assert rows
    suppressed = [r for r in rows if r["published_as"] == "fewer than 5"]
    assert suppressed and all(r["value"] == "" for r in suppressed)
    for r in rows:
        if r["value"]:
            assert not (0 < int(r["value"]) < 5), r
    data = json.loads((fixture_site / "metrics/metrics.json").read_text())
    assert len(data["rows"]) == len(list(csv.DictReader((fixture_site / "metrics/metrics.csv").open())))
    for r in data["rows"]:
        if not r["measure"].startswith("minutes-to-vet") and r["value"] is not None:
            assert not (0 < r["value"] < 5)


def test_no_suppressed_count_can_be_recovered_by_differencing(fixture_site: Path) -> None:
    tables: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for r in _count_rows(fixture_site / "metrics/metrics.csv"):
        tables[(r["period"], r["measure"])][r["region"]][r["category"]] = r["value"]
    totals = {"contacts": "all", "referrals": "requests"}
    for (period, measure), regions in tables.items():
        total_name = totals.get(measure) or ("seen" if measure.startswith("seen-within") else "all")
        for region, row in regions.items():
            parts = [v for k, v in row.items() if k != total_name]
            if row.get(total_name):
                assert sum(1 for v in parts if v == "") != 1, (period, measure, region, row)
        categories = {k for row in regions.values() for k in row}
        for category in categories:
            column = [row.get(category) for name, row in regions.items() if name != "network"]
            if regions["network"].get(category):
                assert sum(1 for v in column if v == "") != 1, (period, measure, category)


def test_html_tables_show_small_counts_only_as_fewer_than_5(fixture_site: Path) -> None:
    figures = small = 0
    for path in ("metrics", "metrics/eastmarsh", "metrics/southhaven"):
        html = page(fixture_site, path)
        for table_id in ("referrals-table", "outcomes-table"):
            cells = html.select(f"table[id$={table_id}] td")
            assert cells, (path, table_id)
            for td in cells:
                text = td.get_text()
                if text.isdigit():
                    assert not (0 < int(text) < 5), (path, table_id, text)
                    figures += 1
                small += text == "fewer than 5"
    assert figures and small  # the tables were read, and they do hold suppressed counts


def test_bottlenecks_and_region_links(fixture_site: Path, catalog) -> None:
    # worked out by hand (tests/unit/metrics/test_publish_oracle.py): in 2026-10 only the golden-hour tier
    # misses its 80% goal where the share is published, Eastmarsh 12/17 = 70.6%, Southhaven 17/22 = 77.3%
    listed = [li.get_text(" ", strip=True) for li in page(fixture_site, "metrics").select("#bottlenecks ~ ul li")]
    assert len(listed) == 2, listed
    for item, (label, share) in zip(listed, (("Eastmarsh", "70.6%"), ("Southhaven", "77.3%")), strict=True):
        assert label in item and share in item and "Within the hour" in item, item
    link = page(fixture_site, "regions/eastmarsh").select_one("a[href='../../metrics/eastmarsh/']")
    assert link is not None
