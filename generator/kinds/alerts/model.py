"""An alert (content/alerts/<id>.yml): something wrong now or soon (a clinic closed, a scanner down, a
phone line out), from when until when, who and what it affects, and what to do instead."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ValidationInfo, field_validator, model_validator

from generator.common.fields import Id, KbModel, Role, ShortText, Text, TimeZone

_LOCAL = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$")

# closure: the organisations (or only the services named) take no animals while it is current, and
# leave "who can help now"; disruption: they work, with less (longer waits, no scanner); advice: news
Severity = Literal["closure", "disruption", "advice"]
Audience = Literal["public", "members"]  # members: only in the members' edition, never in public output


def _local_time(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is None:
        return value
    match = _LOCAL.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"'{value}' is not a local date and time; write it as 2026-11-20 08:00")
    try:
        return datetime.fromisoformat(f"{match[1]}T{match[2]}")
    except ValueError:
        raise ValueError(f"'{value}' is not a real date and time") from None


LocalTime = Annotated[datetime, BeforeValidator(_local_time, json_schema_input_type=str)]


class Alert(KbModel):
    id: Id
    title: ShortText  # says what and until when: "Southhaven CT scanner out of service until Friday"
    severity: Severity
    starts: LocalTime  # local time where it applies: 2026-11-20 08:00
    ends: LocalTime  # required: an alert that never ends would stay on every page
    timezone: TimeZone | None = None  # when the places it affects are in different time zones
    organisations: list[Id] = []
    services: list[Id] = []  # only these services of the organisations are affected
    regions: list[Id] = []  # affected as a whole (the organisations' own regions are added)
    summary: Text  # what is wrong, in a sentence or two
    instead: Text  # what to do instead, first thing an owner or a vet reads
    instead_organisations: list[Id] = []  # who to ring instead: their numbers are shown with the alert
    issued_by: Role
    audience: Audience = "public"

    @field_validator("ends")
    @classmethod
    def _after_start(cls, ends: datetime, info: ValidationInfo) -> datetime:
        starts = info.data.get("starts")
        if starts is not None and ends <= starts:
            raise ValueError(f"{ends:%Y-%m-%d %H:%M} is not after starts ({starts:%Y-%m-%d %H:%M})")
        return ends

    @field_validator("services")
    @classmethod
    def _of_organisations(cls, services: list[str], info: ValidationInfo) -> list[str]:
        if services and not info.data.get("organisations"):
            raise ValueError("these are services of the organisations it names: add organisations")
        return services

    @model_validator(mode="after")
    def _affects_something(self) -> Alert:
        if not self.organisations and not self.regions:
            raise ValueError("name the organisations or the regions the alert affects")
        return self

