"""generator/host/page_split.py with real processes: every page is written by exactly one of the two,
the child's count and warnings reach the parent, and a child that fails, is killed or hangs fails
the build instead of leaving pages out (tests/build/test_reproducible.py builds a site this way)."""

from __future__ import annotations

import json
import logging
import os
import signal
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.host import page_split
from generator.host.page_split import PageSplit, SecondProcessFailed


def _split(pages: int) -> tuple[PageSplit, list[int]]:
    files = [SimpleNamespace() for _ in range(pages)]
    split = PageSplit()
    split.arm(files)
    return split, [index for index, file in enumerate(files) if file.is_modified()]  # forks on the first


def test_every_page_is_written_by_exactly_one_process(tmp_path: Path) -> None:
    split, mine = _split(9)
    if split.is_child:
        (tmp_path / "child.json").write_text(json.dumps(mine), encoding="utf-8")
        logging.getLogger("mkdocs").warning("a warning while writing a page")
        split.child_finish(searchable_pages=len(mine))
    report = split.parent_wait()
    theirs = json.loads((tmp_path / "child.json").read_text(encoding="utf-8"))
    assert sorted(mine + theirs) == list(range(9)) and not set(mine) & set(theirs)
    assert mine and theirs
    assert report.searchable_pages == len(theirs)
    assert report.warnings == 1  # so that --strict counts it in the parent


def test_a_child_that_fails_fails_the_parent() -> None:
    split, _ = _split(4)
    if split.is_child:
        split.child_finish(searchable_pages=2, failed=True)
    with pytest.raises(SecondProcessFailed, match="exited with status 1"):
        split.parent_wait()


def test_a_child_that_is_killed_fails_the_parent() -> None:
    split, _ = _split(4)
    if split.is_child:
        os.kill(os.getpid(), signal.SIGKILL)
    with pytest.raises(SecondProcessFailed, match="signal 9"):
        split.parent_wait()


def test_a_child_that_hangs_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_split, "WAIT_SECONDS", 1)
    split, _ = _split(4)
    if split.is_child:
        signal.pause()  # until the parent kills it
        os._exit(0)
    with pytest.raises(SecondProcessFailed, match="did not finish"):
        split.parent_wait()
    assert split.child_pid is None  # reaped, not left behind
