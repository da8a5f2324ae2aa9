"""A span of whole days written as `from` and `to` (both days included): kit loans, placement dates."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from generator.common.fields import IsoDate, KbModel


class DateSpan(KbModel):
    # `from` is a Python keyword: the field is from_ in the code and `from` in the data and exports
    from_: Annotated[IsoDate, Field(alias="from")]
    to: IsoDate

    @field_validator("to")
    @classmethod
    def _not_before_from(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("from_")
        if start is not None and value < start:
            raise ValueError(f"`to` ({value}) is before `from` ({start}); both days are included, "
                             "so a one-day span has the same `from` and `to`")
        return value

    def covers(self, day: date) -> bool:
        return self.from_ <= day <= self.to

    @property
    def days(self) -> int:
        return (self.to - self.from_).days + 1
