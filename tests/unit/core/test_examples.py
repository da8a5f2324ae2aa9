"""The examples corpus: every valid example passes, every invalid one produces exactly the
messages written beside it.

An invalid example `tests/examples/invalid/<target>/<name>.yml` (or `.md`) is placed into a copy of
the valid tree: for <target> `organisations` at `directory/organisations/<name>.yml`, for a vocabulary
(`regions`, `species`, `services`, `kinds`, `languages`) over `directory/<target>.yml`; `problems` at
`content/triage/problems/<name>.yml`, `first-aid` at `content/first-aid/<name>.md`, `pages` at
`content/pages/<name>.md`, `tiers` and `signs` over `content/triage/<target>.yml`, `referral` over
`content/referral/protocol.yml`, `cases` and `training` at `content/<target>/<name>.yml` (an example may
replace a valid file of the same name).
`<name>.expected` holds the lines `kb check` must print for it, in order, without the summary line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.core.catalog import load_catalog
from generator.core.issues import Severity, report
from generator.core.settings import Settings
from tests.helpers import INVALID, VALID, make_tree

VOCABULARIES = {"regions", "species", "services", "kinds", "languages"}
CASES = sorted([*INVALID.glob("*/*.yml"), *INVALID.glob("*/*.md")])


def destination(example: Path) -> str:
    target = example.parent.name
    if target == "organisations":
        return f"directory/organisations/{example.name}"
    if target in VOCABULARIES:
        return f"directory/{target}.yml"
    if target == "problems":
        return f"content/triage/problems/{example.name}"
    if target == "first-aid":
        return f"content/first-aid/{example.name}"
    if target == "pages":
        return f"content/pages/{example.name}"
    if target in ("tiers", "signs"):
        return f"content/triage/{target}.yml"
    if target == "referral":
        return "content/referral/protocol.yml"
    if target in ("cases", "training", "metrics"):
        return f"content/{target}/{example.name}"
    if target in ("equipment", "volunteers"):
        return f"directory/{target}/{example.name}"
    raise AssertionError(f"unknown example folder {target}")


def check(tree: Path) -> list[str]:
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    return [p.text() for p in problems.sorted() if p.severity != Severity.NOTE]


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
    assert check(tree) == expected
