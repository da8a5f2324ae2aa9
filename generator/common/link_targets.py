"""Whether a link written in Markdown leads to a page of the site, given the pages the site has.

Three ways to write a link within the site, judged as the published page will follow them:
- a Markdown file's path, `triage/bleeding.md`: mkdocs turns it into the page's address only on the
  hand-written pages (content/pages), relative to the page's own file. Contributors' Markdown in YAML
  and first-aid files is rendered by us (generator/common/markdown_text.py) and published as written,
  where a `.md` path leads nowhere: there, the hint gives the page's address instead.
- an address relative to the page's own address, `../get-help/`, as the browser follows it.
- an address from the site's root, `/triage/bleeding/`: followed from the root; if it leads to a page it
  is still a warning, because the site may be served under a sub-path (then it leads nowhere).
Not judged: other schemes (https:, mailto:, tel:; the unsafe ones are refused by text_checks), links to
files that are not pages (`.png`, `.csv`), and anchors (`#…`): the ids of a page exist only once it is
rendered, after every check."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from generator.common.text_checks import MARKDOWN_SUFFIXES
from generator.core.issues import Severity
from generator.core.specs import page_url
from generator.core.suggest import closest

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
ROOT_LINK_HINT = ("write '{relative}': a link from the site's root leads nowhere when the site is served under a "
                  "sub-path")


@dataclass(frozen=True)
class Verdict:
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class SitePages:
    """The site's pages: the Markdown path mkdocs knows each by (planned or hand-written), and the
    addresses that lead to a page (theirs, and the redirect pages of renamed entries)."""

    sources: frozenset[str]
    redirects: frozenset[str] = frozenset()  # addresses ("organisations/old-id/")
    urls: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "urls", frozenset(page_url(src) for src in self.sources) | self.redirects)

    @classmethod
    def of(cls, sources: Iterable[str], redirects: Iterable[str] = ()) -> SitePages:
        return cls(frozenset(sources), frozenset(redirects))


def judge(target: str, page: str, pages: SitePages, *, files_become_addresses: bool) -> Verdict | None:
    """What is wrong with the link ``target`` on the page made from ``page`` (its Markdown path), or
    None. ``files_become_addresses``: mkdocs renders this text, turning `.md` paths into addresses."""
    stripped = target.strip()
    if not stripped or stripped.startswith(("#", "//", "\\", "/\\")) or _SCHEME.match(stripped):
        return None  # an anchor on this page, another site, or refused by the checks of unsafe links
    path = unquote(urlsplit(stripped).path)
    if not path:
        return None
    suffix = posixpath.splitext(path.rstrip("/"))[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
        return _markdown_path(target, path, page, pages, files_become_addresses=files_become_addresses)
    if suffix == ".html":  # a page's file as the site has it ("triage/bleeding/index.html"), or a guess at one
        return _html_path(target, path, page, pages)
    if suffix:
        return None  # a file, not a page
    return _address(target, path, page, pages)


def _markdown_path(target: str, path: str, page: str, pages: SitePages, *,
                   files_become_addresses: bool) -> Verdict | None:
    folder = posixpath.dirname(page)
    resolved = _inside(posixpath.join(folder, path.lstrip("/")) if not path.startswith("/") else path.lstrip("/"))
    if files_become_addresses and not path.startswith("/"):
        if resolved in pages.sources:
            return None
        meant = _meant(resolved, pages.sources) if resolved else None
        return Verdict(_nowhere(target), f"did you mean '{posixpath.relpath(meant, folder or '.')}'?" if meant else "")
    # published as written: the file's name is no address here
    meant = resolved if resolved in pages.sources else (_meant(resolved, pages.sources) if resolved else None)
    address = _relative_address(page_url(meant), page_url(page)) if meant else None
    return Verdict(_nowhere(target), f"link to the page's address here, not its file: did you mean '{address}'?"
                   if address else "link to the page's address, not its file")


def _html_path(target: str, path: str, page: str, pages: SitePages) -> Verdict | None:
    """'…/index.html' is the page of its folder's address; 'heatstroke.html' is no page of this site
    (every page is a folder's index.html), though it may be another file the site has: judged only when
    a page has that name ('did you mean heatstroke/?')."""
    folder, name = posixpath.split(path)
    if name.lower() == "index.html":
        return _address(target, folder + "/" if folder else "./", page, pages)
    as_page = posixpath.join(folder, posixpath.splitext(name)[0]) + "/"
    if _address(as_page, as_page, page, pages) is None:
        return Verdict(_nowhere(target), f"did you mean '{as_page}'?")
    return None


def _address(target: str, path: str, page: str, pages: SitePages) -> Verdict | None:
    here = page_url(page)
    from_root = path.startswith("/")
    resolved = _inside(path.lstrip("/") if from_root else posixpath.join(here, path))
    if resolved is None:
        return Verdict(_nowhere(target))
    address = "" if resolved in ("", ".") else resolved.strip("/") + "/"
    if address in pages.urls:
        if from_root:
            return Verdict(f"the link '{target}' is written from the site's root",
                           ROOT_LINK_HINT.format(relative=_relative_address(address, here)), Severity.WARNING)
        return None
    meant = _meant(address, pages.urls)
    if meant is None:
        return Verdict(_nowhere(target))
    written = "/" + meant if from_root else _relative_address(meant, here)
    return Verdict(_nowhere(target), f"did you mean '{written}'?")


def _meant(wanted: str, options: frozenset[str]) -> str | None:
    """The page most likely meant: a near name in the same folder ('triage/bleding' for bleeding, never
    'triage/nothing' for choking, which only shares the folder), else a near whole path."""
    folder, name = _split(wanted)
    beside = {name_: path for path in options for folder_, name_ in [_split(path)] if folder_ == folder}
    if beside:
        near = closest(name, beside)
        return beside[near] if near else None
    return closest(wanted, options)


def _split(path: str) -> tuple[str, str]:
    folder, _, name = path.rstrip("/").rpartition("/")
    return folder, name


def _nowhere(target: str) -> str:
    return f"the link '{target}' leads to no page"


def _inside(path: str) -> str | None:
    """``path`` normalised ('a/../b' is 'b'), or None when it climbs above the site's root."""
    normal = posixpath.normpath(path) if path else ""
    return None if normal == ".." or normal.startswith("../") else normal


def _relative_address(address: str, here: str) -> str:
    """The address ``address`` (from the site's root) written relative to the page at ``here``."""
    relative = posixpath.relpath(address or ".", here or ".")
    return "./" if relative == "." else relative + "/"
