"""publish() and bottlenecks() against figures worked out by hand from the fixture reports (issue 17: the code
under test is not its own oracle). The fixture network (tests/examples/valid/content/metrics) has two regions,
Eastmarsh and Southhaven, and two periods; the latest, 2026-10, is worked out below.

Suppression by hand: in each table (regions x categories, with row totals, column totals and the grand
total) a count from 1 to 4 is hidden ('fewer than 5'); then, line by line (rows first, then columns), a line
with exactly one hidden entry also hides its smallest positive entry ('not shown'), until no line has one.
"""

from __future__ import annotations

import pytest

from generator.core.settings import Settings
from generator.kinds.metrics.pages import bottlenecks
from generator.kinds.metrics.publish import publish
from generator.site.pipeline import load_catalog
from tests.helpers import VALID

LT5, HIDDEN = "fewer than 5", "not shown"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Settings(root=VALID, demo_data=True))[0]


@pytest.fixture(scope="module")
def published(catalog) -> dict[tuple[str, str, str, str], tuple[object, str]]:
    rows = [row.as_dict() for row in publish(catalog).rows]
    keyed = {(r["period"], r["region"], r["measure"], r["category"]): (r["value"], r["published_as"]) for r in rows}
    assert len(keyed) == len(rows), "a figure was published twice"
    return keyed


def _table(published, period: str, measure: str) -> dict[tuple[str, str], str]:
    return {(region, category): shown for (p, region, m, category), (_, shown) in published.items()
            if (p, m) == (period, measure)}


def test_the_periods_and_regions(catalog) -> None:
    pub = publish(catalog)
    assert (pub.periods, pub.regions) == (["2026-09", "2026-10"], ["eastmarsh", "southhaven"])


# 2026-10, seen within the target time (within / outside / seen), worked out from time_to_vet:
#   emergency-now  E 7/2/9, S 8/2/10: outside 2, 2 and 4 are small; row E then hides within 7, row S within 8,
#                  the network row (15/4/19) within 15.
#   golden-hour    E 12/5/17, S 17/5/22, network 29/10/39: nothing small, all published.
#   same-day       E 40/3/43, S 41/1/42, network 81/4/85: as emergency-now.
#   within-48h     E 42/1/43, S 25/1/26, network 67/2/69: as emergency-now.
#   routine        E 10/0/10, S 8/0/8, network 18/0/18: a zero is published, nothing hidden.
SEEN = {
    "emergency-now": {"eastmarsh": (HIDDEN, LT5, "9"), "southhaven": (HIDDEN, LT5, "10"),
                      "network": (HIDDEN, LT5, "19")},
    "golden-hour": {"eastmarsh": ("12", "5", "17"), "southhaven": ("17", "5", "22"), "network": ("29", "10", "39")},
    "same-day": {"eastmarsh": (HIDDEN, LT5, "43"), "southhaven": (HIDDEN, LT5, "42"), "network": (HIDDEN, LT5, "85")},
    "within-48h": {"eastmarsh": (HIDDEN, LT5, "43"), "southhaven": (HIDDEN, LT5, "26"),
                   "network": (HIDDEN, LT5, "69")},
    "routine": {"eastmarsh": ("10", "0", "10"), "southhaven": ("8", "0", "8"), "network": ("18", "0", "18")},
}


@pytest.mark.parametrize("tier", list(SEEN))
def test_seen_within_target_worked_out_by_hand(published, tier: str) -> None:
    expected = {(region, category): shown for region, cells in SEEN[tier].items()
                for category, shown in zip(("within", "outside", "seen"), cells, strict=True)}
    assert _table(published, "2026-10", f"seen-within-target:{tier}") == expected


def test_referrals_worked_out_by_hand(published) -> None:
    # E: accepted 13, declined 2, expired 1, pending 17-13-2-1 = 1, requests 17
    # S: accepted 16, declined 3, expired 4, pending 23-16-3-4 = 0, requests 23
    # network: 29, 5, 5, 1, 40: pending 1 is small and alone in the network row, which then hides the
    # smaller of the two 5s (declined before expired, by name); the network's expired 5 is published
    expected = {
        ("eastmarsh", "accepted"): "13", ("eastmarsh", "declined"): LT5, ("eastmarsh", "expired"): LT5,
        ("eastmarsh", "pending"): LT5, ("eastmarsh", "requests"): "17",
        ("southhaven", "accepted"): "16", ("southhaven", "declined"): LT5, ("southhaven", "expired"): LT5,
        ("southhaven", "pending"): "0", ("southhaven", "requests"): "23",
        ("network", "accepted"): "29", ("network", "declined"): HIDDEN, ("network", "expired"): "5",
        ("network", "pending"): LT5, ("network", "requests"): "40",
    }
    assert _table(published, "2026-10", "referrals") == expected


def test_contacts_worked_out_by_hand(published) -> None:
    # no count below 5 in either region: every figure and total is published as reported
    expected = {}
    for region, counts in (("eastmarsh", (9, 17, 43, 43, 10)), ("southhaven", (10, 22, 42, 26, 8)),
                           ("network", (19, 39, 85, 69, 18))):
        for tier, count in zip(SEEN, counts, strict=True):
            expected[(region, tier)] = str(count)
        expected[(region, "all")] = str(sum(counts))
    assert expected[("network", "all")] == "230"
    assert _table(published, "2026-10", "contacts") == expected


def test_outcomes_worked_out_by_hand(published) -> None:
    # gut stasis, died / recovered / referred / all: E 3/16/7/26, S 6/4/1/11, network 9/20/8/37.
    # Small: E died 3, S recovered 4, S referred 1. Row E hides referred 7; column died then hides S's 6;
    # column recovered hides E's 16. The network row is left whole.
    expected = {
        ("eastmarsh", "died"): LT5, ("eastmarsh", "recovered"): HIDDEN, ("eastmarsh", "referred"): HIDDEN,
        ("eastmarsh", "all"): "26",
        ("southhaven", "died"): HIDDEN, ("southhaven", "recovered"): LT5, ("southhaven", "referred"): LT5,
        ("southhaven", "all"): "11",
        ("network", "died"): "9", ("network", "recovered"): "20", ("network", "referred"): "8",
        ("network", "all"): "37",
    }
    assert _table(published, "2026-10", "outcomes:gut-stasis") == expected


def test_minutes_to_vet_are_the_reported_figures(published) -> None:
    # every tier had 5 or more contacts, so each region's median and 90th centile are published as reported;
    # the network has none (medians do not add up)
    assert _table(published, "2026-10", "minutes-to-vet:golden-hour") == {
        ("eastmarsh", "median"): "30.4", ("eastmarsh", "p90"): "59.9",
        ("southhaven", "median"): "25.1", ("southhaven", "p90"): "55.7"}
    assert _table(published, "2026-09", "minutes-to-vet:routine") == {
        ("eastmarsh", "median"): "1991.5", ("eastmarsh", "p90"): "4658.5",
        ("southhaven", "median"): "1686.1", ("southhaven", "p90"): "3706.3"}


def test_published_values_are_numbers_or_null(published) -> None:
    for (_, _, measure, _), (value, shown) in published.items():
        if value is None:
            assert shown in (LT5, HIDDEN)
        else:
            assert shown == str(value) and (measure.startswith("minutes-to-vet:") or not 0 < value < 5)


def test_bottlenecks_worked_out_by_hand(catalog, published) -> None:
    # The goal is 80% seen within the target time for every tier (the tiers' default goal_percent). In
    # 2026-10 only golden-hour misses it where the share can be published: Eastmarsh 12/17 = 70.6%,
    # Southhaven 17/22 = 77.3%; the other tiers' shares are hidden (within 'not shown') or 100% (routine).
    # Sorted by tier rank, then the lowest share first.
    found = [(b["region"].id, b["tier"].id, b["share"]) for b in bottlenecks(catalog, publish(catalog))]
    assert found == [("eastmarsh", "golden-hour", 70.6), ("southhaven", "golden-hour", 77.3)]
