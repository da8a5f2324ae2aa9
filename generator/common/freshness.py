"""Whether an entry is fresh: one rule for every check and for the audit page.

Directory entries are re-verified (a note after 180 days, a warning after a year), guidance is
reviewed by its `next_review` (a note within DUE_SOON_DAYS, a warning once overdue), kit is serviced
by its `next_service_due`, and emergency lines are test-called every PHONE_CHECK_DAYS. `kb check`
reports these as issues; /audit/ lists the public ones as findings, riskiest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from generator.core.issues import Issue, Severity, Stage
from generator.core.settings import Settings
from generator.core.sources import Source

DUE_SOON_DAYS = 30
PHONE_CHECK_DAYS = 90
# risk classes of the audit, most serious first
GUIDANCE, DIRECTORY, EQUIPMENT, HANDBOOK = "guidance", "directory entry", "equipment", "network handbook"
RISK_ORDER = {GUIDANCE: 0, DIRECTORY: 1, EQUIPMENT: 2, HANDBOOK: 3}


def verification_age(settings: Settings, src: Source, verified_on: date) -> list[Issue]:
    """A note after 180 days without verification, a warning (an error with --strict) after a year."""
    age = (settings.today - verified_on).days
    if age < 0:
        return [src.problem(("verified", "on"), "the verification date is in the future")]
    if age > settings.verify_warn_days:
        return [src.problem(("verified", "on"), f"last verified {age} days ago, more than a year",
                            hint="check every detail with the organisation and update verified.on",
                            severity=Severity.WARNING, stage=Stage.FRESHNESS)]
    if age > settings.verify_note_days:
        return [src.problem(("verified", "on"), f"last verified {age} days ago; due for re-verification",
                            severity=Severity.NOTE, stage=Stage.FRESHNESS)]
    return []


def review_problems(settings: Settings, src: Source, review: Any) -> list[Issue]:
    """Guidance past its review date is a warning; within DUE_SOON_DAYS of it, a note."""
    today = settings.today
    if review.reviewed > today:
        return [src.problem(("review", "reviewed"), "the review date is in the future")]
    if review.next_review < today:
        return [src.problem(("review", "next_review"), f"review overdue since {review.next_review.isoformat()}",
                            hint="have a clinical reviewer check the guidance, then update both dates",
                            severity=Severity.WARNING, stage=Stage.FRESHNESS)]
    if (review.next_review - today).days <= DUE_SOON_DAYS:
        return [src.problem(("review", "next_review"), f"review due on {review.next_review.isoformat()}",
                            severity=Severity.NOTE, stage=Stage.FRESHNESS)]
    return []


def test_call_due(settings: Settings, rung_on: date) -> int | None:
    """Days since an emergency line was last rung, when a test call is due; else None."""
    days = (settings.today - rung_on).days
    return days if days > PHONE_CHECK_DAYS else None


@dataclass(frozen=True)
class Finding:
    """One line of the audit: something overdue or due soon."""

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


def finding(settings: Settings, what: str, title: str, url: str, due: date, source: str, label: str
            ) -> Finding | None:
    """A finding when ``due`` has passed (guidance: high risk, else medium) or is within DUE_SOON_DAYS."""
    today = settings.today
    if due < today:
        risk = "high" if what == GUIDANCE else "medium"
        return Finding(risk, what, title, url, f"{label} overdue since {due.isoformat()}", due, source)
    if due <= today + timedelta(days=DUE_SOON_DAYS):
        return Finding("low", what, title, url, f"{label} due on {due.isoformat()}", due, source)
    return None


def reverification_due(settings: Settings, verified_on: date) -> date:
    return verified_on + timedelta(days=settings.verify_note_days)
