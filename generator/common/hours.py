"""Opening hours as data: periods on days of the week, exceptions on dates, and `24/7`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from generator.common.fields import ClockTime, IsoDate, KbModel, ShortText, minutes

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = dict(zip(DAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                     strict=True))
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ALWAYS = "24/7"


def _expand_days(value: Any) -> Any:
    """Accept `mon-fri`, `daily`, or a list mixing days and ranges; return a list of day ids."""
    items = value if isinstance(value, list) else [value]
    days: list[Any] = []
    for item in items:
        if isinstance(item, str) and item.strip().lower() in ("daily", "every day"):
            days.extend(DAYS)
        elif isinstance(item, str) and "-" in item:
            start, _, end = (part.strip().lower() for part in item.partition("-"))
            if start not in DAYS or end not in DAYS:
                raise ValueError(f"'{item}' is not a day range; write for example mon-fri")
            i, j = DAYS.index(start), DAYS.index(end)
            days.extend(DAYS[i : j + 1] if i <= j else DAYS[i:] + DAYS[: j + 1])
        elif isinstance(item, str) and item.strip().lower() in DAYS:
            days.append(item.strip().lower())
        else:
            raise ValueError(f"'{item}' is not a day (write days as {', '.join(DAYS)}, a range such as mon-fri, "
                             "or daily)")
    return days


class Period(KbModel):
    """Open from `opens` to `closes` on each of `days`; closing before opening runs past midnight."""

    days: Annotated[list[Day], BeforeValidator(_expand_days, json_schema_input_type=str | list[str])]
    opens: ClockTime
    closes: ClockTime

    @field_validator("days")
    @classmethod
    def _some_days(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("name at least one day")
        return sorted(set(value), key=DAYS.index)

    @field_validator("opens")
    @classmethod
    def _opens_before_midnight(cls, value: str) -> str:
        if value == "24:00":
            raise ValueError("'24:00' cannot be an opening time; write 00:00")
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> Period:
        if self.opens == self.closes:
            raise ValueError(f"opens and closes are both {self.opens}; for all day write 00:00 to 24:00")
        return self

    @property
    def overnight(self) -> bool:
        return minutes(self.closes) < minutes(self.opens)


class HoursException(KbModel):
    """A date with different hours: closed all day, or open at other times."""

    date: IsoDate
    closed: bool = Field(False, description="true if closed all day; if open, in place of this line the hours "
                                       'kept that day: opens: "10:00" and closes: "14:00"')
    opens: ClockTime | None = None
    closes: ClockTime | None = None
    note: ShortText | None = None

    @model_validator(mode="after")
    def _closed_or_times(self) -> HoursException:
        has_times = self.opens is not None or self.closes is not None
        if self.closed and has_times:
            raise ValueError("give either closed: true or opens and closes, not both")
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValueError("give closed: true, or both opens and closes")
        return self

    @property
    def overnight(self) -> bool:
        """Open past midnight into the next day (closes at or before it opens: 00:00–00:00 is a whole
        day from midnight). Unlike a weekly period, an exception's equal times are not "closed"."""
        return not self.closed and minutes(self.closes) <= minutes(self.opens)


def expand_always(value: Any) -> Any:
    if isinstance(value, str):
        if value.strip() == ALWAYS:
            return [{"days": list(DAYS), "opens": "00:00", "closes": "24:00"}]
        if value.strip() == "change-me":  # `kb new`'s template: opening hours are never guessed for you
            raise ValueError("write the opening hours: the template leaves them for you to write (24/7, or a "
                             "list such as - {days: mon-fri, opens: \"08:30\", closes: \"18:30\"})")
        raise ValueError(f"'{value}' is not a list of opening periods; write 24/7 or a list of "
                         "{days, opens, closes}")
    return value


OpeningHours = Annotated[list[Period], BeforeValidator(expand_always,
                                                       json_schema_input_type=Literal["24/7"] | list[Period])]
