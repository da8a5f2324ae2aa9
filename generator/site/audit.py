"""The coordinators' audit: what is overdue or due soon, sorted by risk to someone in an emergency.

The audit page is public, so it shows only what is public: review, verification and service dates.
When an emergency line was last test-called is private (generator/exports/public.py), and so is any
date computed from it; `kb check` reminds coordinators of those lines as notes instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.core.catalog import Catalog
from generator.core.issues import Problem, Severity, Stage

DUE_SOON_DAYS = 30
PHONE_CHECK_DAYS = 90
# risk classes, most serious first
GUIDANCE, DIRECTORY, KIT = "guidance", "directory entry", "equipment"
RISK_ORDER = {GUIDANCE: 0, DIRECTORY: 1, KIT: 2}


@dataclass(frozen=True)
class Finding:
    risk: str  # "high", "medium" or "low"
    what: str
    title: str
    url: str
    detail: str
    due: date
    source: str

    @property
    def sort_key(self) -> tuple:
        level = {"high": 0, "medium": 1, "low": 2}[self.risk]
        return level, RISK_ORDER[self.what], self.due, self.title.lower()


def audit(catalog: Catalog) -> list[Finding]:
    today = catalog.settings.today
    soon = today + timedelta(days=DUE_SOON_DAYS)
    findings: list[Finding] = []

    def add(what: str, title: str, url: str, due: date, source: str, label: str) -> None:
        if due < today:
            risk = "high" if what == GUIDANCE else "medium"
            findings.append(Finding(risk, what, title, url, f"{label} overdue since {due.isoformat()}", due, source))
        elif due <= soon:
            findings.append(Finding("low", what, title, url, f"{label} due on {due.isoformat()}", due, source))

    for entry in catalog.organisations.values():
        org = entry.model
        if org.status == "closed":
            continue
        url = f"organisations/{org.id}/"
        add(DIRECTORY, org.name, url, org.verified.on + timedelta(days=catalog.settings.verify_note_days),
            entry.source.display, "re-verification")
    guidance = [(e.model.title, f"triage/{e.id}/", e.model.review.next_review, e.source.display)
                for e in catalog.problems.values()]
    guidance += [(e.model.title, f"first-aid/{e.id}/", e.model.review.next_review, e.source.display)
                 for e in catalog.first_aid.values()]
    guidance += [(e.model.title, f"training/{e.id}/", e.model.review.next_review, e.source.display)
                 for e in catalog.modules.values()]
    if catalog.scale:
        guidance.append(("Triage scale", "triage/", catalog.scale.model.review.next_review,
                         catalog.scale.source.display))
    if catalog.referral:
        guidance.append((catalog.referral.model.title, "referral/", catalog.referral.model.review.next_review,
                         catalog.referral.source.display))
    for title, url, due, source in guidance:
        add(GUIDANCE, title, url, due, source, "clinical review")
    for entry in catalog.equipment.values():
        kit = entry.model
        if kit.status != "retired" and kit.next_service_due:
            holder = catalog.organisations.get(kit.holder)
            title = f"{catalog.equipment_types[kit.item].label if kit.item in catalog.equipment_types else kit.item}" \
                    f" at {holder.model.name if holder else kit.holder}"
            add(KIT, title, f"kit/{kit.item}/", kit.next_service_due, entry.source.display, "service")
    return sorted(findings, key=lambda f: f.sort_key)


def test_call_reminders(catalog: Catalog) -> list[Problem]:
    """A note (never a failure) for each emergency or after-hours line not rung for PHONE_CHECK_DAYS:
    the private side of the audit, for coordinators running `kb check`."""
    today = catalog.settings.today
    notes = []
    for entry in catalog.organisations.values():
        org = entry.model
        if org.status == "closed":
            continue
        for i, phone in enumerate(org.contacts.phones):
            if phone.type in ("emergency", "after-hours") and phone.verified_on \
                    and (today - phone.verified_on).days > PHONE_CHECK_DAYS:
                notes.append(entry.source.problem(
                    ("contacts", "phones", i, "verified_on"),
                    f"last rung {(today - phone.verified_on).days} days ago; ring the {phone.type} line to check it "
                    f"(every {PHONE_CHECK_DAYS} days)", severity=Severity.NOTE, stage=Stage.CONTENT))
    return notes
