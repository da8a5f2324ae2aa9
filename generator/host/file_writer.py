"""Writes files into the site folder on a thread of its own, so the open-data exports (32,000 files
and their zip at 5,000 organisations) are written while mkdocs renders the pages instead of before.
File writes and zlib release the GIL, so the two overlap.

Whoever starts a writer must wait() for it before anything reads the site folder or the build ends,
and stop() it on every way out of a failed build: an error in the writer is raised by wait(), never
lost, and nothing is written after stop() returns (the staging folder is removed next).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

from generator.core.specs import DataFile

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
