"""Load and check everything, in one linear run over the registry: load every content type (a type's
`needs` first), check the data as written (references, doses, placeholders), let the types that must
prepare the catalog do so (guidance quotes signs.yml), then run every type's checks.

Issues hold everything found, in one run; the Catalog is the one in-memory picture of the network.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from typing import Any

from generator.common.beside import done_beside
from generator.common.collector import made_to_last
from generator.common.owner_words import owner_words
from generator.common.read_ahead import read_ahead
from generator.common.text_checks import check_site_pages, check_text
from generator.core.catalog import Catalog
from generator.core.content_type import ContentType
from generator.core.issues import Issue, Issues, Stage
from generator.core.loading import load_entries, load_list, load_single
from generator.core.references import check_references
from generator.core.remembered import RememberedFiles
from generator.core.settings import Settings
from generator.core.sources import Source, display_path
from generator.core.stray_files import stray_files
from generator.core.timings import TIMINGS
from generator.core.validate import validate_as_far_as_possible
from generator.kinds import REGISTRY
from generator.site.redirects import check_aliases


def load_catalog(settings: Settings, registry: Sequence[ContentType] = REGISTRY, *,
                 remembered: RememberedFiles | None = None) -> tuple[Catalog, Issues]:
    """Every file loaded and checked; the issues hold everything found, in one run. ``remembered``:
    `kb serve`'s memory of the files its last load read (generator/core/remembered.py)."""
    # Loading makes millions of small objects that live as long as the build. The cyclic garbage
    # collector rescanning them over and over took a third of `kb check` at 10,000 organisations, so
    # it pauses while loading, and what was loaded is then frozen out of later collections.
    gc.unfreeze()  # a previous catalog (kb serve rebuilds) becomes collectable again
    owner_words.cache_clear()  # read again for every build: `kb serve` shows an edit to search-words.yml
    with made_to_last(), TIMINGS.stage("catalog"):
        return _load_and_check(settings, tuple(registry), remembered)


def _load_and_check(settings: Settings, registry: tuple[ContentType, ...],
                    remembered: RememberedFiles | None = None) -> tuple[Catalog, Issues]:
    issues = Issues()
    catalog = Catalog(settings)
    if remembered is not None:
        remembered.start_load()
    for ctype in load_order(registry):
        found = Issues()
        loaded = load(ctype, settings, catalog, found, remembered)
        issues.extend([ctype.reword(issue) for issue in found.items] if ctype.reword else found)
        catalog.put(ctype.name, loaded)
        catalog.sources.setdefault(ctype.name, list(getattr(loaded, "sources", [])))
    checked = [(check, catalog.sources.get(t.name, [])) for t in registry for check in t.file_checks]
    many = sum(len(sources) for _, sources in checked) >= CHECK_FILES_BESIDE_FROM
    # started as soon as the files are read: at 10,000 organisations these checks end last
    with done_beside(lambda: _check_files(checked), worth_a_process=many) as file_problems:
        # checks of the data as written, valid or not, before any type prepares the catalog
        issues.extend(check_references(catalog, {t.name: t.references for t in registry if t.references},
                                       issues.items))
        issues.extend(check_text(catalog, issues.items))
        check_site_pages(settings.content / "pages", settings.root, issues)
        issues.extend(stray_files(settings.root, [t.folder for t in registry if t.folder],
                                  [t.file for t in registry if t.file],
                                  read_whole=[display_path(settings.content / "pages", settings.root)]))
        for ctype in registry:
            if ctype.prepare:  # before the checks: they and the pages see what it prepared
                issues.extend(ctype.prepare(catalog))
        for ctype in registry:
            for check in ctype.checks:
                issues.extend(check(catalog, issues.items))
        issues.extend(check_aliases(catalog, registry))
        refused = {(p.path, p.field) for p in issues.items if p.stage in (Stage.PARSE, Stage.SCHEMA)}
        issues.extend(p for p in file_problems() if (p.path, p.field) not in refused)
    return catalog, issues


# Below this many files, a second process for the checks of single files costs more than it saves.
CHECK_FILES_BESIDE_FROM = 500


def _check_files(checked: list[tuple[Callable[[Source], list[Issue]], list[Source]]]) -> list[Issue]:
    """Every file check over every file of its type (run beside the other checks)."""
    return [problem for check, sources in checked for source in sources for problem in check(source)]


def load_order(registry: tuple[ContentType, ...]) -> list[ContentType]:
    """The registry's order, except that a type comes after the types it ``needs``."""
    ordered: list[ContentType] = []
    waiting = list(registry)
    while waiting:
        loaded = {t.name for t in ordered}
        ready = next((t for t in waiting if all(n in loaded or n not in {w.name for w in registry}
                                                for n in t.needs)), waiting[0])
        ordered.append(ready)
        waiting.remove(ready)
    return ordered


def load(ctype: ContentType, settings: Settings, catalog: Catalog, issues: Issues,
         remembered: RememberedFiles | None = None) -> Any:
    """One type's entries, read the ordinary way for its folder or file unless it has a loader."""
    if ctype.load is not None:
        return ctype.load(settings, catalog, issues)
    path = settings.root / ctype.path
    if ctype.is_list:
        return load_list(path, ctype.model, settings.root, issues)
    if ctype.folder:
        context = ctype.context
        remembering = remembered is not None
        return load_entries(path, ctype.model, settings, issues,
                            (lambda data: context(data, catalog)) if context else None, required=ctype.required,
                            read_files=remembered.reader() if remembering else read_ahead,
                            validate_entry=remembered.validate if remembering else validate_as_far_as_possible)
    if not (path.exists() or path.is_symlink()):
        return None
    return load_single(path, ctype.model, settings.root, issues)[1]
