"""Checks of the network's aggregate metrics: one report per region and period, counts that add up, and
no patient-level data."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.core.catalog import Catalog
from generator.core.issues import Issue

# Keys that would carry patient-level data: each gets a clear refusal instead of "unknown field".
_PATIENT_LEVEL = ("patient", "animal", "case", "row", "record", "name", "owner", "date", "dob", "microchip")


def patient_level_message(problem: Issue) -> Issue:
    key = problem.field.rsplit(".", 1)[-1].split("[")[0].lower()
    if problem.message.startswith("unknown field") and any(word in key for word in _PATIENT_LEVEL):
        return replace(problem, message=f"'{key}' looks like patient-level data; metrics files hold aggregate "
                       "counts and times only", hint="remove it; publish totals per region and period")
    return problem


_NAMED_FOR_A_PERIOD = re.compile(r"-\d{4}-(?:\d{2}|q[1-4])$")


def check_metrics(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[tuple[str, str], str] = {}
    for entry in catalog.metrics.values():
        report, src = entry.model, entry.source
        key = (report.region, report.period)
        named = f"{report.region}-{report.period.lower()}"
        # a file named for a region and period that holds another's: copied and not changed, or mistyped
        named_for = _NAMED_FOR_A_PERIOD.search(report.id)
        if named_for and report.id != named:
            period_differs = named_for.group(0)[1:] != report.period.lower()
            region_differs = report.id[:named_for.start()] != report.region
            field = "period" if period_differs else "region"
            wrong = "region and period" if period_differs and region_differs else field
            issues.append(src.problem((field,), f"the file is named {report.id}.yml but holds {report.region}'s "
                                      f"figures for {report.period}",
                                      hint=f"name it {named}.yml, or correct its {wrong}"))
        if key in seen:
            issues.append(src.problem(("period",), f"{report.region} already has figures for {report.period} "
                                      f"in {seen[key]}"))
        seen[key] = src.display
        for i, row in enumerate(report.time_to_vet):
            contacts = report.contacts_by_tier.get(row.tier)
            if contacts is not None and row.count > contacts:
                issues.append(src.problem(("time_to_vet", i, "count"), f"count ({row.count}) is more than the "
                                          f"{contacts} contacts reported for tier '{row.tier}'"))
    return issues
