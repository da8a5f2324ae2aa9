"""Published text never states drug doses: find dose-like text, in figures or in words.

A dose is an amount with a drug unit (mg, ml, cc, mcg, µl, IU, units, drops, tablets, mmol, mEq, in
any spelling), or any amount per kilogram ("5 g per kg", "micrograms per kilogram"). A body weight
on its own ("patients under 2 kg", "hamsters under 50 g") is not a dose. Text is read as a reader sees
it first: entities decoded ("5&nbsp;mg"), compatibility forms folded ("5 ㎎", "½ ml"), invisible
characters and Markdown emphasis removed ("5 **mg**/kg").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.common.plaintext import as_read
from generator.core.sources import FieldPath

_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
                r"|hundred|thousand|half|quarter|third|fifth|tenth|twentieth)")
_FIGURE = r"(?:(?<![\w.,])\d+(?:[.,]\d+)?(?:\s*[/⁄]\s*\d+)?|(?<![\w.,])[.,]\d+)"
_NUMBER = rf"(?:{_FIGURE}|\b{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?(?:an?\s+)?{_NUMBER_WORD})*)"
_ARTICLE = r"\s*-?\s*(?:(?:an?|of|of\s+an?)\s+)?"
# units that only ever measure a drug
_DRUG_UNIT = (r"(?:mg|milligram(?:me)?s?|mcg|[µμ]g|ug|microgram(?:me)?s?|ml|mls|millilit(?:re|er)s?|cc|mcl|[µμ]l"
              r"|microlit(?:re|er)s?|iu|i\.u\.|international\s+units?|mmol|millimoles?|meq|milliequivalents?)")
# words that are a dose only after an amount ("2 drops", "half a tablet", "two tablets"); "unit" in the
# singular only after a figure ("1 unit"), because "one unit of the clinic" is a ward, not a dose
_COUNTED = r"drops?|tablets?|capsules?|pills?|pumps?|(?:tea|table)spoon(?:ful)?s?|tsps?|tbsps?"
_COUNTED_UNIT = rf"(?:units?|{_COUNTED})"
_COUNTED_AFTER_WORDS = rf"(?:units|{_COUNTED})"
# "a few drops of Metacam": an amount without a number, of a medicine, is still a dose ("a few drops of
# water on the lips" is not). The medicines are those an owner may have at home: the general words, the
# pain relief, antibiotics and wormers vets give small mammals, antibiotics that kill guinea pigs and
# hamsters, human medicines that are dangerous to them, and oils and remedies that harm them in drops.
_VAGUE_AMOUNT = (r"(?:an?|one|a\s+single|a\s+few|few|several|some|a\s+couple(?:\s+of)?|one\s+or\s+two"
                 r"|two\s+or\s+three)")
_SIZE = r"(?:(?:small|tiny|little|more|extra|large|big|full|pea-sized)\s+)?"
_VAGUE_UNIT = (r"(?:drops?|pumps?|squirts?|dabs?|smears?|blobs?|dropper(?:ful)?s?|syringe(?:ful)?s?|doses?|bits?"
               r"|amounts?)(?:\s+or\s+two)?")
_MEDICINE = (r"(?:medicines?|medications?|meds|painkillers?|pain\s+relief|anti-?inflammator(?:y|ies)|antibiotics?"
             r"|steroids?|drugs?|wormers?|de-?wormers?|flea\s+treatments?|spot-?ons?|eye\s+drops|ear\s+drops"
             r"|meloxicam|metacam|loxicom|carprofen|rimadyl|enrofloxacin|baytril|marbofloxacin|trimethoprim|septrin"
             r"|amoxicillin|penicillin|synulox|clindamycin|ivermectin|xeno|selamectin|stronghold|fenbendazole"
             r"|panacur|toltrazuril|baycox|buprenorphine|vetergesic|metoclopramide|emeprid|ranitidine|zantac"
             r"|simethicone|infacol|loperamide|imodium|ibuprofen|nurofen|paracetamol|acetaminophen|calpol|aspirin"
             r"|prednisolone|dexamethasone|tramadol|gabapentin|piriton|chlorphenamine|benadryl|diphenhydramine"
             r"|cbd\s+oil|tea\s+tree\s+oil|essential\s+oils?|rescue\s+remedy)")
# the medicine ends the phrase: "Metacam™" (read as "MetacamTM") and "Metacam®" are it, "drug-free" is not
_MEDICINE_END = r"(?:tm|®)?(?![\w-])"
_QUOTE = r"[\"'“‘\[]?"  # a name in quotes or as a link's text
_VAGUE_DOSE = (rf"\b{_VAGUE_AMOUNT}\s+{_SIZE}{_VAGUE_UNIT}\s+of\s+(?:(?:the|your|its|their|this|that|some)\s+)?"
               rf"(?:[\w'’-]+\s+){{0,2}}{_QUOTE}{_MEDICINE}{_MEDICINE_END}"
               rf"|\b{_VAGUE_AMOUNT}\s+{_SIZE}{_QUOTE}{_MEDICINE}{_MEDICINE_END}\W{{0,2}}\s+{_VAGUE_UNIT}(?![\w])")
# "never give even a drop of paracetamol", "not a single drop of ibuprofen is safe": a warning, not a dose
# (only for the amounts without a number: "do not give more than 5 mg" still states a dose)
_NEGATED = re.compile(r"\b(?:never|not|no|nor|don['’]?t|do\s+not|without|even)(?:\s+[\w'’]+){0,4}\s+$", re.IGNORECASE)
_PER_WEIGHT = r"(?:\s*/\s*|\s+per\s+|\s+a\s+)(?:kg|kilo(?:gram(?:me)?)?s?|g|grams?)(?![\w])"
_PER_TIME = r"(?:\s*/\s*|\s+per\s+|\s+an?\s+|\s+every\s+)(?:day|d|hour|hr|h|\d+\s*h)(?![\w])"
DOSE = re.compile(
    rf"{_NUMBER}{_ARTICLE}{_DRUG_UNIT}(?![\w])(?:{_PER_WEIGHT})?(?:{_PER_TIME})?"
    rf"|(?:{_FIGURE}|\b(?:half|quarter|a\s+half|a\s+quarter))\s*(?:an?\s+)?{_COUNTED_UNIT}(?![\w])(?:{_PER_WEIGHT})?"
    rf"|\b{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?(?:an?\s+)?{_NUMBER_WORD})*{_ARTICLE}{_COUNTED_AFTER_WORDS}(?![\w])"
    rf"(?:{_PER_WEIGHT})?"
    rf"|{_NUMBER}\s*-?\s*(?:g|grams?|kg|kilo(?:gram(?:me)?)?s?){_PER_WEIGHT}"
    rf"|\b{_DRUG_UNIT}{_PER_WEIGHT}"
    # "a millilitre", "an ml": the article is the amount (a drug unit measures nothing else)
    rf"|\ban?\s+{_DRUG_UNIT}(?![\w])"
    rf"|(?P<vague>{_VAGUE_DOSE})",
    re.IGNORECASE)
# the inward half of a UK postcode ("ZZ2 3MG") is not 3 mg
_POSTCODE_INWARD = re.compile(r"\d[A-Z]{2}")
_POSTCODE_OUTWARD_BEFORE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s$")
_MARKUP = re.compile(r"<[^>]*>|[*_`]")


@dataclass(frozen=True)
class DoseFound:
    text: str  # as read, for the message
    start: int  # in the text as written, for the column


# Every dose has one of these in it as written, at the start of a word (a unit), or what could hide one
# (an entity, an invisible or compatibility character). Most texts have none and skip the normalising
# and the large pattern below: there are a third of a million texts at 10,000 organisations, so this
# is written for speed (lower-cased once, an alternation grouped by first letter, which Python's
# engine tries a fifth faster than the flat list, the word start checked by hand). The units: mg ml mcg
# mcl mmol meq micro milli, ug unit, iu i.u, drop dose dab, tablet tablespoon teaspoon tsp tbsp, capsule,
# squirt smear, pill pump, cc gram kilo kg. A vague amount of a medicine with none of these in its text
# ("a syringe of Metacam", "a small amount of Metacam") is found only where the text has one elsewhere:
# the medicines' names here made the pre-check six times dearer.
_UNIT_START = re.compile(r"m(?:g|l|cg|cl|mol|eq|icro|illi)|u(?:g|nit)|i\.?u|d(?:rop|ose|ab)"
                         r"|t(?:ablet|ablespoon|easpoon|sp|bsp)|capsule|s(?:quirt|mear)|pill|pump|cc|gram|kilo|kg")
# an entity by number or by name ("&#181;", "&mu;"), which the reader's text decodes
_ENTITY = re.compile(r"&(?:#|[a-zA-Z])")  # a name without its ";" is decoded too ("&micro")
_HIDING = re.compile(r"[µμ]|&(?:#|[a-zA-Z])|[\u00ad\u200b-\u200f\u2060-\u206f\ufeff\u3380-\u33ff\uff10-\uff5a]")


def maybe_dose(text: str) -> bool:
    lowered = text.lower()
    for match in _UNIT_START.finditer(lowered):
        if match.start() == 0 or not lowered[match.start() - 1].isalpha():
            return True
    # every character _HIDING looks for is outside ASCII but the '&' of an entity: an ASCII text (98%
    # of them) needs only the entity pattern, where it has an '&' at all
    if text.isascii():
        return "&" in text and _ENTITY.search(text) is not None
    return _HIDING.search(text) is not None


@functools.lru_cache(maxsize=65536)  # texts repeat across entries (ids, vocabulary words, stock phrases)
def find_dose(text: str) -> DoseFound | None:
    if not maybe_dose(text):
        return None
    read = _MARKUP.sub("", as_read(text))
    for match in DOSE.finditer(read):
        if _POSTCODE_INWARD.fullmatch(match.group(0)) and _POSTCODE_OUTWARD_BEFORE.search(read[:match.start()]):
            continue
        if match.group("vague") and _NEGATED.search(read, 0, match.start()):
            continue
        return DoseFound(match.group(0), _written_start(text, match.group(0)))
    return None


def doses_in(text: str) -> list[DoseFound]:
    """Every dose in ``text`` (find_dose gives the first), each placed in the whole text."""
    found, at = [], 0
    while (dose := find_dose(text[at:])) is not None:
        found.append(DoseFound(dose.text, at + dose.start))
        at += dose.start + max(len(dose.text), 1)
    return found


_GAP = r"(?:[^\w&]|&#?\w+;?)+?"  # between two words as written: spaces, markup, an entity


def _written_start(text: str, read: str) -> int:
    """Where the dose ``read`` (as the reader sees it) starts in ``text`` as written: the same words with
    anything but words between them ("a few&nbsp;drops", "of **Metacam**"), else its first word alone."""
    at = text.find(read)
    if at >= 0:
        return at
    words = re.findall(r"\w+", read)
    if not words:
        return 0
    found = re.search(r"(?<!\w)" + _GAP.join(map(re.escape, words)), text, re.IGNORECASE) \
        or re.search(r"(?<!\w)" + re.escape(words[0]) + r"(?!\w)", text, re.IGNORECASE)
    return found.start() if found else 0


def strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text value in loaded YAML data, with its field path."""
    if isinstance(data, str):
        yield path, data
        return
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    # a text is yielded here, not by a call of its own: most values are texts, and a generator per
    # value was most of walking a third of a million of them
    for key, value in items:
        if isinstance(value, str):
            yield (*path, key), value
        elif isinstance(value, (dict, list)):
            yield from strings(value, (*path, key))
