"""Freshness from git: the "what changed" page, recent changes, the Atom feed and page footers show
commits made in a temporary repository."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

from generator.cli import main as kb_main
from tests.helpers import make_tree, page

ATOM = "{http://www.w3.org/2005/Atom}"
WHEN = "2026-11-02T10:00:00+00:00"


def git(tree: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(tree), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "Coordinator", "GIT_AUTHOR_EMAIL": "coordinator@example.org",
                        "GIT_COMMITTER_NAME": "Coordinator", "GIT_COMMITTER_EMAIL": "coordinator@example.org",
                        "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN, "PATH": "/usr/bin:/bin"})


def test_history_pages_show_commits(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    (tree / "mkdocs.yml").write_text((tree / "mkdocs.yml").read_text().replace(
        "  generator: false", "  generator: false\n  source_repo: https://github.com/example-network/kb"))
    git(tree, "init", "-q", "-b", "main")
    git(tree, "add", "-A")
    git(tree, "commit", "-q", "-m", "Import the network's data")
    guide = tree / "content/triage/problems/gut-stasis.yml"
    guide.write_text(guide.read_text().replace("Collect any droppings", "Collect all droppings"))
    git(tree, "commit", "-q", "-am", "Clarify what to bring for gut stasis")
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    site = tree / "site"

    changes = page(site, "triage/gut-stasis/changes").select("ol.kb-changes li")
    history = [li.get_text(" ", strip=True) for li in changes]
    assert len(history) == 2
    assert history[0].startswith("2 November 2026 : Clarify what to bring for gut stasis")
    assert "Import the network's data" in history[1]

    footer = page(site, "triage/gut-stasis").select_one("footer.kb-source")
    assert "content/triage/problems/gut-stasis.yml" in footer.get_text()
    assert footer.select_one("time")["datetime"] == "2026-11-02"
    edit = footer.select_one("a[href^='https://']")["href"]
    assert edit == "https://github.com/example-network/kb/edit/main/content/triage/problems/gut-stasis.yml"

    recent = page(site, "changes").select("ol.kb-changes li")
    assert "Clarify what to bring for gut stasis" in recent[0].get_text()
    assert recent[0].select_one("a")["href"] == "../triage/gut-stasis/"

    feed = ElementTree.parse(site / "changes/feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}title").text == "Clarify what to bring for gut stasis"
    assert entries[0].find(f"{ATOM}link").get("href") == "http://127.0.0.1:8000/triage/gut-stasis/"


def test_without_git_there_is_simply_no_history(tmp_path: Path) -> None:
    tree = make_tree(tmp_path / "not-a-repo")
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build"]) == 0
    assert "built without its history" in page(tree / "site", "changes").get_text()
