"""Loading files into entries with their positions kept: one file per entry (`load_entries`), a file
that is a list of terms (`load_list`), one document (`load_single`) or Markdown pages with front
matter (`load_markdown_entries`).

Every entry is checked as far as it can be, and every id written in a file counts as existing for
references however broken the file is (no false cascades). What a loader could not read at all is
one located issue, and the collection is marked unavailable so nothing reports "unknown" for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from generator.core.frontmatter import load_markdown
from generator.core.ids import is_valid_id
from generator.core.issues import Issue, Issues, Severity, Stage
from generator.core.settings import Settings
from generator.core.sources import Source, display_path, load_file
from generator.core.validate import validate, validate_as_far_as_possible

M = TypeVar("M", bound=BaseModel)

Read = tuple[Source | None, list[Issue]]
# What reads a folder's files: given the files, in order, and the repository root, the result of
# `load_file` for each, in the same order (generator/common/read_ahead.py parses them in a second
# process for large folders).
FilesReader = Callable[[Sequence[Path], Path], AbstractContextManager[Iterator[Read]]]
# What validates an entry file: `validate_as_far_as_possible`, or `kb serve`'s memory of it
# (generator/core/remembered.py).
EntryValidator = Callable[..., tuple[Any, list[Issue]]]


@contextmanager
def read_in_order(paths: Sequence[Path], root: Path) -> Iterator[Iterator[Read]]:
    yield (load_file(path, root) for path in paths)


@dataclass(frozen=True)
class Entry(Generic[M]):
    model: M
    source: Source

    @property
    def id(self) -> str:
        return self.model.id  # type: ignore[attr-defined]


@dataclass(frozen=True)
class MarkdownEntry(Generic[M]):
    """A Markdown page: its front matter as a model, and its body."""

    id: str
    model: M
    source: Source
    body: str
    body_line: int


class Loaded(dict):
    """Entries or terms by id, and what the checks need to know of the files they came from: every
    file that was read (valid or not), every id that exists (valid or not), and whether the file or
    folder could be read at all."""

    def __init__(self, items: Any = (), *, sources: list[Source] | None = None, known: Any = (),
                 available: bool = True) -> None:
        super().__init__(items)
        self.sources: list[Source] = list(sources or [])
        self.known: dict[str, None] = dict.fromkeys(known)
        self.available = available


def load_list(path: Path, model: type[BaseModel], root: Path, issues: Issues) -> Loaded:
    """A file that is a list of terms with ids (vocabularies, signs). The ids of terms with
    mistakes still exist for references; an unreadable file provides none (and is reported)."""
    source, parse_issues = load_file(path, root)
    issues.extend(parse_issues)
    if source is None:
        return Loaded(available=False)
    if not isinstance(source.data, list):
        issues.add(source.problem((), "this file must be a list of entries, each starting with '- id:'",
                                  stage=Stage.SCHEMA))
        return Loaded(sources=[source], available=False)
    terms = Loaded(sources=[source], known=written_ids(source.data) + list(source.lost_ids))
    for index, item in enumerate(source.data):
        term, found = validate_as_far_as_possible(source, model, path=(index,), data=item)
        issues.extend(found)
        if term is None:
            continue
        if term.id in terms:
            issues.add(source.problem((index, "id"), f"duplicate id '{term.id}' in this vocabulary"))
            continue
        terms[term.id] = term
    return terms


def load_single(path: Path, model: type[M], root: Path, issues: Issues) -> tuple[Source | None, Entry[M] | None]:
    """One document (the triage scale, the referral protocol): its source, and its entry if valid."""
    source, found = load_file(path, root)
    issues.extend(found)
    if source is None:
        return None, None
    validated, found = validate(source, model)
    issues.extend(found)
    return source, (Entry(validated, source) if validated is not None else None)


def written_ids(items: Any) -> list[str]:
    """The ids written in a list of entries, whatever else is wrong with them."""
    if not isinstance(items, list):
        return []
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def collection_files(folder: Path, root: Path, issues: Issues, suffix: str = ".yml",
                     known: dict[str, None] | None = None) -> list[Path]:
    """The entry files of a collection folder (one file per entry, ending in ``suffix``). Anything
    else there is reported, never skipped silently: other endings and folders as warnings, names
    that look meant to be entries (`.yaml`, `UPPER.YML`) as errors, their ids added to ``known`` so
    that files naming them do not each report them unknown. Hidden files (`.gitkeep`, an editor's
    swap file) are left alone. Whether each file is a regular file inside the repository is checked
    when it is read."""
    if not folder.is_dir():
        return []
    files = []
    # by name: one folder's paths differ only there, and comparing Path objects costs 0.15 s at 10,000
    for path in sorted(folder.iterdir(), key=lambda path: path.name):
        if path.name.startswith("."):
            continue
        display = display_path(path, root)
        lower = path.name.lower()
        if path.name.endswith(suffix):
            files.append(path)
        elif lower.endswith(suffix) or (suffix == ".yml" and lower.endswith(".yaml")):
            stem = path.name[: path.name.lower().rindex(".")]
            issues.add(Issue(display, 1, 1, "(file)", f"files in this folder must end in lower-case {suffix}",
                             f"rename it to {stem.lower()}{suffix}", stage=Stage.PARSE))
            if known is not None:
                known[stem.lower()] = None
        elif path.is_dir() and not path.is_symlink():
            issues.add(Issue(display, 1, 1, "(file)", f"folders inside {display_path(folder, root)} are not "
                             "read", f"entries are {suffix} files directly in the folder",
                             severity=Severity.WARNING, stage=Stage.PARSE))
        else:
            issues.add(Issue(display, 1, 1, "(file)", f"this file is not read: only {suffix} files are read "
                             "from this folder", "rename it, or move it out of the folder (an editor's backup?)",
                             severity=Severity.WARNING, stage=Stage.PARSE))
    return files


def missing_folder(folder: Path, root: Path, message: str = "this folder is missing") -> Issue:
    shown = display_path(folder, root)
    return Issue(shown, 1, 1, "(file)", message, f"restore it from the repository (git checkout -- {shown})",
                 stage=Stage.PARSE)


def load_entries(folder: Path, model: type[M], settings: Settings, issues: Issues,
                 context_of: Callable[[Any], dict[str, Any]] | None = None, *, required: bool = False,
                 read_files: FilesReader = read_in_order,
                 validate_entry: EntryValidator = validate_as_far_as_possible) -> Loaded:
    """Load one file per entry, require file name = id, and keep ids unique. Every entry is checked
    as far as it can be: an id that differs from the file name is reported and the entry still
    checked, and every file in the folder counts as existing for references however broken it is.
    A missing folder is one issue when ``required``, and its ids are then not checked."""
    if not folder.is_dir():
        if folder.is_symlink():  # there, but it leads nowhere: whatever was meant to be read is not
            shown = display_path(folder, settings.root)
            issues.add(Issue(shown, 1, 1, "(file)", "this folder is a link to nothing (a broken symbolic link, "
                             "or a loop of them); nothing in it is read",
                             "point the link at a folder in the repository, or put the folder itself here",
                             stage=Stage.PARSE))
        elif required:
            issues.add(missing_folder(folder, settings.root))
        return Loaded(available=not required)
    entries: Loaded = Loaded()
    files = collection_files(folder, settings.root, issues, known=entries.known)
    with read_files(files, settings.root) as read:
        for path, (source, parse_issues) in zip(files, read, strict=True):
            _add_entry(entries, path, source, parse_issues, folder, model, settings, issues, context_of,
                       validate_entry)
    return entries


def _add_entry(entries: Loaded, path: Path, source: Source | None, parse_issues: list[Issue], folder: Path,
               model: type[M], settings: Settings, issues: Issues,
               context_of: Callable[[Any], dict[str, Any]] | None,
               validate_entry: EntryValidator = validate_as_far_as_possible) -> None:
    """One file of `load_entries`, read: its problems reported, its id known, its entry kept if valid."""
    entries.known[path.stem] = None
    issues.extend(parse_issues)
    if source is None:
        return
    entries.sources.append(source)
    written = source.data.get("id") if isinstance(source.data, dict) else None
    if isinstance(written, str):
        entries.known[written] = None
    context = context_of(source.data) if context_of else {}
    model_obj, found = validate_entry(source, model, context=context)
    issues.extend(_id_hint(p, path) for p in found)
    if isinstance(written, str) and written != path.stem and is_valid_id(written):
        taken = folder / f"{written}.yml"
        hint = (f"{written} is already used by {display_path(taken, settings.root)}; set id: {path.stem}"
                if taken.exists() else f"rename the file to {written}.yml or set id: {path.stem}")
        issues.add(source.problem(("id",), f"id '{written}' does not match the file name '{path.name}'",
                                  hint=hint))
        if written in entries or taken.exists():
            return  # the id belongs to another file; this one is still checked as far as it is valid
    if model_obj is None:
        return
    entry_id = model_obj.id  # type: ignore[attr-defined]
    if entry_id in entries:
        issues.add(source.problem(("id",), f"duplicate id '{entry_id}' "
                                  f"(also in {entries[entry_id].source.display})"))
        return
    entries[entry_id] = Entry(model_obj, source)


def load_markdown_entries(folder: Path, model: type[M], settings: Settings, issues: Issues,
                          check_body: Callable[[str, str, int], list[Issue]] | None = None) -> Loaded:
    """Markdown pages with front matter, one per file named by its id; ``check_body`` looks at each
    body as it is read (the body is not part of the model)."""
    pages: Loaded = Loaded()
    if not folder.is_dir():
        return pages
    for path in collection_files(folder, settings.root, issues, ".md", known=pages.known):
        if not is_valid_id(path.stem):  # reported, and the page is still checked
            issues.add(Issue(path.relative_to(settings.root).as_posix(), 1, 1, "(file)",
                             "the file name is the page's address: use lower-case words joined by hyphens",
                             stage=Stage.PARSE))
        markdown, found = load_markdown(path, settings.root)
        issues.extend(found)
        pages.known[path.stem] = None
        if markdown is None:
            continue
        if check_body is not None:
            issues.extend(check_body(markdown.source.display, markdown.body, markdown.body_line))
        pages.sources.append(markdown.source)
        validated, found = validate(markdown.source, model)
        issues.extend(found)
        if validated is not None:
            pages[path.stem] = MarkdownEntry(path.stem, validated, markdown.source, markdown.body, markdown.body_line)
    return pages


def _id_hint(issue: Issue, path: Path) -> Issue:
    """A malformed id is fixed by copying the file name, which is valid by construction."""
    if issue.field != "id" or "is not a valid id" not in issue.message or not is_valid_id(path.stem):
        return issue
    return replace(issue, hint=f"the id must match the file name: write id: {path.stem}")
