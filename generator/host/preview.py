"""`kb serve`: mkdocs' development server, made quicker to show an edit.

- Changes are seen as they happen: the system's file notifications (inotify, FSEvents, Windows'),
  where mkdocs serve lists every watched folder every 0.5 s (and has no option to change it). Only
  a file created, changed, moved or deleted counts: reading one (the build does) is not an edit.
  Where notifications cannot be had (the system's limit on watches), the folders are polled, every
  0.1 s while they hold few files.
- Every rebuild is one of mkdocs' "dirty" builds: the site folder is not emptied first, and a file
  that reports itself unmodified is neither rendered nor written. The plugin decides which generated
  files are unchanged and empties the folder itself when nothing can be kept
  (generator/host/incremental.py).
- The site is built into a temporary folder made here and removed on exit, as mkdocs serve does; a
  termination signal (`kill`, a closed terminal) stops it as Ctrl+C does, so the folder goes then too
  (mkdocs serve leaves it behind).
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer

QUICK_POLL_SECONDS = 0.1
SLOW_POLL_SECONDS = 0.5  # mkdocs' own interval
QUICK_POLL_UP_TO_FILES = 2000  # listing more files ten times a second would keep a core busy
# a rebuild starts once no file has changed for this long (mkdocs: 0.1 s): an editor saves a file in
# one go, and a save caught half-way only means one more rebuild
BUILD_DELAY_SECONDS = 0.05
# a file's attributes change with `touch` (reading one changes none on a relatime or noatime mount);
# a folder moved out of the tree gives only folder events, which mkdocs' server ignores: save a file
EDITS = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileAttribEvent]
LOG = logging.getLogger("mkdocs.plugins.kb")


class _EditsOnly(Observer):  # type: ignore[misc,valid-type]  # the platform's observer class
    """The system's notifications of edits only: inotify also reports files opened and closed, and
    mkdocs' server rebuilds on any event, so the build reading the sources would start another."""

    def schedule(self, event_handler: Any, path: str | Path, *, recursive: bool = False,
                 event_filter: Any = None, **options: Any) -> Any:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or EDITS,
                                **options)

    def start(self) -> None:
        """Started by `_server`, where a failure (the system's limit on watches) can still turn to
        polling; mkdocs' server starts it again when it serves."""
        if not self.is_alive():
            super().start()


def serve_url(host: str, port: int, mount_path: str) -> str:
    shown_host = f"[{host}]" if ":" in host else host
    return f"http://{shown_host}:{port}{mount_path}"


def poll_seconds(folders: list[str]) -> float:
    count = 0
    for folder in folders:
        for _, _, names in os.walk(folder):
            count += len(names)
            if count > QUICK_POLL_UP_TO_FILES:
                return SLOW_POLL_SECONDS
    return QUICK_POLL_SECONDS


class PreviewBuilds:
    """The preview's builds of one mkdocs.yml into one folder: the first writes everything, each later
    one only what changed. mkdocs keeps the plugin object (and so its memory of the last build) for as
    long as the process lives."""

    def __init__(self, config_file: Path, site_dir: Path, dev_addr: str = "127.0.0.1:8000") -> None:
        self._config_file, self._site_dir, self._dev_addr = config_file, site_dir, dev_addr
        self.config = self.load()
        self.config.plugins.on_startup(command="serve", dirty=True)
        host, port = self.config.dev_addr
        self.mount_path = urlsplit(self.config.site_url or "/").path or "/"
        self.url = serve_url(host, port, self.mount_path)

    def load(self) -> MkDocsConfig:
        return load_config(config_file=os.fspath(self._config_file), site_dir=os.fspath(self._site_dir),
                           dev_addr=self._dev_addr)

    def build(self, config: MkDocsConfig | None = None) -> None:
        """Build again (mkdocs.yml is read again: it may have changed)."""
        config = config or self.load()
        config.site_url = self.url
        build(config, serve_url=self.url, dirty=True)

    def settle(self) -> None:
        """Wait for the work the last build left running: the open data, the search index."""
        for plugin in self.config.plugins.values():
            getattr(plugin, "finish_background_work", lambda: None)()

    def close(self) -> None:
        self.config.plugins.on_shutdown()


def _server(builds: PreviewBuilds, site_dir: Path, watched: list[str], *, notified: bool) -> LiveReloadServer:
    """mkdocs' live-reload server watching ``watched``: told of edits by the system if ``notified``
    (raises OSError when it cannot be), else polling."""
    host, port = builds.config.dev_addr
    server = LiveReloadServer(builder=builds.build, host=host, port=port, root=os.fspath(site_dir),
                              mount_path=builds.mount_path,
                              polling_interval=SLOW_POLL_SECONDS if notified else poll_seconds(watched))
    server.build_delay = BUILD_DELAY_SECONDS

    def error_page(code: int) -> bytes | None:  # the site's own 404 page, as mkdocs serve shows it
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    if notified:
        server.observer = _EditsOnly()
    try:
        for path in watched:
            server.watch(path)
        if notified:  # the watches are made as it starts: fail here, not once serving
            server.observer.start()
    except OSError:
        if server.observer.is_alive():
            server.observer.stop()
        server.observer.unschedule_all()
        server.server_close()
        raise
    return server


STOPS = tuple(stop for stop in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if stop is not None)


class _Stopping:
    """What Ctrl+C, `kill` or a closed terminal does. During the first build: stop it where it is
    (KeyboardInterrupt). Once serving: ask the server to stop, from another thread, so that the main
    thread leaves mkdocs' build loop between builds (after the rebuild under way, or the one about to
    start: mkdocs runs the build its quiet period was waiting for before it looks at the request)
    rather than being interrupted at whatever line it runs: an exception raised between a lock's
    acquiring and the `try` that releases it leaves the lock held. A second signal interrupts at once
    (a rebuild that never ends)."""

    def __init__(self) -> None:
        self.server: LiveReloadServer | None = None
        self.requested = threading.Event()

    def __call__(self, signum: int, frame: object) -> None:
        if self.server is None or self.requested.is_set():  # a second Ctrl+C: a rebuild that never ends
            raise KeyboardInterrupt
        self.requested.set()
        threading.Thread(target=self._stop_server, args=(self.server,), name="kb-stop", daemon=True).start()

    @staticmethod
    def _stop_server(server: LiveReloadServer) -> None:
        # only once it serves: stopping it before then would close its socket before it listens
        while not server.serve_thread.is_alive():
            time.sleep(0.01)
        server.shutdown()


def serve(config_file: Path, dev_addr: str) -> None:
    """Build, serve and rebuild on every saved change until interrupted."""
    stopping = _Stopping()
    # a signal this process was started ignoring (`kb serve &` from a script: SIGINT) stays ignored
    previous = {stop: signal.signal(stop, stopping) for stop in STOPS if signal.getsignal(stop) is not signal.SIG_IGN}
    try:
        _serve_until_stopped(config_file, dev_addr, stopping)
    except KeyboardInterrupt:
        LOG.info("kb: stopping the preview")
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, handler)


def _serve_until_stopped(config_file: Path, dev_addr: str, stopping: _Stopping) -> None:
    site_dir = Path(tempfile.mkdtemp(prefix="kb-preview-"))
    try:
        builds = PreviewBuilds(config_file, site_dir, dev_addr)
    except BaseException:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise
    config = builds.config
    try:
        builds.build(config)
        # the theme folder, not Material's own: those do not change while serving
        watched = [config.docs_dir, *filter(None, [config.theme.custom_dir, config.config_file_path]),
                   *config.watch]
        try:
            server = _server(builds, site_dir, watched, notified=True)
        except OSError as exc:  # the system's limit on watches, most often
            LOG.warning("kb: file notifications unavailable (%s): checking the files for edits instead", exc)
            server = _server(builds, site_dir, watched, notified=False)
        server = config.plugins.on_serve(server, config=config, builder=builds.build)
        stopping.server = server
        try:
            server.serve()  # returns once a signal has stopped it
        except KeyboardInterrupt:  # a second signal
            pass
        finally:
            LOG.info("kb: stopping the preview")
            server.shutdown()
    finally:
        # `kill` and a closed terminal must not cut the cleanup short; Ctrl+C still can, if it hangs
        for stop in STOPS:
            if stop != signal.SIGINT:
                signal.signal(stop, signal.SIG_IGN)
        if signal.getsignal(signal.SIGINT) is stopping:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        builds.close()
        shutil.rmtree(site_dir, ignore_errors=True)
