"""Writes files into the site folder beside the build, so the open-data exports (32,000 files and
their zip at 5,000 organisations) are written while mkdocs renders the pages instead of before.
ChildWriter does it in a forked process, with an interpreter lock of its own (on a thread, the
writer's many short system calls and zipfile's Python between them took the lock back and forth with
the page rendering, and the build got no faster); FileWriter on a thread, where forking is unwise
(`kb serve`'s server threads) or fails.

Whoever starts a writer must wait() for it before anything reads the site folder or the build ends,
and stop() it on every way out of a failed build: an error in the writer is raised by wait(), never
lost, and nothing is written after stop() returns (the staging folder is removed next).
"""

from __future__ import annotations

import gc
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from generator.common.charts import settle_drawings
from generator.core.specs import DataFile

WAIT_SECONDS = 900  # after the pages are written; the writing takes a few seconds at 10,000
FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC


class FileWriter:
    def __init__(self, root: Path, files: Iterator[DataFile]) -> None:
        self._root = os.fspath(root)
        self._files = files
        self._stopping = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kb-file-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        folders: set[str] = set()  # made once each: 32,000 files go into a few dozen folders
        try:
            for data in self._files:
                if self._stopping.is_set():
                    return
                target = os.path.join(self._root, data.src_uri)
                folder = os.path.dirname(target)
                if folder not in folders:
                    os.makedirs(folder, exist_ok=True)
                    folders.add(folder)
                _write(target, data.content.encode("utf-8") if isinstance(data.content, str) else data.content)
        except BaseException as exc:  # handed to the main thread by wait()  # noqa: BLE001
            self._error = exc
        finally:
            self._files = iter(())  # let go of the rest (and of what the iterator holds) at once

    def wait(self) -> None:
        """Return once every file is written; raise whatever stopped the writer."""
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def stop(self) -> BaseException | None:
        """Stop writing and wait for the thread; returns the writer's own error, if it had one."""
        self._stopping.set()
        self._thread.join()
        error, self._error = self._error, None
        return error


def _write(path: str, content: bytes) -> None:
    """One file, with the fewest system calls (each one hands the GIL back and forth); the mode
    follows the umask, as open() would."""
    fd = os.open(path, FLAGS, 0o666)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def write_beside(root: Path, files: Iterator[DataFile], *, fork: bool) -> FileWriter | ChildWriter:
    """A writer for ``files``: in a child process if ``fork`` and the system allows it, else on a thread."""
    if fork and hasattr(os, "fork"):
        settle_drawings()  # a forked copy has no thread reading the drawings: none may still be pending
        try:
            return ChildWriter(root, files)
        except OSError:  # no process to spare (memory, limits): write on a thread instead
            pass
    return FileWriter(root, files)


class ChildWriter:
    """The same as FileWriter, in a forked child. The child reports an error through a pipe and ends
    with os._exit (none of the parent's cleanup runs twice); it stops by itself if the build process
    dies, so it never writes into a staging folder that is being removed."""

    def __init__(self, root: Path, files: Iterator[DataFile]) -> None:
        read, write = os.pipe()
        parent = os.getpid()
        gc.freeze()  # the child's collections then leave the parent's objects alone (fewer pages copied)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
            os.close(read)
            _child(os.fspath(root), files, write, parent)
        os.close(write)
        self._pid, self._pipe = pid, read

    def wait(self) -> None:
        error = self._reap()
        if error is not None:
            raise error

    def stop(self) -> BaseException | None:
        if self._pid:  # not reaped yet, so the id is still this child's
            os.kill(self._pid, signal.SIGKILL)
        return self._reap(killed=True)

    def _reap(self, *, killed: bool = False) -> BaseException | None:
        if not self._pid:
            return None
        status = _wait_or_kill(self._pid, WAIT_SECONDS)
        self._pid = 0
        if status is None:
            os.close(self._pipe)
            return RuntimeError(f"the open-data writer did not finish within {WAIT_SECONDS} s after the pages")
        with os.fdopen(self._pipe, "rb") as pipe:
            report = pipe.read()
        if report:
            found = json.loads(report)
            if found["errno"] is not None:
                return OSError(found["errno"], found["message"], found["filename"])
            return RuntimeError(found["message"])
        code = os.waitstatus_to_exitcode(status)
        return None if code == 0 or killed else RuntimeError(f"the open-data writer ended with status {code}")


def _wait_or_kill(pid: int, seconds: float) -> int | None:
    """The child's exit status, or None when it had to be killed after ``seconds`` (a stuck writer
    must fail the build, not hang it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def _child(root: str, files: Iterator[DataFile], report: int, parent: int) -> None:  # pragma: no cover
    for stop in (signal.SIGTERM, signal.SIGINT):  # stopped with the build, without Python's unwinding
        signal.signal(stop, signal.SIG_DFL)
    status = 0
    try:
        folders: set[str] = set()
        for data in files:
            if os.getppid() != parent:  # the build process is gone: its staging folder is being removed
                os._exit(1)
            target = os.path.join(root, data.src_uri)
            folder = os.path.dirname(target)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
            _write(target, data.content.encode("utf-8") if isinstance(data.content, str) else data.content)
    except BaseException as exc:  # noqa: BLE001 - every failure goes to the parent
        status = 1
        failed = {"errno": getattr(exc, "errno", None), "filename": getattr(exc, "filename", None),
                  "message": getattr(exc, "strerror", None) or f"{type(exc).__name__}: {exc}"}
        os.write(report, json.dumps(failed).encode("utf-8"))
    os._exit(status)
