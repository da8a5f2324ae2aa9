"""The network's own handbook (how it is run, joined and governed) and its yearly budgets.

Handbook pages name roles, never people: the committee is a list of roles, agreements name
organisations by id, and every page has an owner role and a review like guidance."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationInfo, field_validator, model_validator

from generator.common.fields import Id, IsoDate, KbModel, LocalDateTime, Role, ShortText, Text, TimeZone
from generator.common.review import Review

_CURRENCY = re.compile(r"^[A-Z]{3}$")  # ISO 4217
MeetingKind = Literal["committee", "case-panel"]


class Item(KbModel):
    """A titled piece of Markdown: a section, a criterion, a step, a clause of the template agreement."""

    title: ShortText
    body: Text


class CommitteeRole(KbModel):
    role: Role
    represents: ShortText  # who the seat speaks for: "veterinary leaders", "rescues"
    seats: Annotated[int, Field(ge=1, le=20)] = 1
    responsibilities: Annotated[list[Text], Field(min_length=1)]


class Partnership(KbModel):
    organisation: Id  # an organisation id (its file name in directory/organisations/)
    signed: IsoDate
    scope: Text  # what the partner brings: its complementary capability
    renewal_due: IsoDate | None = None

    @field_validator("renewal_due")
    @classmethod
    def _renewed_after_signing(cls, value: date | None, info: ValidationInfo) -> date | None:
        signed = info.data.get("signed")
        if value is not None and signed is not None and value <= signed:
            raise ValueError(f"renewal_due ({value.isoformat()}) must be after signed ({signed.isoformat()})")
        return value


class Meeting(KbModel):
    id: Id
    kind: MeetingKind
    title: ShortText
    start: LocalDateTime
    timezone: TimeZone
    duration_minutes: Annotated[int, Field(gt=0, le=24 * 60)]
    location: ShortText  # a room, or "Online (link sent to members)": never a private address
    agenda: Text | None = None

    @property
    def starts_at(self) -> datetime:
        return self.start.replace(tzinfo=ZoneInfo(self.timezone))

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class Position(KbModel):
    title: ShortText
    position: Text
    adopted: IsoDate


class HandbookPage(KbModel):
    id: Id
    title: ShortText
    summary: Text
    order: Annotated[int, Field(ge=1)]  # its place in the handbook's contents
    owner: Role  # the role that keeps the page up to date
    review: Review
    sections: list[Item] = []
    committee: list[CommitteeRole] = []
    criteria: list[Item] = []  # who may join, or which cases get shared resources
    steps: list[Item] = []  # how to join
    commitments: list[Text] = []  # what members commit to
    template: list[Item] = []  # the clauses of the template partnership agreement
    partnerships: list[Partnership] = []  # signed agreements
    meetings: list[Meeting] = []
    positions: list[Position] = []

    @model_validator(mode="after")
    def _says_something(self) -> HandbookPage:
        blocks = (self.sections, self.committee, self.criteria, self.steps, self.commitments, self.template,
                  self.partnerships, self.meetings, self.positions)
        if not any(blocks):
            raise ValueError("the page is empty: give it sections or one of committee, criteria, steps, "
                             "commitments, template, partnerships, meetings or positions")
        return self


Amount = Annotated[int, Field(ge=0, le=1_000_000_000)]  # whole units of the budget's currency
INCOME_SOURCES = ("dues", "grants", "fundraising", "in_kind")
SPENDING_PURPOSES = ("equipment", "maintenance", "training", "outreach", "coordination")


def _adds_up(total: int, info: ValidationInfo, parts: tuple[str, ...]) -> int:
    """The stated total against the sum of the parts (when every part was valid: no false cascade)."""
    if all(isinstance(info.data.get(p), int) for p in parts):
        added = sum(info.data[p] for p in parts)
        if added != total:
            raise ValueError(f"the total is {total:,} but {' + '.join(parts)} add up to {added:,}")
    return total


class Income(KbModel):
    dues: Amount  # membership dues
    grants: Amount
    fundraising: Amount
    in_kind: Amount  # donated goods and time, at the value stated in the notes
    total: Amount

    @field_validator("total")
    @classmethod
    def _total(cls, value: int, info: ValidationInfo) -> int:
        return _adds_up(value, info, INCOME_SOURCES)


class Spending(KbModel):
    equipment: Amount
    maintenance: Amount
    training: Amount
    outreach: Amount
    coordination: Amount
    total: Amount

    @field_validator("total")
    @classmethod
    def _total(cls, value: int, info: ValidationInfo) -> int:
        return _adds_up(value, info, SPENDING_PURPOSES)


class Budget(KbModel):
    year: Annotated[int, Field(ge=2000, le=2100)]
    basis: Literal["actual", "planned"]  # the year's accounts, or the budget agreed for it
    currency: ShortText  # ISO 4217: GBP, EUR, USD
    owner: Role
    review: Review
    income: Income
    spending: Spending
    notes: list[Text] = []

    @field_validator("currency")
    @classmethod
    def _currency_code(cls, value: str) -> str:
        if not _CURRENCY.match(value):
            raise ValueError(f"'{value}' is not a currency code; write its three capital letters, such as GBP, "
                             "EUR or USD")
        return value

    @property
    def id(self) -> str:
        """Budget files are named by their year: content/network/budget/2026.yml."""
        return str(self.year)

    @property
    def balance(self) -> int:
        return self.income.total - self.spending.total
