"""Clinical numbers live in signs.yml only. Prose quotes them with a macro, ``{{not-eating:guinea-pig}}``
(that species' number) or ``{{difficult-birth}}`` (the number for every species), which the build
replaces with the words ("6 hours"). Numbers written by hand are checked against the data: prose
that states a time or temperature for a sign that differs from signs.yml, or says "several hours"
where signs.yml has a number, is an error at its line and column.

The same module checks that a note beside a badge (a guide's note on a sign, a species threshold in
signs.yml) names no urgency other than the badge's: "within the hour" beside "Same day" is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from generator.common.owner_words import owner_words
from generator.core.catalog import Catalog
from generator.core.suggest import suggest_id
from generator.kinds.triage.model import Sign
from generator.kinds.triage.urgency import applies, sign_limit, sign_tier

MACRO = re.compile(r"\{\{\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?::\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*)?\}\}")
# numbers as owners write them: 12, twelve, "12-hour", "12+ hours", "12 or more hours", "**12** hours",
# "half an hour", "a whole day"; °C however the degree sign is typed, and never °F
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20,
                 "twenty-four": 24, "twenty four": 24, "thirty": 30, "thirty-six": 36, "forty-five": 45,
                 "forty-eight": 48, "sixty": 60, "ninety": 90}
_WORDS = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?<![\w.])\**(?P<value>\d+(?:\.\d+)?|(?:{_WORDS})(?![\w-]))\**"
    rf"(?P<range>\s*(?:to|or|–|—|-)\s*(?:\d+(?:\.\d+)?|{_WORDS}))?\+?(?:\s+or\s+more)?(?:\s+(?:full|whole|long))?[\s-]*"
    r"(?P<unit>hours?|hrs?|h|minutes?|mins?|days?|[°º˚]\s*c|℃|degrees(?:\s+c(?:elsius)?)?)(?![a-z])"
    r"(?!\s*(?:f\b|fahrenheit))"
    r"|\b(?P<half>half\s+an?|an?\s+half)\s+(?P<unit2>hour|day)\b"
    r"|\b(?P<one>an?|one|a\s+(?:whole|full))\s+(?P<unit1>hour|minute)\b"
    r"|\b(?P<whole>a\s+(?:whole|full))\s+(?P<unit3>day)\b"
    # "for a day", "for a day or two": a sign's number only after "for" (_FOR_OR_IN), as "24 hours a
    # day" and "twice a day" are not
    r"|(?P<aday>(?:\*\*)?\ba\s+day\**)(?P<aday_half>\s+and\s+a\s+half)?(?P<aday_range>\s+or\s+(?:two|2|three|3|so))?(?![\w-])",
    re.IGNORECASE)
# every quantity _QUANTITY or _VAGUE finds has one of these: a digit, a unit, or a degree sign
_MAYBE_A_QUANTITY = re.compile(r"\d|hour|\bhrs?\b|minute|\bmins?\b|day|[°º˚℃]|degree", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:several|a few|a couple of|some|many)\s+(?P<unit>hours|minutes)\b", re.IGNORECASE)
# Numbers after these words are deadlines ("within an hour", "every hour", "seen in the next 2 hours"),
# targets ("aim for 18 °C", "keep the room below 20 °C", "do best at 10 to 20 °C") or a body's
# temperature, not a sign's number. ("between 15 and 20 °C" is a range: _BETWEEN.)
_DEADLINE = re.compile(r"\b(?:within(?:\s+the\s+next)?|every|in\s+under|in\s+less\s+than|less\s+than|in\s+the\s+next|"
                       r"after\s+the\s+first|aim\s+for|ideally|(?:do|does)\s+best\s+at|comfortable\s+at|"
                       r"keep\s+(?:\w+\s+){0,3}(?:at|below|under|between|around))\s+(?:about\s+)?$"
                       r"|\b(?:body|rectal|core)\s+temperature\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
# "in an hour" is a deadline; "not eaten in 6 hours" is a sign's number
_IN_AN_HOUR = re.compile(r"\bin\s+$", re.IGNORECASE)
# a number that says when a service runs ("our 24 hour line", "24 hours a day") is not a sign's
_SERVICE_HOURS = re.compile(r"\s*(?:a\s+day|(?:emergency\s+|phone\s+|help\s*)?(?:line|service|cover|care|"
                            r"clinic|hospital|vets?|team|helpline))\b", re.IGNORECASE)
# a full stop ends a sentence, except in a number (27.5 °C) or an abbreviation (etc., approx., e.g.)
_SENTENCE = re.compile(r"(?:[^.!?;]|\.(?=\d)|(?<=\betc)\.|(?<=\bapprox)\.|(?<=\bmax)\.|(?<=\bmin)\.|(?<=\bca)\.|"
                       r"(?<=\be\.g)\.|(?<=\bi\.e)\.|(?<=\be)\.(?=g\.)|(?<=\bi)\.(?=e\.))+[.!?;]?", re.IGNORECASE)
_UNITS = {"h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
          "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes"}
_MINUTES_IN = {"hours": 60, "minutes": 1}


def unit_of(word: str) -> str:
    word = word.lower()
    if word[:1] in "°º˚℃" or word.startswith("degree"):
        return "celsius"
    return _UNITS[word]


def _converted(value: float, unit: str, to: str) -> float | None:
    """``value`` in ``unit`` as a number of ``to`` (hours and minutes convert; °C only to itself)."""
    if unit == to:
        return value
    if unit in _MINUTES_IN and to in _MINUTES_IN:
        return value * _MINUTES_IN[unit] / _MINUTES_IN[to]
    return None


# ---- quoting -----------------------------------------------------------------------------------

def quote(text: str, catalog: Catalog) -> str:
    """The text with every macro replaced by the number from signs.yml (unknown ones stay)."""
    def words(match: re.Match[str]) -> str:
        limit = _macro_limit(catalog, match.group(1), match.group(2))
        return limit.words() if limit else match.group(0)
    return MACRO.sub(words, text) if "{{" in text else text


def _macro_limit(catalog: Catalog, sign_id: str, species_id: str | None):
    if sign_id not in catalog.signs:
        return None
    if species_id is not None and not applies(catalog, sign_id, species_id):
        return None
    return sign_limit(catalog, sign_id, species_id)


@dataclass(frozen=True)
class Finding:
    """A problem inside a piece of text: where (the matched token and which occurrence of it in
    the text), what and how to fix it."""

    token: str
    occurrence: int
    offset: int
    message: str
    hint: str = ""


# What is left of a macro once the whole ones are taken out: a brace short ("{{not-eating:rat}"), a
# macro with spaces or capitals inside, an opening never closed on its line. Published as written, an
# owner would read the braces where the number should be.
_BROKEN = re.compile(r"\{\{?[^{}\n]{0,80}\}?\}?|[^{}\s]*\}\}")
_SINGLE = re.compile(r"\{\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?::\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*)?\}")


def _broken_macros(text: str, catalog: Catalog) -> Iterator[re.Match[str]]:
    if "{" not in text and "}}" not in text:
        return
    left = MACRO.sub(lambda whole: " " * len(whole.group(0)), text)
    for match in _BROKEN.finditer(left):
        token = match.group(0)
        single = _SINGLE.fullmatch(token)
        if "{{" in token or "}}" in token or (single is not None and single.group(1) in catalog.signs):
            yield match


def macro_findings(text: str, catalog: Catalog) -> list[Finding]:
    """Macros that name no sign, a species the sign does not cover, or a sign without a number; and
    half-written ones."""
    found = [Finding(match.group(0), _occurrence(text, match.group(0), match.start()), match.start(),
                     f"'{match.group(0).strip()}' is not a whole macro: the page would show it as written",
                     "write {{sign}} or {{sign:species}}, two braces each side, e.g. {{not-eating:guinea-pig}}")
             for match in _broken_macros(text, catalog)]
    for match in MACRO.finditer(text):
        sign_id, species_id = match.group(1), match.group(2)
        token = match.group(0)
        if sign_id not in (catalog.ids("signs") or {}):
            message, hint = f"{token} names no sign in signs.yml", "use a sign id, such as {{not-eating:guinea-pig}}"
        elif sign_id not in catalog.signs:
            continue  # a sign whose entry has mistakes: reported in signs.yml, once
        elif species_id is not None and species_id not in (catalog.ids("species") or {}):
            meant = suggest_id(species_id, catalog.names("species"))  # as for any unknown species id
            message, hint = f"{token} names no species", (f"did you mean '{meant}'?" if meant
                                                          else f"use one of: {', '.join(catalog.species)}")
        elif species_id is not None and species_id not in catalog.species:
            continue  # a species whose entry has mistakes: reported in species.yml, once
        elif species_id is not None and not applies(catalog, sign_id, species_id):
            message, hint = f"{token}: the sign '{sign_id}' does not apply to {species_id}", ""
        elif _macro_limit(catalog, sign_id, species_id) is None:
            whose = f"for {species_id}" if species_id else "for every species"
            message = f"{token}: signs.yml gives '{sign_id}' no number {whose}"
            hint = "add a limit (hours, minutes or celsius) to the sign or its species threshold"
        else:
            continue
        found.append(Finding(token, _occurrence(text, token, match.start()), match.start(), message, hint))
    return found


def _occurrence(text: str, token: str, offset: int) -> int:
    return text.count(token, 0, offset) if token else 0


# ---- prose against the data --------------------------------------------------------------------

@dataclass(frozen=True)
class Context:
    """What a piece of prose is about when it does not say: the sign it sits under (a threshold
    text, a guide's note) and the species it is for (a guide's, a first-aid page's)."""

    species: tuple[str, ...]
    sign: str | None = None
    # the species were named (a heading's "Hamsters and guinea pigs"): each must have the number, as
    # species named in the sentence must; else they are a guide's species, and one having it is enough
    named: bool = False
    # the paragraph before this one, whose last species a pet referred back to may be
    before: str = ""


def _mentions(text: str, phrases: dict[str, list[str]]) -> list[tuple[int, str]]:
    return sorted({(start, key) for start, _, key in _spans(text, phrases)})


def _spans(text: str, phrases: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """(start, end, key) of every phrase in the text, the longest where two start at one place."""
    found: dict[int, tuple[int, str]] = {}
    for key, words in phrases.items():
        for word in words:
            if _key_word(word) in text:  # most phrases are in no sentence: skip the pattern match
                for match in _whole_word(word).finditer(text):
                    if match.end() > found.get(match.start(), (-1, ""))[0]:
                        found[match.start()] = (match.end(), key)
    return sorted((start, end, key) for start, (end, key) in found.items())


@lru_cache(maxsize=4096)
def _key_word(phrase: str) -> str:
    """A word the phrase cannot be found without, however it is written ("not" may be "n't")."""
    return next((part for part in re.split(r"[\s-]+", phrase) if part != "not"), phrase)


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """The phrase as whole words, wrapped over lines or hyphenated or not ("guinea\\n  pig", "guinea-pigs"),
    and "has not" as "hasn't"."""
    pattern = ""
    for part in word.split():
        if part == "not":  # "not eaten" in "hasn't eaten" too
            pattern += r"(?:(?:\s+|-)not|n['’]t)" if pattern else r"(?:(?<![a-z])not|n['’]t)"
        else:
            pattern += (r"(?:\s+|-)" if pattern else r"(?<![a-z])") + re.escape(part)
    return re.compile(pattern + r"(?![a-z])")


def _sign_phrases(catalog: Catalog) -> dict[str, list[str]]:
    return catalog.memo(("sign_phrases", len(catalog.signs)), lambda: {
        sign.id: [p.lower() for p in [sign.label, *sign.said_as]] for sign in catalog.signs.values()})


def _species_phrases(catalog: Catalog) -> dict[str, list[str]]:
    """Each species' names as a text may give them: its label and plural, and its other names that
    search knows (theme/kb/search-words.yml's species_aliases: "cavy", "chinnie"; not "ratty")."""
    def phrases() -> dict[str, list[str]]:
        aliases = owner_words()["species_aliases"]
        named = {}
        for s in catalog.species.values():
            names = {s.label.lower(), s.plural.lower()}
            names |= {alias for alias, meant in aliases.items() if meant in names}
            named[s.id] = sorted(names, key=len, reverse=True)
        return named
    return catalog.memo(("species_phrases", len(catalog.species)), phrases)


def species_named(text: str, catalog: Catalog) -> tuple[str, ...]:
    """The species a text names (a heading's "Guinea pigs and chinchillas"), in the catalog's order."""
    named = {key for _, key in _mentions(text.lower(), _species_phrases(catalog))}
    return tuple(s for s in catalog.species if s in named)


def signs_named(text: str, catalog: Catalog) -> tuple[str, ...]:
    """The signs a text names (a heading's "Not eating or no droppings"), in the order it names them."""
    return tuple(dict.fromkeys(key for _, key in _mentions(text.lower(), _sign_phrases(catalog))))


def without_species(text: str, catalog: Catalog) -> str:
    """The text with each species it names blanked out (as many spaces), lower-cased: what it says
    about signs and times, for a text whose species are given apart (a table's header and first cell)."""
    lower = text.lower()
    for start, end, _ in reversed(_spans(lower, _species_phrases(catalog))):
        lower = lower[:start] + " " * (end - start) + lower[end:]
    return lower


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    for match in _SENTENCE.finditer(text):
        yield match.start(), match.group(0)


def prose_findings(text: str, context: Context, catalog: Catalog) -> list[Finding]:
    """Times and temperatures that the text states for a sign and that differ from signs.yml, and
    macros that quote one species' number for species that have another.

    A number (written, or quoted by a macro) is for the species its clause names (see _attach), and
    every one of them must have it. A number whose clause names no species is for the text's own
    species, and one of them having it is enough."""
    if not catalog.signs:
        return []
    plain = MACRO.sub(lambda m: " " * len(m.group(0)), text)  # quoted numbers come from the data
    lower = plain.lower()
    findings = []
    sign_phrases, species_phrases = _sign_phrases(catalog), _species_phrases(catalog)
    macros = list(MACRO.finditer(text)) if "{{" in text else []
    earlier = _Earlier(lower, context.before, catalog)
    for start, sentence in _sentences(lower):
        quantities = list(_quantities(sentence))
        quoted = [m for m in macros if start <= m.start() < start + len(sentence)]
        if not quantities and not quoted:  # most sentences state no number: nothing to find the sign of
            continue
        signs = _mentions(sentence, sign_phrases)
        numbers: list[_Number] = []
        for offset, value, unit, shown in quantities:
            sign_id = _nearest(signs, offset) or context.sign
            numbers.append(_Number(offset, offset + len(shown), sign_id, (offset, value, unit, shown)))
        numbers += [_Number(m.start() - start, m.end() - start, m.group(1), m) for m in quoted]
        numbers.sort(key=lambda n: n.start)
        attached = _attach(sentence, numbers, _spans(sentence, species_phrases), signs)
        for number, named in zip(numbers, attached, strict=True):
            if isinstance(number.item, re.Match):
                if named:
                    findings += _macro_for_others(catalog, text, number.item, named)
                elif context.named:  # under a heading, a table's header or first cell that names species
                    findings += _macro_for_others(catalog, text, number.item, set(context.species),
                                                  in_clause=False)
                continue
            offset, value, unit, shown = number.item
            if number.sign is None or number.sign not in catalog.signs:
                continue
            shown = plain[start + offset:start + offset + len(shown)]  # as written, not lower-cased
            about = context
            if not named and _REFERS_BACK.search(sentence):  # "Guinea pigs … . If one has not eaten for …"
                about = _referred_to(earlier.before(start), context)
            finding = _check_number(catalog, catalog.signs[number.sign], named, about, value, unit, shown)
            if finding:
                message, hint = finding
                token = shown.split()[0]
                findings.append(Finding(token, _occurrence(plain, token, start + offset), start + offset,
                                        message, hint))
    return findings


# A sentence whose subject is a pet named in a sentence before it: "If one has not eaten …", "… if she
# stops eating", "Their gut …" ("one" only as a subject: not "one hour", "one of", "no one")
_REFERS_BACK = re.compile(r"\b(?:it|its|she|he|they|them|their|her|him|his)\b|(?<!\bno\s)\bone\s+(?!(?:hours?|"
                          r"minutes?|mins?|hrs?|days?|weeks?|or|and|to|of|more|degrees?)\b)[a-z]")


def _species_of(sentence: str, catalog: Catalog) -> tuple[str, ...]:
    """The species a sentence names, but those set apart or compared with."""
    spans = _spans(sentence, _species_phrases(catalog))
    named = {key for position, _, key in spans if not _set_apart(sentence, spans, 0, position, _NOT_REFERRED_TO)}
    return tuple(s for s in catalog.species if s in named)


class _Earlier:
    """The species of the last sentence before a point that names any, read forward once as far as asked
    (a long paragraph is read once, not once per number); else those of the paragraph before."""

    def __init__(self, text: str, paragraph_before: str, catalog: Catalog) -> None:
        self._text, self._paragraph_before, self._catalog = text, paragraph_before, catalog
        self._read, self._last = 0, ()
        self._of_paragraph_before: tuple[str, ...] | None = None  # read once, when first needed

    def before(self, end: int) -> tuple[str, ...]:
        if end > self._read:
            for _, sentence in _sentences(self._text[self._read:end]):
                self._last = _species_of(sentence, self._catalog) or self._last
            self._read = end
        if self._last:
            return self._last
        if self._of_paragraph_before is None:
            sentences = reversed(list(_sentences(self._paragraph_before.lower())))
            self._of_paragraph_before = next(
                (named for _, sentence in sentences if (named := _species_of(sentence, self._catalog))), ())
        return self._of_paragraph_before


def _referred_to(earlier: tuple[str, ...], context: Context) -> Context:
    """The species a pet referred back to is: those named before that the text is about (on a guinea pig's
    page, "Never give hamster food. If she …" is still the guinea pig), one of which having the number is
    enough, or all of them under a heading that names them; else the text's own."""
    overlap = tuple(s for s in earlier if s in context.species)
    return replace(context, species=overlap) if overlap else context


@dataclass(frozen=True)
class _Number:
    """A number in a sentence: where it is, the sign it is for, and the quantity or macro itself."""

    start: int
    end: int
    sign: str | None
    item: object


# Where a sentence's clauses meet: ", but", ", or", ", and" …, a dash, and "but", "while", "whereas"
# alone ("or" and "and" alone join the species of a list: "a guinea pig, chinchilla or degu").
_CLAUSE_BREAK = re.compile(r",\s+(?:but|or|and|while|whereas|though|although|so|unlike)\b|\s(?:but|while|whereas)\s"
                           r"|\s[–—-]\s")
# Species named to set them apart ("unlike a hamster", "except hamsters and mice") are not the number's.
_SET_APART_WORDS = r"unlike|except(?:\s+for)?|apart\s+from|other\s+than|but\s+not|not\s+for"
_SET_APART = re.compile(rf"\b(?:{_SET_APART_WORDS})\b")
# nor is a pet referred back to one of the species set apart, or compared with ("Guinea pigs need food
# more often than hamsters. If one …", "Keep your guinea pig away from the hamster. If it …")
_NOT_REFERRED_TO = re.compile(rf"\b(?:{_SET_APART_WORDS}|than|like|from)\b")
_ONLY_LIST_WORDS = re.compile(r"(?:[\s,]|\b(?:and|or|an?|the|your)\b)*")
# a species right after its number: "6 hours for guinea pigs, 12 hours in hamsters"
_RIGHT_AFTER = re.compile(r"\s*(?:in|for|with)\s+(?:an?\s+|the\s+|your\s+)?$")
_PARENTHESES = re.compile(r"\([^()]*\)")
# a clause that compares ("… but a guinea pig needs one much sooner") gives its species no number
_COMPARED = re.compile(r"\b(?:sooner|earlier|faster|quicker|more\s+quickly|longer|later)\b")


def _attach(sentence: str, numbers: list[_Number], species: list[tuple[int, int, str]],
            signs: list[tuple[int, str]]) -> list[set[str]]:
    """The species each number is for. The sentence is cut into clauses (at ", but", ", or" …, and at
    dashes); within a clause,
    - a species named right after a number ("6 hours for guinea pigs"), or in parentheses without a
      number of their own after it ("6 hours (guinea pigs, degus)"), is for that number;
    - with one number, every species the clause names is for it;
    - with several, a species is for the next number after it ("guinea pigs (6 hours) and hamsters
      (12 hours)"), else the last; a number with none is for the species of the one before;
    - a species named twice counts where it is named last ("hamsters and guinea pigs …: hamsters
      after 12 hours, guinea pigs after 6");
    - a species set apart ("unlike a hamster", "except hamsters and mice"), or named after the number
      and nearer a sign of its own that has no number ("… or your hamster has collapsed"), is for none.
    A clause naming species but no number is one statement with the clause before it ("a hamster not
    eating for 12 hours, or a guinea pig"), or with the first that has a number when it comes first,
    unless it names a sign of its own that none of those numbers is for."""
    cuts = {0, len(sentence)} | {match.start() for match in _CLAUSE_BREAK.finditer(sentence)}
    quiet = [(m.start(), m.end()) for m in _PARENTHESES.finditer(sentence)
             if not any(m.start() <= n.start < m.end() for n in numbers)]
    bounds = sorted(cuts)
    attached: dict[int, set[str]] = {id(n): set() for n in numbers}
    numbered_signs = {n.sign for n in numbers}
    last_with_numbers: list[_Number] = []
    waiting: list[str] = []  # species of the clauses before the first with a number
    for low, high in zip(bounds, bounds[1:], strict=False):
        here = [n for n in numbers if low <= n.start < high]
        named: dict[str, tuple[int, int]] = {}
        for position, end, key in species:  # in order: a species named twice keeps its last place
            if low <= position < high and not _set_apart(sentence, species, low, position):
                named.pop(key, None)
                named[key] = (position, end)
        if not here:
            own_signs = {sign for at, sign in signs if low <= at < high}
            if _COMPARED.search(sentence, low, high):
                continue  # "… but a guinea pig needs one much sooner": not this number
            if not last_with_numbers:
                waiting += named  # the subject comes first: "If your guinea pig is bloated, or …"
            elif not own_signs or own_signs & {n.sign for n in last_with_numbers}:
                attached[id(last_with_numbers[-1])].update(named)
            continue
        attached[id(here[0])].update(waiting)
        waiting = []
        run: tuple[_Number, int] | None = None  # a list of species right after a number: (it, the list's end)
        for key, (position, end) in sorted(named.items(), key=lambda item: item[1]):
            before = [n for n in here if n.end <= position]
            after = [n for n in here if n.start > position]
            if run and _ONLY_LIST_WORDS.fullmatch(sentence, run[1], position):
                target = run[0]  # "6 hours for guinea pigs, chinchillas and degus"
            elif before and _nearer_another_sign(position, signs, numbered_signs, low, high):
                run = None
                continue  # "… or your hamster has collapsed"
            elif before and (_RIGHT_AFTER.fullmatch(sentence, before[-1].end, position)
                             or any(q_low <= position < q_high and q_low >= before[-1].end
                                    for q_low, q_high in quiet)):
                target = before[-1]
            elif len(here) == 1:
                target = here[0]
            else:
                target = after[0] if after else here[-1]
            run = (target, end) if before and target is before[-1] else None
            attached[id(target)].add(key)
        for previous, number in zip(here, here[1:], strict=False):
            if not attached[id(number)]:
                attached[id(number)] = set(attached[id(previous)])
        last_with_numbers = here
    return [attached[id(n)] for n in numbers]


def _set_apart(sentence: str, species: list[tuple[int, int, str]], low: int, position: int,
               words: re.Pattern[str] = _SET_APART) -> bool:
    """Whether the species named at ``position`` follows "unlike", "except" … (``words``) with nothing but
    other species, commas, "and", "or" and articles in between."""
    keywords = list(words.finditer(sentence, low, position))
    if not keywords:
        return False
    between = list(sentence[keywords[-1].end():position])
    offset = keywords[-1].end()
    for start, end, _ in species:  # blank out the species named in between
        if offset <= start < position:
            between[start - offset:min(end, position) - offset] = " " * (min(end, position) - start)
    return _ONLY_LIST_WORDS.fullmatch("".join(between)) is not None


def _nearer_another_sign(position: int, signs: list[tuple[int, str]], numbered: set[str | None],
                         low: int, high: int) -> bool:
    """Whether the nearest sign named in the clause is one with no number in the sentence."""
    in_clause = [(abs(at - position), sign) for at, sign in signs if low <= at < high]
    return bool(in_clause) and min(in_clause)[1] not in numbered


def _macro_for_others(catalog: Catalog, text: str, match: re.Match[str], named: set[str], *,
                      in_clause: bool = True) -> list[Finding]:
    """'A guinea pig or chinchilla that has not eaten for {{not-eating:guinea-pig}}' is wrong for
    chinchillas when their number differs: a species' macro is that species' number only, and a
    macro for every species ({{difficult-birth}}) is wrong for a named species with its own."""
    sign_id, species_id = match.group(1), match.group(2)
    own = _macro_limit(catalog, sign_id, species_id)
    if own is None:
        return []  # macro_findings reports it
    others = {}
    for other in sorted(named - {species_id}, key=list(catalog.species).index):
        limit = sign_limit(catalog, sign_id, other) if applies(catalog, sign_id, other) else None
        if limit is not None and limit != own:
            others[other] = limit
    if not others:
        return []
    token = match.group(0)
    differ = "; ".join(f"{_plural(catalog, s)}: {limit.words()}" for s, limit in others.items())
    whose = f"the number for {_plural(catalog, species_id)}" if species_id else "the number for every species"
    each = ", ".join("{{" + sign_id + ":" + s + "}}" for s in others)
    return [Finding(token, _occurrence(text, token, match.start()), match.start(),
                    f"{token} is {whose} ({own.words()}), but "
                    + ("its clause also names" if in_clause else "the heading or table it is under names")
                    + f" {differ}",
                    f"quote each species' own number ({each})"
                    + (", or give them sentences of their own" if in_clause else ""))]


# the value of a range ("12 to 24 hours"): for a sign it is an error whatever its ends, as a sign has one
# number for each species. It is read as a single number is (its sign, deadlines and targets), and a
# range of when signs show ("12 to 36 hours later") is not a sign's
_RANGE = -1.0
# "between 12 and 24" before a quantity: the quantity ends a range
_BETWEEN = re.compile(rf"\bbetween\s+(\d+(?:\.\d+)?|{_WORDS})\s*(?:[°º˚]\s*c\s*|hours?\s+|minutes?\s+)?and\s+$",
                      re.IGNORECASE)
# a range of when signs show or how far apart things come ("12 to 36 hours after the shock", "pups 5 to
# 10 minutes apart") is not a sign's number, unless it follows "for" or "in" ("not eaten for 12 to 24
# hours after dental work" is)
_LATER = re.compile(r"\s*(?:after|later|afterwards|post|apart)\b", re.IGNORECASE)
# (an owner's hedge between them changes nothing: "for about 12 to 24 hours after …")
_HEDGE = (r"(?:(?:about|around|roughly|approximately|approx\.|maybe|perhaps|nearly|almost|up\s+to|(?:just\s+|well\s+)?"
          r"(?:over|under)|more\s+than|less\s+than|at\s+least)\s+)?")
# ("in about 12 to 36 hours after the shock" is when signs start: only "for" takes a hedge)
_FOR_OR_IN = re.compile(rf"\b(?:for\s+{_HEDGE}|in\s+)$", re.IGNORECASE)
_FOR = re.compile(rf"\bfor\s+{_HEDGE}$", re.IGNORECASE)


def _quantities(sentence: str) -> Iterator[tuple[int, float | None, str, str]]:
    """(offset, value, unit, text) for each stated quantity; value None for 'several hours', _RANGE for
    '12 to 24 hours'. Days are given in hours."""
    if not _MAYBE_A_QUANTITY.search(sentence):  # most sentences: the full pattern is slow to fail
        return
    for match in _QUANTITY.finditer(sentence):
        before = sentence[:match.start()]
        if _DEADLINE.search(before):
            continue  # a deadline or a target
        if match.group("one") and _IN_AN_HOUR.search(before):
            continue  # "can go downhill in an hour"
        if match.group("half"):
            value, unit = 0.5, match.group("unit2").lower()
        elif match.group("one"):
            value, unit = 1.0, match.group("unit1").lower()
        elif match.group("whole"):
            value, unit = 1.0, "day"
        elif match.group("aday"):
            if not _FOR.search(before):
                continue  # "twice a day", "24 hours a day", "can go downhill in a day"
            if match.group("aday_range"):  # "a day or so" too: signs.yml has a number, not "about"
                yield match.start(), _RANGE, "hours", match.group(0)
                continue
            value, unit = (1.5 if match.group("aday_half") else 1.0), "day"
        else:
            written = match.group("value").lower()
            value = float(written) if written[0].isdigit() else float(_NUMBER_WORDS[re.sub(r"\s+", " ", written)])
            unit = match.group("unit").split()[0].lower()
        if value == 24 and _SERVICE_HOURS.match(sentence, match.end()):
            continue  # "our 24 hour line", "24 hours a day": when a service runs
        if unit.startswith("day"):
            value, unit = value * 24, "hours"
        between = _BETWEEN.search(before)
        if match.group("range") or between:  # "12 to 24 hours": never a sign's one number (_check_number)
            lead = between.start() if between else match.start()
            start = between.start(1) if between else match.start()
            if between and _DEADLINE.search(sentence, 0, start):
                continue  # a target: "keep their room between 15 and 20 °C"
            if _LATER.match(sentence, match.end()) and not _FOR_OR_IN.search(sentence, 0, lead):
                continue
            yield start, _RANGE, unit_of(unit), sentence[start:match.end()]
            continue
        yield match.start(), value, unit_of(unit), match.group(0)
    for match in _VAGUE.finditer(sentence):
        yield match.start(), None, unit_of(match.group("unit")), match.group(0)


def _nearest(mentions: list[tuple[int, str]], offset: int) -> str | None:
    before = [key for position, key in mentions if position <= offset]
    if before:
        return before[-1]
    return mentions[0][1] if mentions else None


def _check_number(catalog: Catalog, sign: Sign, named: set[str], context: Context, value: float | None,
                  unit: str, shown: str) -> tuple[str, str] | None:
    """Every species the number's clause names must have it: "a guinea pig, chinchilla or degu that has
    not eaten for 6 hours" is wrong if one of them has 4. Without a named species (a guide's own
    species), one of them having the number is enough."""
    named_here = [s for s in named if s in sign.species] or (
        [s for s in context.species if s in sign.species] if context.named else [])
    species = named_here or [s for s in context.species if s in sign.species] or list(sign.species)
    limits = {s: sign_limit(catalog, sign.id, s) for s in species}
    # a stated number is compared in the limit's unit (90 minutes is 1.5 hours); "a few hours" is vague
    # only beside a number in hours
    matching = {s: limit for s, limit in limits.items() if limit is not None and (
        limit.unit == unit if value is None else _converted(1.0, unit, limit.unit) is not None)}
    if not matching:
        return None
    if value is not None and (all if named_here else any)(
            _converted(value, unit, limit.unit) == limit.value for limit in matching.values()):
        return None
    order = list(catalog.species)
    shown_species = sorted(matching, key=lambda s: order.index(s) if s in order else len(order))
    expected = _expected(catalog, sign, {s: matching[s].words() for s in shown_species})
    own = [s for s in shown_species if sign_limit(catalog, sign.id, s) != sign.limit]
    macro = "{{" + sign.id + (":" + own[0] if own else "") + "}}"
    shown = shown.strip()
    if value is None:
        message = f"'{shown}' for {sign.label.lower()} is vague, but signs.yml has a number ({expected})"
    elif value == _RANGE:
        message = f"'{shown}' for {sign.label.lower()} is a range, but signs.yml has one number ({expected})"
    else:
        message = f"'{shown}' for {sign.label.lower()} differs from signs.yml ({expected})"
    numbers = {matching[s].value for s in shown_species}
    if named_here and len(numbers) > 1:  # the species it names have different numbers: one macro each
        first_of_each: dict[float, str] = {}
        for species_id in shown_species:
            first_of_each.setdefault(matching[species_id].value, species_id)
        each = ", ".join("{{" + sign.id + ":" + s + "}} for " + _plural(catalog, s) for s in first_of_each.values())
        return message, f"these species have different numbers; quote each: {each}"
    return message, f"quote the number from signs.yml: {macro}"


def _expected(catalog: Catalog, sign: Sign, words: dict[str, str]) -> str:
    """'6 hours' when every species of the sign has it, else 'guinea pigs, degus: 6 hours; …'."""
    groups: dict[str, list[str]] = {}
    for species_id, text in words.items():
        groups.setdefault(text, []).append(species_id)
    if len(groups) == 1 and set(next(iter(groups.values()))) == set(sign.species):
        return next(iter(groups))
    return "; ".join(f"{', '.join(_plural(catalog, s) for s in species)}: {text}" for text, species in groups.items())


def _plural(catalog: Catalog, species_id: str) -> str:
    species = catalog.species.get(species_id)
    return species.plural.lower() if species else species_id


# ---- a note beside a badge ---------------------------------------------------------------------

def badge_findings(text: str, sign_id: str, species: tuple[str, ...], catalog: Catalog) -> list[Finding]:
    """Urgency words in a note that differ from the badge the note sits beside."""
    if sign_id not in catalog.signs or not catalog.tiers:
        return []
    phrases = {tier.id: [p.lower() for p in tier.said_as] for tier in catalog.tiers.values()}
    plain = MACRO.sub(lambda m: " " * len(m.group(0)), text)
    findings = []
    for start, sentence in _sentences(plain.lower()):
        named = {key for _, key in _mentions(sentence, _species_phrases(catalog))}
        concerned = [s for s in species if s in named] or list(species)
        concerned = [s for s in concerned if applies(catalog, sign_id, s)]
        for offset, tier_id in _mentions(sentence, phrases):
            badges = {s: sign_tier(catalog, sign_id, s) for s in concerned}
            differing = sorted({t.label for t in badges.values() if t.id != tier_id})
            if not differing:
                continue
            said = catalog.tiers[tier_id].said_as
            word = next(p for p in said if sentence.startswith(p.lower(), offset))
            who = ", ".join(_plural(catalog, s) for s in concerned if badges[s].id != tier_id)
            token = plain[start + offset:start + offset + len(word)]
            findings.append(Finding(token, _occurrence(plain, token, start + offset), start + offset,
                                    f"'{word}' here, but the badge says '{' / '.join(differing)}' for {who} "
                                    f"(signs.yml)",
                                    "give the species its own tier in signs.yml, or put the more urgent case "
                                    "under the sign's escalate: with its condition"))
    return findings


def strings_of(data: object, skip: frozenset[str], path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text value in loaded YAML, with its path, leaving out the keys in ``skip``."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                yield from strings_of(value, skip, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings_of(value, skip, (*path, index))

