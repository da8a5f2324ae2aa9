"""The `kb` command: this starter only, kept small (the commands are in generator/cli/commands.py,
which may import every other package of the generator). Importing them takes about half a second:
Ctrl+C in that time stops `kb` as it does once it runs, in one line, not with a Python traceback."""

from __future__ import annotations

from generator.core.exit_status import run_interruptible


def main(argv: list[str] | None = None) -> int:
    def start() -> int:
        from generator.cli.commands import main as run  # noqa: PLC0415 - the slow imports, stoppable quietly

        return run(argv)

    return run_interruptible(start)
