"""Hours that run through the night at a practice whose kind is not open at night are a warning (found by a
contributor review: "opens 18:30, closes 08:30", a day's hours swapped, passed silently and would tell owners
at 02:00 that the practice is open). Pebblesham is a general practice in the fixture; Eastmarsh
Out-of-Hours Vets an emergency hospital, a kind open at night."""

from __future__ import annotations

from typing import Any

import pytest

from generator.core.issues import Severity
from generator.core.settings import Settings
from generator.kinds.organisations.availability_checks import check_availability
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, org_data, with_orgs

ORG_IDS = sorted(p.stem for p in (VALID / "directory" / "organisations").glob("*.yml"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Settings(root=VALID, demo_data=True))[0]


def _night_problems(catalog, org_id: str, **changes: Any) -> list[tuple[str, str]]:
    changed = {**org_data(org_id), **changes}
    network = with_orgs(catalog, changed, *[org_data(o) for o in ORG_IDS if o != org_id])
    return [(p.field, p.message) for p in check_availability(network, [])
            if "through the night" in p.message and p.severity == Severity.WARNING]


SWAPPED = [{"days": "mon-fri", "opens": "18:30", "closes": "08:30"}]


@pytest.mark.parametrize(("changes", "fields"), [
    ({"hours": SWAPPED}, ["hours[0].closes"]),
    ({"exceptions": [{"date": "2026-12-24", "opens": "16:00", "closes": "10:00"}]}, ["exceptions[0].closes"]),
    ({"services": ["triage", {"service": "radiography", "hours": SWAPPED}]}, ["services[1].hours[0].closes"]),
    # late hours end before the night does; a closed date has no times
    ({"hours": [{"days": "fri", "opens": "18:00", "closes": "01:00"}]}, []),
    ({"hours": [{"days": "mon-fri", "opens": "08:30", "closes": "18:30"}]}, []),
    ({"exceptions": [{"date": "2026-12-25", "closed": True}]}, []),
    # a practice with a vet on site round the clock may be open at night
    ({"hours": SWAPPED, "after_hours": {"arrangement": "on-site-24h"}}, []),
])
def test_a_practice_open_through_the_night_is_asked_about(catalog, changes: dict, fields: list[str]) -> None:
    problems = _night_problems(catalog, "pebblesham-vets", **changes)
    assert [field for field, _ in problems] == fields
    assert all("18:30 to 08:30" in message or "16:00 to 10:00" in message for _, message in problems)


def test_a_kind_open_at_night_is_not_asked_about(catalog) -> None:
    assert _night_problems(catalog, "eastmarsh-out-of-hours-vets") == []
    assert catalog.kinds["emergency-hospital"].open_at_night
