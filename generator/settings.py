"""Build settings: where the data lives, what 'today' is, and whether this is a demo site."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


def _today() -> date:
    # KB_TODAY pins the clock for tests and reproducible builds of an old commit.
    pinned = os.environ.get("KB_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


@dataclass(frozen=True)
class Settings:
    root: Path
    demo_data: bool = False
    today: date = field(default_factory=_today)
    # Ages (days) at which a directory entry's verification becomes a note and a warning.
    verify_note_days: int = 180
    verify_warn_days: int = 365

    @property
    def directory(self) -> Path:
        return self.root / "directory"

    @property
    def content(self) -> Path:
        return self.root / "content"
