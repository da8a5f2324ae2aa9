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
MEMBERS_ALERT = "Zqxcanary members-only alert"  # an alert for members is in no public output at all
MEMBERS_ALERT_FILE = f"""# yaml-language-server: $schema=../../../../schemas/alert.schema.json
id: zqxcanary-referral-line
title: "{MEMBERS_ALERT}: referral line diverted"
severity: closure
start: 2026-10-01 08:00
end: 2099-10-01 08:00
organisations: [saltwick-veterinary-hospital]
summary: "{MEMBERS_ALERT} summary"
instead: "{MEMBERS_ALERT} instead"
issued_by: Referral coordinator
audience: members
"""


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
    ("Contacts", "direct_lines"): (["directory/organisations"],
                                   (r"(?m)^(contacts:\n)", "\\g<1>  direct_lines:\n    - type: referrals\n"
                                                           "      number: \"01632 960987\"\n"),
                                   ["960987", "960 987"]),
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
    (tree / "content/alerts/zqxcanary-referral-line.yml").write_text(MEMBERS_ALERT_FILE, encoding="utf-8")
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
    Every bundle: guidance in pagefind/, organisations in pagefind-clinics/ and the rest of the
    network in pagefind-network/."""
    texts = list(output_texts(canary_site))
    assert any(name.startswith("pagefind/fragment/") for name, _ in texts)
    clinics = [text for name, text in texts if name.startswith("pagefind-clinics/fragment/")]
    assert clinics and any("Pebblesham" in text for text in clinics)
    assert any(name.startswith("pagefind-network/fragment/") for name, _ in texts)


def test_a_members_only_alert_appears_in_no_output_file(canary_site: Path) -> None:
    texts = list(output_texts(canary_site))
    assert [name for name, text in texts if "zqxcanary" in text.lower()] == []
    # not vacuous: the fixture's public alert is published, on its page, in the API and in the feed
    public = {name for name, text in texts if "Tollerby Marsh Veterinary Practice closed by a power cut" in text}
    assert {"alerts/tollerby-marsh-power-cut/index.html", "alerts/feed.xml"} <= public
    assert any(name.startswith("api/") for name in public)
    # and the members-only closure does not change who can help now in the public build
    assert "saltwick-veterinary-hospital" in (canary_site / "help/eastmarsh.json").read_text(encoding="utf-8")
    assert '"closures":[]' in (canary_site / "help/eastmarsh.json").read_text(encoding="utf-8")


# ---- the members' edition (issue 21, part 4): the same sources, with what only members may see ------

@pytest.fixture(scope="module")
def members_site(canary_site: Path) -> Path:
    tree = canary_site.parent
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict", "--edition", "members"]) == 0
    return tree / "site-members"  # its own folder by default, beside the public site


def test_the_members_edition_carries_every_private_value(members_site: Path) -> None:
    texts = dict(output_texts(members_site))
    everything = "\n".join(texts.values()).lower()
    for (model, field), (_, _, needles) in CANARIES.items():
        if field == "consent_recorded":  # a gate: shown as "Recorded", never by its field name
            continue
        assert any(needle.lower() in everything for needle in needles), (model, field)
    assert MEMBERS_ALERT.lower() in texts["alerts/zqxcanary-referral-line/index.html"].lower()
    # and the members' closure applies to who can help now there
    assert '"closures":[[' in texts["help/eastmarsh.json"]


def test_every_members_page_says_members_only_and_asks_not_to_be_indexed(members_site: Path,
                                                                         canary_site: Path) -> None:
    pages = [p for p in members_site.rglob("*.html") if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'class="kb-members"' in html and '<meta name="robots" content="noindex, nofollow">' in html, path
    public = [p.read_text(encoding="utf-8") for p in canary_site.rglob("*.html")]
    assert not any('class="kb-members"' in html or "noindex, nofollow" in html for html in public)


def test_each_edition_has_its_own_search_index_and_offline_caches(members_site: Path, canary_site: Path) -> None:
    members_fragments = [t for n, t in output_texts(members_site) if n.startswith("pagefind")]
    assert any(MEMBERS_ALERT.lower() in t.lower() for t in members_fragments)  # its index holds members. pages
    assert 'const PREFIX = "kb-members-"' in (members_site / "sw.js").read_text(encoding="utf-8")
    assert 'const PREFIX = "kb-"' in (canary_site / "sw.js").read_text(encoding="utf-8")
