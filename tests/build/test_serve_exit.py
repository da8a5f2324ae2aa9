"""`kb serve` removes its temporary site folder however it is stopped: Ctrl+C, or a termination signal
(`kill`, a closed terminal), which mkdocs serve ignored and so left a copy of the site behind; and
it stops promptly, also when the signal comes while it rebuilds after an edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.reload import ORGANISATION, free_port, wait_until_served
from benchmarks.synthetic import copy_demo_tree

STOP_SECONDS = 60


def _stopped(server: subprocess.Popen, log: Path) -> int:
    """The server's exit status; if it has not ended in time, its threads' stacks are in the failure
    (Python's fault handler prints them when it is aborted)."""
    try:
        return server.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.send_signal(signal.SIGABRT)
        server.wait(timeout=30)
        pytest.fail(f"kb serve did not stop within {STOP_SECONDS} s; its log and stacks:\n"
                    + log.read_text(encoding="utf-8")[-20000:])


@dataclass
class _Preview:
    server: subprocess.Popen
    tree: Path
    scratch: Path  # its TMPDIR: where it makes its temporary site folder
    log: Path
    url: str  # a page it serves

    def folders(self) -> list[str]:
        return [p.name for p in self.scratch.iterdir() if p.name.startswith("kb-preview-")]


def _signals_as_in_a_terminal(ignoring_sigint: bool) -> None:
    """In the child, before it runs: the stop signals as a terminal gives them, whatever this test
    run inherited. A run started in the background, or under nohup, ignores SIGINT or SIGHUP, and
    `kb serve` keeps an ignored signal ignored (that is how this test failed in such a CI run)."""
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, signal.SIG_DFL)
    if ignoring_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _preview(tmp_path: Path, *, ignoring_sigint: bool = False) -> Iterator[_Preview]:
    """`kb serve` on a copy of the demo, once it serves, as the leader of its own process group (a
    terminal's Ctrl+C reaches the whole group); killed at the end if still running."""
    tree, scratch, log = tmp_path / "network", tmp_path / "tmp", tmp_path / "serve.log"
    copy_demo_tree(tree)
    scratch.mkdir()
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-X", "faulthandler", "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=tree, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "TMPDIR": str(scratch)},
            preexec_fn=lambda: _signals_as_in_a_terminal(ignoring_sigint), start_new_session=True)
    try:
        preview = _Preview(server, tree, scratch, log, f"http://127.0.0.1:{port}/organisations/{ORGANISATION}/")
        wait_until_served(preview.url, server)
        yield preview
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest.mark.parametrize("while_rebuilding", [False, True], ids=["serving", "rebuilding"])
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["TERM", "INT", "HUP"])
def test_the_preview_folder_goes_when_serving_stops(tmp_path: Path, stop: signal.Signals,
                                                    while_rebuilding: bool) -> None:
    with _preview(tmp_path) as preview:
        assert preview.folders()  # it is there
        if while_rebuilding:
            about = preview.tree / "content/pages/about.md"
            about.write_text(about.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
            deadline = time.monotonic() + 30
            while preview.log.read_text(encoding="utf-8").count(" error(s), ") < 2:  # each build reports its check
                assert time.monotonic() < deadline, "the edit started no rebuild"
                time.sleep(0.01)
        preview.server.send_signal(stop)
        assert _stopped(preview.server, preview.log) == 0
    assert preview.folders() == []
    assert "Traceback" not in preview.log.read_text(encoding="utf-8")


def test_a_signal_it_was_started_ignoring_stays_ignored(tmp_path: Path) -> None:
    """`kb serve &` from a script starts with SIGINT ignored: Ctrl+C meant for the foreground job
    must not stop it; `kill` still does."""
    with _preview(tmp_path, ignoring_sigint=True) as preview:
        preview.server.send_signal(signal.SIGINT)
        time.sleep(2)
        wait_until_served(preview.url, preview.server, timeout=10)  # still serving
        preview.server.send_signal(signal.SIGTERM)
        assert _stopped(preview.server, preview.log) == 0
    assert preview.folders() == []


def test_ctrl_c_in_a_terminal_stops_every_process_quietly(tmp_path: Path) -> None:
    """A terminal sends Ctrl+C to the whole foreground group: kb serve and its helpers (the charts'
    drawing process). The preview stops, and nothing prints a traceback."""
    with _preview(tmp_path) as preview:
        os.killpg(preview.server.pid, signal.SIGINT)
        assert _stopped(preview.server, preview.log) == 0
        time.sleep(1)  # a helper's traceback would come just after
    assert preview.folders() == []
    assert "Traceback" not in preview.log.read_text(encoding="utf-8")
