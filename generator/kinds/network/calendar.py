"""The iCalendar feed of committee meetings and case panels, made with the shared iCalendar helpers."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from generator.common.ical import add_time_zones, event_uid, new_calendar, new_event
from generator.kinds.network.model import HandbookPage, Meeting

if TYPE_CHECKING:
    from icalendar import Event

KIND_LABELS = {"committee": "Coordination committee", "case-panel": "Case panel"}
FEED = "network/meetings.ics"


def upcoming(meetings: list[tuple[HandbookPage, Meeting]], today) -> list[tuple[HandbookPage, Meeting]]:
    """Meetings from the start of ``today`` (in each meeting's own zone), soonest first."""
    return sorted(((page, m) for page, m in meetings
                   if m.starts_at >= datetime.combine(today, time(0, 0), tzinfo=m.starts_at.tzinfo)),
                  key=lambda pm: pm[1].starts_at)


def _event(page: HandbookPage, meeting: Meeting, site_url: str) -> Event:
    event = new_event()
    event.add("uid", event_uid(f"network--{meeting.id}", site_url))
    # DTSTAMP from the data, not the clock, so two builds of one commit are identical
    event.add("dtstamp", datetime.combine(page.review.reviewed, time(0, 0), tzinfo=UTC))
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"{KIND_LABELS[meeting.kind]}: {meeting.title}")
    event.add("categories", [KIND_LABELS[meeting.kind]])
    event.add("location", meeting.location)
    event.add("url", f"{site_url}network/{page.id}/")
    if meeting.agenda:
        event.add("description", meeting.agenda)
    return event


def meetings_feed(meetings: list[tuple[HandbookPage, Meeting]], site_url: str) -> str:
    cal = new_calendar("Small mammal emergency network: meetings", "Network")
    for page, meeting in meetings:
        cal.add_component(_event(page, meeting, site_url))
    add_time_zones(cal, (meeting.starts_at.date() for _, meeting in meetings))
    return cal.to_ical().decode("utf-8")
