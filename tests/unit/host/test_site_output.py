"""The site folder's safety (generator/host/site_output.py) in unit tests, in pytest's own temporary
folders: what a finished site lists as its own, refusing a folder that holds anything else, the swap
when a rename fails or a stop signal arrives half way, and clearing what a killed build left."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.host import site_output
from generator.host.site_output import (
    MANIFEST,
    OLD_PREFIX,
    OUTPUT_MARKER,
    STAGING_MARKER,
    STAGING_PREFIX,
    SwapFailed,
    foreign_paths,
    make_staging,
    refusal,
    remove_stale_staging,
    swap,
    write_manifest,
)


def _site(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    (folder / OUTPUT_MARKER).write_text("marker", encoding="utf-8")
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return root


def test_a_finished_site_lists_what_it_made_and_anything_else_is_refused_by_name(tmp_path: Path, repo: Path) -> None:
    site = _site(tmp_path / "site", {"index.html": "home", "organisations/a/index.html": "a"})
    write_manifest(site)
    assert (site / MANIFEST).read_text(encoding="utf-8").splitlines() == [
        "index.html", "organisations", "organisations/a", "organisations/a/index.html"]
    assert foreign_paths(site) == [] and refusal(site, repo) is None
    (site / "CNAME").write_text("kb.example", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    (site / "organisations/a/notes.txt").write_text("mine", encoding="utf-8")
    (site / "organisations/b").mkdir()
    assert foreign_paths(site) == [".git/", "CNAME", "organisations/a/notes.txt", "organisations/b/"]
    reason = refusal(site, repo)
    assert reason is not None and reason.startswith(
        "it holds files that kb did not write: .git/, CNAME, organisations/a/notes.txt, organisations/b/;")
    # a site from before builds listed their files cannot tell: it stays replaceable, as it was
    (site / MANIFEST).unlink()
    assert refusal(site, repo) is None


def test_the_swap_puts_the_new_site_in_place_and_lists_it(tmp_path: Path, repo: Path) -> None:
    target = _site(tmp_path / "site", {"index.html": "old"})
    staging = make_staging(target)
    (staging / "index.html").write_text("new", encoding="utf-8")
    swap(staging, target, repo)
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert not (target / STAGING_MARKER).exists() and "index.html" in (target / MANIFEST).read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]


def test_a_failed_rename_puts_the_previous_site_back_and_leaves_the_staging_folder_to_discard(
        tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _site(tmp_path / "site", {"index.html": "old"})
    staging = make_staging(target)
    real_rename = Path.rename

    def refuse_staging(self: Path, to: Path) -> Path:
        if self == staging:
            raise PermissionError(13, "Permission denied")
        return real_rename(self, to)

    monkeypatch.setattr(Path, "rename", refuse_staging)
    with pytest.raises(SwapFailed, match="could not be put in place"):
        swap(staging, target, repo)
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    assert (staging / STAGING_MARKER).is_file()  # the caller can still discard it
    assert not list(tmp_path.glob(f"{OLD_PREFIX}*"))


def test_a_stop_signal_during_the_swap_waits_until_the_new_site_is_in_place(
        tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _site(tmp_path / "site", {"index.html": "old"})
    staging = make_staging(target)
    (staging / "index.html").write_text("new", encoding="utf-8")
    real_rename, seen = Path.rename, []

    def stopped_half_way(self: Path, to: Path) -> Path:
        os.kill(os.getpid(), signal.SIGTERM)  # between the old site moving out and the new one moving in
        return real_rename(self, to)

    def handler(number: int, frame: object) -> None:
        seen.append((number, (target / "index.html").read_text(encoding="utf-8")))

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        monkeypatch.setattr(Path, "rename", stopped_half_way)
        swap(staging, target, repo)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == [(signal.SIGTERM, "new")]  # delivered once, after the swap


def test_what_a_killed_build_left_is_cleared_and_a_running_builds_folder_is_not(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process id that no longer runs
    left = {}
    for name, owner in [(f"{STAGING_PREFIX}dead", {"pid": gone.pid}),
                        (f"{OLD_PREFIX}dead", {"pid": gone.pid, "parent": gone.pid}),
                        (f"{STAGING_PREFIX}parent-running", {"pid": gone.pid, "parent": os.getpid()})]:
        folder = tmp_path / name
        (folder / "site").mkdir(parents=True)
        (folder / STAGING_MARKER).write_text(json.dumps(owner), encoding="utf-8")
        left[name] = folder
    removed = remove_stale_staging(tmp_path)
    assert sorted(p.name for p in removed) == [f"{OLD_PREFIX}dead", f"{STAGING_PREFIX}dead"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{STAGING_PREFIX}parent-running"]


def test_a_staging_folder_names_its_process_and_that_processs_parent(tmp_path: Path) -> None:
    staging = make_staging(tmp_path / "site")
    owner = json.loads((staging / STAGING_MARKER).read_text(encoding="utf-8"))
    assert owner == {"pid": os.getpid(), "parent": os.getppid()}
    assert site_output.discard(staging) is None and not staging.exists()
