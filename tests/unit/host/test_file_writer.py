"""The open-data writer thread: every file lands, an error in it reaches the build, and stopping it
means nothing more is written."""

from __future__ import annotations

import errno
import io
import os
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.core.specs import DataFile
from generator.exports import OpenData
from generator.exports.archive import zip_bytes
from generator.exports.endpoints import ARCHIVE
from generator.host import file_writer
from generator.host.file_writer import FileWriter


def test_every_file_is_written_with_its_exact_bytes(tmp_path: Path) -> None:
    files = [DataFile(f"api/v1/things/{i}.json", f'{{"n": {i}, "name": "Cavy’s"}}'.encode()) for i in range(500)]
    files += [DataFile("feeds/changes.xml", "<feed>\r\nline</feed>\n"), DataFile("empty.txt", b"")]
    writer = FileWriter(tmp_path, iter(files))
    writer.wait()
    written = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {f.src_uri: f.content if isinstance(f.content, bytes) else f.content.encode() for f in files}


def test_files_follow_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        FileWriter(tmp_path, iter([DataFile("a/b.json", b"{}")])).wait()
    finally:
        os.umask(previous)
    assert (tmp_path / "a/b.json").stat().st_mode & 0o777 == 0o640


def test_an_error_while_making_the_files_is_raised_by_wait(tmp_path: Path) -> None:
    def files() -> Iterator[DataFile]:
        yield DataFile("one.json", b"1")
        raise ValueError("bad export")

    writer = FileWriter(tmp_path, files())
    with pytest.raises(ValueError, match="bad export"):
        writer.wait()
    writer.wait()  # raised once: a second wait has nothing more to say


def test_a_failed_write_is_raised_by_wait(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: str, content: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    monkeypatch.setattr(file_writer, "_write", full)
    writer = FileWriter(tmp_path, iter([DataFile("a.json", b"{}")]))
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
