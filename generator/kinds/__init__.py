"""Every content type, one package each, and REGISTRY: the only list of them.

A package here holds what its type alone needs: its model, how its files are read when that is not
the ordinary way, its checks, its views, its pages and its open-data collection, brought together in
ContentType records (generator/core/content_type.py). Every phase loops over REGISTRY; no module
outside this package names a content type, except the pages that span several (generator/site/).

Adding a content type: a package here, its line below, its templates under theme/kb/ and its examples
under tests/examples/invalid/<name>/.

REGISTRY is in the order the types are published (the JSON API's index and the OpenAPI document);
loading follows it, a type's `needs` first.

Imports: generator.core and generator.common; a type's package may import the packages below it,
lowest first: vocabularies, organisations, training and equipment, triage, then cases, first_aid,
referral, volunteers, metrics, network and alerts (none of these imports another). The import contract in
tests/unit/test_architecture.py holds every package to this.
"""

from __future__ import annotations

from generator.core.content_type import ContentType
from generator.kinds import (
    alerts,
    cases,
    equipment,
    first_aid,
    metrics,
    network,
    organisations,
    referral,
    training,
    triage,
    vocabularies,
    volunteers,
)

REGISTRY: tuple[ContentType, ...] = (
    *organisations.TYPES,
    *vocabularies.TYPES,
    *triage.TYPES,
    *first_aid.TYPES,
    *referral.TYPES,
    *cases.TYPES,
    *training.TYPES,
    *equipment.TYPES,
    *volunteers.TYPES,
    *metrics.TYPES,
    *network.TYPES,
    *alerts.TYPES,
)
