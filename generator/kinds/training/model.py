"""Training modules: audience, objectives, prerequisites, sections, self-check and sessions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from generator.common.fields import HttpsUrl, Id, KbModel, ShortText, Text, TimeZone
from generator.common.review import Review, Sources

Audience = Literal["owner", "technician", "vet", "rescue-volunteer"]
Level = Literal["introductory", "intermediate", "advanced"]


def _local_datetime(value: object) -> object:
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' is not a date and time; write it as YYYY-MM-DDTHH:MM") from None
        if parsed.tzinfo is not None:
            raise ValueError("give the local time without an offset, and the time zone in `timezone`")
        return parsed
    raise ValueError(f"'{value}' is not a date and time; write it as YYYY-MM-DDTHH:MM in quotes")


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
    start: Annotated[datetime, BeforeValidator(_local_datetime)]
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
