"""The service worker's cache version hashes the site's files in the order of sorted Paths: listing
them faster must not change a single version."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.host.offline import UNSTABLE, _version


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
