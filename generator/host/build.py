"""`kb build` in two processes, so the memory peaks of the two halves never add up.

The first process (generator/host/build_stage.py) checks the content and builds the pages with mkdocs
into a staging folder. This process then indexes that folder with Pagefind, after the first has
exited and handed all its memory back, and swaps the result in only if everything succeeded: the
previous site stays untouched on any failure.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TextIO

from generator.core.exit_status import INTERRUPTED, STOPPED_BY_SIGTERM
from generator.core.timings import TIMINGS, timings_refusal
from generator.host.guard import terminate_as_interrupt
from generator.host.offline import finish_service_worker
from generator.host.search import SearchIndexError, index_site
from generator.host.site_output import SwapFailed, UnsafeSiteDir, discard, swap

FAILED = "kb: build failed: {}; the previous site was left as it was"


def build(config_file: Path, *, strict: bool, fmt: str, site_dir: Path | None, timings: Path | None,
          stage_module: str = "generator.host.stage_start",
          stale: tuple[str, str] = ("everywhere", "origin/main"), edition: str = "public") -> int:
    """Check, build and index the site; returns the exit status of `kb build`."""
    if timings is not None and (reason := timings_refusal(timings)):
        print(f"kb: refusing to write the timings to {timings}: {reason}", file=sys.stderr)
        return 1
    stage: dict = {}
    with terminate_as_interrupt(), tempfile.TemporaryDirectory(prefix="kb-build-") as scratch:
        handoff = Path(scratch) / "handoff.json"
        command = [sys.executable, "-m", stage_module, "-f", str(config_file), "--format", fmt,
                   "--handoff", str(handoff), *(["--strict"] if strict else []),
                   "--stale-fails", stale[0], "--base", stale[1],
                   *(["--site-dir", str(site_dir)] if site_dir else [])]
        try:
            status = run_relayed(command, {"KB_EDITION": edition})
            stage = json.loads(handoff.read_text(encoding="utf-8")) if handoff.is_file() else {}
            if status < 0:  # killed, for example by the kernel when memory runs out: it could not clean up
                print(FAILED.format(f"the build process was stopped by signal {-status}"), file=sys.stderr)
                return _failed(stage)
            if status in (STOPPED_BY_SIGTERM, INTERRUPTED):  # the stage alone was stopped: say so, once
                print(FAILED.format("the build process was stopped by "
                                    + ("SIGTERM" if status == STOPPED_BY_SIGTERM else "an interrupt")), file=sys.stderr)
                return _failed(stage, status)
            if status != 0:
                return _failed(stage, status)
            return _index_and_swap(stage, timings)
        except BaseException:  # stopped (SIGINT, SIGTERM) or crashed: leave nothing half-made behind
            stage = stage or (json.loads(handoff.read_text(encoding="utf-8")) if handoff.is_file() else {})
            _failed(stage)
            raise


def _index_and_swap(stage: dict, timings: Path | None) -> int:
    staging, target = Path(stage["staging"]), Path(stage["target"])
    TIMINGS.seconds.update(stage["timings"])
    # the service worker's cache version hashes every file but Pagefind's: on a thread while it indexes
    # (sw.js is written with the index only, and waits for its version: generator/host/plugin.py)
    versioning = ThreadPoolExecutor(1, thread_name_prefix="kb-sw-version")
    finishing = versioning.submit(finish_service_worker, staging) if stage["index"] else None
    try:
        try:
            if stage["index"]:
                with TIMINGS.stage("pagefind"):
                    index_site(staging, stage["expected_pages"])
        finally:
            with TIMINGS.stage("exports"):  # only the wait counts: the build's own time
                versioning.shutdown(wait=True)
        if finishing is not None and finishing.exception() is not None:
            raise ServiceWorkerError(f"the offline service worker could not be finished: {finishing.exception()}")
        swap(staging, target, Path(stage["root"]), Path(stage["docs_dir"]))
    except (SearchIndexError, UnsafeSiteDir, ServiceWorkerError, SwapFailed) as exc:
        print(FAILED.format(exc), file=sys.stderr)
        return _failed(stage)
    print(f"kb: built {stage['organisations']} organisations into {target}")
    if timings:
        if reason := timings_refusal(timings):  # made meanwhile: still not ours to overwrite
            print(f"kb: the timings were not written to {timings}: {reason}", file=sys.stderr)
        else:
            TIMINGS.write(timings)
    return 0


def _failed(stage: dict, status: int = 1) -> int:
    """Remove this build's staging folder (if it made one) and return the failing exit status."""
    if stage.get("staging"):
        discard(Path(stage["staging"]))
    return status


class ServiceWorkerError(RuntimeError):
    """sw.js could not be given its cache version."""


def run_relayed(command: list[str], env: dict[str, str] | None = None) -> int:
    """Run ``command``, passing its output line by line to this process's own stdout and stderr
    (whatever they are at the time, so callers that capture them see the child's messages too)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               errors="replace", env={**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"})
    relays = [threading.Thread(target=_relay, args=(process.stdout, sys.stdout), daemon=True),
              threading.Thread(target=_relay, args=(process.stderr, sys.stderr), daemon=True)]
    for relay in relays:
        relay.start()
    try:
        status = process.wait()
    except KeyboardInterrupt:  # stopped: the child must stop too, and clean up its staging folder
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        process.wait()
        raise
    for relay in relays:
        relay.join()
    return status


def _relay(source: TextIO, sink: TextIO) -> None:
    for line in source:
        sink.write(line)
        sink.flush()
