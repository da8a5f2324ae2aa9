"""Who can help now: the one answer every page gives.

For a region (or a place), an animal (species, weight), optionally a service, at a local time:
the organisations that can take the animal now, each with why (open, on call, a partner covering
the region from outside it) and the number to ring; those that can help later, soonest first; and,
when nobody can help now, the nearest clinics open around the clock anywhere in the network.

Get help, region pages, the finder, the call bar on guidance pages, organisation pages, region
vCards and the exports all use this module. theme/assets/help.js applies the same rules in the
browser to the records `help_record` writes; tests run both over the same scenarios.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

import yaml

from generator.common.geo import Point, centre, distance_km
from generator.common.hours import DAY_NAMES, DAYS, Period
from generator.common.notices import closure_at
from generator.common.public_holidays import public_holidays
from generator.common.schedule import (
    DAY_MINUTES,
    HORIZON,
    Timeline,
    by_date,
    containing,
    hours_summary,
    intersect,
    is_always_open,
    next_start,
    open_in_doubt,
    timeline,
    usual_hours_in_doubt,
    wall_time,
    weekly_intervals,
)
from generator.core.catalog import Catalog
from generator.core.settings import THEME
from generator.kinds.organisations.model import Organisation, Phone, ServiceOffer
from generator.kinds.organisations.views import in_region, organisation, orgs, region_of

WORDS_FILE = THEME / "kb" / "status-words.yml"
ALL_WEEK = [Period(days=list(DAYS), opens="00:00", closes="24:00")]
NIGHT = (0, 6 * 60)  # a clinic that can help at some time between midnight and 06:00 covers nights
NEAREST_OPEN = 3  # how many open clinics elsewhere to offer when nobody in the region can help now
# An open clinic elsewhere that closes before an owner could get there is offered after those open
# longer (a journey review: 121 km away and open until 19:00, it was offered at 18:31 before a 24-hour
# hospital 127 km away): the drive at this speed, after this long to set off
ROAD_KMH, SETTING_OFF_MINUTES = 60, 20
FALLBACK_SIZE = 8  # the clinics elsewhere each region's data carries for that
# the public holidays the build's answers know (help.js carries them too): from the day before the
# build's date, two years ahead, so a site not rebuilt for months still knows them
HOLIDAY_DAYS = 2 * 366


@cache
def status_words() -> dict[str, str]:
    """The status vocabulary (theme/kb/status-words.yml), shared with the browser."""
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


class State(StrEnum):
    OPEN_24H = "open-24h"
    OPEN = "open"
    ON_CALL = "on-call"
    OPENS_LATER = "opens-later"
    ON_CALL_LATER = "on-call-later"
    CLOSED_ALL_WEEK = "closed-all-week"
    TEMPORARILY_CLOSED = "temporarily-closed"
    ALERT_CLOSED = "alert-closed"  # a current closure alert (generator/common/notices.py)
    CLOSED = "closed"


HELPING = (State.OPEN_24H, State.OPEN, State.ON_CALL)


@dataclass(frozen=True)
class Need:
    """What the animal needs. ``referred``: a vet is referring it, so referral-only clinics and
    services count; owners (the default) cannot go to those directly."""

    species: str | None = None
    weight_g: int | None = None
    service: str | None = None
    referred: bool = False


@dataclass(frozen=True)
class Status:
    state: State
    phone: Phone | None  # the number to ring for this state
    until: datetime | None = None  # open: when it closes (None: not within the week)
    when: datetime | None = None  # later: when it can next help
    clients_only: bool = False  # on call (now or later) for the practice's registered clients only
    # open, or opening later, by its weekly hours (a service's own, for a service) on a public holiday
    # its file gives no hours for (usual_hours_in_doubt): said as "usually", with "ring first", offered
    # after clinics that are sure, and not enough to leave out the nearest sure ones elsewhere
    in_doubt: bool = False

    @property
    def helps_now(self) -> bool:
        return self.state in HELPING

    def words(self, now: datetime) -> str:
        """The status in the shared vocabulary, times relative to ``now`` (local)."""
        words = status_words()
        key = self.state.value + ("-clients" if self.clients_only else "") + ("-in-doubt" if self.in_doubt else "")
        text = words[key]
        line = self.phone.shown_label[:1].lower() + self.phone.shown_label[1:] if self.phone else ""
        return text.format(until=_when(self.until, now) if self.until else "", when=_when(self.when, now)
                           if self.when else "", line=line)


@dataclass(frozen=True)
class Help:
    org: Organisation
    status: Status
    partner_for: str | None = None  # the region it covers from outside, when listed as a partner
    distance_km: float | None = None
    # open now, but it closes before an owner setting off now (from the place given, else the region's
    # centre) could get there: offered, but not as the one to ring (theme/kb/help.js closingSoon)
    closing_soon: bool = False

    @property
    def sure(self) -> bool:
        """Takes any owner, and is sure to be open now and when the owner gets there."""
        return not self.status.clients_only and not self.status.in_doubt and not self.closing_soon


@dataclass(frozen=True)
class Answer:
    now: list[Help]
    later: list[Help]
    # only when nobody in the region who takes any owner can surely help now (on-call vets for their
    # registered clients only and clinics open on a public holiday by their usual hours only do not
    # count): open clinics elsewhere, sure ones first, then nearest first
    nearest_open: list[Help]
    region: str | None


def _when(moment: datetime, now: datetime) -> str:
    words = status_words()
    moment = moment.astimezone(now.tzinfo)
    days = (moment.date() - now.date()).days
    time = moment.strftime("%H:%M")
    if time == "00:00" and days in (0, 1):
        return words["midnight"]
    if days == 0:
        return time
    if days == 1:
        return words["tomorrow"].format(time=time)
    return words["weekday"].format(day=DAY_NAMES[DAYS[moment.weekday()]], time=time)


# ---- one organisation ----------------------------------------------------------------------------

def offer_of(org: Organisation, service: str | None) -> ServiceOffer | None:
    return next((s for s in org.services if s.service == service), None) if service else None


def can_take(org: Organisation, need: Need, catalog: Catalog) -> bool:
    """Whether the organisation could ever take this animal for this need (time aside)."""
    kind = catalog.kinds.get(org.kind)
    if org.status == "closed" or (kind is not None and not kind.veterinary):
        return False
    if org.referral_only and not need.referred:
        return False
    if need.species:
        capability = next((c for c in org.species if c.species == need.species), None)
        if capability is None:
            return False
        if need.weight_g is not None and capability.min_weight_g and need.weight_g < capability.min_weight_g:
            return False
    if need.service:
        offer = offer_of(org, need.service)
        if offer is None or (offer.referral_only and not need.referred):
            return False
        if need.species and offer.species is not None and need.species not in offer.species:
            return False
        if need.weight_g is not None and ((offer.min_weight_g and need.weight_g < offer.min_weight_g)
                                          or (offer.max_weight_g and need.weight_g > offer.max_weight_g)):
            return False
    return True


def open_phone(org: Organisation) -> Phone:
    """The number to ring while the organisation is open: its emergency line, else its main line (an
    after-hours line may be answered only out of hours; first_call, for lists that cannot tell the
    time, prefers it to the main line)."""
    return org.first_phone_of(("emergency", "main", "after-hours", "referrals"))


def on_call_phone(org: Organisation) -> Phone:
    return org.first_phone_of(("after-hours", "emergency", "main", "referrals"))


def phones_without_a_clock(org: Organisation) -> list[Phone]:
    """The numbers a list that cannot tell the time shows: the one to ring while the organisation is
    open, then, when its own vet is on call out of hours on another line, that line (by day an
    after-hours line may not be answered, and by night the main line is not)."""
    day = open_phone(org)
    if org.after_hours.arrangement != "on-call" or is_always_open(org.hours):
        return [day]
    night = on_call_phone(org)
    return [day] if night.number == day.number else [day, night]


def clients_only_words(org: Organisation, phone: Phone) -> str | None:
    """The status word beside ``phone`` in a list that cannot tell the time, when the vet who answers it
    out of hours takes the practice's registered clients only: "line-clients-only" for an on-call line
    of its own, "line-clients-only-out-of-hours" for the one line it answers by day and by night (an
    owner reading either at night must not take it for a clinic that sees anyone). Else None."""
    if not clients_only(org) or is_always_open(org.hours) or phone.number != on_call_phone(org).number:
        return None
    return "line-clients-only-out-of-hours" if phone.number == open_phone(org).number else "line-clients-only"


def status_at(org: Organisation, timezone: str, at: datetime, service: str | None = None,
              holidays: Collection[date] = frozenset()) -> Status:
    """What the organisation (or one of its services) is doing at ``at``, and when that changes;
    ``holidays``: its region's public holidays (holidays_of)."""
    if org.status == "closed":
        return Status(State.CLOSED, None)
    if org.status == "temporarily-closed":
        return Status(State.TEMPORARILY_CLOSED, None)
    zone = ZoneInfo(timezone)
    local = at.astimezone(zone)
    today, minute = local.date(), local.hour * 60 + local.minute
    open_line, call_line = _lines(org, today, service)
    if (stretch := containing(open_line, minute)) is not None:
        if stretch[1] >= HORIZON:
            return Status(State.OPEN_24H, open_phone(org))
        return Status(State.OPEN, open_phone(org), until=wall_time(today, stretch[1], zone),
                      in_doubt=open_in_doubt(today, minute, _usual_hours(org, service), _exception_dates(org),
                                             holidays))
    for_clients = clients_only(org)
    if containing(call_line, minute) is not None:
        return Status(State.ON_CALL, on_call_phone(org), clients_only=for_clients)
    opens, calls = next_start(open_line, minute), next_start(call_line, minute)
    if calls is not None and (opens is None or calls < opens):
        return Status(State.ON_CALL_LATER, on_call_phone(org), when=wall_time(today, calls, zone),
                      clients_only=for_clients)
    if opens is not None:
        day = today + timedelta(days=opens // DAY_MINUTES)
        return Status(State.OPENS_LATER, open_phone(org), when=wall_time(today, opens, zone),
                      in_doubt=usual_hours_in_doubt(day, _usual_hours(org, service), _exception_dates(org), holidays))
    return Status(State.CLOSED_ALL_WEEK, None)


def _usual_hours(org: Organisation, service: str | None) -> list[Period]:
    """The weekly hours it opens by: a service's own, else the organisation's."""
    offer = offer_of(org, service)
    return offer.hours if offer is not None and offer.hours is not None else org.hours


def _exception_dates(org: Organisation) -> set[date]:
    return {e.date for e in org.exceptions}


def _lines(org: Organisation, today: date, service: str | None) -> tuple[Timeline, Timeline]:
    """When it is open, and when (being closed) its on-call vet answers. A service with its own
    hours runs in those hours (telemedicine may run when the building is closed), on dates the
    organisation has not closed; an on-call vet does not run scheduled services."""
    special = by_date(org.exceptions)
    offer = offer_of(org, service)
    if offer is not None and offer.hours is not None:
        closed_days = timeline(today, ALL_WEEK, special)  # whole days, except the exceptions' own hours
        return intersect(timeline(today, offer.hours, {}), closed_days), []
    open_line = timeline(today, org.hours, special)
    call_line: Timeline = []
    if org.after_hours.arrangement == "on-call":
        call_line = _minus(timeline(today, org.after_hours.on_call_hours or ALL_WEEK, {}), open_line)
    return open_line, call_line


def _minus(line: Timeline, removed: Timeline) -> Timeline:
    gaps, cursor = [], 0
    for start, end in removed:
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    gaps.append((cursor, HORIZON + DAY_MINUTES))
    return intersect(line, gaps)


def open_at_night(org: Organisation) -> bool:
    """Open at some time between midnight and 06:00 in an ordinary week."""
    return any(start < NIGHT[1] and end > NIGHT[0] for day in weekly_intervals(org.hours) for start, end in day)


def covers_nights(org: Organisation) -> bool:
    """Answers owners at night in an ordinary week: open then, or an on-call vet."""
    return org.after_hours.arrangement == "on-call" or open_at_night(org)


def cover_key(org: Organisation) -> str:
    """How the organisation covers nights, as a key of the status vocabulary (pages without a clock)."""
    if is_always_open(org.hours):
        return "cover-24h"
    if open_at_night(org):
        return "cover-night-hours"
    if org.after_hours.arrangement == "on-call":
        key = "cover-on-call-hours" if org.after_hours.on_call_hours else "cover-on-call"
        return key + ("-clients" if clients_only(org) else "")
    return "cover-day"


def cover_words(org: Organisation) -> str:
    """The night cover in words, with the hours where they matter ("Vet on call: Mon–Fri 19:00–24:00")."""
    key = cover_key(org)
    periods = org.after_hours.on_call_hours if key.startswith("cover-on-call-hours") else org.hours
    return status_words()[key].format(hours=hours_summary(periods or []))


# ---- a region ------------------------------------------------------------------------------------

def candidates(catalog: Catalog, region_id: str) -> list[tuple[Organisation, str | None]]:
    """Who might help owners in a region: its own veterinary organisations, then the clinics its
    organisations name as after-hours partners elsewhere (with the region they cover)."""
    def compute() -> list[tuple[Organisation, str | None]]:
        own = [o for o in in_region(catalog, region_id) if _veterinary(catalog, o) and o.status != "closed"]
        partner_ids = sorted({o.after_hours.partner for o in in_region(catalog, region_id)
                              if o.after_hours.arrangement == "partner" and o.after_hours.partner})
        partners = [organisation(catalog, pid) for pid in partner_ids if pid in catalog.organisations]
        partners = [p for p in partners if p.location.region != region_id and p.status == "active"
                    and _veterinary(catalog, p)]
        return [(o, None) for o in own] + [(p, region_id) for p in sorted(partners, key=_rank_24h)]
    return list(catalog.memo(("help_candidates", region_id), compute))


def _veterinary(catalog: Catalog, org: Organisation) -> bool:
    kind = catalog.kinds.get(org.kind)
    return kind is None or kind.veterinary


def _rank_24h(org: Organisation) -> tuple[int, str]:
    return (0 if is_always_open(org.hours) else 1), org.name.lower()


@dataclass(frozen=True)
class Cover:
    """An organisation that answers a region's owners at night, for pages without a clock."""

    org: Organisation
    partner_for: str | None
    words: str  # e.g. "Open 24 hours, every day", "Vet on call when closed"
    phone: Phone  # the number to ring at night


def night_cover(catalog: Catalog, region_id: str) -> list[Cover]:
    """Who answers owners of a region at night, without a clock (pages read without JavaScript,
    the region's vCard): in-region first, then partners; round-the-clock before the rest; on-call vets
    for their registered clients only last (most owners at night are not theirs)."""
    def compute() -> list[Cover]:
        rows = [(o, partner) for o, partner in candidates(catalog, region_id)
                if o.status == "active" and not o.referral_only and covers_nights(o)]
        order = {"cover-24h": 0, "cover-night-hours": 1}
        rows.sort(key=lambda row: (clients_only(row[0]), row[1] is not None, order.get(cover_key(row[0]), 2),
                                   row[0].name.lower()))
        return [Cover(o, partner, cover_words(o), o.first_call if open_at_night(o) else on_call_phone(o))
                for o, partner in rows]
    return list(catalog.memo(("night_cover", region_id), compute))


def night_elsewhere(catalog: Catalog, region_id: str) -> list[Organisation]:
    """For pages without a clock: the nearest clinics elsewhere open at night, when nobody in or covering
    the region answers any owner at night (on-call vets for their registered clients only do not)."""
    if any(not clients_only(c.org) for c in night_cover(catalog, region_id)):
        return []
    return [o for o in fallback(catalog, region_id) if open_at_night(o)][:NEAREST_OPEN]


def clients_only(org: Organisation) -> bool:
    """Its on-call vet answers the practice's registered clients only."""
    return org.after_hours.arrangement == "on-call" and org.after_hours.clients_only


def region_centre(catalog: Catalog, region_id: str) -> Point | None:
    return catalog.memo(("region_centre", region_id), lambda: centre(
        [(o.location.coordinates.lat, o.location.coordinates.lon) for o in in_region(catalog, region_id)
         if o.location.coordinates]))


def nearest_region(catalog: Catalog, place: Point) -> str | None:
    centres = [(distance_km(place, c), rid) for rid in catalog.regions if (c := region_centre(catalog, rid))]
    return min(centres)[1] if centres else None


def who_can_help(catalog: Catalog, *, at: datetime, region: str | None = None, place: Point | None = None,
                 need: Need = Need()) -> Answer:
    """The answer for a region, or for a place (its nearest region, sorted by distance from it)."""
    if region is None and place is not None:
        region = nearest_region(catalog, place)
    if region is None:
        return Answer([], [], [], None)
    origin = place or region_centre(catalog, region)
    now_rows: list[Help] = []
    later_rows: list[Help] = []
    for org, partner in candidates(catalog, region):
        if not can_take(org, need, catalog):
            continue
        status = _status(catalog, org, at, need.service)
        distance = _distance(origin, org)
        row = Help(org, status, partner, distance,
                   closing_soon=status.state == State.OPEN and _closes_before_arrival(status, distance, at))
        if status.helps_now:
            now_rows.append(row)
        elif status.when is not None:
            later_rows.append(row)
    now_rows.sort(key=lambda h: _now_key(h, by_distance=place is not None))
    later_rows.sort(key=lambda h: (h.status.when, h.org.name.lower()))
    # the nearest open elsewhere unless someone here takes any owner and is sure to be open
    nearest = [] if any(h.sure for h in now_rows) else _nearest_open(catalog, region, at, need, origin)
    return Answer(now_rows, later_rows, nearest, region)


def _status(catalog: Catalog, org: Organisation, at: datetime, service: str | None) -> Status:
    """Its status, unless a current closure alert stops it helping with this need (it is then in
    neither list: the alert says when and what to do instead)."""
    if org.status == "active" and closure_at(catalog, org.id, at, service) is not None:
        return Status(State.ALERT_CLOSED, None)
    region = region_of(catalog, org)
    return status_at(org, region.timezone, at, service, holidays_of(catalog, region.id))


def holidays_of(catalog: Catalog, region_id: str) -> frozenset[date]:
    """The region's public holidays from the day before the build's date, HOLIDAY_DAYS ahead."""
    def compute() -> frozenset[date]:
        region = catalog.regions.get(region_id)
        if region is None:
            return frozenset()
        start = catalog.settings.today - timedelta(days=1)
        return frozenset(day for day, _ in public_holidays(region.country, region.subdivision, start, HOLIDAY_DAYS))
    return catalog.memo(("holidays", region_id), compute)


def _distance(origin: Point | None, org: Organisation) -> float | None:
    coords = org.location.coordinates
    return distance_km(origin, (coords.lat, coords.lon)) if origin and coords else None


def _distance_or_last(origin: Point | None, org: Organisation) -> float:
    """For sorting nearest first: a clinic without coordinates (allowed, with a note) comes last."""
    distance = _distance(origin, org)
    return float("inf") if distance is None else distance


def _now_key(row: Help, *, by_distance: bool) -> tuple:
    """Open before on call, the region's own before partners; an on-call vet for registered clients
    only after everyone who takes any owner, however near, and before them one open on a public holiday
    by its usual hours only, and before that one closing before the owner could get there
    (theme/kb/help.js sorts the same way)."""
    reason = {State.OPEN_24H: 0, State.OPEN: 0, State.ON_CALL: 1}[row.status.state] + (2 if row.partner_for else 0)
    distance = row.distance_km if row.distance_km is not None else float("inf")
    round_the_clock = 0 if row.status.state == State.OPEN_24H else 1
    doubt = row.status.clients_only, row.status.in_doubt, row.closing_soon
    if by_distance:
        return *doubt, distance, reason, row.org.name.lower()
    return *doubt, reason, round_the_clock, row.org.name.lower()


def fallback(catalog: Catalog, region_id: str) -> list[Organisation]:
    """Clinics elsewhere to offer when nobody in or covering the region can help now: those that
    answer at night, nearest to the region's centre first. Chosen at build time, so the browser
    (which only has the region's data) and this module offer the same ones."""
    def compute() -> list[Organisation]:
        taken = {o.id for o, _ in candidates(catalog, region_id)}
        middle = region_centre(catalog, region_id)
        rows = [o for o in _night_clinics(catalog) if o.id not in taken]
        rows.sort(key=lambda o: (_distance_or_last(middle, o), o.name.lower()))
        return rows[:FALLBACK_SIZE]
    return list(catalog.memo(("help_fallback", region_id), compute))


def _night_clinics(catalog: Catalog) -> list[Organisation]:
    """Every active clinic that answers at night and takes owners directly: the same for every region's
    fallback, so worked out once per build (per region it made the fallback quadratic at scale)."""
    return catalog.memo(("night_clinics",), lambda: [
        o for o in orgs(catalog) if o.status == "active" and not o.referral_only
        and _veterinary(catalog, o) and covers_nights(o)])


def _nearest_open(catalog: Catalog, region_id: str, at: datetime, need: Need, origin: Point | None) -> list[Help]:
    """Clinics elsewhere that are open now (on-call vets answer their own area only), nearest first."""
    rows = []
    for org in fallback(catalog, region_id):
        if not can_take(org, need, catalog):
            continue
        status = _status(catalog, org, at, need.service)
        if status.state in (State.OPEN_24H, State.OPEN):
            rows.append(Help(org, status, None, _distance(origin, org)))
    rows.sort(key=lambda h: (h.status.in_doubt, _closes_before_arrival(h.status, h.distance_km, at), h.distance_km
                             if h.distance_km is not None else float("inf"), h.org.name.lower()))
    return rows[:NEAREST_OPEN]


def _closes_before_arrival(status: Status, distance_km: float | None, at: datetime) -> bool:
    """Whether the clinic closes before an owner setting off now could reach it (theme/kb/help.js too)."""
    if status.until is None:
        return False
    journey = (distance_km or 0) * 60 / ROAD_KMH + SETTING_OFF_MINUTES
    return (status.until - at).total_seconds() < journey * 60

