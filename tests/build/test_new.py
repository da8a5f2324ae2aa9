"""`kb new` writes a template for every kind that passes `kb check`, and refuses existing ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.cli.new import NEW_KINDS
from generator.cli.schemas import MARKER
from tests.helpers import make_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


# What a contributor picks where the comment beside a choice lists no ids (organisations, signs).
PICKED = {"organisation": "pebblesham-vets", "sign": "not-eating"}
# Entries whose file name is not free to choose: a budget is named by its year.
NEW_IDS = {"budget": "2031"}


def choose(text: str) -> str:
    """What a contributor does with each `change-me`: picks one of the ids the comment beside it (or
    on the line above) lists, or an id of the kind it names."""
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        value, _, comment = line.partition(" #")
        if "change-me" not in value or "change-me@" in value or value.lstrip().startswith("#"):
            continue
        if number and not comment.strip():  # the list is in the comment on the line above
            comment = lines[number - 1].partition("#")[2]
        listed = re.search(r"(?:choose one|from):\s*([a-z0-9-]+)", comment) or re.match(
            r"\s*#?\s*([a-z0-9-]+),", comment)  # or a list of ids on its own
        pick = listed.group(1) if listed else next(picked for word, picked in PICKED.items()
                                                   if word in comment + value)
        lines[number] = value.replace("change-me", pick, 1) + (" #" + comment if comment else "")
    return "".join(lines)


def fill_in(text: str) -> str:
    """What a contributor does with a template: choose where it says change-me, write real values
    where it says CHANGE (a role where a role is asked for)."""
    # an organisation's hours and night cover: what the comments beside them show
    # hours: the commented example above `hours: change-me`, uncommented, in its place
    text = re.sub(r"# hours:\n((?:#   - .*\n)+)hours: change-me\n",
                  lambda m: "hours:\n" + m.group(1).replace("#   - ", "  - "), text)
    text = text.replace("arrangement: change-me", "arrangement: none")
    text = choose(text)
    text = text.replace('number: "CHANGE"', 'number: "01632 960998"').replace("consent_recorded: CHANGE",
                                                                               "consent_recorded: true")
    text = text.replace("change-me@", "desk@")
    return re.sub(r'"CHANGE[^"\n]*"|CHANGE[^\n"]*', '"Written by the practice manager."', text)


def placeholder_lines(text: str) -> set[int]:
    """The lines with a value still marked CHANGE (a value in a block scalar is found at its key)."""
    lines = text.splitlines()
    found = set()
    for number, line in enumerate(lines, 1):
        value = line.split(" #")[0]
        if value.lstrip().startswith("#") or not re.search(r"\bCHANGE\b|change-me", value):
            continue
        found.add(number - 1 if number > 1 and lines[number - 2].rstrip().endswith("|") else number)
    return found


@pytest.mark.parametrize("kind", sorted(NEW_KINDS))
def test_a_new_entry_fails_the_strict_check_until_filled_in(tree: Path, kind: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    config = str(tree / "mkdocs.yml")
    entry_id = NEW_IDS.get(kind, f"brand-new-{kind}")
    assert main(["-f", config, "new", kind, entry_id]) == 0
    written = next((tree / NEW_KINDS[kind]).glob(f"{entry_id}.*"))
    text = written.read_text()
    if written.suffix == ".yml":
        assert text.startswith(MARKER)
    capsys.readouterr()
    assert main(["-f", config, "check", "--strict"]) == 1
    name = str(written.relative_to(tree))
    reported = [line for line in capsys.readouterr().err.splitlines() if line.startswith(name)]
    assert {int(line.split(":")[1]) for line in reported} == placeholder_lines(text), reported
    written.write_text(fill_in(text))
    assert main(["-f", config, "check", "--strict"]) == 0, capsys.readouterr().err


def test_the_case_template_does_not_answer_consent(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "case", "a-new-case"]) == 0
    text = (tree / "content/cases/a-new-case.yml").read_text()
    assert "consent_recorded: true" not in text and "consent_recorded: CHANGE" in text
    assert "consent_recorded" in capsys.readouterr().out  # the reminder


@pytest.mark.parametrize("bad", ["trailing-newline\n", "tab\there", "x" * 81, "y" * 300])
def test_new_refuses_ids_that_kb_check_would_refuse(tree: Path, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.name for p in (tree / "directory/organisations").iterdir())
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "organisation", bad]) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and err.count("\n") == 1
    assert ("at most 80 characters" in err) == (len(bad) > 80)
    assert sorted(p.name for p in (tree / "directory/organisations").iterdir()) == before


def test_the_longest_id_kb_new_accepts_is_one_kb_check_accepts(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    longest = "a" * 80
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "organisation", longest]) == 0
    capsys.readouterr()
    main(["-f", str(tree / "mkdocs.yml"), "check"])
    assert "is too long" not in capsys.readouterr().err


def test_new_refuses_an_existing_id(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (tree / "directory/organisations/pebblesham-vets.yml").read_text()
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "organisation", "pebblesham-vets"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert (tree / "directory/organisations/pebblesham-vets.yml").read_text() == before


def test_new_does_not_write_through_a_link_to_nothing(tree: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Found by an adversarial review: a dangling link does not 'exist', and kb new wrote through it,
    creating a file outside the repository."""
    outside = tmp_path / "outside" / "made-by-kb.yml"
    outside.parent.mkdir()
    (tree / "directory/organisations/dangling-org.yml").symlink_to(outside)
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "organisation", "dangling-org"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert not outside.exists()


def test_new_refuses_bad_ids_and_kinds(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "organisation", "Bad Id"]) == 1
    assert "not a valid id" in capsys.readouterr().err
    assert main(["-f", str(tree / "mkdocs.yml"), "new", "clinic", "x"]) == 1
    assert "unknown kind 'clinic'" in capsys.readouterr().err


def test_a_budget_named_by_anything_but_its_year_says_so(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kb new budget` takes the year from the file name it is given; any other name leaves the year to
    write, and once written, the file name must match it."""
    config = str(tree / "mkdocs.yml")
    assert main(["-f", config, "new", "budget", "2031"]) == 0
    assert "\nyear: 2031 " in (tree / "content/network/budget/2031.yml").read_text()
    assert main(["-f", config, "new", "budget", "next-year"]) == 0
    written = tree / "content/network/budget/next-year.yml"
    written.write_text(fill_in(written.read_text()).replace('year: "Written by the practice manager."', "year: 2032"))
    capsys.readouterr()
    assert main(["-f", config, "check", "--strict"]) == 1
    assert ("content/network/budget/next-year.yml:5:7: error: year: this is the budget for 2032 but the file is named "
            "next-year.yml (name the file 2032.yml)") in capsys.readouterr().err
