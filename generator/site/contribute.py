"""The "Add or correct a clinic" page: the web-editor route for contributors who never open a
terminal. Its button opens GitHub's new-file page in directory/organisations/ with the commented
`kb new` template already in it (GitHub's new-file URL takes `filename` and `value`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from generator.core.catalog import Catalog
from generator.core.specs import PageSpec
from generator.site.new_entry import NEW_KINDS, template_text

NEW_ID = "your-clinic-name"  # the file name GitHub's editor starts with; the contributor renames it


def repository_links(extra: dict[str, Any]) -> dict[str, str] | None:
    """Where contributors act on GitHub, from mkdocs.yml's extra.source_repo (None without one)."""
    repo = (extra.get("source_repo") or "").rstrip("/")
    if not repo:
        return None
    branch = extra.get("source_branch") or "main"
    return {
        "repo": repo,
        "guide": f"{repo}/blob/{quote(branch)}/CONTRIBUTING.md",
        "form": f"{repo}/issues/new?{urlencode({'template': 'suggest-or-correct-a-clinic.yml'})}",
        "new_file_base": f"{repo}/new/{quote(branch)}/{NEW_KINDS['organisation']}",
    }


def new_organisation_url(catalog: Catalog, links: dict[str, str]) -> str:
    template = template_text(catalog, "organisation", NEW_ID)
    query = urlencode({'filename': f'{NEW_ID}.yml', 'value': template}, quote_via=quote)  # spaces as %20
    return f"{links['new_file_base']}?{query}"


def plan_contribute(catalog: Catalog, extra: dict[str, Any]) -> list[PageSpec]:
    links = repository_links(extra)
    context = {"links": links, "new_url": new_organisation_url(catalog, links) if links else None,
               "folder": NEW_KINDS["organisation"], "feedback_email": extra.get("feedback_email")}
    return [PageSpec("contribute.md", "contribute.html", "Add or correct a clinic",
                     "Add a clinic, rescue or service to the network's directory, or correct one, from "
                     "your browser.", context)]
