"""One zip of every published data file, byte-identical between builds of the same data."""

from __future__ import annotations

import io
import zipfile
from typing import IO

# Reproducible archives carry no build time: every entry gets this fixed time (the earliest a zip
# can record) and the same permissions, and entries are written in sorted order.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class Archive:
    """A zip made one entry at a time, so its sources can be let go as they are added, written into
    ``into`` as it goes (in memory if none is given). The caller adds entries in sorted order of their
    paths (reproducible bytes)."""

    def __init__(self, folder: str, into: IO[bytes] | None = None) -> None:
        self._folder = folder
        self._buffer = into if into is not None else io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w")

    def add(self, path: str, content: str | bytes) -> None:
        info = zipfile.ZipInfo(f"{self._folder}/{path}", date_time=FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3  # Unix, so the permissions below are read
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, content.encode("utf-8") if isinstance(content, str) else content, compresslevel=9)

    def close(self) -> bytes:
        """Finish the zip; its bytes when it was made in memory."""
        self._zip.close()
        return self._buffer.getvalue() if isinstance(self._buffer, io.BytesIO) else b""


def zip_bytes(files: dict[str, str | bytes], folder: str) -> bytes:
    """A zip whose entries are ``files`` (path -> content) under one top folder."""
    archive = Archive(folder)
    for path in sorted(files):
        archive.add(path, files[path])
    return archive.close()
