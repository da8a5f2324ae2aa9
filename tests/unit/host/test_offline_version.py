"""The service worker's cache version hashes the site's files in the order of sorted Paths: listing
them faster must not change a single version."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from generator.host.offline import UNSTABLE, VERSION_LATER, _version, finish_service_worker


def _by_rglob(site: Path) -> str:
    """The version as first written, with pathlib."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name.startswith(UNSTABLE) or name == "sw.js" or name.startswith("."):
            continue
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def test_version_matches_sorted_paths_on_names_that_sort_differently_as_text(tmp_path: Path) -> None:
    # "a/b" sorts after "a-c" as text but before it as a Path; "a b", "a.txt", "A" and "é" add more orders
    for name in ["a/b/index.html", "a-c/index.html", "a.txt", "a b/x.json", "A/y.css", "é/z.xml", "a/b.json",
                 "api/v1/1.json", "api/v1/10.json", "api/v1/2.json", "sw.js", ".kb-site", f"{UNSTABLE[0]}x.pf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)  # not followed, as rglob
    (tmp_path / "file-link.txt").symlink_to(tmp_path / "a.txt")  # a file all the same
    assert _version(tmp_path) == _by_rglob(tmp_path)
    (tmp_path / "a-c/index.html").write_text("changed", encoding="utf-8")
    assert _version(tmp_path) == _by_rglob(tmp_path)


def test_a_version_filled_in_later_is_the_version_written_at_once(tmp_path: Path) -> None:
    """`kb build` writes sw.js with VERSION_LATER and fills it in beside Pagefind: the same sw.js, and
    Pagefind's files and hidden folders (written meanwhile) leave the version as it is."""
    for name in ["index.html", "a/index.html", "api/v1/1.json"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
    template = 'const VERSION = {};\nconst PREFIX = "kb-";\n'
    at_once = template.format(json.dumps(_version(tmp_path)))
    (tmp_path / "sw.js").write_text(template.format(json.dumps(VERSION_LATER)), encoding="utf-8")
    (tmp_path / UNSTABLE[0]).mkdir()
    (tmp_path / UNSTABLE[0] / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".pagefind-new").mkdir()
    (tmp_path / ".pagefind-new" / "x.pf").write_text("x", encoding="utf-8")
    finish_service_worker(tmp_path)
    assert (tmp_path / "sw.js").read_text(encoding="utf-8") == at_once
    with pytest.raises(ValueError, match="exactly once"):  # nothing left to fill in: not filled twice
        finish_service_worker(tmp_path)


def test_pagefind_renaming_its_new_folder_mid_walk_does_not_fail_the_version(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The version is made while Pagefind writes ``.pagefind-new`` and then renames it: a walk that went
    into the hidden folder could find it gone (FileNotFoundError failed the whole build). Hidden
    top-level folders are not served, so the walk never goes into them."""
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / ".pagefind-new" / "fragment").mkdir(parents=True)
    before = _version(tmp_path)
    assert before == _by_rglob(tmp_path)
    real_scandir = os.scandir

    def renamed_meanwhile(path):  # the folder is listed, then gone by the time the walk gets to it
        if ".pagefind-new" in os.fspath(path):
            raise FileNotFoundError(2, "No such file or directory", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", renamed_meanwhile)
    assert _version(tmp_path) == before
