"""A forked copy of the process that does part of the work beside it: `kb build` writes half of its
pages from one (generator/host/page_split.py) and makes and writes the open data from another
(generator/host/file_writer.py); loading a large folder reads and parses its files in another
(generator/common/read_ahead.py). The one way all are made, talk to the parent, end and are stopped.

- Before the fork, chart drawings are finished (a copy has no thread reading them) and garbage
  collection is frozen (the child's collections then leave the parent's objects alone, so fewer
  memory pages are copied).
- The child's SIGTERM and SIGINT stop it at once: the parent's handlers remove the staging folder,
  which belongs to the parent alone. The child stops by itself once the parent is gone
  (``parent_gone``), so it never writes on into a folder that is being removed; on Linux the kernel
  also kills it the moment the parent dies (``_die_with``), even between two such checks.
- Messages are JSON (or bytes the caller encodes), each preceded by its length, one pipe each way.
- The parent waits for a message at most a given time; a child that does not answer by then is
  killed and reaped (a stuck child must fail the build, not hang it). Every child is reaped.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from typing import Any

from generator.common.charts import settle_drawings

_LENGTH = struct.Struct(">I")


def may_fork() -> bool:
    """The system can fork and this process runs no other thread: a fork copies only the calling
    thread, and a lock another thread held (`kb serve`'s server) would never be released in the copy.
    For the helpers that do without a child when they cannot have one (read_ahead, beside)."""
    return hasattr(os, "fork") and threading.active_count() == 1


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@functools.cache
def _prctl() -> Any:
    """libc's prctl on Linux, else None; looked up in the parent, before it forks (a child that
    loads libraries after a fork can wait for ever on a lock another thread held)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes  # noqa: PLC0415 - only in a process that forks, only on Linux

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # no libc to ask: the polling still stops a child
        return None


# the signals that stop a build: their handlers must not run while the process forks
_HELD_ACROSS_FORK = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}

def _die_with(parent_pid: int, prctl: Any) -> None:
    """In a child, on Linux: the kernel kills it the moment its parent dies, however it dies (killed
    for memory, SIGKILL), so it cannot write on while `kb build` removes the staging folder (between
    two ``parent_gone`` checks it could otherwise write a file or make a folder after the removal).
    Elsewhere ``parent_gone`` is what there is."""
    if prctl is None:
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the request was made
        os._exit(1)


class ChildFailed(RuntimeError):
    """The child did not answer in time, ended without its message, or reported a failure."""


class Forked:
    """Both ends of one fork: in the parent (``is_child`` false) and in the child."""

    def __init__(self, what: str) -> None:
        """Fork now. ``what`` names the child's work in messages ("the process writing half of the
        pages"). Raises OSError when the system has no process to spare."""
        self.what = what
        settle_drawings()
        sys.stdout.flush()
        sys.stderr.flush()
        to_parent = os.pipe()
        to_child = os.pipe()
        self.parent_pid = os.getpid()
        prctl = _prctl()
        gc.freeze()
        # Held back across the fork: a handler that runs inside the fork's own callbacks (logging's
        # lock release, in Python) raises where the exception is only printed, and the signal is lost
        # (a stopped `kb build` then built on to the end, in one CI run of four)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_ACROSS_FORK)
        try:
            pid = os.fork()
        except OSError:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            for fd in (*to_parent, *to_child):
                os.close(fd)
            raise
        self.pid = pid
        self.is_child = pid == 0
        self.reaped = self.is_child
        if self.is_child:  # a signal sent to the parent is not pending here
            for stop in (signal.SIGTERM, signal.SIGINT):
                signal.signal(stop, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            _die_with(self.parent_pid, prctl)
            self._read, self._write = to_child[0], to_parent[1]
            os.close(to_parent[0])
            os.close(to_child[1])
        else:
            self._read, self._write = to_parent[0], to_child[1]
            os.close(to_parent[1])
            os.close(to_child[0])
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal that came meanwhile is handled here
            except BaseException:  # the caller never gets this child to stop: stop it now
                self.stop()
                raise

    # ---- either side ----------------------------------------------------------------------
    def send(self, message: Any) -> None:
        self.send_bytes(json.dumps(message).encode("utf-8"))

    def send_bytes(self, data: bytes) -> None:
        view = memoryview(_LENGTH.pack(len(data)) + data)
        while view:
            view = view[os.write(self._write, view):]

    def send_pickled(self, value: Any) -> None:
        self.send_bytes(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def receive_pickled(self, seconds: float) -> Any:
        """A value sent with `send_pickled`; None if none came in time or it could not be read (the
        child is then stopped): the caller does the work itself."""
        try:
            message = self.receive_bytes(seconds)
            return pickle.loads(message) if message is not None else None
        except (ChildFailed, pickle.UnpicklingError, EOFError, ValueError):
            self.stop()
            return None

    def receive(self, seconds: float) -> Any:
        """The next message; None if the other side closed its end first. In the parent, raises
        ChildFailed (and kills the child) when nothing comes within ``seconds``; in the child, a
        parent that is gone ends the child."""
        body = self.receive_bytes(seconds)
        return None if body is None else json.loads(body)

    def has_message(self) -> bool:
        """Whether the other side has sent something (or closed its end) that can be read now."""
        return bool(select.select([self._read], [], [], 0)[0])

    def receive_bytes(self, seconds: float) -> bytes | None:
        """As `receive`, for a message sent with `send_bytes`."""
        header = self._read_exactly(_LENGTH.size, seconds)
        if header is None:
            return None
        return self._read_exactly(_LENGTH.unpack(header)[0], seconds)

    def _read_exactly(self, size: int, seconds: float) -> bytes | None:
        chunks, wanted = [], size
        deadline = time.monotonic() + seconds
        while wanted:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._read], [], [], max(0.0, min(left, 1.0)))
            if not ready:
                if self.is_child and self.parent_gone():
                    os._exit(1)
                if left <= 0:
                    if self.is_child:
                        os._exit(1)
                    self.stop()
                    raise ChildFailed(f"{self.what} did not finish within {seconds:.0f} s")
                continue
            chunk = os.read(self._read, min(wanted, 1 << 20))
            if not chunk:
                return None
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)

    # ---- the child ------------------------------------------------------------------------
    def parent_gone(self) -> bool:
        return os.getppid() != self.parent_pid

    def exit(self, status: int) -> None:  # pragma: no cover - runs in the child
        """End the child at once: none of the parent's cleanup (atexit, finally blocks) runs twice."""
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)

    # ---- the parent -----------------------------------------------------------------------
    def reap(self) -> int:
        """Wait for the child to end (after its last message) and return its exit code."""
        if self.reaped:
            return 0
        # no signal between the wait and marking it reaped: stop() would then kill a reused id
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            _, status = os.waitpid(self.pid, 0)
            self._close()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return os.waitstatus_to_exitcode(status)

    def stop(self) -> None:
        """Kill the child and reap it; nothing more is written by it once this returns."""
        if self.reaped:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):  # reaped already, by a wait a signal cut short
            os.waitpid(self.pid, 0)
        self._close()

    def ended_how(self, code: int) -> str:
        return f"was stopped by signal {-code}" if code < 0 else f"exited with status {code}"

    def _close(self) -> None:
        self.reaped = True
        for fd in (self._read, self._write):
            with contextlib.suppress(OSError):
                os.close(fd)


def error_message(exc: BaseException) -> dict[str, Any]:
    """An exception as a message, so the parent can raise its like (an OSError stays an OSError)."""
    return {"errno": getattr(exc, "errno", None), "filename": getattr(exc, "filename", None),
            "message": getattr(exc, "strerror", None) or f"{type(exc).__name__}: {exc}"}


def error_from(message: dict[str, Any]) -> BaseException:
    if message.get("errno") is not None:
        return OSError(message["errno"], message["message"], message["filename"])
    return ChildFailed(message["message"])
