"""Material's navigation, rendered once per folder instead of once per page.

Material renders the whole navigation into every page. On the pages that are not in it (every
organisation, species, region and guide page: almost all of a large site) nothing in it is active,
and its links are relative to the page's folder, so pages in one folder get the same HTML. The
theme's partials/nav.html asks here first and includes Material's own partial (through the
"material/" prefix) only for a page in the navigation or the first page of each folder.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


class NavCache:
    def __init__(self) -> None:
        self._html: dict[tuple, str] = {}

    def key(self, page: Any, nav: Any) -> tuple | None:
        """Pages with the same key get the same navigation HTML; None: render it for this page."""
        if page is None or page.url is None or page in nav.pages:
            return None
        url = page.url
        # links are relative to the page: the same from every page in one folder, unless the
        # navigation links to something inside the page's own folder (then it differs per page)
        inside = tuple(p.url for p in nav.pages if p.url is not None and url and p.url.startswith(url))
        return posixpath.dirname(url.rstrip("/")), inside

    def get(self, key: tuple | None) -> str | None:
        return None if key is None else self._html.get(key)

    def remember(self, key: tuple | None, html: str) -> str:
        if key is not None:
            self._html[key] = html
        return html


def install(env: Environment) -> NavCache:
    """A fresh cache for this build, and Material's own partials reachable as "material/…"."""
    cache = NavCache()
    env.globals["kb_nav_cache"] = cache
    # mkdocs makes a new environment for every build, so this wraps its theme loader once
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])
    return cache
