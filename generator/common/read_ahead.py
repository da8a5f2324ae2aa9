"""Reading a large folder's files in a second process: a forked child reads and parses them (libyaml,
then our typing of scalars) in order and sends each batch back pickled, while this process validates
the files already received. Parsing is half of loading 10,000 organisations and validation the
other half, so the two overlap on two cores.

The result is exactly `load_file`'s, file for file and in the same order: the same code parses in
the child. Whatever goes wrong with the child (no process to spare, it dies, it does not answer),
the files it has not delivered are read here instead, so the worst case is the time of reading
them in one process. No child is made for small folders, nor in a process that runs other threads
(`kb serve`: a fork copies only the calling thread, and a lock another thread held would never be
released in the copy).
"""

from __future__ import annotations

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
    try:
        child = Forked("the process reading files ahead")
    except OSError:
        with read_in_order(paths, root) as read:
            yield read
        return
    if child.is_child:  # pragma: no cover - runs in the child, which never returns
        _read_and_send(child, paths, root)
    try:
        yield _received(child, paths, root)
    finally:
        child.stop()


def _read_and_send(child: Forked, paths: Sequence[Path], root: Path) -> None:  # pragma: no cover - child
    status = 1
    try:
        batch: list[tuple[tuple[str, object, str] | None, list]] = []
        for path in paths:
            source, problems = load_file(path, root)
            batch.append((None if source is None else (source.display, source.data, source.text), problems))
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


def _received(child: Forked, paths: Sequence[Path], root: Path) -> Iterator[Read]:
    """The child's results as they arrive; from the first file it fails to deliver, read here."""
    done = 0
    while done < len(paths):
        with TIMINGS.stage("load"):  # waiting for the child's parsing counts as loading
            batch = child.receive_pickled(_ANSWER_SECONDS)
        if not batch:
            break
        for parsed, problems in batch:
            path = paths[done]
            done += 1
            yield (None if parsed is None else Source(path, *parsed)), problems
    child.stop()
    for path in paths[done:]:
        yield load_file(path, root)
