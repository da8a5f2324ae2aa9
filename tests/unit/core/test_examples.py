"""The examples corpus: every valid example passes, every invalid one produces exactly the
messages written beside it.

An invalid example `tests/examples/invalid/<target>/<name>.yml` (or `.md`) is placed into a copy of
the valid tree where its content type (the ContentType whose `examples` is <target>) keeps its files:
in its folder as `<name>.yml` (an example may replace a valid file of the same name), or over its one
file (a vocabulary, signs.yml, the referral protocol). `pages` go to `content/pages/<name>.md`.
`<name>.expected` holds the lines `kb check` must print for it, in order, without the summary line; when
`kb check` finds no error, the lines the build prints once it has planned every page (links leading
nowhere, generator/site/link_check.py) follow them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.core.issues import Severity, report
from generator.core.settings import Settings
from generator.kinds import REGISTRY
from generator.site.link_check import check_links
from generator.site.pipeline import load_catalog
from generator.site.plan import plan_pages
from tests.helpers import INVALID, VALID, make_tree

CASES = sorted([*INVALID.glob("*/*.yml"), *INVALID.glob("*/*.md")])
# examples folder -> the content type they are examples of; `pages` are the hand-written pages
BY_FOLDER = {ctype.examples: ctype for ctype in REGISTRY if ctype.examples}
PAGES = "content/pages"


def destination(example: Path) -> str:
    """Where an example goes in the tree: its type's folder (a new entry) or its type's file (replaced)."""
    target = example.parent.name
    if target == "pages":
        return f"{PAGES}/{example.name}"
    assert target in BY_FOLDER, f"unknown example folder {target}: name it in a ContentType's `examples`"
    ctype = BY_FOLDER[target]
    return f"{ctype.folder}/{example.name}" if ctype.folder else ctype.file


# Organisation examples are copies of a valid file with one mistake each: that they share its name,
# phone and address (a warning, tests/unit/core/test_no_silent_ignores.py) is not what they show.
COPY = "is this the same organisation?"


def check(tree: Path) -> list[str]:
    catalog, problems = load_catalog(Settings(root=tree, demo_data=True))
    found = [p.text() for p in problems.sorted() if p.severity != Severity.NOTE]
    if problems.failing(strict=False):  # the build plans nothing then
        return found
    return found + [p.text() for p in check_links(catalog, plan_pages(catalog), tree / PAGES)]


def test_valid_tree_has_no_errors_or_warnings() -> None:
    _, problems = load_catalog(Settings(root=VALID, demo_data=True))
    assert report(problems, strict=True)[:-1] == [p.text() for p in problems.sorted() if p.severity == Severity.NOTE]
    assert not problems.failing(strict=True)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25, "the issue asks for at least 25 invalid examples"


@pytest.mark.parametrize("example", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_invalid_example(example: Path, tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    dest = tree / destination(example)
    shutil.copyfile(example, dest)
    expected_file = example.with_suffix(".expected")
    assert expected_file.is_file(), f"{example.name} needs a {expected_file.name} beside it"
    expected = [line for line in expected_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert expected, f"{expected_file.name} is empty"
    found = check(tree)
    if not any(COPY in line for line in expected):  # an example is a valid file copied with one mistake
        found = [line for line in found if COPY not in line]
    assert found == expected
