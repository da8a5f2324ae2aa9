"""Every problem in one run, and no false cascades (issue 16).

An entry is checked as far as it can be whatever else is wrong with it; an entry or vocabulary term
that exists but is invalid still counts as existing for references; a missing folder is reported once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.core.issues import Severity
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree

ORGS = "directory/organisations"


def check(tree: Path) -> list[str]:
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    return [p.text() for p in problems.sorted() if p.severity != Severity.NOTE]


def edit(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


def test_every_mistake_in_one_organisation_is_reported_in_one_run(tree: Path) -> None:
    """A copied file whose id was not changed, with schema mistakes and unknown ids besides."""
    copy = tree / ORGS / "pebblesham-copy.yml"
    shutil.copyfile(tree / ORGS / "pebblesham-vets.yml", copy)
    edit(copy, ("kind: general-practice", "kind: gp"), ("status: active", "status: open"),
         ("  - hamster\n", "  - hamstr\n"), ("  - radiography\n", "  - x-rays\n"),
         ("region: eastmarsh", "region: east-marsh"), ("partner: eastmarsh-out-of-hours-vets", "partner: nobody"),
         ("opens: \"08:30\"", "opens: 8am"), ("email: hello@pebblesham-vets.example", "email: hello"),
         ("website: https://pebblesham-vets.example", "website: http://pebblesham-vets.example"),
         ("country: GB", "country: GBR"), ("languages: [en]", "languages: [en, xx]"),
         ("  by: Practice manager", "  by: Practice manager\n  when: today"))
    found = [line for line in check(tree) if line.startswith(f"{ORGS}/pebblesham-copy.yml")]
    expected = [
        ("id", "id 'pebblesham-vets' does not match the file name 'pebblesham-copy.yml'"),
        ("kind", "unknown kind 'gp'"),
        ("status", "'open' is not one of"),
        ("species[1]", "unknown species 'hamstr'"),
        ("services[2]", "unknown service 'x-rays'"),
        ("contacts.email", "'hello' is not an e-mail address"),
        ("contacts.website", "links must start with https://"),
        ("location.address.country", "'GBR' is not a two-letter country code"),
        ("location.region", "unknown region 'east-marsh'"),
        ("hours[0].opens", "'8am' is not a time"),
        ("after_hours.partner", "unknown organisation 'nobody'"),
        ("languages[1]", "unknown language 'xx'"),
        ("verified.when", "unknown field 'when'"),
    ]
    for field, message in expected:
        assert any(f": error: {field}: " in line and message in line for line in found), (field, message, found)
    assert len(found) == len(expected), found


def test_an_invalid_organisation_still_exists_for_the_files_that_name_it(tree: Path) -> None:
    target = tree / ORGS / "southhaven-animal-emergency-hospital.yml"
    edit(target, ("status: active", "status: open"))
    found = check(tree)
    assert [line for line in found if "unknown organisation" in line] == []
    assert len(found) == 1 and "southhaven-animal-emergency-hospital.yml" in found[0] and "'open'" in found[0]


def test_an_unparseable_organisation_still_exists_for_the_files_that_name_it(tree: Path) -> None:
    target = tree / ORGS / "southhaven-animal-emergency-hospital.yml"
    target.write_text("id: southhaven-animal-emergency-hospital\nname: [\n", encoding="utf-8")
    found = check(tree)
    assert [line for line in found if "unknown organisation" in line] == []
    assert len(found) == 1 and "invalid YAML" in found[0]


def test_a_vocabulary_with_a_mistake_still_provides_its_ids(tree: Path) -> None:
    signs = tree / "content/triage/signs.yml"
    edit(signs, ("- id: not-eating\n", "- id: not-eating\n  colour: red\n"))
    colour_line = signs.read_text(encoding="utf-8").splitlines().index("  colour: red") + 1
    found = check(tree)
    assert [line for line in found if "unknown sign" in line] == []
    assert found == [f"content/triage/signs.yml:{colour_line}:3: error: [1].colour: unknown field 'colour'"]


def test_a_species_term_with_a_mistake_still_counts(tree: Path) -> None:
    edit(tree / "directory/species.yml", ("- id: hamster\n", "- id: hamster\n  wild: true\n"))
    found = check(tree)
    assert [line for line in found if "unknown species" in line] == []
    assert len(found) == 1 and "unknown field 'wild'" in found[0]


def test_a_missing_triage_folder_is_reported_once(tree: Path) -> None:
    shutil.rmtree(tree / "content/triage")
    assert check(tree) == ["content/triage:1:1: error: (file): this folder is missing: the triage scale, signs, "
                           "body systems and problem guides live in it (restore it from the repository "
                           "(git checkout -- content/triage))"]


def test_a_missing_referral_protocol_is_an_error(tree: Path) -> None:
    """Found by the nineteenth session's note: without it the referral pages went without a word, and
    the problem guides and the offline page kept their links to them."""
    (tree / "content/referral/protocol.yml").unlink()
    assert check(tree) == ["content/referral/protocol.yml:1:1: error: (file): this file is missing: the referral "
                           "page and form are made from it, and the problem guides and the offline page link to "
                           "them (restore it from the repository (git checkout -- content/referral/protocol.yml))"]


def test_a_missing_organisations_folder_is_reported_once(tree: Path) -> None:
    shutil.rmtree(tree / ORGS)
    assert check(tree) == [f"{ORGS}:1:1: error: (file): this folder is missing (restore it from the repository "
                           f"(git checkout -- {ORGS}))"]


def test_an_id_that_differs_from_the_file_name_does_not_hide_the_rules(tree: Path) -> None:
    """Rules beyond the schema (here: a temporarily closed organisation needs an alert) still run."""
    copy = tree / ORGS / "pebblesham-renamed.yml"
    (tree / ORGS / "pebblesham-vets.yml").rename(copy)
    edit(copy, ("status: active", "status: temporarily-closed"))
    found = check(tree)
    assert any("id 'pebblesham-vets' does not match the file name" in line for line in found)
    assert any("status: a temporarily closed organisation needs an alert" in line for line in found), found


@pytest.mark.parametrize(("path", "pairs", "expected"), [
    ("content/triage/tiers.yml", [("rank: 1\n", "rank: 1\n    shade: red\n")], ["unknown field 'shade'"]),
    ("content/referral/protocol.yml", [("  - tier: emergency-now", "  - tier: emergency")],
     ["unknown tier 'emergency'"]),
], ids=["tiers", "protocol"])
def test_guidance_mistakes_do_not_cascade(tree: Path, path: str, pairs, expected: list[str]) -> None:
    edit(tree / path, *pairs)
    found = check(tree)
    assert len(found) == len(expected), found
    for line, message in zip(found, expected, strict=True):
        assert line.startswith(path) and message in line


def test_a_metrics_file_reports_schema_and_reference_mistakes_together(tree: Path) -> None:
    path = tree / "content/metrics/eastmarsh-2026-10.yml"
    edit(path, ("region: eastmarsh", "region: east-marsh"), ("reported_by:", "reported_by: x\nreporter:"))
    found = [line for line in check(tree) if line.startswith("content/metrics/eastmarsh-2026-10.yml")]
    assert any("unknown region 'east-marsh'" in line for line in found), found
    assert any("unknown field 'reporter'" in line for line in found), found


def test_a_first_aid_page_with_a_bad_name_is_still_checked(tree: Path) -> None:
    source = next((tree / "content/first-aid").glob("*.md"))
    bad = source.with_name("Keeping_Warm.md")
    source.rename(bad)
    edit(bad, ("species:", "species: [hamstr]\nold_species:"))
    found = [line for line in check(tree) if "Keeping_Warm.md" in line]
    assert any("the file name is the page's address" in line for line in found), found
    assert any("unknown field 'old_species'" in line for line in found), found


def test_an_unknown_field_does_not_hide_the_rules(tree: Path) -> None:
    """A typo in a key is the commonest mistake: the entry's other rules still run in the same run."""
    edit(tree / ORGS / "pebblesham-vets.yml", ("status: active", "status: temporarily-closed\nstatuss: open"))
    found = check(tree)
    assert any("statuss: unknown field 'statuss'" in line for line in found), found
    assert any("status: a temporarily closed organisation needs an alert" in line for line in found), found


def test_a_country_code_in_small_letters_is_told_to_be_written_in_capitals(tmp_path) -> None:
    """From a contributor review: 'gb' was "not a two-letter country code such as GB", with no hint."""
    tree = make_tree(tmp_path)
    regions = tree / "directory" / "regions.yml"
    regions.write_text(regions.read_text(encoding="utf-8").replace("country: GB", "country: gb", 1), encoding="utf-8")
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    [problem] = [p for p in problems.sorted() if p.field.endswith("country")]
    assert problem.message == "'gb' is not a two-letter country code such as GB"
    assert problem.hint == "write it in capitals: GB"
