"""Phone numbers (issue 17): every fictional-use range is accepted only on a demo site and refused on a
real one (a clinic listed with a drama number is dangerous), real numbers pass, and the messages say
what is wrong."""

from __future__ import annotations

import pytest

from generator.common import phones
from generator.common.phones import is_fictional, normalise

# Ofcom's drama ranges and North America's 555-0100..0199, written as contributors write them
FICTIONAL = [
    ("01632 960000", "GB", "+441632960000"), ("01632 960999", "GB", "+441632960999"),
    ("020 7946 0000", "GB", "+442079460000"), ("020 7946 0999", "GB", "+442079460999"),
    ("0113 496 0123", "GB", "+441134960123"), ("0114 496 0123", "GB", "+441144960123"),
    ("0115 496 0123", "GB", "+441154960123"), ("0116 496 0123", "GB", "+441164960123"),
    ("0117 496 0123", "GB", "+441174960123"), ("0118 496 0123", "GB", "+441184960123"),
    ("0121 496 0123", "GB", "+441214960123"), ("0131 496 0123", "GB", "+441314960123"),
    ("0141 496 0123", "GB", "+441414960123"), ("0151 496 0123", "GB", "+441514960123"),
    ("0161 496 0123", "GB", "+441614960123"), ("028 9649 6123", "GB", "+442896496123"),
    ("029 2018 0123", "GB", "+442920180123"), ("01914 980123", "GB", "+441914980123"),
    ("07700 900000", "GB", "+447700900000"), ("07700 900999", "GB", "+447700900999"),
    ("08081 570123", "GB", "+448081570123"), ("0909 879 0123", "GB", "+449098790123"),
    ("03069 990123", "GB", "+443069990123"), ("+44 7700 900123", None, "+447700900123"),
    ("(202) 555-0100", "US", "+12025550100"), ("202-555-0199", "US", "+12025550199"),
    ("+1 312 555 0142", None, "+13125550142"),
]


@pytest.mark.parametrize(("text", "country", "e164"), FICTIONAL, ids=[f[0] for f in FICTIONAL])
def test_fictional_ranges_only_on_a_demo_site(text: str, country: str | None, e164: str) -> None:
    assert is_fictional(e164)
    assert normalise(text, country, allow_fictional=True).e164 == e164
    with pytest.raises(ValueError, match="reserved for fiction and demos"):
        normalise(text, country, allow_fictional=False)


@pytest.mark.parametrize("e164", ["+441632961000", "+441632959999", "+442079461000", "+441134970123",
                                  "+447700901000", "+447700800123", "+12025550200", "+12025550099", "+12025551234",
                                  "+441224960123", "+442896497123", "+448081580123"])
def test_neighbouring_numbers_are_not_fictional(e164: str) -> None:
    assert not is_fictional(e164)


@pytest.mark.parametrize(("text", "country", "e164", "display"), [
    ("020 7123 4567", "GB", "+442071234567", "020 7123 4567"),
    ("+44 20 7123 4567", None, "+442071234567", "020 7123 4567"),
    ("(212) 736-5000", "US", "+12127365000", "(212) 736-5000"),
    ("0161 234 5678", "gb", "+441612345678", "0161 234 5678"),
])
def test_real_numbers_are_normalised(text: str, country: str | None, e164: str, display: str) -> None:
    number = normalise(text, country, allow_fictional=False)
    assert (number.e164, number.display, number.tel) == (e164, display, f"tel:{e164}")


NOT_A_NUMBER = ("is not a phone number; write it with its area code, or in international form such as +44 1632 960000, "
                "and an extension as 'ext 2' after it (menu options go in the phone's label)")


@pytest.mark.parametrize(("text", "country", "message"), [
    ("ring us", "GB", f"'ring us' {NOT_A_NUMBER}"),
    ("07", "GB", "'07' has too few digits; include the area code"),
    ("(212) 736-500", "US", "'(212) 736-500' has too few digits; include the area code"),
    ("0999 123 4567", "US", "'0999 123 4567' has too many digits; write an extension as 'ext 2' after the number"),
    ("+999 1234 5678", None, f"'+999 1234 5678' {NOT_A_NUMBER}"),
    ("01 2345 6789", "GB", "'01 2345 6789' is not a valid phone number in GB"),
    ("+1 202 123 4567", None, "'+1 202 123 4567' is not a valid phone number"),
    ("7123 4567", None, f"'7123 4567' {NOT_A_NUMBER}"),
    ("01632 960123", "GB", "'01632 960123' is in a range reserved for fiction and demos; give the organisation's "
                           "real number"),
])
def test_mistakes_say_what_is_wrong(text: str, country: str | None, message: str) -> None:
    """The whole message, word for word: contributors read it to fix the file."""
    with pytest.raises(ValueError) as raised:
        normalise(text, country, allow_fictional=False)
    assert str(raised.value) == message


@pytest.mark.parametrize(("text", "country"), [("01632 960190", "gb"), ("+44 1632 960999 ext 2", None),
                                               ("(202) 555-0143", "us"), ("+1 202 555 0143", None),
                                               ("020 7946 0018", "gb")])
def test_a_number_read_back_from_its_stored_form_is_the_same_number(text: str, country: str | None) -> None:
    # pages read numbers back from the stored form, and that reading is remembered from the first
    # parse: it must equal parsing the stored form afresh
    first = normalise(text, country, allow_fictional=True)
    phones._BY_STORED.clear()
    assert normalise(first.stored, None, allow_fictional=True) == first
    assert phones._normalise(first.stored, None, True) == first
