"""References between files, declared per content type and checked on the data as written.

They are checked on every file that was read, whether or not its entry passed validation, so one run
reports an entry's unknown ids together with its other mistakes; and against every id that exists,
valid or not, so a broken entry or a vocabulary with one bad term does not make every file that names
them report "unknown" too (no false cascades). A vocabulary or folder that could not be read at all is
reported once where it is, and references to it are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.common.fields import ID_MAX_LENGTH, ID_PATTERN
from generator.core.issues import Problem
from generator.core.sources import FieldPath, format_path

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


def _ref(path: str, target: str, noun: str, **options: Any) -> Reference:
    return Reference(tuple(path.split(".")), target, noun, **options)


REFERENCES: dict[str, tuple[Reference, ...]] = {
    "organisations": (
        _ref("kind", "kinds", "kind"),
        _ref("location.region", "regions", "region"),
        _ref("species.*", "species", "species", shorthand="species"),
        _ref("services.*", "services", "service", shorthand="service"),
        _ref("services.*.species.*", "species", "species"),
        _ref("languages.*", "languages", "language"),
        _ref("after_hours.partner", "organisations", "organisation", list_options=False),
    ),
    "equipment": (
        _ref("item", "equipment_types", "equipment type"),
        _ref("holder", "organisations", "organisation", list_options=False),
        _ref("access.training", "modules", "training module", list_options=False),
    ),
    "equipment_types": (_ref("*.services.*", "services", "service"),),
    "volunteers": (
        _ref("regions.*", "regions", "region"),
        _ref("coordinator.organisation", "organisations", "organisation", list_options=False),
    ),
    "signs": (
        _ref("*.species.*", "species", "species"),
        _ref("*.tier", "tiers", "tier"),
        _ref("*.thresholds.*.tier", "tiers", "tier"),
        _ref("*.escalate.*.tier", "tiers", "tier"),
    ),
    "problems": (
        _ref("species.*", "species", "species"),
        _ref("body_system", "body_systems", "body system"),
        _ref("signs.*.sign", "signs", "sign", list_options=False),
        _ref("signs.*.tier", "tiers", "tier"),
        _ref("equipment.*", "services", "service"),
    ),
    "first_aid": (_ref("species.*", "species", "species", also=frozenset({"all"})),),
    "referral": (_ref("timelines.*.tier", "tiers", "tier"),),
    "cases": (
        _ref("species", "species", "species"),
        _ref("body_system", "body_systems", "body system"),
        _ref("tier", "tiers", "tier"),
        _ref("presenting_signs.*", "signs", "sign", list_options=False),
        _ref("related.problems.*", "problems", "problem guide", list_options=False),
        _ref("related.modules.*", "modules", "training module", list_options=False),
        _ref("related.services.*", "services", "service"),
        _ref("organisation", "organisations", "organisation", list_options=False),
    ),
    "modules": (
        _ref("prerequisites.*", "modules", "training module", list_options=False),
        _ref("sessions.*.host", "organisations", "organisation", list_options=False),
    ),
    "metrics": (
        _ref("region", "regions", "region"),
        _ref("contacts_by_tier.{}", "tiers", "tier"),
        _ref("time_to_vet.*.tier", "tiers", "tier"),
        _ref("outcomes.*.problem", "problems", "problem guide", list_options=False),
    ),
}

_ID = re.compile(ID_PATTERN)


def check_references(catalog: Catalog, found: list[Problem]) -> list[Problem]:
    """Unknown ids in every file read; a value already reported (``found``: it is not an id of the
    right form, say) is not reported again."""
    from generator.core.catalog import unknown  # noqa: PLC0415 - catalog imports this module

    reported = {(p.path, p.field) for p in found}
    targets = {reference.target for references in REFERENCES.values() for reference in references}
    existing = {target: catalog.ids(target) for target in targets}
    problems: list[Problem] = []
    for kind, references in REFERENCES.items():
        for source in catalog.sources.get(kind, []):
            for reference in references:
                options = existing[reference.target]
                if options is None:  # could not be read at all: reported once where it is
                    continue
                for path, value in _written(source.data, reference.path, ()):
                    if reference.shorthand and isinstance(value, dict):
                        value = value.get(reference.shorthand)
                    if not isinstance(value, str) or value in options or value in reference.also \
                            or not _is_id(value) or (source.display, format_path(path)) in reported:
                        continue  # known; or not an id at all, which the schema check says
                    problems.append(unknown(source, path, reference.noun, value, options,
                                            list_options=reference.list_options))
    return problems


def _is_id(value: str) -> bool:
    return len(value) <= ID_MAX_LENGTH and _ID.fullmatch(value) is not None


def _written(data: Any, pattern: tuple[str, ...], path: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    """Every value in ``data`` at a path matching ``pattern``, with its path."""
    if not pattern:
        yield path, data
        return
    step, rest = pattern[0], pattern[1:]
    if step == EACH:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _written(item, rest, (*path, index))
    elif step == EACH_KEY:
        if isinstance(data, dict):
            for key in data:
                yield (*path, key), key
    elif isinstance(data, dict) and step in data:
        yield from _written(data[step], rest, (*path, step))

