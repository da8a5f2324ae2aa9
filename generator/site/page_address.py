"""The address of the page being rendered, for links made by macros: theme/kb's macro files are
imported without the page's context (Jinja then makes each module once per build, not once per page),
so a macro's context does not hold the page's address. render_body sets it for each page."""

from __future__ import annotations

from contextvars import ContextVar

RENDERING: ContextVar[str] = ContextVar("the address of the page being rendered")
