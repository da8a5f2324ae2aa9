"""`kb build` of a large site writes its pages from two processes, one per core.

mkdocs writes pages one after another in one process; at 10,000 organisations that is half the build
on one core while the other waits. Just before the first page is written (every page is read and the
navigation made by then), the process forks: parent and child each write every other page, through
mkdocs' own page build, so each page is the same bytes as from one process. mkdocs is told to build
"dirty" and each page file answers `is_modified()` with whether this process writes it; the staging
folder is new and empty, so mkdocs' not cleaning it first changes nothing.

The child reports how many searchable pages it wrote and how many warnings it logged, then exits
without running anything else of the build (no cleanup of the staging folder: that belongs to the
parent). The parent waits for it before the service worker reads the pages; a child that fails fails
the build.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import select
import signal
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.common.charts import settle_drawings
from generator.core.timings import TIMINGS

LOG = logging.getLogger("mkdocs.plugins.kb")
DIRTY_WARNING = "A 'dirty' build is being performed"
WAIT_SECONDS = 900  # after the parent's own half; the halves take about as long as each other


class SecondProcessFailed(RuntimeError):
    """The process that wrote half the pages failed or was killed."""


@dataclass
class Report:
    searchable_pages: int = 0
    warnings: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


class _CountWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _HideDirtyWarning(logging.Filter):
    """mkdocs warns that a dirty build may leave stale navigation; ours starts from an empty folder."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def hide_dirty_warning() -> None:
    logging.getLogger("mkdocs.commands.build").addFilter(_HideDirtyWarning())


class PageSplit:
    """Arm it once the pages are read (on_env); the first page's build then forks."""

    def __init__(self) -> None:
        self.child_pid: int | None = None
        self.is_child = False
        self._read_end: int | None = None
        self._write_end: int | None = None
        self._parent_pid = os.getpid()
        self._warnings: _CountWarnings | None = None

    @property
    def forked(self) -> bool:
        return self.is_child or self.child_pid is not None

    def arm(self, page_files: Iterable[Any]) -> None:
        for index, file in enumerate(page_files):
            file.is_modified = (lambda index=index: self._writes(index))

    def _writes(self, index: int) -> bool:
        """Whether this process writes page ``index``: the child the odd ones, the parent the even
        ones (alternating, so each gets a share of every kind of page)."""
        if not self.forked:
            self._fork()
        if self.is_child and os.getppid() != self._parent_pid:
            os._exit(1)  # the parent is gone: writing on into its staging folder helps nobody
        return (index % 2 == 1) == self.is_child

    def _fork(self) -> None:
        settle_drawings()
        sys.stdout.flush()
        sys.stderr.flush()
        self._read_end, self._write_end = os.pipe()
        gc.freeze()  # the child's collections then leave the parent's objects alone (fewer pages copied)
        pid = os.fork()
        if pid == 0:
            self.is_child = True
            os.close(self._read_end)
            # the parent's handlers remove the staging folder on a signal; the child just stops
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            TIMINGS.seconds.clear()
            self._warnings = _CountWarnings()
            logging.getLogger("mkdocs").addHandler(self._warnings)
        else:
            self.child_pid = pid
            os.close(self._write_end)

    def child_finish(self, searchable_pages: int, *, failed: bool = False) -> None:
        """In the child, at the end of its pages: report to the parent and exit at once."""
        report = Report(searchable_pages, self._warnings.count if self._warnings else 0, dict(TIMINGS.seconds))
        try:
            if not failed:
                os.write(self._write_end, json.dumps(report.__dict__).encode("utf-8"))
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(1 if failed else 0)

    def parent_wait(self) -> Report:
        """In the parent: the child's report once it has exited; raises if it failed."""
        assert self.child_pid is not None and self._read_end is not None
        chunks = []
        while True:
            ready, _, _ = select.select([self._read_end], [], [], WAIT_SECONDS)
            if not ready:  # a child stuck for this long will not finish: stop it rather than hang CI
                os.close(self._read_end)
                self.parent_abandon()
                raise SecondProcessFailed(f"the process writing half of the pages did not finish within "
                                          f"{WAIT_SECONDS} s after this one")
            chunk = os.read(self._read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(self._read_end)
        _, status = os.waitpid(self.child_pid, 0)
        self.child_pid = None
        code = os.waitstatus_to_exitcode(status)
        if code != 0 or not chunks:
            how = f"was stopped by signal {-code}" if code < 0 else f"exited with status {code}"
            raise SecondProcessFailed(f"the process writing half of the pages {how} (its errors are above)")
        return Report(**json.loads(b"".join(chunks)))

    def parent_abandon(self) -> None:
        """The parent's build failed: stop the child and reap it."""
        if self.child_pid is None:
            return
        try:
            os.kill(self.child_pid, signal.SIGTERM)
            os.waitpid(self.child_pid, 0)
        except OSError:
            pass
        self.child_pid = None
