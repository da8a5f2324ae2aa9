"""One organisation's status, night cover and fitness for an animal (generator/kinds/organisations/availability.py),
on the fixture's Pebblesham Vets changed one field at a time: exact words and times, boundaries, and the
cases that must not match (issue 17: mutation-tested; the region-wide answer is in test_scenarios.py).

Pebblesham Vets: Mon–Fri 08:30–18:30, Sat 08:30–12:00, Europe/London; closed 25, 26 and 28 December
and 1 January; one main line; nights covered by a partner."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.core.settings import Settings
from generator.kinds.organisations.availability import (
    Need,
    State,
    Status,
    _minus,
    _when,
    can_take,
    cover_key,
    cover_words,
    covers_nights,
    on_call_phone,
    open_at_night,
    status_at,
)
from generator.kinds.organisations.model import Organisation
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, org_data

LONDON = ZoneInfo("Europe/London")
TZ = "Europe/London"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Settings(root=VALID, demo_data=True))[0]


def org(**changes: Any) -> Organisation:
    data = {**org_data(), **changes}
    return Organisation.model_validate(data, context={"country": "GB", "allow_fictional": True})


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


PHONES = {"phones": [{"type": "main", "number": "01632 960240"},
                     {"type": "after-hours", "number": "01632 960241"},
                     {"type": "emergency", "number": "01632 960242"}]}
ON_CALL_EVENINGS = {"arrangement": "on-call", "on_call_hours": [{"days": "mon-fri", "opens": "18:30",
                                                                 "closes": "22:00"}]}


def contacts(*types: str) -> dict:
    return {**org_data()["contacts"], "phones": [p for p in PHONES["phones"] if p["type"] in types]}


# ---- status and its words ---------------------------------------------------------------------------

STATUS = [
    # (organisation changes, local time, state, words)
    ({}, "2026-11-23T10:00", State.OPEN, "Open until 18:30"),
    ({}, "2026-11-23T08:30", State.OPEN, "Open until 18:30"),  # the opening minute is open
    ({}, "2026-11-23T08:29", State.OPENS_LATER, "Closed: opens 08:30"),
    ({}, "2026-11-23T18:29", State.OPEN, "Open until 18:30"),
    ({}, "2026-11-23T18:30", State.OPENS_LATER, "Closed: opens 08:30 tomorrow"),  # the closing minute is closed
    ({}, "2026-11-28T11:00", State.OPEN, "Open until 12:00"),  # Saturday
    ({}, "2026-11-28T13:00", State.OPENS_LATER, "Closed: opens Monday 08:30"),
    ({}, "2026-11-29T03:00", State.OPENS_LATER, "Closed: opens 08:30 tomorrow"),  # Sunday night
    # Christmas: closed Friday 25, Saturday 26 and Monday 28 December
    ({}, "2026-12-24T19:00", State.OPENS_LATER, "Closed: opens Tuesday 08:30"),
    ({}, "2026-12-25T10:00", State.OPENS_LATER, "Closed: opens Tuesday 08:30"),
    ({"status": "temporarily-closed"}, "2026-11-23T10:00", State.TEMPORARILY_CLOSED, "Temporarily closed"),
    ({"status": "closed"}, "2026-11-23T10:00", State.CLOSED, "Closed permanently"),
    ({"hours": "24/7"}, "2026-11-23T03:00", State.OPEN_24H, "Open now, 24 hours"),
    # open past midnight: until a time tomorrow, or until midnight
    ({"hours": [{"days": "mon-sun", "opens": "18:00", "closes": "02:00"}]}, "2026-11-23T23:00", State.OPEN,
     "Open until 02:00 tomorrow"),
    ({"hours": [{"days": "mon-sun", "opens": "18:00", "closes": "02:00"}]}, "2026-11-24T01:59", State.OPEN,
     "Open until 02:00"),
    ({"hours": [{"days": "mon-sun", "opens": "18:00", "closes": "02:00"}]}, "2026-11-24T02:00", State.OPENS_LATER,
     "Closed: opens 18:00"),
    ({"hours": [{"days": "mon-sun", "opens": "18:00", "closes": "24:00"}]}, "2026-11-23T23:00", State.OPEN,
     "Open until midnight"),
    ({"hours": [{"days": "mon", "opens": "00:00", "closes": "06:00"}]}, "2026-11-29T20:00", State.OPENS_LATER,
     "Closed: opens midnight"),
    # an on-call vet in the evenings, on the after-hours line
    ({"after_hours": ON_CALL_EVENINGS, "contacts": contacts("main", "after-hours")}, "2026-11-23T19:00",
     State.ON_CALL, "Closed now: vet on call, ring the after-hours line"),
    ({"after_hours": ON_CALL_EVENINGS, "contacts": contacts("main", "after-hours")}, "2026-11-23T18:30",
     State.ON_CALL, "Closed now: vet on call, ring the after-hours line"),
    ({"after_hours": ON_CALL_EVENINGS, "contacts": contacts("main", "after-hours")}, "2026-11-23T22:00",
     State.OPENS_LATER, "Closed: opens 08:30 tomorrow"),
    ({"after_hours": ON_CALL_EVENINGS, "contacts": contacts("main", "after-hours")}, "2026-11-23T12:00",
     State.OPEN, "Open until 18:30"),  # open beats on call
    # Saturday afternoon: the on-call evenings are weekdays, and Monday 08:30 comes before Monday's evening
    ({"after_hours": ON_CALL_EVENINGS, "contacts": contacts("main", "after-hours")}, "2026-11-28T13:00",
     State.OPENS_LATER, "Closed: opens Monday 08:30"),
    # on call all week when closed (no hours given): always on call when closed
    ({"after_hours": {"arrangement": "on-call"}, "contacts": contacts("main")}, "2026-11-29T03:00", State.ON_CALL,
     "Closed now: vet on call, ring the main line"),
    # the on-call vet answers (Sunday morning) before the practice opens (Monday)
    ({"after_hours": {"arrangement": "on-call", "on_call_hours": [{"days": "sun", "opens": "10:00",
                                                                   "closes": "12:00"}]},
      "contacts": contacts("main", "emergency")}, "2026-11-28T13:00", State.ON_CALL_LATER,
     "Closed: vet on call from 10:00 tomorrow"),
]


@pytest.mark.parametrize(("changes", "local", "state", "words"), STATUS)
def test_status_and_its_words(changes, local: str, state: State, words: str) -> None:
    status = status_at(org(**changes), TZ, at(local))
    assert (status.state, status.words(at(local))) == (state, words)
    assert status.helps_now == (state in (State.OPEN, State.OPEN_24H, State.ON_CALL))


def test_the_number_to_ring_for_each_state() -> None:
    plain = org(contacts=contacts("main", "emergency", "after-hours"))
    assert status_at(plain, TZ, at("2026-11-23T10:00")).phone.type == "emergency"  # open: the first call
    assert status_at(plain, TZ, at("2026-11-23T20:00")).phone.type == "emergency"  # opens later: the first call
    on_call = org(after_hours=ON_CALL_EVENINGS, contacts=contacts("main", "emergency", "after-hours"))
    assert status_at(on_call, TZ, at("2026-11-23T19:00")).phone.type == "after-hours"
    assert status_at(org(status="closed"), TZ, at("2026-11-23T10:00")).phone is None
    assert status_at(org(status="temporarily-closed"), TZ, at("2026-11-23T10:00")).phone is None


def test_a_practice_without_an_emergency_line_is_rung_on_its_main_line_while_open() -> None:
    """Its after-hours line may be answered only out of hours (the lists, which cannot tell the time,
    still show it first: first_call); its on-call vet is rung on it."""
    practice = org(after_hours=ON_CALL_EVENINGS, contacts=contacts("main", "after-hours"))
    assert practice.first_call.type == "after-hours"
    assert status_at(practice, TZ, at("2026-11-23T10:00")).phone.type == "main"  # open
    assert status_at(practice, TZ, at("2026-11-23T07:00")).phone.type == "main"  # opens later
    assert status_at(practice, TZ, at("2026-11-23T19:00")).phone.type == "after-hours"  # vet on call


def test_times_are_exact_instants_in_the_regions_zone() -> None:
    status = status_at(org(), TZ, at("2026-11-23T10:00"))
    assert status.until == datetime(2026, 11, 23, 18, 30, tzinfo=LONDON) and status.when is None
    status = status_at(org(), TZ, at("2026-11-23T19:00"))
    assert status.when == datetime(2026, 11, 24, 8, 30, tzinfo=LONDON) and status.until is None
    # an instant in UTC is read in the region's zone: 07:45 UTC in July is 08:45 in London, open
    assert status_at(org(), TZ, datetime(2026, 7, 1, 7, 45, tzinfo=UTC)).state == State.OPEN
    assert status_at(org(), TZ, datetime(2026, 7, 1, 7, 15, tzinfo=UTC)).state == State.OPENS_LATER
    # the same instant in another zone
    assert status_at(org(), "America/New_York", datetime(2026, 7, 1, 14, 0, tzinfo=UTC)).state == State.OPEN
    assert status_at(org(), "America/New_York", datetime(2026, 7, 1, 12, 0, tzinfo=UTC)).state == State.OPENS_LATER


def test_a_never_open_week() -> None:
    never = org(services=[{"service": "triage", "hours": []}])
    status = status_at(never, TZ, at("2026-11-23T10:00"), "triage")
    assert (status.state, status.phone, status.when, status.words(at("2026-11-23T10:00"))) == (
        State.CLOSED_ALL_WEEK, None, None, "Closed all week")


SERVICE_HOURS = [{"service": "triage"}, {"service": "telemedicine",
                                          "hours": [{"days": "mon-sun", "opens": "19:00", "closes": "23:00"}]}]


@pytest.mark.parametrize(("local", "state"), [
    ("2026-11-23T20:00", State.OPEN),  # the service runs in its own hours, the building closed
    ("2026-11-23T10:00", State.OPENS_LATER),  # and not in the building's
    ("2026-11-23T23:00", State.OPENS_LATER),
    ("2026-12-25T20:00", State.OPENS_LATER),  # not on a date the organisation has closed
])
def test_a_service_with_its_own_hours(local: str, state: State) -> None:
    clinic = org(services=SERVICE_HOURS, after_hours={"arrangement": "on-call"})
    status = status_at(clinic, TZ, at(local), "telemedicine")
    assert status.state == state  # an on-call vet does not run scheduled services
    # the organisation itself follows its own hours
    assert status_at(clinic, TZ, at("2026-11-23T10:00"), "triage").state == State.OPEN


def test_a_service_on_christmas_day_opens_on_the_next_open_day() -> None:
    clinic = org(services=SERVICE_HOURS)
    assert status_at(clinic, TZ, at("2026-12-25T20:00"), "telemedicine").words(at("2026-12-25T20:00")) == \
        "Closed: opens Sunday 19:00"


@pytest.mark.parametrize(("moment", "now", "words"), [
    ("2026-11-23T18:30", "2026-11-23T10:00", "18:30"),
    ("2026-11-24T00:00", "2026-11-23T10:00", "midnight"),
    ("2026-11-23T00:00", "2026-11-23T00:00", "midnight"),
    ("2026-11-24T00:01", "2026-11-23T10:00", "00:01 tomorrow"),
    ("2026-11-24T08:30", "2026-11-23T23:59", "08:30 tomorrow"),
    ("2026-11-25T00:00", "2026-11-23T10:00", "Wednesday 00:00"),
    ("2026-11-25T08:30", "2026-11-23T10:00", "Wednesday 08:30"),
    ("2026-11-29T08:30", "2026-11-23T10:00", "Sunday 08:30"),
])
def test_when_in_words(moment: str, now: str, words: str) -> None:
    assert _when(at(moment), at(now)) == words


def test_when_reads_a_moment_in_the_clock_of_now() -> None:
    # 23:30 UTC in summer is 00:30 the next day in London
    assert _when(datetime(2026, 7, 1, 23, 30, tzinfo=UTC), at("2026-07-01T12:00")) == "00:30 tomorrow"


def test_status_words_without_a_phone_or_times() -> None:
    assert Status(State.ON_CALL, None).words(at("2026-11-23T10:00")) == "Closed now: vet on call, ring the "
    phone = org(contacts={**contacts("main"), "phones": [{"type": "main", "number": "01632 960240",
                                                          "label": "Night Desk"}]}).first_call
    assert Status(State.ON_CALL, phone).words(at("2026-11-23T10:00")) == "Closed now: vet on call, ring the night Desk"


# ---- the number an on-call vet answers ------------------------------------------------------------------

@pytest.mark.parametrize(("types", "expected"), [
    (("main", "after-hours", "emergency"), "after-hours"),
    (("main", "emergency"), "emergency"),
    (("main",), "main"),
])
def test_on_call_phone(types, expected: str) -> None:
    assert on_call_phone(org(contacts=contacts(*types))).type == expected


def test_on_call_phone_without_those_lines_is_the_first_call() -> None:
    clinic = org(contacts={**contacts("main"), "phones": [{"type": "referrals", "number": "01632 960249"}]})
    assert on_call_phone(clinic).number == clinic.first_call.number


# ---- whether an organisation can ever take the animal ---------------------------------------------------

SERVICES = [{"service": "triage"}, {"service": "dentistry", "species": ["rat", "guinea-pig"], "min_weight_g": 100,
                                    "max_weight_g": 1500}, {"service": "surgery", "referral_only": True}]
SPECIES = ["rat", {"species": "hamster", "min_weight_g": 30}, "guinea-pig"]

CAN_TAKE = [
    # (organisation changes, need, can take)
    ({}, Need(), True),
    ({}, Need(species="rat"), True),
    ({}, Need(species="mouse"), False),  # a species it does not see
    ({"status": "closed"}, Need(), False),
    ({"status": "temporarily-closed"}, Need(), True),  # time aside: it will take it again
    ({"kind": "rescue"}, Need(), False),  # not a veterinary organisation
    ({"kind": "no-such-kind"}, Need(), True),  # an unknown kind is reported elsewhere, not hidden here
    ({"referral_only": True}, Need(), False),
    ({"referral_only": True}, Need(referred=True), True),
    ({"species": SPECIES}, Need(species="hamster", weight_g=30), True),  # at the minimum weight
    ({"species": SPECIES}, Need(species="hamster", weight_g=29), False),
    ({"species": SPECIES}, Need(species="hamster"), True),  # weight not known
    ({"species": SPECIES}, Need(species="rat", weight_g=5), True),  # no minimum for rats
    ({"species": SPECIES}, Need(weight_g=5), True),  # no species: the weight alone says nothing
    ({"services": SERVICES}, Need(service="triage"), True),
    ({"services": SERVICES}, Need(service="imaging"), False),  # a service it does not offer
    ({"services": SERVICES}, Need(service="surgery"), False),  # referral only
    ({"services": SERVICES}, Need(service="surgery", referred=True), True),
    ({"services": SERVICES}, Need(species="rat", service="dentistry"), True),
    ({"services": SERVICES}, Need(species="hamster", service="dentistry"), False),  # not for hamsters
    ({"services": SERVICES}, Need(service="dentistry"), True),  # species not known
    ({"services": SERVICES}, Need(species="rat", service="triage"), True),  # a service for every species
    ({"services": SERVICES}, Need(species="rat", service="dentistry", weight_g=100), True),
    ({"services": SERVICES}, Need(species="rat", service="dentistry", weight_g=99), False),
    ({"services": SERVICES}, Need(species="rat", service="dentistry", weight_g=1500), True),
    ({"services": SERVICES}, Need(species="rat", service="dentistry", weight_g=1501), False),
    ({"services": SERVICES}, Need(species="rat", service="triage", weight_g=1), True),
]


@pytest.mark.parametrize(("changes", "need", "expected"), CAN_TAKE)
def test_can_take(catalog, changes, need: Need, expected: bool) -> None:
    assert can_take(org(**changes), need, catalog) is expected


# ---- night cover, for pages without a clock ------------------------------------------------------------

COVER = [
    # (hours, after_hours, key, words, open at night, covers nights)
    ("24/7", {"arrangement": "on-site-24h"}, "cover-24h", "Open 24 hours, every day", True, True),
    ([{"days": "mon-sun", "opens": "18:00", "closes": "02:00"}], {"arrangement": "none"}, "cover-night-hours",
     "Open at night: Every day 18:00–02:00 (next day)", True, True),
    ([{"days": "sat", "opens": "05:59", "closes": "09:00"}], {"arrangement": "none"}, "cover-night-hours",
     "Open at night: Mon–Fri closed; Sat 05:59–09:00; Sun closed", True, True),
    ([{"days": "sat", "opens": "06:00", "closes": "09:00"}], {"arrangement": "none"}, "cover-day",
     "Daytime only: Mon–Fri closed; Sat 06:00–09:00; Sun closed", False, False),  # 06:00 is morning
    ([{"days": "sat", "opens": "20:00", "closes": "24:00"}], {"arrangement": "none"}, "cover-day",
     "Daytime only: Mon–Fri closed; Sat 20:00–24:00; Sun closed", False, False),  # late, but not after midnight
    ([{"days": "sun", "opens": "23:00", "closes": "00:01"}], {"arrangement": "none"}, "cover-night-hours",
     "Open at night: Mon–Sat closed; Sun 23:00–00:01 (next day)", True, True),  # a minute past midnight, into Monday
    (None, {"arrangement": "on-call"}, "cover-on-call", "Vet on call when closed", False, True),
    (None, ON_CALL_EVENINGS, "cover-on-call-hours", "Vet on call: Mon–Fri 18:30–22:00; Sat–Sun closed", False, True),
    (None, {"arrangement": "partner", "partner": "eastmarsh-out-of-hours-vets"}, "cover-day",
     "Daytime only: Mon–Fri 08:30–18:30; Sat 08:30–12:00; Sun closed", False, False),
]


@pytest.mark.parametrize(("hours", "after_hours", "key", "words", "at_night", "nights"), COVER)
def test_night_cover(hours, after_hours, key: str, words: str, at_night: bool, nights: bool) -> None:
    clinic = org(after_hours=after_hours, **({} if hours is None else {"hours": hours}))
    assert (cover_key(clinic), cover_words(clinic), open_at_night(clinic), covers_nights(clinic)) == (
        key, words, at_night, nights)


@pytest.mark.parametrize(("line", "removed", "left"), [
    ([(0, 100)], [(20, 30)], [(0, 20), (30, 100)]),
    ([(0, 100)], [], [(0, 100)]),
    ([(0, 100)], [(0, 100)], []),
    ([(0, 100)], [(0, 10), (10, 20)], [(20, 100)]),
    ([(0, 100)], [(10, 50), (20, 30)], [(0, 10), (50, 100)]),  # a removed stretch inside another
    ([(50, 60)], [(0, 10)], [(50, 60)]),
    ([(0, 10), (20, 30)], [(5, 25)], [(0, 5), (25, 30)]),
])
def test_minus(line, removed, left) -> None:
    assert _minus(line, removed) == left


DAY_AND_NIGHT = [{"type": "main", "number": "01632 960001"}, {"type": "after-hours", "number": "01632 960002",
                                                        "verified_on": "2026-11-01"}]


@pytest.mark.parametrize(("phones", "cover", "hours", "expected"), [
    # its own vet on call on another line: by day the main line, and the on-call line beside it
    (DAY_AND_NIGHT, {"arrangement": "on-call"}, None, ["01632 960001", "01632 960002"]),
    # no on-call vet of its own: its after-hours line is a message at best; the main line only
    (DAY_AND_NIGHT, {"arrangement": "none"}, None, ["01632 960001"]),
    # open around the clock: one line
    (DAY_AND_NIGHT, {"arrangement": "on-call"}, "24/7", ["01632 960001"]),
    # an emergency line is rung first while open
    ([{"type": "emergency", "number": "01632 960003", "verified_on": "2026-11-01"}, *DAY_AND_NIGHT],
     {"arrangement": "on-call"}, None, ["01632 960003", "01632 960002"]),
])
def test_lists_without_a_clock_give_the_day_line_then_the_on_call_line(phones, cover, hours, expected) -> None:
    from generator.kinds.organisations.availability import phones_without_a_clock  # noqa: PLC0415
    from generator.kinds.referral.pages import receiver_phones  # noqa: PLC0415

    changes = {"contacts": {"phones": phones}, "after_hours": cover, **({"hours": hours} if hours else {})}
    clinic = org(**changes)
    assert ["0" + p.number.removeprefix("+44")[:4] + " " + p.number[-6:] for p in phones_without_a_clock(clinic)] \
        == expected
    # the referral page: its referrals line instead of the day line, and still the on-call line
    with_referrals = org(**{**changes, "contacts": {"phones": [*phones, {"type": "referrals",
                                                                        "number": "01632 960004"}]}})
    receiving = ["0" + p.number.removeprefix("+44")[:4] + " " + p.number[-6:] for p in receiver_phones(with_referrals)]
    emergency = [n for n in expected if n == "01632 960003"]
    assert receiving == [*emergency, "01632 960004", *[n for n in expected[1:] if n not in emergency]]


ONE_LINE = [{"type": "main", "number": "01632 960001"}]


@pytest.mark.parametrize(("phones", "cover", "hours", "expected"), [
    # its on-call vet answers its own clients on a line of its own: the note is beside that line
    (DAY_AND_NIGHT, {"arrangement": "on-call", "clients_only": True}, None,
     [None, "line-clients-only"]),
    # found by the nineteenth session's note: one line, answered by day and by the on-call vet at night,
    # had no note at all, so an owner reading a list at night took it for a clinic that sees anyone
    (ONE_LINE, {"arrangement": "on-call", "clients_only": True}, None, ["line-clients-only-out-of-hours"]),
    # an on-call vet for anyone, or a practice open around the clock: no note
    (ONE_LINE, {"arrangement": "on-call"}, None, [None]),
    (DAY_AND_NIGHT, {"arrangement": "on-call"}, None, [None, None]),
    (ONE_LINE, {"arrangement": "on-call", "clients_only": True}, "24/7", [None]),
])
def test_a_line_answered_out_of_hours_for_registered_clients_only_says_so(phones, cover, hours, expected) -> None:
    from generator.kinds.organisations.availability import clients_only_words, phones_without_a_clock  # noqa: PLC0415

    clinic = org(contacts={"phones": phones}, after_hours=cover, **({"hours": hours} if hours else {}))
    assert [clients_only_words(clinic, phone) for phone in phones_without_a_clock(clinic)] == expected
