"""The coordinators' audit: what is overdue or due soon, sorted by risk to someone in an emergency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.catalog import Catalog
from generator.hours import is_always_open

DUE_SOON_DAYS = 30
PHONE_CHECK_DAYS = 90
# risk classes, most serious first
PHONE, GUIDANCE, DIRECTORY, KIT = "emergency number", "guidance", "directory entry", "equipment"
RISK_ORDER = {PHONE: 0, GUIDANCE: 1, DIRECTORY: 2, KIT: 3}


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

    def add(what: str, title: str, url: str, due: date, source: str, label: str, critical: bool = False) -> None:
        if due < today:
            risk = "high" if critical or what in (PHONE, GUIDANCE) else "medium"
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
        for phone in org.contacts.phones:
            if phone.type in ("emergency", "after-hours") and phone.verified_on:
                add(PHONE, f"{org.name}: {phone.type} line", url, phone.verified_on + timedelta(days=PHONE_CHECK_DAYS),
                    entry.source.display, "ringing the number to check it", critical=is_always_open(org.hours))
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
