"""`kb build` in two processes, so the memory peaks of the two halves never add up.

The first process (generator/build_stage.py) checks the content and builds the pages with mkdocs
into a staging folder. This process then indexes that folder with Pagefind, after the first has
exited and handed all its memory back, and swaps the result in only if everything succeeded: the
previous site stays untouched on any failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import TextIO

from generator.search import SearchIndexError, index_site
from generator.timings import TIMINGS

FAILED = "kb: build failed: {}; the previous site was left as it was"


def build(config_file: Path, *, strict: bool, fmt: str, site_dir: Path | None, timings: Path | None,
          stage_module: str = "generator.build_stage") -> int:
    """Check, build and index the site; returns the exit status of `kb build`."""
    with tempfile.TemporaryDirectory(prefix="kb-build-") as scratch:
        handoff = Path(scratch) / "handoff.json"
        command = [sys.executable, "-m", stage_module, "-f", str(config_file), "--format", fmt,
                   "--handoff", str(handoff), *(["--strict"] if strict else []),
                   *(["--site-dir", str(site_dir)] if site_dir else [])]
        status = run_relayed(command)
        stage = json.loads(handoff.read_text(encoding="utf-8")) if handoff.is_file() else {}
    if status < 0:  # killed, for example by the kernel when memory runs out: it could not clean up
        if stage.get("staging"):
            shutil.rmtree(stage["staging"], ignore_errors=True)
        print(FAILED.format(f"the build process was stopped by signal {-status}"), file=sys.stderr)
        return 1
    if status != 0:
        return status
    staging, target = Path(stage["staging"]), Path(stage["target"])
    TIMINGS.seconds.update(stage["timings"])
    try:
        if stage["index"]:
            with TIMINGS.stage("pagefind"):
                index_site(staging, stage["expected_pages"])
    except SearchIndexError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(FAILED.format(exc), file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap(staging, target)
    print(f"kb: built {stage['organisations']} organisations into {target}")
    if timings:
        TIMINGS.write(timings)
    return 0


def run_relayed(command: list[str]) -> int:
    """Run ``command``, passing its output line by line to this process's own stdout and stderr
    (whatever they are at the time, so callers that capture them see the child's messages too)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8", errors="replace", env={**os.environ, "PYTHONUNBUFFERED": "1"})
    relays = [threading.Thread(target=_relay, args=(process.stdout, sys.stdout), daemon=True),
              threading.Thread(target=_relay, args=(process.stderr, sys.stderr), daemon=True)]
    for relay in relays:
        relay.start()
    try:
        status = process.wait()
    except KeyboardInterrupt:  # the child had the same signal: let it clean up its staging folder
        process.wait()
        raise
    for relay in relays:
        relay.join()
    return status


def _relay(source: TextIO, sink: TextIO) -> None:
    for line in source:
        sink.write(line)
        sink.flush()


def swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
