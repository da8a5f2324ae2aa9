"""Build the fixture tree and read the generated HTML, JSON and search index."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from generator.cli import main as kb_main
from generator.host.search import NETWORK_BUNDLES
from tests.helpers import make_tree, page, soup

ORG = "organisations/southhaven-animal-emergency-hospital"


def test_organisation_page_puts_contacts_first_with_tel_links(fixture_site: Path) -> None:
    html = page(fixture_site, ORG)
    article = html.select_one("article")
    headings = [h.get_text(strip=True) for h in article.select("h2")]
    assert headings[0] == "Contact"
    calls = {a["href"]: a.get_text(" ", strip=True) for a in article.select(".kb-calls a")}
    assert calls == {"tel:+441632960100": "Main line 01632 960100",
                     "tel:+441632960101": "Emergency line 01632 960101",
                     "tel:+441632960102": "Referrals line 01632 960102"}
    assert article.select_one("a[href='mailto:reception@southhaven-aeh.example']")


def test_organisation_page_lists_species_limits_services_and_hours(fixture_site: Path) -> None:
    article = page(fixture_site, ORG).select_one("article")
    rows = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
            for tr in article.select("table.kb-species tbody tr")}
    assert rows["Mouse"][0] == "15 g"
    assert rows["Rat"][0] == "No limit"
    assert "Stabilisation only" in rows["Chinchilla"][1]
    services = [li.get_text(" ", strip=True) for li in article.select("ul.kb-services li")]
    # availability as data: CT's own hours, the oxygen cages' weight limit
    assert "CT scanning : Every day 08:00–18:00. The CT radiographer is on site in these hours only." in services
    assert "Oxygen therapy : Up to 2000 g. Two oxygen cages." in services
    ct = article.select_one("ul.kb-services [data-kb-service='ct']")  # its status now, from the page's record
    record = json.loads(article.select_one(".kb-open-line [data-kb-help-org]")["data-kb-help-org"])
    assert ct["data-kb-org"] == record["id"]
    assert record["services"]["ct"]["hours"] == [[[0, 1, 2, 3, 4, 5, 6], "08:00", "18:00"]]
    hours = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in article.select("table.kb-hours tbody tr")}
    assert hours["Monday"] == "00:00–24:00"
    assert "Open 24 hours" in article.select_one(".kb-open-line").get_text()
    assert "verified on 2 November 2026" in article.select_one(".kb-verified").get_text(" ", strip=True)


def test_overnight_hours_are_marked_and_partner_is_linked(fixture_site: Path) -> None:
    article = page(fixture_site, "organisations/eastmarsh-out-of-hours-vets").select_one("article")
    hours = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in article.select("table.kb-hours tbody tr")}
    assert hours["Tuesday"] == "19:00–08:00 (next day)"
    partner = article.select_one("#after-hours ~ p a[href*='saltwick-veterinary-hospital']")
    assert partner is not None and partner["href"] == "../saltwick-veterinary-hospital/"
    record = json.loads(article.select_one(".kb-open-line [data-kb-help-org]")["data-kb-help-org"])
    assert record["tz"] == "Europe/London" and [[0, 1, 2, 3, 4], "19:00", "08:00"] in record["hours"]
    # without JavaScript the status line says how it covers nights, which needs no clock
    assert article.select_one(".kb-open-line").get_text(strip=True).startswith("Open at night: ")


def test_json_ld_describes_veterinary_care(fixture_site: Path) -> None:
    html = page(fixture_site, ORG)
    data = json.loads(html.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == ["VeterinaryCare", "LocalBusiness"]  # LocalBusiness brings the Place properties
    assert data["telephone"] == "+441632960101"
    assert data["address"]["@type"] == "PostalAddress" and data["address"]["postalCode"] == "ZZ3 4AB"
    assert data["openingHoursSpecification"][0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert {c["contactType"] for c in data["contactPoint"]} == {"customer service", "emergency", "referrals"}
    assert data["url"] == f"http://127.0.0.1:8000/{ORG}/"


def test_search_filters_are_on_the_page(fixture_site: Path) -> None:
    html = page(fixture_site, ORG)
    body = html.select_one("[data-pagefind-body]")
    assert body is not None
    filters = {f["data-pagefind-filter"] for f in body.select("[data-pagefind-filter]")}
    assert {"type:Organisation", "species:Hamster", "region:Southhaven", "service:CT scanning",
            "kind:Emergency hospital"} <= filters


def test_region_page_puts_24_hour_cover_first(fixture_site: Path) -> None:
    cover = page(fixture_site, "regions/eastmarsh").select("ul.kb-orgs--cover li .kb-org__name")
    names = [a.get_text(strip=True) for a in cover]
    assert names[0] == "Saltwick Veterinary Hospital"
    assert "Eastmarsh Out-of-Hours Vets" in names
    assert "Pebblesham Vets" not in names  # a day practice is not after-hours cover


def test_region_page_lists_partner_clinics_in_other_regions(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    org = tree / "directory/organisations/pebblesham-vets.yml"
    org.write_text(org.read_text().replace("partner: eastmarsh-out-of-hours-vets",
                                           "partner: southhaven-animal-emergency-hospital"))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    text = page(tree / "site", "regions/eastmarsh").select_one("ul.kb-orgs--cover").get_text(" ", strip=True)
    assert "Southhaven Animal Emergency Hospital" in text and "in Southhaven · Covers Eastmarsh after hours" in text


def test_species_and_service_pages(fixture_site: Path) -> None:
    degus = page(fixture_site, "species/degu").select_one("article").get_text(" ", strip=True)
    assert "Southhaven Chinchilla and Degu Clinic" in degus
    assert "Pebblesham Vets" not in degus  # Pebblesham does not see degus
    ct = page(fixture_site, "services/ct").select_one("article").get_text(" ", strip=True)
    assert "Southhaven Animal Emergency Hospital" in ct and "Every day 08:00–18:00. The CT radiographer" in ct


def test_directory_home_groups_every_organisation_by_region(fixture_site: Path) -> None:
    article = page(fixture_site, "directory").select_one("article")
    sections = {s.h2.a.get_text(strip=True): [a.get_text(strip=True) for a in s.select(".kb-org__name")]
                for s in article.select("section")}
    assert set(sections) == {"Northvale", "Eastmarsh", "Southhaven", "Westmoor"}
    assert sections["Northvale"] == [] and "No organisations listed in Northvale yet" in article.get_text()
    assert sum(len(v) for v in sections.values()) == 8
    assert sections["Southhaven"][0] in ("Southhaven Animal Emergency Hospital",
                                         "Southhaven University Veterinary Hospital")


def test_navigation_does_not_list_every_entry(fixture_site: Path) -> None:
    nav = page(fixture_site, ORG).select_one("nav.md-nav--primary")
    links = [a["href"] for a in nav.select("a[href]")]
    assert not [href for href in links if "organisations/" in href]
    assert len(links) < 15


def test_demo_banner_and_no_third_party_assets(fixture_site: Path) -> None:
    for html_file in fixture_site.rglob("*.html"):
        html = soup(html_file)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) and "preload" not in (
                        element.get("rel") or []):
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{html_file}: third-party {tag} {value}"
    banner = page(fixture_site, ORG).select_one(".kb-demo")
    assert banner is not None and "fictional" in banner.get_text()


def test_who_can_help_data_is_one_file_per_region(fixture_site: Path) -> None:
    index = json.loads((fixture_site / "help/index.json").read_text())
    assert set(index["regions"]) == {"northvale", "eastmarsh", "southhaven", "westmoor"}
    eastmarsh = json.loads((fixture_site / "help" / index["regions"]["eastmarsh"]["url"]).read_text())
    assert set(eastmarsh["regions"]) == {"eastmarsh"}
    region = eastmarsh["regions"]["eastmarsh"]
    assert [c[0] for c in region["candidates"]][:2] == ["saltwick-veterinary-hospital", "eastmarsh-out-of-hours-vets"]
    assert set(eastmarsh["orgs"]) >= {"saltwick-veterinary-hospital", "pebblesham-vets",
                                      "eastmarsh-hamster-and-gerbil-rescue"}  # the finder lists rescues too
    pebblesham = eastmarsh["orgs"]["pebblesham-vets"]
    assert pebblesham["phone"] == {"tel": "+441632960240", "display": "01632 960240", "label": "Main line"}
    assert pebblesham["services"]["dentistry"]["species"] == ["rat", "guinea-pig"]
    assert not eastmarsh["orgs"]["eastmarsh-hamster-and-gerbil-rescue"]["vet"]


def test_search_index_covers_every_indexable_page(fixture_site: Path) -> None:
    marked = [f for f in fixture_site.rglob("*.html") if "data-pagefind-body" in f.read_text(encoding="utf-8")]
    indexed = 0
    # guidance, the organisations, then the directory, cases and training
    for bundle in ("pagefind", "pagefind-clinics", "pagefind-network"):
        entry = json.loads((fixture_site / bundle / "pagefind-entry.json").read_text())
        indexed += sum(language["page_count"] for language in entry["languages"].values())
    assert indexed == len(marked) > 20
    assert (fixture_site / "pagefind/pagefind.js").is_file()


def test_the_search_page_merges_every_network_bundle_the_build_writes(fixture_site: Path) -> None:
    """The bundles the search page merges on request are the ones the build indexes (two names for
    one list, in theme/kb/search.html and generator/host/search.py), and each exists."""
    root = page(fixture_site, "search").select_one("[data-kb-search]")
    merged = [url.strip("./") for url in root["data-kb-network"].split()]
    assert merged == [bundle.folder for bundle in NETWORK_BUNDLES]
    assert all((fixture_site / folder / "pagefind-entry.json").is_file() for folder in merged)


def test_text_fields_are_escaped(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    org = tree / "directory/organisations/pebblesham-vets.yml"
    hostile = "<script>alert(1)</script> & <b onmouseover=alert(2)>bold</b>"
    text = org.read_text()
    text = re.sub(r"summary: >-\n(  .*\n)+", f"summary: '{hostile}'\n", text)
    text = text.replace("  - No mice or degus.", f"  - \"{hostile}\"")
    org.write_text(text)
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    raw = (tree / "site/organisations/pebblesham-vets/index.html").read_text()
    assert "<script>alert(1)" not in raw and "<b onmouseover" not in raw
    html = BeautifulSoup(raw, "html.parser")
    assert html.select_one("meta[name=description]")["content"] == hostile
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onmouseover=alert(2)&gt;" in raw
    assert html.select_one(".kb-lede").get_text() == hostile


def test_hostile_names_cannot_break_out_of_the_title(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    org = tree / "directory/organisations/pebblesham-vets.yml"
    name = 'Vets</title><script>alert(1)</script>"'
    org.write_text(org.read_text().replace("name: Pebblesham Vets", f"name: '{name}'"))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    raw = (tree / "site/organisations/pebblesham-vets/index.html").read_text()
    assert "<script>alert(1)" not in raw
    html = BeautifulSoup(raw, "html.parser")
    assert html.title.get_text().startswith(name)
    assert html.select_one("article h1").get_text() == name


def test_demo_banner_is_one_setting(tmp_path: Path) -> None:
    tree = make_tree(tmp_path, demo_data=False)
    for org in (tree / "directory").rglob("*.yml"):
        # real sites reject fictional numbers, so give the fixture ordinary-looking numbers
        org.write_text(re.sub(r'"01632 960(\d{3})"', r'"0121 234 5\1"', org.read_text()))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    assert page(tree / "site", ORG).select_one(".kb-demo") is None


def test_a_renamed_entry_keeps_its_old_address(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    old = tree / "directory/organisations/pebblesham-vets.yml"
    new = tree / "directory/organisations/pebblesham-seaside-vets.yml"
    new.write_text(old.read_text().replace("id: pebblesham-vets",
                                           "id: pebblesham-seaside-vets\naliases: [pebblesham-vets]"))
    old.unlink()
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 0
    redirect = soup(tree / "site/organisations/pebblesham-vets/index.html")
    assert redirect.select_one("meta[http-equiv=refresh]")["content"] == "0; url=../pebblesham-seaside-vets/"
    assert redirect.select_one("a")["href"] == "../pebblesham-seaside-vets/"
    assert (tree / "site/organisations/pebblesham-seaside-vets/index.html").is_file()


def test_an_alias_cannot_shadow_a_current_entry(tmp_path: Path, capsys) -> None:
    tree = make_tree(tmp_path)
    org = tree / "directory/organisations/pebblesham-vets.yml"
    org.write_text(org.read_text().replace("id: pebblesham-vets",
                                           "id: pebblesham-vets\naliases: [saltwick-veterinary-hospital]"))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "check"]) == 1
    assert "aliases[0]: 'saltwick-veterinary-hospital' is a current id, not an old one" in capsys.readouterr().err
