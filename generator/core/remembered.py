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
from generator.core.sources import Source, display_path, parse_text, read_text
from generator.core.timings import TIMINGS
from generator.core.validate import validate_as_far_as_possible

Validated = tuple[Any, list[Issue]]


@dataclass
class _Kept:
    text: str
    read: Read
    validated: dict[tuple[type[BaseModel], tuple], Validated] = field(default_factory=dict)


class RememberedFiles:
    """The last load's result for each file read through `reader`, for the life of a preview."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Path, Path], _Kept] = {}
        self._by_source: dict[int, _Kept] = {}  # id() of a remembered source: that file's record
        self._read_now: set[tuple[Path, Path]] = set()

    def start_load(self) -> None:
        """A new load begins: files the last one did not read (deleted, renamed) are forgotten."""
        if self._read_now:
            self._kept = {key: kept for key, kept in self._kept.items() if key in self._read_now}
        self._by_source = {id(kept.read[0]): kept for kept in self._kept.values() if kept.read[0] is not None}
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
        key = (path, root)
        self._read_now.add(key)
        kept = self._kept.get(key)
        if kept is None or kept.text != text:
            with TIMINGS.stage("load"):
                read = parse_text(text, display_path(path, root), path)
            kept = self._kept[key] = _Kept(text, read)
            if read[0] is not None:
                self._by_source[id(read[0])] = kept
        return kept.read

    def validate(self, source: Source, model: type[BaseModel], *,
                 context: dict[str, Any] | None = None) -> Validated:
        """`validate_as_far_as_possible(source, model, context=context)`, remembered for a source this
        reader gave."""
        kept = self._by_source.get(id(source))
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

