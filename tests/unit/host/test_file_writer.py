"""The open-data writers (a forked child, or a thread): every file lands, an error in the writer
reaches the build, and stopping it means nothing more is written."""

from __future__ import annotations

import errno
import io
import os
import signal
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.core.specs import DataFile
from generator.exports import OpenData
from generator.exports.archive import zip_bytes
from generator.exports.endpoints import ARCHIVE
from generator.host import file_writer
from generator.host.file_writer import ChildWriter, FileWriter

WRITERS = pytest.mark.parametrize("writer_class", [ChildWriter, FileWriter])


@WRITERS
def test_every_file_is_written_with_its_exact_bytes(writer_class: type, tmp_path: Path) -> None:
    files = [DataFile(f"api/v1/things/{i}.json", f'{{"n": {i}, "name": "Cavy’s"}}'.encode()) for i in range(500)]
    files += [DataFile("feeds/changes.xml", "<feed>\r\nline</feed>\n"), DataFile("empty.txt", b"")]
    writer = writer_class(tmp_path, iter(files))
    writer.wait()
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {f.src_uri: f.content if isinstance(f.content, bytes) else f.content.encode() for f in files}


@WRITERS
def test_files_follow_the_umask(writer_class: type, tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        writer_class(tmp_path, iter([DataFile("a/b.json", b"{}")])).wait()
    finally:
        os.umask(previous)
    assert (tmp_path / "a/b.json").stat().st_mode & 0o777 == 0o640


@WRITERS
def test_an_error_while_making_the_files_is_raised_by_wait(writer_class: type, tmp_path: Path) -> None:
    def files() -> Iterator[DataFile]:
        yield DataFile("one.json", b"1")
        raise ValueError("bad export")

    writer = writer_class(tmp_path, files())
    with pytest.raises((ValueError, RuntimeError), match="bad export"):  # the child names it
        writer.wait()
    writer.wait()  # raised once: a second wait has nothing more to say


@WRITERS
def test_a_failed_write_is_raised_by_wait(writer_class: type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: str, content: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    monkeypatch.setattr(file_writer, "_write", full)
    writer = writer_class(tmp_path, iter([DataFile("a.json", b"{}")]))
    with pytest.raises(OSError, match="No space left"):
        writer.wait()


def test_nothing_is_written_once_stop_returns(tmp_path: Path) -> None:
    reached, go = threading.Event(), threading.Event()

    def files() -> Iterator[DataFile]:
        yield DataFile("first.json", b"1")
        reached.set()
        go.wait(10)
        yield DataFile("second.json", b"2")

    writer = FileWriter(tmp_path, files())
    assert reached.wait(10)
    threading.Timer(0.05, go.set).start()  # the writer moves on only after stop() has asked it to stop
    assert writer.stop() is None
    assert (tmp_path / "first.json").is_file() and not (tmp_path / "second.json").exists()


def test_open_data_yields_every_file_and_a_zip_of_them_as_before() -> None:
    data = {"api/v1/b.json": b'{"b": 1}', "api/v1/a.json": b'{"a": 1}', "api/directory.csv": b"x,y\r\n",
            "api/vcards/a-b.vcf": b"BEGIN:VCARD"}
    feeds = [DataFile("changes/feed.xml", b"<feed/>")]
    written = {f.src_uri: f.content for f in OpenData(dict(data), "Read me ’", feeds).files()}
    archive = written.pop(ARCHIVE)
    assert written == {**data, "changes/feed.xml": b"<feed/>"}
    # the same bytes as zipping them all at once
    assert archive == zip_bytes({**{p.removeprefix("api/"): c for p, c in data.items()}, "README.txt": "Read me ’"},
                                folder="open-data")
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert opened.read("open-data/README.txt").decode() == "Read me ’"


def test_a_stopped_child_writes_nothing_more(tmp_path: Path) -> None:
    def files() -> Iterator[DataFile]:
        yield DataFile("first.json", b"1")
        (tmp_path / "reached").touch()
        time.sleep(30)  # as if a long write were under way
        yield DataFile("second.json", b"2")

    writer = ChildWriter(tmp_path, files())
    deadline = time.monotonic() + 10
    while not (tmp_path / "reached").exists():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    started = time.monotonic()
    assert writer.stop() is None
    assert time.monotonic() - started < 5  # stopped, not waited for
    assert (tmp_path / "first.json").is_file() and not (tmp_path / "second.json").exists()


def test_a_stuck_child_writer_is_killed_and_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer that never finishes (a deadlock after the fork) fails the build instead of hanging it."""
    monkeypatch.setattr(file_writer, "WAIT_SECONDS", 1)

    def stuck() -> Iterator[DataFile]:
        yield DataFile("api/a.json", b"{}")
        signal.pause()  # in the child: nothing ever wakes it
        yield DataFile("api/b.json", b"{}")

    writer = file_writer.ChildWriter(tmp_path, stuck())
    with pytest.raises(RuntimeError, match="did not finish"):
        writer.wait()
