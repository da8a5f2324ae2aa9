"""Checks of text as it will be published, the same for every content type: no dose anywhere, in YAML
fields and in Markdown bodies (first aid and the hand-written pages in content/pages); and in Markdown,
links only to https:, mailto:, tel: or within the site, and no attribute lists (`{: … }`) where
contributors write. The HTML is sanitised whatever these say (generator/common/markdown_text.py): these
checks tell the contributor where the text is that would have been dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.common.doses import doses_in, find_dose, maybe_dose, strings
from generator.common.markdown_links import links_in
from generator.common.markdown_text import URL_SCHEMES
from generator.core.frontmatter import load_markdown
from generator.core.issues import Issue, Severity, Stage
from generator.core.sources import FieldPath, Source, display_path, format_path, line_column, read_text

if TYPE_CHECKING:
    from generator.core.catalog import Catalog
    from generator.core.issues import Issues

DOSE_HINT = "describe treatment in general words, such as 'pain relief as the vet prescribes'"
# what `kb new` templates (theme/new/) put where a contributor must write the real value
PLACEHOLDER = re.compile(r"\bCHANGE\b|\bchange-me\b")
PLACEHOLDER_MESSAGE = "this is still the template's placeholder (CHANGE)"
PLACEHOLDER_HINT = "write the real value"
# fields that hold addresses, numbers and links, not prose ("ZZ2 3MG" is a postcode, not 3 mg)
_NOT_PROSE = {"postcode", "number", "email", "website", "booking", "url", "phone"}


def dose_message(found: str) -> str:
    return f"'{' '.join(found.split())}' looks like a dose; this site never states doses"  # on one line


def dose_problems(src: Source, data: object, base: FieldPath = ()) -> list[Issue]:
    """Every text value in ``data`` that looks like a dose, as a problem at its field."""
    return [problem for path, text in strings(data, base) for problem in _dose_at(src, path, text)]


def _dose_at(src: Source, path: FieldPath, text: str) -> list[Issue]:
    found = find_dose(text)  # first: almost every text has none, and the answer is remembered
    if found is None or any(part in _NOT_PROSE for part in path if isinstance(part, str)):
        return []
    # at the dose itself, even on the fourth line of a folded block (the value's first line otherwise)
    token = found.text.split()[0]
    written = text.find(token, found.start)
    if written < 0:
        return [src.problem(path, dose_message(found.text), hint=DOSE_HINT, stage=Stage.CONTENT)]
    pos = src.position_in_value(path, token, text.count(token, 0, written))
    return [Issue(src.display, pos.line, pos.column, format_path(path), dose_message(found.text), DOSE_HINT,
                  stage=Stage.CONTENT)]


def check_text(catalog: Catalog, found: list[Issue]) -> list[Issue]:
    """Doses and `kb new` placeholders in every text of every file that was read, of every kind, valid
    or not (one walk over the data: at 10,000 organisations there are a third of a million texts)."""
    refused = {(p.path, p.field) for p in found if p.stage in (Stage.PARSE, Stage.SCHEMA, Stage.REFERENCE)}
    issues = []
    for sources in catalog.sources.values():
        for src in sources:
            if src.text and not (maybe_dose(src.text) or _maybe_placeholder(src.text)):
                continue  # nothing in the whole file could be either
            for path, text in strings(src.data):
                issues += _dose_at(src, path, text)
                if _maybe_placeholder(text) and PLACEHOLDER.search(text):
                    issues += [p for p in [_placeholder_at(src, path)] if (p.path, p.field) not in refused]
    return issues


def _maybe_placeholder(text: str) -> bool:
    return "CHANGE" in text or "change-me" in text


def _placeholder_at(src: Source, path: FieldPath) -> Issue:
    """A warning (an error with --strict) for a value still holding a `kb new` placeholder, so a new
    entry can be previewed but not merged until it is filled in; a value the schema refused is
    reported once, by the schema."""
    return src.problem(path, PLACEHOLDER_MESSAGE, hint=PLACEHOLDER_HINT, severity=Severity.WARNING,
                       stage=Stage.CONTENT)


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_ATTRIBUTE_LIST = re.compile(r"\{:?\s*(?:[.#][\w-]+|[\w-]+\s*=)[^}]*\}")


def markdown_problems(line: str, *, attribute_lists: bool = False) -> list[tuple[int, str, str]]:
    """(column, message, hint) for each unsafe link, and each attribute list unless allowed, in a line."""
    found = []
    for link in links_in(line, autolinks=True):  # a link in a code span is no link
        target = link.target.strip()
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in URL_SCHEMES:
            found.append((link.column, f"links to '{scheme.group(1).lower()}:' are not allowed; "
                          "use https://, mailto: or tel:", ""))
        elif target.startswith(("//", "\\", "/\\")):
            found.append((link.column, "a link starting with '//' leads off the site without "
                          "saying where", "write the whole address, starting with https://"))
    if not attribute_lists:
        found += [(match.start() + 1, "attribute lists ('{: …}') are not allowed here",
                   "remove it: the site's templates decide how text looks") for match in _ATTRIBUTE_LIST.finditer(line)]
    return sorted(set(found))  # '[x](<ftp://a>)' is both an inline link and an autolink: one problem


def body_problems(display: str, body: str, first_line: int, *, attribute_lists: bool = False) -> list[Issue]:
    """Doses and unsafe Markdown in a Markdown body, at their line and column. Doses are looked for in
    each paragraph as a whole: a body is wrapped, and "a few drops of" may end a line and "Metacam" start
    the next."""
    issues = []
    for start, paragraph in _paragraphs(body):
        for found in doses_in(paragraph):
            line, column = line_column(paragraph, found.start)
            issues.append(Issue(display, first_line + start + line - 1, column, "(body)", dose_message(found.text),
                                DOSE_HINT, stage=Stage.CONTENT))
    for offset, line in enumerate(body.split("\n")):
        for column, message, hint in markdown_problems(line, attribute_lists=attribute_lists):
            issues.append(Issue(display, first_line + offset, column, "(body)", message, hint, stage=Stage.CONTENT))
        placeholder = PLACEHOLDER.search(line)
        if placeholder:
            issues.append(Issue(display, first_line + offset, placeholder.start() + 1, "(body)", PLACEHOLDER_MESSAGE,
                                  PLACEHOLDER_HINT, severity=Severity.WARNING, stage=Stage.CONTENT))
    return issues


def _paragraphs(body: str) -> list[tuple[int, str]]:
    """(index of its first line, text) of each run of lines without a blank line between them."""
    found: list[tuple[int, str]] = []
    run: list[str] = []
    for index, line in enumerate([*body.split("\n"), ""]):
        if line.strip():
            run.append(line)
            continue
        if run:
            found.append((index - len(run), "\n".join(run)))
            run = []
    return found


def markdown_field_problems(src: Source, path: FieldPath, text: str) -> list[Issue]:
    """Unsafe Markdown in a YAML field that is Markdown (a training section's body), at the field."""
    return [src.problem(path, message, hint=hint, stage=Stage.CONTENT)
            for line in text.split("\n") for _, message, hint in markdown_problems(line)]


def check_site_pages(folder: Path, root: Path, problems: Issues) -> None:
    """The hand-written pages (content/pages/**/*.md, front matter included) state no doses either,
    and front matter they start with must be closed and read as YAML: mkdocs would otherwise show
    it as the page's first paragraph and lose its title and description, without a word."""
    for path in markdown_files(folder):
        text, found = read_text(path, root)
        problems.extend(found)
        if text is None:
            continue
        if text.split("\n", 1)[0].strip() == "---":
            problems.extend(load_markdown(path, root)[1])
        problems.extend(body_problems(display_path(path, root), text, 1, attribute_lists=True))


# what mkdocs publishes as a page (mkdocs.utils.markdown_extensions), and what it leaves out of docs_dir
# by default (exclude_docs: hidden files and the top-level templates/ folder)
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def markdown_files(folder: Path) -> Iterable[Path]:
    """The hand-written pages under ``folder`` (docs_dir) that mkdocs publishes: every Markdown
    ending, subfolders included; hidden files and the top-level templates/ folder not."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if (path.suffix.lower() in MARKDOWN_SUFFIXES and not any(part.startswith(".") for part in parts)
                and parts[0] != "templates" and path.is_file()):
            found.append(path)
    return sorted(found)
