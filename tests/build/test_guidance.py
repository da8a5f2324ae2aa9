"""Build the fixture tree and read the guidance pages: triage, first aid, referral, get help now."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from generator.cli import main as kb_main
from generator.core.issues import Severity
from generator.core.settings import Settings
from generator.kinds.triage.urgency import sign_limit, sign_tier
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree, page


def test_problem_guide_maps_signs_to_tiers_with_text_not_just_colour(fixture_site: Path) -> None:
    article = page(fixture_site, "triage/gut-stasis").select_one("article")
    items = article.select("ul.kb-urgency > li")
    assert len(items) == 4
    first = items[0]
    badge = first.select_one(".kb-tier")
    assert "kb-tier--emergency-now" in badge["class"]
    assert badge.get_text(" ", strip=True).startswith("!!! Emergency now")
    assert badge.select_one(".kb-sr-only").get_text() == ": urgency 1 of 5"
    assert "Bloated belly" in first.get_text()
    # the tiers come from signs.yml per species: one badge per tier, naming its species
    not_eating = next(li for li in items if "Not eating" in li.select_one(".kb-urgency__sign").get_text())
    badges = {b.select_one(".kb-tier__symbol").get_text(): (b["data-for"], b.get_text(" ", strip=True))
              for b in not_eating.select(".kb-urgency__badge")}
    assert badges["!!"][0] == "mouse hamster guinea-pig chinchilla degu"
    assert badges["!"][0] == "rat gerbil" and badges["!"][1].endswith("Rats, Gerbils")
    # species thresholds from the signs dictionary appear where they apply, numbers quoted from the data
    assert ("Guinea pig: Guinea pigs need to eat almost all the time; not eating for 6 hours or more is urgent"
            in article.get_text(" ", strip=True))
    assert "{{" not in str(article)


def test_problem_guide_sections_and_review(fixture_site: Path) -> None:
    article = page(fixture_site, "triage/gut-stasis").select_one("article")
    ids = [h["id"] for h in article.select("h2[id], h3[id]")]
    for section in ("urgency", "owners", "during", "do-not", "signs", "clinic", "arrival", "escalation", "equipment",
                    "reviewed"):
        assert section in ids
    assert "Do not force-feed" in article.select_one("ul.kb-do-not").get_text()
    review = article.select_one(".kb-review .kb-verified").get_text(" ", strip=True)
    assert "Reviewed on 12 October 2026 by the network clinical lead (exotics vet)" in review
    equipment = [a["href"] for a in article.select("#equipment + ul a")]
    assert "../../services/critical-care/" in equipment


def test_print_card_has_a_qr_code_for_the_page(fixture_site: Path) -> None:
    card = page(fixture_site, "triage/gut-stasis").select_one(".kb-print-card")
    assert card.select_one(".kb-print-card__url").get_text() == "http://127.0.0.1:8000/triage/gut-stasis/"
    img = card.select_one("img")
    assert img["src"] == "../../qr/triage/gut-stasis.svg"
    svg = ElementTree.parse(fixture_site / "qr/triage/gut-stasis.svg").getroot()
    assert svg.tag.endswith("svg")
    assert "http://127.0.0.1:8000/triage/gut-stasis/" in "".join(svg.itertext())


def test_search_metadata_on_guides(fixture_site: Path) -> None:
    body = page(fixture_site, "triage/gut-stasis").select_one("[data-pagefind-body]")
    filters = {f["data-pagefind-filter"] for f in body.select("[data-pagefind-filter]")}
    assert {"type:Problem guide", "species:Guinea pig", "tier:Emergency now", "tier:Within the hour"} <= filters
    keywords = body.select_one(".kb-keywords")
    assert keywords["data-pagefind-weight"] == "10" and "not pooping" in keywords.get_text()


def test_tier_and_sign_pages(fixture_site: Path) -> None:
    tier = page(fixture_site, "triage/tiers/emergency-now").select_one("article")
    heading = tier.select_one(".kb-card h2").get_text(" ", strip=True)
    assert heading.startswith("Urgency 1 of 5:") and "Emergency now" in heading
    assert tier.select_one("a[href='../../gut-stasis/']") is not None
    sign = page(fixture_site, "triage/signs/no-droppings").select_one("article")
    rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in sign.select("table.kb-thresholds tr")
            if tr.td}
    assert rows["Guinea pig"] == "No droppings for 8 hours or more, or only tiny, dry ones."
    assert sign.select_one("details.kb-clinical summary").get_text() == "For clinic staff"


def test_first_aid_markdown_is_rendered_and_species_index(fixture_site: Path) -> None:
    article = page(fixture_site, "first-aid/keeping-warm").select_one("article")
    assert article.select_one("h2#what-to-do") is not None
    assert "hot-water bottle" in article.select_one("ul").get_text()
    species = page(fixture_site, "first-aid/species/guinea-pig").select_one("article")
    assert species.select_one("a[href='../../../triage/gut-stasis/']") is not None
    assert species.select_one("a[href='../../keeping-warm/']") is not None


def test_referral_page_lists_receivers_and_fallback(fixture_site: Path) -> None:
    article = page(fixture_site, "referral").select_one("article")
    receivers = [a.get_text(strip=True) for a in article.select("#receivers ~ ul.kb-orgs .kb-org__name")]
    assert "Southhaven Animal Emergency Hospital" in receivers
    assert "Eastmarsh Hamster and Gerbil Rescue" not in receivers  # takes no referrals from vets
    text = article.get_text(" ", strip=True)
    assert "Duty emergency vet (referrals desk)" in text
    statuses = [dt.get_text(strip=True) for dt in article.select("#statuses + dl dt")]
    assert len(statuses) == 4
    timeline_rows = article.select("table.kb-timelines tbody tr")
    assert len(timeline_rows) == 5


def test_get_help_is_light_and_lists_who_answers_at_night_per_region(fixture_site: Path) -> None:
    raw = (fixture_site / "get-help/index.html").read_text()
    html = BeautifulSoup(raw, "html.parser")
    scripts = [s["src"] for s in html.select("script[src]")]
    assert scripts == ["../assets/offline.js", "../assets/help.js", "../assets/get-help.js"]  # no Material bundle
    assert html.select_one("link[rel=icon]")["href"] == "../assets/favicon.svg"  # no request for /favicon.ico
    assert [link["href"] for link in html.select("link[rel=stylesheet]")] == [
        "../assets/get-help.css", "../assets/tiers.css"]
    eastmarsh = html.select_one(".gh-region[data-region='eastmarsh']")
    night, day = (eastmarsh.select_one(sel) for sel in ("ul.gh-list:not(.gh-list--day)", "ul.gh-list--day"))
    names = [a.get_text() for a in night.select(".gh-clinic__name")]
    assert names[:2] == ["Saltwick Veterinary Hospital", "Eastmarsh Out-of-Hours Vets"]  # open at night 19:00-08:00
    covers = [c.get_text() for c in night.select(".gh-clinic__cover")]
    assert covers[0] == "Open 24 hours, every day" and covers[1].startswith("Open at night: ")
    assert "Pebblesham Vets" in [a.get_text() for a in day.select(".gh-clinic__name")]
    call = night.select_one("a.gh-call")
    assert re.fullmatch(r"tel:\+441632960\d{3}", call["href"])
    cards = html.select("section.kb-card h3")
    assert [c.select_one(".kb-sr-only").get_text() for c in cards][0] == "Urgency 1 of 5: "
    assert html.select_one(".gh-demo") is not None
    assert len(raw.encode()) < 60_000


def test_get_help_is_linked_first_from_every_page(fixture_site: Path) -> None:
    for path in ["", "directory", "triage/gut-stasis", "organisations/pebblesham-vets"]:
        bar = page(fixture_site, path).select_one("nav.kb-bar a")
        assert bar.get_text() == "Get help now"


def test_dose_like_text_fails_the_build(tmp_path: Path, capsys) -> None:
    tree = make_tree(tmp_path)
    guide = tree / "content/triage/problems/gut-stasis.yml"
    guide.write_text(guide.read_text().replace("Put a small amount of your pet's usual hay",
                                               "Give 2 ml of water, then a small amount of your pet's usual hay"))
    page_md = tree / "content/first-aid/keeping-warm.md"
    page_md.write_text(page_md.read_text().replace("## Do not\n", "## Do not\n\nNever give more than 0.5 mg/kg.\n"))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 1
    err = capsys.readouterr().err
    assert ("content/triage/problems/gut-stasis.yml:22:12: error: owner.before_transport[2]: '2 ml' looks like a dose; "
            "this site never states doses") in err
    assert re.search(r"content/first-aid/keeping-warm.md:36:22: error: \(body\): '0.5 mg/kg' looks like a dose", err)
    assert not (tree / "site").exists()


def test_markdown_bodies_cannot_inject_html(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    page_md = tree / "content/first-aid/keeping-warm.md"
    page_md.write_text(page_md.read_text() + "\n<script>alert(1)</script> & <img src=x onerror=alert(2)>\n")
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    raw = (tree / "site/first-aid/keeping-warm/index.html").read_text()
    assert "<script>alert(1)" not in raw and "<img src=x" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in raw


def test_finder_data_still_valid_json(fixture_site: Path) -> None:
    assert json.loads((fixture_site / "help/index.json").read_text())["regions"]


def test_audit_page_lists_overdue_items_by_risk(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    org = tree / "directory/organisations/saltwick-veterinary-hospital.yml"
    text = org.read_text()
    assert "verified_on: 2026-" in text
    org.write_text(re.sub(r"verified_on: 2026-\d\d-\d\d", "verified_on: 2026-06-01", text, count=1))
    guide = tree / "content/triage/problems/heatstroke.yml"
    guide.write_text(re.sub(r"next_review: \d{4}-\d\d-\d\d", "next_review: 2026-11-01", guide.read_text()))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in page(tree / "site", "audit").select("table.kb-audit tbody tr")]
    assert rows[0][0:2] == ["High", "Guidance"] and "review overdue since 2026-11-01" in rows[0][3]
    assert rows[0][4] == "content/triage/problems/heatstroke.yml"
    # when a line was last rung is private: not on the page, not even as a due date; kb check has it as a note
    raw = (tree / "site/audit/index.html").read_text(encoding="utf-8")
    assert "Emergency number" not in raw and "2026-08-30" not in raw and "2026-06-01" not in raw
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    assert any(p.path.endswith("saltwick-veterinary-hospital.yml") and p.severity == Severity.NOTE
               and "last rung 173 days ago; ring the emergency line to check it" in p.message for p in problems)
    rescue = [r for r in rows if "Eastmarsh Hamster and Gerbil Rescue" in r[2]]
    assert rescue and rescue[0][0] == "Medium"


def _tier_of(element) -> str:
    badge = element.select_one(".kb-tier")
    return next(c for c in badge["class"] if c.startswith("kb-tier--")).removeprefix("kb-tier--")


def test_every_page_shows_the_urgency_signs_yml_gives(demo_site: Path, demo_catalog) -> None:
    """One source of truth: the badges on every guide (each species' summary and the signs list)
    and on every sign page are what generator/kinds/triage/urgency.py computes from signs.yml."""
    for guide_id, entry in demo_catalog.problems.items():
        article = page(demo_site, f"triage/{guide_id}").select_one("article")
        for li in article.select("ul.kb-urgency > li"):
            sign_id = li.select_one(".kb-urgency__sign a")["href"].rstrip("/").split("/")[-1]
            shown = {s: _tier_of(b) for b in li.select(".kb-urgency__badge") for s in b["data-for"].split()}
            expected = {s: sign_tier(demo_catalog, sign_id, s).id for s in entry.model.species
                        if s in demo_catalog.signs[sign_id].species}
            assert shown == expected, (guide_id, sign_id)
        for species_id in entry.model.species:
            summary = article.select_one(f"#for-{species_id}")
            for line in summary.select(".kb-now__tier"):
                labels = line.select_one(".kb-now__signs").get_text(" ", strip=True).removeprefix("if: ").rstrip(".")
                for label in labels.split("; "):
                    sign = next(s for s in demo_catalog.signs.values() if s.label.lower() == label.lower())
                    assert sign_tier(demo_catalog, sign.id, species_id).id == _tier_of(line), (guide_id, label)
    for sign in demo_catalog.signs.values():
        article = page(demo_site, f"triage/signs/{sign.id}").select_one("article")
        tiers = {_tier_of(li) for li in article.select(".kb-now__tier:not(.kb-urgency__escalate)")}
        assert tiers == {sign_tier(demo_catalog, sign.id, s).id for s in sign.species}, sign.id


def test_tier_cards_print_the_advice_of_tiers_yml_and_no_macro_is_left(demo_site: Path, demo_catalog) -> None:
    html = BeautifulSoup((demo_site / "get-help/index.html").read_text(), "html.parser")
    for tier in demo_catalog.tiers.values():
        card = html.select_one(f"section.kb-card--{tier.id}")
        assert [li.get_text(" ", strip=True) for li in card.select("li")] == [a.text for a in tier.advice]
    assert "unless it has overheated" in html.select_one("section.kb-card--emergency-now").get_text()
    scope = html.select_one("#scope").get_text(" ", strip=True)
    assert "rats, mice, hamsters, gerbils, guinea pigs, chinchillas and degus only" in scope and "rabbit" in scope
    for path in [*demo_site.glob("triage/**/index.html"), *demo_site.glob("first-aid/**/index.html"),
                 *demo_site.glob("training/**/index.html"), demo_site / "api/v1/problem-guides.json",
                 demo_site / "api/v1/signs.json", demo_site / "api/v1/first-aid.json"]:
        if "changes" not in path.parts:  # "what changed" pages show the source file as written
            assert "{{" not in path.read_text(), path


def test_hand_written_pages_quote_signs_yml(demo_site: Path, demo_catalog) -> None:
    """The home page's "has not eaten for …" is signs.yml's number for guinea pigs, not a copy of it."""
    home = page(demo_site, "").select_one("article").get_text(" ", strip=True)
    words = sign_limit(demo_catalog, "not-eating", "guinea-pig").words()
    assert f"has not eaten for {words} needs a vet within the hour" in home
    assert "{{" not in (demo_site / "index.html").read_text()
