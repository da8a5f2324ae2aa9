"""Reading a large folder's files in two processes: a forked child reads and parses them (libyaml, then
our typing of scalars) from the first file up and sends each batch back pickled, while this process
validates the files already received; when this process would wait for the next batch, it parses a
file itself, from the last one down. The two meet somewhere in the folder: parsing is more than half
of loading 10,000 organisations, so a child that only parsed kept this process waiting.

The result is exactly `load_file`'s, file for file and in the same order: the same code parses in
both, and the files parsed here are validated after the child's, in their place in the order. Where
they meet, both may parse a file (the result is the same; one is kept). Whatever goes wrong with the
child (no process to spare, it dies, it does not answer), the files it has not delivered are read
here instead, so the worst case is the time of reading them in one process. No child is made for
small folders, nor in a process that runs other threads (`kb serve`: a fork copies only the calling
thread, and a lock another thread held would never be released in the copy).
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from generator.common.forked import Forked, may_fork
from generator.core.loading import Read, read_in_order
from generator.core.sources import Source, load_file
from generator.core.timings import TIMINGS

# Below this many files a fork costs more than it saves (and the demo's folders never fork).
READ_AHEAD_FROM = 500
_BATCH = 200  # files per message: fewer system calls, and the parent is never far behind
_ANSWER_SECONDS = 300.0  # for one batch; a child that takes longer is stopped and its files read here


@contextmanager
def read_ahead(paths: Sequence[Path], root: Path) -> Iterator[Iterator[Read]]:
    """`load_file(path, root)` for each path, in order, parsed in a second process when that helps."""
    if len(paths) < READ_AHEAD_FROM or not may_fork():
        with read_in_order(paths, root) as read:
            yield read
        return
    meeting = _Meeting(len(paths))
    try:
        child = Forked("the process reading files ahead")
    except OSError:
        with read_in_order(paths, root) as read:
            yield read
        return
    if child.is_child:  # pragma: no cover - runs in the child, which never returns
        _read_and_send(child, paths, root, meeting)
    try:
        yield _received(child, paths, root, meeting)
    finally:
        child.stop()


class _Meeting:
    """Two numbers in memory both processes share: the child parses file ``index`` only while it is
    below ``limit``, which this process lowers to take the last file left for itself; the child
    writes in ``progress`` the file it is at, so this process takes none the child is about to reach.
    A race between them only makes both parse one file."""

    _NUMBERS = struct.Struct("=qq")

    def __init__(self, count: int) -> None:
        self._memory = mmap.mmap(-1, self._NUMBERS.size)  # anonymous and shared: the child sees it
        self._NUMBERS.pack_into(self._memory, 0, count, 0)

    @property
    def limit(self) -> int:
        return self._NUMBERS.unpack_from(self._memory, 0)[0]

    def take_last(self, done: int) -> int | None:
        """The index of a file for this process to parse (the last one left), or None when the
        child is about to reach it, or ``done`` files have been delivered already."""
        limit, progress = self._NUMBERS.unpack_from(self._memory, 0)
        if limit - 1 <= max(done, progress + 1):
            return None
        struct.pack_into("=q", self._memory, 0, limit - 1)
        return limit - 1

    def at(self, index: int) -> bool:  # pragma: no cover - runs in the child
        """In the child: record that it parses ``index`` next; False when that file is taken."""
        struct.pack_into("=q", self._memory, 8, index)
        return index < self.limit


def _read_and_send(child: Forked, paths: Sequence[Path], root: Path,
                   meeting: _Meeting) -> None:  # pragma: no cover - child
    status = 1
    try:
        batch: list[tuple[tuple[str, object, str, tuple[str, ...]] | None, list]] = []
        for index, path in enumerate(paths):
            if not meeting.at(index):
                break
            source, problems = load_file(path, root)
            batch.append((None if source is None else (source.display, source.data, source.text, source.lost_ids),
                          problems))
            if len(batch) == _BATCH:
                child.send_pickled(batch)
                batch = []
        if batch:
            child.send_pickled(batch)
        status = 0
    except BaseException:  # noqa: BLE001 - the parent reads what it did not receive itself
        pass
    finally:
        child.exit(status)


def _received(child: Forked, paths: Sequence[Path], root: Path, meeting: _Meeting) -> Iterator[Read]:
    """The child's results as they arrive, and the files this process parsed while it would have
    waited, in order; from the first file the child does not deliver, read here."""
    done = 0
    taken: dict[int, Read] = {}  # parsed here, from the last file down
    while done < meeting.limit:
        if not child.has_message():
            index = meeting.take_last(done)
            if index is not None:
                taken[index] = load_file(paths[index], root)  # timed as "load" by load_file itself
                continue
        with TIMINGS.stage("load"):  # waiting for the child's parsing counts as loading
            batch = child.receive_pickled(_ANSWER_SECONDS)
        if not batch:
            break
        for parsed, problems in batch:
            path = paths[done]
            done += 1
            if parsed is None:
                yield None, problems
                continue
            display, data, text, lost_ids = parsed
            yield Source(path, display, data, text, lost_ids=lost_ids), problems
    child.stop()
    for index in range(done, len(paths)):
        yield taken.pop(index, None) or load_file(paths[index], root)
