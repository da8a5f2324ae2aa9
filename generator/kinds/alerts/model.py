"""An alert (content/alerts/<id>.yml): something wrong now or soon (a clinic closed, a scanner down, a
phone line out), from when until when, who and what it affects, and what to do instead."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import ValidationInfo, field_validator, model_validator

from generator.common.fields import Id, KbModel, LocalDateTime, Role, ShortText, Text, TimeZone

# closure: the organisations (or only the services named) take no animals while it is current, and
# leave "who can help now"; disruption: they work, with less (longer waits, no scanner); advice: news
Severity = Literal["closure", "disruption", "advice"]
Audience = Literal["public", "members"]  # members: only in the members' edition, never in public output


class Alert(KbModel):
    id: Id
    title: ShortText  # says what and until when: "Southhaven CT scanner out of service until Friday"
    severity: Severity
    start: LocalDateTime  # local time where it applies: "2026-11-20 08:00"
    end: LocalDateTime  # required: an alert that never ends would stay on every page
    timezone: TimeZone | None = None  # when the places it affects are in different time zones
    organisations: list[Id] = []
    services: list[Id] = []  # only these services of the organisations are affected
    regions: list[Id] = []  # affected as a whole (the organisations' own regions are added)
    summary: Text  # what is wrong, in a sentence or two
    instead: Text  # what to do instead, first thing an owner or a vet reads
    instead_organisations: list[Id] = []  # who to ring instead: their numbers are shown with the alert
    issued_by: Role
    audience: Audience = "public"

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: datetime, info: ValidationInfo) -> datetime:
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError(f"{end:%Y-%m-%d %H:%M} is not after start ({start:%Y-%m-%d %H:%M})")
        return end

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

