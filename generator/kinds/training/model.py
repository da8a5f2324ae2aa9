"""Training modules (audience, objectives, prerequisites, sections, self-check and sessions) and
placements and exchanges (time spent at a host organisation)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationInfo, field_validator, model_validator

from generator.common.date_spans import DateSpan
from generator.common.fields import (
    Email,
    HttpsUrl,
    Id,
    IsoDate,
    KbModel,
    LocalDateTime,
    Role,
    ShortText,
    Text,
    TimeZone,
)
from generator.common.review import Review, Sources

Audience = Literal["owner", "technician", "vet", "rescue-volunteer"]
Level = Literal["introductory", "intermediate", "advanced"]


class Section(KbModel):
    title: ShortText
    body: Text


class Question(KbModel):
    question: Text
    options: Annotated[list[ShortText], Field(min_length=2, max_length=6)]
    answer: Annotated[int, Field(ge=1)]  # 1-based, as people count
    explanation: Text

    @field_validator("answer")
    @classmethod
    def _answer_is_an_option(cls, value: int, info: ValidationInfo) -> int:
        options = info.data.get("options") or []
        if options and value > len(options):
            raise ValueError(f"answer {value} does not exist: there are {len(options)} options")
        return value


class Session(KbModel):
    id: Id
    title: ShortText
    format: Literal["webinar", "hands-on", "hybrid"]
    start: LocalDateTime
    timezone: TimeZone
    duration_minutes: Annotated[int, Field(gt=0, le=24 * 60)]
    host: Id  # an organisation id
    booking: HttpsUrl
    location: ShortText | None = None

    @property
    def starts_at(self) -> datetime:
        return self.start.replace(tzinfo=ZoneInfo(self.timezone))


class Module(KbModel):
    id: Id
    title: ShortText
    summary: Text
    audience: Annotated[list[Audience], Field(min_length=1)]
    level: Level
    duration_minutes: Annotated[int, Field(gt=0)]
    ce_credits: Annotated[float, Field(ge=0, le=100)] = 0
    objectives: Annotated[list[Text], Field(min_length=1)]
    competencies: list[Text] = []
    prerequisites: list[Id] = []
    sections: Annotated[list[Section], Field(min_length=1)]
    questions: list[Question] = []
    sessions: list[Session] = []
    sources: Sources
    review: Review


class Application(KbModel):
    how: Text  # what to send and what happens next
    deadline: IsoDate | None = None  # applications close at the end of this day
    email: Email | None = None
    url: HttpsUrl | None = None

    @model_validator(mode="after")
    def _somewhere_to_apply(self) -> Application:
        if not self.email and not self.url:
            raise ValueError("give an e-mail address or a web address to apply to")
        return self


class Placement(KbModel):
    """A placement (time spent learning at a host) or an exchange (staff of two members swap)."""

    id: Id
    title: ShortText
    kind: Literal["placement", "exchange"]
    summary: Text
    host: Id  # the host organisation's id
    role: Role  # the role the visitor takes there, never a person
    audience: Annotated[list[Audience], Field(min_length=1)]
    duration_days: Annotated[int, Field(gt=0, le=365)]
    capacity: Annotated[int, Field(ge=1, le=50)]  # visitors at a time
    dates: Annotated[list[DateSpan], Field(min_length=1)]  # each intake, `from` and `to` both included
    apply: Application
    competencies: Annotated[list[Text], Field(min_length=1)]  # what the visitor can do afterwards
    prerequisites: list[Id] = []  # training modules to complete first
