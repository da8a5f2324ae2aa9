"""Who owns a file, from .github/CODEOWNERS (the last matching line wins, as on GitHub)."""

from __future__ import annotations

from pathlib import Path

import pathspec

CODEOWNERS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")  # where GitHub looks, in order


def read_owners(root: Path) -> list[tuple[pathspec.PathSpec, tuple[str, ...]]]:
    found = next((root / name for name in CODEOWNERS if (root / name).is_file()), None)
    rules = []
    for line in found.read_text(encoding="utf-8").splitlines() if found else []:
        words = line.split("#", 1)[0].split()
        if len(words) >= 2:
            rules.append((pathspec.PathSpec.from_lines("gitignore", [words[0]]), tuple(words[1:])))
    return rules


def owners_of(rules: list[tuple[pathspec.PathSpec, tuple[str, ...]]], path: str) -> tuple[str, ...]:
    owners: tuple[str, ...] = ()
    for spec, who in rules:
        if spec.match_file(path):
            owners = who
    return owners
