"""Open data: every export of the demo build read back with a real parser (json, csv, vobject, the
OpenAPI and JSON Schema validators, feedparser, zipfile), its counts checked against the catalog,
and no private field anywhere in it."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
import vobject
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi
from playwright.sync_api import Page
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.cli import main as kb_main
from generator.core.history import read_history
from generator.exports.csv_export import _cell
from generator.exports.vcard import region_clinics
from generator.kinds.organisations.views import organisation, orgs
from generator.kinds.training.views import module_list
from generator.site.history import RECENT
from tests.build.test_hostile import PAYLOAD, poison_tree
from tests.helpers import REPO, make_tree, page

SENTINEL = "Zqxv sentinel"


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _files(site: Path, under: str) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted((site / under).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def api(demo_site: Path) -> Path:
    return demo_site / "api"


# ---- the JSON API ----------------------------------------------------------------------------

def test_api_counts_match_the_catalog(api: Path, demo_catalog) -> None:
    index = _json(api / "v1" / "index.json")
    counts = {t["type"]: t["count"] for t in index["types"]}
    expected = {
        "organisations": len(demo_catalog.organisations), "regions": len(demo_catalog.regions),
        "species": len(demo_catalog.species), "services": len(demo_catalog.services),
        "kinds": len(demo_catalog.kinds), "languages": len(demo_catalog.languages), "tiers": len(demo_catalog.tiers),
        "signs": len(demo_catalog.signs), "body-systems": len(demo_catalog.body_systems),
        "problem-guides": len(demo_catalog.problems), "first-aid": len(demo_catalog.first_aid),
        "referral-protocol": 1, "cases": len(demo_catalog.cases), "training-modules": len(demo_catalog.modules),
        "training-placements": len(demo_catalog.placements),
        "equipment-types": len(demo_catalog.equipment_types), "equipment": len(demo_catalog.equipment),
        "volunteer-groups": len(demo_catalog.volunteers),
        # each region with figures, and the network
        "metrics": len({e.model.region for e in demo_catalog.metrics.values()}) + 1,
        "alerts": sum(1 for e in demo_catalog.alerts.values() if e.model.audience == "public"),
        "handbook": len(demo_catalog.handbook), "budgets": len(demo_catalog.budgets),
    }
    assert counts == expected and all(expected.values())
    for name, count in counts.items():
        listing = _json(api / "v1" / f"{name}.json")
        assert listing["count"] == len(listing["items"]) == count
        assert listing["licence"] == index["licence"]
        entries = sorted((api / "v1" / name).glob("*.json"))
        assert len(entries) == count
        assert [_json(p) for p in entries] == sorted(listing["items"], key=lambda item: item["id"])
    organisations = {o["id"]: o for o in _json(api / "v1" / "organisations.json")["items"]}
    for org in orgs(demo_catalog):
        published = organisations[org.id]
        assert published["name"] == org.name
        assert [p["number"] for p in published["contacts"]["phones"]] == [p.number for p in org.contacts.phones]
        assert published["url"].endswith(f"/organisations/{org.id}/")


def test_every_api_file_matches_its_openapi_schema(api: Path) -> None:
    document = _json(api / "v1" / "openapi.json")
    validate_openapi(document)
    registry = Registry().with_resource("urn:openapi", Resource.from_contents(document,
                                                                              default_specification=DRAFT202012))
    checked, failures = 0, []
    site = api.parent
    for path, item in document["paths"].items():
        for content in item["get"]["responses"]["200"]["content"].values():
            if "schema" not in content:
                continue
            validator = Draft202012Validator({"$ref": "urn:openapi" + content["schema"]["$ref"]}, registry=registry)
            pattern = re.compile("^" + re.sub(r"\\\{[a-z_-]+\\\}", "[^/]+", re.escape(path.lstrip("/"))) + "$")
            for name, file in _files(site, "api").items():
                if pattern.match(name):
                    checked += 1
                    failures += [f"{name}: {e.message[:160]}" for e in validator.iter_errors(_json(file))]
    assert checked > 200 and failures == []
    # the schemas are strict: a private field put back into an entry fails validation
    entry = _json(next((api / "v1" / "organisations").glob("*.json")))
    entry["contacts"]["phones"][0]["verified_on"] = "2026-11-02"
    validator = Draft202012Validator({"$ref": "urn:openapi#/components/schemas/OrganisationsEntry"},
                                     registry=registry)
    assert any("verified_on" in e.message for e in validator.iter_errors(entry))


def test_every_export_is_documented_on_use_our_data(demo_site: Path) -> None:
    html = page(demo_site, "open-data")
    documented = [li.select_one("code").get_text() for li in html.select("ul.kb-endpoints > li")]
    patterns = {p: re.compile("^" + re.sub(r"\\\{[a-z_-]+\\\}", "[^/]+", re.escape(p)) + "$") for p in documented}
    exported = [*_files(demo_site, "api"), "changes/feed.xml", "changes/guidance.xml", "training/sessions.xml",
                "training/sessions.ics", *_files(demo_site, "training/sessions"), "metrics/metrics.csv",
                "metrics/metrics.json", "alerts/feed.xml", "network/meetings.ics", "network/budget/budget.csv"]
    assert all((demo_site / name).is_file() for name in exported)
    undocumented = [name for name in exported if not any(p.match(name) for p in patterns.values())]
    unused = [p for p, pattern in patterns.items() if not any(pattern.match(name) for name in exported)]
    assert undocumented == [] and unused == []
    # and every endpoint says what it holds, in which format, with an example that exists
    for li in html.select("ul.kb-endpoints > li"):
        assert li.select_one(".kb-meta").get_text().strip("()") and li.select_one("strong")
        example = li.select_one("a")
        assert example is not None
        assert (demo_site / "open-data" / example["href"]).resolve().is_file()


def test_use_our_data_page_states_the_licence_and_is_linked_and_searchable(demo_site: Path, demo_catalog) -> None:
    html = page(demo_site, "open-data")
    licence = html.select_one("#licence ~ p a[rel~='license']")
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "CC-BY-4.0" in html.select_one("section[aria-labelledby='licence']").get_text()
    assert html.select_one("[data-pagefind-body]") is not None
    assert _json(demo_site / "api" / "v1" / "index.json")["licence"]["id"] == "CC-BY-4.0"
    for source in ("about", ""):
        links = [a["href"] for a in page(demo_site, source).select("article a")]
        assert any(href.rstrip("/").endswith("open-data") for href in links), source
    rows = {tr.th.get_text(strip=True): int(tr.td.get_text()) for tr in html.select("table.kb-open-data tbody tr")}
    assert rows["Organisations"] == len(demo_catalog.organisations)


# ---- privacy -----------------------------------------------------------------------------------

def _walk(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}", item
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


def test_no_private_field_in_any_json_export(api: Path, demo_catalog) -> None:
    leaks = []
    for name, file in _files(api.parent, "api").items():
        if file.suffix != ".json":
            continue
        for where, value in _walk(_json(file)):
            key = where.rsplit(".", 1)[-1]
            if key in ("verified_on", "consent_recorded", "contacts_by_tier", "time_to_vet"):
                leaks.append(f"{name}{where}")
            if key == "verified" and isinstance(value, dict) and set(value) != {"on"} and "openapi" not in name:
                leaks.append(f"{name}{where} has {sorted(value)}")
    assert leaks == []
    # the demo data has every kind of private value these checks look for
    assert any(p.verified_on for o in orgs(demo_catalog) for p in o.contacts.phones)
    notes = [e.model.notes for e in demo_catalog.equipment.values() if e.model.notes]
    assert notes
    text = "\n".join(p.read_text(encoding="utf-8") for p in _files(api.parent, "api").values() if p.suffix != ".zip")
    assert [n for n in notes if n in text] == []


def _reported(report: dict[str, Any], measure: str, category: str) -> int | float:
    """A figure as a region reported it (content/metrics/*.yml), read without the generator."""
    kind, _, what = measure.partition(":")
    if kind == "contacts":
        counts = report["contacts_by_tier"]
        return sum(counts.values()) if category == "all" else counts[category]
    if kind == "referrals":
        referrals = dict(report["referrals"])
        referrals["pending"] = referrals["requests"] - sum(referrals[k] for k in ("accepted", "declined", "expired"))
        return referrals[category]
    if kind == "outcomes":
        outcome = next(o for o in report["outcomes"] if o["problem"] == what)
        return sum(outcome[k] for k in ("recovered", "referred", "died")) if category == "all" else outcome[category]
    row = next(r for r in report["time_to_vet"] if r["tier"] == what)
    if kind == "minutes-to-vet":
        return row[f"{category}_minutes"]
    return {"within": row["within_target"], "outside": row["count"] - row["within_target"], "seen": row["count"]}[
        category]


def test_published_metrics_are_the_suppressed_figures(api: Path) -> None:
    exported = [row for entry in _json(api / "v1" / "metrics.json")["items"] for row in entry["rows"]]
    # the latest referrals worked out by hand from content/metrics/*-2026-10.yml: accepted / declined / expired /
    # pending / requests are Northvale 15/3/3/0/21, Eastmarsh 13/2/1/1/17, Southhaven 16/3/4/0/23, Westmoor
    # 10/1/0/1/12, network 54/9/8/2/73. Counts of 1 to 4 are hidden; the network's pending 2 is then the only
    # hidden figure of its row, which hides its smallest other figure, expired 8
    lt5, hidden = "fewer than 5", "not shown"
    expected = {"northvale": ("15", lt5, lt5, "0", "21"), "eastmarsh": ("13", lt5, lt5, lt5, "17"),
                "southhaven": ("16", lt5, lt5, "0", "23"), "westmoor": ("10", lt5, "0", lt5, "12"),
                "network": ("54", "9", hidden, lt5, "73")}
    referrals = {(r["region"], r["category"]): r["published_as"] for r in exported
                 if (r["period"], r["measure"]) == ("2026-10", "referrals")}
    assert referrals == {(region, category): shown for region, cells in expected.items()
                         for category, shown in zip(("accepted", "declined", "expired", "pending", "requests"),
                                                    cells, strict=True)}
    # every figure published is the one reported (a region's) or the sum of those reported (the network's)
    files = sorted((REPO / "content" / "metrics").glob("*.yml"))
    reports = {(r["region"], r["period"]): r for r in (yaml.safe_load(f.read_text(encoding="utf-8")) for f in files)}
    checked = 0
    for row in exported:
        if row["value"] is None:
            continue
        if row["region"] == "network":
            figure = sum(_reported(report, row["measure"], row["category"]) for (_, period), report in reports.items()
                         if period == row["period"])
        else:
            figure = _reported(reports[(row["region"], row["period"])], row["measure"], row["category"])
        assert row["value"] == figure, row
        checked += 1
    assert checked > 500, checked
    hidden = [r for r in exported if r["value"] is None]
    assert hidden and all(r["published_as"] for r in hidden)
    counts = [r["value"] for r in exported if not r["measure"].startswith("minutes-to-vet:")]
    assert all(value is None or value == 0 or value >= 5 for value in counts)  # 1 to 4 are never published


@pytest.fixture(scope="module")
def sentinel_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture tree with every private text field set to a value found nowhere else."""
    tree = make_tree(tmp_path_factory.mktemp("private"))
    for folder, fields in (("directory/organisations", ("verified",)), ("directory/volunteers", ("verified",)),
                           ("directory/equipment", ("notes",))):
        for path in sorted((tree / folder).glob("*.yml")):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
            if "verified" in fields:
                data["verified"]["by"] = f"{SENTINEL} practice manager"  # a role, as the field requires
            if "notes" in fields:
                data["notes"] = f"{SENTINEL} kit note"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    return tree / "site"


def test_private_values_never_reach_any_export(sentinel_site: Path) -> None:
    # private fields appear on no page either (tests/build/test_privacy.py searches every output file)...
    assert SENTINEL.lower() not in (sentinel_site / "organisations/pebblesham-vets/index.html").read_text().lower()
    # ...nor in any exported file, nor anything inside the archive
    exported = {**_files(sentinel_site, "api"), "changes/guidance.xml": sentinel_site / "changes/guidance.xml",
                "training/sessions.xml": sentinel_site / "training/sessions.xml"}
    contents = {name: path.read_bytes() for name, path in exported.items()}
    with zipfile.ZipFile(sentinel_site / "api" / "open-data.zip") as archive:
        contents.update({f"zip:{name}": archive.read(name) for name in archive.namelist()})
    assert len(contents) > 100
    assert [name for name, data in contents.items() if SENTINEL.lower().encode() in data.lower()] == []


# ---- CSV, vCards, archive, feeds -----------------------------------------------------------------

def test_directory_csv_round_trips(api: Path, demo_catalog) -> None:
    text = (api / "directory.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows] == sorted(demo_catalog.organisations)
    for row in rows:
        org = organisation(demo_catalog, row["id"])
        assert row["name"] == org.name and row["status"] == org.status
        if org.status == "closed":  # no numbers to copy, as on the page
            assert row["first_call"] == row["main_phones"] == row["emergency_phones"] == ""
        else:
            assert row["first_call"] == org.first_call.number
            assert row["emergency_phones"] == "; ".join(p.number for p in org.phones_of("emergency"))
        assert row["species"].split("; ") == [c.species for c in org.species]
        assert row["services"].split("; ") == [s.service for s in org.services]
        assert float(row["longitude"] or 0) == (org.location.coordinates.lon if org.location.coordinates else 0)
        assert (row["vcard"] == "") == (org.status == "closed")
    by_id = {r["id"]: r for r in rows}  # night cover in the words every page uses
    assert by_id["kettlemoor-veterinary-practice"]["night_cover"] == "Vet on call when closed"
    assert by_id["saltwick-veterinary-hospital"]["night_cover"] == "Open 24 hours, every day"
    assert by_id["eastmarsh-out-of-hours-vets"]["night_cover"].startswith("Open at night: ")
    assert by_id["larkspur-cross-veterinary-surgery"]["night_cover"] == (
        "Vet on call for its registered clients only: Every day 08:00–24:00")
    assert by_id["pebblesham-vets"]["night_cover"].startswith("Daytime only: Mon–Fri 08:30–18:30")
    assert by_id["southhaven-rat-rescue"]["night_cover"] == ""  # a rescue is not a clinic


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"https://x.example\")", "'=HYPERLINK(\"https://x.example\")"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-2+3", "'-2+3"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("+441632960100", "+441632960100"),
    (-1.084, "-1.084"), (None, ""), ("Southhaven", "Southhaven"),
])
def test_csv_cells_cannot_run_as_formulas(value: object, cell: str) -> None:
    assert _cell(value) == cell


def test_vcards_round_trip(api: Path, demo_catalog, demo_site: Path) -> None:
    cards = {p.stem: vobject.readOne(p.read_text(encoding="utf-8")) for p in (api / "vcards").glob("*.vcf")}
    open_orgs = [o for o in orgs(demo_catalog) if o.status != "closed"]
    assert sorted(cards) == sorted(o.id for o in open_orgs) and len(open_orgs) < len(demo_catalog.organisations)
    for org in open_orgs:
        card = cards[org.id]
        assert card.fn.value == org.name and card.org.value == [org.name]
        # an address book dials an extension after a pause (a comma) once the line answers
        assert [t.value for t in card.contents["tel"]] == [p.number.replace(";ext=", ",")
                                                           for p in org.contacts.phones]
        preferred = [t.value for t in card.contents["tel"] if "PREF" in t.params.get("TYPE", [])]
        assert preferred == [org.first_call.number.replace(";ext=", ",")]
        assert card.adr.value.street == org.location.address.street
        assert f"/organisations/{org.id}/" in card.note.value
    for region in demo_catalog.regions.values():
        path = api / "vcards" / "regions" / f"{region.id}.vcf"
        clinics = region_clinics(demo_catalog, region.id)
        link = page(demo_site, f"regions/{region.id}").select_one("a.kb-save-contact")
        assert path.is_file() == bool(clinics) == (link is not None)
        if clinics:
            names = [c.fn.value for c in vobject.readComponents(path.read_text(encoding="utf-8"))]
            assert names == [o.name for o in clinics]
            assert all(o.status == "active" for o in clinics)
            assert (demo_site / "regions" / region.id / link["href"]).resolve() == path.resolve()


def test_save_contact_link_on_organisation_pages(demo_site: Path, demo_catalog) -> None:
    for org in orgs(demo_catalog):
        link = page(demo_site, f"organisations/{org.id}").select_one("a.kb-save-contact")
        if org.status == "closed":
            assert link is None
            continue
        assert link is not None and link.has_attr("download") and link["href"] == f"../../api/vcards/{org.id}.vcf"
    get_help = page(demo_site, "get-help")
    regional = [a["href"] for a in get_help.select(".gh-save a[download]")]
    assert regional and all((demo_site / "get-help" / href).resolve().is_file() for href in regional)


def test_archive_holds_every_api_file_reproducibly(api: Path) -> None:
    with zipfile.ZipFile(api / "open-data.zip") as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        expected = {name.removeprefix("api/"): path for name, path in _files(api.parent, "api").items()
                    if not name.endswith(".zip")}
        assert sorted(n.removeprefix("open-data/") for n in names) == sorted([*expected, "README.txt"])
        assert all(archive.read(f"open-data/{name}") == path.read_bytes() for name, path in expected.items())
        readme = archive.read("open-data/README.txt").decode("utf-8")
    assert "CC-BY-4.0" in readme and "https://creativecommons.org/licenses/by/4.0/" in readme


def test_feeds_parse_and_match_the_catalog(demo_site: Path, demo_catalog) -> None:
    history = read_history(REPO)
    guidance_commits = [c for c in history.changes
                        if any(f.startswith(("content/triage/", "content/first-aid/", "content/referral/"))
                               for f in c.files)]
    sessions = [(m, s) for m in module_list(demo_catalog) for s in m.sessions
                if s.starts_at.date() >= demo_catalog.settings.today]
    expected = {"changes/feed.xml": min(RECENT, len(history.changes)),
                "changes/guidance.xml": min(RECENT, len(guidance_commits)),
                "training/sessions.xml": len(sessions)}
    assert expected["training/sessions.xml"] > 0 and expected["changes/guidance.xml"] > 0
    for name, count in expected.items():
        feed = feedparser.parse((demo_site / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.version == "atom10" and len(feed.entries) == count, name
        assert all(e.link.startswith("http") and e.updated_parsed for e in feed.entries)
    feed = feedparser.parse((demo_site / "training/sessions.xml").read_bytes())
    assert sorted(e.title.split(" (")[0] for e in feed.entries) == sorted(s.title.split(" (")[0] for _, s in sessions)
    assert all(any(link.type == "text/calendar" for link in e.links) for e in feed.entries)


# ---- bad and thin input ----------------------------------------------------------------------------

FORMULA = '=HYPERLINK("https://evil.example","call us")'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Script, markup, vCard and CSV separators in every free-text field, and a name that a
    spreadsheet would run as a formula."""
    tree = make_tree(tmp_path_factory.mktemp("hostile-exports"))
    poison_tree(tree)
    path = tree / "directory" / "organisations" / "pebblesham-vets.yml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    data["name"] = FORMULA
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    return tree / "site"


def test_hostile_text_survives_every_export_as_text(hostile_site: Path) -> None:
    api = hostile_site / "api"
    organisations = {o["id"]: o for o in _json(api / "v1" / "organisations.json")["items"]}
    assert PAYLOAD in organisations["southhaven-animal-emergency-hospital"]["summary"]
    for org_id, org in organisations.items():
        if org["status"] == "closed":
            continue
        card = vobject.readOne((api / "vcards" / f"{org_id}.vcf").read_text(encoding="utf-8"))
        assert card.fn.value == org["name"] and org["summary"] in card.note.value  # ; , \ and newlines escaped
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((api / "directory.csv").read_bytes().decode("utf-8-sig"),
                                                              newline=""))}
    assert rows.keys() == organisations.keys()
    assert rows["pebblesham-vets"]["name"] == "'" + FORMULA
    assert all(not r[c].startswith(("=", "@")) for r in rows.values() for c in r)
    for name in ("changes/guidance.xml", "training/sessions.xml"):
        assert not feedparser.parse((hostile_site / name).read_bytes()).bozo, name
    assert all(isinstance(_json(p), dict) for p in (api / "hsds").rglob("*.json"))


def test_a_network_without_training_metrics_cases_or_kit_still_exports(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    for folder in ("content/training", "content/placements", "content/metrics", "content/cases",
                   "directory/equipment", "directory/volunteers"):
        shutil.rmtree(tree / folder)
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--site-dir", str(tmp_path / "site")]) == 0
    site = tmp_path / "site"
    counts = {t["type"]: t["count"] for t in _json(site / "api" / "v1" / "index.json")["types"]}
    assert counts["organisations"] > 0
    assert [counts[n] for n in ("training-modules", "training-placements", "metrics", "cases", "equipment",
                                "volunteer-groups")] == [0] * 6
    assert _json(site / "api" / "v1" / "metrics.json")["items"] == []
    assert not (site / "training" / "sessions.xml").exists()
    documented = [code.get_text() for code in page(site, "open-data").select("ul.kb-endpoints > li p:first-child code")]
    assert "training/sessions.xml" not in documented and "api/v1/organisations/{id}.json" in documented


# ---- in the browser ------------------------------------------------------------------------------

@pytest.mark.browser
def test_save_contact_downloads_a_vcard_a_phone_can_read(page: Page, demo_url: str, demo_catalog) -> None:
    org = organisation(demo_catalog, "southhaven-animal-emergency-hospital")
    page.goto(demo_url + f"organisations/{org.id}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Save contact to your phone").click()
    assert download.value.suggested_filename == f"{org.id}.vcf"
    card = vobject.readOne(Path(download.value.path()).read_text(encoding="utf-8"))
    assert card.fn.value == org.name
    assert [t.value for t in card.contents["tel"]] == [p.number for p in org.contacts.phones]
