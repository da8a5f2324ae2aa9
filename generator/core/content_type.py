"""The ContentType record: everything the generator knows about one type of content, in one place.

Each type's package under generator/kinds/ makes its records; generator/kinds/__init__.py lists them
all in REGISTRY, and every phase (loading, checks, pages, exports, schemas, `kb new`) loops over it.
Nothing else names a content type, so adding one is a folder under kinds/ and a line in REGISTRY.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from generator.core.references import Reference

if TYPE_CHECKING:
    from generator.core.catalog import Catalog
    from generator.core.collection import Collection
    from generator.core.issues import Issue, Issues
    from generator.core.settings import Settings
    from generator.core.sources import FieldPath, Source
    from generator.core.specs import DataFile, PageSpec, TemplateFile

    Check = Callable[[Catalog, list[Issue]], list[Issue]]
    Loader = Callable[[Settings, Catalog, Issues], Any]


@dataclass(frozen=True)
class ContentType:
    name: str  # the catalog's key and what references name ("organisations", "equipment_types")
    model: type[BaseModel]  # validates one file (or, with is_list, one item of the file)
    folder: str | None = None  # one file per entry, named after its id, relative to the repository
    file: str | None = None  # or a single file: a list of terms (is_list), or one document
    is_list: bool = False
    suffix: str = ".yml"  # of the entry files in ``folder``
    required: bool = False  # a missing folder is an error
    # `kb new NAME` writes theme/new/NAME<suffix>; its JSON Schema is schemas/<schema>
    new: str | None = None
    new_reminder: str | None = None  # said when `kb new` writes the template
    schema: str | None = None
    url: str | None = None  # an entry's page, "organisations/{id}/"
    references: tuple[Reference, ...] = ()  # ids this type's files name, checked on the data as written
    needs: tuple[str, ...] = ()  # types loaded first (to validate, say, phone numbers in a region's country)
    # how its files are read, when not in the ordinary way for ``folder`` or ``file``
    load: Loader | None = None
    context: Callable[[Any, Catalog], dict[str, Any]] | None = None  # validation context for one file's data
    reword: Callable[[Issue], Issue] | None = None  # a clearer message for a schema issue of this type
    # after the checks of the data as written and before ``checks``: may replace the catalog's models
    # (guidance prose quotes signs.yml's numbers)
    prepare: Callable[[Catalog], list[Issue]] | None = None
    checks: tuple[Check, ...] = ()
    # checks of one file as written (valid or not) that read nothing else: run over every file of the
    # type, beside the other checks (in a second process for large networks, generator/common/beside.py).
    # A problem at a field the schema already refused is not reported again.
    file_checks: tuple[Callable[[Source], list[Issue]], ...] = ()
    # the fields of one file (valid or not) that are Markdown, with their text: the checks of unsafe
    # Markdown and of links that lead nowhere (generator/site/link_check.py) both read them from here
    markdown_fields: Callable[[Source], list[tuple[FieldPath, str]]] | None = None
    # its section's front page when the owner reaches it from Get help (triage, signs, first aid):
    # planned right after Get help, before every type's own pages, as the site map has always listed them
    landing: Callable[[Catalog], list[PageSpec]] | None = None
    pages: Callable[[Catalog], list[PageSpec]] | None = None
    files: Callable[[Catalog, str], list[DataFile | TemplateFile]] | None = None  # (catalog, site_url)
    # the open-data collection: (catalog, site_url, public) -> Collection, where public() is the JSON
    # form of a value with every private field left out
    export: Callable[[Catalog, str, Callable[[Any], Any]], Collection] | None = None
    # fields never published, by the model that has them (Phone: {"verified_on"})
    private: Mapping[type[BaseModel], frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    audit: Callable[[Catalog], list[Any]] | None = None  # what coordinators must re-check (site/audit.py)
    aliases: bool = False  # entries list old ids in `aliases:`; their old pages redirect to the new ones
    examples: str | None = None  # the folder of its invalid examples, tests/examples/invalid/<examples>/
    terms: bool = False  # a vocabulary: templates look its labels up by id (theme/kb, `terms.<name>`)

    @property
    def path(self) -> str:
        """The folder or file its content lives in, relative to the repository."""
        return self.folder or self.file or ""

    def url_of(self, entry_id: str) -> str | None:
        return self.url.format(id=entry_id) if self.url else None


MARKER = "# yaml-language-server: $schema="  # the first line of every YAML file: editors validate it


def schema_path(ctype: ContentType) -> str:
    return f"schemas/{ctype.schema}"


def schema_line(root: Path, path: Path, kind: ContentType) -> str:
    """The schema comment for the file at ``path``: a path relative to the file, as editors want it."""
    relative = os.path.relpath(root / schema_path(kind), path.parent).replace(os.sep, "/")
    return f"{MARKER}{relative}"
