"""Every content type in one table: where its files live, its model, its JSON Schema and its
template for `kb new`. Schemas and templates come from here; loading reads the same folders."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, TypeAdapter

from generator.kinds.cases.model import Case
from generator.kinds.equipment.model import Equipment, EquipmentType
from generator.kinds.metrics.model import MetricsReport
from generator.kinds.organisations.model import Organisation
from generator.kinds.referral.model import ReferralProtocol
from generator.kinds.training.model import Module
from generator.kinds.triage.model import Problem, Sign, TriageScale
from generator.kinds.vocabularies.model import Kind, Language, OrganisationKind, Region, Service, Species
from generator.kinds.volunteers.model import VolunteerGroup


@dataclass(frozen=True)
class Kind_:
    name: str  # as typed in `kb new NAME`
    schema: str  # file name in schemas/
    model: type[BaseModel]
    folder: str | None = None  # one file per entry, named after its id
    file: str | None = None  # a single file (vocabularies and protocols)
    is_list: bool = False  # the file is a list of entries

    @property
    def schema_path(self) -> str:
        return f"schemas/{self.schema}"


KINDS: tuple[Kind_, ...] = (
    Kind_("organisation", "organisation.schema.json", Organisation, folder="directory/organisations"),
    Kind_("equipment", "equipment.schema.json", Equipment, folder="directory/equipment"),
    Kind_("volunteer-group", "volunteer-group.schema.json", VolunteerGroup, folder="directory/volunteers"),
    Kind_("problem", "problem.schema.json", Problem, folder="content/triage/problems"),
    Kind_("case", "case.schema.json", Case, folder="content/cases"),
    Kind_("module", "module.schema.json", Module, folder="content/training"),
    Kind_("metrics", "metrics-report.schema.json", MetricsReport, folder="content/metrics"),
    Kind_("regions", "regions.schema.json", Region, file="directory/regions.yml", is_list=True),
    Kind_("species", "species.schema.json", Species, file="directory/species.yml", is_list=True),
    Kind_("services", "services.schema.json", Service, file="directory/services.yml", is_list=True),
    Kind_("kinds", "kinds.schema.json", OrganisationKind, file="directory/kinds.yml", is_list=True),
    Kind_("languages", "languages.schema.json", Language, file="directory/languages.yml", is_list=True),
    Kind_("equipment-types", "equipment-types.schema.json", EquipmentType, file="directory/equipment-types.yml",
          is_list=True),
    Kind_("body-systems", "body-systems.schema.json", Kind, file="content/triage/body-systems.yml", is_list=True),
    Kind_("signs", "signs.schema.json", Sign, file="content/triage/signs.yml", is_list=True),
    Kind_("tiers", "triage-scale.schema.json", TriageScale, file="content/triage/tiers.yml"),
    Kind_("referral-protocol", "referral-protocol.schema.json", ReferralProtocol, file="content/referral/protocol.yml"),
)


def json_schema(kind: Kind_) -> dict:
    adapter = TypeAdapter(list[kind.model]) if kind.is_list else TypeAdapter(kind.model)
    schema = adapter.json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = schema.get("title") or kind.name
    return schema
