"""Public holidays ahead with no hours given (generator/kinds/organisations/holiday_checks.py): every
page reads the weekly hours on a date no exception names, so a practice closed for a bank holiday
would be shown open. Pebblesham Vets (the valid tree) opens Mon–Fri 08:30–18:30 and Sat 08:30–12:00,
and is closed on 25, 26 and 28 December and 1 January; England's holidays in that stretch are those
four (28 December is Boxing Day's substitute: the 26th is a Saturday)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from generator.core.issues import Severity, Stage
from generator.core.settings import Settings
from generator.kinds.organisations.holiday_checks import HOLIDAY_NOTICE_DAYS, check_public_holidays
from generator.site.audit import audit
from generator.site.pipeline import load_catalog
from generator.site.stale_report import stale_report
from tests.helpers import VALID, catalog_with, org_data, with_orgs

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def catalog():
    catalog, _ = load_catalog(Settings(root=VALID, demo_data=True, today=TODAY))
    return catalog


def found(catalog, data: dict, today: date = TODAY, **region_changes) -> list:
    changed = with_orgs(catalog, data)
    region = data["location"]["region"]
    regions = {**catalog.regions, region: catalog.regions[region].model_copy(update=region_changes)}
    changed = catalog_with(changed, dataclasses.replace(catalog.settings, today=today), regions=regions)
    return check_public_holidays(changed, [])


def without(data: dict, *days: str) -> dict:
    data["exceptions"] = [e for e in data["exceptions"] if str(e["date"]) not in days]
    return data


def test_every_holiday_given_is_no_problem(catalog) -> None:
    assert found(catalog, org_data()) == []


def test_a_holiday_the_weekly_hours_open_is_named_with_its_weekday_and_name(catalog) -> None:
    [problem] = found(catalog, without(org_data(), "2026-12-28"))
    assert (problem.field, problem.severity, problem.stage) == ("exceptions", Severity.WARNING, Stage.FRESHNESS)
    assert problem.message == ("no hours given for a public holiday in Eastmarsh within 6 weeks, where its weekly "
                               "hours would open it: Monday 28 December 2026 (Boxing Day (observed))")
    assert "'- date: 2026-12-28' with 'closed: true'" in problem.hint


def test_every_missing_holiday_is_in_one_problem_at_the_hours_when_there_are_no_exceptions(catalog) -> None:
    data = org_data()
    del data["exceptions"]
    [problem] = found(catalog, data)
    assert problem.field == "hours"
    assert problem.message.endswith("4 public holidays in Eastmarsh within 6 weeks, where its weekly hours would "
                                    "open it: Friday 25 December 2026 (Christmas Day); Saturday 26 December 2026 "
                                    "(Boxing Day); Monday 28 December 2026 (Boxing Day (observed)); Friday 1 "
                                    "January 2027 (New Year's Day)")


def test_a_holiday_on_a_day_it_is_closed_anyway_needs_nothing(catalog) -> None:
    data = without(org_data(), "2026-12-26")
    data["hours"] = [{"days": "mon-fri", "opens": "08:30", "closes": "18:30"}]  # no Saturday
    assert found(catalog, data) == []


@pytest.mark.parametrize("hours", [
    "24/7",
    # open all day at weekends, and from Friday evening: the Saturday is covered twice over, never closed
    [{"days": "mon-fri", "opens": "19:00", "closes": "08:00"}, {"days": ["sat", "sun"], "opens": "00:00",
                                                                 "closes": "24:00"}],
], ids=["24/7", "all day at weekends"])
def test_a_clinic_open_all_day_on_the_holiday_keeps_its_hours(catalog, hours) -> None:
    data = without(org_data(), "2026-12-26")
    data["hours"] = hours
    assert found(catalog, data) == []


@pytest.mark.parametrize("saturday", [
    [{"days": ["sat"], "opens": "00:00", "closes": "20:00"}],
    [{"days": ["sat"], "opens": "09:00", "closes": "24:00"}],  # Friday night ends at 08:00: an hour closed
], ids=["closes in the evening", "closed between two periods"])
def test_open_only_part_of_the_day_is_asked_about(catalog, saturday) -> None:
    data = without(org_data(), "2026-12-26")
    data["hours"] = [{"days": "mon-fri", "opens": "19:00", "closes": "08:00"}, *saturday]
    [problem] = found(catalog, data)
    assert "Saturday 26 December 2026 (Boxing Day)" in problem.message


def test_the_notice_starts_six_weeks_ahead(catalog) -> None:
    data = without(org_data(), "2026-12-28")
    last_quiet = date(2026, 12, 28).toordinal() - HOLIDAY_NOTICE_DAYS
    assert found(catalog, data, today=date.fromordinal(last_quiet)) == []
    assert len(found(catalog, data, today=date.fromordinal(last_quiet + 1))) == 1
    assert len(found(catalog, data, today=date(2026, 12, 28))) == 1  # on the day itself, still
    assert found(catalog, data, today=date(2026, 12, 29)) == []  # once past, no longer


def test_the_regions_own_part_of_the_country_decides(catalog) -> None:
    # 30 November, St Andrew's Day, is a bank holiday in Scotland and not in England
    data = org_data()
    assert found(catalog, data, subdivision="ENG") == []
    [problem] = found(catalog, data, subdivision="SCT")
    assert "Monday 30 November 2026 (Saint Andrew's Day)" in problem.message


def test_a_country_without_a_holiday_calendar_is_not_checked(catalog) -> None:
    data = without(org_data(), "2026-12-28")
    assert found(catalog, data, country="ZZ") == []


@pytest.mark.parametrize("status", ["temporarily-closed", "closed"])
def test_an_organisation_not_open_for_business_is_not_asked(catalog, status) -> None:
    data = without(org_data(), "2026-12-28")
    data["status"] = status
    data["alert"] = "Closed while the building is repaired; go to Saltwick Veterinary Hospital."
    assert found(catalog, data) == []


def test_the_audit_and_the_stale_issue_list_it_as_kb_check_does(catalog) -> None:
    def listed(data: dict) -> list[tuple[str, str, str]]:
        changed = catalog_with(with_orgs(catalog, data), regions=catalog.regions)
        return [(f.risk, f.title, f.detail) for f in audit(changed) if "hours not given" in f.detail]

    assert listed(org_data()) == []
    data = without(org_data(), "2026-12-28", "2027-01-01")
    assert listed(data) == [("medium", "Pebblesham Vets", "hours not given for Monday 28 December 2026 (Boxing Day "
                             "(observed)); Friday 1 January 2027 (New Year's Day)")]
    report = stale_report(catalog_with(with_orgs(catalog, data), regions=catalog.regions))
    assert "**overdue**: [Pebblesham Vets](organisations/pebblesham-vets/) (directory entry): hours not given for " \
           "Monday 28 December 2026" in report
