"""Files a contributor meant the site to read that it never will: a warning each, so a clinic saved
in `directory/organisation/` (singular) or at the top of the repository is not silently left out."""

from __future__ import annotations

import difflib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

from generator.core.issues import Issue, Severity, Stage

CONTENT_SUFFIXES = (".yml", ".yaml", ".md", ".markdown")
ROOT_FILES_READ = frozenset({"mkdocs.yml"})


def stray_files(root: Path, folders: Iterable[str], files: Iterable[str], *, read_whole: Iterable[str] = (),
                config: Path | None = None) -> list[Issue]:
    """Content files under directory/ and content/ that are in none of the ``folders`` read one
    entry per file (whose own stray files their loaders report), are not one of the ``files`` read
    whole, and are not under a folder in ``read_whole`` (Markdown pages); and YAML files at the
    top of the repository other than the site's configuration."""
    folders, files, whole = set(folders), set(files), set(read_whole)
    # a file that a link in a read folder points at is read through the link
    linked = {Path(entry.path).resolve() for folder in folders for entry in _entries(root / folder)
              if entry.is_symlink()}
    problems = []
    for top in ("directory", "content"):
        base = root / top
        if not base.is_dir() or top in folders | whole:
            continue
        for path in sorted(_unread_candidates(root, base, folders | whole)):
            relative = path.relative_to(root)
            if path.suffix.lower() not in CONTENT_SUFFIXES or relative.as_posix() in files or path.resolve() in linked:
                continue
            problems.append(_not_read(relative, folders, files))
    used = {config.name} if config else set()
    for path in sorted(root.glob("*")):
        if (path.is_file() and not path.name.startswith(".") and path.suffix.lower() in (".yml", ".yaml")
                and path.name not in ROOT_FILES_READ | used and path.resolve() not in linked):
            problems.append(_not_read(Path(path.name), folders, files))
    return problems


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    """A folder's entries, or none if it is not a folder. `DirEntry.is_symlink` answers from the
    listing itself: at 10,000 organisations the read folders hold 18,000 files, and asking each
    file with `Path.is_symlink` was a system call each."""
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError as exc:
        if exc.errno in _NOT_A_FOLDER:
            return []
        raise


# what pathlib's is_dir() answers False to instead of raising: missing, not a folder, a loop of links
_NOT_A_FOLDER = {errno.ENOENT, errno.ENOTDIR, errno.ELOOP, errno.EBADF}


def _unread_candidates(root: Path, base: Path, read: set[str]) -> list[Path]:
    """Every file under ``base`` outside the folders in ``read`` and outside hidden folders, itself not
    hidden. The read folders are not walked at all: at 10,000 organisations they hold 18,000 files whose
    loaders report their own strays."""
    found = []
    for folder, subfolders, names in os.walk(base):  # does not follow links to folders, as rglob does not
        here = Path(folder)
        subfolders[:] = [name for name in subfolders if not name.startswith(".")
                         and (here / name).relative_to(root).as_posix() not in read]
        found += [here / name for name in names if not name.startswith(".")]
    return found


def _not_read(relative: Path, folders: set[str], files: set[str]) -> Issue:
    folder = relative.parent.as_posix()
    read_here = sorted([Path(f).name for f in files if Path(f).parent.as_posix() == folder]
                       + [f"{Path(f).name}/" for f in folders if Path(f).parent.as_posix() == folder])
    if folder == ".":
        message = "this file is not read: the site reads nothing from the top of the repository"
    elif read_here:
        message = f"this file is not read: from {folder}/ the site reads only {', '.join(read_here)}"
    else:
        message = f"this file is not read: the site reads nothing from {folder}/"
    meant = difflib.get_close_matches(folder, sorted(folders), n=1, cutoff=0.6) if folder != "." else []
    if meant and not read_here:
        hint = f"did you mean {meant[0]}/? move the file there"
    elif relative.suffix.lower() in (".yml", ".yaml"):
        hint = "an organisation goes in directory/organisations/, named after its id; see CONTRIBUTING.md"
    else:
        hint = "see CONTRIBUTING.md for where each kind of file goes"
    return Issue(relative.as_posix(), 1, 1, "(file)", message, hint, severity=Severity.WARNING, stage=Stage.PARSE)
