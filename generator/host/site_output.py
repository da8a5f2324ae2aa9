"""Where a build may write, and how its output is marked, staged and swapped in.

A build replaces its target folder whole, so it must never be pointed at something it did not make.
The rule: the target may be missing, an empty folder, or a folder that a previous build wrote (it
holds the marker file below). Anything else is refused, and so is any folder that holds, contains
or sits inside the sources (mkdocs.yml, .git, directory/, content/, theme/, docs_dir), whatever it
holds. A finished site also lists every file and folder the build made (the manifest below): a
folder that holds anything else (a CNAME, notes, a .git added after the build) is refused too,
naming what it found. Staging folders, and the folder the previous site is moved into while the
new one takes its place, carry a second marker naming the processes that made them, so a later
build can remove the ones a killed build left behind, and nothing else. The two renames of the
swap run with termination signals held back, so a stop can never leave no site at all.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

OUTPUT_MARKER = ".kb-site"  # in every built site: "a build made this folder and may replace it"
STAGING_MARKER = ".kb-staging"  # in a staging folder until it is swapped in: the pid that owns it
STAGING_PREFIX = ".kb-staging-"
OLD_PREFIX = ".kb-old-"
MANIFEST = ".kb-site-files"  # every path the build made in the site, one per line
OURS = {OUTPUT_MARKER, MANIFEST, STAGING_MARKER}
HELD_BACK = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
SHOWN = 5  # foreign paths named in a refusal
MARKER_TEXT = "This folder was written by kb build (rodent-er-kb); kb may replace it on the next build.\n"


class UnsafeSiteDir(RuntimeError):
    """The build was asked to write where it could destroy files it did not make."""


SOURCE_NAMES = ("mkdocs.yml", ".git", ".github", "directory", "content", "theme", "generator", "tests",
                "schemas")


def refusal(target: Path, root: Path, docs_dir: Path | None = None) -> str | None:
    """Why a build may not replace ``target`` (the repository being at ``root``), or None."""
    target, root = target.absolute(), root.resolve()
    if target.is_symlink():
        return "it is a symbolic link; give the folder it points to, or another folder"
    target = target.resolve()
    sources = [root / name for name in SOURCE_NAMES] + ([docs_dir.resolve()] if docs_dir else [])
    if target == root or target in root.parents:
        return "it holds the repository (mkdocs.yml and the sources); choose an output folder of its own"
    for source in sources:
        if target == source or source in target.parents:
            return f"it is part of the sources ({source.relative_to(root) if root in source.parents else source})"
    if target == Path.home().resolve():
        return "it is your home folder"
    if not target.exists():
        return None
    if not target.is_dir():
        return "it is a file, not a folder"
    if (target / OUTPUT_MARKER).is_file():
        foreign = foreign_paths(target)
        if foreign:
            more = f" and {len(foreign) - SHOWN} more" if len(foreign) > SHOWN else ""
            return (f"it holds files that kb did not write: {', '.join(foreign[:SHOWN])}{more}; move them away "
                    "or choose another folder (a file the site needs, such as a CNAME, belongs in the docs folder)")
        return None
    try:
        if next(target.iterdir(), None) is None:
            return None
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    return (f"it holds files that kb did not write (no {OUTPUT_MARKER} marker from an earlier build); "
            "move them away or choose another folder")


def _walk(folder: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """os.walk with each folder as a relative prefix with '/' ('' for ``folder`` itself); links not
    followed, and a caller may prune ``dirs`` as with os.walk."""
    for parent, dirs, files in os.walk(folder):
        base = os.path.relpath(parent, folder).replace(os.sep, "/")
        yield ("" if base == "." else base + "/"), dirs, files


def made_paths(folder: Path) -> Iterator[str]:
    """Every file, folder and link under ``folder`` as a relative path with '/', links not followed."""
    for prefix, dirs, files in _walk(folder):
        for name in dirs + files:
            yield prefix + name


def write_manifest(folder: Path) -> None:
    """List what the build made in ``folder``, for the next build's check (`foreign_paths`)."""
    paths = sorted(path for path in made_paths(folder) if path not in OURS)
    (folder / MANIFEST).write_text("\n".join(paths) + "\n", encoding="utf-8")


def foreign_paths(folder: Path) -> list[str]:
    """What a built site holds that its build did not make (the outermost of each, sorted). A site
    from before builds wrote a manifest cannot tell: nothing is reported."""
    try:
        made = set((folder / MANIFEST).read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError):
        return [MANIFEST + " (unreadable)"]
    found = []
    for prefix, dirs, files in _walk(folder):
        found += [prefix + name for name in files if prefix + name not in made and prefix + name not in OURS]
        outside = [name for name in dirs if prefix + name not in made]
        found += [prefix + name + "/" for name in outside]
        dirs[:] = [name for name in dirs if prefix + name in made]  # a foreign folder is named once
    return sorted(found)


def check_target(target: Path, root: Path, docs_dir: Path | None = None) -> None:
    reason = refusal(target, root, docs_dir)
    if reason:
        raise UnsafeSiteDir(f"refusing to write the site to {target}: {reason}")


def mark_output(folder: Path) -> None:
    (folder / OUTPUT_MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def make_staging(target: Path) -> Path:
    """A fresh staging folder beside ``target``, marked as output and as owned by this process and
    its parent (`kb build` runs this in a child that exits before the parent indexes and swaps), with
    the permissions any folder made under the current umask would have. What killed builds left
    beside it is the caller's to remove first (remove_stale_staging), before it holds signals back
    for this (generator/host/build_stage.py)."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    staging.chmod(0o777 & ~current_umask())  # mkdtemp makes it private; a web server must read it
    _mark_owned(staging)
    mark_output(staging)
    return staging


def _mark_owned(folder: Path) -> None:
    (folder / STAGING_MARKER).write_text(json.dumps({"pid": os.getpid(), "parent": os.getppid()}), encoding="utf-8")


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_staging(parent: Path) -> list[Path]:
    """Remove staging folders, and folders a previous site was moved into, whose owning processes
    have all gone (a build that was killed)."""
    removed = []
    for folder in [*parent.glob(f"{STAGING_PREFIX}*"), *parent.glob(f"{OLD_PREFIX}*")]:
        marker = folder / STAGING_MARKER
        if folder.is_symlink() or not marker.is_file():
            continue
        try:
            owner = json.loads(marker.read_text(encoding="utf-8"))
            pids = [int(owner["pid"]), *([int(owner["parent"])] if "parent" in owner else [])]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not any(_running(pid) for pid in pids):
            _remove_marked(folder)
            removed.append(folder)
    return removed


def _remove_marked(folder: Path) -> None:
    """Remove a folder of ours, its marker last, so that one stopped half way is still recognised."""
    for entry in folder.iterdir():
        if entry.name != STAGING_MARKER:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
    (folder / STAGING_MARKER).unlink(missing_ok=True)
    with suppress(OSError):
        folder.rmdir()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SwapFailed(RuntimeError):
    """The finished site could not be put in place; the previous one is where it was."""


def swap(staging: Path, target: Path, root: Path, docs_dir: Path | None = None) -> None:
    """Put the finished ``staging`` folder in place of ``target``, checking once more that the
    target may be replaced; the previous site is removed only after the new one is in place. If
    a rename fails, the previous site is put back and the staging folder keeps its marker (the
    caller discards it)."""
    check_target(target, root, docs_dir)
    write_manifest(staging)
    old: Path | None = None
    with signals_held_back():
        try:
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=OLD_PREFIX, dir=target.parent))
                _mark_owned(old)
                target.rename(old / target.name)
            try:
                staging.rename(target)
            except OSError:
                if old is not None:
                    (old / target.name).rename(target)
                raise
        except OSError as exc:
            if old is not None and not (old / target.name).exists():
                _remove_marked(old)
            raise SwapFailed(f"the new site could not be put in place of {target} ({exc.strerror or exc})") from None
        (target / STAGING_MARKER).unlink(missing_ok=True)
    if old is not None:
        _remove_marked(old)


@contextmanager
def signals_held_back() -> Iterator[None]:
    """Ctrl-C, termination and hang-up wait until the block ends, then reach their usual handlers.
    Python runs signal handlers in the main thread whichever thread the system chose, so a handler
    that only takes note holds them back for the whole process."""
    received: list[int] = []
    previous = {}
    try:
        for signum in HELD_BACK:
            previous[signum] = signal.signal(signum, lambda number, frame: received.append(number))
    except ValueError:  # not the main thread: the caller's own handling stays
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        yield
        return
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(received):  # once each, as the system delivers a pending signal
            signal.raise_signal(signum)


def discard(staging: Path) -> None:
    """Remove a staging folder this build made (only ever one that carries the staging marker)."""
    if (staging / STAGING_MARKER).is_file() and not staging.is_symlink():
        shutil.rmtree(staging, ignore_errors=True)
