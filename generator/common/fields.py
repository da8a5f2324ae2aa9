"""Shared field types: ids, dates, clock times, links and the strict base model."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic.json_schema import GenerateJsonSchema

from generator.common.roles import role
from generator.core.ids import ID_MAX_LENGTH, ID_PATTERN

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_CLOCK = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# an ISO 3166 country code as written in addresses and regions (validate.py words its one message)
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class KbModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class PublishedNames(GenerateJsonSchema):
    """JSON Schemas name a model by its title where it sets one, so a model renamed in the code keeps
    the name its schema was published under (schemas/, the OpenAPI document)."""

    def normalize_name(self, name: str) -> str:
        return super().normalize_name(_published_names().get(name, name))


def _published_names() -> dict[str, str]:
    names: dict[str, str] = {}
    pending = list(KbModel.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        title = cls.model_config.get("title")
        if title and title != cls.__name__:
            names[cls.__name__] = title
    return names


def _iso_date(value: Any) -> Any:
    # YAML values reach us as text; refuse numbers so 20261002 is not read as a timestamp.
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD")
    return _iso_date_text(value)


# The same few hundred dates (review dates, holidays) are written tens of thousands of times at scale.
@lru_cache(maxsize=4096)
def _iso_date_text(value: str) -> str:
    if not _ISO_DATE.match(value.strip()):
        raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD")
    text = value.strip()
    year, month, day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        raise ValueError(f"'{value}' is not a real date: there is no month {month}")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise ValueError(f"'{value}' is not a real date: {calendar.month_name[month]} {year} has "
                         f"{days_in_month} days")
    return text


def _clock(value: Any) -> str:
    if not isinstance(value, str) or not _CLOCK.match(value.strip()):
        raise ValueError(f"'{value}' is not a time; write it as HH:MM on the 24-hour clock, in quotes")
    text = value.strip()
    if text > "24:00":
        raise ValueError(f"'{value}' is not a time; the latest time is 24:00")
    return text


def _iana_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{value}' is not an IANA time zone such as Europe/London") from None
    return value


def _local_datetime(value: object) -> object:
    """A local date and time as written (the time zone is a field beside it), never with an offset."""
    if isinstance(value, datetime) and value.tzinfo is None:  # YAML reads 2026-11-20 08:00:00 unquoted as one
        return value
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' is not a date and time; write it as YYYY-MM-DDTHH:MM") from None
        if parsed.tzinfo is not None:
            raise ValueError("give the local time without an offset, and the time zone in `timezone`")
        return parsed
    raise ValueError(f"'{value}' is not a date and time; write it as YYYY-MM-DDTHH:MM in quotes")


def _https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme.lower() != "https":
        raise ValueError(f"'{value}' is not allowed: links must start with https://")
    if not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"'{value}' is not a valid web address")
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is not an e-mail address; write it like desk@clinic.example")
    return value


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
IsoDate = Annotated[date, BeforeValidator(_iso_date, json_schema_input_type=date)]
ClockTime = Annotated[str, BeforeValidator(_clock, json_schema_input_type=Annotated[str, StringConstraints(
    pattern=r"^([01]\d|2[0-4]):[0-5]\d$")])]
HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_https_url)]
Email = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_email)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Role = Annotated[ShortText, AfterValidator(role)]  # a job, never a person's name (published)
TimeZone = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_iana_zone)]
LocalDateTime = Annotated[datetime, BeforeValidator(_local_datetime)]  # local time; its zone is another field


@lru_cache(maxsize=4096)  # millions of calls at scale over at most 1,441 distinct times
def minutes(clock: str) -> int:
    """'08:30' -> 510; '24:00' -> 1440."""
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)
