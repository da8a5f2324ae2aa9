"""`kb serve` removes its temporary site folder however it is stopped: Ctrl+C, or a termination signal
(`kill`, a closed terminal), which mkdocs serve ignored and so left a copy of the site behind; and
it stops promptly, also when the signal comes while it rebuilds after an edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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


def _serve(tree: Path, scratch: Path, log: Path, port: int) -> subprocess.Popen:
    with log.open("w") as output:
        return subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "generator.cli", "serve",
                                 "-a", f"127.0.0.1:{port}"], cwd=tree, stdout=output, stderr=subprocess.STDOUT,
                                env={**os.environ, "TMPDIR": str(scratch)})


@pytest.mark.parametrize("while_rebuilding", [False, True], ids=["serving", "rebuilding"])
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["TERM", "INT", "HUP"])
def test_the_preview_folder_goes_when_serving_stops(tmp_path: Path, stop: signal.Signals,
                                                    while_rebuilding: bool) -> None:
    tree, scratch, log = tmp_path / "network", tmp_path / "tmp", tmp_path / "serve.log"
    copy_demo_tree(tree)
    scratch.mkdir()
    port = free_port()
    server = _serve(tree, scratch, log, port)
    try:
        wait_until_served(f"http://127.0.0.1:{port}/organisations/{ORGANISATION}/", server)
        assert [p.name for p in scratch.iterdir() if p.name.startswith("kb-preview-")]  # it is there
        if while_rebuilding:
            about = tree / "content/pages/about.md"
            about.write_text(about.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
            deadline = time.monotonic() + 30
            while log.read_text(encoding="utf-8").count(" error(s), ") < 2:  # each build reports its check
                assert time.monotonic() < deadline, "the edit started no rebuild"
                time.sleep(0.01)
        server.send_signal(stop)
        assert _stopped(server, log) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert [p.name for p in scratch.iterdir() if p.name.startswith("kb-preview-")] == []
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_a_signal_it_was_started_ignoring_stays_ignored(tmp_path: Path) -> None:
    """`kb serve &` from a script starts with SIGINT ignored: Ctrl+C meant for the foreground job
    must not stop it; `kill` still does."""
    tree, scratch, log = tmp_path / "network", tmp_path / "tmp", tmp_path / "serve.log"
    copy_demo_tree(tree)
    scratch.mkdir()
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "generator.cli", "serve",
                                   "-a", f"127.0.0.1:{port}"], cwd=tree, stdout=output, stderr=subprocess.STDOUT,
                                  env={**os.environ, "TMPDIR": str(scratch)},
                                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        url = f"http://127.0.0.1:{port}/organisations/{ORGANISATION}/"
        wait_until_served(url, server)
        server.send_signal(signal.SIGINT)
        time.sleep(2)
        wait_until_served(url, server, timeout=10)  # still serving
        server.send_signal(signal.SIGTERM)
        assert _stopped(server, log) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert [p.name for p in scratch.iterdir() if p.name.startswith("kb-preview-")] == []
