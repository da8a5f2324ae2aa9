"""`kb serve` rewrites only what an edit changed.

Every rebuild of the preview still loads, checks and plans the whole network, and renders each page's
own body (our templates, cheap): that is how it knows what changed. What it skips is the expensive
part, Material's page template and writing the file, for every generated file whose content is the
same as in the last build. The preview asks mkdocs for "dirty" builds (generator/host/preview.py),
which skip every file that reports itself unmodified and do not empty the site folder first.

A rebuild reuses the last one's files only when everything the pages share is unchanged: the
settings (mkdocs.yml and the errors banner), the contents of the theme folder and of the hand-written
pages' folder, the git history shown in the footers, and the set of files the site has; and only
when the navigation names every page it lists (mkdocs reads a page's title from the page itself,
and a dirty build does not read the pages it skips). Otherwise it empties the site folder itself, as
mkdocs' clean build would, and writes everything: a new, renamed or deleted file, a theme or
hand-written page edit, or an error that every page must show. While everything is kept, no file
that is not generated is written (mkdocs would otherwise compare modification times, which a save
within the same second, or a file moved in with an older time, defeats). A build that fails
part-way leaves no record, so the next one writes everything too.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def folder_digest(folder: Path | None) -> str:
    """Every file's path and content under ``folder`` (the theme, the hand-written pages: small)."""
    if folder is None or not folder.is_dir():
        return ""
    entries: list[str | bytes] = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(parent, name)
            with open(path, "rb") as file:
                entries += [os.path.relpath(path, folder), file.read()]
    return digest(*entries)


def nav_names_every_page(nav: Any) -> bool:
    """Whether mkdocs.yml's `nav:` gives every page it lists a title (a dirty build cannot take one
    from a page it does not read); no `nav:` at all takes every title from the pages."""
    if nav is None:
        return False
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if not isinstance(item, dict):
            return False  # a bare "page.md"
        for value in item.values():
            if isinstance(value, (list, dict)) and not nav_names_every_page(value):
                return False
    return True


def _never_modified() -> bool:
    return False


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

    def prepare(self, files: Files, shared: str | None, bodies: dict[str, str], site_dir: Path, *,
                before_emptying: Callable[[], None]) -> int:
        """Mark the files that are as the last build wrote them; empty ``site_dir`` when nothing can
        be kept (``before_emptying`` first). ``shared``: the key of what every page shares, None when
        nothing may be kept. ``bodies``: a digest of the HTML body of each page whose file holds only
        its front matter, by src_uri. Returns how many generated files will be written."""
        last, self._last = self._last, None  # forgotten until this build has succeeded
        kept = last is not None and shared is not None and last.shared == shared
        if not kept:
            before_emptying()
            clean_directory(os.fspath(site_dir))  # hidden entries stay, as in mkdocs' own cleaning
        self._next = LastBuild(shared) if shared is not None else None
        written = 0
        for file in files:
            if not isinstance(file, GeneratedFile):
                if kept:  # its source is in the shared key, unchanged
                    file.is_modified = _never_modified  # type: ignore[method-assign]
                continue
            content = digest(file.content_bytes, bodies.get(file.src_uri, ""))
            if self._next is not None:
                self._next.contents[file.dest_uri] = content
            file.unchanged = kept and last.contents.get(file.dest_uri) == content
            written += not file.unchanged
        return written

    def succeeded(self) -> None:
        """The build has written everything: the next one may keep its files."""
        self._last, self._next = self._next, None


def site_shape(files: Files, also_written: Iterable[str]) -> str:
    """Which files the site has (mkdocs' and the open-data writer's): one added or removed changes the
    links and listings of other pages, and a removed one must not be left behind."""
    return digest(*sorted(file.dest_uri for file in files), *sorted(also_written))
