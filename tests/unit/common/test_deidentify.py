"""Identifying details in cases (issues 16 and 17): every date order, month spelling, ordinal and the
other identifiers as tables, with what must not be flagged, and that an invalid case is still scanned.
The located messages are in tests/examples/invalid/cases/."""

from __future__ import annotations

import random
import re
import string
import sys
from pathlib import Path

import pytest

from generator.common.deidentify import _RULES, digit_count, find_identifiers, fold_case
from generator.core.settings import Settings
from generator.site.pipeline import load_catalog
from tests.helpers import make_tree

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
          "MARCH", "march", "JULY", "july", "MAY"]


def dates(text: str) -> list[str]:
    return [f.text for f in find_identifiers(text) if f.what == "a calendar date"]


@pytest.mark.parametrize("month", MONTHS)
def test_day_and_month_in_either_order(month: str) -> None:
    for day in ("1", "12", "31"):
        assert dates(f"seen on {day} {month}, then home") == [f"{day} {month}"]
        assert dates(f"seen on {month} {day}, then home") == [f"{month} {day}"]


@pytest.mark.parametrize("ordinal", ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "14th", "21st", "22nd",
                                     "23rd", "31st"])
def test_ordinal_dates(ordinal: str) -> None:
    assert dates(f"on the {ordinal} July it ate") == [f"{ordinal} July"]
    assert dates(f"on {ordinal} of March it ate") == [f"{ordinal} of March"]
    assert dates(f"by July {ordinal} it ate") == [f"July {ordinal}"]
    assert dates(f"on the {ordinal} of december") == [f"{ordinal} of december"]


@pytest.mark.parametrize(("text", "found"), [
    ("in March 2026", "March 2026"), ("sept 2025", "sept 2025"), ("2026-03-04", "2026-03-04"),
    ("2026/3/4", "2026/3/4"), ("2026.03.04", "2026.03.04"), ("20260304", "20260304"), ("04/03/2026", "04/03/2026"),
    ("4.3.26", "4.3.26"), ("4-3-2026", "4-3-2026"), ("Christmas Day", "Christmas Day"), ("xmas eve", "xmas eve"),
    ("Boxing Day", "Boxing Day"), ("New Year's Eve", "New Year's Eve"), ("new years day", "new years day"),
    ("Easter Sunday", "Easter Sunday"), ("Good Friday", "Good Friday"), ("Halloween", "Halloween"),
    ("Bonfire Night", "Bonfire Night"), ("Guy Fawkes Night", "Guy Fawkes Night"),
    ("Valentine's Day", "Valentine's Day"),
    ("Christmas 2025", "Christmas 2025"), ("bank holiday 2026", "bank holiday 2026"),
])
def test_other_date_forms(text: str, found: str) -> None:
    assert dates(f"seen {text} at night") == [found]


@pytest.mark.parametrize(("text", "what", "found"), [
    ("ring 01632 960123 today", "a phone number", "01632 960123"),
    ("ring +44 1632 960123 today", "a phone number", "+44 1632 960123"),
    ("ring oh one six three two nine six oh one two three", "a phone number",
     "oh one six three two nine six oh one two three"),
    ("ring O1632 96O123 today", "a phone number", "O1632 96O123"),
    ("chip 985 112 004 567 890 read", "a microchip number", "985 112 004 567 890"),
    ("chip 985112004567890 read", "a microchip number", "985112004567890"),
    ("mail jo@home.example now", "an e-mail address", "jo@home.example"),
    ("mail jo [at] home [dot] example now", "an e-mail address", "jo [at] home [dot] example"),
    ("mail jo at home dot example now", "an e-mail address", "jo at home dot example"),
    ("lives at ZZ1 2AB now", "a postcode", "ZZ1 2AB"),
    ("lives at 12 Acacia Road", "a street address", "12 Acacia Road"),
    ("brought by Mrs Smith today", "a person's name", "Mrs Smith"),
    ("seen by Dr. Jane Doe", "a person's name", "Dr. Jane Doe"),
])
def test_other_identifiers(text: str, what: str, found: str) -> None:
    assert [(f.what, f.text) for f in find_identifiers(text)] == [(what, found)]


@pytest.mark.parametrize("text", [
    "Seen on day 3 and again at +30 min; weighed 120 g, then 115 g.",
    "You may need 2 visits; the 5th may be the last.",
    "Body condition 3/5; T4 to L2 checked; score 2-3.",
    "Oxygen at 2 litres per minute for one or two hours.",
    "Recheck in 7 days. Version 1.2.3 of the protocol.",
    "The guinea pig was a Christmas present.",
    "It may 1st need fluids.", "Recheck at +12 h and on day 14.", "3rd day of treatment", "the 2nd dose of fluids",
    "March was warm; it may eat.", "a score of 4/5", "in 2 weeks", "1 of 3 pups", "aged 2-3 years",
    "temperature 38.5", "weighed 1.2 kg", "ward 12", "day 0 to day 7", "the march of time",
])
def test_clinical_text_is_not_flagged(text: str) -> None:
    assert list(find_identifiers(text)) == []


def test_a_case_with_a_schema_mistake_is_still_scanned(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    case = next((tree / "content/cases").glob("*.yml"))
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("outcome:", "owner_phone: x\noutcome:", 1).replace(
        "history: >-\n", "history: >-\n  Owner at jane@owner.example.\n", 1), encoding="utf-8")
    _, problems = load_catalog(Settings(root=tree, demo_data=True))
    messages = [p.message for p in problems.sorted()]
    assert "cases must not identify owners or animals: remove the field 'owner_phone'" in messages
    assert any("'jane@owner.example' looks like an e-mail address" in m for m in messages), messages


def _found(text: str) -> list[tuple[str, str, int]]:
    return [(f.what, f.text, f.start) for f in find_identifiers(text)]


def test_each_finding_is_located_once_in_reading_order() -> None:
    """What, the text and where it starts (the column of the message), in the order they are read; a
    span an earlier rule found ('3 May' of '3 May 2026') is not reported again."""
    text = "Seen on 12 March; Mr Smith rang from 01632 960123 about chip 985 112 003 456 789, on 3 May 2026."
    assert _found(text) == [("a calendar date", "12 March", text.index("12 March")),
                            ("a person's name", "Mr Smith", text.index("Mr Smith")),
                            ("a phone number", "01632 960123", text.index("01632")),
                            ("a microchip number", "985 112 003 456 789", text.index("985")),
                            ("a calendar date", "3 May", text.index("3 May"))]
    # in reading order even when a later rule finds the earlier text
    assert [f[0] for f in _found("ring 01632 960123, Mr Smith")] == ["a phone number", "a person's name"]


@pytest.mark.parametrize(("text", "found"), [
    ("ring 0800 12345 now", "0800 12345"),  # nine digits: the shortest number reported
    ("ring [01632 960123] today", "01632 960123"),  # brackets around it are not part of it
    ("ring (01632 960123) now", "01632 960123"),
    ("ring one two three four five six seven eight nine", "one two three four five six seven eight nine"),
    ("ring treble one two three four five six seven", "treble one two three four five six seven"),  # 3 + 6
])
def test_a_phone_number_of_nine_digits_or_more(text: str, found: str) -> None:
    assert _found(text) == [("a phone number", found, text.index(found))]


@pytest.mark.parametrize("text", ["tel 01632960", "ring one two three four five six seven eight",
                                  "ring treble one two three four five six", "ring 1 2 3 4 5 six seven eight"])
def test_eight_digits_are_not_a_phone_number(text: str) -> None:
    assert _found(text) == []


def test_fold_case_is_never_stricter_than_ignore_case() -> None:
    """Every character `re` matches to an ASCII letter when ignoring case folds to that letter, so the
    word tests in front of the patterns cannot skip a text a pattern would match."""
    letter = re.compile(r"(?i)[a-z]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if letter.fullmatch(char):
            assert fold_case(char) in string.ascii_lowercase, hex(code)


_FUZZ_TOKENS = [*MONTHS, "MaY", "mAy", "Christmas", "XMAS", "eaSter", "new year's", "Hallowe'en", "bonfire",
                "Guy Fawkes", "valentine's", "Boxing", "good Friday", "bank holiday", "day", "eve", "Mr", "Mrs",
                "Miss", "Ms", "Mx", "Dr", "Prof", "Sir", "Dame", "Lady", "Lord", "Smith", "Acacia", "Road", "St",
                "at", "AT", "dot", "DOT", "[at]", "(dot)", "@", "jo", "home", "example", "of", "th", "st", "nd",
                "jo at home", "JO AT HOME", "dot uk", "dOt uk", "jo [at] home", "{ dot } uk",
                "GIR", "ZZ1", "2AB", "SW1A", "1AA", "\u0131", "\u0130", "\u017f", "\u212a", "dec\u0130",
                "Chr\u0131stmas",
                "o", "oh", "one", "double", "treble", "-", "/", ".", ",", " ", "  ", "\n", "'"]


def _fuzz_texts(count: int) -> list[str]:
    rng = random.Random(22)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            if rng.random() < 0.35:
                parts.append(str(rng.choice([rng.randint(0, 9), rng.randint(10, 99), rng.randint(1900, 2099),
                                             rng.randint(10**7, 10**9), rng.randint(10**14, 10**15 - 1)])))
            else:
                parts.append(rng.choice(_FUZZ_TOKENS))
            parts.append(rng.choice([" ", " ", "", "-", "/", ".", ", "]))
        texts.append("".join(parts))
    return texts


def test_digits_are_counted_as_the_patterns_match_them() -> None:
    """Rules are skipped by the text's count of what `\\d` matches: any script's decimal digits count,
    so a microchip number in Arabic-Indic digits is still found; a superscript two is no `\\d`."""
    assert digit_count("\u0663\u0663 1 \u00b2") == 3
    chip = "\u0669\u0668\u0665" + "\u0660\u0661\u0662\u0663\u0664" * 2 + "\u0665\u0666"
    assert [f.what for f in find_identifiers(f"chip {chip} scanned")] == ["a microchip number"]


def test_a_rule_is_skipped_only_when_its_pattern_cannot_match() -> None:
    """Differential: on 20,000 random texts made of the words, digits and separators the patterns look
    for, a pattern never matches a text its rule's test skipped (and each rule matches some)."""
    matched = {rule: 0 for rule in _RULES}
    for text in _fuzz_texts(20_000):
        digits, lowered = digit_count(text), fold_case(text)
        for rule in _RULES:
            if rule.pattern.search(text):
                matched[rule] += 1
                assert rule.may_match(digits, lowered), (rule.pattern.pattern, text)
    assert all(matched.values()), [rule.pattern.pattern for rule, count in matched.items() if not count]
