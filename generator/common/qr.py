"""QR codes for printed cards, made with segno at build time."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str) -> str:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", xmldecl=False, scale=4, border=2, title=title,
                                    dark="#000000", light="#ffffff")
    return buffer.getvalue().decode("utf-8")
