"""Volunteer groups: organised groups with a coordinating role, never private individuals."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.common.fields import Email, Id, KbModel, Role, ShortText, Text
from generator.common.hours import HoursException, OpeningHours
from generator.kinds.organisations.model import Phone, Verification

Capability = Literal["transport", "foster-care", "first-aid-trained", "out-of-hours-transport", "fundraising"]


class Coordinator(KbModel):
    role: Role
    organisation: Id  # the organisation through which the group is contacted
    phone: Phone | None = None
    email: Email | None = None


class VolunteerGroup(KbModel):
    id: Id
    name: ShortText
    summary: Text
    capabilities: Annotated[list[Capability], Field(min_length=1)]
    regions: Annotated[list[Id], Field(min_length=1)]
    hours: OpeningHours
    exceptions: list[HoursException] = []
    coordinator: Coordinator
    verified: Verification
