"""Where a build may write, and how its output is marked, staged and swapped in.

A build replaces its target folder whole, so it must never be pointed at something it did not make.
The rule: the target may be missing, an empty folder, or a folder that a previous build wrote (it
holds the marker file below). Anything else is refused, and so is any folder that holds, contains
or sits inside the sources (mkdocs.yml, .git, directory/, content/, theme/, docs_dir), whatever it
holds. Staging folders carry a second marker naming the process that made them, so a later build
can remove the ones a killed build left behind, and nothing else.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

OUTPUT_MARKER = ".kb-site"  # in every built site: "a build made this folder and may replace it"
STAGING_MARKER = ".kb-staging"  # in a staging folder until it is swapped in: the pid that owns it
STAGING_PREFIX = ".kb-staging-"
OLD_PREFIX = ".kb-old-"
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
        return None
    try:
        if next(target.iterdir(), None) is None:
            return None
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    return (f"it holds files that kb did not write (no {OUTPUT_MARKER} marker from an earlier build); "
            "move them away or choose another folder")


def check_target(target: Path, root: Path, docs_dir: Path | None = None) -> None:
    reason = refusal(target, root, docs_dir)
    if reason:
        raise UnsafeSiteDir(f"refusing to write the site to {target}: {reason}")


def mark_output(folder: Path) -> None:
    (folder / OUTPUT_MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def make_staging(target: Path) -> Path:
    """A fresh staging folder beside ``target``, marked as output and as owned by this process,
    with the permissions any folder made under the current umask would have."""
    remove_stale_staging(target.parent)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    staging.chmod(0o777 & ~current_umask())  # mkdtemp makes it private; a web server must read it
    (staging / STAGING_MARKER).write_text(json.dumps({"pid": os.getpid()}), encoding="utf-8")
    mark_output(staging)
    return staging


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_staging(parent: Path) -> list[Path]:
    """Remove staging folders whose owning process has gone (a build that was killed)."""
    removed = []
    for folder in parent.glob(f"{STAGING_PREFIX}*"):
        marker = folder / STAGING_MARKER
        if folder.is_symlink() or not marker.is_file():
            continue
        try:
            pid = int(json.loads(marker.read_text(encoding="utf-8"))["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not _running(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap(staging: Path, target: Path, root: Path, docs_dir: Path | None = None) -> None:
    """Put the finished ``staging`` folder in place of ``target``, checking once more that the
    target may be replaced; the previous site is removed only after the new one is in place."""
    check_target(target, root, docs_dir)
    (staging / STAGING_MARKER).unlink(missing_ok=True)
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=OLD_PREFIX, dir=target.parent))
    target.rename(old / target.name)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove a staging folder this build made (only ever one that carries the staging marker)."""
    if (staging / STAGING_MARKER).is_file() and not staging.is_symlink():
        shutil.rmtree(staging, ignore_errors=True)
