"""The web-editor route (issue 20): the "Add or correct a clinic" page opens GitHub's new-file page
in directory/organisations/ carrying the real `kb new` template, and every page offers "Report a
problem with this page" (a prefilled issue form) and the way in for contributors."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, Route

from generator.core.issues import Severity
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree

REPO_URL = "https://github.com/example-network/small-mammal-kb"  # extra.source_repo in mkdocs.yml


@pytest.mark.browser
def test_add_a_clinic_opens_githubs_editor_with_the_template(page: Page, demo_url: str, tmp_path: Path) -> None:
    opened: list[str] = []

    def github(route: Route) -> None:  # no request leaves the machine: record where the link goes
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>GitHub</title><p>new file</p>")

    page.route(re.compile(r"^https://github\.com/"), github)
    page.goto(demo_url + "triage/gut-stasis/")
    page.get_by_role("link", name="Add or correct a clinic").click()
    page.wait_for_url(demo_url + "contribute/")
    assert page.get_by_role("heading", level=1).inner_text() == "Add or correct a clinic"
    page.get_by_role("link", name="Add a clinic on GitHub").click()
    page.wait_for_load_state()
    assert len(opened) == 1
    url = urlsplit(opened[0])
    assert url.path == "/example-network/small-mammal-kb/new/main/directory/organisations"
    query = parse_qs(url.query)
    assert query["filename"] == ["your-clinic-name.yml"]
    template = query["value"][0]
    assert template.startswith("# yaml-language-server: $schema=../../schemas/organisation.schema.json\n")
    assert "id: your-clinic-name\n" in template and "kind: change-me" in template

    # the template as GitHub's editor receives it, committed untouched, fails the check at each choice
    tree = make_tree(tmp_path)
    (tree / "directory/organisations/your-clinic-name.yml").write_text(template, encoding="utf-8")
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    mine = [p for p in problems.sorted() if p.path.endswith("your-clinic-name.yml") and p.severity != Severity.NOTE]
    assert {p.field for p in mine} >= {"kind", "location.region", "species[0].species", "name"}
    assert all(p.severity == Severity.ERROR or "placeholder" in p.message for p in mine)
