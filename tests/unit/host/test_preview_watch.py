"""How `kb serve` learns of an edit (generator/host/preview.py): from the system's file notifications,
edits only (the build reading every source must not start another build), or by polling where
notifications cannot be had."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from generator.host import preview


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []
        self.seen = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.events.append(event)
        self.seen.set()


def test_reading_a_source_is_not_an_edit_and_saving_one_is(tmp_path: Path) -> None:
    source = tmp_path / "organisations" / "a.yml"
    source.parent.mkdir()
    source.write_text("id: a\n", encoding="utf-8")
    recorder = Recorder()
    observer = preview._EditsOnly()
    observer.schedule(recorder, str(tmp_path), recursive=True)
    observer.start()
    try:
        time.sleep(0.2)
        assert source.read_text(encoding="utf-8") == "id: a\n"  # as the build reads it
        time.sleep(0.5)
        assert recorder.events == []
        source.write_text("id: a\nname: A\n", encoding="utf-8")  # as an editor saves it
        assert recorder.seen.wait(10)
        assert {event.src_path for event in recorder.events} == {str(source)}
    finally:
        observer.stop()
        observer.join()


def _builds() -> SimpleNamespace:
    """What `_server` needs of a PreviewBuilds (a real one would make this process's kb plugin a
    preview's, for the tests that build after it)."""
    return SimpleNamespace(config=SimpleNamespace(dev_addr=("127.0.0.1", 0)), mount_path="/", build=lambda: None)


def test_without_notifications_the_preview_polls(tmp_path: Path) -> None:
    """The system refuses a watch when the observer starts (its limit on watches, or as here a folder
    that is not there): `_server` starts it itself, so `serve` can still turn to polling."""
    with pytest.raises(OSError):
        preview._server(_builds(), tmp_path, [str(tmp_path / "not-there")], notified=True)
    server = preview._server(_builds(), tmp_path, [str(tmp_path)], notified=False)
    try:
        assert isinstance(server.observer, PollingObserver)
        assert server.build_delay == preview.BUILD_DELAY_SECONDS
    finally:
        server.server_close()


def test_touching_a_source_is_an_edit(tmp_path: Path) -> None:
    source = tmp_path / "a.yml"
    source.write_text("id: a\n", encoding="utf-8")
    recorder = Recorder()
    observer = preview._EditsOnly()
    observer.schedule(recorder, str(tmp_path), recursive=True)
    observer.start()
    observer.start()  # as mkdocs' server does once `_server` has: no second thread
    try:
        time.sleep(0.2)
        source.touch()
        assert recorder.seen.wait(10)
    finally:
        observer.stop()
        observer.join()


def test_a_large_tree_is_polled_less_often(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview, "QUICK_POLL_UP_TO_FILES", 3)
    for name in "abc":
        (tmp_path / name).touch()
    assert preview.poll_seconds([str(tmp_path)]) == preview.QUICK_POLL_SECONDS
    (tmp_path / "d").touch()
    assert preview.poll_seconds([str(tmp_path)]) == preview.SLOW_POLL_SECONDS


@pytest.mark.parametrize(("nav", "named"), [
    (None, False),  # mkdocs makes the navigation from the pages, titles included
    ([{"Home": "index.md"}, {"Guides": [{"Triage": "triage/index.md"}, {"Site": "https://example.org/"}]}], True),
    ([{"Home": "index.md"}, "about.md"], False),
    ([{"Guides": [{"Triage": "triage/index.md"}, "first-aid/index.md"]}], False),
])
def test_files_are_kept_only_while_the_navigation_names_its_pages(nav: object, named: bool) -> None:
    """A dirty build does not read the pages it skips, and mkdocs takes an unnamed page's title from
    the page: the navigation of every page written would show "None" for it."""
    from generator.host.incremental import nav_names_every_page  # noqa: PLC0415

    assert nav_names_every_page(nav) is named
