"""A de-identified case report, structured after the CARE checklist."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator

from generator.common.fields import Id, IsoDate, KbModel, Role, ShortText, Text

AgeBand = Literal["juvenile", "young-adult", "adult", "senior"]
WeightBand = Literal["under-50-g", "50-150-g", "150-500-g", "500-1000-g", "over-1000-g"]


def band_words(band: str) -> str:
    """An age or weight band as a reader says it: "150-500-g" is "150–500 g" (an en dash for the
    range), "young-adult" is "young adult"."""
    found = re.fullmatch(r"(\d+)-(\d+)-g", band)
    if found:
        return f"{found[1]}\u2013{found[2]} g"
    return re.sub(r"-(g)$", r" \1", band).replace("-", " ")
Outcome = Literal["recovered", "improved", "referred", "died", "euthanised"]
_RELATIVE_TIME = re.compile(r"^(day \d+|[+-]\d+ ?(min|h|d)|arrival|discharge)$")


class TimelineEvent(KbModel):
    at: ShortText  # relative time only: "day 0", "+6 h", "day 3"
    event: Text

    @field_validator("at")
    @classmethod
    def _relative(cls, value: str) -> str:
        if not _RELATIVE_TIME.match(value.strip()):
            raise ValueError(f"'{value}' is not a relative time; write it like 'day 0', 'day 3', '+6 h' or '+30 min'")
        return value


class Related(KbModel):
    problems: list[Id] = []
    modules: list[Id] = []
    services: list[Id] = []


class CaseReview(KbModel):
    by: Role
    on: IsoDate


class Case(KbModel):
    id: Id
    title: ShortText
    species: Id
    age_band: AgeBand
    weight_band: WeightBand
    body_system: Id
    presenting_signs: Annotated[list[Id], Field(min_length=1)]
    tier: Id
    history: Text
    timeline: Annotated[list[TimelineEvent], Field(min_length=1)]
    diagnostics: list[Text] = []
    procedures: list[Text] = []
    outcome: Outcome
    follow_up: Text | None = None
    lessons: Annotated[list[Text], Field(min_length=1)]
    related: Related = Related()
    organisation: Id
    consent_recorded: bool
    reviewed: CaseReview
