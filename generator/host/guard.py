"""Running a command for contributors: every problem one line, never a traceback."""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.core.exit_status import INTERRUPTED, INTERRUPTED_LINE, STOPPED_BY_SIGTERM
from generator.core.issues import Issues, report
from generator.core.settings import SettingsError
from generator.core.staleness import CHANGED, ChangedFilesError, apply_stale_policy, changed_files
from generator.host.config import ConfigError


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the process is so that every cleanup on the way out runs."""




@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C instead of ending the process on the spot, so cleanups run."""
    def stop(signum: int, frame: object) -> None:
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding program): keep its handling
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def guarded(run: Callable[[], int], *, say_when_stopped: bool = True) -> int:
    """Run a command; a crash becomes one line and exit status 2, never a traceback. A command stopped
    by a signal says so (a CI job's log otherwise just ends), with the shell's status for it; a
    process that another one started and stops (`kb build`'s stage) leaves the saying to that one."""
    try:
        with terminate_as_interrupt():
            return run()
    except Terminated:
        if say_when_stopped:
            print("kb: stopped by SIGTERM before it finished", file=sys.stderr)
        return STOPPED_BY_SIGTERM
    except KeyboardInterrupt:
        if say_when_stopped:
            print(INTERRUPTED_LINE, file=sys.stderr)
        return INTERRUPTED
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
