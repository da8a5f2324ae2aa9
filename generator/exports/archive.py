"""One zip of every published data file, byte-identical between builds of the same data."""

from __future__ import annotations

import io
import zipfile

# Reproducible archives carry no build time: every entry gets this fixed time (the earliest a zip
# can record) and the same permissions, and entries are written in sorted order.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zip_bytes(files: dict[str, str | bytes], folder: str) -> bytes:
    """A zip whose entries are ``files`` (path -> content) under one top folder."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o644 << 16
            content = files[path]
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content,
                             compresslevel=9)
    return buffer.getvalue()
