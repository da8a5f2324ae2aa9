"""Issues that only time causes (Stage.FRESHNESS: a verification a year old, an overdue clinical
review or kit service) block a pull request only in the files it changes.

Otherwise everyone's stale data would fail everyone's pull request a few months after the data was
last touched; those entries are listed instead in one issue (the scheduled workflow, `kb stale`)
and on the audit page. On main they never fail the deploy: a stale entry is still better published
than not. Every other problem fails wherever it is.
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

from generator.core.issues import Issue, Issues, Severity, Stage

EVERYWHERE, CHANGED, NOWHERE = "everywhere", "changed", "nowhere"
POLICIES = (EVERYWHERE, CHANGED, NOWHERE)


class ChangedFilesError(RuntimeError):
    pass


def changed_files(root: Path, base: str) -> set[str]:
    """Files changed since the point where this branch left ``base`` (committed or not, and new
    files), relative to ``root`` (the folder of mkdocs.yml)."""
    def git(*args: str) -> list[str]:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            said = (result.stderr.strip().splitlines() or ["git failed"])[-1]
            raise ChangedFilesError(f"cannot tell which files changed since {base}: {said}")
        return result.stdout.splitlines()

    (start,) = git("merge-base", base, "HEAD")
    return {*git("diff", "--name-only", "--no-renames", "--relative", start),
            *git("ls-files", "--others", "--exclude-standard")}


def apply_stale_policy(problems: Issues, policy: str, changed: set[str] | None = None) -> Issues:
    """``problems`` with the time-made warnings that must not fail this run turned into notes that
    say why they do not fail."""
    if policy == EVERYWHERE:
        return problems
    kept = Issues()
    for problem in problems.items:
        kept.add(_as_note(problem, policy) if _spared(problem, policy, changed or set()) else problem)
    return kept


def _spared(problem: Issue, policy: str, changed: set[str]) -> bool:
    if problem.stage != Stage.FRESHNESS or problem.severity != Severity.WARNING:
        return False
    return policy == NOWHERE or problem.path not in changed


def _as_note(problem: Issue, policy: str) -> Issue:
    why = "not failing: this change does not touch the file" if policy == CHANGED else "not failing the deploy"
    return replace(problem, severity=Severity.NOTE, hint=f"{problem.hint}; {why}" if problem.hint else why)
