"""`kb serve` removes its temporary site folder however it is stopped: Ctrl+C, or a termination signal
(`kill`, a closed terminal), which mkdocs serve ignored and so left a copy of the site behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.reload import ORGANISATION, free_port, wait_until_served
from benchmarks.synthetic import copy_demo_tree


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_the_preview_folder_goes_when_serving_stops(tmp_path: Path, stop: signal.Signals) -> None:
    tree, scratch = tmp_path / "network", tmp_path / "tmp"
    copy_demo_tree(tree)
    scratch.mkdir()
    port = free_port()
    with (tmp_path / "serve.log").open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=tree, stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, "TMPDIR": str(scratch)})
        try:
            wait_until_served(f"http://127.0.0.1:{port}/organisations/{ORGANISATION}/", server)
            assert [p.name for p in scratch.iterdir() if p.name.startswith("kb-preview-")]  # it is there
            server.send_signal(stop)
            assert server.wait(timeout=60) == 0
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
    assert [p.name for p in scratch.iterdir() if p.name.startswith("kb-preview-")] == []
    assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
