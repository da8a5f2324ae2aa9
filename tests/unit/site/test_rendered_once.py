"""Fragments rendered once per build (generator/site/render.py `RenderedOnce`): an organisation's row
in a list ends with its status and the number to ring, the same in every list that names it, so the
lists take it from the first row that rendered it. A row must read exactly as if it had been rendered
on its own, for every organisation, on every page of the build whatever its depth."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from generator.core.specs import PageSpec
from generator.site.render import TEMPLATES, RenderedOnce, make_environment, render_body

# each organisation in the three kinds of list: a region's, a species' and a service's
# imported as the site's pages import it: without the page's context, the module made once
ROWS = ('{% import "macros.html" as m %}{% for org in orgs %}{{ m.org_row(org) }}|'
        '{% for c in org.species %}{{ m.species_row(org, terms.species[c.species]) }}|{% endfor %}'
        '{% for s in org.services %}{{ m.service_row(org, terms.services[s.service]) }}|{% endfor %}{% endfor %}')


def test_a_fragment_is_made_once_per_key() -> None:
    made: list[str] = []

    def fragment(name: str) -> Markup:
        made.append(name)
        return Markup(f"<b>{name}</b>")

    once = RenderedOnce()
    assert once(("tail", "a"), fragment, "a") == once(("tail", "a"), fragment, "a") == Markup("<b>a</b>")
    assert once(("tail", "b"), fragment, "b") == Markup("<b>b</b>")
    assert made == ["a", "b"]
    assert once(("tail", "empty"), lambda: Markup("")) == "" and once(("tail", "empty"), fragment, "x") == ""


def _environment(demo_catalog, tmp_path: Path, *, remembered: bool):
    (tmp_path / "rows.html").write_text(ROWS, encoding="utf-8")
    env = make_environment(demo_catalog, templates=[tmp_path, TEMPLATES])
    if not remembered:  # every row renders its own end, as before the fragments were remembered
        env.globals["rendered_once"] = lambda key, macro, *args: macro(*args)
    return env


def _rows(env, demo_catalog, page_url: str) -> list[str]:
    orgs = [entry.model for entry in demo_catalog.organisations.values()]
    spec = PageSpec(page_url + "index.md", "rows.html", "Rows", "", {"orgs": orgs})
    assert spec.url == page_url
    return render_body(env, spec).split("|")[:-1]


def test_every_row_reads_as_if_rendered_on_its_own(demo_catalog, tmp_path: Path) -> None:
    """One build's environment renders lists on pages at several depths in turn: each page's rows
    read as that page's rows rendered on their own, though later pages take the row ends made for
    the first (a row end holding anything of the page, such as a relative link, fails here)."""
    build = _environment(demo_catalog, tmp_path, remembered=True)
    alone = _environment(demo_catalog, tmp_path, remembered=False)
    for page_url in ("species/rat/eastmarsh/", "", "species/rat/", "alerts/flood/"):
        remembered = _rows(build, demo_catalog, page_url)
        assert remembered == _rows(alone, demo_catalog, page_url), page_url
        assert len(remembered) > len(demo_catalog.organisations)  # organisations listed more than once


def test_a_closed_clinic_has_no_number_and_a_temporarily_closed_one_keeps_it(demo_catalog, tmp_path: Path) -> None:
    rows = _rows(_environment(demo_catalog, tmp_path, remembered=True), demo_catalog, "species/rat/")
    closed = [row for row in rows if "stoneharrow-veterinary-clinic/" in row]
    paused = [row for row in rows if "tollerby-marsh-veterinary-practice/" in row]
    assert closed and all("kb-badge--closed" in row and "tel:" not in row for row in closed)
    assert paused and all("Temporarily closed" in row and 'href="tel:+' in row for row in paused)
    numbers = {row.split('href="tel:')[1].split('"')[0] for row in rows if "tel:" in row}
    assert len(numbers) > 10  # each organisation's own number, not the first row's


def test_one_line_for_its_own_clients_at_night_says_so_in_every_list(demo_catalog, tmp_path: Path) -> None:
    """A practice whose one line is answered by day and, out of hours, by its on-call vet for its
    registered clients only: each list gives that line with the words an owner needs at night (only
    practices with a separate on-call line had them)."""
    from tests.helpers import org_data, with_orgs  # noqa: PLC0415

    one_line = {**org_data(), "contacts": {"phones": [{"type": "main", "number": "01632 960001"}]},
                "after_hours": {"arrangement": "on-call", "clients_only": True}}
    for_anyone = {**one_line, "id": "anyone-vets", "name": "Anyone Vets",
                  "after_hours": {"arrangement": "on-call"}}
    catalog = with_orgs(demo_catalog, one_line, for_anyone)
    rows = _rows(_environment(catalog, tmp_path, remembered=True), catalog, "species/rat/")
    clients, anyone = ([row for row in rows if f"organisations/{org_id}/" in row] for org_id in
                       (one_line["id"], "anyone-vets"))
    assert clients and all(row.count("tel:") == 1 and row.rstrip().endswith(
        '<span class="kb-org__kind">out of hours for its registered clients only</span>  </li>') for row in clients)
    assert anyone and all("registered clients" not in row for row in anyone)


def test_organisation_pages_read_as_if_each_fragment_were_rendered_on_its_own(demo_catalog) -> None:
    """Organisation pages take their search filters, hours and species table from fragments made once
    per build by value (made_once, made_once_here): every page must read exactly as it does when each
    page renders its own, and some pages must have taken another's fragment."""
    from generator.site.fragments import RenderedOnce  # noqa: PLC0415
    from generator.site.plan import plan_pages  # noqa: PLC0415

    specs = [s for s in plan_pages(demo_catalog) if s.template == "organisation.html"]
    build = make_environment(demo_catalog)
    alone = make_environment(demo_catalog)
    alone.globals.update(made_once=lambda macro, *args: macro(*args),
                         made_once_here=lambda macro, *args: macro(*args))
    once = build.globals["rendered_once"]
    assert isinstance(once, RenderedOnce)
    for spec in specs:
        assert render_body(build, spec) == render_body(alone, spec), spec.url
    made = [key for key in once._made if not (isinstance(key[0], str) and key[0] == "row-tail")]
    assert len(specs) > 20 and len(made) < 3 * len(specs)  # three fragments a page, some shared


def test_a_fragment_with_links_is_shared_within_a_folder_and_leads_where_it_would_alone(
        demo_catalog, tmp_path: Path) -> None:
    """made_once_here: the species table links to species pages, the same from every organisation
    page; from pages of other folders or depths, and from a page whose own address starts the
    links' (found by a review: species/ then regions/ both got "hamster/"), each link leads where the
    table rendered on that page alone leads."""
    from urllib.parse import urljoin  # noqa: PLC0415

    (tmp_path / "table.html").write_text(
        '{% import "macros.html" as m %}{{ made_once_here(m.species_treated, org.species) }}', encoding="utf-8")
    org = next(entry.model for entry in demo_catalog.organisations.values())
    first = org.species[0].species

    def tables(env, urls):
        return {url: render_body(env, PageSpec(url + "index.md", "table.html", "T", "", {"org": org}))
                for url in urls}

    def addresses(url: str, html: str) -> list[str]:  # a site published under a path, as a project's is
        return [urljoin("https://x.example/kb/" + url, href) for href in re.findall(r'href="([^"]*)"', html)]

    urls = ["organisations/a/", "organisations/b/", "species/", "regions/", "alerts/flood/x/", "species/rat/", ""]
    for order in (urls, urls[::-1]):
        shared = tables(make_environment(demo_catalog, templates=[tmp_path, TEMPLATES]), order)
        for url in order:
            alone = make_environment(demo_catalog, templates=[tmp_path, TEMPLATES])
            alone.globals["made_once_here"] = lambda macro, *args: macro(*args)
            assert addresses(url, shared[url]) == addresses(url, tables(alone, [url])[url]), url
        assert shared["organisations/a/"] == shared["organisations/b/"]
        assert f'href="../../species/{first}/"' in shared["organisations/b/"]
        assert addresses("species/", shared["species/"])[0] == f"https://x.example/kb/species/{first}/"


def test_value_keys_are_equal_exactly_for_equal_values() -> None:
    from generator.common.hours import HoursException, Period  # noqa: PLC0415
    from generator.site.fragments import value_key  # noqa: PLC0415

    week = Period(days="mon-fri", opens="08:00", closes="18:00")
    assert value_key([week]) == value_key([Period(days=["mon", "tue", "wed", "thu", "fri"], opens="08:00",
                                                  closes="18:00")])
    assert value_key([week]) != value_key([Period(days="mon-fri", opens="08:00", closes="18:30")])
    assert value_key([week]) != value_key([Period(days="mon-thu", opens="08:00", closes="18:00")])
    closed = HoursException(date="2026-12-25", closed=True)
    assert value_key([closed]) != value_key([HoursException(date="2026-12-25", closed=True, note="Christmas")])
    hash(value_key(([week], [closed], "Europe/London")))
