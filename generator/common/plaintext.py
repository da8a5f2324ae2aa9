"""Text as a reader sees it, for the checks that look for what must never be published (doses,
identifying details): entities decoded, compatibility forms folded, invisible characters removed."""

from __future__ import annotations

import html
import re
import unicodedata

# invisible format characters (zero-width space and joiners, soft hyphen …) that split words apart
_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u206f\ufeff]")


def as_read(text: str) -> str:
    """NFKC turns '＠' into '@', '５' into '5', '㎎' into 'mg' and '½' into '1⁄2'; '&nbsp;' and '&#64;'
    become the characters they stand for; a zero-width space between a number and its unit goes."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", html.unescape(text)))
