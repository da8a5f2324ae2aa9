"""Differential tests (issue 17): random schedules and instants, answered by
generator/kinds/organisations/availability.py and by the browser's window.kbHelp (the built
assets/help.js, run under Node by help_harness.js beside this file).
Both must give the same state, number, times and words for one organisation, and the same clinics in the
same order for "who can help now". Schedules mix overnight periods, 24/7, exceptions on nearby dates
(closed, other hours, several periods on one date, past midnight), on-call hours, a service's own hours
and closures, in time zones with and without daylight saving, on clock-change days. Deterministic:
hypothesis is derandomised."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.common.notices import NOTICES, Notice
from generator.core.settings import Settings
from generator.core.specs import TemplateFile
from generator.kinds.organisations.availability import Need, holidays_of, status_at, who_can_help
from generator.kinds.organisations.help_data import help_data, help_files, help_record
from generator.kinds.organisations.views import organisation
from generator.site.pipeline import load_catalog
from generator.site.render import make_environment, render_file
from tests.helpers import VALID, catalog_with, node_harness, org_data, with_orgs

HARNESS = Path(__file__).with_name("help_harness.js")
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"]
# days the clocks change in those zones in 2026, and the days either side
CLOCK_CHANGES = [date(2026, 3, 29), date(2026, 10, 25), date(2026, 3, 8), date(2026, 11, 1), date(2026, 4, 5),
                 date(2026, 10, 4), date(2026, 9, 27)]
# public holidays of the valid tree's regions (GB) after its date: a practice with no exception for one is
# open "usually" only (availability.holidays_of, usual_hours_in_doubt)
HOLIDAYS = [date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 28), date(2027, 1, 1), date(2027, 3, 26),
            date(2027, 3, 29), date(2027, 5, 3)]
# No shrinking: a failing example of eight schedules takes Hypothesis longer than the per-test timeout to
# shrink; the failing example is printed as found, which is enough to reproduce it.
EXAMPLES = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def catalog():
    catalog, _ = load_catalog(Settings(root=VALID, demo_data=True))
    return catalog


@pytest.fixture(scope="module")
def browser_help(catalog, tmp_path_factory: pytest.TempPathFactory):
    """Ask the built help.js: one Node process for the module, one JSON line per question."""
    script = next(f for f in help_files(catalog, "") if isinstance(f, TemplateFile) and f.src_uri == "assets/help.js")
    built = tmp_path_factory.mktemp("help") / "help.js"
    built.write_text(render_file(make_environment(catalog), script), encoding="utf-8")
    with node_harness(HARNESS, built) as ask:
        yield ask


# ---- strategies ----------------------------------------------------------------------------------

CLOCK = st.integers(0, 95).map(lambda q: f"{q // 4:02d}:{q % 4 * 15:02d}") | st.sampled_from(["00:00", "23:59"])
CLOSING = CLOCK | st.just("24:00")
PERIOD = st.fixed_dictionaries({"days": st.lists(st.sampled_from(DAYS), min_size=1, max_size=7, unique=True),
                                "opens": CLOCK, "closes": CLOSING}).filter(lambda p: p["opens"] != p["closes"])
HOURS = st.one_of(st.just("24/7"), st.lists(PERIOD, max_size=4))
INSTANT = st.builds(lambda day, minute: datetime.combine(day, datetime.min.time(), tzinfo=UTC)
                    + timedelta(minutes=minute),
                    st.sampled_from(CLOCK_CHANGES) | st.sampled_from(HOLIDAYS) | st.dates(date(2026, 1, 1),
                                                                                           date(2027, 12, 31)),
                    st.integers(0, 24 * 60 - 1))


@st.composite
def exceptions(draw, around: date) -> list[dict]:
    offsets = draw(st.lists(st.integers(-2, 9), max_size=3, unique=True))
    found = []
    for offset in offsets:
        day = (around + timedelta(days=offset)).isoformat()
        if draw(st.booleans()):
            found.append({"date": day, "closed": True})
        else:  # one period or several: open all day on a bank holiday, then on through the night
            for _ in range(draw(st.integers(1, 3))):
                found.append({"date": day, "opens": draw(CLOCK), "closes": draw(CLOSING)})
    return found


@st.composite
def schedule(draw, base: dict, around: date) -> dict:
    """``base`` (an organisation's data) with random hours, exceptions, after-hours cover and status."""
    data = dict(base)
    data["hours"] = draw(HOURS)
    data["exceptions"] = draw(exceptions(around))
    cover = draw(st.sampled_from(["keep", "on-call", "on-call-hours", "none"]))
    if cover == "on-call":
        data["after_hours"] = {"arrangement": "on-call"}
    elif cover == "on-call-hours":
        data["after_hours"] = {"arrangement": "on-call", "on_call_hours": draw(st.lists(PERIOD, min_size=1,
                                                                                         max_size=3))}
    elif cover == "none":
        data["after_hours"] = {"arrangement": "none"}
    if data.get("after_hours", {}).get("arrangement") == "on-call" and draw(st.booleans()):
        data["after_hours"] = {**data["after_hours"], "clients_only": True}
    data["status"] = draw(st.sampled_from(["active"] * 6 + ["temporarily-closed", "closed"]))
    services = []
    for item in base.get("services", []):
        offer = dict(item) if isinstance(item, dict) else {"service": item}
        if draw(st.integers(0, 3)) == 0:
            offer["hours"] = draw(HOURS)
        services.append(offer)
    data["services"] = services
    return data


def in_zones(catalog, zone_of: dict[str, str]):
    regions = {rid: r.model_copy(update={"timezone": zone_of.get(rid, r.timezone)})
               for rid, r in catalog.regions.items()}
    return catalog_with(catalog, regions=regions)


@st.composite
def closures(draw, around: datetime) -> list[Notice]:
    """Closure alerts near ``around``: whole organisations or one service, current or not at that moment."""
    found = []
    for number in range(draw(st.integers(0, 3))):
        starts = around + timedelta(minutes=draw(st.integers(-3 * 24 * 60, 24 * 60)))
        ends = starts + timedelta(minutes=draw(st.integers(1, 4 * 24 * 60)))
        found.append(Notice(id=f"alert-{number}", title="closed", severity="closure", starts=starts, ends=ends,
                            instead="ring another clinic", url=f"alerts/alert-{number}/",
                            organisations=(draw(st.sampled_from(ORG_IDS)),),
                            services=draw(st.sampled_from([(), ("ct",), ("triage",)]))))
    return found


# ---- one organisation -------------------------------------------------------------------------------

def _wall(moment: datetime | None, today: date) -> dict | None:
    if moment is None:
        return None
    return {"days": (moment.date() - today).days, "weekday": moment.weekday(), "time": moment.strftime("%H:%M")}


@given(data=st.data(), at=INSTANT, zone=st.sampled_from(ZONES),
       service=st.sampled_from([None, "ct", "triage", "ultrasound"]))
@EXAMPLES
def test_one_organisation_has_the_same_status(catalog, browser_help, data, at: datetime, zone: str,
                                              service: str | None) -> None:
    local = at.astimezone(ZoneInfo(zone))
    changed = data.draw(schedule(org_data("saltwick-veterinary-hospital"), local.date()))
    region = changed["location"]["region"]
    one = in_zones(with_orgs(catalog, changed), {region: zone})
    org = organisation(one, changed["id"])
    python = status_at(org, zone, at, service, holidays_of(one, region))
    expected = {"state": python.state.value, "phone": python.phone.number if python.phone else None,
                "until": _wall(python.until, local.date()), "when": _wall(python.when, local.date()),
                "words": python.words(local)}
    browser = browser_help({"kind": "status", "record": help_record(one, org), "now": at.isoformat(),
                            "service": service})
    assert browser == expected, (changed["hours"], changed["exceptions"], changed["after_hours"], local)


# ---- who can help now ---------------------------------------------------------------------------------

ORG_IDS = sorted(p.stem for p in (VALID / "directory" / "organisations").glob("*.yml"))


@given(data=st.data(), at=INSTANT, zones=st.lists(st.sampled_from(ZONES), min_size=4, max_size=4),
       species=st.sampled_from([None, "rat", "hamster", "guinea-pig", "chinchilla", "mouse"]),
       weight=st.sampled_from([None, 15, 40, 300, 1200]),
       service=st.sampled_from([None, "ct", "triage", "hospitalisation", "dentistry"]), referred=st.booleans(),
       where=st.sampled_from(["eastmarsh", "southhaven", "westmoor", "place"]))
@EXAMPLES
def test_who_can_help_gives_the_same_clinics_in_the_same_order(catalog, browser_help, data, at, zones, species,
                                                               weight, service, referred, where) -> None:
    around = at.date()
    datas = [data.draw(schedule(org_data(org_id), around)) for org_id in ORG_IDS]
    regions = sorted(catalog.regions)
    network = in_zones(with_orgs(catalog, *datas), dict(zip(regions, zones, strict=False)))
    # closure alerts, carried in the records as a page built before all of them would carry them
    built = dataclasses.replace(catalog.settings, now=datetime(2025, 1, 1, tzinfo=UTC))
    network = catalog_with(network, settings=built, **{NOTICES: data.draw(closures(at))})
    place = (51.0 + data.draw(st.integers(-50, 50)) / 100, 0.3 + data.draw(st.integers(-50, 50)) / 100) \
        if where == "place" else None
    region = None if place else where
    need = Need(species=species, weight_g=weight, service=service, referred=referred)
    python = who_can_help(network, at=at, region=region, place=place, need=need)
    rows = lambda found: [{"id": h.org.id, "state": h.status.state.value, "partnerFor": h.partner_for,  # noqa: E731
                           "closingSoon": h.closing_soon} for h in found]
    expected = {"region": python.region, "now": rows(python.now), "later": rows(python.later),
                "nearestOpen": rows(python.nearest_open)}
    chosen = python.region or region
    request = {"kind": "help", "data": help_data(network, sorted(network.regions)) if place
               else help_data(network, [chosen]),
               "region": region, "place": list(place) if place else None, "now": at.isoformat(),
               "need": {"species": species, "weight": weight, "service": service, "referred": referred}}
    assert browser_help(request) == expected


def test_the_harness_answers_for_a_known_clinic(catalog, browser_help) -> None:
    """The harness itself is not vacuous: a hand-worked answer (Saltwick is open around the clock)."""
    org = organisation(catalog, "saltwick-veterinary-hospital")
    browser = browser_help({"kind": "status", "record": help_record(catalog, org),
                            "now": "2026-11-23T03:00:00+00:00", "service": None})
    assert browser["state"] == "open-24h" and browser["words"] == "Open now, 24 hours"
    ct = browser_help({"kind": "status", "record": help_record(catalog, org), "now": "2026-11-23T03:00:00+00:00",
                       "service": "ct"})
    assert ct["state"] == "opens-later" and ct["when"] == {"days": 0, "weekday": 0, "time": "08:00"}


def test_a_service_with_no_hours_is_never_available_in_either(catalog, browser_help) -> None:
    """Found by the differential: ``hours: []`` on a service means it never runs, but the browser's data
    dropped the empty list and fell back to the organisation's 24/7 hours, so Get help listed Saltwick
    for hospitalisation while the build's own answer did not."""
    changed = org_data("saltwick-veterinary-hospital")
    changed["services"] = [{"service": "hospitalisation", "hours": []}, "triage"]
    one = with_orgs(catalog, changed)
    org = organisation(one, changed["id"])
    at = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    assert status_at(org, "Europe/London", at, "hospitalisation").state.value == "closed-all-week"
    browser = browser_help({"kind": "status", "record": help_record(one, org), "now": at.isoformat(),
                            "service": "hospitalisation"})
    assert browser["state"] == "closed-all-week"
    assert browser_help({"kind": "status", "record": help_record(one, org), "now": at.isoformat(),
                         "service": "triage"})["state"] == "open-24h"


def test_a_closure_alert_takes_a_clinic_out_of_who_can_help_in_both(catalog, browser_help) -> None:
    """Hand-worked: Saltwick (open around the clock) closed by an alert from 02:00 to 04:00 on 23 November;
    a CT-only closure leaves it helping with everything else."""
    at = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    built = dataclasses.replace(catalog.settings, now=datetime(2026, 11, 22, tzinfo=UTC))

    def ask(services: tuple[str, ...], moment: datetime, service: str | None) -> tuple[list[str], list[str]]:
        closure = Notice(id="power-cut", title="Power cut", severity="closure", url="alerts/power-cut/",
                         starts=datetime(2026, 11, 23, 2, 0, tzinfo=UTC), ends=datetime(2026, 11, 23, 4, 0, tzinfo=UTC),
                         instead="Ring Eastmarsh Out-of-Hours Vets", organisations=("saltwick-veterinary-hospital",),
                         services=services)
        network = catalog_with(catalog, settings=built, **{NOTICES: [closure]})
        answer = who_can_help(network, at=moment, region="eastmarsh", need=Need(service=service))
        python = [h.org.id for h in answer.now]
        browser = browser_help({"kind": "help", "data": help_data(network, ["eastmarsh"]), "region": "eastmarsh",
                                "place": None, "now": moment.isoformat(),
                                "need": {"species": None, "weight": None, "service": service, "referred": False}})
        return python, [row["id"] for row in browser["now"]]

    for python, browser in (ask((), at, None), ask(("ct",), at, "ct")):
        assert "saltwick-veterinary-hospital" not in python and python == browser
    for python, browser in (ask((), at + timedelta(hours=1), None), ask(("ct",), at, None)):
        assert "saltwick-veterinary-hospital" in python and python == browser


def test_an_on_call_vet_for_its_clients_only_comes_after_everyone_who_takes_any_owner(catalog, browser_help) -> None:
    """Hand-worked: at 02:00 on a Wednesday in Eastmarsh, Pebblesham made an on-call practice, and Tollerby
    Marsh's nights covered by Southhaven's hospital (a partner from outside). Pebblesham's vet would come
    before that partner (the region's own first) and first for an owner beside it (nearest first).
    Answering its registered clients only, it comes last in both answers, and its words say so."""
    at = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
    pebblesham, tollerby = org_data("pebblesham-vets"), org_data("tollerby-marsh-veterinary-practice")
    pebblesham["after_hours"] = {"arrangement": "on-call", "clients_only": True}
    tollerby["after_hours"] = {"arrangement": "partner", "partner": "southhaven-animal-emergency-hospital"}
    others = [org_data(org_id) for org_id in ORG_IDS if org_id not in (pebblesham["id"], tollerby["id"])]
    network = with_orgs(catalog, pebblesham, tollerby, *others)
    practice = organisation(network, "pebblesham-vets")
    beside = (practice.location.coordinates.lat, practice.location.coordinates.lon)
    for region, place in (("eastmarsh", None), (None, beside)):
        answer = who_can_help(network, at=at, region=region, place=place)
        python = [h.org.id for h in answer.now]
        browser = browser_help({"kind": "help", "data": help_data(network, sorted(network.regions)),
                                "region": region, "place": list(place) if place else None, "now": at.isoformat(),
                                "need": {"species": None, "weight": None, "service": None, "referred": False}})
        assert python[-1] == "pebblesham-vets" and "southhaven-animal-emergency-hospital" in python
        assert [row["id"] for row in browser["now"]] == python
    status = browser_help({"kind": "status", "record": help_record(network, practice), "now": at.isoformat(),
                           "service": None})
    assert status["words"] == status_at(practice, "Europe/London", at).words(at) == (
        "Closed now: vet on call for its registered clients only, ring the main line")


def test_beside_only_vets_for_their_own_clients_both_offer_the_nearest_open(catalog, browser_help) -> None:
    """Hand-worked: at 02:00 in Eastmarsh with Saltwick and the out-of-hours vets temporarily closed, only
    Pebblesham's on-call vet, for its registered clients only, can help: both answers offer it and then
    Southhaven's two hospitals, open elsewhere, nearest first."""
    at = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
    changed = {org_id: org_data(org_id) for org_id in ORG_IDS}
    for org_id in ("saltwick-veterinary-hospital", "eastmarsh-out-of-hours-vets"):
        changed[org_id]["status"] = "temporarily-closed"
    changed["pebblesham-vets"]["after_hours"] = {"arrangement": "on-call", "clients_only": True}
    network = with_orgs(catalog, *changed.values())
    python = who_can_help(network, at=at, region="eastmarsh")
    assert [h.org.id for h in python.now] == ["pebblesham-vets"]
    assert [h.org.id for h in python.nearest_open] == ["southhaven-university-veterinary-hospital",
                                                       "southhaven-animal-emergency-hospital"]
    browser = browser_help({"kind": "help", "data": help_data(network, ["eastmarsh"]), "region": "eastmarsh",
                            "place": None, "now": at.isoformat(),
                            "need": {"species": None, "weight": None, "service": None, "referred": False}})
    assert [row["id"] for row in browser["now"]] == ["pebblesham-vets"]
    assert [row["id"] for row in browser["nearestOpen"]] == [h.org.id for h in python.nearest_open]


BANK_HOLIDAY_10AM = datetime(2026, 12, 28, 10, 0, tzinfo=UTC)  # Monday, Boxing Day's substitute


def _ask_both(network, at: datetime, region: str) -> tuple[dict, dict]:
    """Python's answer (ids of who can help now, and of the nearest open elsewhere) and the request that
    asks help.js for the same."""
    answer = who_can_help(network, at=at, region=region)
    rows = lambda found: [h.org.id for h in found]  # noqa: E731
    request = {"kind": "help", "data": help_data(network, [region]), "region": region,
               "place": None, "now": at.isoformat(),
               "need": {"species": None, "weight": None, "service": None, "referred": False}}
    return {"now": rows(answer.now), "nearestOpen": rows(answer.nearest_open)}, request


def test_a_practice_open_on_a_bank_holiday_by_its_usual_hours_only_says_so_in_both(catalog, browser_help) -> None:
    """Hand-worked: 10:00 on Monday 28 December in Eastmarsh. Pebblesham's file gives no hours for the
    bank holiday, so it is open by its usual hours only: "usually", "ring first", and after the clinics
    whose hours for the day are given (Tollerby Marsh, made active with its usual hours given for the date;
    by name alone Pebblesham would come first)."""
    pebblesham, tollerby = org_data("pebblesham-vets"), org_data("tollerby-marsh-veterinary-practice")
    pebblesham["exceptions"] = [e for e in pebblesham["exceptions"] if str(e["date"]) != "2026-12-28"]
    tollerby["status"] = "active"
    tollerby["exceptions"] = [{"date": "2026-12-28", "opens": "08:30", "closes": "12:30"},
                              {"date": "2026-12-28", "opens": "14:00", "closes": "18:00"}]
    others = [org_data(org_id) for org_id in ORG_IDS if org_id not in (pebblesham["id"], tollerby["id"])]
    network = with_orgs(catalog, pebblesham, tollerby, *others)
    python, request = _ask_both(network, BANK_HOLIDAY_10AM, "eastmarsh")
    assert python["now"] == ["saltwick-veterinary-hospital", "eastmarsh-out-of-hours-vets",
                             "tollerby-marsh-veterinary-practice", "pebblesham-vets"]
    assert [row["id"] for row in browser_help(request)["now"]] == python["now"]
    practice = organisation(network, "pebblesham-vets")
    status = browser_help({"kind": "status", "record": help_record(network, practice),
                           "now": BANK_HOLIDAY_10AM.isoformat(), "service": None})
    python_words = status_at(practice, "Europe/London", BANK_HOLIDAY_10AM, None,
                             holidays_of(network, "eastmarsh")).words(BANK_HOLIDAY_10AM)
    assert status["words"] == python_words == "Public holiday: usually open until 18:30, ring first"
    # the evening before, it opens on the holiday "usually" too; its hours given, plainly
    evening = BANK_HOLIDAY_10AM - timedelta(hours=14)
    for record, words in ((help_record(network, practice), "Closed: usually opens 08:30 tomorrow (a public "
                                                            "holiday), ring first"),
                          (help_record(catalog, organisation(catalog, "pebblesham-vets")), "Closed: opens Tuesday "
                                                                                           "08:30")):
        assert browser_help({"kind": "status", "record": record, "now": evening.isoformat(),
                             "service": None})["words"] == words


def test_a_clinic_open_elsewhere_on_its_usual_hours_only_is_offered_after_one_that_is_sure(catalog,
                                                                                          browser_help) -> None:
    """Hand-worked: nobody in Eastmarsh can help at 10:00 on the bank holiday, so both answers offer
    Southhaven's hospitals. The university hospital, nearer, is made open 06:00 to 02:00 with nothing
    given for the holiday: it comes after the 24-hour one."""
    changed = {org_id: org_data(org_id) for org_id in ORG_IDS}
    for org_id in ("saltwick-veterinary-hospital", "eastmarsh-out-of-hours-vets"):
        changed[org_id]["status"] = "temporarily-closed"
    university = changed["southhaven-university-veterinary-hospital"]
    university["hours"] = [{"days": "daily", "opens": "06:00", "closes": "02:00"}]
    university["exceptions"] = []
    network = with_orgs(catalog, *changed.values())
    python, request = _ask_both(network, BANK_HOLIDAY_10AM, "eastmarsh")
    assert python == {"now": [], "nearestOpen": ["southhaven-animal-emergency-hospital",
                                                 "southhaven-university-veterinary-hospital"]}
    assert [row["id"] for row in browser_help(request)["nearestOpen"]] == python["nearestOpen"]


@pytest.mark.parametrize(("local", "closing"), [("2026-12-02T17:50", False), ("2026-12-02T18:20", True)])
def test_a_clinic_here_closing_before_an_owner_could_get_there_does_not_stand_for_the_region_in_both(
        catalog, browser_help, local: str, closing: bool) -> None:
    """Hand-worked (a journey review found Highcombe Moor the only number at 16:50, closing at 17:00):
    with Saltwick and the out-of-hours service closed, Pebblesham (open until 18:30) is Eastmarsh's only
    clinic open on a Wednesday evening. An owner setting off from the region's centre needs 20 minutes
    and the drive: at 18:20 both answers list it, say it closes too soon, and offer Southhaven's
    hospitals; at 17:50 it is enough."""
    changed = {org_id: org_data(org_id) for org_id in ORG_IDS}
    for org_id in ("saltwick-veterinary-hospital", "eastmarsh-out-of-hours-vets"):
        changed[org_id]["status"] = "temporarily-closed"
    network = with_orgs(catalog, *changed.values())
    at = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo("Europe/London"))
    python, request = _ask_both(network, at, "eastmarsh")
    elsewhere = ["southhaven-university-veterinary-hospital", "southhaven-animal-emergency-hospital"]
    assert python == {"now": ["pebblesham-vets"], "nearestOpen": elsewhere if closing else []}
    assert [h.closing_soon for h in who_can_help(network, at=at, region="eastmarsh").now] == [closing]
    browser = browser_help(request)
    assert {"now": [row["id"] for row in browser["now"]],
            "nearestOpen": [row["id"] for row in browser["nearestOpen"]]} == python
    assert [row.get("closingSoon") for row in browser["now"]] == [closing]


GOOD_FRIDAY = datetime(2027, 3, 26, 10, 0, tzinfo=UTC)  # 10:00 in London (GMT until the 28th)


def test_when_every_clinic_here_is_only_usually_open_both_offer_the_sure_ones_elsewhere(catalog,
                                                                                       browser_help) -> None:
    """Hand-worked (a journey review: Highcombe on Good Friday offered its one practice, probably closed,
    and no other number): 10:00 on Good Friday in Eastmarsh with Saltwick temporarily closed, Pebblesham,
    which gives no hours for the day, is the only clinic open, and only usually; both answers offer it and
    Southhaven's hospitals, open elsewhere, as they would if nobody here could help."""
    changed = {org_id: org_data(org_id) for org_id in ORG_IDS}
    changed["saltwick-veterinary-hospital"]["status"] = "temporarily-closed"
    network = with_orgs(catalog, *changed.values())
    python, request = _ask_both(network, GOOD_FRIDAY, "eastmarsh")
    assert python == {"now": ["pebblesham-vets"], "nearestOpen": ["southhaven-university-veterinary-hospital",
                                                                  "southhaven-animal-emergency-hospital"]}
    browser = browser_help(request)
    assert {"now": [row["id"] for row in browser["now"]],
            "nearestOpen": [row["id"] for row in browser["nearestOpen"]]} == python


@pytest.mark.parametrize(("local", "words"), [
    # Thursday night's shift runs on into Good Friday: it began on an ordinary evening
    ("2027-03-26T02:00", "Open until 08:00"),
    # the weekend's cover, written "sat, sun 00:00-24:00" then "mon 00:00-08:00", runs on into Easter
    # Monday: it began before the holiday (it was in doubt until a review)
    ("2027-03-29T02:00", "Open until 08:00"),
    ("2027-03-29T07:59", "Open until 08:00"),
    # the holiday's own evening shift is still in doubt
    ("2027-03-29T19:30", "Public holiday: usually open until 08:00 tomorrow, ring first"),
    # Holy Saturday is an ordinary day, open 00:00 to 24:00 by its own hours, whatever Good Friday's night
    # (a review found it in doubt all day after the rule above)
    ("2027-03-27T15:00", "Open until Monday 08:00"),
    ("2027-03-27T02:00", "Open until Monday 08:00"),
    # Easter Monday's night shift, the file giving no hours for the day: still in doubt after midnight
    ("2027-03-30T02:00", "Public holiday: usually open until 08:00, ring first"),
    ("2027-03-29T20:00", "Public holiday: usually open until 08:00 tomorrow, ring first"),
])
def test_a_night_is_in_doubt_when_it_began_on_the_holiday_in_both(catalog, browser_help, local: str,
                                                                  words: str) -> None:
    """Hand-worked: Eastmarsh Out-of-Hours Vets open 19:00 to 08:00 on weeknights and all weekend to 08:00 on
    Monday, and give no hours for Easter 2027 (a journey review found a night judged by the date it had
    become, not the one it began)."""
    org = organisation(catalog, "eastmarsh-out-of-hours-vets")
    at = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo("Europe/London"))
    python = status_at(org, "Europe/London", at, None, holidays_of(catalog, "eastmarsh")).words(at)
    browser = browser_help({"kind": "status", "record": help_record(catalog, org), "now": at.isoformat(),
                            "service": None})
    assert browser["words"] == python == words


def test_a_night_carried_on_from_a_day_with_other_hours_is_judged_by_the_holiday_in_both(catalog,
                                                                                        browser_help) -> None:
    """Hand-worked: the same service closed all Easter Sunday (an exception): its Monday 00:00 to 08:00 no
    longer carries on Sunday's hours, so at 02:00 on Easter Monday it is open by the holiday's usual hours
    only."""
    changed = org_data("eastmarsh-out-of-hours-vets")
    changed["exceptions"] = [*changed["exceptions"], {"date": "2027-03-28", "closed": True}]
    network = with_orgs(catalog, changed, *[org_data(o) for o in ORG_IDS if o != changed["id"]])
    org = organisation(network, "eastmarsh-out-of-hours-vets")
    at = datetime(2027, 3, 29, 2, 0, tzinfo=ZoneInfo("Europe/London"))
    python = status_at(org, "Europe/London", at, None, holidays_of(network, "eastmarsh")).words(at)
    browser = browser_help({"kind": "status", "record": help_record(network, org), "now": at.isoformat(),
                            "service": None})
    assert browser["words"] == python == "Public holiday: usually open until 08:00, ring first"


def test_a_service_with_its_own_hours_is_in_doubt_by_them_in_both(catalog, browser_help) -> None:
    """Hand-worked: Saltwick is open around the clock (never in doubt), but its CT runs Mon–Fri 08:00 to
    18:00, and nothing says whether it runs on Good Friday."""
    org = organisation(catalog, "saltwick-veterinary-hospital")
    holidays = holidays_of(catalog, "eastmarsh")
    for service, words in ((None, "Open now, 24 hours"),
                           ("ct", "Public holiday: usually open until 18:00, ring first")):
        python = status_at(org, "Europe/London", GOOD_FRIDAY, service, holidays).words(GOOD_FRIDAY)
        browser = browser_help({"kind": "status", "record": help_record(catalog, org),
                                "now": GOOD_FRIDAY.isoformat(), "service": service})
        assert browser["words"] == python == words
