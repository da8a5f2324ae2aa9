"""Aggregate network metrics for one region and reporting period. Never patient-level data."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from generator.common.fields import Id, KbModel, Role, ShortText, Text

Count = Annotated[int, Field(ge=0)]
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$")


class Clock(KbModel):
    starts: Text  # what starts the clock, e.g. the first call to any network clinic
    stops: Text  # what stops it, e.g. first contact with a vet


class TimeToVet(KbModel):
    tier: Id
    count: Count  # contacts behind the figures
    median_minutes: Annotated[float, Field(ge=0)]
    p90_minutes: Annotated[float, Field(ge=0)]
    within_target: Count  # contacts seen within the tier's target time

    @model_validator(mode="after")
    def _consistent(self) -> TimeToVet:
        if self.within_target > self.count:
            raise ValueError(f"within_target ({self.within_target}) is more than count ({self.count})")
        if self.p90_minutes < self.median_minutes:
            raise ValueError("p90_minutes cannot be less than median_minutes")
        return self


class Referrals(KbModel):
    requests: Count
    accepted: Count
    declined: Count
    expired: Count

    @model_validator(mode="after")
    def _within_requests(self) -> Referrals:
        decided = self.accepted + self.declined + self.expired
        if decided > self.requests:
            raise ValueError(f"accepted + declined + expired ({decided}) is more than requests ({self.requests})")
        return self

    @property
    def pending(self) -> int:
        return self.requests - self.accepted - self.declined - self.expired


class ProblemOutcomes(KbModel):
    problem: Id
    recovered: Count
    referred: Count
    died: Count


class MetricsReport(KbModel):
    id: Id
    region: Id
    period: ShortText  # YYYY-MM or YYYY-Qn
    reported_by: Role
    clock: Clock
    contacts_by_tier: dict[Id, Count]
    time_to_vet: Annotated[list[TimeToVet], Field(min_length=1)]
    referrals: Referrals
    outcomes: list[ProblemOutcomes] = []
    notes: Text | None = None

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        if not _PERIOD.match(value):
            raise ValueError(f"'{value}' is not a reporting period; write a month as 2026-05 or a quarter as 2026-Q2")
        return value
