"""Wall time per build stage, summed over the run, for the scale benchmark (`kb build --timings`)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import perf_counter, thread_time

# Stages measured directly: load, validate, catalog, plan, render, exports, pagefind, mkdocs-total;
# "link" and "mkdocs" are what remains of their enclosing totals. "plan" is deciding every page and its
# context (it computes the open-data exports the "Use our data" page shows); "render" is our templates.
# "exports" is the build's own time on them: the open-data files are written on a thread alongside
# mkdocs' page rendering, and count only as far as the build has to wait for them.
# "render cpu" is the render stage's processor time: two processes writing pages share two cores with
# the open-data writer, so each one's wall time includes the time it waits while another runs.


CPU_STAGES = {"render"}  # never split by a fork: the page-writing child starts before its first page


class Timings:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        # the processor clock only where it is reported: reading it is a system call, on a busy
        # machine a point where the core goes to another process (thousands of "load" stages a build)
        cpu = name in CPU_STAGES
        start, start_cpu = perf_counter(), thread_time() if cpu else 0.0
        try:
            yield
        finally:
            self.seconds[name] += perf_counter() - start
            if cpu:
                self.seconds[f"{name} cpu"] += thread_time() - start_cpu

    def report(self) -> dict[str, float]:
        s = self.seconds
        inside_mkdocs = s["plan"] + s["render"] + s["exports"]  # kb build runs Pagefind after mkdocs
        stages = {
            "load": s["load"],
            "validate": s["validate"],
            "link": max(0.0, s["catalog"] - s["load"] - s["validate"]),
            "plan": s["plan"],
            "render": s["render"],
            "mkdocs": max(0.0, s["mkdocs-total"] - inside_mkdocs),
            "pagefind": s["pagefind"],
            "exports": s["exports"],
        }
        stages["render cpu"] = s["render cpu"]
        if "render (second process)" in s:  # kb build wrote half the pages from a second process
            stages["render (second process)"] = s["render (second process)"]
            stages["render cpu (second process)"] = s["render cpu (second process)"]
        return {name: round(value, 3) for name, value in stages.items()}

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.report(), indent=1) + "\n", encoding="utf-8")


STAGES = {"load", "validate", "link", "plan", "render", "mkdocs", "pagefind", "exports", "render (second process)",
          "render cpu", "render cpu (second process)"}


def timings_refusal(path: Path) -> str | None:
    """Why `--timings` may not write ``path``, or None: only a new file, or one an earlier build wrote
    (a JSON object of stage names), in a folder that exists."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return "it is not a plain file"
    if not path.parent.is_dir():
        return f"its folder {path.parent} does not exist"
    if not path.exists():
        return None
    try:
        earlier = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        earlier = None
    if isinstance(earlier, dict) and earlier and set(earlier) <= STAGES:
        return None
    return "it exists and is not a timings file from an earlier build; give a new file name"


TIMINGS = Timings()
