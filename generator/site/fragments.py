"""Template fragments rendered once per build: a fragment that reads the same on every page that shows
it is rendered by the first page that asks and then taken from here, for the life of one environment
(one build; `kb serve` makes a new one for every rebuild)."""

from __future__ import annotations

from typing import Any, NamedTuple

from jinja2 import pass_context
from markupsafe import Markup
from pydantic import BaseModel

from generator.kinds.organisations.model import Organisation
from generator.site.page_address import RENDERING

_PLAIN = (str, int, float, bool, type(None))
_NO_PAGE = "\x00"


def value_key(value: Any) -> Any:
    """A hashable key equal for equal values: models (frozen, but holding lists) and lists become
    tuples of their values, the model's type included."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return tuple([value_key(item) for item in value])
    if isinstance(value, BaseModel):
        return kind, tuple([value_key(item) for item in value.__dict__.values()])
    return value


class RenderedOnce:
    """In a template:
    - `rendered_once(key, macro, *args)`: the key names the fragment and what it is made from;
    - `made_once(macro, *args)`: the key is the macro and the values of its arguments, so a macro that
      reads nothing but its arguments and the build's globals cannot be given another page's fragment;
    - `made_once_here(macro, *args)`: the same, for a fragment with links relative to the page, shared
      by the pages of one folder (organisations/a/ and organisations/b/ link to species/rat/ alike). It
      is rendered as if from a page of that folder that no link leads into, so a link into one of the
      folder's own pages (species/ to species/rat/) reads "../species/rat/" there: another way to
      write the same address.
    Any other fragment must hold nothing that differs between pages (a relative link, the page's id).
    The macros come from files imported without the page's context (Jinja makes each once per build),
    so their links follow the page address in page_address.RENDERING."""

    def __init__(self) -> None:
        self._made: dict[Any, Markup] = {}

    def __call__(self, key: Any, macro: Any, *args: Any) -> Markup:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = macro(*args)
        return made

    def by_value(self, macro: Any, *args: Any) -> Markup:
        return self((macro, value_key(args)), macro, *args)

    @pass_context
    def in_folder(self, context: Any, macro: Any, *args: Any) -> Markup:
        page = context["page_url"].strip("/")
        # the home page is a folder of its own: from it, a link up and back down ("../species/") would
        # leave a site published under a path
        folder = page.rpartition("/")[0] if page else None
        # elsewhere, a page name no address can start with: links are those of every page in the folder
        as_page = "" if folder is None else f"{folder}/{_NO_PAGE}/".lstrip("/")
        return self((macro, folder, value_key(args)), _rendered_as, as_page, macro, *args)


def _rendered_as(page_url: str, macro: Any, *args: Any) -> Markup:
    """``macro(*args)`` with its links made from ``page_url``."""
    rendering = RENDERING.set(page_url)
    try:
        return macro(*args)
    finally:
        RENDERING.reset(rendering)


class OrgFilters(NamedTuple):
    """What an organisation's search filters are made from."""

    kinds: tuple[str, ...]
    regions: tuple[str, ...]
    species: tuple[str, ...]
    services: tuple[str, ...]


def org_filters(org: Organisation) -> OrgFilters:
    return OrgFilters((org.kind,), (org.location.region,), tuple(c.species for c in org.species),
                      tuple(s.service for s in org.services))


def fragment_globals(once: RenderedOnce) -> dict[str, Any]:
    return {"rendered_once": once, "made_once": once.by_value, "made_once_here": once.in_folder,
            "org_filters": org_filters}
