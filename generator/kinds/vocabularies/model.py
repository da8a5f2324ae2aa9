"""Controlled vocabularies (regions, species, services, kinds) are data files, not constants."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, StringConstraints, ValidationInfo, field_validator

from generator.common.fields import CountryCode, Id, KbModel, ShortText, Text, TimeZone
from generator.common.public_holidays import subdivisions


class Term(KbModel):
    id: Id
    label: ShortText
    description: Text


class Language(KbModel):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    label: ShortText


class Species(Term):
    plural: ShortText
    scientific_name: ShortText | None = None


class Region(Term):
    timezone: TimeZone
    country: CountryCode
    # the part of the country whose public holidays apply, where they differ (GB: ENG, SCT, WLS, NIR);
    # kb check warns when a country has parts and none is given (generator/kinds/vocabularies/checks.py)
    subdivision: ShortText | None = None

    @field_validator("subdivision")
    @classmethod
    def _known_subdivision(cls, value: str | None, info: ValidationInfo) -> str | None:
        country = info.data.get("country")  # absent when the country itself is wrong: reported there
        known = subdivisions(country) if country else None
        if value is None or known is None or value in known:  # a country without holidays: a warning
            return value
        if not known:
            raise ValueError(f"{country} has no parts with public holidays of their own; remove subdivision")
        close = next((k for k in known if k == value.strip().upper()), None)
        raise ValueError(f"'{value}' is not a part of {country} with its own public holidays; "
                         + (f"write it as {close}" if close else f"write one of {', '.join(known)}"))


class Service(Term):
    pass


# A body system problem guides and cases are grouped by. Its schema keeps the name it was published
# under ("Kind"); no docstring here: pydantic would publish it as the schema's description.
class BodySystem(Term):
    model_config = ConfigDict(title="Kind")


class OrganisationKind(Term):
    # a veterinary practice or hospital, where a sick animal can be seen (not a rescue or shelter)
    veterinary: bool = True
    # open through the night by its hours (an out-of-hours service): hours that run through the night at
    # an organisation of another kind are likely opens and closes swapped, and kb check asks
    open_at_night: bool = False
