"""The shell's exit status for a process stopped by SIGTERM and by an interrupt (Ctrl+C), what `kb` says
then, and a start that stops quietly: one place for the command's own start (generator/cli), its
build's first process (generator/host/stage_start.py) and its run (generator/host/guard.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable

STOPPED_BY_SIGTERM, INTERRUPTED = 143, 130
INTERRUPTED_LINE = "kb: interrupted before it finished"


def run_interruptible(start: Callable[[], int], *, say: bool = True) -> int:
    """``start()``, which imports what it runs and runs it: Ctrl+C before the command's own handling
    takes over (about half a second of imports) ends it with the shell's status and one line (none if
    not ``say``: a process whose parent says it), not a Python traceback. A process started with
    Ctrl+C ignored gets no KeyboardInterrupt, so it goes on ignoring it."""
    try:
        return start()
    except KeyboardInterrupt:
        if say:
            print(INTERRUPTED_LINE, file=sys.stderr)
        return INTERRUPTED
