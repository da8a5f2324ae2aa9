"""The checks of published text shared by every content type (generator/common/text_checks.py): doses in
YAML and Markdown, `kb new` placeholders, unsafe links and attribute lists. Fast and table-driven, each
case with the exact problems expected, and text that must pass (issue 17: mutation-tested)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from generator.common.text_checks import (
    DOSE_HINT,
    PLACEHOLDER_HINT,
    PLACEHOLDER_MESSAGE,
    body_problems,
    check_site_pages,
    check_text,
    dose_message,
    dose_problems,
    markdown_field_problems,
    markdown_problems,
)
from generator.core.issues import Issue, Severity, Stage
from generator.core.sources import Source

F = "content/first-aid/a.yml"
SCHEME_HINT = ""
SLASHES = ("a link starting with '//' leads off the site without saying where",
           "write the whole address, starting with https://")
ATTRIBUTES = ("attribute lists ('{: …}') are not allowed here", "remove it: the site's templates decide how text looks")


def scheme(name: str) -> tuple[str, str]:
    return f"links to '{name}:' are not allowed; use https://, mailto: or tel:", ""


def source(text: str, display: str = F) -> Source:
    return Source(Path(display), display, yaml.safe_load(text), text)


def test_dose_message() -> None:
    assert dose_message("2 ml") == "'2 ml' looks like a dose; this site never states doses"


# ---- markdown_problems: (column, message, hint) per unsafe link or attribute list in one line -------------

LINKS = [
    # (line, expected problems)
    ("[ok](https://example.org) and [mail](mailto:a@b.example) and [call](tel:+441632960000)", []),
    ("[in site](../referral/) and [anchor](#top) and [page](page.md)", []),
    ("[x](javascript:alert(1))", [(5, *scheme("javascript"))]),
    ("[x](JavaScript:alert(1))", [(5, *scheme("javascript"))]),  # the scheme is named in lower case
    ("[x]( data:text/html,hi)", [(6, *scheme("data"))]),  # spaces before the target
    ("[x](<http://a.example>)", [(6, *scheme("http"))]),  # a target in angle brackets
    ("[x](//evil.example/)", [(5, *SLASHES)]),
    ("[x](\\\\evil.example)", [(5, *SLASHES)]),
    ("[x](/\\evil.example)", [(5, *SLASHES)]),
    ("[x](/about/)", []),  # one slash: within the site
    ("[id]: http://a.example", [(7, *scheme("http"))]),  # a reference definition
    ("   [id]: <ftp://a.example>", [(11, *scheme("ftp"))]),  # indented up to three spaces, in brackets
    ("    [id]: ftp://a.example", []),  # four spaces: code, not a definition
    ("[id]: https://a.example", []),
    ("see <file:///etc/passwd>", [(6, *scheme("file"))]),  # an autolink
    ("see <https://a.example>", []),
    ("a < b and c:d > e", []),  # not an autolink: no scheme at the start
    ("[a](ftp://x) [b](https://y) [c](http://z)", [(5, *scheme("ftp")), (33, *scheme("http"))]),
    ("[a](x:y)", [(5, *scheme("x"))]),
    ("no links at all", []),
    # links are found as the check of links within the site finds them: one in a code span is no link
    ("write `[x](javascript:a)` to see", []),
    ("`code` then [x](ftp://y)", [(17, *scheme("ftp"))]),
]


@pytest.mark.parametrize(("line", "expected"), LINKS)
def test_links(line: str, expected) -> None:
    assert markdown_problems(line) == expected
    assert markdown_problems(line, attribute_lists=True) == expected  # links are checked either way


ATTRIBUTE_LISTS = [
    ("Text {: .warning }", [(6, *ATTRIBUTES)]),
    ("Text {.warning}", [(6, *ATTRIBUTES)]),
    ("Text {#anchor}", [(6, *ATTRIBUTES)]),
    ("Text {: style=\"color:red\" }", [(6, *ATTRIBUTES)]),
    ("Text {:onclick = x}", [(6, *ATTRIBUTES)]),
    ("a {.x} b {#y}", [(3, *ATTRIBUTES), (10, *ATTRIBUTES)]),
    ("a set {1, 2} and {} and {: } are prose", []),
    ("braces {like this}", []),
]


@pytest.mark.parametrize(("line", "expected"), ATTRIBUTE_LISTS)
def test_attribute_lists(line: str, expected) -> None:
    assert markdown_problems(line) == expected
    assert markdown_problems(line, attribute_lists=True) == []  # allowed in the hand-written pages


def test_problems_in_a_line_are_in_column_order() -> None:
    assert markdown_problems("{.x} [a](ftp://y)") == [(1, *ATTRIBUTES), (10, *scheme("ftp"))]


# ---- body_problems: a Markdown body, line by line ---------------------------------------------------------

def test_body_problems_at_their_line_and_column() -> None:
    body = "Keep it warm.\nGive 2 ml by mouth.\n[x](ftp://a) CHANGE\n\nfine"
    assert [i.text() for i in body_problems("content/pages/a.md", body, 10)] == [
        "content/pages/a.md:11:6: error: (body): '2 ml' looks like a dose; this site never states doses "
        f"({DOSE_HINT})",
        "content/pages/a.md:12:5: error: (body): links to 'ftp:' are not allowed; use https://, mailto: or tel:",
        f"content/pages/a.md:12:14: warning: (body): {PLACEHOLDER_MESSAGE} ({PLACEHOLDER_HINT})",
    ]
    assert all(i.stage == Stage.CONTENT for i in body_problems("a.md", body, 1))


def test_body_attribute_lists_only_where_contributors_write() -> None:
    assert [(i.line, i.column, i.message) for i in body_problems("a.md", "x\nText {.y}", 1)] == [
        (2, 6, ATTRIBUTES[0])]
    assert body_problems("a.md", "x\nText {.y}", 1, attribute_lists=True) == []


@pytest.mark.parametrize("line", ["Phone the vet.", "Change the bedding.", "a changed diet", "CHANGES", "exchange-me",
                                  "Keep them warm; 20 minutes"])
def test_body_text_that_passes(line: str) -> None:
    assert body_problems("a.md", line, 1) == []


@pytest.mark.parametrize(("line", "column"), [("CHANGE", 1), ("Name: CHANGE here", 7), ("id change-me", 4)])
def test_body_placeholders(line: str, column: int) -> None:
    [issue] = body_problems("a.md", line, 5)
    assert (issue.line, issue.column, issue.field, issue.message, issue.hint, issue.severity, issue.stage) == (
        5, column, "(body)", PLACEHOLDER_MESSAGE, PLACEHOLDER_HINT, Severity.WARNING, Stage.CONTENT)


# ---- fields ----------------------------------------------------------------------------------------------

def test_dose_problems_at_each_field() -> None:
    src = source("title: Wet tail\nsteps:\n- Warm the cage\n- Give 0.5 mL twice\nnested:\n  deep: [x, 5 mg/kg]\n")
    assert [i.text() for i in dose_problems(src, src.data)] == [
        f"{F}:4:8: error: steps[1]: '0.5 mL' looks like a dose; this site never states doses ({DOSE_HINT})",
        f"{F}:6:13: error: nested.deep[1]: '5 mg/kg' looks like a dose; this site never states doses ({DOSE_HINT})",
    ]
    assert all(i.stage == Stage.CONTENT for i in dose_problems(src, src.data))


def test_a_dose_inside_a_folded_block_is_found_on_its_own_line() -> None:
    """Found by an adversarial review: a dose on the fourth line of `summary: >-` was reported at the
    `>-`, three lines above it."""
    src = source("title: Wet tail\nsummary: >-\n  Keep it warm and quiet\n  and offer water;\n  never give 0.5 ml of\n"
                 "  anything by mouth.\n")
    [issue] = dose_problems(src, src.data)
    assert (issue.line, issue.column) == (5, 14)


def test_dose_problems_under_a_base_path() -> None:
    src = source("sections:\n- body: Give 2 ml\n")
    [issue] = dose_problems(src, src.data["sections"][0], ("sections", 0))
    assert (issue.field, issue.line) == ("sections[0].body", 2)


@pytest.mark.parametrize("key", ["postcode", "number", "email", "website", "booking", "url", "phone"])
def test_addresses_and_numbers_are_not_prose(key: str) -> None:
    # "ZZ2 3MG" is a postcode, not 3 mg; anywhere under such a field
    src = source(f"{key}: ZZ2 3MG\nplace:\n  {key}:\n    inner: ZZ2 3MG\nnote: 3 mg\n")
    assert [i.field for i in dose_problems(src, src.data)] == ["note"]


def test_markdown_field_problems() -> None:
    src = source("sections:\n- body: |\n    Fine\n    [x](ftp://a) {.b}\n")
    assert [(i.field, i.line, i.message, i.hint, i.stage) for i in
            markdown_field_problems(src, ("sections", 0, "body"), src.data["sections"][0]["body"])] == [
        ("sections[0].body", 2, scheme("ftp")[0], "", Stage.CONTENT),
        ("sections[0].body", 2, ATTRIBUTES[0], ATTRIBUTES[1], Stage.CONTENT)]


# ---- check_text: every file read, valid or not -----------------------------------------------------------

@dataclass
class FakeCatalog:
    sources: dict[str, list[Source]] = field(default_factory=dict)


def test_check_text_finds_doses_and_placeholders_in_every_file() -> None:
    catalog = FakeCatalog({"first-aid": [source("title: CHANGE\nsteps: [Give 2 ml]\n")],
                           "cases": [source("summary: fine\nid: change-me\n", "content/cases/b.yml"),
                                     source("summary: fine\n", "content/cases/c.yml")]})
    assert [i.text() for i in check_text(catalog, [])] == [
        f"{F}:1:8: warning: title: {PLACEHOLDER_MESSAGE} ({PLACEHOLDER_HINT})",
        f"{F}:2:14: error: steps[0]: '2 ml' looks like a dose; this site never states doses ({DOSE_HINT})",
        f"content/cases/b.yml:2:5: warning: id: {PLACEHOLDER_MESSAGE} ({PLACEHOLDER_HINT})",
    ]


@pytest.mark.parametrize("stage", [Stage.PARSE, Stage.SCHEMA, Stage.REFERENCE])
def test_a_placeholder_already_refused_is_reported_once(stage: Stage) -> None:
    catalog = FakeCatalog({"cases": [source("id: change-me\ntitle: CHANGE\n")]})
    found = [Issue(F, 1, 5, "id", "not an id", stage=stage)]
    assert [i.field for i in check_text(catalog, found)] == ["title"]


def test_a_placeholder_reported_at_another_stage_is_still_reported() -> None:
    catalog = FakeCatalog({"cases": [source("id: change-me\n")]})
    assert [i.field for i in check_text(catalog, [Issue(F, 1, 5, "id", "x", stage=Stage.CONTENT),
                                                  Issue("other.yml", 1, 5, "id", "x", stage=Stage.SCHEMA)])] == ["id"]


def test_a_dose_is_reported_even_where_the_schema_refused_the_field() -> None:
    catalog = FakeCatalog({"cases": [source("title: 2 ml\n")]})
    assert [i.field for i in check_text(catalog, [Issue(F, 1, 8, "title", "x", stage=Stage.SCHEMA)])] == ["title"]


@pytest.mark.parametrize("text", ["title: Keep calm\n", "title: a changed diet\n", "title: Change-me-not\n",
                                  "title: CHANGED\n"])
def test_check_text_passes(text: str) -> None:
    assert check_text(FakeCatalog({"cases": [source(text)]}), []) == []


def test_check_text_without_the_file_text_still_checks_the_data() -> None:
    # a source made from data alone (no text to pre-check) is walked, not skipped
    src = Source(Path(F), F, {"title": "Give 2 ml", "name": "CHANGE"}, "")
    assert [(i.field, i.severity) for i in check_text(FakeCatalog({"cases": [src]}), [])] == [
        ("title", Severity.ERROR), ("name", Severity.WARNING)]


def test_a_file_with_a_dose_but_no_placeholder_and_the_reverse() -> None:
    assert [i.field for i in check_text(FakeCatalog({"cases": [source("a: 2 ml\nb: fine\n")]}), [])] == ["a"]
    assert [i.field for i in check_text(FakeCatalog({"cases": [source("a: fine\nb: change-me\n")]}), [])] == ["b"]


# ---- the hand-written pages -----------------------------------------------------------------------------

def test_check_site_pages(tmp_path: Path) -> None:
    pages = tmp_path / "content" / "pages"
    (pages / "about").mkdir(parents=True)
    (pages / "index.md").write_text("# Home\n\nText {.lead}\n", encoding="utf-8")  # allowed here
    (pages / "about" / "team.md").write_text("---\ntitle: Team\n---\nGive 2 ml.\n", encoding="utf-8")
    (pages / ".drafts").mkdir()
    (pages / ".drafts" / "x.md").write_text("Give 2 ml.\n", encoding="utf-8")  # hidden folders are not read
    (pages / "notes.txt").write_text("Give 2 ml.\n", encoding="utf-8")  # nor other files
    (pages / "bad.md").write_bytes(b"\xff\xfe bad")
    problems: list[Issue] = []
    check_site_pages(pages, tmp_path, problems)
    assert [(i.path, i.line, i.column, i.field) for i in problems] == [
        ("content/pages/about/team.md", 4, 6, "(body)"), ("content/pages/bad.md", 1, 1, "(file)")]


def test_check_site_pages_without_the_folder(tmp_path: Path) -> None:
    problems: list[Issue] = []
    check_site_pages(tmp_path / "missing", tmp_path, problems)
    assert problems == []


def test_a_body_link_problem_keeps_its_hint() -> None:
    [issue] = body_problems("a.md", "see [x](//evil.example/)", 1)
    assert (issue.message, issue.hint) == SLASHES


def test_a_file_skipped_by_the_quick_check_does_not_end_the_walk() -> None:
    catalog = FakeCatalog({"cases": [source("a: fine\n", "content/cases/a.yml"),
                                     source("a: Give 2 ml\nb: CHANGE\n", "content/cases/b.yml")]})
    assert [(i.path, i.field, i.stage) for i in check_text(catalog, [])] == [
        ("content/cases/b.yml", "a", Stage.CONTENT), ("content/cases/b.yml", "b", Stage.CONTENT)]


def test_a_markdown_field_is_read_line_by_line() -> None:
    src = source("body: x\n")
    text = "Intro {: .lead }\n[id]: ftp://a.example"
    assert [m for i in markdown_field_problems(src, ("body",), text) for m in [i.message]] == [
        ATTRIBUTES[0], scheme("ftp")[0]]


def test_a_dose_wrapped_over_two_lines_of_a_body_is_found_where_it_starts() -> None:
    """From a review: bodies are wrapped, and "a few drops of" ended one line and "Metacam" began the next;
    each line was read alone."""
    body = "Intro.\n\n- If your pet seems in pain, give it a few drops of\n  Metacam before you set off.\n- Or 2 ml.\n"
    assert [(i.line, i.column, i.message) for i in body_problems("content/first-aid/a.md", body, 10)] == [
        (12, 38, "'a few drops of Metacam' looks like a dose; this site never states doses"),
        (14, 6, "'2 ml' looks like a dose; this site never states doses")]
