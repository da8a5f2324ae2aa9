"""A phone extension is never lost (issue 20): kept in the stored number (E.164 with RFC 3966's
`;ext=`), shown on the page, dialled by `tel:` links and address books, and kept apart in HSDS; text
after a number that is not an extension is refused with advice rather than run into the digits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import vobject

from generator.common.phones import normalise
from tests.helpers import page

ORG = "eastmarsh-exotics-and-small-pets"  # its referrals desk is the main line, extension 4


@pytest.mark.parametrize("written", ["01632 960 999 ext 2", "01632 960999 ext. 2", "01632 960999 x2",
                                     "01632 960999 extension 2", "+44 1632 960999;ext=2",
                                     "tel:+44-1632-960999;ext=2"])
def test_every_way_of_writing_an_extension_keeps_it(written: str) -> None:
    number = normalise(written, "GB", allow_fictional=True)
    assert (number.stored, number.display, number.tel) == (
        "+441632960999;ext=2", "01632 960999 ext. 2", "tel:+441632960999;ext=2")
    # what a file keeps reads back as the same number
    assert normalise(number.stored, None, allow_fictional=True) == number


def test_a_number_without_extension_is_unchanged() -> None:
    number = normalise("01632 960999", "GB", allow_fictional=True)
    assert (number.stored, number.display, number.extension) == ("+441632960999", "01632 960999", None)


@pytest.mark.parametrize("written", ["01632 960999 (press 2)", "01632 960999 option 2 then 4"])
def test_words_after_a_number_are_refused_not_run_into_it(written: str) -> None:
    with pytest.raises(ValueError, match="ext"):
        normalise(written, "GB", allow_fictional=True)


def test_the_page_shows_and_dials_the_extension(demo_site: Path) -> None:
    html = page(demo_site, f"organisations/{ORG}/")
    links = {a["href"]: a.get_text(" ", strip=True) for a in html.select('a[href^="tel:"]')}
    assert "tel:+441632960220;ext=4" in links
    assert "01632 960220 ext. 4" in links["tel:+441632960220;ext=4"]
    assert "tel:+441632960220" in links  # the main line itself, without the extension


def test_exports_keep_the_extension(demo_site: Path) -> None:
    card = vobject.readOne((demo_site / "api" / "vcards" / f"{ORG}.vcf").read_text(encoding="utf-8"))
    assert "+441632960220,4" in [tel.value for tel in card.contents["tel"]]
    hsds = next(json.loads(p.read_text(encoding="utf-8"))
                for p in (demo_site / "api" / "hsds" / "organizations").glob("*.json")
                if json.loads(p.read_text(encoding="utf-8"))["name"] == "Eastmarsh Exotics and Small Pets")
    assert {"number": "+441632960220", "extension": 4} in [
        {key: phone[key] for key in ("number", "extension") if key in phone} for phone in hsds["phones"]]
