"""QR codes for printed cards, made with segno at build time."""

from __future__ import annotations

import io
from functools import lru_cache


@lru_cache(maxsize=4096)  # `kb serve` draws the same codes on every rebuild
def qr_svg(url: str, title: str) -> str:
    import segno  # noqa: PLC0415 - when a code is drawn: `kb check` and `kb new` draw none

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", xmldecl=False, scale=4, border=2, title=title,
                                    dark="#000000", light="#ffffff")
    return buffer.getvalue().decode("utf-8")
