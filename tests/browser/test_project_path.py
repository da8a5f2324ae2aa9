"""The site works under a project path (as on GitHub Pages, https://owner.github.io/repo/): every
link, script and search request is relative, so the same build serves from /kb/ as from /."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def project_url(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("pages")
    shutil.copytree(demo_site, root / "kb")
    for url in serve(root):
        yield url + "kb/"


def test_search_finder_and_links_work_under_a_project_path(page: Page, project_url: str) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(project_url + "search/?q=chinchilla")
    expect(page.locator("#kb-search-results li a").first).to_be_visible()
    first = page.locator("#kb-search-results li a").first.get_attribute("href")
    assert first.startswith("/kb/")
    page.goto(project_url + "directory/find/?species=degu")
    expect(page.locator("#kb-finder-status")).to_contain_text("found")
    page.locator("#kb-finder-results a.kb-org__name").first.click()
    expect(page).to_have_url(re.compile(re.escape(project_url + "organisations/") + ".+/$"))
    page.goto(project_url + "get-help/")
    page.locator("a", has_text="Triage guides").click()
    expect(page).to_have_url(project_url + "triage/")
    assert failed == []
