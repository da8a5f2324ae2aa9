"""What `kb serve`'s last load made of each entry file, given again while the file is unchanged.

Each rebuild of the preview loads the whole network again, though an edit changes one file. A file
whose text is what it was gives back the same parsed source, and, validated by the same model in
the same context (the country its phone numbers are read in), the same entry: the same objects,
not equal copies. That saves parsing and validating it, and it makes comparing what the pages are
built from cheap (`generator/host/plugin.py` reuses a page's body when its spec is unchanged: Python
compares identical objects without looking inside). Entries are frozen models, and nothing changes
a parsed source's data, so sharing them between builds is safe.

Only files read through `load_entries` (the folders of entries) are remembered; a one-off build never
makes one of these.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.core.issues import Issue
from generator.core.loading import FilesReader, Read
from generator.core.sources import Source, parse_file_text, read_text
from generator.core.validate import validate_as_far_as_possible

Validated = tuple[Any, list[Issue]]


@dataclass
class _Kept:
    root: Path
    text: str
    read: Read
    validated: dict[tuple[type[BaseModel], tuple], Validated] = field(default_factory=dict)


class RememberedFiles:
    """The last load's result for each file read through `reader`, for the life of a preview."""

    def __init__(self) -> None:
        self._kept: dict[Path, _Kept] = {}
        self._read_now: set[Path] = set()

    def start_load(self) -> None:
        """A new load begins: files the last one did not read (deleted, renamed) are forgotten."""
        if self._read_now:
            self._kept = {path: kept for path, kept in self._kept.items() if path in self._read_now}
        self._read_now = set()

    def reader(self) -> FilesReader:
        """A `FilesReader` that parses only the files whose text changed since the last load."""

        @contextmanager
        def read(paths: Sequence[Path], root: Path) -> Iterator[Iterator[Read]]:
            yield (self._read(path, root) for path in paths)

        return read

    def _read(self, path: Path, root: Path) -> Read:
        text, problems = read_text(path, root)
        if text is None:  # unreadable: reported afresh each time
            return None, problems
        self._read_now.add(path)
        kept = self._kept.get(path)
        if kept is None or kept.text != text or kept.root != root:
            kept = self._kept[path] = _Kept(root, text, parse_file_text(text, path, root))
        return kept.read

    def validate(self, source: Source, model: type[BaseModel], *,
                 context: dict[str, Any] | None = None) -> Validated:
        """`validate_as_far_as_possible(source, model, context=context)`, remembered for a source this
        reader gave."""
        kept = self._kept.get(source.path)
        key = _context_key(context)
        if kept is None or kept.read[0] is not source or key is None:
            return validate_as_far_as_possible(source, model, context=context)
        found = kept.validated.get((model, key))
        if found is None:
            found = kept.validated[(model, key)] = validate_as_far_as_possible(source, model, context=context)
        return found


def _context_key(context: dict[str, Any] | None) -> tuple | None:
    """The context as something to look up by, or None when it holds values that cannot be."""
    items = tuple(sorted((context or {}).items()))
    try:
        hash(items)
    except TypeError:
        return None
    return items
