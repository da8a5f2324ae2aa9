"""A signal that stops the build must not be lost while a helper is forked (generator/common/forked.py).
Python runs the fork's own callbacks (logging's lock release) in Python code; a SIGTERM handled inside
one raised where the exception is only printed, so a stopped `kb build` built on to the end (one CI
run in four). The signal now waits until the fork is done, then stops the caller; the child it made
is stopped too, since the caller never gets it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.helpers import REPO

# SIGTERM arrives while the fork's callbacks run in the parent: sent from one of them
SCRIPT = textwrap.dedent('''
    import os, signal, sys, time
    from pathlib import Path
    from generator.common.forked import Forked

    class Stop(BaseException):
        pass

    def stop(signum, frame):
        raise Stop

    signal.signal(signal.SIGTERM, stop)
    os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGTERM))
    try:
        child = Forked("a helper")
    except Stop:
        left = [c for t in Path(f"/proc/{os.getpid()}/task").iterdir() for c in (t / "children").read_text().split()]
        print("stopped", left)
        sys.exit(0)
    if child.is_child:
        time.sleep(30)
        os._exit(0)
    child.stop()
    print("not stopped")
''')


def test_a_signal_during_the_fork_stops_the_caller_and_its_new_child() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.stdout == "stopped []\n", result.stdout + result.stderr
    assert "Exception ignored" not in result.stderr
