"""`python -m generator.host.stage_start`: how `kb build` starts its first process (build_stage). Ctrl+C
reaches the whole process group; while this process still imports the generator it ends with the
shell's status and says nothing (the parent says it once), instead of printing a Python traceback."""

from __future__ import annotations

import sys

from generator.core.exit_status import run_interruptible


def _start() -> int:
    from generator.host.build_stage import main  # noqa: PLC0415 - the slow imports, stoppable quietly

    return main()


if __name__ == "__main__":
    sys.exit(run_interruptible(_start, say=False))
