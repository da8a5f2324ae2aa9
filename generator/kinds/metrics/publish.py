"""From raw aggregate reports to the figures that may be published.

Every number shown, charted or downloaded comes from here, after suppression: for each period the
regions form the rows of a table whose columns are tiers (or outcomes, or referral statuses), and
both regional totals and network totals are published, so suppression runs across both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.core.catalog import Catalog
from generator.kinds.metrics.model import MetricsReport
from generator.kinds.metrics.suppression import Cell, suppress_table
from generator.kinds.triage.views import tiers_by_rank

NETWORK = "network"

# Why a rate or a time is not published: said beside the gap, in the table and nowhere else.
NO_REPORT = "no report"
NONE_BEHIND = "none to count"
FEW_BEHIND = "fewer than 5 behind it"
GIVES_AWAY = "would give away a count under 5"
REFERRAL_STATUSES = ("accepted", "declined", "expired", "pending")
OUTCOME_KINDS = ("recovered", "referred", "died")


@dataclass
class Row:
    """One published figure, in the long format the CSV and JSON downloads use."""

    period: str
    region: str  # a region id, or "network"
    measure: str
    category: str
    cell: Cell

    def as_dict(self) -> dict[str, Any]:
        return {"period": self.period, "region": self.region, "measure": self.measure,
                "category": self.category, "value": self.cell.value, "published_as": self.cell.text()}


@dataclass(frozen=True)
class Shown:
    """A rate or a time as a page shows it: the figure, or why it is not published (never both)."""

    value: float | None
    reason: str | None = None


@dataclass
class Published:
    periods: list[str]
    regions: list[str]
    rows: list[Row] = field(default_factory=list)
    # the first row of each (period, region, measure, category), made again when rows were added:
    # the pages ask for about a thousand cells, and each lookup scanned every row
    _index: dict[tuple[str, str, str, str], Cell] = field(default_factory=dict, init=False, repr=False,
                                                           compare=False)
    _indexed_rows: int = field(default=-1, init=False, repr=False, compare=False)

    def value(self, period: str, region: str, measure: str, category: str) -> Cell | None:
        if self._indexed_rows != len(self.rows):
            self._index = {}
            for row in self.rows:
                self._index.setdefault((row.period, row.region, row.measure, row.category), row.cell)
            self._indexed_rows = len(self.rows)
        return self._index.get((period, region, measure, category))

    def rate(self, period: str, region: str, measure: str, numerator: str, denominator: str) -> float | None:
        return self.shown_rate(period, region, measure, numerator, denominator).value

    def shown_rate(self, period: str, region: str, measure: str, numerator: str, denominator: str) -> Shown:
        """numerator / denominator as a percentage to one decimal place, or the reason it is withheld."""
        top = self.value(period, region, measure, numerator)
        bottom = self.value(period, region, measure, denominator)
        if top is None or bottom is None:
            return Shown(None, NO_REPORT)
        if bottom.suppressed:  # a small total, or one hidden so that a small count cannot be worked out
            return Shown(None, FEW_BEHIND if bottom.small else GIVES_AWAY)
        if not bottom.value:
            return Shown(None, NONE_BEHIND)
        if top.suppressed:  # the rate times the published total would give the hidden count back
            return Shown(None, GIVES_AWAY)
        return Shown(round(100 * top.value / bottom.value, 1))

    def shown_minutes(self, period: str, region: str, tier: str, which: str) -> Shown:
        """A median or 90th-centile time to a vet, or why it is withheld (fewer than 5 contacts behind it)."""
        cell = self.value(period, region, f"minutes-to-vet:{tier}", which)
        if cell is None:
            return Shown(None, NO_REPORT)
        if cell.suppressed:
            seen = self.value(period, region, f"seen-within-target:{tier}", "seen")
            return Shown(None, NONE_BEHIND if seen is not None and seen.value == 0 else FEW_BEHIND)
        return Shown(cell.value)


def publish(catalog: Catalog) -> Published:
    reports = [e.model for e in catalog.metrics.values()]
    periods = sorted({r.period for r in reports})
    regions = [r for r in catalog.regions if any(rep.region == r for rep in reports)]
    published = Published(periods, regions)
    tiers = [t.id for t in tiers_by_rank(catalog)]
    for period in periods:
        by_region = {r.region: r for r in reports if r.period == period}
        _table(published, period, "contacts", {reg: dict(rep.contacts_by_tier) for reg, rep in by_region.items()},
               total_name="all")
        for tier in tiers:
            seen = {reg: _row_for(rep, tier) for reg, rep in by_region.items()}
            _table(published, period, f"seen-within-target:{tier}",
                   {reg: {"within": row.within_target, "outside": row.count - row.within_target}
                    for reg, row in seen.items() if row}, total_name="seen")
            for reg, row in seen.items():
                if row is None:
                    continue
                # medians of fewer than 5 contacts would describe individuals: "not shown" (the time itself
                # is not fewer than 5)
                small = row.count < 5
                published.rows.append(Row(period, reg, f"minutes-to-vet:{tier}", "median",
                                          Cell(None if small else row.median_minutes)))
                published.rows.append(Row(period, reg, f"minutes-to-vet:{tier}", "p90",
                                          Cell(None if small else row.p90_minutes)))
        _table(published, period, "referrals",
               {reg: {"accepted": rep.referrals.accepted, "declined": rep.referrals.declined,
                      "expired": rep.referrals.expired, "pending": rep.referrals.pending}
                for reg, rep in by_region.items()}, total_name="requests")
        problems = sorted({o.problem for rep in by_region.values() for o in rep.outcomes})
        for problem in problems:
            _table(published, period, f"outcomes:{problem}",
                   {reg: {k: getattr(o, k) for k in OUTCOME_KINDS}
                    for reg, rep in by_region.items() for o in rep.outcomes if o.problem == problem},
                   total_name="all")
    return published


def _row_for(report: MetricsReport, tier: str):
    return next((row for row in report.time_to_vet if row.tier == tier), None)


def _table(published: Published, period: str, measure: str, table: dict[str, dict[str, int]], total_name: str) -> None:
    if not table:
        return
    cells, row_totals, col_totals, grand = suppress_table(table)
    for region, row in cells.items():
        for category, cell in row.items():
            published.rows.append(Row(period, region, measure, category, cell))
        published.rows.append(Row(period, region, measure, total_name, row_totals[region]))
    for category, cell in col_totals.items():
        published.rows.append(Row(period, NETWORK, measure, category, cell))
    published.rows.append(Row(period, NETWORK, measure, total_name, grand))
