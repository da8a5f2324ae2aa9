"""Markdown files with YAML front matter: positions in the front matter stay true to the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.issues import Issue, Stage
from generator.core.sources import Source, display_path, parse_text, read_text


@dataclass
class MarkdownSource:
    source: Source  # the front matter, with positions counted from the top of the file
    body: str
    body_line: int  # the file line on which the body starts


def load_markdown(path: Path, root: Path) -> tuple[MarkdownSource | None, list[Issue]]:
    display = display_path(path, root)
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Issue(display, 1, 1, "(file)", "the page must start with front matter between '---' lines",
                              "copy the first lines of another page in this folder", stage=Stage.PARSE)]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [Issue(display, 1, 1, "(file)", "the front matter is never closed",
                              "add a line with '---' after the last field", stage=Stage.PARSE)]
    # read with an empty first line in place of the opening '---': every line number, those quoted in
    # messages ("first given on line 2") included, is then the file's own
    front, found = parse_text("\n" + "\n".join(lines[1:end]) + "\n", display, path)
    if front is None:
        return None, found
    return MarkdownSource(front, "\n".join(lines[end + 1:]), end + 2), found
