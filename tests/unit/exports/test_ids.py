"""The exports' stable ids are exactly the standard library's version 5 UUIDs."""

from __future__ import annotations

import uuid

from generator.exports.ids import uuid5_in


def test_uuid5_is_the_standard_librarys() -> None:
    for namespace in (uuid.NAMESPACE_URL, uuid.uuid5(uuid.NAMESPACE_URL, "urn:example")):
        for name in ["", "a", "organization/brackenfold-rescue", "term/species/hamster", "ünïcødé/中/🐹",
                     *(f"attribute/{i}/species/{i * 7919}" for i in range(2000))]:
            assert uuid5_in(namespace)(name) == str(uuid.uuid5(namespace, name)), name
