"""Nothing a contributor adds is ignored without a word (issue 20): a file where the site reads
nothing, and an entry that is probably another one copied, are warnings at their files (so
`kb check --strict`, which CI runs, fails until they are dealt with)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.core.issues import Severity
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree

ORGS = "directory/organisations"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


def warnings(tree: Path) -> list[str]:
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    return [p.text() for p in problems.sorted() if p.severity == Severity.WARNING]


def test_a_clean_tree_has_no_warnings(tree: Path) -> None:
    assert warnings(tree) == []


def test_files_where_the_site_reads_nothing_are_named(tree: Path) -> None:
    (tree / "directory/organisation").mkdir()
    shutil.copy(tree / ORGS / "pebblesham-vets.yml", tree / "directory/organisation/gullsway-vets.yml")
    (tree / "gullsway-vets.yml").write_text("id: gullsway-vets\n")
    (tree / "content/triage/notes.md").write_text("# Notes\n")
    (tree / "content/pages/extra").mkdir()
    (tree / "content/pages/extra/page.md").write_text("# A page mkdocs publishes\n")  # pages are all read
    assert warnings(tree) == [
        "content/triage/notes.md:1:1: warning: (file): this file is not read: from content/triage/ the site "
        "reads only body-systems.yml, problems/, signs.yml, tiers.yml (see CONTRIBUTING.md for where each "
        "kind of file goes)",
        "directory/organisation/gullsway-vets.yml:1:1: warning: (file): this file is not read: the site reads "
        "nothing from directory/organisation/ (did you mean directory/organisations/? move the file there)",
        "gullsway-vets.yml:1:1: warning: (file): this file is not read: the site reads nothing from the top of "
        "the repository (an organisation goes in directory/organisations/, named after its id; see "
        "CONTRIBUTING.md)",
    ]


def _copy(tree: Path, new_id: str, *changes: tuple[str, str]) -> None:
    text = (tree / ORGS / "pebblesham-vets.yml").read_text().replace("id: pebblesham-vets", f"id: {new_id}")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    (tree / ORGS / f"{new_id}.yml").write_text(text)


NEW_NAME = ("name: Pebblesham Vets", "name: Gullsway Vets")
NEW_PHONE = ('number: "01632 960240"', 'number: "01632 960251"')
NEW_STREET = ("street: 22 Shingle Street", "street: 3 Gull Lane")


@pytest.mark.parametrize(("changes", "shared", "line"), [
    ((), "the same name", 3),  # copied, only the id changed
    ((NEW_NAME, NEW_STREET), "the phone number 01632 960240", 31),
    ((NEW_NAME, NEW_PHONE), "the same address", 36),
])
def test_a_probable_copy_is_flagged_at_both_files(tree: Path, changes: tuple, shared: str, line: int) -> None:
    _copy(tree, "gullsway-vets", *changes)
    found = warnings(tree)
    assert len(found) == 2, found
    new, old = found  # in path order
    assert new.startswith(f"{ORGS}/gullsway-vets.yml:{line}:")
    assert f"{shared} as {ORGS}/pebblesham-vets.yml: is this the same organisation?" in new
    assert old.startswith(f"{ORGS}/pebblesham-vets.yml:{line}:") and f"as {ORGS}/gullsway-vets.yml" in old


def test_a_different_place_is_not_flagged(tree: Path) -> None:
    _copy(tree, "gullsway-vets", NEW_NAME, NEW_PHONE, NEW_STREET)
    assert warnings(tree) == []


def test_a_read_folder_that_is_a_loop_of_links_is_reported_not_a_crash(tree: Path) -> None:
    """The stray-file check lists each read folder for links: a folder that is a loop of symbolic links
    (cases -> cases-again -> cases) is not a folder to it, as to the loader, which reports it: the cases
    are not silently left out."""
    cases = tree / "content/cases"
    shutil.rmtree(cases)
    cases.symlink_to("cases-again")
    (tree / "content/cases-again").symlink_to("cases")
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    assert [p.text() for p in problems.sorted() if p.path == "content/cases"] == [
        "content/cases:1:1: error: (file): this folder is a link to nothing (a broken symbolic link, or a loop "
        "of them); nothing in it is read (point the link at a folder in the repository, or put the folder itself "
        "here)"]
