"""What is said about a hidden figure is true (issue 16): "fewer than 5" only for a count from 1 to 4;
a figure hidden so that such a count cannot be worked out from the totals says "not shown"."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from generator.kinds.metrics.publish import NETWORK, OUTCOME_KINDS, publish
from generator.kinds.metrics.suppression import NOT_SHOWN_TEXT, SUPPRESSED_TEXT, suppress_table
from tests.helpers import page


def _said_truly(text: str, true: int) -> bool:
    if text == SUPPRESSED_TEXT:
        return 0 < true < 5
    if text == NOT_SHOWN_TEXT:
        return true >= 5
    return text == str(true)


@pytest.mark.parametrize("seed", range(300))
def test_a_hidden_cell_is_described_truly(seed: int) -> None:
    rng = random.Random(seed)
    table = {f"r{r}": {f"c{c}": rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 14, 40]) for c in range(4)} for r in range(4)}
    cells, row_totals, col_totals, grand = suppress_table(table)
    for r, row in cells.items():
        for c, cell in row.items():
            assert _said_truly(cell.text(), table[r][c]), (r, c, table[r][c], cell.text())
        assert _said_truly(row_totals[r].text(), sum(table[r].values()))
    for c, cell in col_totals.items():
        assert _said_truly(cell.text(), sum(row[c] for row in table.values()))
    assert _said_truly(grand.text(), sum(sum(row.values()) for row in table.values()))


def _true_values(catalog) -> dict[tuple[str, str, str, str], int]:
    """Every count the metrics tables publish, computed from the reports themselves."""
    truth: dict[tuple[str, str, str, str], int] = {}

    def add(period: str, region: str, measure: str, category: str, value: int) -> None:
        for where in (region, NETWORK):
            key = (period, where, measure, category)
            truth[key] = truth.get(key, 0) + value

    for entry in catalog.metrics.values():
        report = entry.model
        p, r = report.period, report.region
        for tier, count in report.contacts_by_tier.items():
            add(p, r, "contacts", tier, count)
            add(p, r, "contacts", "all", count)
        referrals = report.referrals
        for kind in ("accepted", "declined", "expired", "pending"):
            add(p, r, "referrals", kind, getattr(referrals, kind))
        add(p, r, "referrals", "requests", referrals.requests)
        for row in report.time_to_vet:
            measure = f"seen-within-target:{row.tier}"
            add(p, r, measure, "within", row.within_target)
            add(p, r, measure, "outside", row.count - row.within_target)
            add(p, r, measure, "seen", row.count)
        for outcome in report.outcomes:
            for kind in OUTCOME_KINDS:
                add(p, r, f"outcomes:{outcome.problem}", kind, getattr(outcome, kind))
                add(p, r, f"outcomes:{outcome.problem}", "all", getattr(outcome, kind))
    return truth


def test_every_published_count_of_the_demo_says_something_true(demo_catalog) -> None:
    truth = _true_values(demo_catalog)
    rows = [row for row in publish(demo_catalog).rows if not row.measure.startswith("minutes-to-vet:")]
    wrong = [(row.period, row.region, row.measure, row.category, row.cell.text(),
              truth.get((row.period, row.region, row.measure, row.category), 0))
             for row in rows if not _said_truly(row.cell.text(), truth.get((row.period, row.region, row.measure,
                                                                               row.category), 0))]
    assert wrong == []
    said = [row.cell.text() for row in rows]
    assert said.count(SUPPRESSED_TEXT) and said.count(NOT_SHOWN_TEXT), "the demo shows both kinds"


def test_a_hidden_time_is_not_said_to_be_fewer_than_5(demo_catalog) -> None:
    times = [row.cell.text() for row in publish(demo_catalog).rows if row.measure.startswith("minutes-to-vet:")
             and row.cell.suppressed]
    assert times and set(times) == {NOT_SHOWN_TEXT}


@pytest.mark.parametrize("url", ["metrics", "metrics/eastmarsh", "metrics/southhaven"])
def test_the_pages_say_why_a_figure_is_not_shown(fixture_site: Path, url: str) -> None:
    html = page(fixture_site, url)
    hidden = [span.get_text() for span in html.select("td .kb-suppressed")]
    assert NOT_SHOWN_TEXT in hidden
    note = html.select_one("#not-shown")
    assert note is not None and "not shown" in note.get_text()
    for span in html.select("td .kb-suppressed"):
        if span.get_text() == NOT_SHOWN_TEXT:
            assert span.find_next_sibling(class_="kb-why").a["href"] == "#not-shown"
