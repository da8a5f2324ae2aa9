"""Where the links are in a piece of Markdown, and what each one points at, with its place in the text.

A regex over the text with its code masked out first: fenced code blocks (``` or ~~~) and code spans
(`…`, ``…``) are blanked to spaces, keeping every other character's offset, so a link written inside
backticks is not a link, as Python-Markdown renders it. Found: inline links and images
(`[text](target "title")`, `[text](<target>)`), reference definitions (`[id]: target`) and, when asked
for, autolinks (`<scheme:…>`, which always carry a scheme, so they never lead within the site). The
links within the site (generator/common/link_targets.py) and the unsafe links (text_checks) are found
here alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.core.sources import line_column

_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
# a run of backticks, then the shortest text up to a run of the same length, within one paragraph
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
# a link's text may run over a line break, not a blank line; "\[" is a bracket, not a link
_INLINE = re.compile(r"(?<!\\)\[(?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*\]\("  # [text, [nested] text](
                     r"\s*(?:<(?P<angle>[^<>\n]*)>|(?P<bare>(?:[^\s()]|\([^\s()]*\))+))")  # <target> or target
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<(?P<angle>[^<>\n]*)>|(?P<bare>\S+))", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?P<angle>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
_HTML_LINK = re.compile(r"<a\s[^>]*?\bhref\s*=\s*[\"'](?P<angle>[^\"'<>]*)[\"']", re.IGNORECASE)


@dataclass(frozen=True)
class WrittenLink:
    target: str  # as written, between the parentheses (or the angle brackets)
    offset: int  # where the target starts in the text
    line: int  # 0 for the text's first line
    column: int  # 1 for the line's first character


def links_in(text: str, *, autolinks: bool = False, html: bool = False) -> list[WrittenLink]:
    """Every link target in ``text`` that Markdown would make a link of, in the order written; with
    ``autolinks``, those too; with ``html``, the links of HTML written in the text (`<a href="…">`),
    where it is published as HTML (the hand-written pages; a contributor's field shows it as text)."""
    masked = _without_code(text)
    found = []
    for pattern in (_INLINE, _DEFINITION, *([_AUTOLINK] if autolinks else []), *([_HTML_LINK] if html else [])):
        for match in pattern.finditer(masked):
            group = "angle" if match.group("angle") is not None else "bare"
            start = match.start(group)
            line, column = line_column(text, start)
            found.append(WrittenLink(text[start:match.end(group)], start, line - 1, column))
    return sorted(found, key=lambda link: link.offset)


def _without_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans blanked (newlines kept, so offsets stay true)."""
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group("fence")
            lines[index] = ""
        elif fence is not None:
            closing = _FENCE.match(line)
            if closing and closing.group("fence")[0] == fence[0] and len(closing.group("fence")) >= len(fence) \
                    and not line.strip().lstrip(fence[0]):
                fence = None
            lines[index] = ""
        lines[index] = lines[index].ljust(len(line))  # blanked lines keep their length
    return _CODE_SPAN.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), "\n".join(lines))
