"""A piece of work done in a forked child while this process goes on with other work: `kb check` runs
the checks of single files (the cases' de-identification, a fifth of checking 10,000 organisations)
beside the checks of the whole network.

The work must read only what exists when it starts and return something pickle can carry. Whatever
goes wrong with the child (no process to spare, it dies, it does not answer), the work is done here
instead when its result is asked for, so the result is always the same. No child is made in a
process that runs other threads (`kb serve`: a fork copies only the calling thread, and a lock
another thread held would never be released in the copy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from generator.common.forked import Forked, may_fork

T = TypeVar("T")
_ANSWER_SECONDS = 600.0  # a child that takes longer is stopped and the work done here


@contextmanager
def done_beside(work: Callable[[], T], *, worth_a_process: bool) -> Iterator[Callable[[], T]]:
    """Start ``work`` in a second process when ``worth_a_process``; the callable given back returns
    its result (waiting for it), from the child or, failing that, by doing the work here."""
    child = None
    if worth_a_process and may_fork():
        try:
            child = Forked("the process checking files")
        except OSError:
            child = None
    if child is not None and child.is_child:  # pragma: no cover - runs in the child, which never returns
        _work_and_send(child, work)

    def result() -> T:
        if child is not None and not child.reaped:
            answer = child.receive_pickled(_ANSWER_SECONDS)
            child.stop()
            if answer is not None:
                return answer[0]
        return work()

    try:
        yield result
    finally:
        if child is not None:
            child.stop()


def _work_and_send(child: Forked, work: Callable[[], T]) -> None:  # pragma: no cover - child
    status = 1
    try:
        child.send_pickled((work(),))  # in a tuple: a result of None is still an answer
        status = 0
    except BaseException:  # noqa: BLE001 - the parent does the work itself
        pass
    finally:
        child.exit(status)
