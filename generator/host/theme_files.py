"""The theme's files, listed without its hidden folders.

On every build mkdocs lists every file of the theme's folders to find the ones it publishes (CSS,
scripts, images), then matches each name against a dozen patterns. With Material that is 14,600
names, 14,000 of them the icons in its hidden `.icons` folder, and mkdocs never publishes a hidden
file or anything in a hidden folder (its patterns '.*' and '*/.*'). Listing none of them publishes
the same files and takes a tenth of a `kb serve` rebuild off each edit (0.07-0.09 s of 0.6-1.0 s).
Templates are found as before: only the listing changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from jinja2 import Environment, FileSystemLoader
from mkdocs.theme import Theme


class VisibleFilesLoader(FileSystemLoader):
    """mkdocs' theme loader (the same folders, in the same order), listing no hidden file or folder."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]  # not walked
                relative = os.path.relpath(folder, searchpath)
                prefix = "" if relative == os.curdir else relative.replace(os.sep, "/") + "/"
                found.update(prefix + name for name in names if not name.startswith("."))
        return sorted(found)


def list_visible_files_only(theme: Theme) -> None:
    """Make the environments ``theme`` gives list only visible files (mkdocs makes one per build)."""
    make_environment: Callable[[], Environment] = theme.get_env
    if getattr(make_environment, "lists_visible_files_only", False):
        return

    def environment() -> Environment:
        env = make_environment()
        loader = env.loader
        assert isinstance(loader, FileSystemLoader)  # mkdocs' own, for theme.dirs
        env.loader = VisibleFilesLoader(loader.searchpath, encoding=loader.encoding, followlinks=loader.followlinks)
        return env

    environment.lists_visible_files_only = True  # type: ignore[attr-defined]
    theme.get_env = environment  # type: ignore[method-assign]
