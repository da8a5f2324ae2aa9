"""An organisation in the directory: modelled after Open Referral HSDS and schema.org VeterinaryCare,
extended with small-mammal capabilities (species, weight limits) and emergency cover."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from generator.common.fields import (
    CountryCode,
    Email,
    HttpsUrl,
    Id,
    IsoDate,
    KbModel,
    Role,
    ShortText,
    Text,
)
from generator.common.hours import HoursException, OpeningHours
from generator.common.phones import PhoneNumber, normalise

PhoneType = Literal["main", "emergency", "after-hours", "referrals"]
# what each kind of line is called on pages, in vCards and in the CSV, unless the entry gives a label
PHONE_LABELS = {"main": "Main line", "emergency": "Emergency line", "after-hours": "After-hours line",
                "referrals": "Referrals line"}
Status = Literal["active", "temporarily-closed", "closed"]
Arrangement = Literal["on-site-24h", "on-call", "partner", "none"]
Referrer = Literal["vets", "owners", "rescues"]


def _shorthand(key: str, model: type) -> BeforeValidator:
    """Let a list item be a bare id (`- rat`) as well as a mapping (`- species: rat`)."""

    def expand(value: Any) -> Any:
        return {key: value} if isinstance(value, str) else value

    return BeforeValidator(expand, json_schema_input_type=str | model)


Grams = Annotated[int, Field(gt=0, le=5000)]


class SpeciesCapability(KbModel):
    species: Id
    min_weight_g: Grams | None = None
    notes: Text | None = None


class ServiceOffer(KbModel):
    """A service, with its own availability where it differs from the organisation's: hours (when the
    service runs, within the organisation's own opening or on-call time), the species and weights it
    takes, and whether only a vet can refer a patient to it. `limits` is for what is not data."""

    service: Id
    hours: OpeningHours | None = None
    species: list[Id] | None = None
    min_weight_g: Grams | None = None
    max_weight_g: Grams | None = None
    referral_only: bool = False
    limits: Text | None = None


class Phone(KbModel):
    type: PhoneType
    number: ShortText
    label: ShortText | None = None
    verified_on: IsoDate | None = None

    @field_validator("number")
    @classmethod
    def _valid_number(cls, value: str, info: ValidationInfo) -> str:
        context = info.context or {}
        allow_fictional = context.get("allow_fictional", False)
        return normalise(value, context.get("country"), allow_fictional=allow_fictional).stored

    @property
    def phone(self) -> PhoneNumber:
        return normalise(self.number, None, allow_fictional=True)

    @property
    def shown_label(self) -> str:
        return self.label or PHONE_LABELS[self.type]


class Contacts(KbModel):
    phones: Annotated[list[Phone], Field(min_length=1)]
    # private: only in the members' edition (direct referral lines, the duty vet's mobile)
    direct_lines: list[Phone] = []
    email: Email | None = None
    website: HttpsUrl | None = None
    referral_role: Role | None = None


class Address(KbModel):
    street: ShortText
    locality: ShortText
    postcode: ShortText | None = None
    country: CountryCode


class Coordinates(KbModel):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class Location(KbModel):
    address: Address
    region: Id
    coordinates: Coordinates | None = None


class AfterHours(KbModel):
    arrangement: Arrangement
    partner: Id | None = None
    # when the on-call vet answers, if not at every hour the organisation is closed
    on_call_hours: OpeningHours | None = None
    # the on-call vet answers the practice's registered clients only: owners who are not are told so
    # and offered those who take anyone first
    clients_only: bool = False
    notes: Text | None = None


class Referrals(KbModel):
    accepts_from: Annotated[list[Referrer], Field(min_length=1)]
    how: Text
    response_time: ShortText | None = None


class Accreditation(KbModel):
    name: ShortText
    level: ShortText | None = None


class Verification(KbModel):
    on: IsoDate
    by: Role


class Organisation(KbModel):
    id: Id
    name: ShortText
    kind: Id
    summary: Text
    status: Status
    alert: Text | None = None
    species: Annotated[list[Annotated[SpeciesCapability, _shorthand("species", SpeciesCapability)]],
                       Field(min_length=1)]
    services: Annotated[list[Annotated[ServiceOffer, _shorthand("service", ServiceOffer)]], Field(min_length=1)]
    limitations: list[Text] = []
    contacts: Contacts
    location: Location
    hours: OpeningHours
    after_hours: AfterHours
    exceptions: list[HoursException] = []
    referrals: Referrals | None = None
    # owners cannot come directly: every patient is referred by a vet (referral-only specialists)
    referral_only: bool = False
    accreditation: list[Accreditation] = []
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2}$")]] = []
    verified: Verification
    aliases: list[Id] = []  # former ids: their old addresses redirect here

    def phones_of(self, kind: str) -> list[Phone]:
        return [p for p in self.contacts.phones if p.type == kind]

    # for the species and service lists' rows (theme/kb/macros.html): a filter pipeline there
    # (`selectattr | first`) was a quarter of rendering those pages
    def care_for(self, species_id: str) -> SpeciesCapability | None:
        return next((c for c in self.species if c.species == species_id), None)

    def offer_of(self, service_id: str) -> ServiceOffer | None:
        return next((o for o in self.services if o.service == service_id), None)

    def first_phone_of(self, kinds: Sequence[str]) -> Phone:
        """The first number of the first of ``kinds`` it has; else its first number."""
        for kind in kinds:
            found = self.phones_of(kind)
            if found:
                return found[0]
        return self.contacts.phones[0]

    @property
    def first_call(self) -> Phone:
        """The number an owner in an emergency should ring first."""
        return self.first_phone_of(("emergency", "after-hours", "main", "referrals"))
