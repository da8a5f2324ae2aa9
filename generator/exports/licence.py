"""The open-data licence: `extra.data_licence` in mkdocs.yml, or CC BY 4.0 when a site sets none."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Licence:
    name: str
    id: str  # an SPDX identifier
    url: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


CC_BY_4 = Licence("Creative Commons Attribution 4.0 International", "CC-BY-4.0",
                  "https://creativecommons.org/licenses/by/4.0/")


def licence_of(extra: Mapping[str, Any]) -> Licence:
    given = extra.get("data_licence")
    if not isinstance(given, Mapping):
        return CC_BY_4
    # a partial setting falls back field by field, so the build never fails over a licence typo
    return Licence(str(given.get("name") or CC_BY_4.name), str(given.get("id") or CC_BY_4.id),
                   str(given.get("url") or CC_BY_4.url))
