"""The organisation rules (generator/kinds/organisations/checks.py, with generator/common/freshness.py),
one changed entry at a time, with the boundaries of the freshness rule pinned: a note after 180 days, a
warning after 365 (366 days is the first warning)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from generator.core.issues import Severity
from generator.core.settings import Settings
from generator.kinds.organisations.checks import check_organisations
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, catalog_with, org_data, with_orgs

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def catalog():
    catalog, _ = load_catalog(Settings(root=VALID, demo_data=True, today=TODAY))
    return catalog


def found(catalog, data: dict) -> list[tuple[str, str, str]]:
    """(field, severity, message) of every problem the rules find in the one organisation."""
    return [(p.field, p.severity, p.message) for p in check_organisations(with_orgs(catalog, data), [])]


def phone(kind: str, number: str, verified_on: str | None = None) -> dict:
    return {"type": kind, "number": number, **({"verified_on": verified_on} if verified_on else {})}


def fresh(data: dict) -> dict:
    data["verified"]["on"] = TODAY.isoformat()
    return data


def test_the_unchanged_entry_has_no_problems(catalog) -> None:
    assert found(catalog, fresh(org_data())) == []


def test_a_phone_verified_in_the_future(catalog) -> None:
    data = fresh(org_data())
    data["contacts"]["phones"].append(phone("emergency", "01632 960901", "2026-11-22"))
    assert found(catalog, data) == [("contacts.phones[1].verified_on", Severity.ERROR,
                                     "the verification date is in the future")]
    data["contacts"]["phones"][1]["verified_on"] = TODAY.isoformat()  # today is not the future
    assert found(catalog, data) == []


def test_a_number_listed_twice(catalog) -> None:
    data = fresh(org_data())
    first = data["contacts"]["phones"][0]["number"]
    data["contacts"]["phones"].append(phone("emergency", first, "2026-11-01"))
    assert found(catalog, data) == [("contacts.phones[1].number", Severity.ERROR,
                                     "this number is listed twice; list it once with the main type")]
    data["contacts"]["phones"][1]["number"] = "01632 960902"
    assert found(catalog, data) == []


@pytest.mark.parametrize(("age", "expected"), [
    (-1, [(Severity.ERROR, "the verification date is in the future")]),
    (0, []), (180, []),
    (181, [(Severity.NOTE, "last verified 181 days ago; due for re-verification")]),
    (364, [(Severity.NOTE, "last verified 364 days ago; due for re-verification")]),
    (365, [(Severity.NOTE, "last verified 365 days ago; due for re-verification")]),
    (366, [(Severity.WARNING, "last verified 366 days ago, more than a year")]),
    (395, [(Severity.WARNING, "last verified 395 days ago, more than a year")]),
])
def test_freshness_boundaries(catalog, age: int, expected: list[tuple[str, str]]) -> None:
    data = org_data()
    data["verified"]["on"] = (TODAY - timedelta(days=age)).isoformat()
    assert [(s, m) for f, s, m in found(catalog, data)] == expected
    assert all(f == "verified.on" for f, _, _ in found(catalog, data))


def test_the_freshness_limits_are_a_year_and_half_a_year() -> None:
    settings = Settings(root=VALID)
    assert (settings.verify_note_days, settings.verify_warn_days) == (180, 365)


def test_freshness_follows_the_settings(catalog) -> None:
    data = org_data()
    data["verified"]["on"] = (TODAY - timedelta(days=20)).isoformat()
    strict = catalog_with(catalog, settings=dataclasses.replace(catalog.settings, verify_note_days=10,
                                                                verify_warn_days=19))
    assert [m for _, _, m in found(strict, data)] == ["last verified 20 days ago, more than a year"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["species"].append(d["species"][0]), ("species[{n}]", "species '{s}' is listed twice")),
    (lambda d: d["services"].append(d["services"][0]), ("services[{m}]", "service '{v}' is listed twice")),
])
def test_listed_twice(catalog, change, expected) -> None:
    data = fresh(org_data())
    change(data)
    first_species = data["species"][0] if isinstance(data["species"][0], str) else data["species"][0]["species"]
    first_service = data["services"][0] if isinstance(data["services"][0], str) else data["services"][0]["service"]
    field = expected[0].format(n=len(data["species"]) - 1, m=len(data["services"]) - 1)
    message = expected[1].format(s=first_species, v=first_service)
    assert found(catalog, data) == [(field, Severity.ERROR, message)]


def test_after_hours_partner_rules(catalog) -> None:
    data = fresh(org_data())
    data["after_hours"] = {"arrangement": "partner"}
    assert found(catalog, data) == [("after_hours", Severity.ERROR, "arrangement 'partner' needs a partner: the id "
                                     "of the organisation that covers after hours")]
    data["after_hours"] = {"arrangement": "partner", "partner": data["id"]}
    assert found(catalog, data) == [("after_hours.partner", Severity.ERROR,
                                     "an organisation cannot be its own after-hours partner")]
    data["after_hours"] = {"arrangement": "none", "partner": "saltwick-veterinary-hospital"}
    assert found(catalog, data) == [("after_hours.partner", Severity.ERROR,
                                     "partner is only used with arrangement 'partner', not 'none'")]
    data["after_hours"] = {"arrangement": "partner", "partner": "saltwick-veterinary-hospital"}
    assert found(catalog, data) == []


def test_on_call_needs_an_after_hours_or_emergency_phone(catalog) -> None:
    data = fresh(org_data())
    data["after_hours"] = {"arrangement": "on-call"}
    data["contacts"]["phones"] = [phone("main", "01632 960903")]
    assert found(catalog, data) == [("contacts.phones", Severity.ERROR,
                                     "an on-call service needs an 'after-hours' or 'emergency' phone")]
    for kind in ("after-hours", "emergency"):
        data["contacts"]["phones"] = [phone("main", "01632 960903"), phone(kind, "01632 960904", "2026-11-01")]
        assert found(catalog, data) == []


@pytest.mark.parametrize(("kind", "article"), [("emergency", "an"), ("after-hours", "an")])
def test_emergency_numbers_need_a_test_call_date(catalog, kind: str, article: str) -> None:
    data = fresh(org_data())
    data["contacts"]["phones"].append(phone(kind, "01632 960905"))
    assert found(catalog, data) == [("contacts.phones[1]", Severity.ERROR, f"{article} {kind} number needs "
                                     "verified_on: the date someone last rang it and it was answered")]
    data["contacts"]["phones"][1]["type"] = "referrals"  # other lines need no test call
    assert found(catalog, data) == []


def test_temporarily_closed_needs_an_alert(catalog) -> None:
    data = fresh(org_data())
    data["status"] = "temporarily-closed"
    data.pop("alert", None)
    assert found(catalog, data) == [("status", Severity.ERROR, "a temporarily closed organisation needs an alert "
                                     "saying why and where to go instead")]
    data["alert"] = "Closed for repairs; ring Saltwick Veterinary Hospital instead."
    assert found(catalog, data) == []


def test_two_exceptions_on_one_date(catalog) -> None:
    data = fresh(org_data())
    data["exceptions"] = [{"date": "2026-12-25", "closed": True}, {"date": "2026-12-26", "closed": True},
                          {"date": "2026-12-25", "opens": "10:00", "closes": "12:00"}]
    assert found(catalog, data) == [("exceptions[2].date", Severity.ERROR,
                                     "2026-12-25 has two exceptions, and one closes it all day")]
    # several opening periods on one date: open all day on a bank holiday, then on through the night
    data["exceptions"] = [{"date": "2026-12-28", "opens": "00:00", "closes": "19:00"},
                          {"date": "2026-12-28", "opens": "19:00", "closes": "08:00"}]
    assert found(catalog, data) == []
    # a period given twice, or one that overlaps another of its date (another date's hours typed here?)
    for opens, closes in [("19:00", "08:00"), ("18:00", "20:00"), ("23:00", "01:00")]:
        data["exceptions"] = [{"date": "2026-12-28", "opens": "00:00", "closes": "19:00"},
                              {"date": "2026-12-28", "opens": "19:00", "closes": "08:00"},
                              {"date": "2026-12-28", "opens": opens, "closes": closes}]
        [(field, severity, message)] = found(catalog, data)
        assert (field, severity) == ("exceptions[2].opens", Severity.ERROR)
        assert message.startswith(f"{opens}–{closes} on 2026-12-28 overlaps"), message
