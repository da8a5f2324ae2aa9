"""Loading YAML with positions: types stay as written, and bad files become problems."""

from pathlib import Path

import pytest

from generator.core.issues import Severity
from generator.core.sources import Position, display_path, format_path, load_file, parse_text
from generator.core.yaml_messages import SIGNS


def test_positions_point_at_values_and_keys() -> None:
    source, problems = parse_text("name: A\ncontacts:\n  phones:\n    - type: main\n      number: '1'\n", "t.yml")
    assert problems == []
    assert source.position(("contacts", "phones", 0, "number")) == Position(5, 15)
    assert source.key_position(("contacts", "phones", 0, "number")) == Position(5, 7)
    # a path that does not exist falls back to the nearest enclosing value
    assert source.position(("contacts", "phones", 0, "missing")) == Position(4, 7)


def test_yaml_1_1_guesses_are_not_made() -> None:
    source, _ = parse_text("on: 2026-01-01\nopens: 08:00\nanswer: yes\nn: 12\nf: 1.5\nq: '12'\nz: ~\nb: true\n", "t")
    assert source.data == {"on": "2026-01-01", "opens": "08:00", "answer": "yes", "n": 12, "f": 1.5,
                           "q": "12", "z": None, "b": True}


def test_duplicate_keys_are_reported_at_the_second_key() -> None:
    _, problems = parse_text("a: 1\nb:\n  c: 1\n  c: 2\n", "t.yml")
    assert [p.text() for p in problems] == [
        "t.yml:4:3: error: b.c: duplicate key 'c' (first given on line 3) (remove one of the two)"]


def test_an_entry_that_lost_its_dash_is_one_problem_and_keeps_its_keys_to_itself() -> None:
    text = ("- id: a\n  label: A\n"
            "  notes: joined\n  id: b\n  label: B\n  tier: now\n"  # b lost its '- ' (tier is b's alone)
            "  id: c\n  label: C\n")  # and so did c
    source, problems = parse_text(text, "t.yml")
    assert [p.text() for p in problems] == [
        "t.yml:4:3: error: [0].id: duplicate keys: lines 4–5 give 'id', 'label' again (first given on line 1) "
        "(if these lines are the next entry, put '- ' before its first key, on line 4 or just above it)",
        "t.yml:7:3: error: [0].id: duplicate keys: lines 7–8 give 'id', 'label' again (first given on line 1) "
        "(if these lines are the next entry, put '- ' before its first key, on line 7 or just above it)"]
    assert source.data == [{"id": "a", "label": "A", "notes": "joined"}]  # b's tier is not checked as a's
    assert source.lost_ids == ("b", "c")  # they still exist for references
    assert parse_text("- id: a\n  label: A\n  notes: x\n  label: B\n", "t.yml")[0].lost_ids == ()


def test_two_keys_given_twice_in_one_entry_are_two_duplicates_not_a_lost_entry() -> None:
    """A second review: repeating label and notes in one entry took the lost-entry path and dropped keys."""
    source, problems = parse_text("- id: a\n  label: A\n  notes: x\n  label: B\n  tier: now\n  notes: y\n",
                                  "t.yml")
    assert [p.text() for p in problems] == [
        "t.yml:4:3: error: [0].label: duplicate key 'label' (first given on line 2) (remove one of the two)",
        "t.yml:6:3: error: [0].notes: duplicate key 'notes' (first given on line 3) (remove one of the two)"]
    assert source.data == [{"id": "a", "label": "A", "notes": "x", "tier": "now"}]


def test_tabs_empty_and_syntax_errors() -> None:
    assert parse_text("a:\n\tb: 1\n", "t")[1][0].text() == (
        "t:2:1: error: (file): a tab character is used for indentation (indent with spaces only)")
    assert parse_text("   \n", "t")[1][0].message == "the file is empty"
    problem = parse_text("a: [1, 2\nb: 3\n", "t")[1][0]
    assert problem.text() == ("t:1:4: error: (file): invalid YAML: the list opened with '[' here is never closed "
                              "(add the missing ']')")
    other = parse_text("a: b: c\n", "t")[1][0]
    assert other.text() == ("t:1:5: error: (file): this text contains ': ', which YAML reads as the start of a "
                            "new field (put the whole text in quotes: a: \"…\")")


def test_bad_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_bytes(b"name: ok\nsummary: caf\xe9\n")
    source, problems = load_file(path, tmp_path)
    assert source is None
    assert problems[0].text() == ("bad.yml:2:13: error: (file): the file is not valid UTF-8 (byte 0xe9) "
                                  "(save the file as UTF-8)")


def test_format_path() -> None:
    assert format_path(("contacts", "phones", 0, "number")) == "contacts.phones[0].number"
    assert format_path(()) == "(file)"
    assert format_path((3, "id")) == "[3].id"


@pytest.mark.parametrize(("path", "root", "shown"), [
    ("/repo/directory/organisations/a.yml", "/repo", "directory/organisations/a.yml"),
    ("/repo/a.yml", "/repo", "a.yml"),
    ("/repository/a.yml", "/repo", "/repository/a.yml"),  # a longer name that starts the same is not inside
    ("/repo/../other/a.yml", "/repo", "../other/a.yml"),
    ("content/cases/x.yml", ".", "content/cases/x.yml"),
    ("/a.yml", "/", "a.yml"),
    ("/elsewhere/a.yml", "/repo", "/elsewhere/a.yml"),
])
def test_display_path_is_the_path_from_the_root(path: str, root: str, shown: str) -> None:
    """The fast string case agrees with pathlib's: a file is named from the repository's root."""
    assert display_path(Path(path), Path(root)) == shown


@pytest.mark.parametrize(("text", "found"), [
    # from a contributor review: a value without quotes ends at ' #', and what follows was dropped silently
    ("summary: We are #1 for rats\n", [(1, 17, "summary")]),
    ("limitations:\n  - Rats only, no #hamsters\n", [(2, 19, "limitations[0]")]),
    ("phones:\n  - number: 01632 960123 #2 for emergencies\n", [(2, 26, "phones[0].number")]),
    ("a:\n  b: text #tag\n", [(2, 11, "a.b")]),
    ("summary: text\t#tag\n", [(1, 15, "summary")]),
    # a comment written as one ('# ' with a space), a '#' inside quotes or a word, and '##' are left alone
    ("kind: change-me  # choose one: practice, hospital\n", []),
    ("summary: \"We are #1 for rats\"\n", []),
    ("summary: 'We are #1 for rats'\n", []),
    ("summary: C#minor and #1\n", [(1, 22, "summary")]),
    ("summary: ticket#12\n", []),
    ("summary: text ## heading\n", []),
    ("summary: >-\n  folded text #1 inside a block\n", []),
])
def test_a_hash_that_cuts_an_unquoted_value_short_is_a_warning(text: str, found: list[tuple[int, int, str]]) -> None:
    source, problems = parse_text(text, "file.yml")
    assert source is not None
    assert [(p.line, p.column, p.field) for p in problems] == found
    assert all(p.severity == Severity.WARNING and "quotes" in p.hint for p in problems)


# From a contributor review: a text that starts with one of YAML's signs got the parser's words
# ("found character that cannot start any token"), and '!' or '&' at its start were left out silently
@pytest.mark.parametrize(("value", "sign"), [
    ("*Rats only* after 6pm", "*"), ("*No* mice", "*"), ("@westmoorvets on social media", "@"),
    ("%100 rodent friendly", "%"), ("`Rats` only", "`"), ("| rats", "|"), ("> rats", ">"), ("- rats", "-"),
    ("? rats", "?"), ("[Rats] only", "["), ("{Rats} only", "{"), ("!important rats", "!"), ("&Co vets", "&"),
    ("!!str 0123", "!"),
])
def test_a_text_that_starts_with_a_yaml_sign_must_be_quoted(value: str, sign: str) -> None:
    # as a list item, "- - rats" and "- ? rats" are a list and a mapping in the list: the schema says so
    in_a_list = [] if sign in "-?" else [(f"id: x\nnotes:\n  - {value}\n", "")]
    for text, line in [(f"id: x\nname: {value}\nkind: y\n", "name: "), *in_a_list]:
        problems = parse_text(text, "t.yml")[1]
        expected = f"a text that starts with '{sign}' must be in quotes: {SIGNS[sign]}"
        assert [p.message for p in problems] == [expected], text
        assert problems[0].line == 2 + (not line) and problems[0].hint.startswith("put the whole text in quotes: ")
        # the line as it should be written: its field, or a list item's dash, kept
        assert f'{line or "- "}"{value}"' in problems[0].hint, problems[0].hint


@pytest.mark.parametrize("text", [
    "species: [rat, mouse]\n", "notes: >-\n  Long text.\n", "notes: |\n  Text.\n", "list:\n  - rat\n",
    "name: Smith & Sons\n", "name: A&E !\n", 'name: "*quoted*"\n', "name: '&Co'\n", "group: {a: 1}\n",
    "name: \"a long text\n  on two lines\"\n",
])
def test_yaml_written_on_purpose_is_not_told_to_quote(text: str) -> None:
    source, problems = parse_text(text, "t.yml")
    assert source is not None and problems == [], [p.text() for p in problems]


def test_mkdocs_yml_may_have_tags() -> None:
    text = 'site_url: !ENV [KB_SITE_URL, "http://127.0.0.1:8000/"]\n'
    assert parse_text(text, "mkdocs.yml", tags_allowed=True)[1] == []
    assert parse_text(text, "t.yml")[1] != []


def test_a_quote_left_open_is_blamed_where_it_opens_not_at_the_next_quote() -> None:
    text = 'id: x\nname: "Rats only, ring first\nkind: y\nphones:\n  - number: "01632 960000"\n'
    problem = parse_text(text, "t.yml")[1][0]
    assert (problem.line, problem.column, problem.message) == (2, 7, 'the text that starts with " here is never closed')


def test_a_sign_in_a_list_in_brackets_is_found_and_its_item_alone_is_quoted() -> None:
    """From a review: '[!important rats, mice]' lost 'important' silently (no space after the bracket)."""
    for text, item in (("keywords: [!important rats, mice]\n", "!important rats"),
                       ("limitations: [No dentistry,!Rats only here]\n", "!Rats only here"),
                       ("keywords: [mice,&top rats]\n", "&top rats")):
        problems = parse_text(text, "t.yml")[1]
        assert [p.hint for p in problems] == [f'put that item in quotes: "{item}"'], text


def test_a_valid_quote_over_two_lines_is_not_blamed_for_a_mistake_below_it() -> None:
    """From a review: any later mistake was blamed on a closed quoted text that spans lines."""
    text = ('id: x\nnotes: "There is no 24-hour hospital.\n  Note: out of hours, phone first."\nhours:\n'
            "  - days: mon\n    note: Bank holiday: open as usual.\n")
    problem = parse_text(text, "t.yml")[1][0]
    assert problem.line == 6
    assert problem.message == "this text contains ': ', which YAML reads as the start of a new field"
