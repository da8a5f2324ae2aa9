"""Page bodies rendered while `kb build` would otherwise wait for the open data.

Once the pages are planned, the build needs the open-data summary (the "Use our data" page lists the
files), which a forked child is still making: at 10,000 organisations this process waited seconds
with a core idle. It renders page bodies in the meantime, in the order mkdocs writes the pages, and
the page's writer (this process, or the second one forked from it later) takes the body instead of
rendering it again. The body is the same string `render_body` gives when the page is written: it is
a pure function of the environment and the page's spec, both complete once the pages are planned.

Bodies are kept compressed (about a fifth of their size), because they are made while the build is
at its memory peak (the open-data child holds every export then); a body is let go once taken.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

from jinja2 import Environment

from generator.core.specs import PageSpec
from generator.site.render import render_body

# Compressed bytes kept at most (about 5,000 bodies of the 10,000-organisation site); beyond, pages
# are rendered when written, as they would be anyway.
LIMIT_BYTES = 16 * 1024 * 1024


class EarlyBodies:
    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}
        self._size = 0

    def __len__(self) -> int:
        return len(self._packed)

    def render_while(self, env: Environment, specs: Iterable[PageSpec], keep_going: Callable[[], bool], *,
                     at_least: int = 0, limit_bytes: int = LIMIT_BYTES) -> None:
        """Render the bodies of ``specs``, in order, while ``keep_going()`` (always the first
        ``at_least``) and the bodies kept stay under ``limit_bytes``."""
        for count, spec in enumerate(specs):
            if count >= at_least and not keep_going():
                return
            packed = zlib.compress(render_body(env, spec).encode("utf-8"), 1)  # level 1: fast, a fifth
            self._size += len(packed)
            if self._size > limit_bytes:
                return
            self._packed[spec.src_uri] = packed

    def take(self, src_uri: str) -> str | None:
        """The page's body if it was rendered early (given once), else None."""
        packed = self._packed.pop(src_uri, None)
        return None if packed is None else zlib.decompress(packed).decode("utf-8")
