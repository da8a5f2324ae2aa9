"""Links within the site that lead nowhere, in everything contributors write in Markdown: the
hand-written pages (content/pages), Markdown entry files (first aid) and Markdown fields in YAML
(ContentType.markdown_fields). Each is reported at the link, as the other checks of text are.

Run by the build once every page is planned, before any page is written (generator/host/plugin.py),
not by `kb check`: the plan is the only place that says which pages exist. Planners make their pages'
addresses as they make the pages' contents (section fronts, per region, per species, …), and planning is
seconds at 10,000 organisations, more than `kb check` may take; a second list of addresses for
`kb check` would be a second truth that drifts. Against the plan, this check takes milliseconds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.common.link_targets import SitePages, judge
from generator.common.markdown_links import links_in
from generator.common.text_checks import markdown_files
from generator.core.catalog import Catalog
from generator.core.content_type import ContentType
from generator.core.frontmatter import load_markdown
from generator.core.issues import Issue, Stage
from generator.core.loading import MarkdownEntry
from generator.core.sources import display_path, format_path, read_text
from generator.core.specs import PageSpec, page_url, pages_by_source
from generator.kinds import REGISTRY
from generator.site.redirects import redirect_files

BODY = "(body)"  # the field name of a Markdown body, as the other checks of bodies name it


def site_pages(catalog: Catalog, specs: Sequence[PageSpec], docs_dir: Path,
               registry: Sequence[ContentType] = REGISTRY) -> SitePages:
    """Every page the build publishes: planned, hand-written, and the redirects of renamed entries."""
    written = [path.relative_to(docs_dir).as_posix() for path in markdown_files(docs_dir)]
    redirects = [page_url(file.src_uri.removesuffix("/index.html") + ".md")
                 for file in redirect_files(catalog, "", registry)]
    return SitePages.of([spec.src_uri for spec in specs] + written, redirects)


def check_links(catalog: Catalog, specs: Sequence[PageSpec], docs_dir: Path,
                registry: Sequence[ContentType] = REGISTRY) -> list[Issue]:
    pages = site_pages(catalog, specs, docs_dir, registry)
    root = catalog.settings.root
    issues = _hand_written(docs_dir, root, pages)
    shown_on = {source: spec.src_uri for source, spec in pages_by_source(list(specs)).items()}
    for ctype in registry:
        entries = catalog.get(ctype.name)
        for entry in entries.values() if isinstance(entries, dict) else []:
            page = shown_on.get(entry.source.display) if isinstance(entry, MarkdownEntry) else None
            if page:
                issues += _in_body(entry.source.display, entry.body, entry.body_line, page, pages,
                                   files_become_addresses=False)
        if ctype.markdown_fields:
            for src in catalog.sources.get(ctype.name, []):
                page = shown_on.get(src.display)
                for path, text in ctype.markdown_fields(src) if page else []:
                    for link in links_in(text):
                        verdict = judge(link.target, page, pages, files_become_addresses=False)
                        if verdict:  # at the link, as the dose check places a dose in a field
                            pos = src.position_in_value(path, link.target, text.count(link.target, 0, link.offset))
                            issues.append(Issue(src.display, pos.line, pos.column, format_path(path), verdict.message,
                                                verdict.hint, verdict.severity, Stage.REFERENCE))
    return issues


def _hand_written(docs_dir: Path, root: Path, pages: SitePages) -> list[Issue]:
    issues = []
    for path in markdown_files(docs_dir):
        text, _ = read_text(path, root)  # unreadable files are reported by kb check
        if text is None:
            continue
        body, first_line = text, 1
        if text.split("\n", 1)[0].strip() == "---":  # links in the front matter are no links
            markdown, _ = load_markdown(path, root)
            if markdown is not None:
                body, first_line = markdown.body, markdown.body_line
        issues += _in_body(display_path(path, root), body, first_line, path.relative_to(docs_dir).as_posix(),
                           pages, files_become_addresses=True, html=True)
    return issues


def _in_body(display: str, body: str, first_line: int, page: str, pages: SitePages, *,
             files_become_addresses: bool, html: bool = False) -> list[Issue]:
    """``html``: the body's own HTML is published (a hand-written page), so its `<a href>` are links."""
    issues = []
    for link in links_in(body, html=html):
        verdict = judge(link.target, page, pages, files_become_addresses=files_become_addresses)
        if verdict:
            issues.append(Issue(display, first_line + link.line, link.column, BODY, verdict.message, verdict.hint,
                                verdict.severity, Stage.REFERENCE))
    return issues
