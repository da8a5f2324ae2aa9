"""Find identifying details in case text: e-mail addresses, phone numbers, microchip-like numbers and
calendar dates. Cases use relative time ("day 0", "+6 h") only, so any calendar date is a leak."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an e-mail address", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("a microchip number", re.compile(r"(?<!\d)\d{15}(?!\d)")),
    ("a calendar date", re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)")),
    # three parts only: "3/5" is more often a score than a date
    ("a calendar date", re.compile(r"(?<![\d.])\d{1,2}([/.])\d{1,2}\1\d{2,4}(?![\d.])")),
    ("a calendar date", re.compile(rf"(?<!\w)\d{{1,2}}(?:st|nd|rd|th)?(?: of)? (?:{_MONTHS})\b")),
    ("a calendar date", re.compile(rf"\b(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?\b")),
    ("a calendar date", re.compile(rf"\b(?:{_MONTHS}) (?:19|20)\d{{2}}\b")),
)


@dataclass(frozen=True)
class Finding:
    what: str
    text: str
    start: int


MIN_PHONE_DIGITS = 9


def find_identifiers(text: str, region: str = "GB") -> Iterator[Finding]:
    """Each identifying detail once, in order; a span found by an earlier rule is not reported again."""
    found: list[Finding] = []
    taken: list[range] = []

    def add(what: str, raw: str, start: int) -> None:
        span = range(start, start + len(raw))
        if any(span.start < t.stop and t.start < span.stop for t in taken):
            return
        taken.append(span)
        found.append(Finding(what, raw, start))

    for what, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            add(what, match.group(0), match.start())
    # the matcher is slow, and a number long enough to report needs that many digits in the text
    matches = phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE) \
        if sum(c.isdigit() for c in text) >= MIN_PHONE_DIGITS else ()
    for match in matches:
        raw = match.raw_string.lstrip("([ ").rstrip(")] ")
        if len(re.sub(r"\D", "", raw)) >= MIN_PHONE_DIGITS:
            add("a phone number", raw, match.start + match.raw_string.index(raw))
    yield from sorted(found, key=lambda f: f.start)
