"""Training modules: audience, objectives, prerequisites, sections, self-check and sessions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationInfo, field_validator

from generator.common.fields import HttpsUrl, Id, KbModel, LocalDateTime, ShortText, Text, TimeZone
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
