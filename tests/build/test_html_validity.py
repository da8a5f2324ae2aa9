"""Every generated page passes the Nu HTML Checker (npm `vnu-jar`, run with the system Java).

Errors in markup that mkdocs-material writes itself are listed below, each with the exact message and
the markup it is about; anything else is ours and fails the test. A listed exception that no longer
occurs also fails, so the list cannot silently outgrow the problems it excuses."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import REPO

VNU = REPO / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Upstream:
    why: str
    message: str  # start of the checker's message
    extract: str  # regular expression the offending markup matches


MATERIAL = (
    Upstream("Material's base.html puts autocomplete=off on its drawer and search toggle checkboxes",
             "Attribute “autocomplete” is only allowed when the input type is",
             r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'),
    Upstream("Material's table-of-contents partial labels the #__toc toggle, which its nav omits on some pages",
             "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
             r'<label class="md-nav__title" for="__toc">'),
)


def vnu(site: Path) -> list[dict]:
    java = shutil.which("java")
    assert java, "the HTML checker needs Java: `make test` installs Debian's default-jre-headless"
    assert VNU.exists(), "run `make test` (or npm install --prefix tools/vnu) to fetch vnu-jar"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                             str(site)], capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or result.stdout)["messages"]


def excused(message: dict) -> Upstream | None:
    for rule in MATERIAL:
        if message["message"].startswith(rule.message) and re.search(rule.extract, message.get("extract", "")):
            return rule
    return None


def describe(message: dict, site: Path) -> str:
    where = message.get("url", "").removeprefix("file:").removeprefix(str(site) + "/")
    return f"{where}:{message.get('lastLine')}: {message['message']} in {message.get('extract', '').strip()!r}"


@pytest.fixture(scope="module")
def demo_messages(demo_site: Path) -> list[dict]:
    return vnu(demo_site)


def test_demo_site_has_no_html_errors_from_our_templates(demo_site: Path, demo_messages: list[dict]) -> None:
    ours = [describe(m, demo_site) for m in demo_messages if excused(m) is None]
    assert ours == []


def test_every_excused_upstream_error_still_occurs(demo_messages: list[dict]) -> None:
    used = {excused(m) for m in demo_messages} - {None}
    assert used == set(MATERIAL)


def test_fixture_site_has_no_html_errors_from_our_templates(fixture_site: Path) -> None:
    ours = [describe(m, fixture_site) for m in vnu(fixture_site) if excused(m) is None]
    assert ours == []


def test_the_checker_reports_invalid_markup(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text('<!doctype html><html lang="en"><title>x</title>'
                                       '<form action=""><p id="a"></p><p id="a"></p></form>')
    messages = [m["message"] for m in vnu(tmp_path)]
    assert any("Duplicate ID" in m for m in messages)
    assert any("for attribute “action”" in m for m in messages)
