"""iCalendar files for training sessions, made with the icalendar library."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from generator.common.ical import add_time_zones, event_uid, new_calendar, new_event
from generator.kinds.training.model import Module, Session

if TYPE_CHECKING:
    from icalendar import Event


def _event(module: Module, session: Session, site_url: str, host_name: str) -> Event:
    event = new_event()
    event.add("uid", event_uid(f"{module.id}--{session.id}", site_url))
    # DTSTAMP from the data, not the clock, so two builds of one commit are identical
    event.add("dtstamp", datetime.combine(module.review.reviewed, time(0, 0), tzinfo=UTC))
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.starts_at + timedelta(minutes=session.duration_minutes))
    event.add("summary", f"{session.title} ({module.title})")
    event.add("description", f"{module.summary}\n\nHosted by {host_name}. Book: {session.booking}")
    event.add("url", session.booking)
    if session.location:
        event.add("location", session.location)
    elif session.format == "webinar":
        event.add("location", "Online")
    return event


def upcoming(sessions: list[tuple[Module, Session]], today) -> list[tuple[Module, Session]]:
    start_of_today = lambda s: datetime.combine(today, time(0, 0), tzinfo=ZoneInfo(s.timezone))  # noqa: E731
    return sorted(((m, s) for m, s in sessions if s.starts_at >= start_of_today(s)), key=lambda ms: ms[1].starts_at)


def feed(sessions: list[tuple[Module, Session]], site_url: str, host_names: dict[str, str]) -> str:
    cal = new_calendar("Small mammal emergency training", "Training")
    for module, session in sessions:
        cal.add_component(_event(module, session, site_url, host_names.get(session.host, session.host)))
    add_time_zones(cal, (session.starts_at.date() for _, session in sessions))
    return cal.to_ical().decode("utf-8")
