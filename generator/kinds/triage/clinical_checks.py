"""Checks that keep clinical guidance consistent with itself, and the pass that puts signs.yml's
numbers into the prose that quotes them.

- Every clinical number comes from signs.yml: macros are replaced by it, and a hand-written time or
  temperature for a sign that differs from it is an error (generator/kinds/triage/quoting.py finds them).
- A note beside a badge names no other urgency than the badge's.
- A guide that states a tier for a sign states the one signs.yml gives, for every species it covers.
- An escalation is more urgent than the tier it escalates.
- The generic tier advice a guide's page shows never contradicts the guide's own owner actions.
- Every source of a guide can be checked (a section or a web address) and says when it was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.common.text_checks import markdown_files
from generator.core.catalog import Catalog
from generator.core.frontmatter import load_markdown
from generator.core.issues import Issue, Stage
from generator.core.loading import Entry, MarkdownEntry
from generator.core.references import unknown
from generator.core.sources import FieldPath, Source, display_path, format_path, line_column, read_text
from generator.kinds.triage.loading import signs_source, tiers_by_id
from generator.kinds.triage.model import Guide, Sign, Tier
from generator.kinds.triage.quoting import (
    Context,
    Finding,
    badge_findings,
    macro_findings,
    prose_findings,
    quote,
    signs_named,
    species_named,
    strings_of,
    without_species,
)
from generator.kinds.triage.urgency import applies, guide_tiers, sign_tier, tier_advice

# Keys whose values are ids, dates, vocabulary words or search keywords, not prose.
_NOT_PROSE = frozenset({"id", "species", "body_system", "keywords", "sign", "tier", "equipment", "sources",
                        "review", "aliases", "advice", "colour", "symbol", "said_as", "contradicted_by",
                        "audience", "level", "prerequisites", "sessions", "label", "target", "rank",
                        "target_minutes", "goal_percent"})


# ---- quoting pass ------------------------------------------------------------------------------

def quote_catalog(catalog: Catalog) -> list[Issue]:
    """Check every piece of guidance prose against signs.yml, then replace the macros in the
    catalog's models with the numbers, so pages and exports show the words."""
    issues: list[Issue] = []
    if catalog.ids("signs") is None or catalog.ids("species") is None:
        return issues  # signs.yml or species.yml could not be read: that is reported once, where it is
    everyone = tuple(catalog.species)
    if catalog.scale is not None:
        issues += _yaml_findings(catalog, catalog.scale.source, catalog.scale.source.data, Context(everyone))
    source = signs_source(catalog)  # as it was read: signs.yml is parsed once per load
    if source is not None:
        issues += _signs_findings(catalog, source)
    for entry in catalog.problems.values():
        issues += _guide_findings(catalog, entry)
    for entry in catalog.first_aid.values():
        issues += _first_aid_findings(catalog, entry)
    seen: dict[tuple[str, Context], list[Finding]] = {}  # modules share texts (a pathway's, a template's)
    for entry in catalog.modules.values():
        issues += _yaml_findings(catalog, entry.source, entry.source.data, Context(everyone), seen=seen)
    issues += _pages_findings(catalog)
    _replace_macros(catalog)
    return issues


def _issue(src: Source, path: FieldPath, finding: Finding) -> Issue:
    pos = src.position_in_value(path, finding.token, finding.occurrence)
    return Issue(src.display, pos.line, pos.column, format_path(path), finding.message, finding.hint,
                 stage=Stage.CONTENT)


def _text_findings(catalog: Catalog, text: str, context: Context) -> list[Finding]:
    return macro_findings(text, catalog) + prose_findings(text, context, catalog)


def _yaml_findings(catalog: Catalog, src: Source, data: Any, context: Context, base: FieldPath = (), *,
                   seen: dict[tuple[str, Context], list[Finding]] | None = None) -> list[Issue]:
    """Each text's findings, at their place in the file; ``seen``: the findings of texts met before,
    which are the same wherever the text is (they give its tokens, not its place)."""
    memo = seen if seen is not None else {}
    issues = []
    for path, text in strings_of(data, _NOT_PROSE, base):
        if (text, context) not in memo:
            memo[(text, context)] = _text_findings(catalog, text, context)
        issues += [_issue(src, path, finding) for finding in memo[(text, context)]]
    return issues


def _signs_findings(catalog: Catalog, src: Source) -> list[Issue]:
    issues = []
    for index, item in enumerate(src.data):
        if not isinstance(item, dict) or item.get("id") not in catalog.signs:
            continue
        sign = catalog.signs[item["id"]]
        every = tuple(sign.species)
        for key in ("owner_wording", "clinical_wording"):
            if isinstance(item.get(key), str):
                issues += [_issue(src, (index, key), f)
                           for f in _text_findings(catalog, item[key], Context(every, sign.id))]
        for i, threshold in enumerate(item.get("thresholds") or []):
            if not isinstance(threshold, dict) or not isinstance(threshold.get("text"), str):
                continue
            species = (threshold.get("species"),) if threshold.get("species") in sign.species else every
            text = threshold["text"]
            issues += [_issue(src, (index, "thresholds", i, "text"), f)
                       for f in _text_findings(catalog, text, Context(species, sign.id))
                       + (badge_findings(text, sign.id, species, catalog) if sign_usable(catalog, sign.id) else [])]
        for i, escalation in enumerate(item.get("escalate") or []):
            if isinstance(escalation, dict) and isinstance(escalation.get("when"), str):
                species = tuple(s for s in escalation.get("species") or every if s in sign.species) or every
                issues += [_issue(src, (index, "escalate", i, "when"), f)
                           for f in _text_findings(catalog, escalation["when"], Context(species, sign.id))]
    return issues


def _guide_findings(catalog: Catalog, entry: Entry[Guide]) -> list[Issue]:
    guide, src = entry.model, entry.source
    species = tuple(guide.species)
    issues = []
    for path, text in strings_of(src.data, _NOT_PROSE):
        if path[:1] == ("signs",) and path[-1] == "note":
            sign_id = guide.signs[path[1]].sign if path[1] < len(guide.signs) else ""
            found = _text_findings(catalog, text, Context(species, sign_id))
            if sign_usable(catalog, sign_id):
                found += badge_findings(text, sign_id, species, catalog)
        else:
            found = _text_findings(catalog, text, Context(species))
        issues += [_issue(src, path, f) for f in found]
    return issues


def _first_aid_findings(catalog: Catalog, entry: MarkdownEntry) -> list[Issue]:
    page, src = entry.model, entry.source
    species = tuple(catalog.species) if "all" in page.species else tuple(page.species)
    issues = _yaml_findings(catalog, src, src.data, Context(species))
    issues += _markdown_findings(catalog, src.display, entry.body, entry.body_line, Context(species))
    return issues


def _markdown_findings(catalog: Catalog, display: str, body: str, first_line: int,
                       context: Context) -> list[Issue]:
    lines = body.split("\n")
    issues = [Issue(display, first_line + number, f.offset + 1, "(body)", f.message, f.hint, stage=Stage.CONTENT)
              for number, line in enumerate(lines) for f in macro_findings(line, catalog)]
    # below a heading that names species, the text is for them ("## Guinea pigs", then "### Not eating");
    # a line in bold alone is a heading too, and a lead-in ("Guinea pigs:", an admonition's title) names
    # the species of the list, table or box under it; so does a <details> element's <summary> until it
    # closes (the latest of a heading and an open summary that name species is the text's). The same
    # elements name the sign of a table of species under them ("## Not eating" over "| Guinea pig | 6 hours |")
    headings: dict[int, _Topic] = {}  # level -> what its heading names
    summaries: list[_Topic] = []  # the open <details> elements', innermost last
    lead_in = _NO_TOPIC
    before = ""  # the paragraph above, whose species a pet referred back to may be ("If one has …")
    table_rows, table_headers, table_lines = _tables(lines)
    for number, (start, block) in enumerate(_blocks(lines)):
        text = block.strip()
        level = _heading_level(block)
        if level:
            headings = {lv: named for lv, named in headings.items() if lv < level}
            headings[level] = _topic(number, _SETEXT_UNDERLINE.sub("", block), catalog)
        tags = _CODE_SPAN.sub("", block)
        summaries += [_topic(number, summary, catalog) for summary in _SUMMARY.findall(tags)]
        named = max([(t.at, t.species) for t in [*headings.values(), *summaries] if t.species], default=(0, ()))[1]
        signs = max([(t.at, t.signs) for t in [*headings.values(), *summaries] if t.signs], default=(0, ()))[1]
        for _ in _DETAILS_END.findall(tags):
            if summaries:
                summaries.pop()
        if (lead_in.species or lead_in.signs) and (_UNDER_A_LEAD_IN.match(block) or start in table_lines):
            named, signs = lead_in.species or named, lead_in.signs or signs
        else:
            lead_in = _NO_TOPIC
        if not level and (text.endswith((":", "?")) or text.startswith("!!!")) and not any(c.isdigit() for c in text):
            lead_in = _topic(number, block, catalog)
        under = Context(named, context.sign, named=True) if named and not level else context
        if start in table_rows or start in table_headers:  # each cell is read with its column's header and
            # its row's first cell; a header's with the first column's species
            found = _cell_findings(catalog, block, table_rows[start], under, signs) if start in table_rows \
                else _header_findings(catalog, block, table_headers[start], under, signs)
            issues += [Issue(display, first_line + start, column, "(body)", f.message, f.hint, stage=Stage.CONTENT)
                       for column, f in found]
            before = ""
            continue
        under, before = replace(under, before=before), block
        for f in prose_findings(block, under, catalog):
            line, column = line_column(block, f.offset)
            issues.append(Issue(display, first_line + start + line - 1, column, "(body)", f.message, f.hint,
                                stage=Stage.CONTENT))
    return sorted(issues, key=lambda issue: (issue.line, issue.column))


# A line that starts a list item, heading, table row, quote or admonition starts a new block; a
# heading or a table row (with or without its outer pipes) is a block of its own.
_BLOCK_START = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|#|\||>|!!!|\?\?\?|:)")
_ON_ITS_OWN = re.compile(r"\s*#|.*\||\s*<h[1-6]\b", re.IGNORECASE)
_HTML_HEADING = re.compile(r"\s*<h([1-6])\b[^>]*>.*</h\1\s*>\s*", re.IGNORECASE | re.DOTALL)  # "<h2>Rats</h2>"


_BOLD_LINE = re.compile(r"(\*\*|__)[^*_\n]+\1:?")
_UNDER_A_LEAD_IN = re.compile(r"\s+\S|\s*(?:[-*+]|\d+[.)])\s")  # indented, or a list item
# A line of = or - alone under a paragraph of one line makes it a heading ("Guinea pigs" over "-----");
# under a longer paragraph, Python-Markdown ends the paragraph there and draws a rule: either way, the
# next line starts a block of its own
_UNDERLINE = re.compile(r" {0,3}(=+|-+)[ \t]*")
_SETEXT_UNDERLINE = re.compile(r"\n" + _UNDERLINE.pattern + "$")  # a block's last line
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
_DETAILS_END = re.compile(r"</details\s*>", re.IGNORECASE)
# A table's delimiter row: cells of dashes with optional colons, divided by pipes
_DELIMITER_ROW = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_DIVIDER = re.compile(r"(?<!\\)\|")  # a pipe, but not an escaped one
# a cell that is a number alone takes the unit its column's header names
_BARE_NUMBER = re.compile(r"\s*\**\d+(?:\.\d+)?\**\s*")
# a cell that may hold a time or temperature (a digit, a unit, a macro): read for one, and not a label
_MAYBE_A_NUMBER = re.compile(r"\d|\{\{|\b(?:hours?|hrs?|minutes?|mins?|days?|degrees?)\b|[°º˚℃]", re.IGNORECASE)
_HEADER_UNIT = re.compile(r"\b(?:hours?|hrs?|minutes?|mins?|degrees)\b|[°º˚]\s*c\b|℃", re.IGNORECASE)


# a column of the time or temperature at which a sign becomes urgent ("Phone a vet after", "Longest",
# "Urgent after"), not of how long something normally takes ("Pregnancy lasts", "Press for")
_THRESHOLD_HEADER = re.compile(r"\b(?:urgent|emergency|too\s+long|phone|call|vet|after|max(?:imum)?|longest|limit|"
                               r"threshold|at\s+most|no\s+more\s+than)\b", re.IGNORECASE)


def _unit_word(unit: str) -> str:
    """A header's unit as the check reads it after a number: hours, minutes or °C."""
    lower = unit.lower()
    return "hours" if lower.startswith(("hour", "hr")) else "minutes" if lower.startswith("min") else "°C"


@dataclass(frozen=True)
class _Topic:
    """What a heading, a <details> summary or a lead-in names for the text under it."""

    at: int  # its block's number: the latest one that names species (or signs) wins
    species: tuple[str, ...]
    signs: tuple[str, ...]


_NO_TOPIC = _Topic(0, (), ())


def _topic(at: int, text: str, catalog: Catalog) -> _Topic:
    return _Topic(at, species_named(text, catalog), signs_named(text, catalog))


def _heading_level(block: str) -> int:
    """1-6 for an ATX, setext or HTML heading, 7 for a line in bold alone, else 0."""
    text = block.strip()
    hashes = len(text) - len(text.lstrip("#"))
    if hashes:
        return hashes
    if _BOLD_LINE.fullmatch(text):
        return 7
    html = _HTML_HEADING.fullmatch(text)
    if html:
        return int(html.group(1))
    underline = _SETEXT_UNDERLINE.search(block)
    if underline and block.count("\n") == 1 and not _BLOCK_START.match(block):  # not a list item's or a quote's
        return 1 if underline.group(1).startswith("=") else 2
    return 0


def _cells(line: str) -> list[tuple[int, str]]:
    """A table row's cells, each with the index in the line where it starts (outer pipes dropped). A pipe
    in a code span divides nothing, as in Python-Markdown's tables."""
    cells, start = [], 0
    masked = _CODE_SPAN.sub(lambda span: "`" * len(span.group(0)), line) if "`" in line else line
    for divider in _DIVIDER.finditer(masked):
        cells.append((start, line[start:divider.start()]))
        start = divider.end()
    cells.append((start, line[start:]))
    if len(cells) > 1 and not cells[0][1].strip():
        cells = cells[1:]
    if len(cells) > 1 and not cells[-1][1].strip():
        cells = cells[:-1]
    return cells


@dataclass(frozen=True)
class _Row:
    """A table's body row: its table's header cells, and the first cell of the row above that has one
    (a row whose first cell is empty carries on the row above: "| Guinea pig | 6 hours |" then "| | … |")."""

    header: list[str]
    label_above: str


def _tables(lines: list[str]) -> tuple[dict[int, _Row], dict[int, list[str]], set[int]]:
    """The Markdown tables in ``lines``: their body rows by line index (the header row, then a
    delimiter row with a pipe, then rows until a line without one); their header rows by line index,
    each with the first cells of its body rows; and every line of those tables."""
    rows: dict[int, _Row] = {}
    headers: dict[int, list[str]] = {}
    every: set[int] = set()
    for number in range(1, len(lines)):
        rule, header = lines[number], lines[number - 1]
        if "|" in rule and "|" in header and "-" in rule and _DELIMITER_ROW.fullmatch(rule):
            cells = [text for _, text in _cells(header)]
            every |= {number - 1, number}
            firsts: list[str] = []
            label = ""
            below = number + 1
            while below < len(lines) and "|" in lines[below]:
                rows[below] = _Row(cells, label)
                first = next((text.strip() for _, text in _cells(lines[below])[:1]), "")
                label = first or label
                firsts.append(first)
                every.add(below)
                below += 1
            headers[number - 1] = firsts
    return rows, headers, every


def _cell_findings(catalog: Catalog, row: str, table_row: _Row, context: Context,
                   signs_above: tuple[str, ...] = ()) -> Iterator[tuple[int, Finding]]:
    """A table row's numbers, each read as one sentence: its row's first cell, its column's header, then
    the cell ("| Species | Not eating |" over "| Guinea pig | 12 hours |" reads ", not eating 12 hours"),
    with the species that header and first cell name as the sentence's own (a species the cell names
    itself comes first, as under a heading). So a sign or species written only in a header or in the
    first column is the number's, and "| See a vet within |" over "| 1 hour |" is a deadline. A row whose
    first cell is empty carries on the row above; a number in the first column is read with the row's
    other cells that hold none ("| 12 hours | Guinea pig |"). A table of
    species whose row and header name no sign is about ``signs_above``, the sign of the heading, summary
    or lead-in above it ("## Not eating" over "| Guinea pig | 12 hours |"; where it names several, the
    number must be each one's), in a column whose header says
    when to act ("Phone a vet after", "Longest"); not a table naming no species (steps), nor a column of
    how long things normally take ("Pregnancy lasts"). Yields (column in the line, counted from 1, finding)."""
    header = table_row.header
    cells = _cells(row)
    label = (cells[0][1].strip() if cells else "") or table_row.label_above
    for index, (at, cell) in enumerate(cells):
        if not cell.strip():
            continue
        heading = header[index].strip() if index < len(header) else ""
        given = label if index else ", ".join(text.strip() for _, text in cells[1:]
                                              if text.strip() and not _MAYBE_A_NUMBER.search(text))
        # the header's first cell names what a table of labelled rows is about ("| Not eating | Guinea pig |"
        # over "| Phone a vet after | 12 hours |"); over a first column of numbers it is a column of its own
        corner = header[0].strip() if index and header and not any(c.isdigit() for c in label) else ""
        about = f"{corner}: {given}, {heading} " if corner else f"{given}, {heading} " if given else f"{heading} "
        yield from _read_as_one_sentence(catalog, at, cell, about, heading, context, signs_above)


def _header_findings(catalog: Catalog, row: str, first_cells: list[str], context: Context,
                     signs_above: tuple[str, ...] = ()) -> Iterator[tuple[int, Finding]]:
    """A table's header row: a number in a header cell is about the species of the rows under it
    ("| Species | Not eating for 12 hours |" over "| Guinea pig | … |"), those of the first column; in the
    first cell, about those the other header cells name ("| Not eating over 12 hours | Guinea pig |")."""
    cells = _cells(row)
    for index, (at, cell) in enumerate(cells):
        if not _MAYBE_A_NUMBER.search(cell):
            continue
        others = first_cells if index else [text for _, text in cells[1:]]
        named = [text.strip() for text in others if text.strip() and not _MAYBE_A_NUMBER.search(text)]
        about = f"{', '.join(named)}, " if named else ""
        yield from _read_as_one_sentence(catalog, at, cell, about, "", context, signs_above)


def _read_as_one_sentence(catalog: Catalog, at: int, cell: str, about: str, heading: str, context: Context,
                          signs_above: tuple[str, ...]) -> Iterator[tuple[int, Finding]]:
    """The findings in ``cell`` read after ``about`` (what its header and row name), at their columns."""
    named = species_named(about, catalog)
    prefix = without_species(about, catalog)
    under = Context(named, context.sign, named=True) if named else context
    unit = _HEADER_UNIT.search(heading) if _BARE_NUMBER.fullmatch(cell) else None
    if unit:  # "| Not eating (hours) |" over "| 12 |" is 12 hours
        cell = f"{cell.rstrip()} {_unit_word(unit.group(0))}"
    if signs_above and under.named and not under.sign and _THRESHOLD_HEADER.search(about):
        found = _for_each_of(catalog, prefix + cell, [replace(under, sign=sign) for sign in signs_above])
    else:
        found = prose_findings(prefix + cell, under, catalog)
    for f in found:
        if f.offset >= len(prefix):  # a number of the header or first cell is read in its own cell
            yield at + f.offset - len(prefix) + 1, f


def _for_each_of(catalog: Catalog, text: str, contexts: list[Context]) -> list[Finding]:
    """The findings of a text about several signs at once (a heading "Not eating or no droppings" over a
    table): a number must be each one's that has a number for the species, as an owner whose pet shows
    either sign acts on it ("8 hours" for a guinea pig is two hours late for not eating). A sign with
    no number for the species says nothing about it. The message gives each sign the number is wrong
    for, and the hint says to give the signs a table or row each."""
    if len(contexts) == 1:
        return prose_findings(text, contexts[0], catalog)
    each = [{f.offset: f for f in prose_findings(text, under, catalog)} for under in contexts]
    wrong = sorted({offset for found in each for offset in found})
    return [replace(next(found[offset] for found in each if offset in found),
                    message="; ".join(dict.fromkeys(found[offset].message for found in each if offset in found)),
                    hint="; ".join(dict.fromkeys([*(found[offset].hint for found in each
                                                    if offset in found and found[offset].hint), SEVERAL_SIGNS_HINT])))
            for offset in wrong]


SEVERAL_SIGNS_HINT = "the heading names several signs: give each sign its own table or row, with its own number"


def _blocks(lines: list[str]) -> list[tuple[int, str]]:
    """Markdown's paragraphs and list items as (index of first line, text with its line breaks)."""
    blocks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        previous = lines[number - 1] if number else ""
        if (blocks and previous.strip() and not _BLOCK_START.match(line) and not _ON_ITS_OWN.match(line)
                and not _ON_ITS_OWN.match(previous) and not _UNDERLINE.fullmatch(previous)):
            blocks[-1][1].append(line)
        else:
            blocks.append((number, [line]))
    return [(start, "\n".join(text)) for start, text in blocks]


def _pages_findings(catalog: Catalog) -> list[Issue]:
    """Hand-written pages (home, about) quote signs.yml with the same macros, and what they write by
    hand must not contradict it."""
    folder: Path = catalog.settings.content / "pages"
    issues: list[Issue] = []
    if not folder.is_dir():
        return issues
    everyone = Context(tuple(catalog.species))
    for path in markdown_files(folder):  # every page the build quotes: subfolders too
        markdown, _ = load_markdown(path, catalog.settings.root)
        if markdown is not None:
            display, body, line = markdown.source.display, markdown.body, markdown.body_line
        else:  # a page without front matter is a page too; broken front matter is reported where it is
            text, _ = read_text(path, catalog.settings.root)
            if text is None or text.split("\n", 1)[0].strip() == "---":
                continue
            display, body, line = display_path(path, catalog.settings.root), text, 1
        issues += _markdown_findings(catalog, display, body, line, everyone)
    return issues


def _quoted(model: BaseModel, catalog: Catalog) -> BaseModel:
    data = model.model_dump()
    changed = _map_strings(data, lambda text: quote(text, catalog))
    return type(model).model_validate(changed) if changed != data else model


def _map_strings(data: Any, fn: Any) -> Any:
    if isinstance(data, str):
        return fn(data)
    if isinstance(data, dict):
        return {key: _map_strings(value, fn) for key, value in data.items()}
    if isinstance(data, list):
        return [_map_strings(value, fn) for value in data]
    return data


def _replace_macros(catalog: Catalog) -> None:
    if catalog.scale is not None:
        catalog.put("scale", Entry(_quoted(catalog.scale.model, catalog), catalog.scale.source))
        catalog.put("tiers", tiers_by_id(catalog.scale.model.tiers))
    # Signs last: quoting reads their numbers, never their text.
    quoted_signs = {sign_id: _quoted(sign, catalog) for sign_id, sign in catalog.signs.items()}
    catalog.put("problems", {key: Entry(_quoted(e.model, catalog), e.source) for key, e in catalog.problems.items()})
    catalog.put("first_aid", {key: replace(e, model=_quoted(e.model, catalog), body=quote(e.body, catalog))
                              for key, e in catalog.first_aid.items()})
    catalog.put("modules", {key: Entry(_quoted(e.model, catalog), e.source) for key, e in catalog.modules.items()})
    catalog.put("signs", quoted_signs)


# ---- structure ---------------------------------------------------------------------------------

def check_signs_structure(catalog: Catalog, src: Source, index: int, sign: Sign) -> list[Issue]:
    """A sign's thresholds are for its species (one each), and its escalations are more urgent than
    what they escalate. (Its tiers exist: the references SIGNS declares, generator/core/references.py.)"""
    issues = []
    seen: set[str] = set()
    for i, threshold in enumerate(sign.thresholds):
        if threshold.species in seen:
            issues.append(src.problem((index, "thresholds", i, "species"),
                                      f"'{threshold.species}' has two thresholds for this sign; give one"))
        seen.add(threshold.species)
    if not catalog.tiers or any(t.tier and t.tier not in catalog.tiers for t in sign.thresholds) \
            or sign.tier not in catalog.tiers:
        return issues
    for i, escalation in enumerate(sign.escalate):
        if escalation.tier not in catalog.tiers:  # an unknown tier, reported as such
            continue
        for j, species in enumerate(escalation.species):
            if species not in sign.species:
                issues.append(src.problem((index, "escalate", i, "species", j),
                                          f"'{species}' is not in this sign's species"))
        target = catalog.tiers[escalation.tier]
        for species in escalation.species or sign.species:
            if species in sign.species and sign_tier(catalog, sign.id, species).rank <= target.rank:
                base = sign_tier(catalog, sign.id, species)
                issues.append(src.problem((index, "escalate", i, "tier"),
                                          f"'{target.label}' is not more urgent than the sign's tier for "
                                          f"{_plural(catalog, species)} ('{base.label}')",
                                          hint="an escalation must raise the urgency; change the tier or the species"))
                break
    return issues


def check_guide_urgency(catalog: Catalog, entry: Entry[Guide]) -> list[Issue]:
    """Badge against species: a tier a guide states must be signs.yml's for every species; and
    the tier advice its page shows must not contradict its owner actions."""
    guide, src = entry.model, entry.source
    issues = []
    for i, mapping in enumerate(guide.signs):
        if mapping.tier is None or not sign_usable(catalog, mapping.sign) or mapping.tier not in catalog.tiers:
            continue
        differing = [(s, sign_tier(catalog, mapping.sign, s)) for s in guide.species
                     if s in catalog.species and applies(catalog, mapping.sign, s)]
        differing = [(s, t) for s, t in differing if t.id != mapping.tier]
        if differing:
            stated = catalog.tiers[mapping.tier].label
            groups: dict[str, list[str]] = {}
            for s, t in differing:
                groups.setdefault(t.label, []).append(catalog.species[s].plural.lower())
            detail = "; ".join(f"{', '.join(names)}: {label}" for label, names in groups.items())
            issues.append(src.problem(("signs", i, "tier"),
                                      f"'{stated}' differs from signs.yml for this sign ({detail})",
                                      hint="remove tier: here (the page shows signs.yml's tier per species), "
                                           "or change signs.yml", stage=Stage.CONTENT))
    issues += _advice_problems(catalog, entry)
    return issues


def _advice_problems(catalog: Catalog, entry: Entry[Guide]) -> list[Issue]:
    guide, src = entry.model, entry.source
    issues = []
    all_advice = {a.id: a for tier in catalog.tiers.values() for a in tier.advice}
    for i, choice in enumerate(guide.tier_advice):
        if all_advice and choice.advice not in all_advice:
            issues.append(unknown(src, ("tier_advice", i, "advice"), "tier advice", choice.advice, all_advice))
    top = _top_tier(catalog, guide)
    if top is None or issues:  # a misspelt choice was meant to replace a line: that error is the one to show
        return issues
    chosen = {c.advice for c in guide.tier_advice}
    for advice in top.advice:
        if advice.id in chosen or not advice.contradicted_by:
            continue
        words = re.compile(r"\b(" + "|".join(re.escape(w) for w in advice.contradicted_by) + r")\b", re.IGNORECASE)
        for part in ("before_transport", "during_transport"):
            for j, line in enumerate(getattr(guide.owner, part)):
                match = words.search(line)
                if match:
                    path = ("owner", part, j)
                    pos = src.position_in_value(path, match.group(0), line[:match.start()].count(match.group(0)))
                    issues.append(Issue(src.display, pos.line, pos.column, f"owner.{part}[{j}]",
                                        f"'{match.group(0)}' contradicts the '{top.label}' advice this page also "
                                        f"shows ({advice.id}: \"{_short(advice.text)}\")",
                                        f"replace or leave out that line here: tier_advice: [{{advice: {advice.id}, "
                                        "instead: ...}]", stage=Stage.CONTENT))
                    break
            else:
                continue
            break
    return issues


def _plural(catalog: Catalog, species_id: str) -> str:
    return catalog.species[species_id].plural.lower() if species_id in catalog.species else species_id


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def sign_usable(catalog: Catalog, sign_id: str) -> bool:
    """The sign exists and every tier it names exists (otherwise that error is the one to show)."""
    sign = catalog.signs.get(sign_id)
    return sign is not None and sign.tier in catalog.tiers and all(
        t.tier in catalog.tiers for t in sign.thresholds if t.tier)


def _top_tier(catalog: Catalog, guide: Guide) -> Tier | None:
    if not catalog.tiers or not all(sign_usable(catalog, m.sign) for m in guide.signs):
        return None
    tiers = guide_tiers(catalog, guide)
    return tiers[0] if tiers else None


def page_advice(catalog: Catalog, guide: Guide) -> tuple[Tier | None, list[str]]:
    """The most urgent tier of a guide and the tier advice its page shows."""
    top = _top_tier(catalog, guide)
    return top, (tier_advice(catalog, guide, top) if top else [])
