"""The open-data writers (a forked child, or a thread): the summary and every file arrive, an error
while making or writing them reaches the build, and stopping one means nothing more is written.
The exports themselves are replaced by small ones here (tests/build checks the real ones)."""

from __future__ import annotations

import errno
import io
import os
import signal
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.core.specs import DataFile
from generator.exports import data_files, write_archive
from generator.exports.archive import zip_bytes
from generator.exports.endpoints import ARCHIVE
from generator.host import file_writer
from generator.host.file_writer import InChild, InThread, OpenDataFailed
from generator.host.site_output import STAGING_MARKER

WRITERS = pytest.mark.parametrize("writer_class", [InChild, InThread])
DATA = {f"api/v1/things/{i}.json": f'{{"n": {i}, "name": "Cavy’s"}}'.encode() for i in range(500)}
DATA |= {"api/directory.csv": "a,b\r\nx,“y”\r\n".encode(), "api/empty.txt": b""}


@pytest.fixture(autouse=True)
def small_exports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_writer, "summarised_exports", lambda *args: ({"paths": sorted(DATA)}, dict(DATA)))


def _writer(writer_class: type, readme: str = "", **options: object) -> InChild | InThread:
    return writer_class(None, "https://example.org/", "Site", {}, readme=readme, **options)


def _written(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@WRITERS
def test_the_summary_then_every_file_with_its_exact_bytes_and_the_zip(writer_class: type, tmp_path: Path) -> None:
    writer = _writer(writer_class, "Read me ’")
    assert writer.summary() == {"paths": sorted(DATA)}
    writer.start(tmp_path)
    writer.wait()
    written = _written(tmp_path)
    archive = written.pop(ARCHIVE)
    assert written == DATA
    assert archive == zip_bytes({**{p.removeprefix("api/"): c for p, c in DATA.items()}, "README.txt": "Read me ’"},
                                folder="open-data")


def test_the_zip_of_the_files_read_back_is_the_zip_made_in_memory() -> None:
    data = {"api/v1/b.json": b'{"b": 1}', "api/v1/a.json": b'{"a": 1}', "api/vcards/a-b.vcf": b"BEGIN:VCARD"}
    held = dict(data)
    yielded = {f.src_uri: f.content for f in data_files(held)}
    assert yielded == data and held == {}  # each file's bytes are let go once yielded
    into = io.BytesIO()
    assert write_archive(data, data.__getitem__, "Read me", into)
    with zipfile.ZipFile(into) as opened:
        assert opened.namelist() == ["open-data/README.txt", "open-data/v1/a.json", "open-data/v1/b.json",
                                     "open-data/vcards/a-b.vcf"]
        assert opened.read("open-data/README.txt") == b"Read me"
    assert into.getvalue() == zip_bytes({**{p.removeprefix("api/"): c for p, c in data.items()},
                                         "README.txt": "Read me"}, folder="open-data")


def test_the_zip_is_made_once_every_file_is_written_and_let_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Made as the files were written, the zip kept the bytes not yet written (300 MB at 10,000
    organisations) in the process for as long as compressing took, beside the page-writing processes."""
    data, seen = dict(DATA), {}

    def archive(paths: list[str], read: Callable[[str], bytes], *args: object) -> bool:
        seen.update(held=dict(data), on_disk=sum((tmp_path / p).is_file() for p in paths), read=read(paths[0]))
        return True

    monkeypatch.setattr(file_writer, "write_archive", archive)
    written = file_writer.write_all(str(tmp_path), data, "", lambda: False)
    assert seen["held"] == {} and seen["on_disk"] == len(DATA) == len(written) - 1
    assert seen["read"] == DATA[written[1]]


@WRITERS
def test_files_follow_the_umask(writer_class: type, tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        writer = _writer(writer_class)
        writer.start(tmp_path)
        writer.wait()
    finally:
        os.umask(previous)
    assert (tmp_path / "api/directory.csv").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / ARCHIVE).stat().st_mode & 0o777 == 0o640


@WRITERS
def test_an_error_while_making_the_exports_is_raised(writer_class: type, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise ValueError("bad export")

    monkeypatch.setattr(file_writer, "summarised_exports", broken)
    with pytest.raises((ValueError, RuntimeError), match="bad export"):  # the child names it
        writer = _writer(writer_class)
        writer.summary()


@WRITERS
def test_a_failed_write_is_raised_by_wait(writer_class: type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: str, content: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    monkeypatch.setattr(file_writer, "_write", full)
    writer = _writer(writer_class)
    writer.start(tmp_path)
    with pytest.raises(OSError, match="No space left"):
        writer.wait()
    writer.wait()  # raised once: a second wait has nothing more to say


def _slow_second_file(reached: Path, go: threading.Event | None = None):
    def files(data: dict[str, bytes]) -> Iterator[DataFile]:
        yield DataFile("first.json", b"1")
        reached.touch()
        if go is not None:
            go.wait(10)
        else:
            time.sleep(30)  # as if a long write were under way
        yield DataFile("second.json", b"2")
    return files


def test_nothing_is_written_once_stop_returns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    go = threading.Event()
    monkeypatch.setattr(file_writer, "data_files", _slow_second_file(tmp_path / "reached", go))
    writer = _writer(InThread)
    writer.start(tmp_path)
    _wait_for(tmp_path / "reached")
    threading.Timer(0.05, go.set).start()  # the writer moves on only after stop() has asked it to stop
    assert writer.stop() is None
    assert (tmp_path / "first.json").is_file() and not (tmp_path / "second.json").exists()


def test_a_stopped_child_writes_nothing_more(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_writer, "data_files", _slow_second_file(tmp_path / "reached"))
    writer = _writer(InChild)
    writer.start(tmp_path)
    _wait_for(tmp_path / "reached")
    started = time.monotonic()
    assert writer.stop() is None
    assert time.monotonic() - started < 5  # stopped, not waited for
    assert (tmp_path / "first.json").is_file() and not (tmp_path / "second.json").exists()


def test_a_child_never_started_is_stopped_by_wait(tmp_path: Path) -> None:
    """A build that fails before the site folder is ready never starts the writer: it writes nothing."""
    writer = _writer(InChild)
    writer.summary()
    writer.wait()
    assert not _written(tmp_path)


def test_a_stuck_child_writer_is_killed_and_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer that never finishes (a deadlock after the fork) fails the build instead of hanging it."""
    monkeypatch.setattr(file_writer, "WAIT_SECONDS", 1)

    def stuck(data: dict[str, bytes]) -> Iterator[DataFile]:
        yield DataFile("api/a.json", b"{}")
        signal.pause()  # in the child: nothing ever wakes it
        yield DataFile("api/b.json", b"{}")

    monkeypatch.setattr(file_writer, "data_files", stuck)
    writer = _writer(InChild)
    writer.start(tmp_path)
    with pytest.raises(OpenDataFailed, match="did not finish within 1 s"):
        writer.wait()


def test_a_child_that_dies_fails_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def dies(data: dict[str, bytes]) -> Iterator[DataFile]:
        yield DataFile("api/a.json", b"{}")
        os.kill(os.getpid(), signal.SIGKILL)  # in the child
        yield DataFile("api/b.json", b"{}")

    monkeypatch.setattr(file_writer, "data_files", dies)
    writer = _writer(InChild)
    writer.start(tmp_path)
    with pytest.raises(OpenDataFailed, match="ended before it was done"):
        writer.wait()


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 10
    while not path.exists():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_an_error_that_cannot_be_reported_still_ends_the_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child never carries on as the build: not even when its error cannot be put into words."""
    class Unspeakable(Exception):
        def __str__(self) -> str:
            raise ValueError("no words")

    def broken(*args: object) -> None:
        raise Unspeakable

    monkeypatch.setattr(file_writer, "summarised_exports", broken)
    parent = os.getpid()
    writer = _writer(InChild)
    if os.getpid() != parent:  # only a child that escaped gets here
        (tmp_path / "escaped").touch()
        os._exit(0)
    with pytest.raises(OpenDataFailed, match="ended before it was done"):
        writer.summary()
    assert not (tmp_path / "escaped").exists()


@WRITERS
def test_a_signal_while_the_build_waits_still_lets_the_writer_be_stopped(
        writer_class: type, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM during the plugin's final wait: the cleanup that follows stops the writer before the
    staging folder goes, so nothing is written into it afterwards."""
    from generator.host.plugin import KnowledgeBasePlugin  # noqa: PLC0415

    def files(data: dict[str, bytes]) -> Iterator[DataFile]:
        yield DataFile("first.json", b"1")
        (tmp_path / "reached").touch()
        time.sleep(1)  # a long write under way when the signal comes
        yield DataFile("second.json", b"2")

    monkeypatch.setattr(file_writer, "data_files", files)
    plugin = KnowledgeBasePlugin()
    writer = plugin._writer = _writer(writer_class)
    writer.start(tmp_path)
    _wait_for(tmp_path / "reached")

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        with pytest.raises(KeyboardInterrupt):
            plugin.wait_for_writing()
    finally:
        signal.signal(signal.SIGALRM, previous)
    plugin.stop_second_processes()
    stopped = writer._fork.reaped if isinstance(writer, InChild) else not writer._thread.is_alive()
    assert stopped, "the writer runs on after the build's cleanup"
    time.sleep(1.5)  # long enough for a writer left running to write its second file
    assert (tmp_path / "first.json").is_file() and not (tmp_path / "second.json").exists()


def _early_files(root: Path) -> dict[str, bytes]:
    """What the child has written early so far; empty while it replaces a stale folder (the folder
    may vanish while it is being listed)."""
    early = root / file_writer.EARLY_FOLDER
    try:
        return {p.relative_to(early).as_posix(): p.read_bytes() for p in early.rglob("*") if p.is_file()}
    except FileNotFoundError:
        return {}


def _until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Wait for the child to get that far (it runs on its own)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_child_writes_early_into_a_hidden_folder_then_moves_the_files_into_place(tmp_path: Path) -> None:
    """The child lets go of the files before the site folder is ready (memory at scale): they wait in
    a hidden folder, which mkdocs' cleaning leaves, and are moved into place on start()."""
    stale = tmp_path / file_writer.EARLY_FOLDER / "api/v1/stale.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("left by a killed build")
    writer = _writer(InChild, "Read me", site_dir=tmp_path)
    try:
        writer.summary()
        _until(lambda: len(_early_files(tmp_path)) >= len(DATA) + 1)
        early = _early_files(tmp_path)
        assert early.pop(ARCHIVE) and early == DATA  # all written before start(), the stale file gone
        assert [p.name for p in tmp_path.iterdir()] == [file_writer.EARLY_FOLDER]
        writer.start(tmp_path)
        writer.wait()
    finally:
        writer.stop()  # no-op once it has finished
    written = _written(tmp_path)
    assert written.pop(ARCHIVE) == zip_bytes({**{p.removeprefix("api/"): c for p, c in DATA.items()},
                                              "README.txt": "Read me"}, folder="open-data")
    assert written == DATA
    assert not (tmp_path / file_writer.EARLY_FOLDER).exists()


def test_stopping_a_child_that_wrote_early_removes_its_hidden_folder(tmp_path: Path) -> None:
    writer = _writer(InChild, site_dir=tmp_path)
    writer.summary()
    _until((tmp_path / file_writer.EARLY_FOLDER / ARCHIVE).exists)
    writer.stop()
    assert list(tmp_path.iterdir()) == []


def _staging(folder: Path) -> Path:
    """A folder marked as `kb build`'s staging folder (generator/host/site_output.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / STAGING_MARKER).write_text("{}")
    return folder


def _data_names(root: Path) -> list[str]:
    return sorted(name for name in _written(root) if name != STAGING_MARKER)


def test_into_a_new_staging_folder_the_child_writes_straight_into_place(tmp_path: Path) -> None:
    """`kb build`'s staging folder is new and never emptied: no hidden folder, no moves."""
    site = _staging(tmp_path / "staging")
    writer = _writer(InChild, "Read me", site_dir=site, site_dir_is_new=True)
    try:
        writer.summary()
        _until(lambda: len(_data_names(site)) >= len(DATA) + 1)
        assert _data_names(site) == sorted([*DATA, ARCHIVE])  # all in place before start()
        assert not (site / file_writer.EARLY_FOLDER).exists()
        writer.start(site)
        writer.wait()
    finally:
        writer.stop()
    written = _written(site)
    assert written.pop(ARCHIVE) == zip_bytes({**{p.removeprefix("api/"): c for p, c in DATA.items()},
                                              "README.txt": "Read me"}, folder="open-data")
    assert written.pop(STAGING_MARKER) == b"{}" and written == DATA


def test_a_child_writing_into_place_fails_if_told_to_finish_elsewhere_or_never_and_removes_nothing(
        tmp_path: Path) -> None:
    """Its files are in place from the start: a build that names another folder, or waits without
    starting it, gets an error (the files may be incomplete), and stopping removes nothing."""
    site = _staging(tmp_path / "staging")
    elsewhere = _writer(InChild, site_dir=site, site_dir_is_new=True)
    elsewhere.summary()
    _until(lambda: len(_data_names(site)) >= len(DATA) + 1)
    with pytest.raises(OpenDataFailed, match="being written into .*staging, not .*elsewhere"):
        elsewhere.start(tmp_path / "elsewhere")
    assert _data_names(site) == sorted([*DATA, ARCHIVE])  # stopped, and nothing removed
    never = _writer(InChild, site_dir=site, site_dir_is_new=True)
    never.summary()
    with pytest.raises(OpenDataFailed, match="never told to finish"):
        never.wait()
    assert (site / STAGING_MARKER).is_file() and _data_names(site) == sorted([*DATA, ARCHIVE])


def test_only_a_marked_staging_folder_is_written_into_straight_away(tmp_path: Path) -> None:
    """A folder mkdocs may still empty (no staging marker) gets the hidden folder and the moves."""
    writer = _writer(InChild, site_dir=tmp_path, site_dir_is_new=True)
    try:
        writer.summary()
        _until(lambda: len(_early_files(tmp_path)) >= len(DATA) + 1)
        assert [p.name for p in tmp_path.iterdir()] == [file_writer.EARLY_FOLDER]
    finally:
        writer.stop()
