"""`kb schemas` edits only plain YAML files of the repository, and keeps what it does not own in them
(found by an adversarial review: it wrote through a link to a file outside the repository, waited for
ever on a pipe, stopped with an internal error on a folder or a non-UTF-8 file, turned CRLF line
endings into LF and moved a byte-order mark to the second line)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.cli.schemas import MARKER, annotate
from tests.helpers import make_tree

ORGS = "directory/organisations"


def test_only_plain_files_are_edited_and_their_endings_and_mark_are_kept(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "repo")
    folder = root / ORGS
    outside = tmp_path / "outside.yml"
    outside.write_text("id: precious\n", encoding="utf-8")
    (folder / "linked-org.yml").symlink_to(outside)
    os.mkfifo(folder / "pipe-org.yml")
    (folder / "folder-org.yml").mkdir()
    (folder / "latin-org.yml").write_bytes("id: latin-org\nname: Caf\xe9\n".encode("latin-1"))
    (folder / "crlf-org.yml").write_bytes(b"id: crlf-org\r\nname: Crlf\r\n")
    (folder / "bom-org.yml").write_bytes(b"\xef\xbb\xbfid: bom-org\nname: Bom\n")

    changed, skipped = annotate(root)

    assert outside.read_text(encoding="utf-8") == "id: precious\n"
    assert (folder / "pipe-org.yml").exists() and (folder / "folder-org.yml").is_dir()
    assert [(p.name, why) for p, why in skipped] == [("latin-org.yml", "not readable as UTF-8 text")]
    crlf = (folder / "crlf-org.yml").read_bytes()
    assert crlf.startswith(MARKER.encode()) and crlf.endswith(b"\r\nid: crlf-org\r\nname: Crlf\r\n")
    assert b"\n" not in crlf.replace(b"\r\n", b"")
    bom = (folder / "bom-org.yml").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf" + MARKER.encode()) and bom.endswith(b"\nid: bom-org\nname: Bom\n")
    assert {p.name for p in changed} >= {"crlf-org.yml", "bom-org.yml"}
    assert not {p.name for p in changed} & {"linked-org.yml", "pipe-org.yml", "folder-org.yml", "latin-org.yml"}
    assert annotate(root)[0] == []  # once given, nothing changes again
