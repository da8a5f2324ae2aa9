"""Makes the open-data exports and writes them into the site folder beside the build (32,000 files and
their zip at 5,000 organisations), so that neither their making nor their writing holds up the pages.

InChild forks as planning starts. The child makes the exports while the build plans its pages, sends
the summary the "Use our data" page needs (generator/exports, ``summarise``), writes the files into
a hidden folder of the site folder (EARLY_FOLDER, which mkdocs' cleaning keeps), lets go of them,
and moves them into place once the build says the site folder is ready (``start``). Held until then,
the files and what making them left behind were 800 MB of the child at 10,000 organisations, beside
the two processes writing pages: the peak of the build. It has
an interpreter lock of its own (on a thread, the writer's many short system calls and zipfile's
Python between them took the lock back and forth with the page rendering, and the build got no
faster), and the build process never holds the files (300 MB at 10,000 organisations). `kb build`
builds into a new staging folder that nothing empties, so there the child writes each file straight
into its place instead (no hidden folder, no move). InThread does
the same on a thread, where forking is unwise (`kb serve`'s server threads) or fails.

Whoever makes a writer must wait() for it before anything reads the site folder or the build ends,
and stop() it on every way out of a failed build: an error in the writer is raised by summary() or
wait(), never lost, and nothing is written after stop() returns (the staging folder is removed next).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from generator.common.forked import ChildFailed, Forked, error_from, error_message
from generator.common.memory import release_free_memory
from generator.core.catalog import Catalog
from generator.exports import data_files, summarised_exports, write_archive
from generator.exports.endpoints import ARCHIVE
from generator.host.site_output import STAGING_MARKER

EARLY_FOLDER = ".kb-open-data"  # in the site folder: hidden, so mkdocs' cleaning leaves it
TRIM_EVERY = 2000  # files
WAIT_SECONDS = 900  # for each answer; making and writing take a few seconds at 10,000 organisations
FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC


class OpenDataFailed(RuntimeError):
    """The open data could not be made or written."""


def write_all(root: str, data: dict[str, bytes], readme: str, should_stop: Callable[[], bool]) -> list[str]:
    """Every data file, then the zip of them all, into ``root``; ``data`` is emptied as it goes.
    Returns the files written, by their paths in the site. The zip is made from the files read back
    once all are written: made as they were written, it held the process near its peak (the bytes not
    yet written, 300 MB at 10,000 organisations) for as long as compressing took, beside the
    processes writing the pages."""
    folders: set[str] = set()  # made once each: 32,000 files go into a few dozen folders
    written: list[str] = []
    for file in data_files(data):
        if should_stop():
            return written
        target = _in_folder(root, file.src_uri, folders)
        _write(target, file.content.encode("utf-8") if isinstance(file.content, str) else file.content)
        written.append(file.src_uri)
        if len(written) % TRIM_EVERY == 0:
            release_free_memory()  # the files written so far, let go of, leave the process
    release_free_memory()
    with open(_in_folder(root, ARCHIVE, folders), "wb") as archive:
        write_archive(written, lambda name: Path(root, name).read_bytes(), readme, archive, should_stop)
    return [ARCHIVE, *written]


def move_all(early: str, root: str, names: list[str], should_stop: Callable[[], bool]) -> None:
    """The files written early into ``early`` moved to the same paths in ``root`` (one rename each, on
    the same file system), then ``early`` removed."""
    folders: set[str] = set()
    for name in names:
        if should_stop():
            return
        os.replace(os.path.join(early, name), _in_folder(root, name, folders))
    shutil.rmtree(early)  # only the emptied folders are left in it


def _in_folder(root: str, name: str, made: set[str]) -> str:
    """``root``/``name``, its folder made once (``made`` remembers them)."""
    target = os.path.join(root, name)
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    return target


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


def open_data_writer(catalog: Catalog, site_url: str, site_name: str, extra: Mapping[str, Any], *,
                     readme: str, fork: bool, site_dir: Path | None = None,
                     site_dir_is_new: bool = False) -> InThread | InChild:
    """A writer for the catalog's open data (``readme`` is the archive's README.txt): in a child
    process if ``fork`` and the system allows it, which writes early into ``site_dir`` if given
    (straight into place if ``site_dir_is_new``: InChild), else on a thread (the exports are then
    made here, now)."""
    if fork and hasattr(os, "fork"):
        try:
            return InChild(catalog, site_url, site_name, extra, readme=readme, site_dir=site_dir,
                           site_dir_is_new=site_dir_is_new)
        except OSError:  # no process to spare (memory, limits): write on a thread instead
            pass
    return InThread(catalog, site_url, site_name, extra, readme=readme)


class InThread:
    def __init__(self, catalog: Catalog, site_url: str, site_name: str, extra: Mapping[str, Any], *,
                 readme: str) -> None:
        self._summary, self._data = summarised_exports(catalog, site_url, site_name, extra)
        self._readme = readme
        self._stopping = threading.Event()
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def summary(self) -> dict[str, Any]:
        return self._summary

    def start(self, root: Path) -> None:
        """Start writing: the site folder is ready for the files."""
        self._thread = threading.Thread(target=self._run, args=(os.fspath(root), self._readme),
                                        name="kb-file-writer", daemon=True)
        self._thread.start()

    def _run(self, root: str, readme: str) -> None:
        try:
            write_all(root, self._data, readme, self._stopping.is_set)
        except BaseException as exc:  # handed to the main thread by wait()  # noqa: BLE001
            self._error = exc
        finally:
            self._data = {}  # let go of the rest at once

    def wait(self) -> None:
        """Return once every file is written; raise whatever stopped the writer."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def stop(self) -> BaseException | None:
        """Stop writing and wait for the thread; returns the writer's own error, if it had one."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
        self._data = {}
        error, self._error = self._error, None
        return error


class InChild:
    """The same in a forked child (generator/common/forked.py): it reports an error as a message and
    ends with os._exit (none of the parent's cleanup runs twice); it stops by itself if the build
    process dies, so it never writes into a staging folder that is being removed."""

    def __init__(self, catalog: Catalog, site_url: str, site_name: str, extra: Mapping[str, Any], *,
                 readme: str, site_dir: Path | None = None, site_dir_is_new: bool = False) -> None:
        """``site_dir``: write the files early, into its EARLY_FOLDER (already checked to be a folder the
        build may write in); without it, the child holds them until ``start``. ``site_dir_is_new``: the
        site folder is `kb build`'s new staging folder, which nothing empties: the files go straight to
        their places in it (at 10,000 organisations, 73,000 renames fewer), and ``start`` must name it."""
        # and only into a folder that says so: a staging folder (site_output.make_staging) is never emptied
        direct = site_dir is not None and site_dir_is_new and (site_dir / STAGING_MARKER).is_file()
        self._early = os.path.join(site_dir, EARLY_FOLDER) if site_dir is not None and not direct else None
        self._direct = os.fspath(site_dir) if direct and site_dir is not None else None
        self._fork = Forked("the open-data writer")
        if self._fork.is_child:  # pragma: no cover - the child (coverage does not follow it)
            try:
                _child(self._fork, catalog, site_url, site_name, extra, readme, self._early, self._direct)
            finally:  # whatever happens, the child never returns into the build's code
                os._exit(1)
        self._summary: dict[str, Any] | None = None
        self._started = False

    def summary(self) -> dict[str, Any]:
        if self._summary is None:
            self._summary = self._answer("summary")
        return self._summary

    def start(self, root: Path) -> None:
        if self._direct is not None and os.fspath(root) != self._direct:
            self.stop()
            raise OpenDataFailed(f"the open data is being written into {self._direct}, not {root}")
        self.summary()  # the child sends it before it reads anything
        try:
            self._fork.send({"root": os.fspath(root)})
        except BrokenPipeError:  # the child has ended (writing early, the disk full?): its message says why
            self._answer("done")  # raises the child's error
            raise
        self._started = True

    def wait(self) -> None:
        if self._fork.reaped:
            return
        if not self._started:
            self.stop()
            if self._direct is not None:  # its files are in place already, perhaps not all of them
                raise OpenDataFailed(f"{self._fork.what} was never told to finish; its files may be incomplete")
            return
        self._answer("done")
        code = self._fork.reap()
        if code != 0:
            raise OpenDataFailed(f"{self._fork.what} {self._fork.ended_how(code)}")

    def stop(self) -> BaseException | None:
        self._fork.stop()
        if self._early is not None:  # the files written early, if the child had not moved them yet
            shutil.rmtree(self._early, ignore_errors=True)
        return None

    def _answer(self, expected: str) -> Any:
        """The child's next message, which must be ``expected``; raises its error otherwise."""
        try:
            message = self._fork.receive(WAIT_SECONDS)
        except ChildFailed as exc:  # killed and reaped already
            raise OpenDataFailed(str(exc)) from None
        if message is not None and expected in message:
            return message[expected]
        self._fork.stop()
        if message is not None and "error" in message:
            raise error_from(message["error"])
        raise OpenDataFailed(f"{self._fork.what} ended before it was done")


def _child(fork: Forked, catalog: Catalog, site_url: str, site_name: str, extra: Mapping[str, Any], readme: str,
           early: str | None, direct: str | None = None) -> None:  # pragma: no cover - runs in the child
    status = 0
    try:
        summary, data = summarised_exports(catalog, site_url, site_name, extra)
        fork.send({"summary": summary})
        del summary
        written: list[str] = []
        if early is not None:
            shutil.rmtree(early, ignore_errors=True)  # left by a build that was killed
        before_start = early or direct  # where the files go at once, if anywhere
        if before_start is not None:
            written = write_all(before_start, data, readme, fork.parent_gone)
            del data
            release_free_memory()
        go = fork.receive(WAIT_SECONDS)  # ends this process if the build does
        if go is None:  # the build ended without writing the files
            fork.exit(0)
        if early is not None:
            move_all(early, go["root"], written, fork.parent_gone)
        elif direct is None:
            write_all(go["root"], data, readme, fork.parent_gone)
        if fork.parent_gone():
            fork.exit(1)
        fork.send({"done": True})
    except BaseException as exc:  # noqa: BLE001 - every failure goes to the parent
        status = 1
        with contextlib.suppress(BaseException):  # even a message that cannot be made or sent ends here
            fork.send({"error": error_message(exc)})
    fork.exit(status)
