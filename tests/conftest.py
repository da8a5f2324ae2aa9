"""Fixtures: a pinned clock, built sites (fixture tree and demo network), a loopback server, and
Playwright driving Debian's Chromium on a phone-sized viewport."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from benchmarks.serve import serving
from generator.cli import main as kb_main
from tests.helpers import REPO, TODAY, make_tree

os.environ["KB_TODAY"] = TODAY
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CHROMIUM = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Waits, not timings: the first search compiles Pagefind's WebAssembly, which is slow on a busy
# 2-core CI machine, so expectations may wait up to 20 s before they fail.
expect.set_options(timeout=20_000)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


# pytest-playwright's fixtures start Chromium: a test that asks for one is a browser test
BROWSER_FIXTURES = {"page", "context", "browser", "browser_type", "new_context", "launch_browser"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Markers stay right: `-m "not browser"` must leave out every test that drives Chromium."""
    unmarked = [item.nodeid for item in items if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ()))
                and item.get_closest_marker("browser") is None]
    if unmarked:
        raise pytest.UsageError("these tests drive Chromium but lack the 'browser' marker: " + ", ".join(unmarked))


def _forked_children() -> set[int]:
    """This process's living children that are forks of it (same command line): the build's helpers.
    The chart worker and Playwright's driver are other programs, and stay for the session."""
    own = Path("/proc/self/cmdline").read_bytes()
    children: set[int] = set()
    for listing in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        try:
            pids = map(int, listing.read_text().split())
        except OSError:
            continue  # the thread ended between the listing and the read (a Playwright thread did, in CI)
        for pid in pids:
            try:
                if Path(f"/proc/{pid}/cmdline").read_bytes() == own:  # a zombie's is empty
                    children.add(pid)
            except OSError:
                pass  # ended meanwhile
    return children


@pytest.fixture(autouse=True)
def no_forked_child_left() -> Iterator[None]:
    """A test that leaves a forked helper running fails here, and the helper is killed. Left alone it
    would hold a copy of every pipe this process has, Playwright's among them, and the session would
    hang at its end, far from the test that caused it."""
    if not Path("/proc/self/task").is_dir():
        yield
        return
    before = _forked_children()
    yield
    left = _forked_children() - before
    for pid in left:
        with contextlib.suppress(OSError):  # ended, or reaped by its owner meanwhile
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    assert not left, f"the test left {len(left)} forked process(es) running (now killed)"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small valid fixture tree, built once with `kb build`."""
    tree = make_tree(tmp_path_factory.mktemp("fixture"))
    assert kb_main(["-f", str(tree / "mkdocs.yml"), "build", "--strict"]) == 0
    return tree / "site"


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's real demo network, built with --strict as CI does."""
    out = tmp_path_factory.mktemp("demo") / "site"
    assert kb_main(["-f", str(REPO / "mkdocs.yml"), "build", "--strict", "--site-dir", str(out)]) == 0
    return out


def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on loopback, as files (no compression), for the length of a fixture."""
    with serving(directory, compress=False) as url:
        yield url


@pytest.fixture(scope="session")
def demo_catalog():
    """The repository's demo network as a catalog, to compute what pages must show."""
    from generator.host.config import settings_from_config  # noqa: PLC0415
    from generator.site.pipeline import load_catalog  # noqa: PLC0415

    return load_catalog(settings_from_config(REPO / "mkdocs.yml"))[0]  # as the build reads it (the demo's date)


@pytest.fixture(scope="module")
def catalog(demo_catalog):
    """The demo catalog under the short name the browser tests use (modules may define their own)."""
    return demo_catalog


@pytest.fixture(scope="session")
def demo_url(demo_site: Path) -> Iterator[str]:
    yield from serve(demo_site)


@pytest.fixture(scope="session")
def project_url(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo site served under a project path, as on GitHub Pages (https://owner.github.io/kb/)."""
    root = tmp_path_factory.mktemp("pages")
    shutil.copytree(demo_site, root / "kb")
    yield from (url + "kb/" for url in serve(root))


# ---- pytest-playwright: use the system Chromium, phone viewport --------------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}, "timezone_id": "Europe/London",
            "locale": "en-GB"}
