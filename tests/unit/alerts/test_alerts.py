"""Alerts as the pages and "who can help now" read them: local times in the affected places' zone,
when each is current, and the check for places in two time zones."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from generator.common.notices import NOTICES, closure_at, not_ended
from generator.core.settings import Settings
from generator.kinds.alerts.model import Alert
from generator.kinds.alerts.views import check_time_zones, notice, split
from generator.kinds.organisations.availability import Need, who_can_help
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, catalog_with, org_data, with_orgs


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Settings(root=VALID, demo_data=True))[0]


def _alert(**changes) -> Alert:
    data = {"id": "power-cut", "title": "Power cut", "severity": "closure", "start": "2026-07-01 09:00",
            "end": "2026-07-01 15:00", "organisations": ["saltwick-veterinary-hospital"], "summary": "No power.",
            "instead": "Ring Eastmarsh Out-of-Hours Vets.", "issued_by": "Practice manager"}
    return Alert.model_validate({**data, **changes})


def test_local_times_are_read_in_the_regions_zone_with_summer_time(catalog) -> None:
    n = notice(catalog, _alert())
    assert n.starts == datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 09:00 in London in July is 08:00 UTC
    assert n.ends == datetime(2026, 7, 1, 14, 0, tzinfo=UTC)
    assert n.regions == ("eastmarsh",) and n.timezone == "Europe/London"
    assert n.when_words() == "From Wednesday 1 July 2026, 09:00 until Wednesday 1 July 2026, 15:00"


@pytest.mark.parametrize(("moment", "current"), [
    (datetime(2026, 7, 1, 7, 59, tzinfo=UTC), False), (datetime(2026, 7, 1, 8, 0, tzinfo=UTC), True),
    (datetime(2026, 7, 1, 13, 59, tzinfo=UTC), True), (datetime(2026, 7, 1, 14, 0, tzinfo=UTC), False)])
def test_current_from_its_start_until_just_before_its_end(catalog, moment: datetime, current: bool) -> None:
    n = notice(catalog, _alert())
    assert n.current(moment) is current
    assert (closure_at(catalog_with(catalog, **{NOTICES: [n]}), "saltwick-veterinary-hospital", moment, None)
            is not None) is current


def test_a_service_closure_closes_only_that_service(catalog) -> None:
    n = notice(catalog, _alert(services=["ct"]))
    during = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    network = catalog_with(catalog, **{NOTICES: [n]})
    assert closure_at(network, "saltwick-veterinary-hospital", during, "ct") is n
    assert closure_at(network, "saltwick-veterinary-hospital", during, None) is None
    ids = lambda need: [h.org.id for h in who_can_help(network, at=during, region="eastmarsh", need=need).now]  # noqa: E731
    assert "saltwick-veterinary-hospital" in ids(Need())
    assert "saltwick-veterinary-hospital" not in ids(Need(service="ct"))


def test_advice_and_disruption_never_close(catalog) -> None:
    during = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    for severity in ("advice", "disruption"):
        network = catalog_with(catalog, **{NOTICES: [notice(catalog, _alert(severity=severity))]})
        assert closure_at(network, "saltwick-veterinary-hospital", during, None) is None


def test_pages_carry_what_has_not_ended_and_the_archive_the_rest(catalog) -> None:
    ended = notice(catalog, _alert(id="old", start="2026-06-01 09:00", end="2026-06-02 09:00"))
    now = notice(catalog, _alert(id="now"))
    coming = notice(catalog, _alert(id="coming", start="2026-08-01 09:00", end="2026-08-02 09:00"))
    assert [n.id for n in not_ended([coming, ended, now], datetime(2026, 7, 1, 10, 0, tzinfo=UTC))] == ["now", "coming"]
    # the valid tree's one alert ended in October 2026: at a later build it is in the archive only
    later = catalog_with(catalog, settings=dataclasses.replace(catalog.settings, now=datetime(2026, 12, 1, tzinfo=UTC)))
    current, upcoming, archive = split(later, later.settings.now)
    assert (current, upcoming, [n.id for n in archive]) == ([], [], ["tollerby-marsh-power-cut"])


def test_places_in_two_time_zones_need_the_alerts_own(catalog) -> None:
    regions = {rid: r.model_copy(update={"timezone": "Europe/Dublin"}) if rid == "southhaven" else r
               for rid, r in catalog.regions.items()}
    alert = _alert(organisations=["saltwick-veterinary-hospital", "southhaven-animal-emergency-hospital"])
    entry = next(iter(catalog.alerts.values()))
    network = catalog_with(catalog, regions=regions, alerts={"two-zones": dataclasses.replace(entry, model=alert)})
    [problem] = check_time_zones(network, [])
    assert problem.field == "start"
    assert problem.message == ("the places this alert affects are in different time zones "
                               "(Europe/London, Europe/Dublin)")
    named = {"two-zones": dataclasses.replace(entry, model=alert.model_copy(update={"timezone": "Europe/London"}))}
    assert check_time_zones(catalog_with(network, alerts=named), []) == []


def test_a_demo_read_as_of_a_date_reads_its_alerts_then_in_python_as_in_the_browser(catalog) -> None:
    """Settings.clock_pinned: who can help now applies the closures current at the demo's moment, whatever
    the time asked about (help.js does the same with ALERT_CLOCK), so the two never disagree."""
    n = notice(catalog, _alert())
    pinned = dataclasses.replace(catalog.settings, now=datetime(2026, 7, 1, 10, 0, tzinfo=UTC),
                                 demo_as_of=date(2026, 7, 1))
    demo = catalog_with(catalog, settings=pinned, **{NOTICES: [n]})
    months_later = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    assert closure_at(demo, "saltwick-veterinary-hospital", months_later, None) is n
    real = catalog_with(catalog, **{NOTICES: [n]})
    assert closure_at(real, "saltwick-veterinary-hospital", months_later, None) is None


@pytest.mark.parametrize(("instead", "gap"), [
    # the 24-hour hospital sees no degus: from the alert's start
    (["southhaven-animal-emergency-hospital"], "on Tuesday 1 December at 09:00 (and perhaps later), none of these "
     "that can help then treats degus"),
    # with a daytime clinic that sees degus: at night, when only the hospital can help
    (["southhaven-animal-emergency-hospital", "day-degu-vets"], "on Tuesday 1 December at 17:00 (and perhaps "
     "later), none of these that can help then treats degus"),
    # the university hospital sees every animal the clinic does, around the clock
    (["southhaven-university-veterinary-hospital"], None),
    (["southhaven-university-veterinary-hospital", "southhaven-animal-emergency-hospital"], None),
])
def test_the_clinics_to_ring_instead_treat_the_closed_clinics_animals_whenever_they_help(
        catalog, instead: list[str], gap: str | None) -> None:
    from generator.kinds.alerts.checks import check_instead_covers_species  # noqa: PLC0415

    day_vets = {**org_data("southhaven-chinchilla-and-degu-clinic"), "id": "day-degu-vets", "name": "Day Degu Vets",
                "hours": [{"days": "mon-fri", "opens": "09:00", "closes": "17:00"}]}
    network = with_orgs(catalog, *[org_data(p.stem) for p in (VALID / "directory/organisations").glob("*.yml")],
                        day_vets)
    alert = _alert(organisations=["southhaven-chinchilla-and-degu-clinic"], instead_organisations=instead,
                   start="2026-12-01 09:00", end="2026-12-04 09:00")
    entry = next(iter(catalog.alerts.values()))
    found = [p.message for p in check_instead_covers_species(
        catalog_with(network, alerts={"flood": dataclasses.replace(entry, model=alert)}), [])]
    if gap is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(gap), found
    # a service's closure leaves the clinic seeing its animals: nothing to check
    only_triage = alert.model_copy(update={"services": ["triage"]})
    assert check_instead_covers_species(
        catalog_with(network, alerts={"flood": dataclasses.replace(entry, model=only_triage)}), []) == []
