"""The YAML parser's complaints, said the way a contributor can act on them.

The parser reports where it gave up, in its own words ("did not find expected key", "mapping values
are not allowed in this context"). For the mistakes people make most, this reads the lines
themselves and says what to change and where: a field indented differently from the fields beside
it, a colon inside unquoted text, a quote that is never closed (at the line where it opens, also when
the text runs on to a later quote and swallows the fields between), a text that starts with one of
YAML's signs ('*', '@', '|', '- ', '[' …), a line inside a list that is not an item, a missing space
after a colon. Anything else keeps the parser's words, prefixed "invalid YAML".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY = re.compile(r"^(?P<indent> *)(?:- +)?(?P<key>[A-Za-z_][\w-]*):(?: |$)")
_KEY_NO_SPACE = re.compile(r"^ *(?:- +)?[A-Za-z_][\w-]*:\S")
_COLON_IN_TEXT = re.compile(r"^ *(?:- +)?(?:[A-Za-z_][\w-]*: +)?[^\"'#\s][^#]*?: ")
# a value after "key: " or "- " (the line up to it is its prefix), and what YAML makes of the sign it
# starts with, said for someone who has never read about YAML
_VALUE = re.compile(r"^(?P<prefix> *(?:- +)*(?:(?P<key>[A-Za-z_][\w-]*): +)?)(?P<value>\S.*?)\s*$")
SIGNS = {"*": "YAML reads '*' there as a reference to another value",
         "&": "YAML reads '&' and the word after it as a name for the value, and leaves that word out",
         "!": "YAML reads '!' and the word after it as a type for the value, and leaves that word out",
         "@": "YAML does not allow a text to start with '@'", "`": "YAML does not allow a text to start with '`'",
         "%": "YAML reads '%' there as an instruction to itself",
         "|": "YAML reads '|' as the start of a block of text on the lines below",
         ">": "YAML reads '>' as the start of a block of text on the lines below",
         "-": "YAML reads '- ' as the start of a list item",
         "?": "YAML reads '? ' as the start of a field's name",
         "[": "YAML reads '[' as the start of a list", "{": "YAML reads '{' as the start of a group of fields"}
# what to write instead, where the sign may have been meant (a list in the wrong place)
_OR_ELSE = {"-": "; if it is a list, put each item on a line of its own below, starting with '- '",
            "[": "; if it is a list, write nothing after its ']'"}


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    column: int
    message: str
    hint: str = ""


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    lines = text.splitlines()
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if context == "while scanning a quoted scalar" and exc.context_mark is not None:
        opened = exc.context_mark
        quote = _char(lines, opened.line, opened.column) or '"'
        return _never_closed(opened.line + 1, opened.column + 1, quote)
    swallowing = _quote_swallowing_fields(text, lines, line)
    if swallowing is not None:
        return swallowing
    sign = _starts_with_a_sign(lines, line, column, problem, context)
    if sign is not None:
        return sign
    if problem.startswith("could not find expected ':'"):
        for number in (line - 1, line):  # the parser notices on the line after the one at fault
            text_here = lines[number - 1] if 0 < number <= len(lines) else ""
            if _KEY_NO_SPACE.match(text_here):
                key = text_here.strip().split(":", 1)[0].lstrip("- ")
                return Explained(number, text_here.index(":") + 1, f"'{key}:' needs a space after the colon",
                                 f"write '{key}: ' followed by the value")
        # the parser notices at the next field, past any blank and comment lines: the line at fault is
        # the last one written before it, when that line has no ':' at all ("  region westmoor")
        written = next((n for n in range(min(line, len(lines) + 1) - 1, 0, -1)
                        if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), None)
        if written is not None and ":" not in lines[written - 1]:
            text = lines[written - 1]
            line, column = written, len(text) - len(text.lstrip(" -")) + 1
        return Explained(line, column, "this line is not a field: a field is a name, ': ' and its value",
                         "write it as 'name: value', or put a text that runs on from the line above in quotes")
    if "mapping values are not allowed" in problem:
        return _unexpected_colon(lines, line, column)
    if context == "while parsing a block collection" and exc.context_mark is not None:
        start = exc.context_mark.line + 1
        parent = _parent_key(lines, start)
        hint = "start it with '- ' lined up with the items above"
        if parent:
            hint += f", or, if it is a new field, start it in column {parent[1]} like '{parent[0]}:' (line {parent[2]})"
        return Explained(line, column, f"this line is inside the list that starts on line {start} but is "
                         "not an item of it", hint)
    if problem.startswith(("did not find expected key", "expected <block end>")):
        return _misaligned(lines, line, column, exc)
    reason = problem or context or "invalid YAML"
    return Explained(line, column, f"invalid YAML: {reason}")


def _never_closed(line: int, column: int, quote: str) -> Explained:
    return Explained(line, column, f"the text that starts with {quote} here is never closed",
                     f"end it with {quote} on this line, or remove this {quote}")


def _quote_swallowing_fields(text: str, lines: list[str], failed_at: int) -> Explained | None:
    """A quote left open runs on to the next quote in the file, and the parser gives up just after it,
    often many lines below: the quoted text that ends where the parser gave up (``failed_at``, 1-based)
    and spans lines written as fields ("  phone: …") is the one that was never closed. A quoted text
    that ends anywhere else was closed where its writer meant, and the mistake is elsewhere."""
    try:
        for token in yaml.scan(text):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line \
                    and failed_at - 1 <= token.end_mark.line + 1 <= failed_at \
                    and any(_KEY.match(lines[n]) for n in range(token.start_mark.line + 1,
                                                                 min(token.end_mark.line + 1, len(lines)))):
                return _never_closed(token.start_mark.line + 1, token.start_mark.column + 1, token.style)
    except yaml.YAMLError:
        pass  # the scan stops where the parser did: nothing before it swallowed a field
    return None


def _starts_with_a_sign(lines: list[str], line: int, column: int, problem: str, context: str) -> Explained | None:
    """A text that starts with one of YAML's signs and so is not read as text: at the value, with the
    quotes it needs. A list or group written on purpose ('[rat, mouse]') is not: only one that text
    follows once it is closed ('[Rats] only'), and a '|' or '>' only with text after it on its line."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    found = _VALUE.match(here)
    if found is None:
        return None
    value = found["value"]
    sign = value[0]
    if sign not in SIGNS or column < found.start("value") + 1 or value.startswith(('"', "'")):
        return None
    if sign in "[{":
        closer = "]" if sign == "[" else "}"
        if closer not in value or value.endswith(closer) or "while parsing a flow" in context:
            return None
    elif sign in "|>":
        if "block scalar" not in context:
            return None
    elif sign in "-?":
        if not value[1:2].isspace() or "not allowed in this context" not in problem:
            return None
    elif sign == "*" and "alias" not in f"{problem} {context}":
        return None
    return Explained(line, found.start("value") + 1, sign_message(sign), quote_it(here) + _OR_ELSE.get(sign, ""))


def sign_message(sign: str) -> str:
    """What to say of a text that starts with one of YAML's SIGNS."""
    return f"a text that starts with '{sign}' must be in quotes: {SIGNS[sign]}"


def quote_it(line: str) -> str:
    """The hint for a value that must be quoted: the whole line, its value in quotes."""
    found = _VALUE.match(line)
    if found is None:
        return "put the whole text in quotes"
    quoted, prefix = found["value"].replace('"', '\\"'), found["prefix"].strip()
    return f"put the whole text in quotes: {prefix + ' ' if prefix else ''}\"{quoted}\""


def _char(lines: list[str], line: int, column: int) -> str:
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


def _unexpected_colon(lines: list[str], line: int, column: int) -> Explained:
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    previous = lines[line - 2] if line >= 2 else ""
    if _KEY_NO_SPACE.match(previous) and not _KEY.match(previous):
        key = previous.strip().split(":", 1)[0].lstrip("- ")
        return Explained(line - 1, previous.index(":") + 1, f"'{key}:' needs a space after the colon",
                         f"write '{key}: ' followed by the value")
    found = _KEY.match(here)
    if found and here.index(":") + 1 == column:  # the line is a field: it is indented wrongly
        sibling = _sibling_above(lines, line)
        if sibling and sibling[1] != len(found["indent"]) + 1:
            return Explained(line, len(found["indent"]) + 1,
                             f"'{found['key']}:' is indented differently from '{sibling[0]}:' on line {sibling[2]}",
                             f"start it in column {sibling[1]}, like '{sibling[0]}:'")
        return Explained(line, len(found["indent"]) + 1, f"'{found['key']}:' is indented more than the line above",
                         "line it up with the fields beside it")
    key = found["key"] if found else ""
    return Explained(line, column, "this text contains ': ', which YAML reads as the start of a new field",
                     f"put the whole text in quotes: {key + ': ' if key else ''}\"…\"")


def _misaligned(lines: list[str], line: int, column: int, exc: yaml.MarkedYAMLError) -> Explained:
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if here.lstrip().startswith("- "):
        item = next((n for n in range(line - 1, 0, -1) if lines[n - 1].lstrip().startswith("- ")), None)
        if item:
            dash = lines[item - 1].index("-") + 1
            return Explained(line, here.index("-") + 1, f"this list item is not lined up with the item on line {item}",
                             f"start its '-' in column {dash}")
    found = _KEY.match(here)
    if found is None or column > len(found["indent"]) + 1 + len("- " if here.lstrip().startswith("-") else ""):
        # the parser stopped inside a value: most often a quote that ends the text early
        if "'" in here or '"' in here:
            return Explained(line, column, "the text's quotes end before the text does",
                             "inside '…' write an apostrophe twice (O''Brien), or put the text in \"…\"")
        return Explained(line, column, "this line does not continue the field above it",
                         "put the text in quotes, or check the line's indentation")
    block = exc.context_mark.column + 1 if exc.context_mark is not None else 1
    sibling = _sibling_above(lines, line)
    target = sibling[1] if sibling else block
    name = f"'{sibling[0]}:' (line {sibling[2]})" if sibling else "the fields above it"
    return Explained(line, len(found["indent"]) + 1,
                     f"'{found['key']}:' is not lined up with {name}",
                     "start it at the very beginning of the line" if target == 1 else f"start it in column {target}")


def _sibling_above(lines: list[str], line: int) -> tuple[str, int, int] | None:
    """The nearest field above ``line``: the one it was most likely meant to line up with (key,
    column, line). A field that opens a list item ("- days: mon") lines up after its dash."""
    for number in range(line - 1, 0, -1):
        found = _KEY.match(lines[number - 1])
        if found:
            column = lines[number - 1].index(found["key"]) + 1
            return found["key"], column, number
    return None


def _parent_key(lines: list[str], list_line: int) -> tuple[str, int, int] | None:
    """The field a list belongs to: the nearest line above the list's first item that is less indented."""
    first = lines[list_line - 1] if 0 < list_line <= len(lines) else ""
    own = len(first) - len(first.lstrip(" "))
    for number in range(list_line - 1, 0, -1):
        found = _KEY.match(lines[number - 1])
        if found and len(found["indent"]) < own or (found and len(found["indent"]) == 0):
            return found["key"], len(found["indent"]) + 1, number
    return None
