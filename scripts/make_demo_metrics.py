"""Write the demo metrics series: 6 monthly periods for each region, fictional but realistic in
shape (Westmoor, with no hospital of its own, is slower; every region improves a little).

Run from the repository root: .venv/bin/python scripts/make_demo_metrics.py
The output is deterministic (fixed seed), so re-running changes nothing.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

PERIODS = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
REGIONS = {"northvale": 1.0, "eastmarsh": 0.9, "southhaven": 0.8, "westmoor": 1.6}  # travel-time factor
TIERS = {"emergency-now": (22, 20), "golden-hour": (30, 45), "same-day": (40, 240), "within-48h": (30, 900),
         "routine": (10, 2500)}  # (typical contacts, typical median minutes)
TARGETS = {"emergency-now": 30, "golden-hour": 60, "same-day": 720, "within-48h": 2880, "routine": 10080}
PROBLEMS = ["gut-stasis", "breathing-difficulty", "heatstroke", "trauma-or-fall", "diarrhoea-and-wet-tail"]
HEADER = "# Demo data: fictional figures written by scripts/make_demo_metrics.py. Do not edit by hand.\n"


def report(region: str, factor: float, period: str, step: int, rng: random.Random) -> dict:
    improvement = 1 - 0.04 * step
    contacts = {tier: max(0, round(rng.gauss(n, n * 0.25))) for tier, (n, _) in TIERS.items()}
    if region == "westmoor":
        contacts["emergency-now"] = rng.choice([2, 3, 4, 6])  # small numbers, to show suppression
    time_to_vet = []
    for tier, (_, minutes) in TIERS.items():
        count = contacts[tier]
        median = round(minutes * factor * improvement * rng.uniform(0.85, 1.15), 1)
        p90 = round(median * rng.uniform(1.8, 2.6), 1)
        share = min(0.98, max(0.3, 1.15 - median / TARGETS[tier] * 0.9))
        time_to_vet.append({"tier": tier, "count": count, "median_minutes": median, "p90_minutes": p90,
                            "within_target": round(count * share)})
    requests = round(rng.gauss(24, 5) * (0.6 if region == "westmoor" else 1))
    accepted = round(requests * rng.uniform(0.6, 0.85))
    declined = round((requests - accepted) * rng.uniform(0.4, 0.7))
    expired = rng.randint(0, max(0, requests - accepted - declined))
    outcomes = []
    for problem in PROBLEMS:
        total = rng.randint(6, 30)
        died = rng.choice([0, 1, 2, 3, 5, 6])
        referred = rng.randint(1, max(1, total // 3))
        outcomes.append({"problem": problem, "recovered": max(0, total - died - referred), "referred": referred,
                         "died": died})
    return {
        "id": f"{region}-{period}", "region": region, "period": period,
        "reported_by": f"{region.capitalize()} network coordinator",
        "clock": {"starts": "The first call about the animal to any network clinic or the out-of-hours line.",
                  "stops": "The first contact with a vet, in person or by video call."},
        "contacts_by_tier": contacts, "time_to_vet": time_to_vet,
        "referrals": {"requests": requests, "accepted": accepted, "declined": declined, "expired": expired},
        "outcomes": outcomes,
    }


def main() -> None:
    out = Path("content/metrics")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261121)
    for region, factor in REGIONS.items():
        for step, period in enumerate(PERIODS):
            data = report(region, factor, period, step, rng)
            text = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
            (out / f"{data['id']}.yml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
