"""Checks of organisations: nothing listed twice, after-hours cover that can work, verified numbers,
freshness; and the reminders of emergency lines due for a test call (notes: the date is private)."""

from __future__ import annotations

from datetime import date

from generator.common.fields import minutes
from generator.common.freshness import PHONE_CHECK_DAYS, test_call_due, verification_age
from generator.common.hours import HoursException
from generator.common.phones import is_fictional
from generator.common.schedule import DAY_MINUTES, by_date
from generator.core.catalog import Catalog
from generator.core.issues import Issue, Severity, Stage
from generator.core.sources import Source
from generator.kinds.organisations.model import Organisation


def _real_numbers_in_a_demo(org: Organisation, src: Source) -> list[Issue]:
    """A demo is read by people who may ring what it shows: only numbers reserved for fiction."""
    return [src.problem(("contacts", field, i, "number"), f"'{_as_written(src, field, i, phone.number)}' is not in "
                        "a range reserved for fiction, and this is a demo (extra.demo_data): a reader may ring a "
                        "real person",
                        hint="use a fictional number: UK 01632 960000 to 960999, US 555-0100 to 555-0199",
                        severity=Severity.WARNING)
            for field in ("phones", "direct_lines") for i, phone in enumerate(getattr(org.contacts, field))
            if not is_fictional(phone.phone.e164)]


def _as_written(src: Source, field: str, index: int, stored: str) -> str:
    try:
        return str(src.data["contacts"][field][index]["number"])
    except (KeyError, IndexError, TypeError):
        return stored


def check_organisations(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    problems: list[Issue] = []
    today = catalog.settings.today
    for entry in catalog.organisations.values():
        org, src = entry.model, entry.source
        if catalog.settings.demo_data:
            problems.extend(_real_numbers_in_a_demo(org, src))
        # unknown ids are found by generator/core/references.py, for valid and invalid entries alike
        seen_species: set[str] = set()
        for i, capability in enumerate(org.species):
            if capability.species in seen_species:
                problems.append(src.problem(("species", i), f"species '{capability.species}' is listed twice"))
            seen_species.add(capability.species)
        seen_services: set[str] = set()
        for i, offer in enumerate(org.services):
            if offer.service in seen_services:
                problems.append(src.problem(("services", i), f"service '{offer.service}' is listed twice"))
            seen_services.add(offer.service)

        cover = org.after_hours
        if cover.arrangement == "partner":
            if not cover.partner:
                problems.append(src.problem(("after_hours",), "arrangement 'partner' needs a partner: "
                                            "the id of the organisation that covers after hours"))
            elif cover.partner == org.id:
                problems.append(src.problem(("after_hours", "partner"), "an organisation cannot be its own "
                                            "after-hours partner"))
        elif cover.partner:
            problems.append(src.problem(("after_hours", "partner"),
                                        f"partner is only used with arrangement 'partner', not "
                                        f"'{cover.arrangement}'"))
        if cover.arrangement == "on-call" and not (org.phones_of("after-hours") or org.phones_of("emergency")):
            problems.append(src.problem(("contacts", "phones"), "an on-call service needs an 'after-hours' "
                                        "or 'emergency' phone"))

        for i, phone in enumerate(org.contacts.phones):
            if phone.type in ("emergency", "after-hours") and phone.verified_on is None:
                article = "an" if phone.type[0] in "aeiou" else "a"
                problems.append(src.problem(("contacts", "phones", i), f"{article} {phone.type} number needs "
                                            "verified_on: the date someone last rang it and it was answered"))
            if phone.verified_on and phone.verified_on > today:
                problems.append(src.problem(("contacts", "phones", i, "verified_on"),
                                            "the verification date is in the future"))
        numbers = [p.number for p in org.contacts.phones]
        for i, phone in enumerate(org.contacts.phones):
            if numbers.index(phone.number) != i:
                problems.append(src.problem(("contacts", "phones", i, "number"),
                                            "this number is listed twice; list it once with the main type"))

        if org.status == "temporarily-closed" and not org.alert:
            problems.append(src.problem(("status",), "a temporarily closed organisation needs an alert "
                                        "saying why and where to go instead", stage=Stage.CONTENT))
        # a date may have several opening periods (all day on a bank holiday, then on through the
        # night), but a date closed all day has no other exception
        same_date = by_date(org.exceptions)
        for i, exception in enumerate(org.exceptions):
            others = same_date[exception.date]
            earlier = others[:next(n for n, e in enumerate(others) if e is exception)]  # `is`: equal ones too
            if earlier and any(e.closed for e in others):
                problems.append(src.problem(("exceptions", i, "date"),
                                            f"{exception.date} has two exceptions, and one closes it all day",
                                            hint="give closed: true once, or only opening periods (a date may "
                                                 "have several, e.g. 00:00–19:00 and 19:00–08:00)"))
            elif clash := next((e for e in earlier if _overlap(e, exception)), None):
                # a period given twice, or a neighbouring date's hours typed under this one
                problems.append(src.problem(("exceptions", i, "opens"),
                                            f"{exception.opens}–{exception.closes} on {exception.date} overlaps "
                                            f"{clash.opens}–{clash.closes}, given above for the same date",
                                            hint="give each period of a date once (periods may meet: 00:00–19:00, "
                                                 "then 19:00–08:00); is this one for another date?"))

        problems.extend(verification_age(catalog.settings, src, org.verified.on))
    return problems


def _overlap(a: HoursException, b: HoursException) -> bool:
    """Two opening periods of one date share a minute (one past midnight runs on into the next day)."""
    def span(e: HoursException) -> tuple[int, int]:
        start, end = minutes(e.opens), minutes(e.closes)
        return start, end + DAY_MINUTES if e.overnight else end
    (start_a, end_a), (start_b, end_b) = span(a), span(b)
    return start_a < end_b and start_b < end_a


def emergency_line_checks(catalog: Catalog) -> list[dict]:
    """Every emergency and after-hours line with when it was last rung, longest ago first: the private
    side of the audit, on the members' edition's audit page."""
    rows = []
    for entry in catalog.organisations.values():
        org = entry.model
        if org.status == "closed":
            continue
        for phone in org.contacts.phones:
            if phone.type in ("emergency", "after-hours"):
                due = test_call_due(catalog.settings, phone.verified_on) if phone.verified_on else None
                rows.append({"org": org, "phone": phone, "rung_on": phone.verified_on,
                             "due": phone.verified_on is None or due is not None})
    return sorted(rows, key=lambda r: (r["rung_on"] is not None, r["rung_on"] or date.min, r["org"].name.lower()))


def test_call_reminders(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    """A note (never a failure) for each emergency or after-hours line not rung for PHONE_CHECK_DAYS:
    the private side of the audit, for coordinators running `kb check`."""
    notes = []
    for entry in catalog.organisations.values():
        org = entry.model
        if org.status == "closed":
            continue
        for i, phone in enumerate(org.contacts.phones):
            days = test_call_due(catalog.settings, phone.verified_on) if phone.verified_on else None
            if phone.type in ("emergency", "after-hours") and days is not None:
                notes.append(entry.source.problem(
                    ("contacts", "phones", i, "verified_on"),
                    f"last rung {days} days ago; ring the {phone.type} line to check it "
                    f"(every {PHONE_CHECK_DAYS} days)", severity=Severity.NOTE, stage=Stage.CONTENT))
    return notes
