"""Every problem message the code can produce has an invalid example with a `.expected` file (issue 17).

The messages are read from generator/ itself: the message argument of every `src.problem(path, message)`
and `Issue(file, line, column, field, message)` call, written as a string or f-string (an f-string's
fields match any text), plus the messages kept in named constants and helpers. A message matches when
some line of some `tests/examples/invalid/**/*.expected` has it after a field path.

A message with no example yet must be listed in NO_EXAMPLE_YET with the test that covers it instead;
the test fails for a message missing from both, and for an entry of NO_EXAMPLE_YET that has since got
an example or no longer exists, so the list only shrinks.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.helpers import INVALID, REPO

# message source as written in generator/ -> where it is tested today (it needs a tree shape, a note or
# a report the corpus cannot express yet)
NO_EXAMPLE_YET = {
    "f\"the places this alert affects are in different time zones ({', '.join(found_zones)})\"":
        "needs regions in two time zones, and the valid tree has one: tests/unit/alerts/test_alerts.py",
    # notes: kb check prints them, the corpus compares errors and warnings only
    "f'last rung {days} days ago; ring the {phone.type} line to check it (every {PHONE_CHECK_DAYS} days)'":
        "a note: tests/build/test_guidance.py",
    "'a clinic without coordinates cannot be sorted by distance for owners'": "a note: kb check prints no notes "
                                                                               "in the corpus",
    "f'review due on {review.next_review.isoformat()}'": "a note: kb check prints no notes in the corpus",
    "f'last verified {age} days ago; due for re-verification'": "a note: tests/unit/organisations/test_checks.py::"
                                                               "test_freshness_boundaries pins 180/181/364/365",
    # an example is one .yml or .md file put into the valid tree: these need a folder, a second file or a
    # file the corpus does not collect
    "'this folder is missing'": "a folder taken away: tests/build/test_hostile_files.py",
    "'this folder is a link to nothing (a broken symbolic link, or a loop of them); nothing in it is read'":
        "a folder that is a loop of links: tests/unit/core/test_no_silent_ignores.py",
    "f\"duplicate id '{entry_id}' (also in {entries[entry_id].source.display})\"":
        "two files of one id (x.yml and x.yaml; a file whose id differs from its name is refused before): "
        "the corpus collects .yml and .md examples only",
    "f'files in this folder must end in lower-case {suffix}'": "a '.YML' file, which the corpus does not collect: "
                                                               "tests/build/test_hostile_files.py",
    "f'folders inside {display_path(folder, root)} are not read'": "a folder: tests/build/test_hostile_files.py",
    "f\"'{equipment.holder}' has closed; retire or move this kit\"":
        "needs a closed organisation as well as the kit; the fixture network has none",
    "f\"'{alias}' is already an alias of '{claimed[folder, alias]}'\"":
        "needs two files with one alias; the fixture network has no aliases",
    "f'cannot read the file: {exc.strerror}'": "an unreadable file: tests/build/test_hostile_files.py",
}


def _pattern(node: ast.expr) -> str | None:
    """A regular expression for the messages an expression can give, or None when it is not written out."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(re.escape(part.value) if isinstance(part, ast.Constant) else ".+?" for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pattern(node.left), _pattern(node.right)
        return None if left is None or right is None else left + right
    return None


def _message_argument(call: ast.Call) -> ast.expr | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name == "problem" and len(call.args) >= 2:
        return call.args[1]
    if name == "Issue" and len(call.args) >= 5:
        return call.args[4]
    return None


def messages() -> dict[str, str]:
    """Each written-out message in generator/ (its source text) and the pattern it produces."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (argument := _message_argument(node)) is not None:
                pattern = _pattern(argument)
                if pattern is not None:
                    found[ast.unparse(argument)] = pattern
            # messages kept in a constant or built by a helper (the placeholder, the dose message)
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id.endswith("_MESSAGE")
                                                    for t in node.targets):
                found[ast.unparse(node.value)] = _pattern(node.value) or ""
            # a helper's default message (missing_folder's "this folder is missing")
            if isinstance(node, ast.FunctionDef):
                positional = node.args.posonlyargs + node.args.args
                defaults = zip(positional[len(positional) - len(node.args.defaults):], node.args.defaults, strict=True)
                for arg, default in [*defaults, *zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True)]:
                    if arg.arg == "message" and default is not None and (pattern := _pattern(default)):
                        found[ast.unparse(default)] = pattern
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_message"):
                for ret in (n for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None):
                    found[ast.unparse(ret.value)] = _pattern(ret.value) or ""
    return {source: pattern for source, pattern in found.items() if pattern}


def expected_lines() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(INVALID.rglob("*.expected")))


def _has_example(pattern: str, corpus: str) -> bool:
    # after "severity: field.path: " (the field path has no spaces)
    return re.search(r"(?:error|warning): \S+: " + pattern, corpus) is not None


def test_the_message_list_is_read_from_the_code() -> None:
    found = messages()
    assert len(found) >= 60, len(found)  # 85 calls today; far fewer means the reading broke
    assert "'the verification date is in the future'" in found
    assert found["f'{exception.date} has two exceptions, and one closes it all day'"] == (
        ".+?\\ has\\ two\\ exceptions,\\ and\\ one\\ closes\\ it\\ all\\ day")


def test_every_message_has_an_invalid_example() -> None:
    corpus = expected_lines()
    missing = [source for source, pattern in messages().items()
               if not _has_example(pattern, corpus) and source not in NO_EXAMPLE_YET]
    assert missing == [], "add an invalid example and .expected file for: " + "; ".join(missing)


def test_the_list_of_messages_without_an_example_only_shrinks() -> None:
    found, corpus = messages(), expected_lines()
    gone = [source for source in NO_EXAMPLE_YET if source not in found]
    covered = [source for source in NO_EXAMPLE_YET if source in found and _has_example(found[source], corpus)]
    assert gone == [] and covered == [], f"remove from NO_EXAMPLE_YET: {gone + covered}"


def test_the_check_sees_a_missing_example(tmp_path: Path) -> None:
    """Not vacuous: a message that no example has is reported."""
    assert not _has_example(re.escape("a message no example has"), expected_lines())
    assert _has_example(re.escape("this number is listed twice; list it once with the main type"),
                        expected_lines())
