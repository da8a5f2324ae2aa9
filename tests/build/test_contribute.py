"""The web-editor route (issue 20): the "Add or correct a clinic" page opens GitHub's new-file page
in directory/organisations/ carrying the real `kb new` template, and every page offers "Report a
problem with this page" (a prefilled issue form) and the way in for contributors."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from generator.cli import main as kb_main
from tests.helpers import make_tree, page

REPO_URL = "https://github.com/example-network/small-mammal-kb"  # extra.source_repo in mkdocs.yml


def test_every_page_can_report_a_problem_and_leads_contributors_in(demo_site: Path) -> None:
    for url in ("", "get-help/", "triage/gut-stasis/", "organisations/northvale-veterinary-emergency-centre/"):
        html = page(demo_site, url)
        report = html.find("a", string="Report a problem with this page")
        assert report is not None, url
        query = parse_qs(urlsplit(report["href"]).query)
        assert report["href"].startswith(f"{REPO_URL}/issues/new?")
        assert query == {"template": ["report-a-problem-with-a-page.yml"], "page": [f"http://127.0.0.1:8000/{url}"]}
        assert html.find("a", string="Add or correct a clinic") is not None, url


def test_without_a_repository_problems_are_reported_by_email(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "tree")
    config = tree / "mkdocs.yml"
    config.write_text(config.read_text().replace("  generator: false\n",
                                                 "  generator: false\n  feedback_email: network@kb.example\n"))
    assert kb_main(["-f", str(config), "build", "--site-dir", str(tmp_path / "site")]) == 0
    for url in ("", "get-help/", "triage/"):
        report = page(tmp_path / "site", url).find("a", string="Report a problem with this page")
        assert report is not None and report["href"].startswith("mailto:network@kb.example?subject="), url
    contribute = page(tmp_path / "site", "contribute/").get_text(" ", strip=True)
    assert "network@kb.example" in contribute and "Add a clinic on GitHub" not in contribute
