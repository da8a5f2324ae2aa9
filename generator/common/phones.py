"""Phone numbers: parse, validate and normalise with phonenumbers, plus the fictional-use ranges.

Ofcom's drama numbers and the North American 555-0100..0199 numbers are reserved for fiction.
phonenumbers calls some of them invalid and others valid, so demo sites allow them explicitly and
real sites reject them all, because a clinic listed with a fake number is dangerous.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

_FICTIONAL = tuple(re.compile(pattern) for pattern in (
    r"^\+441632960\d{3}$",  # 01632 960xxx
    r"^\+442079460\d{3}$",  # 020 7946 0xxx
    r"^\+44(?:113|114|115|116|117|118|121|131|141|151|161)4960\d{3}$",  # 0113 496 0xxx and similar
    r"^\+442896496\d{3}$",  # 028 9649 6xxx
    r"^\+442920180\d{3}$",  # 029 2018 0xxx
    r"^\+441914980\d{3}$",  # 01914 980xxx
    r"^\+447700900\d{3}$",  # 07700 900xxx
    r"^\+448081570\d{3}$",  # 08081 570xxx
    r"^\+449098790\d{3}$",  # 0909 879 0xxx
    r"^\+443069990\d{3}$",  # 03069 990xxx
    r"^\+1[2-9]\d{2}55501\d{2}$",  # (NXX) 555-0100 to 555-0199
))


_REASON = phonenumbers.ValidationResult
_LENGTH_PROBLEMS = {
    _REASON.TOO_SHORT: "has too few digits; include the area code",
    _REASON.TOO_LONG: "has too many digits; write an extension as 'ext 2' after the number",
    _REASON.INVALID_LENGTH: "has the wrong number of digits",
    _REASON.INVALID_COUNTRY_CODE: "starts with an unknown country code",
}


@dataclass(frozen=True)
class PhoneNumber:
    e164: str  # the line itself, without an extension
    # the number as parsed, without its extension: the national form is made from it when first asked
    # for (a third of the cost of reading a number, and `kb check` never shows one)
    parsed: phonenumbers.PhoneNumber = field(compare=False, repr=False)
    extension: str | None = None

    @functools.cached_property
    def display(self) -> str:
        """The national form, with "ext." and the extension when there is one (phonenumbers' "x2"
        reads as a typo to an owner)."""
        national = phonenumbers.format_number(self.parsed, PhoneNumberFormat.NATIONAL)
        return f"{national} ext. {self.extension}" if self.extension else national

    @property
    def stored(self) -> str:
        """What entries keep and `tel:` links carry: E.164 with an RFC 3966 extension, so that no
        part of a number is lost ("+441632960999;ext=2")."""
        return f"{self.e164};ext={self.extension}" if self.extension else self.e164

    @property
    def tel(self) -> str:
        return f"tel:{self.stored}"

    @property
    def dial(self) -> str:
        """For address books: the extension after a pause (a comma), which phones dial once answered."""
        return f"{self.e164},{self.extension}" if self.extension else self.e164


def is_fictional(e164: str) -> bool:
    return any(pattern.match(e164) for pattern in _FICTIONAL)


def normalise(text: str, country: str | None, *, allow_fictional: bool) -> PhoneNumber:
    """Return the number in E.164 and a national display form, or raise ValueError with advice."""
    if country is None and allow_fictional and text in _BY_STORED:
        return _BY_STORED[text]
    number = _normalise(text, country, allow_fictional)
    # entries keep the stored form, and pages read it back (`Phone.phone`): a number that passed
    # once reads back as itself, so its stored form need not be parsed a second time
    if len(_BY_STORED) > 1 << 16:
        _BY_STORED.clear()
    _BY_STORED.setdefault(number.stored, number)
    return number


_BY_STORED: dict[str, PhoneNumber] = {}


# Parsing a number is the dearest step of reading an organisation (a third of `kb check` at 10,000 of
# them), and every page, export and check asks again for the same few numbers: parse each once.
@functools.lru_cache(maxsize=1 << 16)
def _normalise(text: str, country: str | None, allow_fictional: bool) -> PhoneNumber:
    try:
        parsed = phonenumbers.parse(text, (country or "").upper() or None)
    except NumberParseException:
        raise ValueError(f"'{text}' is not a phone number; write it with its area code, "
                         "or in international form such as +44 1632 960000, and an extension as "
                         "'ext 2' after it (menu options go in the phone's label)") from None
    e164 = phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    fictional = is_fictional(e164)
    if fictional and not allow_fictional:
        raise ValueError(f"'{text}' is in a range reserved for fiction and demos; "
                         "give the organisation's real number")
    length_problem = _LENGTH_PROBLEMS.get(phonenumbers.is_possible_number_with_reason(parsed))
    if length_problem:
        raise ValueError(f"'{text}' {length_problem}")
    if not fictional and not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"'{text}' is not a valid phone number"
                         + (f" in {country.upper()}" if country else ""))
    extension = parsed.extension or None
    parsed.extension = None  # kept apart, and shown in words (PhoneNumber.display)
    return PhoneNumber(e164, parsed, extension)
