"""Private fields appear nowhere in the public build (issue 16).

The one rule: every field listed in generator/exports/public.py PRIVATE is kept for the network's own
work and appears in no output file at all: not on pages, not in the search index, not in exports,
feeds or downloads, and not in anything computed from it (a due date is the private date plus a known
interval). This test gives every private field a canary value, builds the site and searches every
file it wrote, with compressed files (Pagefind's index and fragments, the sitemap, the open-data
archive) opened first.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.cli import main as kb_main
from generator.exports.public import PRIVATE
from generator.site.audit import PHONE_CHECK_DAYS
from tests.helpers import make_tree

TEST_CALL = date(2026, 8, 31)  # a date found nowhere else in the fixture tree
VERIFIER = "Zqxcanary practice manager"  # a role, as the field requires
KIT_NOTE = "Zqxcanary kit note: kept in the back office"


def long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


# Each private field, how the canary reaches it in the YAML, and what must never appear in the site.
CANARIES: dict[tuple[str, str], tuple[list[str], tuple[str, str], list[str]]] = {
    ("Verification", "by"): (["directory/organisations", "directory/volunteers"],
                             (r"(?m)^(verified:\n  on: .*\n  by: ).*$", rf"\g<1>{VERIFIER}"), [VERIFIER]),
    ("Phone", "verified_on"): (["directory/organisations", "directory/volunteers"],
                               (r"(?m)^(\s+verified_on: ).*$", rf"\g<1>{TEST_CALL.isoformat()}"),
                               [d for day in (TEST_CALL, TEST_CALL + timedelta(days=PHONE_CHECK_DAYS))
                                for d in (day.isoformat(), long_date(day))]),
    ("Equipment", "notes"): (["directory/equipment"], (r"(?m)^notes:.*\n(?:  .*\n)*", f'notes: "{KIT_NOTE}"\n'),
                             [KIT_NOTE]),
    # a gate, not a value: only cases with consent are published, and the record itself never is
    ("Case", "consent_recorded"): ([], ("", ""), ["consent_recorded"]),
    # a key, not a value: a borrower is an organisation, whose id and name are public anyway, so no
    # canary value can be unique; the fixture's kit has loans, and no export may carry their borrower
    # (tests/build/test_kit_loans.py checks that the kit pages name none)
    ("Loan", "borrower"): ([], ("", ""), ['"borrower"']),
}
KEYS = {"consent_recorded", '"borrower"'}  # needles that are names, found in the fixture's YAML by design


def output_texts(site: Path):
    """(file, text) for every file of the built site, compressed ones opened."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":  # gzip: Pagefind's pf_index, pf_meta, pf_filter, pf_fragment; sitemap.xml.gz
            raw = gzip.decompress(raw)
        if path.suffix == ".zip":
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                for name in archive.namelist():
                    yield f"{path.relative_to(site)}!{name}", archive.read(name).decode("utf-8", "replace")
            continue
        yield str(path.relative_to(site)), raw.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def canary_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("canary"))
    everything = "\n".join(p.read_text(encoding="utf-8") for p in tree.rglob("*") if p.suffix in (".yml", ".md"))
    for _, _, needles in CANARIES.values():
        for needle in needles:
            if needle not in KEYS:
                assert needle not in everything, f"choose another canary than {needle!r}: the fixture has it"
    placed = 0
    for folders, (pattern, replacement), _ in CANARIES.values():
        for folder in folders:
            for path in (tree / folder).glob("*.yml"):
                text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"))
                path.write_text(text, encoding="utf-8")
                placed += count
    assert placed >= 10, "the canaries must reach the fixture's files"
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 0
    return tree / "site"


def test_every_private_field_has_a_canary() -> None:
    declared = {(model.__name__, name) for model, names in PRIVATE.items() for name in names}
    assert declared == set(CANARIES), "give each private field a canary here, so the test covers it"


def test_no_private_value_appears_in_any_output_file(canary_site: Path) -> None:
    needles = [needle.lower() for _, _, found in CANARIES.values() for needle in found]  # pages change case
    leaks = [(name, needle) for name, text in output_texts(canary_site) for needle in needles
             if needle in text.lower()]
    assert leaks == []


def test_the_search_index_was_searched(canary_site: Path) -> None:
    """The canary search would be empty if Pagefind's files were not opened: they hold the pages' words.
    Both bundles (issue 19): guidance in pagefind/, organisations and the rest of the network in
    pagefind-network/."""
    texts = list(output_texts(canary_site))
    assert any(name.startswith("pagefind/fragment/") for name, _ in texts)
    network = [text for name, text in texts if name.startswith("pagefind-network/fragment/")]
    assert network and any("Pebblesham" in text for text in network)
