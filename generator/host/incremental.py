"""`kb serve` rewrites only what an edit changed.

Every rebuild of the preview still loads, checks and plans the whole network, and renders each page's
own body (our templates, cheap): that is how it knows what changed. What it skips is the expensive
part, Material's page template and writing the file, for every generated file whose content is the
same as in the last build. The preview asks mkdocs for "dirty" builds (generator/host/preview.py),
which skip every file that reports itself unmodified and do not empty the site folder first.

A rebuild reuses the last one's files only when everything the pages share is unchanged: the
settings (mkdocs.yml and the errors banner), the theme folder, the git history shown in the footers,
and the set of files the site has. Otherwise it empties the site folder itself, as mkdocs' clean build
would, and writes everything: a new, renamed or deleted file, a theme edit or an error that every page
must show. A build that fails part-way leaves no record, so the next one writes everything too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory


class GeneratedFile(File):
    """A file the build made from data. In a preview rebuild, one with the same content as in the last
    build is marked unchanged: mkdocs' dirty build then neither renders nor writes it."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def digest(*parts: str | bytes) -> str:
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))  # lengths first: ("ab", "c") differs from ("a", "bc")
        hashed.update(data)
    return hashed.hexdigest()


def folder_fingerprint(folder: Path | None) -> str:
    """Every file's path, size and modification time under ``folder`` (the theme: a few dozen files)."""
    if folder is None or not folder.is_dir():
        return ""
    entries = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            stat = os.stat(os.path.join(parent, name))
            entries.append(f"{os.path.relpath(os.path.join(parent, name), folder)}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return digest(*entries)


@dataclass
class LastBuild:
    """What the last successful preview build wrote: the key of what its pages share, and a digest of
    every generated file's content, by where it was written."""

    shared: str
    contents: dict[str, str] = field(default_factory=dict)


class PreviewRebuilds:
    """The preview's memory between builds (kept by the plugin, which mkdocs keeps across rebuilds)."""

    def __init__(self) -> None:
        self._last: LastBuild | None = None
        self._next: LastBuild | None = None

    def prepare(self, files: Files, shared: str, bodies: dict[str, str], site_dir: Path, *,
                before_emptying: Callable[[], None]) -> int:
        """Mark the generated files that are as the last build wrote them; empty ``site_dir`` when
        nothing can be kept (``before_emptying`` first). ``bodies``: the HTML body of each page whose
        file holds only its front matter, by src_uri. Returns how many generated files will be written."""
        last, self._last = self._last, None  # forgotten until this build has succeeded
        kept = last is not None and last.shared == shared
        if not kept:
            before_emptying()
            clean_directory(os.fspath(site_dir))  # hidden entries stay, as in mkdocs' own cleaning
        self._next = LastBuild(shared)
        written = 0
        for file in _generated(files):
            content = digest(file.content_bytes, bodies.get(file.src_uri, ""))
            self._next.contents[file.dest_uri] = content
            file.unchanged = kept and last.contents.get(file.dest_uri) == content
            written += not file.unchanged
        return written

    def succeeded(self) -> None:
        """The build has written everything: the next one may keep its files."""
        self._last, self._next = self._next, None


def _generated(files: Iterable[File]) -> Iterable[GeneratedFile]:
    return (file for file in files if isinstance(file, GeneratedFile))


def site_shape(files: Files, also_written: Iterable[str]) -> str:
    """Which files the site has (mkdocs' and the open-data writer's): one added or removed changes the
    links and listings of other pages, and a removed one must not be left behind."""
    return digest(*sorted(file.dest_uri for file in files), *sorted(also_written))
