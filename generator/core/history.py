"""What changed and when, from git: one `git log` over the data folders, read once per build.

Outside a git checkout (a tarball, a test's temporary tree) there is simply no history.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.core.specs import TemplateFile

RECORD, FIELD = "\x1e", "\x1f"

RECENT = 40  # changes listed on /changes/ and in the feeds


@dataclass(frozen=True)
class Change:
    sha: str
    when: datetime
    subject: str
    files: tuple[str, ...]  # paths relative to the site root (the folder holding mkdocs.yml)


@dataclass
class History:
    changes: list[Change] = field(default_factory=list)  # newest first
    by_file: dict[str, list[Change]] = field(default_factory=dict)

    def of(self, path: str) -> list[Change]:
        return self.by_file.get(path, [])

    def last_changed(self, path: str) -> datetime | None:
        found = self.of(path)
        return found[0].when if found else None


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60,
                                check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def read_history(root: Path, folders: tuple[str, ...] = ("directory", "content")) -> History:
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix is None:
        return History()
    prefix = prefix.strip()
    log = _git(root, "log", "--no-merges", f"--format={RECORD}%H{FIELD}%cI{FIELD}%s", "--name-only", "--",
               *folders)
    history = History()
    for record in (log or "").split(RECORD):
        if not record.strip():
            continue
        header, _, names = record.partition("\n")
        sha, when, subject = header.split(FIELD, 2)
        files = tuple(name.removeprefix(prefix) for name in names.split("\n") if name.strip())
        change = Change(sha, datetime.fromisoformat(when), subject.strip(), files)
        history.changes.append(change)
        for name in files:
            history.by_file.setdefault(name, []).append(change)
    return history


def changes_feed(path: str, feed_id: str, subject: str, recent: list[tuple], site_url: str,
                 site_name: str) -> TemplateFile:
    """An Atom feed of (change, pages) pairs, newest first; `updated` is the newest change's time."""
    return TemplateFile(path, "changes.atom.xml",
                        {"recent": recent, "site_url": site_url, "site_name": site_name, "subject": subject,
                         "self_path": path, "feed_id": feed_id, "updated": recent[0][0].when if recent else None})
