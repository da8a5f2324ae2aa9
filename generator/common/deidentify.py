"""Find identifying details in case text: e-mail addresses (also written 'john [at] example [dot] com'),
phone numbers (also in words, or with the letter O for zero), microchip numbers (also in groups),
calendar dates in any common form (cases use relative time such as "day 0" or "+6 h" only, so any
calendar date is a leak), UK postcodes, people's names with a title, and street addresses.

Text is normalised first (NFKC, entities decoded, invisible characters removed), so a full-width '＠'
or a zero-width space does not hide anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import phonenumbers

from generator.common.plaintext import as_read

_MONTHS = ("january|february|march|april|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# "may" is also a verb: only the capitalised month counts
_MONTH = rf"(?:(?i:{_MONTHS})|May|MAY)"
_ORDINAL = r"(?:st|nd|rd|th)?"
_HOLIDAY = (r"(?i:christmas|xmas|easter|new\s+year'?s?|hallowe'?en|bonfire\s+night|guy\s+fawkes|valentine'?s"
            r"|boxing\s+day|good\s+friday|bank\s+holiday)")
_DAY_OF_HOLIDAY = (r"(?i:christmas\s+(?:day|eve)|xmas\s+(?:day|eve)|boxing\s+day|new\s+year'?s?\s+(?:day|eve)"
                   r"|easter\s+(?:sunday|monday|day)|good\s+friday|hallowe'?en|bonfire\s+night|guy\s+fawkes\s+night"
                   r"|valentine'?s\s+day)")
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord)"
_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Way|Crescent|Court|Place|Terrace|Gardens|Grove|Row"
           r"|Square|Mews|Walk|Parade|Hill)")
_SPELLED_DIGITS = {"zero": 1, "oh": 1, "nought": 1, "o": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1,
                   "six": 1, "seven": 1, "eight": 1, "nine": 1, "double": 1, "treble": 2, "triple": 2}

_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_HOLIDAY_WORDS = ("christmas", "xmas", "easter", "year", "hallowe", "bonfire", "fawkes", "valentine", "boxing",
                  "friday", "holiday")
_TITLE_WORDS = ("mr", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord")


@dataclass(frozen=True)
class _Rule:
    """A pattern, and what every match of it must contain: at least `digits` digits and, when `words` is
    given, one of those words in any case. Most case texts have neither, and these tests cost far less
    than running the pattern (7 s of `kb check` at 3,000 cases ran all fifteen on every text)."""
    what: str
    pattern: re.Pattern[str]
    digits: int = 0
    words: tuple[str, ...] = ()

    # one search for any of the words (as substrings), instead of one `in` test per word
    any_word: re.Pattern[str] | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "any_word", re.compile("|".join(map(re.escape, self.words))) if self.words else None)

    def may_match(self, digits: int, lowered: str) -> bool:
        """False only when no match is possible: `digits` is `digit_count(text)`, `lowered` is
        `fold_case(text)`."""
        return self in rules_that_may_match(digits, lowered)


_RULES: tuple[_Rule, ...] = (
    _Rule("an e-mail address", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*"), words=("@",)),
    _Rule("an e-mail address", re.compile(r"(?i)[\w.+-]+\s*[\[({<]\s*at\s*[\])}>]\s*[\w-]+"
                                          r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*[\w-]+)+"), words=("dot",)),
    _Rule("an e-mail address", re.compile(r"(?i)\b[\w.+-]+\s+at\s+[\w-]+(?:\s+dot\s+[\w-]+)+\b"), words=("dot",)),
    _Rule("a microchip number", re.compile(r"(?<![\d])\d(?:[ .-]?\d){14}(?![\d])"), digits=15),
    _Rule("a calendar date", re.compile(r"(?<!\d)(?:19|20)\d{2}([-/.])\d{1,2}\1\d{1,2}(?!\d)"), digits=6),
    _Rule("a calendar date", re.compile(r"(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"),
          digits=8),
    # three parts only: "3/5" is more often a score than a date
    _Rule("a calendar date", re.compile(r"(?<!\d)(?<!\d\.)\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?!\d|\.\d)"),
          digits=4),
    _Rule("a calendar date", re.compile(rf"(?<!\w)\d{{1,2}}{_ORDINAL}(?:\s+of)?\s+{_MONTH}\b"),
          digits=1, words=_MONTH_WORDS),
    _Rule("a calendar date", re.compile(rf"\b{_MONTH}\s+\d{{1,2}}{_ORDINAL}\b"), digits=1, words=_MONTH_WORDS),
    _Rule("a calendar date", re.compile(rf"\b{_MONTH}\s+(?:19|20)\d{{2}}\b"), digits=4, words=_MONTH_WORDS),
    _Rule("a calendar date", re.compile(rf"\b{_HOLIDAY}(?:\s+(?i:day|eve))?\s+(?:19|20)\d{{2}}\b"),
          digits=4, words=_HOLIDAY_WORDS),
    _Rule("a calendar date", re.compile(rf"\b{_DAY_OF_HOLIDAY}\b"), words=_HOLIDAY_WORDS),
    _Rule("a postcode", re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[A-Z]{2}\b"), digits=1),
    _Rule("a person's name", re.compile(rf"\b{_TITLE}\.?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)*"),
          words=_TITLE_WORDS),
    _Rule("a street address", re.compile(rf"\b\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}{_STREET}\b"),
          digits=1),
)


_DIGIT = re.compile(r"\d")


def digit_count(text: str) -> int:
    """The digits of ``text`` as the patterns see them (`\\d`, any decimal digit): a rule needing `digits`
    of them cannot match with fewer. (A third of the time of summing `str.isdigit` over the text.)"""
    return len(_DIGIT.findall(text))


def rules_that_may_match(digits: int, lowered: str) -> list[_Rule]:
    """The rules, in order, whose pattern could match a text with ``digits`` digits whose
    `fold_case` is ``lowered``. Rules share word lists: each list is looked for once per text."""
    words_found: dict[tuple[str, ...], bool] = {}
    rules = []
    for rule in _RULES:
        if digits < rule.digits:
            continue
        if rule.any_word is not None:
            found = words_found.get(rule.words)
            if found is None:
                found = words_found[rule.words] = rule.any_word.search(lowered) is not None
            if not found:
                continue
        rules.append(rule)
    return rules


# Characters that `re`'s ignore-case matches to an ASCII letter but str.lower() does not turn into it
# (found by trying every code point), so that a word test is never stricter than the pattern.
_CASE_EQUIVALENTS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold_case(text: str) -> str:
    return text.translate(_CASE_EQUIVALENTS).lower()


# a run of digits, spelled digits and the letter O standing for zero, as phone numbers are dictated
_SPOKEN_UNIT = r"(?:\d|(?:o|oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|treble|triple)(?![a-z]))"
# (the lookahead names every unit's first letter: it lets the search skip other characters quickly)
_SPOKEN_NUMBER = re.compile(rf"(?i)(?<![\w])(?=[\dotzfsend]){_SPOKEN_UNIT}(?:[\s().+-]*{_SPOKEN_UNIT})+")
MIN_PHONE_DIGITS = 9


@dataclass(frozen=True)
class Finding:
    what: str
    text: str
    start: int


def find_identifiers(text: str, region: str = "GB") -> Iterator[Finding]:
    """Each identifying detail once, in order; a span found by an earlier rule is not reported again."""
    text = as_read(text)
    found: list[Finding] = []
    taken: list[range] = []

    def add(what: str, raw: str, start: int) -> None:
        span = range(start, start + len(raw))
        if any(span.start < t.stop and t.start < span.stop for t in taken):
            return
        taken.append(span)
        found.append(Finding(what, raw, start))

    digits = digit_count(text)
    for rule in rules_that_may_match(digits, fold_case(text)):
        for match in rule.pattern.finditer(text):
            add(rule.what, match.group(0), match.start())
    # the matcher is slow, and a number long enough to report needs that many digits in the text
    matches = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE) \
        if digits >= MIN_PHONE_DIGITS else ()
    for match in matches:
        raw = match.raw_string.lstrip("([ ")  # the matcher already leaves out a closing bracket
        if len(re.sub(r"\D", "", raw)) >= MIN_PHONE_DIGITS:
            add("a phone number", raw, match.start + match.raw_string.index(raw))
    for match in _SPOKEN_NUMBER.finditer(text):
        words = re.findall(r"[A-Za-z]+|\d", match.group(0))
        if _digit_count(words) >= MIN_PHONE_DIGITS and any(w.isalpha() for w in words):
            add("a phone number", match.group(0).strip(), match.start())
    yield from sorted(found, key=lambda f: f.start)


def _digit_count(words: list[str]) -> int:
    return sum(1 if word.isdigit() else _SPELLED_DIGITS.get(word.lower(), 0) for word in words)
