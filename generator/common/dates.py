"""Dates in words, the one way pages and notices write them: "21 November 2026"."""

from __future__ import annotations

from datetime import date


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"
