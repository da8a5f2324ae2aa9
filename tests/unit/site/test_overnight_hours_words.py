"""A period that runs past midnight reads the same wherever weekly hours are written: the organisation's
hours table, a volunteer group's availability and the one-line summary of exports and notes all say
"(next day)" through one function (generator/common/schedule.py span_words), and so do an organisation's
special hours for a date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from generator.common.hours import HoursException, Period
from generator.common.schedule import hours_summary, span_words
from generator.site.plan import plan_pages
from generator.site.render import make_environment, render_body

NIGHT = Period(days=["mon"], opens="18:00", closes="08:00")
TO_MIDNIGHT = Period(days=["tue"], opens="18:00", closes="24:00")


def test_span_words() -> None:
    assert span_words("18:00", "08:00") == "18:00–08:00 (next day)"
    assert span_words("18:00", "24:00") == "18:00–24:00"
    assert span_words("08:00", "18:00") == "08:00–18:00"


def test_every_page_that_lists_weekly_hours_marks_the_night(demo_catalog) -> None:
    env = make_environment(demo_catalog, site_url="https://example.org/")
    specs = {spec.template: spec for spec in plan_pages(demo_catalog) if spec.template in (
        "organisation.html", "volunteer-group.html")}
    org_spec, group_spec = specs["organisation.html"], specs["volunteer-group.html"]
    org = org_spec.context["org"].model_copy(update={"hours": [NIGHT, TO_MIDNIGHT]})
    group = group_spec.context["group"].model_copy(update={"hours": [NIGHT, TO_MIDNIGHT]})
    for spec, key, value in ((org_spec, "org", org), (group_spec, "group", group)):
        body = render_body(env, replace(spec, context={**spec.context, key: value}))
        assert "18:00–08:00 (next day)" in body, spec.template
        assert "18:00–24:00 (next day)" not in body and "18:00–24:00" in body, spec.template
    assert hours_summary([NIGHT, TO_MIDNIGHT]).startswith("Mon 18:00–08:00 (next day); Tue 18:00–24:00")


def test_special_hours_that_run_past_midnight_say_so_as_weekly_hours_do(demo_catalog) -> None:
    env = make_environment(demo_catalog, site_url="https://example.org/")
    spec = next(spec for spec in plan_pages(demo_catalog) if spec.template == "organisation.html")
    special = [HoursException(date=date(2026, 12, 31), opens="20:00", closes="02:00"),
               HoursException(date=date(2027, 1, 1), opens="18:00", closes="24:00")]
    org = spec.context["org"].model_copy(update={"exceptions": special})
    body = render_body(env, replace(spec, context={**spec.context, "org": org}))
    assert "20:00–02:00 (next day)" in body
    assert "18:00–24:00" in body and "18:00–24:00 (next day)" not in body
    assert all(span_words(e.opens, e.closes).endswith("(next day)") == e.overnight for e in special)
