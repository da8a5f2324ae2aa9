"""Cases and training: de-identification, prerequisites, pathways, pages and the iCalendar feeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from generator.common.deidentify import find_identifiers
from generator.core.settings import Settings
from generator.kinds.cases.views import case_list, cases_for_guide
from generator.kinds.training.views import module_list, pathway
from generator.site.pipeline import load_catalog
from tests.helpers import VALID, page


@pytest.mark.parametrize(("text", "found"), [
    ("the owner rang from 01632 960123", [("a phone number", "01632 960123")]),
    ("microchip 985112004567890 scanned", [("a microchip number", "985112004567890")]),
    ("e-mailed owner@home.example", [("an e-mail address", "owner@home.example")]),
    ("seen on 12 March", [("a calendar date", "12 March")]),
    ("admitted 2026-03-04", [("a calendar date", "2026-03-04")]),
    ("admitted 04/03/2026", [("a calendar date", "04/03/2026")]),
    ("in March 2026", [("a calendar date", "March 2026")]),
])
def test_identifying_details_are_found(text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.what, f.text) for f in find_identifiers(text)] == found


@pytest.mark.parametrize("text", ["day 3: eating again", "+6 h: bright", "body condition 3/5", "pH 7.5",
                                  "weighed 850 g", "may need fluids", "recheck in 2 weeks"])
def test_clinical_text_is_not_flagged(text: str) -> None:
    assert list(find_identifiers(text)) == []


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = load_catalog(Settings(root=VALID, demo_data=True))
    assert not problems.failing(strict=True)
    return catalog


def test_pathways_put_prerequisites_first(catalog) -> None:
    checked = 0
    for audience in ("owner", "vet", "technician", "rescue-volunteer"):
        order = [m.id for m in pathway(catalog, audience)]
        for position, module_id in enumerate(order):
            for prerequisite in catalog.modules[module_id].model.prerequisites:
                # a prerequisite is in the pathway (never silently left out), and comes first
                assert prerequisite in order, (audience, module_id, prerequisite)
                assert order.index(prerequisite) < position
                checked += 1
    assert checked  # the fixture has prerequisites, so the loop above checked something
    assert pathway(catalog, "owner")[0].id == "small-mammal-handling-basics"


def test_session_feed_lists_upcoming_sessions_only(fixture_site: Path, catalog) -> None:
    feed = Calendar.from_ical((fixture_site / "training/sessions.ics").read_bytes())
    events = feed.walk("VEVENT")
    sessions = [(m.id, s.id, s.start.date().isoformat()) for m in module_list(catalog) for s in m.sessions]
    expected = [(m, s) for m, s, day in sessions if day >= "2026-11-21"]
    past = [(m, s) for m, s, day in sessions if day < "2026-11-21"]
    assert len(events) == len(expected) > 0 and past
    uids = {str(e["uid"]).split("@")[0] for e in events}
    assert uids == {f"{m}--{s}" for m, s in expected}
    first = events[0]
    assert first["dtstart"].dt.tzinfo is not None and str(first["dtstart"].dt.tzinfo) == "Europe/London"
    assert str(first["url"]).startswith("https://")
    # RFC 5545: every TZID used has its VTIMEZONE; UIDs name the site's host, not a build machine's port
    used = {str(e["dtstart"].params["TZID"]) for e in events}
    assert used == {str(tz["TZID"]) for tz in feed.walk("VTIMEZONE")} == {"Europe/London"}
    assert {str(e["uid"]).split("@")[1] for e in events} == {"127.0.0.1"}


def test_each_session_has_an_add_to_calendar_file(fixture_site: Path, catalog) -> None:
    module = next(m for m in module_list(catalog) if m.sessions)
    session = module.sessions[0]
    single = Calendar.from_ical((fixture_site / f"training/sessions/{module.id}--{session.id}.ics").read_bytes())
    (event,) = single.walk("VEVENT")
    assert [str(tz["TZID"]) for tz in single.walk("VTIMEZONE")] == [str(event["dtstart"].params["TZID"])]
    assert event["summary"] == f"{session.title} ({module.title})"
    links = [a["href"] for a in page(fixture_site, f"training/{module.id}").select("#sessions ~ ul a[download]")]
    assert f"../sessions/{module.id}--{session.id}.ics" in links


def test_module_page_self_check_works_without_javascript(fixture_site: Path, catalog) -> None:
    module = next(m for m in module_list(catalog) if m.questions)
    html = page(fixture_site, f"training/{module.id}")
    questions = html.select("fieldset.kb-question")
    assert len(questions) == len(module.questions)
    answer = questions[0].select_one("details.kb-question__answer")
    assert answer.summary.get_text() == "Show the answer"
    right = module.questions[0].options[module.questions[0].answer - 1]
    assert right in answer.get_text()
    assert html.select_one("h2#section-1").get_text() == module.sections[0].title


def test_case_pages_and_library(fixture_site: Path, catalog) -> None:
    case = case_list(catalog)[0]
    html = page(fixture_site, f"cases/{case.id}")
    filters = {f["data-pagefind-filter"] for f in html.select("[data-pagefind-filter]")}
    assert "type:Case" in filters and f"species:{catalog.species[case.species].label}" in filters
    assert any(f.startswith("outcome:") for f in filters) and any(f.startswith("tier:") for f in filters)
    timeline = [li.get_text(" ", strip=True) for li in html.select("ol.kb-timeline li")]
    assert timeline[0].startswith(case.timeline[0].at)
    library = page(fixture_site, "cases")
    items = library.select("#kb-case-list li.kb-case")
    assert len(items) == len(catalog.cases)
    assert {li["data-outcome"] for li in items} == {c.outcome for c in case_list(catalog)}


def test_problem_guides_list_their_cases(fixture_site: Path, catalog) -> None:
    guide_id, cases = next((g, cases_for_guide(catalog, g)) for g in catalog.problems if cases_for_guide(catalog, g))
    links = [a["href"] for a in page(fixture_site, f"triage/{guide_id}").select("#cases + ul a")]
    assert links == [f"../../cases/{c.id}/" for c in cases]


def test_kit_type_page_ranks_in_region_holders_first(fixture_site: Path) -> None:
    html = page(fixture_site, "kit/oxygen-cage")
    eastmarsh = [a.get_text() for a in html.select(".kb-kit-region[data-region='eastmarsh'] ol li:not([hidden]) "
                                                    "a:not(.kb-call)")]
    southhaven = [a.get_text() for a in html.select(".kb-kit-region[data-region='southhaven'] ol li:not([hidden]) "
                                                     "a:not(.kb-call)")]
    assert eastmarsh[0] == "Saltwick Veterinary Hospital"
    assert southhaven[0].startswith("Southhaven") and "Saltwick Veterinary Hospital" in southhaven


def test_overdue_kit_is_not_shown_as_available(tmp_path: Path, capsys) -> None:
    from generator.cli import main as kb_main
    from tests.helpers import make_tree

    tree = make_tree(tmp_path)
    kit = tree / "directory/equipment/saltwick-oxygen-cage-1.yml"
    kit.write_text(kit.read_text().replace("next_service_due: 2027-04-12", "next_service_due: 2026-10-01"))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 1  # a warning fails strict builds
    assert "next_service_due: service overdue since 2026-10-01" in capsys.readouterr().err
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    html = page(tree / "site", "kit/oxygen-cage")
    eastmarsh = " ".join(li.get_text(" ", strip=True)
                         for li in html.select(".kb-kit-region[data-region='eastmarsh'] li:not([hidden])"))
    assert "Saltwick" not in eastmarsh
    status = [li.select_one(".kb-kit__status").get_text() for li in html.select("#all + ul li.kb-kit")
              if "Saltwick" in li.get_text()]
    assert status == ["Service overdue · in-house use"]
    org = page(tree / "site", "organisations/saltwick-veterinary-hospital").select_one("#kit + ul").get_text()
    assert "Service overdue" in org and "Available" not in org


def test_problem_guides_list_kit_with_nearest_holders(fixture_site: Path) -> None:
    text = page(fixture_site, "triage/breathing-difficulty").select_one("ul.kb-kit-needed").get_text(" ", strip=True)
    assert "Oxygen cage" in text and "Eastmarsh: Saltwick Veterinary Hospital" in text


def test_region_pages_show_volunteer_cover(fixture_site: Path) -> None:
    cover = page(fixture_site, "regions/eastmarsh").select_one("#volunteers + ul").get_text(" ", strip=True)
    assert "Eastmarsh Coastal Transport Volunteers" in cover
    assert "No volunteer group covers Southhaven" in page(fixture_site, "regions/southhaven").get_text()
