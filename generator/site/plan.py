"""Plan the whole site: every page (the directory's and Get help's, which span content types, the
landing pages of the types that have one, each type's own, then the audit and the offline page) and
every generated file that is not a page. Runs without mkdocs; generator/host/ hands the result to it."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.catalog import Catalog
from generator.core.content_type import ContentType
from generator.core.specs import DataFile, PageSpec, TemplateFile
from generator.kinds import REGISTRY
from generator.site.audit import plan_audit
from generator.site.directory import plan_directory
from generator.site.get_help import plan_get_help
from generator.site.redirects import redirect_files


def plan_pages(catalog: Catalog, registry: Sequence[ContentType] = REGISTRY) -> list[PageSpec]:
    pages = plan_directory(catalog) + plan_get_help(catalog)
    for ctype in registry:
        if ctype.landing:
            pages += ctype.landing(catalog)
    for ctype in registry:
        if ctype.pages:
            pages += ctype.pages(catalog)
    pages += plan_audit(catalog, registry)
    pages.append(PageSpec("offline.md", "offline.html", "You are offline", "Pages stored for use without a signal.",
                          {}, search=False))
    return pages


def plan_files(catalog: Catalog, site_url: str, registry: Sequence[ContentType] = REGISTRY
               ) -> list[DataFile | TemplateFile]:
    """Data, scripts, feeds, QR codes and redirects: the generated files that are not pages."""
    files: list[DataFile | TemplateFile] = []
    for ctype in registry:
        if ctype.files:
            files += ctype.files(catalog, site_url)
    return files + redirect_files(catalog, site_url, registry)
