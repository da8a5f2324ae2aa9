"""Checks of text as it will be published, the same for every content type: no dose anywhere, in YAML
fields and in Markdown bodies (first aid and the hand-written pages in content/pages)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.doses import find_dose, strings
from generator.problems import Problem, Stage
from generator.sources import FieldPath, Source, display_path, read_text

if TYPE_CHECKING:
    from generator.catalog import Catalog
    from generator.problems import Problems

DOSE_HINT = "describe treatment in general words, such as 'pain relief as the vet prescribes'"
# fields that hold addresses, numbers and links, not prose ("ZZ2 3MG" is a postcode, not 3 mg)
_NOT_PROSE = {"postcode", "number", "email", "website", "booking", "url", "phone"}


def dose_message(found: str) -> str:
    return f"'{found}' looks like a dose; this site never states doses"


def dose_problems(src: Source, data: object, base: FieldPath = ()) -> list[Problem]:
    """Every text value in ``data`` that looks like a dose, as a problem at its field."""
    issues = []
    for path, text in strings(data, base):
        if any(part in _NOT_PROSE for part in path if isinstance(part, str)):
            continue
        found = find_dose(text)
        if found:
            issues.append(src.problem(path, dose_message(found.text), hint=DOSE_HINT, stage=Stage.CONTENT))
    return issues


def check_doses(catalog: Catalog) -> list[Problem]:
    """Doses in every file that was read, of every kind, valid or not."""
    return [problem for sources in catalog.sources.values() for src in sources
            for problem in dose_problems(src, src.data)]


def body_problems(display: str, body: str, first_line: int) -> list[Problem]:
    """Doses in a Markdown body, at their line and column."""
    issues = []
    for offset, line in enumerate(body.split("\n")):
        found = find_dose(line)
        if found:
            issues.append(Problem(display, first_line + offset, found.start + 1, "(body)", dose_message(found.text),
                                  DOSE_HINT, stage=Stage.CONTENT))
    return issues


def check_site_pages(folder: Path, root: Path, problems: Problems) -> None:
    """The hand-written pages (content/pages/**/*.md, front matter included) state no doses either."""
    for path in _markdown_files(folder):
        text, found = read_text(path, root)
        problems.extend(found)
        if text is not None:
            problems.extend(body_problems(display_path(path, root), text, 1))


def _markdown_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*.md")
                  if not any(part.startswith(".") for part in path.relative_to(folder).parts))
