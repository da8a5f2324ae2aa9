"""Plan the metrics dashboard: network and per-region pages with charts, tables, bottleneck
callouts, and CSV and JSON downloads of the published (suppressed) figures."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.common.charts import bar_chart, line_chart, period_name
from generator.core.catalog import Catalog
from generator.core.specs import DataFile, PageSpec
from generator.kinds.metrics.publish import NETWORK, OUTCOME_KINDS, Published, Shown, publish
from generator.kinds.metrics.suppression import Cell
from generator.kinds.triage.views import tiers_by_rank


def _compliance(pub: Published, region: str, tier: str, period: str) -> Shown:
    return pub.shown_rate(period, region, f"seen-within-target:{tier}", "within", "seen")


def target_text(minutes: int) -> str:
    """A tier's target time as a funder reads it: '1 hour', '2 days', '0 minutes (at once)'."""
    if minutes == 0:
        return "0 minutes (a vet at once)"
    for size, unit in ((1440, "day"), (60, "hour"), (1, "minute")):
        if minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    raise AssertionError("unreachable: every whole number of minutes divides by 1")


def _totals(pub: Published, region: str, periods: list[str]) -> list[dict[str, Any]]:
    """Headline figures per period: contacts, referral requests and the share accepted."""
    return [{"period": p, "name": period_name(p),
             "contacts": pub.value(p, region, "contacts", "all"),
             "requests": pub.value(p, region, "referrals", "requests"),
             "accepted": pub.shown_rate(p, region, "referrals", "accepted", "requests")} for p in periods]


def _section(catalog: Catalog, pub: Published, region: str, label: str) -> dict[str, Any]:
    tiers = tiers_by_rank(catalog)
    periods = pub.periods
    latest = periods[-1]
    key = region.replace(NETWORK, "net")
    compliance = [(t, target_text(t.target_minutes), [_compliance(pub, region, t.id, p) for p in periods])
                  for t in tiers]
    acceptance = [pub.shown_rate(p, region, "referrals", "accepted", "requests") for p in periods]
    problems = sorted({r.measure.split(":", 1)[1] for r in pub.rows if r.measure.startswith("outcomes:")})
    outcomes = [(catalog.problems[pid].model.title if pid in catalog.problems else pid,
                 [pub.value(latest, region, f"outcomes:{pid}", k) for k in (*OUTCOME_KINDS, "all")])
                for pid in problems]
    section: dict[str, Any] = {
        "region": region, "label": label, "periods": [(p, period_name(p)) for p in periods],
        "latest": period_name(latest), "totals": _totals(pub, region, periods),
        "compliance": compliance,
        "compliance_chart": line_chart(
            f"{key}-compliance", f"{label}: share seen within the target time, by tier",
            f"Percentage of contacts seen by a vet within each tier's target time, {period_name(periods[0])} to "
            f"{period_name(latest)}. Gaps are figures not published, to protect small numbers. "
            "The same numbers are in the table below the chart.",
            periods, [(t.label, [v.value for v in values]) for t, _, values in compliance], "% within target", 100),
        "referrals": [(p, period_name(p), {k: pub.value(p, region, "referrals", k) for k in
                                          ("requests", "accepted", "declined", "expired", "pending")}, rate)
                      for p, rate in zip(periods, acceptance, strict=True)],
        "acceptance_chart": line_chart(
            f"{key}-acceptance", f"{label}: referrals accepted",
            f"Percentage of referral requests accepted, {period_name(periods[0])} to {period_name(latest)}. "
            "The same numbers are in the table below the chart.",
            periods, [("Accepted", [v.value for v in acceptance])], "% of requests", 100),
        "outcomes": outcomes,
        "outcomes_chart": bar_chart(
            f"{key}-outcomes", f"{label}: outcomes by problem, {period_name(latest)}",
            f"Number of animals who recovered, were referred or died, for each problem guide, in "
            f"{period_name(latest)}. Bars marked <5 are counts from 1 to 4 and bars marked – are figures not "
            "shown so that such a count cannot be worked out; neither is published. The same numbers are in "
            "the table below the chart.",
            [name for name, _ in outcomes],
            [(kind.capitalize(), [_bar(row[1][i]) for row in outcomes]) for i, kind in enumerate(OUTCOME_KINDS)],
            "animals"),
    }
    if region != NETWORK:
        top = tiers[:2]
        minutes = [(f"{t.label}: {MINUTE_MEASURES[w]}", [pub.shown_minutes(p, region, t.id, w) for p in periods])
                   for t in top for w in MINUTE_MEASURES]
        section["minutes"] = minutes
        section["minutes_chart"] = line_chart(
            f"{key}-minutes", f"{label}: minutes from first call to first vet",
            f"Median and 90th centile minutes from the first call to first contact with a vet for the two most "
            f"urgent tiers, {period_name(periods[0])} to {period_name(latest)}. Half of the animals reached a vet "
            "within the median, 9 in 10 within the 90th centile. The same numbers are in the table below the chart.",
            periods, [(name, [v.value for v in values]) for name, values in minutes], "minutes")
    return section


# The two times published per tier, by the names the pages give them (the download keeps median and p90).
MINUTE_MEASURES = {"median": "median", "p90": "90th centile"}


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
            share = _compliance(pub, region, tier.id, latest).value
            if share is not None and share < tier.goal_percent:
                found.append({"region": catalog.regions[region], "tier": tier, "share": share,
                              "target": target_text(tier.target_minutes)})
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
