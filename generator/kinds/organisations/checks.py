"""Rules that need more than one file: references, vocabularies, freshness and cover."""

from __future__ import annotations

from generator.core.catalog import Catalog
from generator.core.issues import Problem, Severity, Stage


def check_organisations(catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    today = catalog.settings.today
    for entry in catalog.organisations.values():
        org, src = entry.model, entry.source
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
        for i, exception in enumerate(org.exceptions):
            if [e.date for e in org.exceptions].index(exception.date) != i:
                problems.append(src.problem(("exceptions", i, "date"), f"{exception.date} has two exceptions"))

        problems.extend(_freshness(catalog, entry))
    return problems


def _freshness(catalog: Catalog, entry) -> list[Problem]:
    return verification_age(catalog, entry.source, entry.model.verified.on)


def verification_age(catalog: Catalog, src, verified_on) -> list[Problem]:
    """A note after 180 days without verification, a warning (an error with --strict) after a year."""
    settings = catalog.settings
    age = (settings.today - verified_on).days
    if age < 0:
        return [src.problem(("verified", "on"), "the verification date is in the future")]
    if age > settings.verify_warn_days:
        return [src.problem(("verified", "on"), f"last verified {age} days ago, more than a year",
                            hint="check every detail with the organisation and update verified.on",
                            severity=Severity.WARNING, stage=Stage.CONTENT)]
    if age > settings.verify_note_days:
        return [src.problem(("verified", "on"), f"last verified {age} days ago; due for re-verification",
                            severity=Severity.NOTE, stage=Stage.CONTENT)]
    return []
