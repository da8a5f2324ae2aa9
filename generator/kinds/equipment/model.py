"""Shared equipment held by organisations, and the kit library's vocabulary of item types."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from generator.common.date_spans import DateSpan
from generator.common.fields import Email, Id, IsoDate, KbModel, Role, ShortText, Text
from generator.common.phones import normalise
from generator.kinds.vocabularies.model import Term

EquipmentStatus = Literal["available", "on-loan", "in-maintenance", "retired"]
Borrower = Literal["vets", "technicians", "rescues", "network-members"]
# booked and out keep the item from everyone else on those days; returned and cancelled loans stay as
# a record and block nothing
LoanStatus = Literal["booked", "out", "returned", "cancelled"]
BLOCKING: frozenset[str] = frozenset({"booked", "out"})


class EquipmentType(Term):
    services: list[Id] = []  # the services this kit makes possible (links kit to problem guides)


class Access(KbModel):
    who: Annotated[list[Borrower], Field(min_length=1)]
    max_days: Annotated[int, Field(gt=0, le=365)] | None = None
    conditions: Text | None = None
    training: Id | None = None  # a training module a borrower must have completed


class Booking(KbModel):
    role: Role
    phone: ShortText | None = None
    email: Email | None = None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        context = info.context or {}
        return normalise(value, context.get("country"), allow_fictional=context.get("allow_fictional", False)).stored

    @model_validator(mode="after")
    def _reachable(self) -> Booking:
        if not self.phone and not self.email:
            raise ValueError("give a phone or an e-mail address for booking")
        return self


class Loan(DateSpan):
    """The item lent to another organisation from `from` to `to`, both days included."""

    borrower: Id  # the borrowing organisation's id
    status: LoanStatus

    @property
    def blocks(self) -> bool:
        return self.status in BLOCKING


class Equipment(KbModel):
    id: Id
    item: Id  # from directory/equipment-types.yml
    holder: Id  # the organisation that holds it
    quantity: Annotated[int, Field(ge=1, le=100)]
    loanable: bool
    status: EquipmentStatus
    last_serviced: IsoDate | None = None
    next_service_due: IsoDate | None = None
    access: Access | None = None
    booking: Booking
    loans: list[Loan] = []  # the loan schedule, past and planned
    notes: Text | None = None

