"""A forked helper (generator/common/forked.py) must not outlive the process that forked it: when
`kb build`'s first process is killed (for memory, or SIGKILL), its staging folder is removed, and a
helper still running could write into it afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.helpers import REPO

PARENT = textwrap.dedent('''
    import sys, time
    from generator.common.forked import Forked
    child = Forked("a helper that never looks at its parent")
    if child.is_child:
        while True:  # never calls parent_gone(): only the kernel can stop it
            time.sleep(0.05)
    print(child.pid, flush=True)
    time.sleep(60)
''')


def _running(pid: int) -> bool:
    """Alive, and not merely a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_forked_helper_dies_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=REPO, stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    try:
        assert _running(child_pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 5
        while _running(child_pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not _running(child_pid), "the helper outlived the process that forked it"
    finally:
        if _running(child_pid):
            os.kill(child_pid, signal.SIGKILL)  # the child this test made
        parent.stdout.close()
