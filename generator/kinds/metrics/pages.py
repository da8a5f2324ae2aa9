"""Plan the metrics dashboard: network and per-region pages with charts, tables, bottleneck
callouts, and CSV and JSON downloads of the published (suppressed) figures."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from markupsafe import Markup

from generator.common.charts import bar_chart, line_chart
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.kinds.metrics.publish import NETWORK, OUTCOME_KINDS, Published, publish
from generator.kinds.metrics.suppression import Cell
from generator.kinds.triage.views import tiers_by_rank


def _compliance(pub: Published, region: str, tier: str, period: str) -> float | None:
    return pub.rate(period, region, f"seen-within-target:{tier}", "within", "seen")


def _minutes(pub: Published, region: str, tier: str, period: str, which: str) -> float | None:
    cell = pub.value(period, region, f"minutes-to-vet:{tier}", which)
    return None if cell is None or cell.suppressed else cell.value


def _section(catalog: Catalog, pub: Published, region: str, label: str) -> dict[str, Any]:
    tiers = tiers_by_rank(catalog)
    periods = pub.periods
    latest = periods[-1]
    key = region.replace(NETWORK, "net")
    compliance = [(t, [_compliance(pub, region, t.id, p) for p in periods]) for t in tiers]
    acceptance = [pub.rate(p, region, "referrals", "accepted", "requests") for p in periods]
    problems = sorted({r.measure.split(":", 1)[1] for r in pub.rows if r.measure.startswith("outcomes:")})
    outcomes = [(catalog.problems[pid].model.title if pid in catalog.problems else pid,
                 [pub.value(latest, region, f"outcomes:{pid}", k) for k in (*OUTCOME_KINDS, "all")])
                for pid in problems]
    section: dict[str, Any] = {
        "region": region, "label": label, "periods": periods, "latest": latest,
        "compliance": compliance,
        "compliance_chart": Markup(line_chart(
            f"{key}-compliance", f"{label}: share seen within the target time, by tier",
            f"Percentage of contacts seen by a vet within each tier's target time, {periods[0]} to {latest}. "
            "Gaps are figures not published, to protect small numbers. "
            "The same numbers are in the table below the chart.",
            periods, [(t.label, values) for t, values in compliance], "% within target", 100)),
        "acceptance": acceptance,
        "referrals": [(p, {k: pub.value(p, region, "referrals", k) for k in
                           ("requests", "accepted", "declined", "expired", "pending")}) for p in periods],
        "acceptance_chart": Markup(line_chart(
            f"{key}-acceptance", f"{label}: referrals accepted",
            f"Percentage of referral requests accepted, {periods[0]} to {latest}. The same numbers are in "
            "the table below the chart.", periods, [("Accepted", acceptance)], "% of requests", 100)),
        "outcomes": outcomes,
        "outcomes_chart": Markup(bar_chart(
            f"{key}-outcomes", f"{label}: outcomes by problem, {latest}",
            f"Number of animals who recovered, were referred or died, for each problem guide, in {latest}. "
            "Bars marked <5 are counts from 1 to 4 and bars marked – are figures not shown so that such a count "
            "cannot be worked out; neither is published. The same numbers are in the table below the chart.",
            [name for name, _ in outcomes],
            [(kind.capitalize(), [_bar(row[1][i]) for row in outcomes]) for i, kind in enumerate(OUTCOME_KINDS)],
            "animals")),
    }
    if region != NETWORK:
        top = tiers[:2]
        minutes = [(f"{t.label}, {w}", [_minutes(pub, region, t.id, p, w) for p in periods])
                   for t in top for w in ("median", "p90")]
        section["minutes"] = minutes
        section["minutes_chart"] = Markup(line_chart(
            f"{key}-minutes", f"{label}: minutes from first call to first vet",
            f"Median and 90th centile minutes from the first call to first contact with a vet for the two most "
            f"urgent tiers, {periods[0]} to {latest}. The same numbers are in the table below the chart.",
            periods, minutes, "minutes"))
    return section


def _bar(cell: Cell | None) -> float | str:
    """A bar's height, or the marker drawn for a hidden figure: '<5' only where the count is 1 to 4."""
    if cell is None:
        return 0
    if cell.suppressed:
        return "<5" if cell.small else "–"
    return cell.value


def bottlenecks(catalog: Catalog, pub: Published) -> list[dict[str, Any]]:
    """Regions and tiers that missed their goal in the latest period."""
    latest = pub.periods[-1]
    found = []
    for region in pub.regions:
        for tier in tiers_by_rank(catalog):
            share = _compliance(pub, region, tier.id, latest)
            if share is not None and share < tier.goal_percent:
                found.append({"region": catalog.regions[region], "tier": tier, "share": share})
    return sorted(found, key=lambda b: (b["tier"].rank, b["share"]))


def plan_metrics(catalog: Catalog) -> list[PageSpec]:
    if not catalog.metrics or not catalog.tiers:
        return []
    pub = publish(catalog)
    clocks = sorted({(e.model.clock.starts, e.model.clock.stops) for e in catalog.metrics.values()})
    reporters = sorted({e.model.reported_by for e in catalog.metrics.values()})
    pages = [PageSpec("metrics/index.md", "metrics.html", "Network metrics",
                      "Time to first vet, golden-hour compliance, referral acceptance and outcomes, as aggregates.",
                      {"network": _section(catalog, pub, NETWORK, "Whole network"),
                       "bottlenecks": bottlenecks(catalog, pub), "clocks": clocks, "reporters": reporters,
                       "regions": [catalog.regions[r] for r in pub.regions]})]
    for region in pub.regions:
        label = catalog.regions[region].label
        pages.append(PageSpec(f"metrics/{region}.md", "metrics-region.html", f"Metrics: {label}",
                              f"Golden-hour compliance, time to first vet, referrals and outcomes in {label}.",
                              {"section": _section(catalog, pub, region, label), "region": catalog.regions[region]}))
    return pages


def metrics_files(catalog: Catalog, site_url: str) -> list[DataFile]:
    if not catalog.metrics or not catalog.tiers:
        return []
    rows = [row.as_dict() for row in publish(catalog).rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return [DataFile("metrics/metrics.csv", buffer.getvalue()),
            DataFile("metrics/metrics.json", json.dumps({"suppression": "counts from 1 to 4 are not published "
                                                         "(value null, published_as 'fewer than 5'); figures hidden "
                                                         "so that such a count cannot be worked out from the totals "
                                                         "say 'not shown' (value null)",
                                                         "rows": rows}, indent=1))]
