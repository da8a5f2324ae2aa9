"""The shell's exit status for a process stopped by SIGTERM and by an interrupt (Ctrl+C), and what `kb`
says then: one place for the command's own start (generator/cli) and its run (generator/host/guard.py)."""

STOPPED_BY_SIGTERM, INTERRUPTED = 143, 130
INTERRUPTED_MESSAGE = "kb: interrupted before it finished"
