"""Running a command for contributors: every problem one line, never a traceback."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from generator.core.issues import Issues, report
from generator.core.settings import SettingsError
from generator.core.staleness import CHANGED, ChangedFilesError, apply_stale_policy, changed_files
from generator.host.config import ConfigError


def guarded(run: Callable[[], int]) -> int:
    """Run a command; a crash becomes one line and exit status 2, never a traceback."""
    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except ConfigError as exc:  # already located, one line each
        for problem in exc.problems:
            print(problem.text(), file=sys.stderr)
        return 2
    except (SettingsError, ChangedFilesError) as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # never show a traceback to contributors
        if os.environ.get("KB_DEBUG"):
            traceback.print_exc()
        print(f"kb: internal error: {exc.__class__.__name__}: {exc} (set KB_DEBUG=1 for details)",
              file=sys.stderr)
        return 2


def print_report(problems: Issues, *, strict: bool, fmt: str) -> bool:
    """Print every problem (to stderr when they fail the run); True when the content may be built."""
    failing = problems.failing(strict)
    for line in report(problems, strict=strict, fmt=fmt):
        print(line, file=sys.stderr if failing else sys.stdout)
    return not failing


def stale_policy(problems: Issues, root: Path, policy: str, base: str) -> Issues:
    """Problems as `--stale-fails` has them count (generator/core/staleness.py)."""
    changed = changed_files(root, base) if policy == CHANGED else None
    return apply_stale_policy(problems, policy, changed)
