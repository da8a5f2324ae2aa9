"""`kb serve`: mkdocs' development server, made quicker to show an edit.

- The watched folders are polled every 0.1 s (mkdocs serve polls every 0.5 s and has no option for
  it), unless they hold so many files that listing them that often would keep a core busy.
- Every rebuild is one of mkdocs' "dirty" builds: the site folder is not emptied first, and a file
  that reports itself unmodified is neither rendered nor written. The plugin decides which generated
  files are unchanged and empties the folder itself when nothing can be kept
  (generator/host/incremental.py).
- The site is built into a temporary folder made here and removed on exit, as mkdocs serve does.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from generator.host.page_split import hide_dirty_warning

QUICK_POLL_SECONDS = 0.1
SLOW_POLL_SECONDS = 0.5  # mkdocs' own interval
QUICK_POLL_UP_TO_FILES = 3000  # listing this many files ten times a second costs a few percent of a core
LOG = logging.getLogger("mkdocs.plugins.kb")


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
        hide_dirty_warning()  # the plugin keeps files only while the site's shape is unchanged

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


def serve(config_file: Path, dev_addr: str) -> None:
    """Build, serve and rebuild on every saved change until interrupted."""
    site_dir = Path(tempfile.mkdtemp(prefix="kb-preview-"))
    try:
        builds = PreviewBuilds(config_file, site_dir, dev_addr)
    except BaseException:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise
    config = builds.config
    try:
        host, port = config.dev_addr
        watched = [config.docs_dir, *config.watch, *filter(None, [config.theme.custom_dir])]
        server = LiveReloadServer(builder=builds.build, host=host, port=port, root=os.fspath(site_dir),
                                  mount_path=builds.mount_path, polling_interval=poll_seconds(watched))

        def error_page(code: int) -> bytes | None:  # the site's own 404 page, as mkdocs serve shows it
            page = site_dir / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        server.error_handler = error_page
        builds.build(config)
        server.watch(config.docs_dir)
        if config.theme.custom_dir:  # not Material's own folders: they do not change while serving
            server.watch(config.theme.custom_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builds.build)
        for folder in config.watch:
            server.watch(folder)
        try:
            server.serve()
        except KeyboardInterrupt:
            LOG.info("kb: stopping the preview")
        finally:
            server.shutdown()
    finally:
        builds.close()
        shutil.rmtree(site_dir, ignore_errors=True)
