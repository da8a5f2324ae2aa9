"""The `kb` command (generator/cli/commands.py). May import every other package of the generator.

Importing the generator takes about half a second: Ctrl+C in that time stops `kb` as it does once it
runs (one line, the shell's status for an interrupt), not with a Python traceback."""

from __future__ import annotations

import contextlib
import signal
import sys
from types import FrameType
from typing import Any

from generator.core.exit_status import INTERRUPTED, INTERRUPTED_MESSAGE


def main(argv: list[str] | None = None) -> int:
    previous: Any = None
    # only where Ctrl+C would raise KeyboardInterrupt: a run started with it ignored (in the
    # background, under nohup) keeps ignoring it
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        with contextlib.suppress(ValueError):  # not the main thread (a test's): only it receives signals
            previous = signal.signal(signal.SIGINT, _interrupted_while_starting)
    try:
        from generator.cli.commands import main as run  # noqa: PLC0415 - the slow imports, under that handler
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return run(argv)


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    print(INTERRUPTED_MESSAGE, file=sys.stderr)
    raise SystemExit(INTERRUPTED)
