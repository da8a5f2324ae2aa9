"""References between files, declared per content type and checked on the data as written.

They are checked on every file that was read, whether or not its entry passed validation, so one run
reports an entry's unknown ids together with its other mistakes; and against every id that exists,
valid or not, so a broken entry or a vocabulary with one bad term does not make every file that names
them report "unknown" too (no false cascades). A vocabulary or folder that could not be read at all is
reported once where it is, and references to it are not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from generator.core.ids import CHOOSE, is_valid_id
from generator.core.issues import Issue, Stage
from generator.core.sources import FieldPath, Source, format_path
from generator.core.suggest import suggest_id

if TYPE_CHECKING:
    from generator.core.catalog import Catalog

EACH = "*"  # every item of a list
EACH_KEY = "{}"  # every key of a mapping


@dataclass(frozen=True)
class Reference:
    path: tuple[str, ...]  # where the id is written; EACH and EACH_KEY match any item or key
    target: str  # the Catalog attribute that holds what it names
    noun: str  # as messages name it: "unknown <noun> 'x'"
    list_options: bool = True  # with no close match, list the valid ids (vocabularies, not directories)
    shorthand: str | None = None  # a list item may be a bare id or a mapping holding it under this key
    also: frozenset[str] = frozenset()  # words allowed besides ids


def ref(path: str, target: str, noun: str, **options: Any) -> Reference:
    """A reference at ``path`` ("services.*.species.*") to the ids of content type ``target``."""
    return Reference(tuple(path.split(".")), target, noun, **options)


def check_references(catalog: Catalog, declared: Mapping[str, tuple[Reference, ...]],
                     found: list[Issue]) -> list[Issue]:
    """Unknown ids in every file read, by the references each content type declares (``declared``:
    type name -> references); a value already reported (``found``: it is not an id of the right form,
    say) is not reported again. Where the schema said a reference is not an id at all ("Guinea Pigs",
    "Kettlemoor Vets"), its issue in ``found`` gets the hint of the id meant."""
    reported = {(p.path, p.field): index for index, p in enumerate(found)}
    targets = {reference.target for references in declared.values() for reference in references}
    existing = {target: catalog.ids(target) for target in targets}
    names: dict[str, dict[str, list[str]]] = {}
    problems: list[Issue] = []
    for kind, references in declared.items():
        for source in catalog.sources.get(kind, []):
            for reference in references:
                options = existing[reference.target]
                if options is None:  # could not be read at all: reported once where it is
                    continue
                for path, value in _written(source.data, reference.path, ()):
                    if reference.shorthand and isinstance(value, dict):
                        path, value = (*path, reference.shorthand), value.get(reference.shorthand)
                    if not isinstance(value, str) or value in options or value in reference.also:
                        continue
                    if reference.target not in names:
                        names[reference.target] = catalog.names(reference.target)
                    already = reported.get((source.display, format_path(path)))
                    if already is not None or not _is_id(value):  # the schema check says what is wrong
                        if already is not None and not _is_id(value) and (meant := suggest_id(
                                value, names[reference.target])):
                            found[already] = replace(found[already], hint=f"did you mean '{meant}'?")
                        continue
                    problems.append(unknown(source, path, reference.noun, value, options,
                                            list_options=reference.list_options, names=names[reference.target]))
    return problems


def _is_id(value: str) -> bool:
    return is_valid_id(value)


def unknown(source: Source, path: FieldPath, kind: str, value: str, options: Mapping[str, Any],
            list_options: bool = True, names: Mapping[str, list[str]] | None = None) -> Issue:
    """A reference to something that does not exist. Callers skip the check when ``options`` is
    empty: then the vocabulary itself failed to load, and that error is the one to show. ``names``
    (each id's label or name) lets "did you mean" find an id from a name ("Kettlemoor Vets")."""
    listed = f"use one of: {', '.join(options)}" if list_options and options else ""
    if value == CHOOSE:  # a `kb new` template's choice, left as it was written
        return source.problem(path, f"choose the {kind}: the template leaves it for you to choose",
                              hint=listed or f"write the id of an existing {kind}", stage=Stage.REFERENCE)
    meant = suggest_id(value, names if names is not None else {option: [] for option in options})
    hint = f"did you mean '{meant}'?" if meant else listed
    return source.problem(path, f"unknown {kind} '{value}'", hint=hint, stage=Stage.REFERENCE)


def _written(data: Any, pattern: tuple[str, ...], path: FieldPath) -> list[tuple[FieldPath, Any]]:
    """Every value in ``data`` at a path matching ``pattern``, with its path, in the order written.
    Level by level rather than recursively: ten references in each of 10,000 organisations made most
    of a million generator calls, for paths that mostly lead nowhere."""
    level: list[tuple[FieldPath, Any]] = [(path, data)]
    for step in pattern:
        deeper: list[tuple[FieldPath, Any]] = []
        if step == EACH:
            for at, value in level:
                if isinstance(value, list):
                    deeper += [((*at, index), item) for index, item in enumerate(value)]
        elif step == EACH_KEY:  # the keys themselves are the ids: nothing below them is read
            return [((*at, key), key) for at, value in level if isinstance(value, dict) for key in value]
        else:
            deeper = [((*at, step), value[step]) for at, value in level if isinstance(value, dict) and step in value]
        if not deeper:
            return deeper
        level = deeper
    return level
