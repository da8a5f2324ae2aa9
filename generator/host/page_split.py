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
the build. Forking, messages and stopping: generator/common/forked.py.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.common.forked import ChildFailed, Forked
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
    """mkdocs warns that a dirty build may leave stale navigation. `kb build`'s starts from an empty
    folder; the preview's keeps files only while the site's shape is unchanged (host/incremental.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


_HIDDEN = _HideDirtyWarning()


def hide_dirty_warning() -> None:
    logging.getLogger("mkdocs.commands.build").addFilter(_HIDDEN)  # once, however often it is asked


class PageSplit:
    """Arm it once the pages are read (on_env); the first page's build then forks."""

    def __init__(self) -> None:
        self._fork: Forked | None = None
        self._warnings: _CountWarnings | None = None

    @property
    def forked(self) -> bool:
        return self._fork is not None

    @property
    def is_child(self) -> bool:
        return self._fork is not None and self._fork.is_child

    @property
    def child_pid(self) -> int | None:
        """The child's process id until it is reaped (in the parent)."""
        fork = self._fork
        return fork.pid if fork is not None and not fork.is_child and not fork.reaped else None

    def arm(self, page_files: Iterable[Any]) -> None:
        for index, file in enumerate(page_files):
            file.is_modified = (lambda index=index: self._writes(index))

    def _writes(self, index: int) -> bool:
        """Whether this process writes page ``index``: the child the odd ones, the parent the even
        ones (alternating, so each gets a share of every kind of page)."""
        if self._fork is None:
            self._start()
        assert self._fork is not None
        if self._fork.is_child and self._fork.parent_gone():
            self._fork.exit(1)  # writing on into the parent's staging folder helps nobody
        return (index % 2 == 1) == self._fork.is_child

    def _start(self) -> None:
        self._fork = Forked("the process writing half of the pages")
        if self._fork.is_child:
            TIMINGS.seconds.clear()
            self._warnings = _CountWarnings()
            logging.getLogger("mkdocs").addHandler(self._warnings)

    def child_finish(self, searchable_pages: int, *, failed: bool = False) -> None:
        """In the child, at the end of its pages: report to the parent and exit at once."""
        assert self._fork is not None and self._fork.is_child
        report = Report(searchable_pages, self._warnings.count if self._warnings else 0, dict(TIMINGS.seconds))
        try:
            if not failed:
                self._fork.send(report.__dict__)
        finally:
            self._fork.exit(1 if failed else 0)

    def parent_wait(self) -> Report:
        """In the parent: the child's report once it has exited; raises if it failed."""
        fork = self._fork
        assert fork is not None and not fork.is_child
        try:
            message = fork.receive(WAIT_SECONDS)
        except ChildFailed as exc:  # a child stuck for this long will not finish: stopped rather than hang CI
            raise SecondProcessFailed(f"{exc} after this one") from None
        code = fork.reap()
        if code != 0 or message is None:
            raise SecondProcessFailed(f"{fork.what} {fork.ended_how(code)} (its errors are above)")
        return Report(**message)

    def parent_abandon(self) -> None:
        """The parent's build failed: stop the child and reap it."""
        if self._fork is not None and not self._fork.is_child:
            self._fork.stop()
