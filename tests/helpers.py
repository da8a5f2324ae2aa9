"""Shared helpers: fixture trees, building sites and reading their HTML."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
VALID = REPO / "tests" / "examples" / "valid"
INVALID = REPO / "tests" / "examples" / "invalid"
TODAY = "2026-11-21"


def make_tree(dest: Path, *, demo_data: bool = True) -> Path:
    """Copy the valid fixture tree to ``dest`` with an mkdocs.yml that uses the repository's theme."""
    shutil.copytree(VALID, dest, dirs_exist_ok=True)
    (dest / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Fixture network
        site_url: http://127.0.0.1:8000/
        docs_dir: content/pages
        site_dir: site
        strict: true
        theme:
          name: material
          custom_dir: {REPO / 'theme'}
          font: false
          favicon: assets/favicon.svg
        plugins:
          - kb
        extra:
          demo_data: {'true' if demo_data else 'false'}
          generator: false
        extra_css:
          - assets/kb.css
          - assets/tiers.css
        markdown_extensions:
          - attr_list
          - md_in_html
        nav:
          - Get help now: get-help.md
          - Home: index.md
          - Triage: triage/index.md
          - Referral: referral/index.md
          - Find a clinic: directory/find.md
          - Directory: directory/index.md
          - Search: search.md
        """), encoding="utf-8")
    return dest


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    return soup(site / url / "index.html")


def org_data(org_id: str = "pebblesham-vets") -> dict:
    """An organisation of the valid fixture tree as plain data (read as the build reads YAML), to change
    for a unit test."""
    from generator.core.sources import parse_text  # noqa: PLC0415

    path = VALID / "directory" / "organisations" / f"{org_id}.yml"
    source, _ = parse_text(path.read_text(encoding="utf-8"), path.name)
    return source.data


def with_orgs(catalog, *datas: dict):
    """A copy of ``catalog`` whose organisations are exactly ``datas`` (validated as the build does), so
    the organisation rules run on one changed entry in milliseconds instead of a whole tree in seconds."""
    import yaml  # noqa: PLC0415

    from generator.core.loading import Entry, Loaded  # noqa: PLC0415
    from generator.core.sources import parse_text  # noqa: PLC0415
    from generator.kinds.organisations.model import Organisation  # noqa: PLC0415

    entries = {}
    for data in datas:
        display = f"directory/organisations/{data['id']}.yml"
        source, problems = parse_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), display)
        assert source is not None and not problems, problems
        org = Organisation.model_validate(source.data, context={"country": "GB", "allow_fictional": True})
        entries[org.id] = Entry(org, source)
    return catalog_with(catalog, organisations=Loaded(entries, sources=[e.source for e in entries.values()],
                                                      known=entries))


def catalog_with(catalog, settings=None, **store):
    """A copy of ``catalog`` with other ``settings`` and other collections (``store``: name -> entries);
    the original, often a module's shared fixture, is left as it was."""
    import copy  # noqa: PLC0415

    # the Catalog is a store, not a dataclass: the copy gets its own store and no memoised views
    copied = copy.copy(catalog)
    copied.__dict__.update(_store=dict(catalog.__dict__["_store"]), _memo={})
    if settings is not None:
        copied.settings = settings
    for name, value in store.items():
        copied.put(name, value)
    return copied


@contextmanager
def node_harness(harness: Path, script: Path) -> Iterator[Callable[[dict], dict]]:
    """Ask a browser script questions under Node: ``harness`` loads ``script`` and answers one JSON
    line per question (tests/unit/*/..._harness.js). One Node process for the whole block."""
    node_path = shutil.which("node")
    # a failure, not a skip: CI sets up Node (and make test needs npm), so a skip would hide the comparison
    assert node_path is not None, f"Node is needed to run the browser's {script.name}: install Debian's nodejs"
    node = subprocess.Popen([node_path, str(harness), str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, encoding="utf-8")

    def ask(request: dict) -> dict:
        node.stdin.write(json.dumps(request) + "\n")
        node.stdin.flush()
        answer = json.loads(node.stdout.readline())
        assert "error" not in answer, answer["error"]
        return answer
    try:
        yield ask
    finally:
        node.stdin.close()
        node.wait(timeout=10)
