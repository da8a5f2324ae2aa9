"""Pausing Python's cyclic garbage collector while a large tree of new objects is made.

Each collection of the youngest objects that lasts long enough to be promoted makes the next full
collection rescan everything made so far: making the open-data exports at 10,000 organisations (about
a million dicts and lists, none in a reference cycle) took 5.2–7.0 s of CPU with the collector on and
3.9–5.9 s with it paused. Reference counting still frees everything that is let go of; only cycles
wait for the collector, which runs again once the pause ends. Loading the catalog pauses it too
(generator/site/pipeline.py: a third of `kb check` at 10,000 organisations).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, and back as it was afterwards (also on an error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def made_to_last() -> Iterator[None]:
    """For a block that makes objects that live as long as the build (the catalog, the pages' plans):
    the collector paused, then what exists frozen out of later collections, which would only rescan it
    (planning 5,000 organisations' pages ran four full collections that freed nothing)."""
    was_enabled = gc.isenabled()
    with collector_paused():
        try:
            yield
        finally:
            if was_enabled:  # frozen before the collector runs again
                gc.freeze()
